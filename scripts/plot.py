#!/usr/bin/python3
"""Draws a missionsim output file: adoption curves, each goal's KPI against its target and
deadline, and the equity gaps, with the run's events (tipping points, landscape shocks, regime
shifts, niche breakthroughs, goals met or missed) as vertical lines.

    scripts/plot.py FILE.h5 -o DIR [--dpi 80]

Writes DIR/NAME-adoption.png, DIR/NAME-goals.png and DIR/NAME-equity.png (those the file has
data for) and prints their paths. Reads the file with h5py only. Needs Debian's
python3-matplotlib and python3-h5py; on Debian 12 run it with /usr/bin/python3 (the python3 on
PATH may not see them). Exit status 2 for a missing file or one that is not missionsim's.
"""
import argparse
import datetime as dt
import math
import os
import sys

EVENT_STYLE = {  # kind: (colour, line style)
    "tipping_point": ("tab:red", "-"),
    "landscape_shock": ("tab:gray", "--"),
    "regime_shift": ("tab:purple", "-."),
    "niche_breakthrough": ("tab:green", ":"),
    "goal_met": ("tab:olive", "-"),
    "goal_missed": ("tab:brown", "-"),
}


def fail(message):
    print(f"plot.py: {message}", file=sys.stderr)
    sys.exit(2)


def text(value):
    if isinstance(value, bytes):
        return value.decode()
    if hasattr(value, "item") and not isinstance(value, str):
        value = value.item()
        return value.decode() if isinstance(value, bytes) else str(value)
    return str(value)


def dates(metrics):
    """The first day of every step, from the CF time scale ("days since YYYY-MM-DD")."""
    time = metrics["time"]
    units = text(time.attrs.get("units", ""))
    prefix = "days since "
    if not units.startswith(prefix):
        fail(f"/metrics/time has units '{units}', expected 'days since DATE'")
    origin = dt.datetime.fromisoformat(units[len(prefix):].strip()[:10])
    return [origin + dt.timedelta(days=float(d)) for d in time[()]]


def labels(metrics, dim):
    return [text(v) for v in metrics[dim][()]] if dim in metrics else []


def series(dataset):
    """Mean over runs of a [run, time] or [run, time, dim] dataset (NaN-aware), and the run count."""
    import numpy as np

    values = dataset[()]
    with np.errstate(all="ignore"):
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            return np.nanmean(values, axis=0), values.shape[0]


def read_events(f, times):
    if "events" not in f or "kind" not in f["events"]:
        return []
    group = f["events"]
    kinds = [text(k) for k in group["kind"][()]]
    steps = group["step"][()] if "step" in group else []
    subjects = [text(s) for s in group["subject"][()]] if "subject" in group else [""] * len(kinds)
    runs = group["run"][()] if "run" in group else [0] * len(kinds)
    out = []
    for kind, step, subject, run in zip(kinds, steps, subjects, runs):
        if kind in EVENT_STYLE and int(run) == 0 and 0 <= int(step) < len(times):
            out.append((kind, times[int(step)], subject))
    return out


def mark_events(ax, events, only_subject=None):
    seen = set()
    for kind, when, subject in events:
        if kind.startswith("goal_") and only_subject is not None and subject != only_subject:
            continue
        colour, style = EVENT_STYLE[kind]
        ax.axvline(when, color=colour, linestyle=style, linewidth=1.0, alpha=0.8,
                   label=kind if kind not in seen else None)
        seen.add(kind)


def finish(fig, path, dpi):
    fig.tight_layout()
    fig.savefig(path, dpi=dpi)
    import matplotlib.pyplot as plt

    plt.close(fig)
    print(path)


def plot_adoption(f, metrics, times, events, name, out_dir, dpi, plt):
    panels = []
    if "adopter_share_by_innovation" in metrics:
        panels.append(("citizens", "adopter_share_by_innovation", "innovation"))
    if "stakeholder_adopter_share_by_stakeholder_innovation" in metrics:
        panels.append(("organisations", "stakeholder_adopter_share_by_stakeholder_innovation",
                       "stakeholder_innovation"))
    if not panels:
        return None
    fig, axes = plt.subplots(len(panels), 1, figsize=(8, 3.2 * len(panels)), sharex=True, squeeze=False)
    for ax, (who, key, dim) in zip(axes[:, 0], panels):
        mean, runs = series(metrics[key])
        for i, label in enumerate(labels(metrics, dim)):
            ax.plot(times, mean[:, i], label=label)
        ax.set_ylim(-0.02, 1.02)
        ax.set_ylabel("adopter share")
        ax.set_title(f"Adoption among {who}" + (f" (mean of {runs} runs)" if runs > 1 else ""))
        mark_events(ax, [e for e in events if not e[0].startswith("goal_")])
        ax.legend(fontsize=7, loc="upper left")
        ax.grid(alpha=0.3)
    path = os.path.join(out_dir, f"{name}-adoption.png")
    finish(fig, path, dpi)
    return path


