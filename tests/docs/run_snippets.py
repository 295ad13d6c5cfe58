#!/usr/bin/python3
"""Runs the code blocks of README.md and docs/**/*.md as a reader would, so the docs stay true.

    tests/docs/run_snippets.py --missionsim PATH [--source-dir DIR] [--only FILE]...

Every fenced block tagged `sh`, `python` or `r` runs in a fresh folder that holds what
scripts/demo.sh leaves behind: `scenarios/` (a copy), `scripts/` (a link), `results/demo.h5`
(made once, by the binary under test, with demo.sh's command) and `build/release/cli/missionsim`;
`missionsim` is on PATH. `sh` blocks run with `bash -e -o pipefail`, `python` blocks with
--python (Debian's /usr/bin/python3, which has h5py and xarray), `r` blocks with Rscript, each
for at most --timeout seconds. Other tags (`toml`, `text`, `console`, none) are not run.

HTML comments on the line(s) just above a fence change that:
    <!-- not-tested: REASON -->   the block is skipped; REASON says why it cannot run in CI
                                  (a marker without one fails);
    <!-- continues[: WHY] -->     the block runs in the folder of the previous sh/python/r
                                  block of the same file, after it (to read what it wrote);
                                  it fails if that block did not run cleanly.

Prints `ok|FAIL|skip FILE:LINE` per block and a summary; exit status 1 if any block failed,
2 if the runner itself could not start (bad options, the demo file could not be made).
"""
import argparse
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

RUN_TAGS = ("sh", "python", "r")
EXTENSION = {"sh": ".sh", "python": ".py", "r": ".R"}
FENCE = re.compile(r"^( {0,3})(`{3,}|~{3,})\s*([^`\s]*)")
COMMENTS = re.compile(r"(\s*<!--.*?-->)+\s*", re.S)
OWNED = ".run_snippets"  # marks a --work-dir this runner may empty
DEMO_COMMAND = ["run", "scenarios/demo.toml", "-o", "results/demo.h5", "--force", "--baseline", "-q"]


class Block:
    def __init__(self, path, line, tag, code, comments):
        self.path, self.line, self.tag, self.code = path, line, tag, code
        self.not_tested = None  # the reason, "" when the marker gives none
        self.continues = False
        for comment in comments:
            body = comment.strip()
            if body.startswith("not-tested"):
                self.not_tested = body[len("not-tested"):].lstrip(":").strip()
            elif body == "continues" or body.startswith("continues:"):
                self.continues = True

    @property
    def where(self):
        return f"{self.path}:{self.line}"


def comments_above(lines, fence_index):
    """The HTML comments that end on the line just above a fence (they may span lines)."""
    best = None
    k = fence_index - 1
    while k >= 0 and lines[k].strip():
        if COMMENTS.fullmatch("\n".join(lines[k:fence_index])):
            best = k
        k -= 1
    if best is None:
        return []
    return re.findall(r"<!--(.*?)-->", "\n".join(lines[best:fence_index]), re.S)


def blocks_in(source_dir, relative):
    """Every fenced block of a Markdown file (CommonMark fences: ``` or ~~~, up to 3 spaces in)."""
    with open(os.path.join(source_dir, relative), encoding="utf-8") as f:
        lines = f.read().split("\n")
    out = []
    i = 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if not m:
            i += 1
            continue
        indent, fence, tag = len(m.group(1)), m.group(2), m.group(3).lower()
        close = re.compile(r"^ {0,3}" + re.escape(fence[0]) + "{" + str(len(fence)) + r",}\s*$")
        j = i + 1
        while j < len(lines) and not close.match(lines[j]):
            j += 1
        strip = re.compile(r"^ {0,%d}" % indent)  # the fence's indentation, as CommonMark removes it
        code = "\n".join(strip.sub("", line) for line in lines[i + 1:j])
        out.append(Block(relative, i + 1, tag, code + "\n", comments_above(lines, i)))
        i = j + 1
    return [b for b in out if b.tag in RUN_TAGS]


def markdown_under(source_dir, folder):
    """Every .md file below `folder` (the scenario pages in docs/scenarios/ too), relative, sorted."""
    out = []
    for at, _, names in os.walk(os.path.join(source_dir, folder)):
        out += [os.path.relpath(os.path.join(at, n), source_dir) for n in names if n.endswith(".md")]
    return sorted(out)


def make_fixture(root, source_dir, missionsim):
    """The folder every block starts from: what scripts/demo.sh leaves in the source tree."""
    bin_dir = os.path.join(root, "bin")
    os.makedirs(bin_dir)
    os.symlink(missionsim, os.path.join(bin_dir, "missionsim"))
    fixture = os.path.join(root, "fixture")
    os.makedirs(os.path.join(fixture, "build", "release", "cli"))
    os.makedirs(os.path.join(fixture, "results"))
    os.symlink(missionsim, os.path.join(fixture, "build", "release", "cli", "missionsim"))
    os.symlink(os.path.join(source_dir, "scripts"), os.path.join(fixture, "scripts"))
    # A copy: a block may edit or add scenario files without touching the source tree.
    shutil.copytree(os.path.join(source_dir, "scenarios"), os.path.join(fixture, "scenarios"))
    started = time.monotonic()
    done = subprocess.run([missionsim] + DEMO_COMMAND, cwd=fixture, capture_output=True, text=True)
    if done.returncode != 0:
        sys.stderr.write(done.stdout + done.stderr)
        print(f"run_snippets: could not make results/demo.h5 (missionsim exit {done.returncode})",
              file=sys.stderr)
        sys.exit(2)
    print(f"made results/demo.h5 with `missionsim {' '.join(DEMO_COMMAND)}` "
          f"({time.monotonic() - started:.1f} s)")
    return bin_dir, fixture


