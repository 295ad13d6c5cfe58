"""The driver workload of scripts/bench.sh: whole experiments through the missionsim command,
timed from outside, so that any two commits' executables can be compared (the drivers' API
did not exist before the Drivers issue; the command did).

  D1 driver_sweep    a 64-run LHS sweep of Germany's decade at 20,000 people
  D2 driver_compare  a 4-mix compare (the decade, two of its mixes, the decade again) at
                     20,000 people, 4 replicates a mix: 16 runs

Prints one JSON line per workload: wall-time median, min and max over --rounds, and runs a
second at the median.

usage: drivers.py MISSIONSIM [--threads T] [--rounds R] [--scratch DIR]
"""
import argparse
import json
import os
import statistics
import subprocess
import tempfile
import time

PEOPLE = 20_000
SCENARIO = "scenarios/decade_against_cancer.toml"
MIXES = [SCENARIO, "scenarios/mixes/decade_prevention_first.toml", "scenarios/mixes/decade_without_nct.toml",
         SCENARIO]


def workloads(scratch):
    common = ["--set", f"population.size={PEOPLE}", "--force", "-q"]
    return [
        ("driver_sweep", 64,
         ["sweep", SCENARIO, "--method", "lhs", "--samples", "64",
          "--param", "innovations.practice_changing_therapy.threshold=0.1:0.4",
          "-o", os.path.join(scratch, "sweep.h5")] + common),
        ("driver_compare", 16,
         ["compare", *MIXES, "--replicates", "4", "-o", os.path.join(scratch, "compare.h5")] + common),
    ]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("missionsim")
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--scratch")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(dir=args.scratch) as scratch:
        for name, runs, command in workloads(scratch):
            times = []
            for _ in range(args.rounds):
                start = time.perf_counter()
                subprocess.run([args.missionsim, *command, "--threads", str(args.threads)], check=True,
                               stdout=subprocess.DEVNULL)
                times.append(time.perf_counter() - start)
            median = statistics.median(times)
            print(json.dumps({"workload": name, "agents": PEOPLE, "threads": args.threads, "runs": runs,
                              "runs_per_second": runs / median,
                              "paths": {"command": {"median": median, "min": min(times), "max": max(times)}}}),
                  flush=True)


if __name__ == "__main__":
    main()