def plot_goals(f, metrics, times, events, name, out_dir, dpi, plt):
    if "goal_kpi_by_goal" not in metrics:
        return None
    goals = labels(metrics, "goal")
    if not goals:
        return None
    mean, runs = series(metrics["goal_kpi_by_goal"])
    fig, axes = plt.subplots(len(goals), 1, figsize=(8, 2.6 * len(goals)), sharex=True, squeeze=False)
    for i, (ax, goal) in enumerate(zip(axes[:, 0], goals)):
        ax.plot(times, mean[:, i], color="tab:blue", label="KPI")
        attrs = f["goals"][goal].attrs if "goals" in f and goal in f["goals"] else {}
        title = goal
        if "target" in attrs:
            target = float(attrs["target"])
            ax.axhline(target, color="black", linestyle="--", linewidth=1, label="target")
            title += f": target {target:g}"
        if "deadline" in attrs:
            deadline = text(attrs["deadline"])[:10]
            try:
                ax.axvline(dt.datetime.fromisoformat(deadline), color="black", linewidth=1.5, label="deadline")
                title += f" by {deadline}"
            except ValueError:
                pass
        if "direction" in attrs:
            title += f" ({text(attrs['direction'])})"
        if "kpi" in attrs:
            ax.set_ylabel("KPI", fontsize=8)
            title += "\n" + text(attrs["kpi"])
        ax.set_title(title, fontsize=8)
        mark_events(ax, events, only_subject=goal)
        ax.legend(fontsize=7, loc="best")
        ax.grid(alpha=0.3)
    path = os.path.join(out_dir, f"{name}-goals.png")
    finish(fig, path, dpi)
    return path


def plot_equity(f, metrics, times, events, name, out_dir, dpi, plt):
    import numpy as np

    keys = sorted(k for k in metrics if "gap" in k and getattr(metrics[k], "ndim", 0) == 2
                  and not k.endswith(("_ews_variance", "_ews_ac1", "_ews_skewness")))
    if not keys:
        return None
    columns = 1 if len(keys) < 4 else 3
    rows = math.ceil(len(keys) / columns)
    fig, axes = plt.subplots(rows, columns, figsize=(3.8 * columns if columns > 1 else 8, 2.1 * rows),
                             sharex=True, squeeze=False)
    for ax in axes.flat[len(keys):]:
        ax.set_visible(False)
    window = max(1, round(len(times) / 20))
    for ax, key in zip(axes.flat, keys):
        mean, runs = series(metrics[key])
        if window == 1 or len(mean) < window:
            ax.plot(times, mean, color="tab:orange", linewidth=1.0, label="per step")
        else:
            # A centred moving mean only: a step's gap in a small population is noisy, and
            # hundreds of jagged segments hide the trend (and make the image large).
            kernel = np.ones(window)
            valid = np.isfinite(mean)
            sums = np.convolve(np.where(valid, mean, 0.0), kernel, mode="same")
            counts = np.convolve(valid.astype(float), kernel, mode="same")
            with np.errstate(invalid="ignore", divide="ignore"):
                ax.plot(times, sums / counts, color="tab:orange", label=f"{window}-step mean")
        ax.axhline(0, color="black", linewidth=0.6)
        units = text(metrics[key].attrs.get("units", ""))
        ax.set_title(key + (f" [{units}]" if units and units != "1" else ""), fontsize=8)
        mark_events(ax, [e for e in events if not e[0].startswith("goal_")])
        ax.tick_params(labelsize=7)
        if ax is axes.flat[0]:
            ax.legend(fontsize=6, loc="best")
        ax.grid(alpha=0.3)
    path = os.path.join(out_dir, f"{name}-equity.png")
    finish(fig, path, dpi)
    return path


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("file", help="a missionsim output file (.h5)")
    parser.add_argument("-o", "--output", default=".", help="folder for the PNGs (created if missing)")
    parser.add_argument("--dpi", type=int, default=80)
    parser.add_argument("--name", help="file name prefix of the PNGs (default: the input's name)")
    args = parser.parse_args()

    if not os.path.isfile(args.file):
        fail(f"{args.file}: no such file")
    try:
        import h5py
    except ImportError:
        fail("needs h5py (Debian: apt-get install python3-h5py; run with /usr/bin/python3)")
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        fail("needs matplotlib (Debian: apt-get install python3-matplotlib; run with /usr/bin/python3)")

    try:
        f = h5py.File(args.file, "r")
    except OSError as e:
        fail(f"{args.file}: not an HDF5 file ({e})")
    with f:
        if text(f.attrs.get("format", "")) != "missionsim" or "metrics" not in f or "time" not in f["metrics"]:
            fail(f"{args.file}: not a missionsim output file (no format = \"missionsim\" with /metrics/time)")
        metrics = f["metrics"]
        times = dates(metrics)
        if not times:
            fail(f"{args.file}: no steps recorded")
        events = read_events(f, times)
        name = args.name or os.path.splitext(os.path.basename(args.file))[0]
        os.makedirs(args.output, exist_ok=True)
        written = [p for p in (
            plot_adoption(f, metrics, times, events, name, args.output, args.dpi, plt),
            plot_goals(f, metrics, times, events, name, args.output, args.dpi, plt),
            plot_equity(f, metrics, times, events, name, args.output, args.dpi, plt),
        ) if p]
    if not written:
        fail(f"{args.file}: nothing to draw (no adoption, goal or gap metrics)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
