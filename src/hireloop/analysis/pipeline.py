"""Analyse one recorded answer: speech and face work side by side, typed result out, progress through a hook."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Protocol

import numpy as np

from hireloop.analysis import audio as audio_mod
from hireloop.analysis import face as face_mod
from hireloop.analysis import rate
from hireloop.analysis.media import SAMPLE_RATE, decode_audio, iter_video_frames, probe
from hireloop.analysis.result import (
    SCHEMA_VERSION, AnswerAnalysis, FaceStatus, Measure, ModelRef, Note, StageTiming,
)
from hireloop.analysis.speech import Transcript, resolve_model, transcribe

FACE_VISIBLE_LOW = 0.5


class ProgressHook(Protocol):
    def __call__(self, stage: str, *, completed: int, total: int) -> None: ...


@dataclass(frozen=True)
class AnalysisOptions:
    """How to analyse; the lead wires hireloop.config.Settings to these fields."""

    asr_model: str | Path | None = None  # folder, 'whisper-base', 'whisper-tiny.en'; None: by language
    model_cache_dir: Path = Path("var/models")
    compute_face: bool = True  # False: face measures are NOT COMPUTED (no frame is decoded or looked at)
    face_model_path: Path | None = None
    face_fps: float = 5.0
    face_max_width: int = 640
    face_tracking: bool = False
    vad_method: str = "silero"
    max_duration_s: float = 30 * 60.0
    # Each stage may take this many times the recording's length (at least min_stage_timeout_s).
    stage_timeout_factor: float = 3.0
    min_stage_timeout_s: float = 60.0
    asr_threads: int = 1
    # 5 is the measured best for Mandarin accuracy; 1 is ~40 % faster for ~1 point more CER (decisions doc).
    asr_beam_size: int = 5
    parallel: bool = True


def _version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "unknown"


class _Recorder:
    """Collects stage timings and forwards progress from both worker threads to one hook."""

    def __init__(self, hook: ProgressHook | None) -> None:
        self.hook = hook
        self.timings: dict[str, float] = {}
        self._lock = threading.Lock()

    def progress(self, stage: str, completed: int, total: int) -> None:
        if self.hook is not None:
            with self._lock:
                self.hook(stage, completed=completed, total=total)

    def timed(self, stage: str, started: float) -> None:
        with self._lock:
            self.timings[stage] = round(time.perf_counter() - started, 4)


def _speech_branch(path: Path, lang: str | None, options: AnalysisOptions, limit: float, rec: _Recorder):
    t = time.perf_counter()
    rec.progress("decode_audio", 0, 1)
    samples = decode_audio(path, timeout_s=limit)
    rec.timed("decode_audio", t)
    rec.progress("decode_audio", 1, 1)

    t = time.perf_counter()
    activity = audio_mod.detect_voice(samples, method=options.vad_method)
    rec.timed("voice", t)
    rec.progress("voice", 1, 1)

    transcript: Transcript | None = None
    model_name = None
    if activity.segments:
        t = time.perf_counter()
        model = resolve_model(options.asr_model, language=lang, cache_dir=options.model_cache_dir)
        model_name = model.name
        rec.progress("speech", 0, 100)
        transcript = transcribe(samples, model=model, language=lang, cpu_threads=options.asr_threads,
                                beam_size=options.asr_beam_size,
                                timeout_s=limit, progress=lambda f: rec.progress("speech", int(f * 100), 100))
        rec.timed("speech", t)
        rec.progress("speech", 100, 100)

    t = time.perf_counter()
    pros = audio_mod.prosody(samples, activity)
    rec.timed("prosody", t)
    return samples, activity, transcript, pros, model_name


class _Cancelled(Exception):
    """The speech branch failed, so the face branch stops at its next frame instead of finishing for nothing."""


def _face_branch(path: Path, duration: float, options: AnalysisOptions, limit: float, rec: _Recorder,
                 cancel: threading.Event):
    t = time.perf_counter()
    total = max(1, int(duration * options.face_fps))

    def progress(i: int) -> None:
        if cancel.is_set():
            raise _Cancelled()
        rec.progress("face", min(i, total), total)

    frames = iter_video_frames(path, fps=options.face_fps, max_width=options.face_max_width, timeout_s=limit)
    summary = face_mod.analyse_frames(frames, fps=options.face_fps, duration_s=duration,
                                      model_path=options.face_model_path, tracking=options.face_tracking,
                                      progress=progress)
    rec.timed("face", t)
    return summary


def _speech_measures(samples: np.ndarray, activity: audio_mod.VoiceActivity, transcript: Transcript | None,
                     pros: audio_mod.Prosody, lang: str | None) -> list[Measure]:
    duration = len(samples) / SAMPLE_RATE
    span = activity.answer_span
    pauses = audio_mod.pause_stats(activity)
    words = transcript.words if transcript else ()
    language = lang or "en"
    sr = rate.speech_rate(words, activity, language)
    n_fill = rate.count_fillers(transcript.text, language) if transcript else None
    fill_pm = n_fill / (span.duration / 60.0) if (n_fill is not None and span and span.duration > 0) else None
    return [
        Measure("duration", duration, "s"),
        Measure("speaking_time", activity.speaking_time_s, "s"),
        Measure("speaking_share", activity.speaking_time_s / duration if duration else None, "ratio"),
        Measure("speech_rate", sr["syllables_per_min"], "syllables/min"),
        Measure("words_per_min", sr["words_per_min"], "words/min"),
        Measure("speech_rate_variation", rate.rate_variation(words, activity, language), "%"),
        Measure("pauses_per_min", pauses["pauses_per_min"], "1/min"),
        Measure("pause_mean", pauses["pause_mean_s"], "s"),
        Measure("pause_longest", pauses["pause_longest_s"], "s"),
        Measure("long_pauses", pauses["long_pauses"], "count"),
        Measure("fillers", n_fill, "count"),
        Measure("fillers_per_min", fill_pm, "1/min"),
        Measure("pitch_variation", pros.pitch_sd_semitones, "semitones"),
        Measure("pitch_median", pros.pitch_median_hz, "Hz"),
        Measure("loudness", pros.loudness_dbfs, "dBFS"),
        Measure("loudness_variation", pros.loudness_sd_db, "dB"),
        Measure("transcript_confidence", transcript.confidence if transcript else None, "0-1"),
    ]


def _face_measures(face: face_mod.FaceSummary) -> list[Measure]:
    return [
        Measure("face_visible", face.face_visible_ratio, "ratio"),
        Measure("smile", face.smile_ratio, "ratio"),
        Measure("smiles_per_min", face.smiles_per_min, "1/min"),
        Measure("eye_contact", face.eye_contact_ratio, "ratio"),
        Measure("head_movement", face.head_movement_deg_per_s, "deg/s"),
    ]


def analyze_answer(path: str | Path, *, lang: str | None = None, options: AnalysisOptions | None = None,
                   hook: ProgressHook | Callable[..., None] | None = None) -> AnswerAnalysis:
    """Analyse one recorded answer file; raises a MediaError subclass for inputs that cannot be analysed."""
    options = options or AnalysisOptions()
    path = Path(path)
    if lang:
        # Accept locale spellings (zh-CN, zh_TW, en-US): Whisper knows languages, not regions.
        lang = lang.strip().lower().replace("_", "-").split("-")[0] or None
    rec = _Recorder(hook)
    t0 = time.perf_counter()
    rec.progress("probe", 0, 1)
    info = probe(path, max_duration_s=options.max_duration_s)
    rec.timed("probe", t0)
    rec.progress("probe", 1, 1)
    limit = max(options.min_stage_timeout_s, options.stage_timeout_factor * info.duration_s)

    run_face = options.compute_face and info.has_video
    cancel = threading.Event()
    with ThreadPoolExecutor(max_workers=2 if options.parallel else 1) as pool:
        speech_future = pool.submit(_speech_branch, path, lang, options, limit, rec)
        face_future = (pool.submit(_face_branch, path, info.duration_s, options, limit, rec, cancel)
                       if run_face else None)
        try:
            samples, activity, transcript, pros, asr_name = speech_future.result()
        except BaseException:
            cancel.set()
            raise
        face = face_future.result() if face_future is not None else None

    language = lang or (transcript.language if transcript else None)
    measures = _speech_measures(samples, activity, transcript, pros, language)
    notes: list[Note] = []
    decoded_s = len(samples) / SAMPLE_RATE
    if decoded_s < 0.9 * info.duration_s - 0.5:
        notes.append(Note("truncated", f"The audio ends after {decoded_s:.1f} s though the file says "
                          f"{info.duration_s:.1f} s: it was probably cut off during upload."))
    if not activity.segments:
        notes.append(Note("no_speech", "No speech detected: the recording is silent or the microphone was muted."))
    elif transcript is not None and not transcript.words:
        notes.append(Note("no_words", "Speech was heard but no words were recognised; check the language setting."))
    if face is not None:
        measures += _face_measures(face)
        if face.face_visible_ratio < FACE_VISIBLE_LOW:
            notes.append(Note("face_visible_low", f"Face visible {face.face_visible_ratio:.0%} of the time."))
        if face.several_faces_intervals:
            total = sum(i.duration for i in face.several_faces_intervals)
            notes.append(Note("several_faces", f"More than one face was visible for {total:.1f} s."))
    status = FaceStatus.COMPUTED if face is not None else (
        FaceStatus.NOT_COMPUTED if not options.compute_face else FaceStatus.NO_VIDEO)

    models = [ModelRef("decoder", "ffmpeg (PyAV)", _version("av")),
              ModelRef("voice_activity", f"{options.vad_method}-vad", _version("faster-whisper")),
              ModelRef("pitch", "praat (parselmouth)", _version("praat-parselmouth"))]
    if asr_name:
        models.append(ModelRef("speech", asr_name, f"faster-whisper {_version('faster-whisper')}"))
    if face is not None:
        models.append(ModelRef("face", face.model, f"mediapipe {_version('mediapipe')}"))
    rec.timings["total"] = round(time.perf_counter() - t0, 4)
    return AnswerAnalysis(
        schema_version=SCHEMA_VERSION, source=path.name, media=info, language=language, transcript=transcript,
        speech_segments=activity.segments, pauses=activity.pauses, measures=tuple(measures),
        face_status=status, face=face, notes=tuple(notes),
        timings=tuple(StageTiming(k, v) for k, v in rec.timings.items()), models=tuple(models),
    )
