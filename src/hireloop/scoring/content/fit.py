"""Fit the content model on the TRAINING split of a labels file and write weights.json (never uses eval rows).

PYTHONPATH=src python -m hireloop.scoring.content.fit --labels tests/data/answers/labels.jsonl
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path

from hireloop.analysis.text import get_embedder
from hireloop.scoring.content.dataset import read_labels
from hireloop.scoring.content.model import WEIGHTS_FILE, ContentModel
from hireloop.scoring.content.scorer import SCORER_VERSION
from hireloop.scoring.content.signals import analyse_answer


def main(argv: list[str] | None = None) -> None:
    """Command line entry point."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--labels", required=True)
    ap.add_argument("--out", default=str(WEIGHTS_FILE))
    ap.add_argument("--alpha", type=float, default=4.0)
    args = ap.parse_args(argv)
    rows = [r for r in read_labels(args.labels) if r.split == "train"]
    embedder = get_embedder()
    # Off-topic answers are handled by the flag and the floor, so they do not shape the regression.
    fit_rows = [r for r in rows if not r.off_topic]
    signals = [
        analyse_answer(embedder, r.question, r.competency_name, list(r.anchors), r.answer, r.language).signals
        for r in fit_rows
    ]
    model = ContentModel(alpha=args.alpha).fit(signals, [r.expected_rating for r in fit_rows])
    card = {
        "scorer_version": SCORER_VERSION,
        "data": f"{Path(args.labels).name}, split=train, on-topic rows only (n={len(fit_rows)})",
        "embedder": getattr(embedder, "name", "unknown"),
        "fitted": dt.date.today().isoformat(),
        "target": "expected_rating (1-5), clipped prediction",
    }
    Path(args.out).write_text(json.dumps(model.to_dict(card), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(json.dumps({"written": args.out, "n_train": len(fit_rows),
                      "coef": dict(zip(model.features, [round(c, 3) for c in model.coef_], strict=True))}))


if __name__ == "__main__":
    main()
