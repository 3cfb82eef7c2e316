"""Accuracy of the analysis stages on real inputs with known answers. Prints JSON.

- ASR: character error rate (Mandarin) and word error rate (English) per model on ../shared/data/speech.
- Speech rate: error of syllables counted from the ASR transcript against the reference transcript's.
- Pauses: F1 (a found pause matches a true one when they overlap by IoU >= 0.5) and boundary error, on answers
  composed from the clips with silences of known length, per voice-activity method.
- Face: share of sampled frames whose state (no face / one face / several) is right, face-visible ratio error,
  and time per video second, on the face-absent fixture at several sampling rates.

Run: PYTHONPATH=src python benchmarks/analysis_accuracy.py [--speech-dir ../shared/data/speech]
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
MEDIA = ROOT / "tests" / "data" / "media"
sys.path.insert(0, str(MEDIA))

import make_fixtures as fx  # noqa: E402
from rapidfuzz.distance import Levenshtein  # noqa: E402

from hireloop.analysis import audio, face, media, rate, speech  # noqa: E402
from hireloop.analysis.audio import Interval  # noqa: E402

# Clips whose own recordings hold pauses of 0.25 s or more: no ground truth for those, so not used for pauses.
PAUSE_EXCLUDED = {"en_whisper_jfk.flac", "zh_aishell1train_BAC009S0002W0122.wav"}


def normalise(text: str, language: str) -> list[str]:
    if language == "zh":
        return [c for c in text if re.match(r"[\u4e00-\u9fff0-9a-zA-Z]", c)]
    return re.sub(r"[^a-z0-9' ]", " ", text.lower()).split()


def asr_accuracy(speech_dir: Path, rows: list[dict], cache: Path) -> dict:
    out: dict = {}
    for model_name in ("whisper-base", "whisper-tiny.en"):
        for lang in ("zh", "en"):
            if model_name.endswith(".en") and lang != "en":
                continue
            model = speech.resolve_model(model_name, language=lang, cache_dir=cache)
            speech._load(str(model.path), 1)  # load before timing: the RTF below is transcription only
            errors = length = 0
            rate_errors, per_clip, seconds, audio_s = [], [], 0.0, 0.0
            for row in (r for r in rows if r["language"] == lang):
                samples = media.decode_audio(speech_dir / row["file"])
                t = time.perf_counter()
                tr = speech.transcribe(samples, model=model, language=lang)
                seconds += time.perf_counter() - t
                audio_s += len(samples) / media.SAMPLE_RATE
                hyp, ref = normalise(tr.text, lang), normalise(row["reference"], lang)
                dist = Levenshtein.distance(hyp, ref)
                errors += dist
                length += len(ref)
                syl_ref = rate.syllables(row["reference"], lang)
                syl_hyp = rate.syllables(tr.text, lang)
                rate_errors.append(abs(syl_hyp - syl_ref) / syl_ref)
                per_clip.append({"file": row["file"], "error_rate": round(dist / len(ref), 4), "hypothesis": tr.text,
                                 "confidence": tr.confidence})
            metric = "cer" if lang == "zh" else "wer"
            out[f"{model_name}/{lang}"] = {
                metric: round(errors / length, 4), "clips": len(per_clip),
                "speech_rate_error_mean_pct": round(100 * float(np.mean(rate_errors)), 2),
                "speech_rate_error_max_pct": round(100 * float(np.max(rate_errors)), 2),
                "rtf_transcription": round(seconds / audio_s, 3), "per_clip": per_clip,
            }
    return out


def match_pauses(found: list[Interval], truth: list[Interval]) -> tuple[int, list[float]]:
    used: set[int] = set()
    boundary: list[float] = []
    for t in truth:
        for i, f in enumerate(found):
            inter = min(f.end, t.end) - max(f.start, t.start)
            union = max(f.end, t.end) - min(f.start, t.start)
            if i not in used and inter > 0 and inter / union >= 0.5:
                used.add(i)
                boundary += [abs(f.start - t.start), abs(f.end - t.end)]
                break
    return len(used), boundary


def pause_accuracy(speech_dir: Path, rows: list[dict]) -> dict:
    clips = {lang: [fx.trim_to_speech(media.decode_audio(speech_dir / r["file"]))
                    for r in rows if r["language"] == lang and r["file"] not in PAUSE_EXCLUDED] for lang in ("zh", "en")}
    rng = np.random.default_rng(11)
    cases: list[tuple[np.ndarray, list[Interval]]] = []
    for lang, pool in clips.items():
        for _ in range(6):
            order = rng.permutation(len(pool))[: rng.integers(3, len(pool) + 1)]
            pieces: list = [0.5]
            for k in order:
                pieces += [pool[k], float(rng.uniform(0.3, 3.0))]
            pieces[-1] = 0.5
            samples, silences = fx.compose(pieces, seed=int(rng.integers(1000)))
            cases.append((samples, [Interval(a, b) for a, b in silences[1:-1]]))
    truth_file = json.loads((MEDIA / "fixtures.json").read_text(encoding="utf-8"))
    for name in ("answer_zh_pauses.webm", "answer_en_pauses.mp4"):  # through real Opus / AAC encoding
        cases.append((media.decode_audio(MEDIA / name), [Interval(a, b) for a, b in truth_file[name]["pauses"]]))
    # The same answers in a noisier room: white noise 20 dB below the speech (SNR 20 dB, a fan or street).
    noisy = [(s + rng.normal(0, float(np.sqrt(np.mean(s[np.abs(s) > 1e-3] ** 2))) / 10, len(s)).astype(np.float32), t)
             for s, t in cases]
    out: dict = {"answers": len(cases), "true_pauses": sum(len(t) for _, t in cases)}
    for condition, group in (("quiet", cases), ("noise_snr20dB", noisy)):
        out[condition] = _score_methods(group)
    return out


def _score_methods(cases: list[tuple[np.ndarray, list[Interval]]]) -> dict:
    out: dict = {}
    for method, refine in (("silero", True), ("silero", False), ("energy", False)):
        tp = n_found = n_true = 0
        boundary: list[float] = []
        for samples, truth in cases:
            found = list(audio.detect_voice(samples, method=method, refine=refine).pauses)
            hits, b = match_pauses(found, truth)
            tp, n_found, n_true, boundary = tp + hits, n_found + len(found), n_true + len(truth), boundary + b
        precision, recall = tp / max(n_found, 1), tp / max(n_true, 1)
        out[method + ("+energy_edges" if refine else "")] = {"f1": round(2 * precision * recall / max(precision + recall, 1e-9), 4),
                       "precision": round(precision, 4), "recall": round(recall, 4),
                       "boundary_error_mean_s": round(float(np.mean(boundary)), 4) if boundary else None,
                       "boundary_error_p90_s": round(float(np.percentile(boundary, 90)), 4) if boundary else None}
    return out


def face_accuracy() -> dict:
    name = "answer_face_absent.webm"
    truth = json.loads((MEDIA / "fixtures.json").read_text(encoding="utf-8"))[name]

    def state(t: float) -> int:
        if any(a <= t < b for a, b in truth["no_face"]):
            return 0
        return 2 if any(a <= t < b for a, b in truth["several_faces"]) else 1

    hidden = sum(b - a for a, b in truth["no_face"] + truth["several_faces"])
    true_ratio = 1 - hidden / truth["duration"]
    out: dict = {"true_face_visible_ratio": round(true_ratio, 4)}
    for fps in (2.0, 5.0, 10.0, 15.0):
        samples: list[face.FaceSample] = []
        t = time.perf_counter()
        with face.FaceLandmarker() as lm:
            for frame in media.iter_video_frames(MEDIA / name, fps=fps):
                samples.append(lm.sample(frame))
        seconds = time.perf_counter() - t
        right = sum(1 for s in samples if min(s.faces, 2) == state(s.time_s))
        summary = face.summarise(samples, fps=fps, duration_s=truth["duration"], model="bench")
        out[f"{fps:g}fps"] = {"state_accuracy": round(right / len(samples), 4), "frames": len(samples),
                              "face_visible_ratio": round(summary.face_visible_ratio, 4),
                              "face_visible_abs_error": round(abs(summary.face_visible_ratio - true_ratio), 4),
                              "no_face_intervals": [[i.start, i.end] for i in summary.no_face_intervals],
                              "seconds_per_video_second": round(seconds / truth["duration"], 3)}
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--speech-dir", type=Path, default=fx.DEFAULT_SPEECH_DIR)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/hireloop-bench/models"))
    parser.add_argument("--skip-asr", action="store_true")
    args = parser.parse_args()
    with (args.speech_dir / "manifest.tsv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    report = {"pauses": pause_accuracy(args.speech_dir, rows), "face": face_accuracy()}
    if not args.skip_asr:
        report["asr"] = asr_accuracy(args.speech_dir, rows, args.cache)
    print(json.dumps(report, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
