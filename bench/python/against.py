"""Compares the JSON lines of two builds' benchmark runs, made alternately by scripts/bench.sh
--against: per workload the median over the runs of each build's median time, and new / old.

usage: against.py OLD.jsonl NEW.jsonl [--limit 0.05]
"""
import json
import statistics
import sys

# The path each workload's time is read from: the default engine path for W1 and W2, the run
# recorded to memory for W3, the whole command for the drivers (D1, D2; runs per second are
# runs over this time, so their new / old is the inverse of the time's).
PATHS = {"threshold_ba": "engine", "contagion_ba": "engine", "health_system": "memory",
         "driver_sweep": "command", "driver_compare": "command"}


def medians(file):
    out = {}
    for line in open(file):
        if not line.strip():
            continue
        r = json.loads(line)
        key = (r["workload"], r["agents"], r["threads"])
        out.setdefault(key, []).append(r["paths"][PATHS[r["workload"]]]["median"])
    return out


def main():
    args = sys.argv[1:]
    limit = 0.05
    if "--limit" in args:
        limit = float(args[args.index("--limit") + 1])
    old, new = medians(args[0]), medians(args[1])
    print("| workload | N | threads | runs | old s | new s | new / old |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    worst = 0.0
    for key in sorted(old):
        if key not in new:
            continue
        a, b = statistics.median(old[key]), statistics.median(new[key])
        worst = max(worst, abs(b / a - 1))
        print(f"| {key[0]} | {key[1]} | {key[2]} | {len(old[key])} | {a:.6f} | {b:.6f} | {b / a:.3f} |")
    print(f"\nlargest change {100 * worst:.1f} % (limit {100 * limit:.0f} %)")
    return 0 if worst <= limit else 1


if __name__ == "__main__":
    sys.exit(main())
