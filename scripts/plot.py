#!/usr/bin/python3
"""Draws any missionsim output file: the time series of runs, sweeps and tipping searches, and
the summaries of compare, compare --psa, tipping and sensitivity.

    scripts/plot.py FILE.h5 -o DIR [--dpi 80] [--name NAME]

Writes into DIR (created if missing; images of the same name are replaced), for what the file
holds, and prints their paths:
    NAME-adoption.png     adoption curves of citizens' and organisations' innovations
    NAME-goals.png        each goal's KPI against its target and deadline
    NAME-equity.png       every gap metric, as a moving mean
    NAME-tipping.png      tipping: the sustain probability over withdrawal dates
    NAME-sensitivity.png  sensitivity: Sobol indices, or Morris mu* against sigma
    NAME-compare.png      compare: goals met and every outcome per mix
    NAME-ceac.png         compare --psa: the cost-effectiveness acceptability curve
The time series show the run's events (tipping points, landscape shocks, regime shifts, niche
breakthroughs, goals met or missed; run 0) as vertical lines, and average several runs.

Reads the file with h5py only. Needs Debian's python3-matplotlib and python3-h5py; on Debian 12
run it with /usr/bin/python3 (the python3 on PATH may not see them). Exit status 2, with a
one-line message, for a missing file or one that is not missionsim's, a --name with a '/', or
an output folder that cannot be made or written.
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


def dates(dataset):
    """The dates of a CF time dataset ("days since YYYY-MM-DD"), such as /metrics/time."""
    units = text(dataset.attrs.get("units", ""))
    prefix = "days since "
    if not units.startswith(prefix):
        fail(f"{dataset.name} has units '{units}', expected 'days since DATE'")
    origin = dt.datetime.fromisoformat(units[len(prefix):].strip()[:10])
    return [origin + dt.timedelta(days=float(d)) for d in dataset[()]]


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
    import matplotlib.pyplot as plt

    fig.tight_layout()
    try:
        fig.savefig(path, dpi=dpi)
    except OSError as e:
        fail(f"{path}: cannot write ({e.strerror or e})")
    finally:
        plt.close(fig)
    print(path)


def grid(plt, panels, width=3.8, height=2.6, columns=3):
    """A figure of `panels` axes, `columns` wide, the unused ones hidden."""
    columns = min(columns, panels)
    rows = math.ceil(panels / columns)
    fig, axes = plt.subplots(rows, columns, figsize=(width * columns, height * rows), squeeze=False)
    for ax in axes.flat[panels:]:
        ax.set_visible(False)
    return fig, list(axes.flat[:panels])


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


def plot_tipping(f, times, name, out_dir, dpi, plt):
    if "tipping" not in f or "sustain_probability" not in f["tipping"]:
        return None
    group = f["tipping"]
    when = dates(group["withdrawal_date"])
    probability = group["sustain_probability"][()]
    attrs = group.attrs
    fig, ax = plt.subplots(figsize=(8, 3.4))
    ax.step(when, probability, where="post", color="tab:blue", label="sustain probability")
    ax.plot(when, probability, "o", color="tab:blue", markersize=3)

    def step_date(key):
        value = float(attrs.get(key, math.nan))
        return times[int(value)] if math.isfinite(value) and 0 <= value < len(times) else None

    tipping, low, high = (step_date(f"tipping_step{end}") for end in ("", "_low", "_high"))
    if low is not None and high is not None and high > low:
        ax.axvspan(low, high, color="tab:red", alpha=0.15, label="95 % bootstrap interval")
    if tipping is not None:
        ax.axvline(tipping, color="tab:red", linewidth=1.5, label=f"tipping {tipping:%Y-%m-%d}")
    title = f"Withdrawing all support: does {text(attrs.get('innovation', '?'))} sustain"
    title += f" among {text(attrs['among'])}?" if "among" in attrs else "?"
    if "critical_mass" in attrs:
        title += f"\ncritical mass {float(attrs['critical_mass']):.1%} of adopters at the tipping step"
    ax.set_title(title, fontsize=9)
    ax.set_ylim(-0.02, 1.02)
    ax.set_ylabel("share of replicates")
    ax.set_xlabel("first day without instruments")
    ax.legend(fontsize=7, loc="best")
    ax.grid(alpha=0.3)
    path = os.path.join(out_dir, f"{name}-tipping.png")
    finish(fig, path, dpi)
    return path


def plot_sensitivity(f, name, out_dir, dpi, plt):
    import numpy as np

    if "sensitivity" not in f or "output" not in f["sensitivity"]:
        return None
    group = f["sensitivity"]
    outputs = labels(group, "output")
    parameters = labels(group, "parameter")
    if not outputs or not parameters:
        return None
    method = text(group.attrs.get("method", ""))
    fig, axes = grid(plt, len(outputs))
    x = np.arange(len(parameters))
    for i, (ax, output) in enumerate(zip(axes, outputs)):
        if "first_order" in group:
            for offset, key, label in ((-0.2, "first_order", "S1 (first order)"),
                                       (0.2, "total_order", "ST (total)")):
                value = group[key][i]
                low, high = group[f"{key}_low"][i], group[f"{key}_high"][i]
                # Bootstrap intervals need not bracket the estimate; clip so the bars stay drawable.
                error = np.vstack([np.clip(value - low, 0, None), np.clip(high - value, 0, None)])
                ax.bar(x + offset, value, width=0.4, yerr=error, capsize=2, label=label)
            ax.axhline(0, color="black", linewidth=0.6)
            ax.set_xticks(x, parameters, rotation=20, ha="right", fontsize=7)
            ax.set_ylabel("index", fontsize=8)
        else:
            mu_star, sigma = group["mu_star"][i], group["sigma"][i]
            ax.scatter(mu_star, sigma, color="tab:blue")
            for px, py, label in zip(mu_star, sigma, parameters):
                ax.annotate(label, (px, py), fontsize=7, xytext=(3, 3), textcoords="offset points")
            ax.set_xlabel("μ* (mean |elementary effect|)", fontsize=8)
            ax.set_ylabel("σ", fontsize=8)
        ax.set_title(f"{output} ({method})", fontsize=8)
        ax.tick_params(labelsize=7)
        ax.grid(alpha=0.3)
        if i == 0 and "first_order" in group:
            ax.legend(fontsize=6, loc="best")
    path = os.path.join(out_dir, f"{name}-sensitivity.png")
    finish(fig, path, dpi)
    return path


def plot_compare(f, name, out_dir, dpi, plt):
    """Per mix: the probability of meeting each goal, and every outcome's mean with its 95 %
    confidence interval (thick) and the range of 95 % of the samples (thin)."""
    import numpy as np

    group = f["compare"]
    mixes = labels(group, "mix")
    outcomes = labels(group, "outcome")
    goals = labels(group, "goal")
    if not mixes or not outcomes:
        return None
    units = labels(group, "outcome_units") or [""] * len(outcomes)
    reference = text(group.attrs.get("reference_mix", mixes[0]))
    has_goals = bool(goals) and "probability_goal_met" in group
    fig, axes = grid(plt, len(outcomes) + has_goals, height=0.5 + 0.35 * len(mixes) + 1.0)
    y = np.arange(len(mixes))[::-1]  # the first mix on top, as compare prints them
    colours = [f"C{i % 10}" for i in range(len(mixes))]
    if has_goals:
        ax = axes.pop(0)
        met, low, high = (group[k][()] for k in ("probability_goal_met", "probability_goal_met_low",
                                                 "probability_goal_met_high"))
        height = 0.8 / len(goals)
        for j, goal in enumerate(goals):
            offset = (j - (len(goals) - 1) / 2) * height
            error = np.vstack([np.clip(met[:, j] - low[:, j], 0, None),
                               np.clip(high[:, j] - met[:, j], 0, None)])
            ax.barh(y + offset, met[:, j], height=height, xerr=error, capsize=2, label=goal)
        ax.set_xlim(0, 1)
        ax.set_yticks(y, mixes, fontsize=7)
        ax.set_title("P(goal met by its deadline), Wilson 95 %", fontsize=8)
        ax.legend(fontsize=6, loc="best")
        ax.tick_params(labelsize=7)
        ax.grid(alpha=0.3, axis="x")
    mean, ci_low, ci_high = group["mean"][()], group["ci_low"][()], group["ci_high"][()]
    range_low, range_high = group["range_low"][()], group["range_high"][()]
    for k, (ax, outcome) in enumerate(zip(axes, outcomes)):
        ax.hlines(y, range_low[:, k], range_high[:, k], colors=colours, linewidth=1)
        ax.hlines(y, ci_low[:, k], ci_high[:, k], colors=colours, linewidth=4)
        ax.scatter(mean[:, k], y, color=colours, zorder=3, s=12)
        ax.set_yticks(y, [m + (" (ref.)" if m == reference else "") for m in mixes], fontsize=7)
        unit = units[k]
        ax.set_title(outcome + (f" [{unit}]" if unit and unit != "1" else ""), fontsize=8)
        ax.tick_params(labelsize=7)
        ax.grid(alpha=0.3, axis="x")
        ax.set_ylim(-0.6, len(mixes) - 0.4)
    fig.suptitle(f"{text(group.attrs.get('parameter_sets', 1))} parameter set(s) × "
                 f"{text(group.attrs.get('replicates', '?'))} replicate(s) per mix: mean, 95 % CI (thick), "
                 "95 % of samples (thin)", fontsize=9)
    path = os.path.join(out_dir, f"{name}-compare.png")
    finish(fig, path, dpi)
    return path


def plot_ceac(f, name, out_dir, dpi, plt):
    if "ceac" not in f["compare"]:
        return None
    group = f["compare"]["ceac"]
    mixes = labels(group, "mix")
    wtp = group["willingness_to_pay"][()]
    probability = group["probability_most_cost_effective"][()]
    fig, ax = plt.subplots(figsize=(8, 3.6))
    for i, mix in enumerate(mixes):
        ax.plot(wtp, probability[i], label=mix)
    attrs = f["compare"].attrs
    if "willingness_to_pay" in attrs:
        ax.axvline(float(attrs["willingness_to_pay"]), color="black", linestyle="--", linewidth=1,
                   label="the scenario's willingness to pay")
    units = text(group["willingness_to_pay"].attrs.get("units", attrs.get("willingness_to_pay_units", "")))
    ax.set_xlabel("willingness to pay" + (f" [{units}]" if units else ""))
    ax.set_ylabel("P(highest net monetary benefit)")
    ax.set_ylim(-0.02, 1.02)
    sets = text(group.attrs.get("parameter_sets", "?"))
    ax.set_title(f"Cost-effectiveness acceptability curve ({sets} parameter sets)", fontsize=9)
    ax.legend(fontsize=7, loc="best")
    ax.grid(alpha=0.3)
    path = os.path.join(out_dir, f"{name}-ceac.png")
    finish(fig, path, dpi)
    return path


def output_folder(path):
    """Makes the folder for the PNGs, or explains in one line why it cannot."""
    if os.path.exists(path) and not os.path.isdir(path):
        fail(f"-o {path}: exists and is not a folder (it takes a folder for the PNGs)")
    try:
        os.makedirs(path, exist_ok=True)
    except OSError as e:
        fail(f"-o {path}: cannot make the folder ({e.strerror or e})")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("file", help="a missionsim output file (.h5)")
    parser.add_argument("-o", "--output", default=".", help="folder for the PNGs (created if missing)")
    parser.add_argument("--dpi", type=int, default=80)
    parser.add_argument("--name", help="file name prefix of the PNGs (default: the input's name)")
    args = parser.parse_args()

    if args.name is not None and ("/" in args.name or args.name in ("", ".", "..")):
        fail(f"--name {args.name!r}: must be a file name prefix without '/' (the folder goes in -o)")
    if args.dpi <= 0:
        fail(f"--dpi {args.dpi}: must be a positive number of dots per inch")
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
        if text(f.attrs.get("format", "")) != "missionsim":
            fail(f"{args.file}: not a missionsim output file (no root attribute format = \"missionsim\")")
        has_series = "metrics" in f and "time" in f["metrics"]
        if not has_series and "compare" not in f:
            fail(f"{args.file}: nothing to draw (neither /metrics/time nor /compare)")
        name = args.name or os.path.splitext(os.path.basename(args.file))[0]
        output_folder(args.output)
        written = []
        if has_series:
            metrics = f["metrics"]
            times = dates(metrics["time"])
            if not times:
                fail(f"{args.file}: no steps recorded")
            events = read_events(f, times)
            written += [
                plot_adoption(f, metrics, times, events, name, args.output, args.dpi, plt),
                plot_goals(f, metrics, times, events, name, args.output, args.dpi, plt),
                plot_equity(f, metrics, times, events, name, args.output, args.dpi, plt),
                plot_tipping(f, times, name, args.output, args.dpi, plt),
                plot_sensitivity(f, name, args.output, args.dpi, plt),
            ]
        if "compare" in f:
            written += [plot_compare(f, name, args.output, args.dpi, plt),
                        plot_ceac(f, name, args.output, args.dpi, plt)]
    if not any(written):
        fail(f"{args.file}: nothing to draw (no adoption, goal, gap, tipping, sensitivity or compare data)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
