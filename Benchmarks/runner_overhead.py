"""Primer's own overhead, outside the test suite.

1. A 20-cell chapter whose cells do almost nothing: `primer run --no-cache` wall time is
   parse + generate + compile + launch + render (aim: <= 1.5 s on the 2-core machine).
2. A 10-chapter book built twice: the second, fully cached `primer build` (aim: <= 0.5 s).

Run from the repository root after `swift build --product primer`:
    python3 Benchmarks/runner_overhead.py [--primer .build/debug/primer] [--repeat 5]
Prints one line per measurement (median of the repeats) for BENCHMARKS.md.
"""
import argparse, os, shutil, statistics, subprocess, tempfile, time

def chapter(n_cells, title):
    parts = [f"# {title}\n\nA generated chapter for timing Primer itself.\n"]
    for i in range(n_cells):
        parts.append(f"Cell {i} computes a small sum.\n\n```swift\nlet v{i} = (1...{10 + i}).reduce(0, +)\nprint(\"cell {i}:\", v{i})\n```\n")
    return "\n".join(parts)

def timed(cmd, cwd, env):
    start = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start

def main():
    p = argparse.ArgumentParser()
    p.add_argument("--primer", default=os.path.abspath(".build/debug/primer"))
    p.add_argument("--repeat", type=int, default=5)
    a = p.parse_args()
    env = dict(os.environ, PRIMER_HOME=os.getcwd(), NO_COLOR="1")
    work = tempfile.mkdtemp(prefix="primer-bench-")
    try:
        with open(os.path.join(work, "twenty.md"), "w") as f:
            f.write(chapter(20, "Twenty cells"))
        subprocess.run([a.primer, "run", "twenty.md"], cwd=work, env=env, check=True, stdout=subprocess.DEVNULL)  # warm-up (engines)
        runs = [timed([a.primer, "run", "--no-cache", "twenty.md"], work, env) for _ in range(a.repeat)]
        print(f"run_20_cells_uncached median_s={statistics.median(runs):.3f} min_s={min(runs):.3f}")

        book = os.path.join(work, "book")
        os.makedirs(book)
        for i in range(10):
            with open(os.path.join(book, f"{i:02d}-chapter.md"), "w") as f:
                f.write(chapter(5, f"Chapter {i}"))
        timed([a.primer, "build", "book", "--out", "site"], work, env)  # fills the cache
        cached = [timed([a.primer, "build", "book", "--out", "site"], work, env) for _ in range(a.repeat)]
        print(f"build_10_chapters_cached median_s={statistics.median(cached):.3f} min_s={min(cached):.3f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)

main()
