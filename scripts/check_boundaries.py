"""The layering rules the build cannot see, checked on the source tree (scripts/check-boundaries.sh).

1. The HDF5 C API (H5 and one to three capitals, then a call: H5Dwrite(, H5LTmake_dataset(,
   H5DSattach_scale() is called only inside engine/io. Tests are exempt: they read files with
   the C API on purpose, independently of the code under test.
2. A module's detail/ headers are included only from inside that module.
3. A model module (models/NAME/) includes headers only of itself and of the modules its
   CMakeLists.txt names in the DEPS of ms_add_module.
Each violation is printed as FILE:LINE: what; exit 1 if any, 0 otherwise.
"""
import pathlib
import re
import sys

HDF5_CALL = re.compile(r"\bH5[A-Z]{1,3}[a-z][A-Za-z0-9_]*\s*\(")
INCLUDE = re.compile(r'^\s*#\s*include\s*"([^"]+)"')
MODULE = re.compile(r"ms_add_module\(\s*(\w+)(.*?)\)", re.S)
SOURCES = ("*.cpp", "*.hpp", "*.h", "*.cc")
# Known exceptions, each with its reason; a line here is a debt, not a rule.
ALLOWED = {
    # The Scenario struct lives in composition, which assembles the components; moving it to a
    # module of its own, below both, is part of the Drivers issue's room for drivers.
    ("components", "composition"),
}


def code_part(line):
    """The line without a trailing // comment (a string holding // is rare enough here)."""
    cut = line.find("//")
    return line if cut < 0 else line[:cut]


def source_files(root, top):
    base = root / top
    if not base.is_dir():
        return []
    return sorted(p for pattern in SOURCES for p in base.rglob(pattern) if p.is_file())


def module_deps(cmake_text):
    """DEPS of the first ms_add_module call, or None if there is none."""
    m = MODULE.search(cmake_text)
    if not m:
        return None
    words = m.group(2).split()
    deps, in_deps = set(), False
    for w in words:
        if w in ("SOURCES", "LIBS", "ENGINE", "MODEL"):
            in_deps = False
        elif w == "DEPS":
            in_deps = True
        elif in_deps:
            deps.add(w)
    return deps


def check(root):
    problems = []
    for top in ("engine", "models", "cli", "bench"):
        for path in source_files(root, top):
            rel = path.relative_to(root).as_posix()
            lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
            for number, line in enumerate(lines, 1):
                if not rel.startswith("engine/io/"):
                    call = HDF5_CALL.search(code_part(line))
                    if call:
                        problems.append(f"{rel}:{number}: HDF5 C API call {call.group(0).rstrip('( ')}( outside "
                                        "engine/io: add what you need to engine/io and call that")
    for top in ("engine", "models", "cli", "bench", "tests"):
        for path in source_files(root, top):
            rel = path.relative_to(root).as_posix()
            for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
                inc = INCLUDE.match(line)
                if not inc or "/detail/" not in inc.group(1):
                    continue
                owner = inc.group(1).split("/detail/")[0] + "/"
                if not rel.startswith(owner):
                    problems.append(f"{rel}:{number}: includes {inc.group(1)}, a detail header of {owner.rstrip('/')}; "
                                    "only that module may")
    models = root / "models"
    if models.is_dir():
        for cmake in sorted(models.glob("*/CMakeLists.txt")):
            name = cmake.parent.name
            deps = module_deps(cmake.read_text(encoding="utf-8"))
            if deps is None:
                continue
            allowed = deps | {name}
            for path in source_files(root, f"models/{name}"):
                rel = path.relative_to(root).as_posix()
                for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
                    inc = INCLUDE.match(line)
                    if not inc:
                        continue
                    parts = inc.group(1).split("/")
                    if len(parts) < 3 or parts[0] not in ("engine", "models"):
                        continue
                    if parts[1] not in allowed and (name, parts[1]) not in ALLOWED:
                        problems.append(f"{rel}:{number}: includes {inc.group(1)}, but module '{name}' does not "
                                        f"declare '{parts[1]}' in the DEPS of models/{name}/CMakeLists.txt")
    return problems


def main():
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".").resolve()
    problems = check(root)
    for p in problems:
        print(p)
    if problems:
        print(f"check-boundaries: {len(problems)} violation(s)", file=sys.stderr)
        return 1
    print("check-boundaries: clean")
    return 0


if __name__ == "__main__":
    sys.exit(main())
