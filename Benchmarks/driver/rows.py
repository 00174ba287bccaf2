"""Comparison rows: one figure of Primer against the same figure of its anchor, the ratio,
the goal from the issues and whether it is met. Ratios are always "times as fast as the
anchor" (throughput over throughput, or the anchor's time over Primer's), so that every
speed goal reads as "at least"."""
from dataclasses import dataclass
from typing import Optional

TINY_SECONDS = 0.05   # both times below this: too short to compare, counted as equal

@dataclass
class Row:
    workload: str
    metric: str
    primer: str
    anchor: str
    ratio: Optional[float]     # times as fast as the anchor (or a fraction, for shares)
    goal: str
    met: Optional[bool]        # None: no goal, information only
    load: str                  # load averages when Primer's and the anchor's run began

def loads(primer_run, anchor_run):
    return f"{primer_run.load_before:.1f} / {anchor_run.load_before:.1f}"

def faster(workload, metric, primer_rate, anchor_rate, goal, load, unit=""):
    """Throughputs (higher is better); `goal` is the least ratio wanted, or None."""
    ratio = primer_rate / anchor_rate if anchor_rate > 0 else None
    met = None if goal is None or ratio is None else ratio >= goal
    return Row(workload, metric, f"{primer_rate:,.0f}{unit}", f"{anchor_rate:,.0f}{unit}", ratio,
               f"≥ {goal:g}×" if goal is not None else "—", met, load)

def quicker(workload, metric, primer_s, anchor_s, goal, load):
    """Times in seconds (lower is better); `goal` is the least speed ratio wanted."""
    if primer_s < TINY_SECONDS and anchor_s < TINY_SECONDS:
        ratio, met = None, True
    else:
        ratio = max(anchor_s, 0.005) / max(primer_s, 0.005)
        met = ratio >= goal
    return Row(workload, metric, f"{primer_s:.2f} s", f"{anchor_s:.2f} s", ratio, f"≥ {goal:g}×", met, load)

def accuracy(workload, primer_acc, anchor_acc, load, points=1.0):
    """Accuracies in [0, 1]; met when Primer's is at most `points` percentage points lower."""
    gap = (primer_acc - anchor_acc) * 100
    return Row(workload, "accuracy", f"{primer_acc * 100:.1f} %", f"{anchor_acc * 100:.1f} %", None,
               f"within {points:g} point", gap >= -points, load + f" ({gap:+.1f} pt)")

def ceiling(workload, metric, primer_mb, anchor_mb, limit_mb, load):
    """Peak memory against an absolute limit; the anchor's peak is shown for scale."""
    return Row(workload, metric, f"{primer_mb:,.0f} MB", f"{anchor_mb:,.0f} MB", None,
               f"≤ {limit_mb:,.0f} MB", primer_mb <= limit_mb, load)

def share(workload, metric, primer_gflops, peak_gflops, load):
    """A GFLOP/s figure as a fraction of OpenBLAS sgemm's; no goal."""
    ratio = primer_gflops / peak_gflops if peak_gflops > 0 else None
    return Row(workload, metric, f"{primer_gflops:.1f} GFLOP/s", f"{peak_gflops:.1f} GFLOP/s", ratio, "—", None, load)
