"""Content-scoring benchmark: Spearman correlation with labelled ratings, off-topic detection, time per answer.

PYTHONPATH=src python benchmarks/content_scoring.py --labels tests/data/answers/labels.jsonl [--refit]
Prints JSON. With --refit the model is fitted on the file's train split first (for other labelled sets).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time

import numpy as np
from scipy.stats import spearmanr

from hireloop.analysis.text import get_embedder
from hireloop.scoring.content.dataset import LabelledAnswer, read_labels
from hireloop.scoring.content.model import ContentModel
from hireloop.scoring.content.scorer import ContentScorer


def _rho(pred: list[float], gold: list[int]) -> float | None:
    if len(pred) < 3 or len(set(gold)) < 2:
        return None
    return round(float(spearmanr(pred, gold)[0]), 3)


def _summary(rows: list[LabelledAnswer], results: list, length: list[float]) -> dict[str, object]:
    gold = [r.expected_rating for r in rows]
    pred = [res.score for res in results]
    off = [r.off_topic for r in rows]
    flagged = [res.off_topic for res in results]
    n_off = sum(off)
    n_on = len(off) - n_off
    out: dict[str, object] = {
        "n": len(rows),
        "spearman": _rho(pred, gold),
        "spearman_length_only_baseline": _rho(length, gold),
        "mean_abs_error": round(float(np.mean(np.abs(np.array(pred) - np.array(gold)))), 3) if rows else None,
        "exact_level_agreement": round(float(np.mean([res.level == g for res, g in zip(results, gold, strict=True)])), 3) if rows else None,
        "off_topic_detection_rate": round(sum(f for f, o in zip(flagged, off, strict=True) if o) / n_off, 3) if n_off else None,
        "false_off_topic_rate": round(sum(f for f, o in zip(flagged, off, strict=True) if not o) / n_on, 3) if n_on else None,
        "n_off_topic": n_off,
    }
    for lang in ("zh", "en"):
        idx = [i for i, r in enumerate(rows) if r.language == lang]
        out[f"spearman_{lang}"] = _rho([pred[i] for i in idx], [gold[i] for i in idx])
    return out


def main(argv: list[str] | None = None) -> None:
    """Command line entry point."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--labels", required=True, help="JSON lines: language, question, competency{key,name,anchors}, answer, expected_rating[, split, off_topic]")
    ap.add_argument("--refit", action="store_true", help="fit the ridge model on this file's train split first")
    args = ap.parse_args(argv)
    rows = read_labels(args.labels)
    raw = [json.loads(line) for line in open(args.labels, encoding="utf-8") if line.strip()]
    embedder = get_embedder()
    embedder.passages(["warm up"])
    scorer = ContentScorer(embedder)
    if args.refit:
        from hireloop.scoring.content.signals import analyse_answer

        train = [r for r in rows if r.split == "train" and not r.off_topic]
        sig = [analyse_answer(embedder, r.question, r.competency_name, list(r.anchors), r.answer, r.language).signals for r in train]
        scorer.model = ContentModel().fit(sig, [r.expected_rating for r in train])
    results = []
    times = []
    for r in rows:
        t0 = time.perf_counter()
        results.append(scorer.score(r.question, r.competency_name, r.anchors, r.answer, r.language))
        times.append(time.perf_counter() - t0)
    length = [res.signals["length"] for res in results]
    by_split = {}
    for split in ("eval", "train"):
        idx = [i for i, r in enumerate(rows) if r.split == split]
        by_split[split] = _summary([rows[i] for i in idx], [results[i] for i in idx], [length[i] for i in idx])
    subsets = {}
    for name in sorted({r.get("subset") for r in raw if r.get("subset")}):
        idx = [i for i, r in enumerate(raw) if r.get("subset") == name]
        subsets[name] = _summary([rows[i] for i in idx], [results[i] for i in idx], [length[i] for i in idx])
    report = {
        "labels": os.path.basename(args.labels),
        "scorer": f"{scorer.name}:{scorer.version}",
        "model": "refit on this file's train split" if args.refit else "shipped weights.json (fitted on labels.jsonl train split)",
        "eval": by_split["eval"],
        "train": by_split["train"],
        "overall": _summary(rows, results, length),
        "subsets": subsets,
        "seconds_per_answer": {"mean": round(float(np.mean(times)), 3), "median": round(float(np.median(times)), 3),
                               "max": round(float(np.max(times)), 3)},
        "load_average_1min": round(os.getloadavg()[0], 2),
        "cpu_count": os.cpu_count(),
        "python": sys.version.split()[0],
    }
    print(json.dumps(report, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
