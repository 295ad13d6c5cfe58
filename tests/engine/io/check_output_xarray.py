"""Checks that a missionsim output file opens cleanly in h5py and in xarray (engine="h5netcdf").

Usage: check_output_xarray.py WRITE_SAMPLE_OUTPUT
Runs the writer (tests/engine/io/write_sample_output.cpp) into a temporary directory, once with
the sample's three events and once with none, then once with a third run that never ends, and
checks the files against the sample recording
(tests/engine/io/sample_recording.cpp): six monthly steps from 2025-01-01, two runs, metric
"incidence" and metric "adoption" by innovation {screening, diet}, each value
1000*metric + 100*run + step + 0.25*label, and two goals, "early_diagnosis" (at_least 0.75 by
2025-06-01, baseline 0.5) and "incidence_down" (at_most 40 by 2025-05-01, no baseline), goal g
met in run r when r + g is even, with value 10*g + 0.5*r at its deadline, and analysis group
"impact" whose value v in run r is 100*v + 0.5*r + 0.25, or for the text icer_note "dominant",
"dominated" or "" as r % 3 is 0, 1 or 2 (NaN and "" in a run that never ended). Any warning from
h5py, h5netcdf or xarray fails.
"""

import subprocess
import sys
import tempfile
import warnings
from pathlib import Path

import h5py
import numpy as np
import xarray as xr

RUNS, STEPS, LABELS = 2, 6, ["screening", "diet"]


GOALS = [
    ("early_diagnosis", "at_least", "2025-06-01", 0.5, 0.75),
    ("incidence_down", "at_most", "2025-05-01", float("nan"), 40.0),
]


IMPACT = [
    ("deaths_averted", "persons"),
    ("qalys_gained", "QALY"),
    ("incremental_cost", "EUR"),
    ("icer", "EUR/QALY"),
    ("icer_note", ""),
]
TEXT_VALUES = {"icer_note"}
NOTES = ["dominant", "dominated", ""]
ENDED_RUNS = 2  # the writer ends runs 0 and 1; later run slots never end


def expected(metric, run, step, label=0):
    return 1000.0 * metric + 100.0 * run + step + 0.25 * label


def expected_goal(goal, run):
    return (1 if (run + goal) % 2 == 0 else 0), 10.0 * goal + 0.5 * run


def expected_impact(value, run):
    name = IMPACT[value][0]
    if run >= ENDED_RUNS:
        return "" if name in TEXT_VALUES else float("nan")
    return NOTES[run % 3] if name in TEXT_VALUES else 100.0 * value + 0.5 * run + 0.25


def check(condition, message):
    if not condition:
        raise AssertionError(message)


def check_h5py(path):
    with h5py.File(path, "r") as f:
        check(f.attrs["format"] == "missionsim", f"format attribute: {f.attrs['format']!r}")
        check(int(f.attrs["format_version"]) >= 1, "format_version")
        check(f["scenario"][()].decode("utf-8").startswith('name = "sample"'), "/scenario text")
        time = f["metrics/time"]
        check(time.attrs["units"] == "days since 2025-01-01", f"time units: {time.attrs['units']!r}")
        check(list(time[:2]) == [0.0, 31.0], f"time values {time[:]}")
        incidence = f["metrics/incidence"]
        check(incidence.shape == (RUNS, STEPS), f"incidence shape {incidence.shape}")
        check(incidence.compression == "gzip", f"compression {incidence.compression}")
        check(incidence.chunks == (1, STEPS), f"chunks {incidence.chunks}")
        check(incidence.dims[1][0].name == "/metrics/time", "time scale attached to axis 1")
        labels = [s.decode("utf-8") for s in f["metrics/innovation"][:]]
        check(labels == LABELS, f"labels {labels}")
        goals = f["goals"]
        check(list(goals) == ["run"] + [g[0] for g in GOALS], f"/goals members {list(goals)}")
        check(goals["early_diagnosis/achieved"].dtype == np.int8, "achieved is int8")
        check(goals["early_diagnosis/achieved"].dims[0][0].name == "/goals/run", "run scale attached")
        impact = f["impact"]
        check(list(impact) == ["run"] + [v[0] for v in IMPACT], f"/impact members {list(impact)}")
        check(impact["icer"].dtype == np.float64, f"icer dtype {impact['icer'].dtype}")
        check(h5py.check_string_dtype(impact["icer_note"].dtype).encoding == "utf-8", "icer_note is UTF-8 text")
        check(impact["icer"].dims[0][0].name == "/impact/run", "run scale attached to /impact/icer")


def open_group(path, group):
    return xr.open_dataset(path, group=group, engine="h5netcdf")


