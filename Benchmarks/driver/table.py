"""The comparison rows as a Markdown table, and a one-line count of goals met."""

def _ratio(row):
    if row.ratio is None:
        return "—"
    return f"{row.ratio:.0%} of sgemm" if row.goal == "—" and "GFLOP" in row.primer else f"{row.ratio:.2f}×"

def _verdict(row):
    return "—" if row.met is None else ("met" if row.met else "**missed**")

def markdown(rows):
    lines = ["| workload | figure | Primer | anchor | Primer vs anchor | goal | | load |",
             "| --- | --- | ---: | ---: | ---: | --- | --- | --- |"]
    for r in rows:
        lines.append(f"| {r.workload} | {r.metric} | {r.primer} | {r.anchor} | {_ratio(r)} | {r.goal} | {_verdict(r)} | {r.load} |")
    return "\n".join(lines)

def summary(rows):
    judged = [r for r in rows if r.met is not None]
    if not judged:
        return "No goals among these figures."
    missed = [f"{r.workload} {r.metric}" for r in judged if not r.met]
    text = f"{len(judged) - len(missed)} of {len(judged)} goals met."
    return text + (" Missed: " + "; ".join(missed) + "." if missed else "")
