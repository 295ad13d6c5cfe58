"""Checks sweep output files with h5py and xarray only, as a user would.
  sweep_files.py compare A.h5 B.h5   every dataset of A equals B's (same names, types, shapes and
                                     values, NaN equal to NaN), except /runs/wall_seconds
  sweep_files.py check OUT.h5 RUNS   the sweep layout: RUNS runs, /runs columns (point, one per
                                     parameter), every run ok; xarray opens /metrics and /runs
Exits non-zero with a message on the first difference or broken promise."""
import sys

import h5py
import numpy as np
import xarray as xr

IGNORED = {"runs/wall_seconds"}


def datasets(f):
    found = {}
    f.visititems(lambda name, obj: found.__setitem__(name, obj) if isinstance(obj, h5py.Dataset) else None)
    return found


def compare(a_path, b_path):
    with h5py.File(a_path, "r") as a, h5py.File(b_path, "r") as b:
        da, db = datasets(a), datasets(b)
        if sorted(da) != sorted(db):
            sys.exit(f"different datasets: only in A {sorted(set(da) - set(db))}, only in B {sorted(set(db) - set(da))}")
        for name in sorted(da):
            if name in IGNORED:
                continue
            x, y = da[name], db[name]
            if x.dtype != y.dtype or x.shape != y.shape:
                sys.exit(f"{name}: {x.dtype}{x.shape} vs {y.dtype}{y.shape}")
            vx, vy = x[()], y[()]
            if x.dtype.kind == "f":
                same = np.array_equal(vx, vy, equal_nan=True)
            else:
                same = np.array_equal(np.asarray(vx), np.asarray(vy))
            if not same:
                sys.exit(f"{name}: values differ")
        print(f"{len(da)} datasets identical")


def check(path, runs):
    with h5py.File(path, "r") as f:
        assert f.attrs["format"] == "missionsim"
        table = f["runs"]
        for column in ("index", "seed", "replicate", "status", "wall_seconds", "point"):
            assert column in table, column
        parameters = [c for c in table if c not in ("run", "index", "seed", "replicate", "status", "wall_seconds", "point")]
        assert parameters, "no parameter columns"
        assert table["index"].shape == (runs,), table["index"].shape
        status = [s.decode() if isinstance(s, bytes) else s for s in table["status"][()]]
        assert all(s == "ok" for s in status), status
        assert len(set(table["seed"][()])) == runs, "every run has its own seed"
        assert "design_method" in table.attrs
        # Attributes keep their types: counts are integers, not their digits as text.
        for name in ("design_samples", "replicates", "base_seed"):
            assert isinstance(table.attrs[name], (int, np.integer)), (name, type(table.attrs[name]))
        # A --param sweep (not a design file) stores each parameter's range on its column.
        method = table.attrs["design_method"]
        method = method.decode() if isinstance(method, bytes) else method
        for p in parameters:
            has = {"lower", "upper"} <= set(table[p].attrs)
            assert has == (method != "file"), (p, method, dict(table[p].attrs))
            if has:
                assert table[p].attrs["lower"] < table[p].attrs["upper"]
                values = table[p][()]
                assert ((values >= table[p].attrs["lower"]) & (values <= table[p].attrs["upper"])).all()
    runs_ds = xr.open_dataset(path, group="runs", engine="h5netcdf")
    assert runs_ds.sizes["run"] == runs, dict(runs_ds.sizes)
    for p in parameters:
        assert runs_ds[p].dims == ("run",), runs_ds[p].dims
    metrics = xr.open_dataset(path, group="metrics", engine="h5netcdf")
    assert metrics.sizes["run"] == runs, dict(metrics.sizes)
    assert np.issubdtype(metrics["time"].values.dtype, np.datetime64)
    assert not np.isnan(metrics["incidence"].values).any(), "every run's series is written"
    print(f"{path}: {runs} runs, parameters {parameters}")


if __name__ == "__main__":
    if sys.argv[1] == "compare":
        compare(sys.argv[2], sys.argv[3])
    elif sys.argv[1] == "check":
        check(sys.argv[2], int(sys.argv[3]))
    else:
        sys.exit("usage: sweep_files.py compare A B | check OUT RUNS")
