"""Met-target calibration of the 6-month performance model: the regression-derived probability (default)
against the separate logistic classifier it replaced, on demo-sized (2-year) and 4-year synthetic histories.
Prints JSON. Not collected by pytest (no test_ prefix).

Run: PYTHONPATH=src python benchmarks/performance_calibration.py
"""

from __future__ import annotations

import json
import time

import numpy as np
from threadpoolctl import threadpool_limits

from hireloop.loop.demo import demo_params
from hireloop.ml.evaluate import classifier_metrics, time_split
from hireloop.ml.synth import SynthParams, simulate_history
from hireloop.ml.training import train_performance

SEEDS = (3, 5, 7, 11, 13, 21, 31, 41)
SIZES = {"demo_2y": lambda s: demo_params(seed=s), "synthetic_4y": lambda s: SynthParams(seed=s)}


def main() -> dict:
    out: dict = {}
    for size, params in SIZES.items():
        runs = []
        for seed in SEEDS:
            hist = simulate_history(params(seed))
            row: dict = {"seed": seed}
            for how in ("classifier", "regression"):
                t0 = time.perf_counter()
                m = train_performance(hist.hires, met_from=how).metrics
                row[how] = {"auc": round(m["auc"], 4), "ece": round(m["ece"], 4), "brier": round(m["brier"], 4),
                            "fit_s": round(time.perf_counter() - t0, 2)}
                row["n_test"] = int(m["n_test"])
            h = hist.hires[hist.hires["attainment_6m"].notna()].reset_index(drop=True)
            te = time_split(h["start_month"], test_share=0.3, label="start month").test_index
            oracle = classifier_metrics(h["met_target_6m"].iloc[te], h["true_p_met_target_6m"].iloc[te])
            row["oracle"] = {"auc": round(oracle.auc, 4), "ece": round(oracle.ece, 4), "brier": round(oracle.brier, 4)}
            runs.append(row)
        summary = {how: {k: round(float(np.mean([r[how][k] for r in runs])), 4) for k in ("auc", "ece", "brier")}
                   for how in ("classifier", "regression", "oracle")}
        summary["regression_brier_lower"] = sum(r["regression"]["brier"] < r["classifier"]["brier"] for r in runs)
        summary["regression_ece_lower"] = sum(r["regression"]["ece"] < r["classifier"]["ece"] for r in runs)
        out[size] = {"mean": summary, "runs": runs}
    return out


if __name__ == "__main__":
    with threadpool_limits(limits=1):
        print(json.dumps(main(), indent=1))
