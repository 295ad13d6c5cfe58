#!/usr/bin/python3
"""scripts/plot.py on each kind of file missionsim writes, made small: every image it should
draw comes out as a non-empty PNG and its path is printed; bad arguments are refused with one
line and exit status 2, never a traceback. Exit 77 (skipped) without matplotlib or h5py.

    plot_check.py MISSIONSIM SOURCE_DIR WORK_DIR KIND

KIND: run baseline sweep merge sobol morris compare psa tipping refusals
"""
import importlib.util
import os
import shutil
import subprocess
import sys

# The demo for two years at 2,000 people standing for a million, goals judged inside that.
SMALL = ["--set", "population.size=2000", "--set", "time.end=2027-01-01",
         "--set", "goals.early_detection.deadline=2026-12-31",
         "--set", "goals.fewer_cancers.deadline=2026-12-31"]
SERIES = ["adoption", "goals", "equity"]
SWEEP = ["--param", "pathway.onset_rate=0.002:0.006", "--param", "pathway.early_detection_rate=0.1:0.4"]


def missionsim(*args):
    subprocess.run([EXE, *args, *SMALL], check=True, stdout=subprocess.DEVNULL)


def mix(path, text):
    with open(path, "w") as f:
        f.write(text)
    return path


def make(kind, work, demo):
    """Writes the kind's file; returns its path and the images plot.py must draw from it."""
    out = os.path.join(work, f"{kind}.h5")
    if kind == "run":
        missionsim("run", demo, "-o", out, "-q")
        return out, SERIES
    if kind == "baseline":
        missionsim("run", demo, "-o", out, "-q", "--baseline")
        return out, SERIES
    if kind == "sweep":
        missionsim("sweep", demo, "-o", out, "-q", "--method", "lhs", *SWEEP, "--samples", "3")
        return out, SERIES
    if kind == "merge":
        shards = [os.path.join(work, f"shard-{i}.h5") for i in range(2)]
        for i, shard in enumerate(shards):
            missionsim("sweep", demo, "-o", shard, "-q", "--method", "lhs", *SWEEP, "--samples", "3",
                       "--shard", f"{i}/2")
        subprocess.run([EXE, "merge", *shards, "-o", out], check=True, stdout=subprocess.DEVNULL)
        return out, SERIES
    if kind in ("sobol", "morris"):
        missionsim("sweep", demo, "-o", out, "-q", "--method", kind, *SWEEP, "--samples", "2")
        bootstrap = ["--bootstrap", "20"] if kind == "sobol" else []
        subprocess.run([EXE, "sensitivity", out, "--metric", "incidence", *bootstrap], check=True,
                       stdout=subprocess.DEVNULL)
        return out, SERIES + ["sensitivity"]
    if kind == "compare":
        bigger = mix(os.path.join(work, "bigger.toml"), f'extends = "{demo}"\n[scenario]\nname = "bigger"\n'
                     '[[instruments]]\nname = "eat_well_campaign"\ninnovation_rate_boost = 0.2\n')
        missionsim("compare", demo, bigger, "-o", out, "-q", "--replicates", "2")
        return out, ["compare"]
    if kind == "psa":
        a = mix(os.path.join(work, "a.toml"), f'extends = "{demo}"\n[scenario]\nname = "a"\n[[instruments]]\n'
                'name = "eat_well_campaign"\n'
                'innovation_rate_boost = { distribution = "gamma", shape = 4, scale = 0.02 }\n')
        b = mix(os.path.join(work, "b.toml"), 'extends = "a.toml"\n[scenario]\nname = "b"\n[[innovations]]\n'
                'name = "screening"\nthreshold = { distribution = "beta", alpha = 2, beta = 5 }\n')
        missionsim("compare", a, b, "-o", out, "-q", "--replicates", "1", "--psa", "4")
        return out, ["compare", "ceac"]
    if kind == "tipping":
        missionsim("tipping", demo, "--innovation", "healthy_diet", "-o", out, "-q", "--replicates", "2",
                   "--bootstrap", "20")
        return out, SERIES + ["tipping"]
    sys.exit(f"unknown kind {kind}")


def plot(*args):
    return subprocess.run([sys.executable, PLOT, *args], capture_output=True, text=True)


def check_draws(kind, work, demo):
    path, images = make(kind, work, demo)
    img = os.path.join(work, "img")
    done = plot(path, "-o", img)
    if done.returncode != 0 or "Traceback" in done.stderr:
        sys.exit(f"plot.py {kind}: exit {done.returncode}\n{done.stderr}")
    expected = [os.path.join(img, f"{kind}-{image}.png") for image in images]
    if done.stdout.split() != expected:
        sys.exit(f"plot.py {kind}: printed {done.stdout.split()}, expected {expected}")
    for png in expected:
        with open(png, "rb") as f:
            if f.read(8) != b"\x89PNG\r\n\x1a\n" or os.path.getsize(png) < 1000:
                sys.exit(f"not a PNG, or empty: {png}")
    print(f"ok: plot.py draws a {kind} file: {', '.join(images)}")


def check_refusals(work, demo):
    import h5py

    run = os.path.join(work, "run.h5")
    missionsim("run", demo, "-o", run, "-q")
    with open(os.path.join(work, "text.h5"), "w") as f:
        f.write("not hdf5\n")
    with h5py.File(os.path.join(work, "other.h5"), "w") as f:
        f["x"] = 1
    existing = os.path.join(work, "existing.png")
    open(existing, "w").close()
    img = os.path.join(work, "img")
    cases = [  # arguments, what the one line must say
        ([os.path.join(work, "nothing.h5"), "-o", img], "no such file"),
        ([os.path.join(work, "text.h5"), "-o", img], "not an HDF5 file"),
        ([os.path.join(work, "other.h5"), "-o", img], "not a missionsim output file"),
        ([run, "-o", img, "--name", "a/b"], "--name 'a/b'"),
        ([run, "-o", existing], f"-o {existing}: exists and is not a folder"),
    ]
    for args, says in cases:
        done = plot(*args)
        lines = done.stderr.strip().split("\n")
        if done.returncode != 2 or len(lines) != 1 or says not in lines[0] or done.stdout:
            sys.exit(f"plot.py {' '.join(args)}: exit {done.returncode}, expected 2 and one line with "
                     f"'{says}'\nstdout: {done.stdout}\nstderr: {done.stderr}")
    if os.path.exists(os.path.join(img, "a")):
        sys.exit("plot.py --name a/b made a folder")
    print(f"ok: plot.py refuses {len(cases)} bad inputs in one line each, exit status 2")


def main():
    global EXE, PLOT
    EXE, source, work, kind = sys.argv[1:5]
    PLOT = os.path.join(source, "scripts", "plot.py")
    if not all(importlib.util.find_spec(module) for module in ("h5py", "matplotlib")):
        print(f"skipped: {sys.executable} has no matplotlib or h5py "
              "(Debian: apt-get install python3-matplotlib python3-h5py)")
        return 77
    work = os.path.join(work, kind)
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    demo = os.path.join(source, "scenarios", "demo.toml")
    if kind == "refusals":
        check_refusals(work, demo)
    else:
        check_draws(kind, work, demo)
    return 0


if __name__ == "__main__":
    sys.exit(main())
