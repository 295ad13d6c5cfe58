"""The layering rules the build cannot see, checked on the source tree (scripts/check-boundaries.sh).

1. The HDF5 C API (H5 and one to three capitals, then a call: H5Dwrite(, H5LTmake_dataset(,
   H5DSattach_scale() is called only inside engine/io. Tests are exempt: they read files with
   the C API on purpose, independently of the code under test.
2. A module's detail/ headers are included only from inside that module.
3. A model module (models/NAME/) includes headers only of itself and of the modules its
   CMakeLists.txt names in the DEPS of ms_add_module.
4. cli/ parses, calls a driver (models/experiments) and prints: it includes no oneTBB, MPI,
   HDF5, journal or run-executor header, and no cli/*.cpp is longer than 150 lines.
Each violation is printed as FILE:LINE: what; exit 1 if any, 0 otherwise.
"""
import pathlib
import re
import sys

HDF5_CALL = re.compile(r"\bH5[A-Z]{1,3}[a-z][A-Za-z0-9_]*\s*\(")
INCLUDE = re.compile(r'^\s*#\s*include\s*"([^"]+)"')
ANY_INCLUDE = re.compile(r'^\s*#\s*include\s*[<"]([^>"]+)[>"]')
# What cli/ leaves to the drivers: whole runs, their threads and ranks, their files.
CLI_FORBIDDEN = re.compile(r"^(tbb/|oneapi/tbb|mpi\.h$|hdf5|H5[A-Za-z]*\.h$|engine/io/h5|"
                           r"engine/experiment/(journal|run_executor|local_executor|mpi_sweep)\.hpp$)")
CLI_MAX_LINES = 150
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
    deps = {}  # model module -> the modules it may include
    for cmake in sorted((root / "models").glob("*/CMakeLists.txt")):
        declared = module_deps(cmake.read_text(encoding="utf-8"))
        if declared is not None:
            deps[cmake.parent.name] = declared | {cmake.parent.name}
    problems = []
    for top in ("engine", "models", "cli", "bench", "tests"):
        for path in source_files(root, top):
            rel = path.relative_to(root).as_posix()
            parts_of_file = rel.split("/")
            module = parts_of_file[1] if top == "models" and len(parts_of_file) > 2 else None
            hdf5_allowed = top == "tests" or rel.startswith("engine/io/")
            lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
            if top == "cli" and rel.endswith(".cpp") and len(lines) > CLI_MAX_LINES:
                problems.append(f"{rel}:{CLI_MAX_LINES + 1}: {len(lines)} lines, over the {CLI_MAX_LINES} a "
                                "command may take: move the work into a driver (models/experiments)")
            for number, line in enumerate(lines, 1):
                call = None if hdf5_allowed else HDF5_CALL.search(code_part(line))
                if call:
                    problems.append(f"{rel}:{number}: HDF5 C API call {call.group(0).rstrip('( ')}( outside "
                                    "engine/io: add what you need to engine/io and call that")
                any_inc = ANY_INCLUDE.match(line)
                if top == "cli" and any_inc and CLI_FORBIDDEN.match(any_inc.group(1)):
                    problems.append(f"{rel}:{number}: includes {any_inc.group(1)}; cli/ calls a driver "
                                    "(models/experiments) instead")
                inc = INCLUDE.match(line)
                if not inc:
                    continue
                header = inc.group(1)
                if "/detail/" in header and not rel.startswith(header.split("/detail/")[0] + "/"):
                    owner = header.split("/detail/")[0]
                    problems.append(f"{rel}:{number}: includes {header}, a detail header of {owner}; "
                                    "only that module may")
                parts = header.split("/")
                if module in deps and len(parts) >= 3 and parts[0] in ("engine", "models"):
                    if parts[1] not in deps[module] and (module, parts[1]) not in ALLOWED:
                        problems.append(f"{rel}:{number}: includes {header}, but module '{module}' does not "
                                        f"declare '{parts[1]}' in the DEPS of models/{module}/CMakeLists.txt")
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