def command_for(block, script, args):
    if block.tag == "sh":
        return ["bash", "-e", "-o", "pipefail", script]
    if block.tag == "python":
        return [args.python, script]
    return [args.rscript, script]


def execute(block, folder, script, env, args):
    """Runs one block; returns (passed, note, output)."""
    with open(script, "w", encoding="utf-8") as f:
        f.write(block.code)
    command = command_for(block, script, args)
    try:
        # A session of its own, so a timeout ends everything the block started.
        process = subprocess.Popen(command, cwd=folder, env=env, stdout=subprocess.PIPE,
                                   stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                   start_new_session=True)
    except OSError as e:
        return False, f"cannot start {command[0]}: {e.strerror}", ""
    try:
        output, _ = process.communicate(timeout=args.timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        output, _ = process.communicate()
        return False, f"timed out after {args.timeout:g} s", output.decode(errors="replace")
    output = output.decode(errors="replace")
    if process.returncode != 0:
        return False, f"exit status {process.returncode}", output
    return True, "", output


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--missionsim", default=os.environ.get("MISSIONSIM"),
                        help="the binary under test (default: $MISSIONSIM)")
    parser.add_argument("--source-dir", default=os.path.dirname(os.path.dirname(here)),
                        help="the source tree whose docs are run (default: this script's)")
    parser.add_argument("--only", action="append", metavar="FILE",
                        help="run this Markdown file's blocks only (relative to the source dir; repeatable)")
    parser.add_argument("--python", default="/usr/bin/python3", help="runs the python blocks")
    parser.add_argument("--rscript", default="Rscript", help="runs the r blocks")
    parser.add_argument("--timeout", type=float, default=30, help="seconds a block may take")
    parser.add_argument("--work-dir",
                        help="keep the blocks' folders here (emptied first) instead of in a temporary folder")
    args = parser.parse_args()

    if not args.missionsim:
        parser.error("give the binary under test with --missionsim (or $MISSIONSIM)")
    missionsim = os.path.abspath(args.missionsim)
    if not os.access(missionsim, os.X_OK):
        parser.error(f"--missionsim {args.missionsim}: not an executable file")
    source_dir = os.path.abspath(args.source_dir)
    files = args.only or ["README.md"] + markdown_under(source_dir, "docs")
    for relative in files:
        if not os.path.isfile(os.path.join(source_dir, relative)):
            parser.error(f"{relative}: no such file under {source_dir}")

    if args.work_dir:
        root = os.path.abspath(args.work_dir)
        # Only a folder this runner made is emptied: --work-dir . must not wipe a checkout.
        if os.path.isdir(root) and os.listdir(root) and not os.path.exists(os.path.join(root, OWNED)):
            parser.error(f"--work-dir {args.work_dir}: not empty and not made by this runner")
        shutil.rmtree(root, ignore_errors=True)
        os.makedirs(root)
        open(os.path.join(root, OWNED), "w").close()
    else:
        root = tempfile.mkdtemp(prefix="ms-snippets-")
    started = time.monotonic()
    bin_dir, fixture = make_fixture(root, source_dir, missionsim)
    env = dict(os.environ, PATH=bin_dir + os.pathsep + os.environ.get("PATH", ""),
               MISSIONSIM=missionsim, MPLBACKEND="Agg")

    counts = {"ok": 0, "FAIL": 0, "skip": 0}
    for relative in files:
        previous = None  # (block, folder, passed) of the file's last run block
        for block in blocks_in(source_dir, relative):
            if block.not_tested == "":
                verdict, note, output, folder = "FAIL", "not-tested without a reason", "", None
            elif block.not_tested:
                verdict, note, output, folder = "skip", block.not_tested, "", None
            elif block.continues and not (previous and previous[2]):
                after = previous[0].where if previous else "nothing"
                note = f"continues {after}, which did not run cleanly"
                verdict, output, folder = "FAIL", "", None
            else:
                stem = os.path.join(root, re.sub(r"\W", "_", relative) + f"-{block.line}")
                if block.continues:
                    folder = previous[1]
                else:
                    folder = stem
                    shutil.copytree(fixture, folder, symlinks=True)
                script = stem + EXTENSION[block.tag]  # beside the folder, so a block's `ls` does not see it
                t0 = time.monotonic()
                passed, note, output = execute(block, folder, script, env, args)
                verdict = "ok" if passed else "FAIL"
                note = f"{time.monotonic() - t0:.1f} s" + (f", {note}" if note else "")
            previous = (block, folder, verdict == "ok")
            counts[verdict] += 1
            print(f"{verdict} {block.where} ({note})", flush=True)
            if verdict == "FAIL" and output:
                tail = output.rstrip("\n").split("\n")[-40:]
                print("\n".join("    " + line for line in tail), flush=True)

    print(f"{counts['ok']} ok, {counts['FAIL']} failed, {counts['skip']} skipped "
          f"in {time.monotonic() - started:.1f} s" + (f"; folders kept in {root}" if args.work_dir else ""))
    if not args.work_dir:
        shutil.rmtree(root, ignore_errors=True)
    return 1 if counts["FAIL"] else 0


if __name__ == "__main__":
    sys.exit(main())
