"""Benchmark of the loop models; prints JSON. Not collected by pytest (no test_ prefix).

Run: PYTHONPATH=src python benchmarks/ml_loop.py [path/to/ibm_hr_employee_attrition.csv]
Measures, in the same run: the attrition model (logistic, the default) against gradient boosting (the
alternative) and against the oracle (true probabilities) on a synthetic history; the performance model; the
IBM export with stratified CV for both estimators; validity-interval coverage; and the time each step takes.
"""

from __future__ import annotations

import dataclasses
import json
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
from threadpoolctl import threadpool_limits

from hireloop.ml.evaluate import classifier_metrics, time_split
from hireloop.ml.features import ATTRITION_NUMERIC, attrition_snapshots
from hireloop.ml.ibm import IBM_FEATURES, normalize_ibm_export
from hireloop.ml.models import AttritionRiskModel
from hireloop.ml.synth import DEFAULT_JOBS, SynthParams, simulate_history
from hireloop.ml.training import train_attrition_from_employee_table, train_performance
from hireloop.ml.validity import validity_table

IBM = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/work/shared/data/hr/ibm_hr_employee_attrition.csv")


def _timed(fn):  # noqa: ANN001, ANN202
    start = time.perf_counter()
    out = fn()
    return out, round(time.perf_counter() - start, 3)


def main() -> dict:
    res: dict = {}
    hist, res["simulate_history_s"] = _timed(lambda: simulate_history(SynthParams(seed=7)))
    res["synthetic"] = {"applicants": len(hist.applicants), "hires": len(hist.hires), "months": len(hist.monthly)}
    snaps, res["snapshots_s"] = _timed(lambda: attrition_snapshots(hist.hires, hist.monthly))
    split = time_split(snaps["month"], test_share=0.3)
    train, test = snaps.iloc[split.train_index], snaps.iloc[split.test_index]
    feats = [*ATTRITION_NUMERIC, "job"]
    oracle = classifier_metrics(test["left"], test["true_p_exit_3m"])
    res["attrition_synthetic"] = {"validation": split.description, "oracle_auc": round(oracle.auc, 4)}
    variants = (("logistic", None), ("logistic", "sigmoid"), ("logistic", "isotonic"), ("gradient_boosting", None))
    for est, cal in variants:
        model, fit_s = _timed(lambda: AttritionRiskModel(features=feats, estimator=est, calibration=cal)
                              .fit(train, train["left"]))
        m = classifier_metrics(test["left"], model.risk(test))
        res["attrition_synthetic"][f"{est}{'+' + cal if cal else ''}"] = {
            "auc": round(m.auc, 4), "oracle_gap": round(oracle.auc - m.auc, 4), "ece": round(m.ece, 4),
            "brier": round(m.brier, 4), "fit_s": fit_s}
    perf, res["performance_train_s"] = _timed(lambda: train_performance(hist.hires))
    res["performance_synthetic"] = {k: round(float(v), 4) for k, v in perf.metrics.items()}
    if IBM.exists():
        df = normalize_ibm_export(pd.read_csv(IBM))
        t, res["ibm_train_s"] = _timed(lambda: train_attrition_from_employee_table(df))
        res["ibm_logistic"] = {"validation": t.validation, **{k: round(float(v), 4) for k, v in t.metrics.items()}}
        from sklearn.model_selection import StratifiedKFold

        aucs = []
        feats_ibm = [f for f in IBM_FEATURES if f in df.columns]
        for tr, te in StratifiedKFold(5, shuffle=True, random_state=0).split(df, df["left"]):
            gb = AttritionRiskModel(features=feats_ibm, estimator="gradient_boosting").fit(df.iloc[tr],
                                                                                          df["left"].iloc[tr])
            aucs.append(classifier_metrics(df["left"].iloc[te], gb.risk(df.iloc[te])).auc)
        res["ibm_gradient_boosting_auc_5fold"] = round(float(np.mean(aucs)), 4)
    rsm = DEFAULT_JOBS[0]
    preds, outs = ["score_channel_development", "score_customer_relationship", "speech_rate_cv"], ["attainment_6m",
                                                                                                   "early_exit"]

    def coverage() -> float:
        big = simulate_history(SynthParams(seed=999, jobs=(dataclasses.replace(rsm, applicants_per_month=1500),)))
        truth = {(v.predictor, v.outcome): v.r for v in validity_table(big.hires, preds, outs)}
        hits = [v.low <= truth[(v.predictor, v.outcome)] <= v.high for s in range(300)
                for v in validity_table(simulate_history(SynthParams(
                    seed=s, jobs=(dataclasses.replace(rsm, applicants_per_month=12),))).hires, preds, outs)]
        return round(float(np.mean(hits)), 4)

    res["validity_95ci_coverage_300_sims"], res["coverage_s"] = _timed(coverage)
    return res


if __name__ == "__main__":
    with threadpool_limits(limits=1):
        print(json.dumps(main(), indent=2, ensure_ascii=False))
