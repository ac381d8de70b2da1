#!/usr/bin/python3
"""Golden values for the gate's multiclass metrics (src/core/predictions/multiclass.ts), from scikit-learn.

Run with Debian's python3-sklearn (`apt-get install -y python3-sklearn`):
    /usr/bin/python3 scripts/golden/sklearn-multiclass.py > test/fixtures/predictions/sklearn-multiclass.json
The data sets are generated from fixed seeds; the output is committed, so CI needs no Python.
A metric scikit-learn calls ill-defined (it warns, or raises) is written as null: the gate leaves
it undefined rather than reporting scikit-learn's placeholder (0 for a class, or an average over
fewer classes). Precision, recall and F1 are averaged over all k declared classes (labels=range(k)),
so a class absent from both the labels and the predictions counts, and makes them ill-defined.
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
    # "y_pred contains classes not in y_true") marks its answer as a placeholder, not a measurement.
    with warnings.catch_warnings():
        warnings.simplefilter("error", UndefinedMetricWarning)
        warnings.simplefilter("error", UserWarning)
        try:
            return float(compute())
        except (UndefinedMetricWarning, UserWarning, ValueError):
            return None


def case(name, labels, scores, weights=None):
    y = np.asarray(labels, dtype=np.int64)
    s = np.asarray(scores, dtype=np.float64)
    k = s.shape[1]
    w = None if weights is None else np.asarray(weights, dtype=np.float64)
    predicted = np.argmax(s, axis=1)  # the first maximum on ties
    kw = {} if w is None else {"sample_weight": w}
    classes = list(range(k))
    expected = {
        "accuracy": defined(lambda: metrics.accuracy_score(y, predicted, **kw)),
        "balanced_accuracy": defined(lambda: metrics.balanced_accuracy_score(y, predicted, **kw)),
        "roc_auc_ovr_macro": defined(
            lambda: metrics.roc_auc_score(y, s, multi_class="ovr", average="macro", **kw)
        ),
        "log_loss": defined(lambda: metrics.log_loss(y, s, labels=classes, **kw)),
    }
    for average in ("macro", "micro", "weighted"):
        prf = {"labels": classes, "average": average, "zero_division": "warn", **kw}
        expected["precision_" + average] = defined(lambda: metrics.precision_score(y, predicted, **prf))
        expected["recall_" + average] = defined(lambda: metrics.recall_score(y, predicted, **prf))
        expected["f1_" + average] = defined(lambda: metrics.f1_score(y, predicted, **prf))
    expected["confusion"] = metrics.confusion_matrix(y, predicted, labels=classes, **kw).astype(float).tolist()
    out = {"name": name, "classes": k, "labels": y.tolist(), "scores": s.tolist()}
    if w is not None:
        out["weights"] = w.tolist()
    out["expected"] = expected
    return out


def softmax(logits):
    e = np.exp(logits - logits.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def informative(rng, n, k, signal=1.5, prior=None):
    """Labels, and softmax scores of noisy logits that favour the true class."""
    labels = rng.choice(k, size=n, p=prior)
    logits = rng.normal(0, 1, (n, k))
    logits[np.arange(n), labels] += signal
    return labels, softmax(logits)


def main():
    rng = np.random.RandomState(20261202)
    cases = []
    y3, s3 = informative(rng, 400, 3)
    cases.append(case("3 classes, informative", y3, s3))
    cases.append(case("3 classes, weighted", y3, s3, weights=rng.uniform(0.1, 3.0, 400)))
    y5, s5 = informative(rng, 500, 5, signal=1.2, prior=[0.35, 0.25, 0.2, 0.12, 0.08])
    cases.append(case("5 classes, informative", y5, s5))
    cases.append(case("5 classes, weighted", y5, s5, weights=rng.uniform(0.1, 3.0, 500)))
    # Ties in every column and in the argmax: scores in multiples of 1/8, rows summing to 1 exactly.
    eighths = np.array([rng.multinomial(8, row) for row in s3]) / 8.0
    cases.append(case("3 classes, ties (eighths)", y3, eighths))
    cases.append(case("3 classes, ties (eighths), weighted", y3, eighths, weights=rng.randint(1, 5, 400)))
    # Rounded to 0.1 and renormalised: rows sum to 1 within rounding, equal values stay equal.
    rounded = np.round(s5, 1)
    rounded = rounded / rounded.sum(axis=1, keepdims=True)
    cases.append(case("5 classes, ties (rounded, renormalised), weighted", y5, rounded, weights=rng.randint(1, 5, 500)))
    # Argmax ties where the first maximum is not the true class (and sometimes is).
    tied = [
        ([3, 3, 2], 1),
        ([3, 3, 2], 0),
        ([4, 0, 4], 2),
        ([4, 0, 4], 0),
        ([2, 3, 3], 2),
        ([2, 3, 3], 1),
        ([1, 1, 6], 2),
        ([6, 1, 1], 0),
        ([1, 6, 1], 1),
        ([3, 2, 3], 2),
        ([2, 4, 2], 0),
        ([4, 4, 0], 1),
    ]
    cases.append(case("3 classes, argmax ties", [t for _, t in tied], np.array([r for r, _ in tied]) / 8.0))
    # One-hot scores, some wrong: log loss clips to [eps, 1 - eps].
    onehot = np.eye(3)[np.where(rng.uniform(0, 1, 400) < 0.8, y3, (y3 + 1) % 3)]
    cases.append(case("3 classes, extreme scores (log loss clipping)", y3, onehot))
    # Class 2 is never predicted: its precision is ill-defined (scikit-learn warns and says 0).
    low = s3.copy()
    low[:, 2] = np.minimum(low[:, 2], 0.5 * low[:, :2].max(axis=1))
    low = low / low.sum(axis=1, keepdims=True)
    assert not (np.argmax(low, axis=1) == 2).any()
    cases.append(case("3 classes, class 2 never predicted", y3, low))
    # Class 4 is absent from the labels but predicted: recall and ROC AUC (OvR) are ill-defined.
    keep = y5 != 4
    y_absent, s_absent = y5[keep][:300], s5[keep][:300].copy()
    s_absent[::7, 4] += 3.0
    s_absent = s_absent / s_absent.sum(axis=1, keepdims=True)
    assert (np.argmax(s_absent, axis=1) == 4).any()
    cases.append(case("5 classes, class 4 absent from the labels", y_absent, s_absent))
    # Class 4 is absent from the labels and never predicted.
    s_gone = s5[keep][:300].copy()
    s_gone[:, 4] = np.minimum(s_gone[:, 4], 0.5 * s_gone[:, :4].max(axis=1))
    s_gone = s_gone / s_gone.sum(axis=1, keepdims=True)
    assert not (np.argmax(s_gone, axis=1) == 4).any()
    cases.append(case("5 classes, class 4 absent from labels and predictions", y_absent, s_gone))
    # Rows that do not sum to 1: scikit-learn's ROC AUC (OvR) refuses them; log loss renormalises.
    cases.append(case("3 classes, rows not summing to 1", y3[:200], s3[:200] * 0.9))
    json.dump(
        {
            "generator": "scripts/golden/sklearn-multiclass.py",
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
