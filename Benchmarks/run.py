#!/usr/bin/env python3
"""Primer's engines against their anchors, in one run on one machine.

Builds the Swift benchmarks in release (Benchmarks/.build) and OpenBLAS's sgemm_peak, then
runs every workload family's Primer benchmark and its anchor back to back, and prints one
table of ratios with the goals from the issues. Absolute figures drift on the shared 2-core
machines; ratios taken in the same run hold. Each row carries the load averages at which its
two commands started.

    python3 Benchmarks/run.py                      # every family
    python3 Benchmarks/run.py --only cnn,classic   # some of them
    python3 Benchmarks/run.py --json results.json  # also keep every raw figure

Needs the anchors' venv (see ../shared/anchors/README.md): --python, default
~/anchors-venv/bin/python. OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE, when set, are removed
for the numpy/PyTorch anchors only; Primer and sgemm_peak run with the environment as it is.
"""
import argparse, json, os, subprocess, sys, tempfile, time
from dataclasses import asdict

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from driver import families                     # noqa: E402
from driver.table import markdown, summary      # noqa: E402

ROOT = os.path.dirname(HERE)

def arguments():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--only", default=",".join(families.ALL), help="families, comma-separated: " + ", ".join(families.ALL))
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--cnn-images", type=int, default=20_000, help="training images for the CNN epoch")
    p.add_argument("--classic-images", type=int, default=10_000, help="training images for the classical models")
    p.add_argument("--forest-images", type=int, default=60_000, help="training images for the forest's memory")
    p.add_argument("--anchors", default=os.path.join(os.path.dirname(ROOT), "shared", "anchors"))
    p.add_argument("--python", default=os.path.expanduser("~/anchors-venv/bin/python"))
    p.add_argument("--repeat", type=int, default=1, help="runs of each pair; the table shows medians")
    p.add_argument("--json", help="write every row and raw figure here")
    p.add_argument("--skip-build", action="store_true")
    return p.parse_args()

def build_swift():
    subprocess.run(["swift", "build", "-c", "release", "--package-path", "Benchmarks",
                    "--scratch-path", "Benchmarks/.build"], cwd=ROOT, check=True)

def build_sgemm(anchors, folder):
    flags = subprocess.run(["pkg-config", "--cflags", "--libs", "openblas"], capture_output=True, text=True, check=True).stdout.split()
    binary = os.path.join(folder, "sgemm_peak")
    subprocess.run(["gcc", "-O2", os.path.join(anchors, "sgemm_peak.c"), "-o", binary] + flags, check=True)
    return binary

def environments(threads):
    primer = dict(os.environ, PRIMER_THREADS=str(threads), OPENBLAS_NUM_THREADS=str(threads))
    anchor = {k: v for k, v in primer.items() if k not in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")}
    anchor.update(OMP_NUM_THREADS=str(threads))
    return primer, anchor

def main():
    a = arguments()
    chosen = [name.strip() for name in a.only.split(",") if name.strip()]
    unknown = [name for name in chosen if name not in families.ALL]
    if unknown:
        sys.exit(f"unknown families: {', '.join(unknown)}; choose from {', '.join(families.ALL)}")
    if not os.path.exists(a.python):
        sys.exit(f"no anchors interpreter at {a.python}; set up the venv as ../shared/anchors/README.md says, or pass --python")
    if not a.skip_build:
        build_swift()
    primer_env, anchor_env = environments(a.threads)
    with tempfile.TemporaryDirectory(prefix="primer-bench-") as scratch:
        setup = families.Setup(root=ROOT, binaries=os.path.join(HERE, ".build", "release"), anchors=a.anchors,
                               python=a.python, sgemm=build_sgemm(a.anchors, scratch), threads=a.threads,
                               cnn_images=a.cnn_images, classic_images=a.classic_images, forest_images=a.forest_images,
                               repeats=max(1, a.repeat),
                               primer_env=primer_env, anchor_env=anchor_env)
        started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
        all_rows, raw = [], {}
        for name in chosen:
            print(f"== {name} (load {os.getloadavg()[0]:.1f})", flush=True)
            found, runs = families.ALL[name](setup)
            all_rows += found
            raw[name] = [asdict(r) for r in runs]
    print(f"\nStarted {started}; threads {a.threads}; medians of {max(1, a.repeat)} run(s) of each pair; "
          "load averages (1 min, mean over the runs) are Primer's / the anchor's.\n")
    print(markdown(all_rows))
    print("\n" + summary(all_rows))
    if a.json:
        with open(a.json, "w") as f:
            json.dump({"started": started, "threads": a.threads, "rows": [r.__dict__ for r in all_rows], "runs": raw}, f, indent=1)

if __name__ == "__main__":
    main()
