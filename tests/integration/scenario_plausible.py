"""Runs one shipped scenario over its full horizon at 20,000 simulated people (standing for the
same real population) and checks that its disease burden in the last warm-up year, before any
instrument acts, lies in the plausible ranges argued in docs/scenarios/README.md ("Plausible
ranges"): new cases, the share of cases that die of the disease, the early-stage share and the
preventable share.
Scenarios that do not extend the shared base (scenarios/base/disease_and_costs.toml), such as
the demo, are skipped (exit 77).

    scenario_plausible.py MISSIONSIM SCENARIO OUTPUT.h5
"""
import subprocess
import sys
import tomllib

import h5py
import numpy as np

exe, scenario, out = sys.argv[1:4]
with open(scenario, "rb") as f:
    doc = tomllib.load(f)
if doc.get("extends") != "base/disease_and_costs.toml":
    print("skipped: not a library scenario built on the shared base")
    sys.exit(77)

size = 20000
population = doc["population"]
# The sample stands for the same real population: real_size does that by itself, scale is set.
real = population.get("real_size", population["size"] * population.get("scale", 1.0))
keep_real = [] if "real_size" in population else [
    "--set", f"population.scale={population['size'] * population.get('scale', 1.0) / size!r}"]
args = [exe, "run", scenario, "-o", out, "--force", "-q",
        "--set", f"population.size={size}", *keep_real]
result = subprocess.run(args, capture_output=True, text=True)
if result.returncode != 0:
    sys.exit(f"missionsim exited with {result.returncode}: {result.stdout} {result.stderr}")

with h5py.File(out, "r") as f:
    m = f["metrics"]
    year = slice(48, 60)  # the fifth warm-up year: the pathway has filled, no instrument has acted
    onsets = m["incidence"][0, year].sum()
    deaths = m["deaths_disease"][0, year].sum()
    early = m["diagnoses_early"][0, year].sum()
    late = m["diagnoses_late"][0, year].sum()
    # The preventable share over the last four warm-up years: a year alone has too few onsets.
    settled = slice(12, 60)
    preventable = m["preventable_incidence"][0, settled].sum() / m["incidence"][0, settled].sum()

per_100k = onsets / real * 1e5
checks = [
    ("new cases per 100,000 a year", per_100k, 450.0, 750.0),
    ("deaths from the disease per new case", deaths / onsets, 0.30, 0.65),
    ("early-stage share of diagnoses", early / (early + late), 0.30, 0.65),
    ("preventable share of new cases", preventable, 0.33, 0.47),
]
failed = False
for name, value, low, high in checks:
    ok = low <= value <= high
    failed |= not ok
    print(f"{'ok  ' if ok else 'FAIL'} {name}: {value:.3f} in [{low}, {high}]")
sys.exit(1 if failed else 0)
