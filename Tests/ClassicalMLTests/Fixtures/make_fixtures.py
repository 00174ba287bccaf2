"""Reference values from scikit-learn for the ClassicalML tests.

Run with a venv holding scikit-learn and numpy:
    python3 -m venv ~/anchors-venv && ~/anchors-venv/bin/pip install scikit-learn numpy
    ~/anchors-venv/bin/python make_fixtures.py
It reads the bundled CSVs of Sources/Datasets/Bundled, so both sides see the same numbers,
and writes sklearn_reference.json next to itself.
"""
import json, os
import numpy as np
import sklearn
from sklearn.linear_model import LogisticRegression, LinearRegression, Ridge, Lasso
from sklearn.decomposition import PCA
from sklearn.tree import DecisionTreeClassifier
from sklearn.cluster import KMeans
from sklearn.svm import SVC
from sklearn.naive_bayes import GaussianNB

here = os.path.dirname(os.path.abspath(__file__))
bundled = os.path.join(here, "..", "..", "..", "Sources", "Datasets", "Bundled")

def load(name):
    data = np.loadtxt(os.path.join(bundled, name + ".csv"), delimiter=",", skiprows=1)
    return data[:, :-1], data[:, -1].astype(int)

def standardise(x):
    sd = x.std(axis=0)
    sd[sd == 0] = 1
    return (x - x.mean(axis=0)) / sd

def fixed_split(n):
    """Every fourth row (0, 4, 8, …) is a test row; the rest train."""
    test = np.arange(n) % 4 == 0
    return ~test, test

out = {"sklearn_version": sklearn.__version__}
iris_x, iris_y = load("iris")
cancer_x, cancer_y = load("breast_cancer")
wine_x, wine_y = load("wine")

# Converged logistic regressions on standardised features.
z = standardise(iris_x)
m = LogisticRegression(C=1.0, tol=1e-12, max_iter=100000).fit(z, iris_y)
out["logistic_iris"] = {"c": 1.0, "coef": m.coef_.tolist(), "intercept": m.intercept_.tolist()}
z = standardise(cancer_x)
m = LogisticRegression(C=0.5, tol=1e-12, max_iter=100000).fit(z, cancer_y)
out["logistic_cancer"] = {"c": 0.5, "coef": m.coef_[0].tolist(), "intercept": float(m.intercept_[0])}
m = LogisticRegression(C=0.5, l1_ratio=1.0, solver="saga", tol=1e-10, max_iter=200000).fit(z, cancer_y)
out["logistic_cancer_l1"] = {"c": 0.5, "coef": m.coef_[0].tolist(), "intercept": float(m.intercept_[0])}

# PCA components (up to sign) and explained variance ratios.
p = PCA(n_components=3).fit(iris_x)
out["pca_iris"] = {"components": p.components_.tolist(), "ratio": p.explained_variance_ratio_.tolist(),
                   "variance": p.explained_variance_.tolist()}
p = PCA(n_components=5).fit(standardise(wine_x))
out["pca_wine"] = {"components": p.components_.tolist(), "ratio": p.explained_variance_ratio_.tolist()}

# Tree predictions on the fixed split.
for name, (x, y), depth in [("iris", (iris_x, iris_y), 3), ("cancer", (cancer_x, cancer_y), 4)]:
    train, test = fixed_split(len(y))
    t = DecisionTreeClassifier(max_depth=depth, random_state=0).fit(x[train], y[train])
    out["tree_" + name] = {"max_depth": depth, "predictions": t.predict(x[test]).tolist(),
                           "accuracy": float((t.predict(x[test]) == y[test]).mean())}

# k-means inertia.
k = KMeans(n_clusters=3, n_init=10, random_state=0).fit(iris_x)
out["kmeans_iris"] = {"clusters": 3, "inertia": float(k.inertia_)}

# Linear regressions: petal width from the other three iris measurements.
xr, yr = iris_x[:, :3], iris_x[:, 3]
out["regression_iris"] = {
    "linear": {"coef": LinearRegression().fit(xr, yr).coef_.tolist(), "intercept": float(LinearRegression().fit(xr, yr).intercept_)},
    "ridge": {"alpha": 10.0, "coef": Ridge(alpha=10.0).fit(xr, yr).coef_.tolist(), "intercept": float(Ridge(alpha=10.0).fit(xr, yr).intercept_)},
    "lasso": {"alpha": 0.05, "coef": Lasso(alpha=0.05, tol=1e-10, max_iter=100000).fit(xr, yr).coef_.tolist(),
              "intercept": float(Lasso(alpha=0.05, tol=1e-10, max_iter=100000).fit(xr, yr).intercept_)},
}

# RBF SVC and Gaussian naive Bayes on the fixed split of standardised wine.
z = standardise(wine_x)
train, test = fixed_split(len(wine_y))
s = SVC(kernel="rbf", gamma=0.1, C=1.0, tol=1e-6).fit(z[train], wine_y[train])
out["svc_wine"] = {"gamma": 0.1, "c": 1.0, "support_count": int(s.support_.size),
                   "predictions": s.predict(z[test]).tolist()}
# The same machine calibrated (Platt scaling on internal five-fold margins, pairwise coupling).
# libsvm draws its folds at random, so the tests compare within a tolerance, not digit for digit.
sp = SVC(kernel="rbf", gamma=0.1, C=1.0, tol=1e-6, probability=True, random_state=0).fit(z[train], wine_y[train])
out["svc_wine_probability"] = {"probabilities": sp.predict_proba(z[test]).round(6).tolist()}
g = GaussianNB().fit(wine_x[train], wine_y[train])
out["gaussian_nb_wine"] = {"predictions": g.predict(wine_x[test]).tolist(),
                           "means": g.theta_.tolist()}

# Classification metrics (issue 17): macro averages over the labels present in the truth or the
# predictions (label 2 occurs in neither), and over an explicit labels list.
from sklearn.metrics import f1_score, precision_score, recall_score, log_loss
truth = [0, 1, 1, 3, 3, 3, 4, 0, 1, 4]
pred = [0, 1, 3, 3, 3, 1, 4, 1, 1, 0]
metrics = {"truth": truth, "predicted": pred, "labels": [0, 1, 2, 3], "zero_division": 0}
for name, fn in [("precision", precision_score), ("recall", recall_score), ("f1", f1_score)]:
    metrics[name + "_macro"] = float(fn(truth, pred, average="macro", zero_division=0))
    metrics[name + "_weighted"] = float(fn(truth, pred, average="weighted", zero_division=0))
    metrics[name + "_macro_labels"] = float(fn(truth, pred, average="macro", labels=[0, 1, 2, 3], zero_division=0))
out["classification_metrics"] = metrics
# log_loss of rows that sum to 1 (the value), and the tolerance scikit-learn applies to row sums:
# isclose(sum, 1, rtol=sqrt(eps)) with array-api-extra's default atol 1e-8. (scikit-learn 1.9.1
# warns about such rows and raises for values outside [0, 1]; ClassicalML stops on both.)
probabilities = [[0.7, 0.2, 0.1], [0.1, 0.8, 0.1], [0.25, 0.25, 0.5], [0.6, 0.3, 0.1]]
out["log_loss"] = {"truth": [0, 1, 2, 1], "probabilities": probabilities,
                   "value": float(log_loss([0, 1, 2, 1], probabilities)),
                   "row_sum_rtol": float(np.sqrt(np.finfo(np.float64).eps)), "row_sum_atol": 1e-8}

with open(os.path.join(here, "sklearn_reference.json"), "w") as f:
    json.dump(out, f, indent=1)
print("wrote sklearn_reference.json with", len(out), "entries")
