"""Running one benchmark command and reading what it printed.

Every command runs alone (nothing else of ours at the same time); its output goes to files so
that the child can be reaped with os.wait4, which gives that child's own peak resident set."""
import os, statistics, subprocess, tempfile, time
from dataclasses import dataclass, field

@dataclass
class Run:
    command: list
    load_before: float            # 1-minute load average when the command started
    seconds: float                # wall time of the whole process
    peak_mb: float                # the child's peak resident set (ru_maxrss)
    lines: dict = field(default_factory=dict)   # result name -> {key: value}
    words: dict = field(default_factory=dict)   # result name -> words without '=' (versions)
    parts: list = field(default_factory=list)   # for a median: the runs it stands for

def parse(text):
    """Reads `name key=value …` lines, the format of the anchors and of the Swift benchmarks."""
    lines, words = {}, {}
    for line in text.splitlines():
        tokens = line.split()
        if len(tokens) < 2 or not any("=" in t for t in tokens[1:]):
            continue
        lines[tokens[0]] = dict(t.split("=", 1) for t in tokens[1:] if "=" in t)
        words[tokens[0]] = [t for t in tokens[1:] if "=" not in t]
    return lines, words

def run(command, env, cwd, echo=True):
    """Runs `command` to completion; fails loudly when it exits non-zero."""
    if echo:
        print("  $ " + " ".join(os.path.basename(str(c)) if i == 0 else str(c) for i, c in enumerate(command)), flush=True)
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        load = os.getloadavg()[0]
        start = time.perf_counter()
        child = subprocess.Popen([str(c) for c in command], stdout=out, stderr=err, env=env, cwd=cwd)
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.perf_counter() - start
        out.seek(0); err.seek(0)
        text, errors = out.read(), err.read()
    if echo:
        for line in text.splitlines():
            print("    " + line, flush=True)
    if child.returncode != 0:
        raise RuntimeError(f"{command[0]} exited with {child.returncode}:\n{errors[-2000:]}")
    lines, words = parse(text)
    return Run(list(map(str, command)), load, seconds, usage.ru_maxrss / 1024, lines, words)

def median_of(runs):
    """One run standing for several of the same command: the median of every numeric figure
    and of the wall time, the mean starting load, the largest peak."""
    if len(runs) == 1:
        return runs[0]
    lines = {}
    for name, fields in runs[0].lines.items():
        lines[name] = {}
        for key, value in fields.items():
            try:
                values = [float(r.lines[name][key]) for r in runs]
                lines[name][key] = repr(statistics.median(values))
            except (KeyError, ValueError):
                lines[name][key] = value
    return Run(runs[0].command, statistics.mean(r.load_before for r in runs), statistics.median(r.seconds for r in runs),
               max(r.peak_mb for r in runs), lines, runs[0].words, list(runs))
