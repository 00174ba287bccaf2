"""The anchor's CNN workload (../shared/anchors/torch_cnn.py) with every training step timed.

Epoch throughput on a shared two-core machine swings with whatever else runs; the fastest tenth
of the steps does not, because a step of a few milliseconds usually finds the cores free. This
script builds the same model, data and loop as the anchor and prints the 10th-percentile and
median step times in milliseconds, to set beside `cnn-bench`'s `step_ms_p10` and
`step_ms_median`.

    ~/anchors-venv/bin/python Benchmarks/torch_cnn_steps.py 2 20000 [path/to/torch_cnn.py]
"""
import os, sys, time
import torch, torch.nn.functional as F

def load_anchor():
    """The anchor's module (its data reader and model), without running its main(); the anchors
    live in ../shared/anchors next to the repository, or at the path given as third argument."""
    repository = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    path = sys.argv[3] if len(sys.argv) > 3 else os.path.join(os.path.dirname(repository), "shared", "anchors", "torch_cnn.py")
    source = open(path).read().replace("\nmain()", "\n")
    module = type(sys)("torch_cnn_anchor")
    exec(compile(source, path, "exec"), module.__dict__)
    return module

def main():
    threads = int(sys.argv[1]) if len(sys.argv) > 1 else 2
    n_train = int(sys.argv[2]) if len(sys.argv) > 2 else 20000
    anchor = load_anchor()
    torch.set_num_threads(threads); torch.manual_seed(0)
    xtr = torch.tensor(anchor.idx("train-images-idx3-ubyte.gz")[:n_train], dtype=torch.float32).unsqueeze(1) / 255.0
    ytr = torch.tensor(anchor.idx("train-labels-idx1-ubyte.gz")[:n_train], dtype=torch.long)
    xtr = (xtr - 0.5) / 0.5
    model = anchor.CNN(); opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    perm = torch.randperm(n_train)
    model.train()
    steps = []
    for i in range(0, n_train, 64):
        b = perm[i:i+64]
        t = time.perf_counter()
        opt.zero_grad(); loss = F.cross_entropy(model(xtr[b]), ytr[b]); loss.backward(); opt.step()
        steps.append(time.perf_counter() - t)
    steps.sort()
    print(f"pytorch {torch.__version__} threads={threads} step_ms_p10={1000 * steps[len(steps) // 10]:.2f} "
          f"step_ms_median={1000 * steps[len(steps) // 2]:.2f}")
main()
