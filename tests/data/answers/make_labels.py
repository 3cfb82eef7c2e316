"""Writes labels.jsonl from the hand-written answers, taking questions and anchors from the shipped templates.

Run from the repository root: PYTHONPATH=src python tests/data/answers/make_labels.py
The split is fixed here, stratified by label: within each (language, rating, off-topic) stratum, in the order written,
every third answer goes to eval; it is never chosen by looking at scores.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))

from answers_a import ANSWERS_A  # noqa: E402
from answers_b import ANSWERS_B  # noqa: E402
from answers_c import ANSWERS_C  # noqa: E402
from answers_d import ANSWERS_D  # noqa: E402

from hireloop.templates import get_template  # noqa: E402


def main() -> None:
    rows = []
    position: dict[tuple[str, int, bool], int] = {}
    tagged = [(a, "main") for a in ANSWERS_A + ANSWERS_B] + [(a, "length_probe") for a in ANSWERS_C]
    tagged += [(a, "offtopic_holdout") for a in ANSWERS_D]
    for (template_key, comp_key, question_id, lang, rating, answer, off_topic), subset in tagged:
        comp = get_template(template_key).competency(comp_key)
        question = next(q for q in comp.questions if q.id == question_id)
        group = (lang, rating, off_topic)
        i = position.get(group, 0)
        position[group] = i + 1
        rows.append({
            "language": lang,
            "question": question.text.get(lang),
            "competency": {"key": comp.key, "name": comp.name.get(lang), "anchors": comp.anchor_texts(lang)},
            "answer": answer,
            "expected_rating": rating,
            "off_topic": off_topic,
            # the off-topic hold-out was written after the threshold was fixed: all of it is eval
            "split": "eval" if subset == "offtopic_holdout" or i % 3 == 1 else "train",
            "template": template_key,
            "subset": subset,
        })
    with open(HERE / "labels.jsonl", "w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} answers")


if __name__ == "__main__":
    main()
