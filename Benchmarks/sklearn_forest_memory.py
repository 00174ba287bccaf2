"""Anchor for forest-memory-bench: scikit-learn's random forest (100 trees, 2 jobs) fitted on
the first N Fashion-MNIST training images (pixels / 255, float32 as in sklearn_classic.py).
run.py reads the peak resident set from the finished process; this prints the fit time and
its own peak. Usage: sklearn_forest_memory.py N (default 60000)."""
import gzip, resource, struct, sys, time
import numpy as np
from sklearn.ensemble import RandomForestClassifier

FOLDER = "/usr/share/datasets/fashion-mnist/"

def read_idx(name):
    with gzip.open(FOLDER + name) as f:
        dims = struct.unpack(">I", f.read(4))[0] & 0xFF
        shape = struct.unpack(">" + "I" * dims, f.read(4 * dims))
        return np.frombuffer(f.read(), dtype=np.uint8).reshape(shape)

n = int(sys.argv[1]) if len(sys.argv) > 1 else 60000
x = read_idx("train-images-idx3-ubyte.gz")[:n].reshape(n, -1).astype(np.float32) / 255.0
y = read_idx("train-labels-idx1-ubyte.gz")[:n]
start = time.perf_counter()
RandomForestClassifier(n_estimators=100, n_jobs=2, random_state=0).fit(x, y)
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"random_forest_100_memory n={n} fit_s={seconds:.1f} peak_rss_mb={peak:.0f}")
