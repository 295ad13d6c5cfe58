"""The stored /scenario is the resolved scenario: every default in it, conditional ones too
(the pathway's cure and death rates, which a survival table would give instead), and running
the stored text again gives identical /metrics. Usage: EXE SCENARIO WORKDIR [--set K=V ...]"""
import os
import subprocess
import sys

import h5py
import numpy as np

exe, scenario, work, *sets = sys.argv[1:]
os.makedirs(work, exist_ok=True)
first, second = os.path.join(work, "first.h5"), os.path.join(work, "second.h5")
stored_path = os.path.join(work, "stored.toml")
run = [exe, "run", "-q", "--force", *sets]
subprocess.run([*run, scenario, "-o", first], check=True, stdout=subprocess.DEVNULL)
with h5py.File(first, "r") as f:
    stored = f["scenario"][()]
    stored = stored.decode() if isinstance(stored, bytes) else stored
for key in ("early_cure_rate", "early_death_rate", "late_cure_rate", "late_death_rate"):
    assert f"\n{key} = " in stored, f"{key} missing from the stored scenario"
with open(stored_path, "w") as f:
    f.write(stored)
# The overrides are in the stored text already: it runs without them.
subprocess.run([exe, "run", "-q", "--force", stored_path, "-o", second], check=True, stdout=subprocess.DEVNULL)

compared = 0
with h5py.File(first, "r") as a, h5py.File(second, "r") as b:
    names = []
    a["metrics"].visit(lambda n: names.append(n) if isinstance(a["metrics"][n], h5py.Dataset) else None)
    assert names, "no metrics"
    for n in names:
        x, y = a["metrics"][n][()], b["metrics"][n][()]
        same = np.array_equal(x, y, equal_nan=True) if np.issubdtype(np.asarray(x).dtype, np.floating) else np.array_equal(x, y)
        assert same, f"/metrics/{n} differs when the stored scenario is run again"
        compared += 1
print(f"ok: {compared} datasets of /metrics identical")
