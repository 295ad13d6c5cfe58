"""Runs one shipped scenario briefly: 2,000 simulated people standing for the same real population
(so field labs still fit their regions), a horizon just long enough for every goal's window and
burn-in, every goal's deadline moved to the horizon. Checks exit status 0 and that the output
opens in h5py as a missionsim file with every step recorded. With a seatbelts build the run
checks the model's invariants as it goes.

    scenario_smoke.py MISSIONSIM SCENARIO OUTPUT.h5
"""
import datetime as dt
import math
import subprocess
import sys
import tomllib

import h5py

exe, scenario, out = sys.argv[1:4]
with open(scenario, "rb") as f:
    doc = tomllib.load(f)

size = 2000
population = doc["population"]
# The sample stands for the same real population: real_size does that by itself, scale is set.
keep_real = [] if "real_size" in population else [
    "--set", f"population.scale={population['size'] * population.get('scale', 1.0) / size!r}"]
start = doc["time"]["start"]
goals = doc.get("goals", [])
# Whole years: the longest window or burn-in, plus one year for the KPI to be judged after it.
needed = max([1.0] + [max(g.get("window_years", 1.0), g.get("baseline_years", 0.0)) for g in goals])
years = int(math.ceil(needed)) + 1
end = dt.date(start.year + years, start.month, start.day)

args = [exe, "run", scenario, "-o", out, "--force", "-q",
        "--set", f"population.size={size}", *keep_real,
        "--set", f"time.end={end.isoformat()}"]
for g in goals:
    args += ["--set", f"goals.{g['name']}.deadline={end.isoformat()}"]
print(" ".join(args), flush=True)
result = subprocess.run(args, capture_output=True, text=True)
print(result.stdout, result.stderr)
if result.returncode != 0:
    sys.exit(f"missionsim exited with {result.returncode}")

with h5py.File(out, "r") as f:
    assert f.attrs["format"] in ("missionsim", b"missionsim"), f.attrs["format"]
    steps = f["metrics/time"].shape[0]
    if doc["time"].get("step", "1 month") == "1 month":
        assert steps == years * 12, f"{steps} steps recorded, expected {years * 12}"
    names = [g["name"] for g in goals]
    for name in names:
        assert name in f["goals"], f"goal {name} missing from /goals"
        achieved = f["goals"][name]["achieved"][()]
        assert (achieved >= 0).all(), f"goal {name} was not decided at the horizon"
print("ok:", scenario)
