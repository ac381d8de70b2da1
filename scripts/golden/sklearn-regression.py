#!/usr/bin/python3
"""Golden values for the gate's regression metrics and calibration error, from scikit-learn.

Run with Debian's python3-sklearn (`apt-get install -y python3-sklearn`):
    /usr/bin/python3 scripts/golden/sklearn-regression.py > test/fixtures/predictions/sklearn-regression.json
Fixed seeds; the output is committed, so CI needs no Python. R² is asked for with
force_finite=False: for a constant target scikit-learn would otherwise answer a placeholder (1 or
0), which the gate leaves undefined (null here).

The expected calibration error is scikit-learn's calibration_curve(strategy="uniform") turned into
one number: its bins (numpy's linspace edges, right-closed, searchsorted on the inner edges), each
weighing its share of the examples. Unweighted cases check the per-bin values against
calibration_curve itself; weighted ones use the same binning with numpy's weighted sums.
"""
import json
import sys
import warnings

import numpy as np
import sklearn
from sklearn import metrics
from sklearn.calibration import calibration_curve


def finite_or_none(value):
    value = float(value)
    return value if np.isfinite(value) else None


def regression_case(name, targets, predictions, weights=None):
    y = np.asarray(targets, dtype=np.float64)
    p = np.asarray(predictions, dtype=np.float64)
    kw = {} if weights is None else {"sample_weight": np.asarray(weights, dtype=np.float64)}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        r2 = metrics.r2_score(y, p, force_finite=False, **kw)
    out = {"name": name, "targets": y.tolist(), "predictions": p.tolist()}
    if weights is not None:
        out["weights"] = np.asarray(weights, dtype=np.float64).tolist()
    out["expected"] = {
        "mae": float(metrics.mean_absolute_error(y, p, **kw)),
        "rmse": float(metrics.mean_squared_error(y, p, squared=False, **kw)),
        "r2": finite_or_none(r2) if len(y) >= 2 else None,
        "mape": float(metrics.mean_absolute_percentage_error(y, p, **kw)),
    }
    return out


def calibration_case(name, labels, scores, weights=None, n_bins=10):
    y = np.asarray(labels, dtype=np.int64)
    s = np.asarray(scores, dtype=np.float64)
    w = np.ones_like(s) if weights is None else np.asarray(weights, dtype=np.float64)
    bins = np.linspace(0.0, 1.0, n_bins + 1)
    binids = np.searchsorted(bins[1:-1], s)
    total = np.bincount(binids, weights=w, minlength=n_bins)
    true = np.bincount(binids, weights=w * y, minlength=n_bins)
    pred = np.bincount(binids, weights=w * s, minlength=n_bins)
    nonzero = total != 0
    if weights is None:
        prob_true, prob_pred = calibration_curve(y, s, n_bins=n_bins, strategy="uniform")
        assert np.array_equal(prob_true, true[nonzero] / total[nonzero])
        assert np.array_equal(prob_pred, pred[nonzero] / total[nonzero])
    share = total[nonzero] / w.sum()
    ece = float(np.sum(share * np.abs(true[nonzero] / total[nonzero] - pred[nonzero] / total[nonzero])))
    out = {"name": name, "bins": n_bins, "labels": y.tolist(), "scores": s.tolist()}
    if weights is not None:
        out["weights"] = w.tolist()
    out["expected"] = {"ece": ece}
    return out


def main():
    rng = np.random.RandomState(20261202)
    regression = []
    n = 400
    y = rng.normal(50, 12, n)
    regression.append(regression_case("noisy", y, y + rng.normal(0, 4, n)))
    regression.append(regression_case("weighted", y, y + rng.normal(1, 5, n), rng.uniform(0.1, 4, n)))
    regression.append(regression_case("with zero targets (MAPE's eps)", np.r_[0.0, 0.0, y[:48]], np.r_[0.5, 0.0, y[:48] * 1.1]))
    regression.append(regression_case("constant target (R² undefined)", np.full(20, 3.0), rng.normal(3, 1, 20)))
    regression.append(regression_case("one example (R² undefined)", [2.0], [2.5]))
    calibration = []
    labels = rng.binomial(1, 0.4, 600)
    scores = np.clip(rng.beta(2, 3, 600) + 0.25 * labels, 0, 1)
    calibration.append(calibration_case("ten bins", labels, scores))
    calibration.append(calibration_case("five bins", labels, scores, n_bins=5))
    calibration.append(calibration_case("weighted", labels, scores, weights=rng.uniform(0.5, 2, 600)))
    # Scores on the bins' edges as numpy computes them (0.30000000000000004 is 3 * 0.1).
    edges = np.linspace(0, 1, 11)
    on_edges = np.r_[edges, edges, 0.3, 0.7, 0.0, 1.0]
    calibration.append(calibration_case("scores on the edges", rng.binomial(1, 0.5, len(on_edges)), on_edges))
    json.dump(
        {
            "generator": "scripts/golden/sklearn-regression.py",
            "sklearn": sklearn.__version__,
            "numpy": np.__version__,
            "regression": regression,
            "calibration": calibration,
        },
        sys.stdout,
        indent=1,
    )
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
