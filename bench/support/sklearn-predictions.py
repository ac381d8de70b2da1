"""The yardstick of bench/predictions.mjs: scikit-learn's metrics on the same predictions CSV.

usage: sklearn-predictions.py CANDIDATE.csv [--repeat R] [--bootstrap K BASELINE.csv]

Reads the file with numpy (pandas only if installed), computes the plain metrics of every example
and of each slice value, and prints one JSON object: read and compute seconds (compute is the best
of R runs, as the Node side's is), the metrics of each cell (to check both agree), sklearn's
version and the process's peak RSS. With --bootstrap, also times K paired Poisson-bootstrap
resamples of the cell of every example, both models, for extrapolating to 1,000.
"""

import json
import resource
import sys
import time

import numpy as np
import sklearn
from sklearn.calibration import calibration_curve
from sklearn.metrics import (
    accuracy_score,
    average_precision_score,
    balanced_accuracy_score,
    brier_score_loss,
    f1_score,
    log_loss,
    precision_score,
    recall_score,
    roc_auc_score,
)

SLICES = ["country", "device", "segment"]
THRESHOLD = 0.5
BINS = 10


def read(path):
    try:
        import pandas

        frame = pandas.read_csv(path, dtype={c: str for c in SLICES})
        return {c: frame[c].to_numpy() for c in frame.columns}, "pandas.read_csv"
    except ImportError:
        pass
    # loadtxt's C parser (numpy >= 1.23) with one structured dtype: the fastest numpy-only read.
    dtype = [("id", "i8"), ("y", "i8"), ("p", "f8")] + [(c, "U16") for c in SLICES]
    rows = np.loadtxt(path, delimiter=",", skiprows=1, dtype=dtype)
    return {name: rows[name] for name in rows.dtype.names}, "numpy.loadtxt"


def ece(y, p, weight=None):
    if weight is None:
        # calibration_curve gives the non-empty bins' means; their counts come from the same
        # binning (sklearn 1.2: searchsorted on linspace's inner edges).
        prob_true, prob_pred = calibration_curve(y, p, n_bins=BINS, strategy="uniform")
        ids = np.searchsorted(np.linspace(0.0, 1.0, BINS + 1)[1:-1], p)
        counts = np.bincount(ids, minlength=BINS)
        share = counts[counts > 0] / len(y)
        return float(np.sum(share * np.abs(prob_true - prob_pred)))
    # calibration_curve takes no weights: the same bins, weighted by hand.
    ids = np.searchsorted(np.linspace(0.0, 1.0, BINS + 1)[1:-1], p)
    w = np.bincount(ids, weights=weight, minlength=BINS)
    pos = np.bincount(ids, weights=weight * y, minlength=BINS)
    score = np.bincount(ids, weights=weight * p, minlength=BINS)
    nz = w > 0
    return float(np.sum(w[nz] / w.sum() * np.abs(pos[nz] / w[nz] - score[nz] / w[nz])))


def metrics(y, p, weight=None):
    pred = (p >= THRESHOLD).astype(np.int64)
    kw = {} if weight is None else {"sample_weight": weight}
    return {
        "accuracy": accuracy_score(y, pred, **kw),
        "balanced_accuracy": balanced_accuracy_score(y, pred, **kw),
        "precision": precision_score(y, pred, zero_division=0, **kw),
        "recall": recall_score(y, pred, zero_division=0, **kw),
        "f1": f1_score(y, pred, zero_division=0, **kw),
        "roc_auc": roc_auc_score(y, p, **kw),
        "average_precision": average_precision_score(y, p, **kw),
        "log_loss": log_loss(y, p, labels=[0, 1], **kw),
        "brier_score": brier_score_loss(y, p, **kw),
        "expected_calibration_error": ece(y, p, weight),
    }


def all_cells(cols):
    y, p = cols["y"], cols["p"]
    cells = {"all": metrics(y, p)}
    for column in SLICES:
        for value in np.unique(cols[column]):
            mask = cols[column] == value
            cells[f"{column}={value}"] = metrics(y[mask], p[mask])
    return cells


def main(argv):
    path = argv[0]
    repeat = int(argv[argv.index("--repeat") + 1]) if "--repeat" in argv else 1
    start = time.perf_counter()
    cols, reader = read(path)
    read_seconds = time.perf_counter() - start
    # --repeat 0 (the bootstrap's run) computes no plain metrics.
    compute_seconds, cells = None, {}
    for _ in range(repeat):
        start = time.perf_counter()
        cells = all_cells(cols)
        seconds = time.perf_counter() - start
        compute_seconds = seconds if compute_seconds is None else min(compute_seconds, seconds)
    out = {
        "sklearn": sklearn.__version__,
        "numpy": np.__version__,
        "reader": reader,
        "rows": int(len(cols["y"])),
        "read_seconds": read_seconds,
        "compute_seconds": compute_seconds,
        "cells": {k: {m: float(v) for m, v in c.items()} for k, c in cells.items()},
    }
    if "--bootstrap" in argv:
        at = argv.index("--bootstrap")
        resamples = int(argv[at + 1])
        base, _ = read(argv[at + 2])
        # Paired by id: both models' rows in id order, one Poisson weight per example.
        cand_order = np.argsort(cols["id"], kind="stable")
        base_order = np.argsort(base["id"], kind="stable")
        y = cols["y"][cand_order]
        models = [cols["p"][cand_order], base["p"][base_order]]
        rng = np.random.default_rng(0)
        start = time.perf_counter()
        for _ in range(resamples):
            weight = rng.poisson(1.0, len(y)).astype(np.float64)
            for p in models:
                metrics(y, p, weight)
        out["bootstrap"] = {"resamples": resamples, "seconds": time.perf_counter() - start}
    # Linux reports KiB.
    out["maxrss_kib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps(out))


if __name__ == "__main__":
    main(sys.argv[1:])
