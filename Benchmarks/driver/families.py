"""The workload families: for each, the Primer benchmark, its anchor, and the rows that
compare them. Each family runs its two commands back to back, so they share the machine's
conditions."""
from dataclasses import dataclass
from . import rows
from .processes import median_of, run

@dataclass
class Setup:
    root: str              # the repository
    binaries: str          # Benchmarks/.build/release
    anchors: str           # ../shared/anchors
    python: str            # the anchors' venv interpreter
    sgemm: str             # the compiled sgemm_peak
    threads: int
    cnn_images: int
    classic_images: int
    forest_images: int
    repeats: int
    primer_env: dict
    anchor_env: dict

def _pair(setup, primer_command, anchor_command, anchor_env=None):
    """Runs Primer's command and then the anchor's, `repeats` times over; the medians."""
    primer_runs, anchor_runs = [], []
    for _ in range(setup.repeats):
        primer_runs.append(run([f"{setup.binaries}/{primer_command[0]}"] + primer_command[1:], setup.primer_env, setup.root))
        anchor_runs.append(run(anchor_command, anchor_env or setup.anchor_env, setup.root))
    return median_of(primer_runs), median_of(anchor_runs)

def cnn(setup):
    t, n = setup.threads, setup.cnn_images
    p, a = _pair(setup, ["cnn-bench", t, n], [setup.python, f"{setup.anchors}/torch_cnn.py", t, n])
    mine, theirs, load = p.lines["primer"], a.lines["pytorch"], rows.loads(p, a)
    name = f"CNN, N={n:,}"
    return [
        rows.faster(name, "train images/s", float(mine["train_images_per_s"]), float(theirs["train_images_per_s"]), 2.0, load),
        rows.faster(name, "eval images/s", float(mine["eval_images_per_s"]), float(theirs["eval_images_per_s"]), None, load),
        rows.accuracy(name, float(mine["test_acc_after_1_epoch"]), float(theirs["test_acc_after_1_epoch"]), load),
        rows.ceiling(name, "peak RSS", float(mine["peak_rss_mb"]), a.peak_mb, 1024, load),
    ], (p, a)

# Issue 15's goals ("speed on every machine"); the first engines' were 1×, 1× and 5×, and 1.5× for the CNN.
SMALL_GOALS = {"mlp_784_256_128_10_b64": ("MLP 784-256-128-10 b64", 1.5),
               "lstm_emb64_h128_seq50_b32": ("LSTM emb 64, h 128, T 50, b32", 1.2),
               "tiny_mlp_2_16_2_b32": ("tiny MLP 2-16-2 b32", 10.0)}

def small(setup):
    t = setup.threads
    p, a = _pair(setup, ["small-models-bench", t], [setup.python, f"{setup.anchors}/torch_small.py", t])
    load = rows.loads(p, a)
    return [rows.faster(label, "train steps/s", float(p.lines[key]["steps_per_s"]), float(a.lines[key]["steps_per_s"]), goal, load)
            for key, (label, goal) in SMALL_GOALS.items()], (p, a)

def gemm(setup):
    t, size = setup.threads, 1024
    env = dict(setup.primer_env, OPENBLAS_NUM_THREADS=str(t))   # the same OpenBLAS as the engine, as it runs
    p, a = _pair(setup, ["gemm-share-bench", t, size], [setup.sgemm, size], anchor_env=env)
    peak = _sgemm_gflops(a)
    load = rows.loads(p, a)
    return [
        rows.share(f"matmul {size}×{size}", "forward", float(p.lines[f"matmul_n{size}"]["gflops"]), peak, load),
        rows.share("conv 32→64 3×3, b64, 13×13", "forward", float(p.lines["conv2_fwd"]["gflops"]), peak, load),
        rows.share("conv 32→64 3×3, b64, 13×13", "forward + backward", float(p.lines["conv2_train"]["gflops"]), peak, load),
    ], (p, a)

def _sgemm_gflops(anchor_run):
    """sgemm_peak prints `n=1024 threads=2 GFLOPS=…` (its first token is read as the name)."""
    for fields in anchor_run.lines.values():
        if "GFLOPS" in fields:
            return float(fields["GFLOPS"])
    raise RuntimeError("sgemm_peak printed no GFLOPS")

CLASSIC = {"logistic_regression": ("logistic regression", 1.0), "decision_tree": ("decision tree", 3.0),
           "random_forest_100": ("random forest, 100 trees", 3.0), "svc_rbf": ("RBF SVC, C=10", 1.0),
           "knn_5": ("kNN, k=5", 1.0)}

def classic(setup):
    n = setup.classic_images
    p, a = _pair(setup, ["classic-bench", n], [setup.python, f"{setup.anchors}/sklearn_classic.py", n])
    load = rows.loads(p, a)
    out = []
    for key, (label, fit_goal) in CLASSIC.items():
        mine, theirs, name = p.lines[key], a.lines[key], f"{label}, N={n:,}"
        out.append(rows.quicker(name, "fit", float(mine["fit_s"]), float(theirs["fit_s"]), fit_goal, load))
        out.append(rows.quicker(name, "predict 2,000", float(mine["predict_s"]), float(theirs["predict_s"]), 1.0, load))
        out.append(rows.accuracy(name, float(mine["acc"]), float(theirs["acc"]), load))
    out.append(rows.quicker(f"PCA(50), N={n:,}", "fit", float(p.lines["pca_50"]["fit_s"]), float(a.lines["pca_50"]["fit_s"]), 1.0, load))
    return out, (p, a)

def forest_memory(setup):
    n = setup.forest_images
    here = f"{setup.root}/Benchmarks/sklearn_forest_memory.py"
    p, a = _pair(setup, ["forest-memory-bench", n], [setup.python, here, n])
    mine, theirs, load = p.lines["random_forest_100_memory"], a.lines["random_forest_100_memory"], rows.loads(p, a)
    name = f"random forest, 100 trees, N={n:,}"
    return [
        rows.ceiling(name, "peak RSS", float(mine["peak_rss_mb"]), a.peak_mb, 2048, load),
        rows.quicker(name, "fit", float(mine["fit_s"]), float(theirs["fit_s"]), 3.0, load),
    ], (p, a)

def transformer(setup):
    """Issue 15: one pre-norm Transformer block training step against its PyTorch twin,
    which lives here (Benchmarks/torch_transformer_block.py), not among the anchors."""
    t, steps = setup.threads, 100
    twin = f"{setup.root}/Benchmarks/torch_transformer_block.py"
    p, a = _pair(setup, ["transformer-bench", t, steps], [setup.python, twin, t, steps])
    key, load = "transformer_block_d128_h4_t64_b32", rows.loads(p, a)
    mine, theirs = p.lines[key], a.lines[key]
    name = "Transformer block d 128, 4 heads, T 64, b32"
    return [
        rows.faster(name, "train steps/s", float(mine["steps_per_s"]), float(theirs["steps_per_s"]), 1.5, load),
        rows.faster(name, "steps/s at the median step", 1000 / float(mine["step_ms_median"]),
                    1000 / float(theirs["step_ms_median"]), None, load),
    ], (p, a)

ALL = {"cnn": cnn, "small": small, "gemm": gemm, "classic": classic, "forest-memory": forest_memory,
       "transformer": transformer}
