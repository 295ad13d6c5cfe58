#!/usr/bin/python3
"""Prints one line per dataset of a missionsim HDF5 file, `LABEL DATASET SHA256`, sorted by
dataset path: the golden hashes that scripts/golden.sh records and checks.

    scripts/golden_hash.py LABEL FILE.h5

The hash covers the values as h5py reads them, with the dtype and shape folded in so that a
change of type or shape shows even when the bytes agree. Attributes are left out, and so are
runs/wall* (wall-clock times, different on every run). Needs h5py: run it with Debian's
/usr/bin/python3.
"""
import hashlib
import sys

import h5py
import numpy


def skipped(path):
    parts = path.split("/")
    return len(parts) >= 2 and parts[-2] == "runs" and parts[-1].startswith("wall")


def as_bytes(item):
    if isinstance(item, bytes):
        return item
    if isinstance(item, str):
        return item.encode("utf-8")
    if isinstance(item, numpy.ndarray):  # a variable-length sequence
        return numpy.ascontiguousarray(item).tobytes()
    return repr(item).encode("utf-8")


def payload(ds):
    value = ds[()]
    if isinstance(value, h5py.Empty):
        return b""
    if ds.dtype.kind == "O":  # variable-length: objects, not a flat buffer
        # NUL cannot occur inside an HDF5 string, so the join is unambiguous.
        return b"\0".join(as_bytes(x) for x in numpy.asarray(value, dtype=object).ravel())
    return numpy.ascontiguousarray(value).tobytes()


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: golden_hash.py LABEL FILE.h5")
    label, name = sys.argv[1:]
    paths = []

    def collect(path, obj):  # returns None: a value would stop visititems
        if isinstance(obj, h5py.Dataset) and not skipped(path):
            paths.append(path)

    with h5py.File(name, "r") as f:
        f.visititems(collect)
        for path in sorted(paths):
            ds = f[path]
            h = hashlib.sha256(f"{ds.dtype.descr}|{ds.shape}\n".encode("utf-8"))
            h.update(payload(ds))
            print(label, path, h.hexdigest())


if __name__ == "__main__":
    main()
