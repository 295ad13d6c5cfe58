"""Reads the world a C++ benchmark wrote with --dump (format in bench/support/dump.hpp)."""
import time

import numpy as np
import scipy.sparse as sp


class World:
    def __init__(self, path):
        header = np.fromfile(path, dtype="<u8", count=8)
        if header[0].tobytes() != b"MSBENCH1":
            raise SystemExit(f"{path}: not a missionsim benchmark dump")
        self.n, nnz, self.steps = int(header[1]), int(header[2]), int(header[3])
        self.a, self.b = header[4:6].view("<f8")
        at = 64
        self.offsets = np.fromfile(path, dtype="<u8", count=self.n + 1, offset=at)
        at += 8 * (self.n + 1)
        self.targets = np.fromfile(path, dtype="<u4", count=nnz, offset=at)
        at += 4 * nnz
        self.initial = np.fromfile(path, dtype=np.uint8, count=self.n, offset=at)
        self.final = np.fromfile(path, dtype=np.uint8, count=self.n, offset=self.n + at)
        self.edges = nnz // 2

    def adjacency(self, dtype=np.float64):
        """The network as a scipy CSR matrix of ones, rows as in the engine."""
        data = np.ones(len(self.targets), dtype=dtype)
        return sp.csr_matrix((data, self.targets.astype(np.int32), self.offsets.astype(np.int64)),
                             shape=(self.n, self.n))


def timed_rounds(rounds, run):
    """Seconds per step of `run()` (which returns its step count and final state) over rounds."""
    seconds, state = [], None
    for _ in range(rounds):
        start = time.perf_counter()
        steps, state = run()
        seconds.append((time.perf_counter() - start) / max(steps, 1))
    seconds.sort()
    m = len(seconds)
    median = seconds[m // 2] if m % 2 else 0.5 * (seconds[m // 2 - 1] + seconds[m // 2])
    return {"median": median, "min": seconds[0], "max": seconds[-1]}, state
