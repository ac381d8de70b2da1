#!/usr/bin/python3
"""Golden values for the gate's binary metrics (src/core/predictions/binary.ts), from scikit-learn.

Run with Debian's python3-sklearn (`apt-get install -y python3-sklearn`):
    /usr/bin/python3 scripts/golden/sklearn-binary.py > test/fixtures/predictions/sklearn-binary.json
The data sets are generated from fixed seeds; the output is committed, so CI needs no Python.
A metric scikit-learn calls ill-defined (it warns, or raises) is written as null: the gate leaves
it undefined rather than reporting scikit-learn's placeholder (0, or a one-class average).
"""
import json
import sys
import warnings

import numpy as np
import sklearn
from sklearn import metrics
from sklearn.exceptions import UndefinedMetricWarning


def defined(compute):
    # Any warning scikit-learn gives about a metric (UndefinedMetricWarning, or a UserWarning such as
    # "No positive class found in y_true") marks its answer as a placeholder, not a measurement.
    with warnings.catch_warnings():
        warnings.simplefilter("error", UndefinedMetricWarning)
        warnings.simplefilter("error", UserWarning)
        try:
            return float(compute())
        except (UndefinedMetricWarning, UserWarning, ValueError):
            return None


def case(name, labels, scores, weights=None, threshold=0.5):
    y = np.asarray(labels, dtype=np.int64)
    s = np.asarray(scores, dtype=np.float64)
    w = None if weights is None else np.asarray(weights, dtype=np.float64)
    predicted = (s >= threshold).astype(np.int64)
    kw = {} if w is None else {"sample_weight": w}
    tn, fp, fn, tp = metrics.confusion_matrix(y, predicted, labels=[0, 1], **kw).ravel()
    expected = {
        "accuracy": defined(lambda: metrics.accuracy_score(y, predicted, **kw)),
        "balanced_accuracy": defined(lambda: metrics.balanced_accuracy_score(y, predicted, **kw)),
        "precision": defined(lambda: metrics.precision_score(y, predicted, zero_division="warn", **kw)),
        "recall": defined(lambda: metrics.recall_score(y, predicted, zero_division="warn", **kw)),
        "f1": defined(lambda: metrics.f1_score(y, predicted, zero_division="warn", **kw)),
        "roc_auc": defined(lambda: metrics.roc_auc_score(y, s, **kw)),
        "average_precision": defined(lambda: metrics.average_precision_score(y, s, **kw)),
        "log_loss": defined(lambda: metrics.log_loss(y, s, labels=[0, 1], **kw)),
        "brier_score": defined(lambda: metrics.brier_score_loss(y, s, **kw)),
        "confusion": {"tp": float(tp), "fp": float(fp), "tn": float(tn), "fn": float(fn)},
    }
    out = {"name": name, "threshold": threshold, "labels": y.tolist(), "scores": s.tolist()}
    if w is not None:
        out["weights"] = w.tolist()
    out["expected"] = expected
    return out


def main():
    rng = np.random.RandomState(20261201)
    cases = []
    n = 500
    labels = rng.binomial(1, 0.35, n)
    # Informative scores: positives score higher on average.
    scores = np.clip(rng.normal(0.35 + 0.3 * labels, 0.2), 0, 1)
    cases.append(case("informative", labels, scores))
    cases.append(case("informative, threshold 0.3", labels, scores, threshold=0.3))
    cases.append(case("weighted", labels, scores, weights=rng.uniform(0.1, 3.0, n)))
    # Many ties: scores on a coarse grid, a tie group with both classes in it.
    cases.append(case("ties", labels, np.round(scores, 1)))
    cases.append(case("ties, weighted", labels, np.round(scores, 1), weights=rng.randint(1, 5, n)))
    cases.append(case("extreme scores (log loss clipping)", labels, np.where(labels == 1, 1.0, 0.0)))
    cases.append(case("uninformative", rng.binomial(1, 0.5, 200), rng.uniform(0, 1, 200)))
    # One class only (a slice with no positives): AUC and AP are not defined.
    cases.append(case("single class (all negative)", np.zeros(50, dtype=int), rng.uniform(0, 1, 50)))
    cases.append(case("single class (all positive)", np.ones(50, dtype=int), rng.uniform(0, 1, 50)))
    # No positive prediction: precision is not defined.
    cases.append(case("no positive prediction", labels[:100], scores[:100] * 0.4))
    json.dump(
        {
            "generator": "scripts/golden/sklearn-binary.py",
            "sklearn": sklearn.__version__,
            "numpy": np.__version__,
            "cases": cases,
        },
        sys.stdout,
        indent=1,
    )
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