def check_xarray(path, event_count):
    with open_group(path, "metrics") as ds:
        time = ds["time"].values
        check(np.issubdtype(time.dtype, np.datetime64), f"time not decoded to dates: {time.dtype}")
        check(time[0] == np.datetime64("2025-01-01"), f"first step {time[0]}")
        check(time[1] == np.datetime64("2025-02-01"), f"second step {time[1]}")
        check(time[-1] == np.datetime64("2025-06-01"), f"last step {time[-1]}")
        check("run" in ds.coords and list(ds["run"].values) == list(range(RUNS)), "run coordinate")
        check(ds["incidence"].dims == ("run", "time"), f"incidence dims {ds['incidence'].dims}")
        check(ds["incidence"].attrs["units"] == "cases per 100000 person-years", "incidence units")
        check(ds["incidence"].attrs["description"] == "new cancer cases", "incidence description")
        check(ds["adoption_by_innovation"].dims == ("run", "time", "innovation"), "breakdown dims")
        check(list(ds["innovation"].values) == LABELS, f"innovation coordinate {ds['innovation'].values}")
        diet = ds["adoption_by_innovation"].sel(innovation="diet")
        want = np.array([[expected(1, r, t, 1) for t in range(STEPS)] for r in range(RUNS)])
        check(np.array_equal(diet.values, want), f"adoption of diet\n{diet.values}\n!=\n{want}")
        one = ds["incidence"].sel(run=1, time="2025-03-01")
        check(float(one) == expected(0, 1, 2), f"incidence at run 1, March: {float(one)}")
    with open_group(path, "runs") as runs:
        check(runs.sizes["run"] == RUNS, "runs size")
        check(list(runs["seed"].values) == [1000, 1001], f"seeds {runs['seed'].values}")
        check(list(runs["status"].values) == ["ok", "ok"], f"status {runs['status'].values}")
        check(runs["wall_seconds"].attrs["units"] == "s", "wall_seconds units")
    with open_group(path, "events") as events:
        check(events.sizes["event"] == event_count, f"event count {events.sizes['event']}")
        kinds = list(events["kind"].values)
        if event_count == 3:
            check(kinds == ["niche_breakthrough", "goal_met", "tipping_point"], f"kinds {kinds}")
            check(list(events["run"].values) == [0, 0, 1], "event runs")
    with open_group(path, "goals") as goals:
        check(len(goals.data_vars) == 0, "/goals holds only the run axis")
        check(list(goals["run"].values) == list(range(RUNS)), "goals run coordinate")
    for g, (name, direction, deadline, baseline, target) in enumerate(GOALS):
        with open_group(path, f"goals/{name}") as goal:
            check(goal.attrs["direction"] == direction, f"{name} direction {goal.attrs['direction']!r}")
            check(goal.attrs["deadline"] == deadline, f"{name} deadline {goal.attrs['deadline']!r}")
            check(goal.attrs["target"] == target, f"{name} target {goal.attrs['target']!r}")
            check(np.isnan(goal.attrs["baseline"]) if np.isnan(baseline) else goal.attrs["baseline"] == baseline,
                  f"{name} baseline {goal.attrs['baseline']!r}")
            check(isinstance(goal.attrs["kpi"], str) and goal.attrs["kpi"], f"{name} kpi")
            check(goal["achieved"].dims == ("run",), f"{name} achieved dims {goal['achieved'].dims}")
            check(goal["achieved"].dtype == np.int8, f"{name} achieved dtype {goal['achieved'].dtype}")
            want = [expected_goal(g, r) for r in range(RUNS)]
            check(list(goal["achieved"].values) == [w[0] for w in want], f"{name} achieved {goal['achieved'].values}")
            check(list(goal["value_at_deadline"].values) == [w[1] for w in want],
                  f"{name} value_at_deadline {goal['value_at_deadline'].values}")


def check_impact(path, runs):
    with open_group(path, "impact") as impact:
        check(list(impact["run"].values) == list(range(runs)), f"impact run coordinate {impact['run'].values}")
        check(list(impact.data_vars) == [v[0] for v in IMPACT], f"impact variables {list(impact.data_vars)}")
        for v, (name, units) in enumerate(IMPACT):
            var = impact[name]
            check(var.dims == ("run",), f"{name} dims {var.dims}")
            check(var.attrs["units"] == units, f"{name} units {var.attrs['units']!r}")
            check(isinstance(var.attrs["description"], str) and var.attrs["description"], f"{name} description")
            got = list(var.values)
            want = [expected_impact(v, r) for r in range(runs)]
            if name in TEXT_VALUES:
                check(all(isinstance(x, str) for x in got), f"{name} values are not str: {got}")
                check(got == want, f"{name} {got} != {want}")
            else:
                check(var.dtype == np.float64, f"{name} dtype {var.dtype}")
                same = [(np.isnan(w) and np.isnan(g)) or g == w for g, w in zip(got, want)]
                check(len(got) == len(want) and all(same), f"{name} {got} != {want}")
        one = impact["qalys_gained"].sel(run=1)
        check(float(one) == expected_impact(1, 1), f"qalys_gained of run 1: {float(one)}")


def main():
    writer = sys.argv[1]
    with tempfile.TemporaryDirectory() as tmp, warnings.catch_warnings():
        warnings.simplefilter("error")  # a phony dimension or any other complaint is a failure
        for event_count in (3, 0):
            path = Path(tmp) / f"sample-{event_count}.h5"
            subprocess.run([writer, str(path), str(event_count)], check=True)
            check_h5py(path)
            check_xarray(path, event_count)
            check_impact(path, RUNS)
        path = Path(tmp) / "sample-unended.h5"
        subprocess.run([writer, str(path), "3", str(RUNS + 1)], check=True)
        check_impact(path, RUNS + 1)
    print("output file contract holds for h5py and xarray")


if __name__ == "__main__":
    main()
