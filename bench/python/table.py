"""Turns the JSON lines of scripts/bench.sh into the Markdown tables of docs/performance.md.

usage: table.py RESULTS.jsonl
"""
import json
import sys


def ms(path):
    return f"{1e3 * path['median']:.3f} ({1e3 * path['min']:.3f}–{1e3 * path['max']:.3f})"


def ratio(a, b):
    return f"{a / b:.2f}" if a and b else "—"


def main():
    rows = [json.loads(line) for line in open(sys.argv[1]) if line.strip()]
    numpy = {(r["workload"].removesuffix("_numpy"), r["agents"]): r for r in rows if r["workload"].endswith("_numpy")}
    engine = [r for r in rows if r["workload"] in ("threshold_ba", "contagion_ba")]
    one_thread = {(r["workload"], r["agents"]): r for r in engine if r["threads"] == 1}

    print("| workload | N | threads | engine ms/step | engine full sweep ms/step | reference ms/step | "
          "full / reference | full / default | reference 2E visits/s | numpy ms/step | numpy / engine | "
          "full sweep speed-up over 1 thread |")
    print("| --- | ---: | ---: | --- | --- | --- | ---: | ---: | ---: | --- | ---: | ---: |")
    for r in engine:
        p = r["paths"]
        full = p.get("engine_full", p["engine"])
        ref = p["reference"]
        visits = 2 * r["edges"] / ref["median"] if ref["median"] else 0
        n = numpy.get((r["workload"], r["agents"]))
        np_cell = ms(n["paths"]["numpy"]) if n else "—"
        np_ratio = ratio(n["paths"]["numpy"]["median"], p["engine"]["median"]) if n else "—"
        base = one_thread.get((r["workload"], r["agents"]))
        scaling = ratio(base["paths"]["engine_full"]["median"] if "engine_full" in base["paths"]
                        else base["paths"]["engine"]["median"], full["median"]) if base and r["threads"] > 1 else "—"
        print(f"| {r['workload']} | {r['agents']:,} | {r['threads']} | {ms(p['engine'])} | {ms(full)} | {ms(ref)} | "
              f"{ratio(full['median'], ref['median'])} | {ratio(full['median'], p['engine']['median'])} | "
              f"{visits:.3g} | {np_cell} | {np_ratio} | {scaling} |")

    w3 = [r for r in rows if r["workload"] == "health_system"]
    if w3:
        print()
        print("| W3 citizens | threads | steps | build s | steps s (no HDF5) | steps s (HDF5) | HDF5 overhead | "
              "citizen-steps/s | peak RSS B/citizen |")
        print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
        for r in w3:
            plain, h5 = r["paths"]["memory"]["median"], r["paths"]["hdf5"]["median"]
            print(f"| {r['agents']:,} | {r['threads']} | {r['steps']} | {r['build_seconds']:.2f} | "
                  f"{plain * r['steps']:.2f} | {h5 * r['steps']:.2f} | {100 * (h5 / plain - 1):+.1f}% | "
                  f"{r['agents'] / plain:.3g} | {r['peak_rss_bytes'] / r['agents']:.0f} |")

    collaboration = [r for r in rows if r["workload"] == "collaboration"]
    if collaboration:
        print()
        print("| organisations | ties | build s (median) | µs per organisation | touching the ties once, s |")
        print("| ---: | ---: | ---: | ---: | ---: |")
        for r in collaboration:
            build = r["paths"]["stakeholders"]["median"]
            print(f"| {r['agents']:,} | {r['edges']:,} | {build:.3f} | {1e6 * build / r['agents']:.2f} | "
                  f"{r['paths']['touch_ties']['median']:.5f} |")

    drivers = [r for r in rows if r["workload"] in ("driver_sweep", "driver_compare")]
    if drivers:
        print()
        print("| driver | people | threads | runs | s (median, min–max) | runs/s |")
        print("| --- | ---: | ---: | ---: | --- | ---: |")
        for r in drivers:
            p = r["paths"]["command"]
            print(f"| {r['workload']} | {r['agents']:,} | {r['threads']} | {r['runs']} | "
                  f"{p['median']:.2f} ({p['min']:.2f}–{p['max']:.2f}) | {r['runs_per_second']:.2f} |")


if __name__ == "__main__":
    main()
