"""W2 in numpy + scipy.sparse, the way a Python user would write it: one sparse
matrix-vector product per step for the infected contacts, one vector of uniforms per step.
Runs on the graph and initial infected the C++ benchmark dumped (bench_contagion_ba --dump
FILE). Its draws are numpy's, not Philox, so it ends in another sample of the same epidemic:
the final sizes are printed beside the engine's for a plausibility check, not compared.

usage: /usr/bin/python3 contagion_ba.py FILE [--rounds R] [--seed S]
Prints one JSON line for scripts/bench.sh.
"""
import argparse
import json

import numpy as np

from world import World, timed_rounds

SUSCEPTIBLE, INFECTED, RECOVERED = 0, 1, 2


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("dump")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    w = World(args.dump)
    a = w.adjacency()
    beta, gamma = float(w.a), float(w.b)
    log_escape = np.log1p(-beta)

    def run():
        rng = np.random.default_rng(args.seed)
        state = w.initial.copy()
        for _ in range(w.steps):
            k = a @ (state == INFECTED).astype(np.float64)
            u = rng.random(w.n)
            caught = (state == SUSCEPTIBLE) & (u < -np.expm1(k * log_escape))
            recovers = (state == INFECTED) & (u < gamma)
            state[caught] = INFECTED
            state[recovers] = RECOVERED
        return w.steps, state

    timing, state = timed_rounds(args.rounds, run)
    counts = np.bincount(state, minlength=3)
    engine = np.bincount(w.final, minlength=3)
    print(json.dumps({"workload": "contagion_ba_numpy", "agents": w.n, "edges": w.edges, "threads": 1,
                      "steps": w.steps, "rounds": args.rounds, "paths": {"numpy": timing},
                      "final_susceptible": int(counts[0]), "final_recovered": int(counts[2]),
                      "engine_final_susceptible": int(engine[0]), "engine_final_recovered": int(engine[2])}))


if __name__ == "__main__":
    main()
