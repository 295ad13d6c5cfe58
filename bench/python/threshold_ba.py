"""W1 in numpy + scipy.sparse, the way a Python user would write it: one sparse
matrix-vector product per step. Runs on the graph and initial adopters the C++ benchmark
dumped (bench_threshold_ba --dump FILE) and checks that it ends with the same adopters.

usage: /usr/bin/python3 threshold_ba.py FILE [--rounds R]
Prints one JSON line for scripts/bench.sh; exit 1 if the adopters differ from the engine's.
"""
import argparse
import json
import sys

import numpy as np

from world import World, timed_rounds


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("dump")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    w = World(args.dump)
    a = w.adjacency()
    degree = np.diff(w.offsets).astype(np.float64)
    has_contacts = degree > 0
    safe_degree = np.where(has_contacts, degree, 1.0)
    theta = float(w.a)

    def run():
        adopted = w.initial.astype(bool)
        for _ in range(w.steps):
            adopting = a @ adopted.astype(np.float64)
            # The same correctly rounded share as the engine, so θ·d ties agree.
            adopted = adopted | (has_contacts & (adopting / safe_degree >= theta))
        return w.steps, adopted

    timing, adopted = timed_rounds(args.rounds, run)
    differ = int(np.count_nonzero(adopted != w.final.astype(bool)))
    print(json.dumps({"workload": "threshold_ba_numpy", "agents": w.n, "edges": w.edges, "threads": 1,
                      "steps": w.steps, "rounds": args.rounds, "paths": {"numpy": timing},
                      "final_adopters": int(adopted.sum()), "differ_from_engine": differ}))
    if differ:
        print(f"threshold_ba.py: {differ} people differ from the engine", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
