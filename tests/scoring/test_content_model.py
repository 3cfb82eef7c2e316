"""The ridge model behind the content score, the shipped weights, and the labels-file reader."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from hireloop.errors import ValidationFailed
from hireloop.scoring.content.dataset import read_labels
from hireloop.scoring.content.model import FEATURES, ContentModel, load_default_model

LABELS = Path(__file__).parents[1] / "data" / "answers" / "labels.jsonl"


def _rows(n: int, rng: np.random.Generator) -> list[dict[str, float]]:
    return [{f: float(rng.random()) for f in FEATURES} for _ in range(n)]


def test_fit_recovers_the_direction_of_each_signal_and_round_trips() -> None:
    rng = np.random.default_rng(0)
    rows = _rows(200, rng)
    y = [1 + 2 * r["numbers"] + 2 * r["structure"] - 1.5 * r["vagueness"] + 1 for r in rows]
    model = ContentModel(alpha=1.0).fit(rows, y)
    coef = dict(zip(FEATURES, model.coef_, strict=True))
    assert coef["numbers"] > 0.4 and coef["structure"] > 0.4 and coef["vagueness"] < -0.3
    assert abs(coef["length"]) < 0.1
    again = ContentModel.from_dict(model.to_dict())
    assert again.predict(rows[:5]) == pytest.approx(model.predict(rows[:5]))
    one = rows[0]
    assert model.predict_one(one) == pytest.approx(np.clip(model.intercept_ + sum(model.contributions(one).values()), 1, 5))


def test_predictions_stay_on_the_scale() -> None:
    model = ContentModel().fit([{f: 0.0 for f in FEATURES}, {f: 1.0 for f in FEATURES}], [1, 5])
    assert model.predict_one({f: 50.0 for f in FEATURES}) == 5.0
    assert model.predict_one({f: -50.0 for f in FEATURES}) == 1.0


def test_shipped_weights_were_fitted_on_the_training_split() -> None:
    model, card = load_default_model()
    train_on_topic = [r for r in read_labels(LABELS) if r.split == "train" and not r.off_topic]
    assert model.n_train_ == len(train_on_topic)
    assert "split=train" in card["data"]
    coef = dict(zip(model.features, model.coef_, strict=True))
    # signs a rater would expect: figures and structure help, generalities hurt
    assert coef["numbers"] > 0 and coef["structure"] > 0 and coef["vagueness"] < 0


def test_labels_reader_names_the_bad_line(tmp_path: Path) -> None:
    good = LABELS.read_text(encoding="utf-8").splitlines()[0]
    path = tmp_path / "labels.jsonl"
    path.write_text(good + "\n" + '{"language": "en", "question": "q", "answer": "a", "expected_rating": 3}\n', encoding="utf-8")
    with pytest.raises(ValidationFailed, match="line 2"):
        read_labels(path)
    rows = read_labels(LABELS)
    assert len(rows) >= 40 and {r.language for r in rows} == {"zh", "en"}
    assert {r.split for r in rows} == {"train", "eval"} and sum(r.off_topic for r in rows) >= 5
