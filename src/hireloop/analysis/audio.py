"""Voice activity, pauses, loudness and pitch of one answer's audio (16 kHz mono float32)."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from hireloop.analysis.media import SAMPLE_RATE

PAUSE_MIN_S = 0.25
LONG_PAUSE_S = 2.0


@dataclass(frozen=True)
class Interval:
    """A stretch of time in seconds from the start of the recording."""

    start: float
    end: float

    @property
    def duration(self) -> float:
        return self.end - self.start


@dataclass(frozen=True)
class VoiceActivity:
    """Voiced segments and the pauses between them, as DESIGN.md section 4 defines them."""

    method: str
    segments: tuple[Interval, ...]
    pauses: tuple[Interval, ...]

    @property
    def speaking_time_s(self) -> float:
        return float(sum(s.duration for s in self.segments))

    @property
    def answer_span(self) -> Interval | None:
        """From the first voiced moment to the last: the answer itself, without lead-in and trailing silence."""
        if not self.segments:
            return None
        return Interval(self.segments[0].start, self.segments[-1].end)


@dataclass(frozen=True)
class Prosody:
    """Loudness and pitch of the voiced audio."""

    loudness_dbfs: float | None
    loudness_sd_db: float | None
    pitch_median_hz: float | None
    pitch_sd_semitones: float | None


def _merge(segments: list[Interval], min_gap: float) -> list[Interval]:
    merged: list[Interval] = []
    for seg in segments:
        if merged and seg.start - merged[-1].end < min_gap:
            merged[-1] = Interval(merged[-1].start, max(merged[-1].end, seg.end))
        else:
            merged.append(seg)
    return merged


def _silero_segments(audio: np.ndarray, threshold: float) -> list[Interval]:
    from faster_whisper.vad import VadOptions, get_speech_timestamps

    # Short silences and a small pad keep 0.25 s pauses visible; Silero's 32 ms window sets the resolution.
    opts = VadOptions(threshold=threshold, min_speech_duration_ms=100, min_silence_duration_ms=100,
                      speech_pad_ms=30)
    stamps = get_speech_timestamps(audio, opts, sampling_rate=SAMPLE_RATE)
    return [Interval(s["start"] / SAMPLE_RATE, s["end"] / SAMPLE_RATE) for s in stamps]


def _energy_segments(audio: np.ndarray, frame_s: float = 0.02) -> list[Interval]:
    hop = int(SAMPLE_RATE * frame_s)
    n = len(audio) // hop
    if n == 0:
        return []
    frames = audio[: n * hop].reshape(n, hop)
    db = 10 * np.log10(np.mean(frames.astype(np.float64) ** 2, axis=1) + 1e-12)
    # Relative to the loud end of this recording, with an absolute floor so pure silence stays silent.
    threshold = max(np.percentile(db, 95) - 35.0, -60.0)
    voiced = db > threshold
    segments: list[Interval] = []
    start = None
    for i, v in enumerate(voiced):
        if v and start is None:
            start = i
        elif not v and start is not None:
            segments.append(Interval(start * frame_s, i * frame_s))
            start = None
    if start is not None:
        segments.append(Interval(start * frame_s, n * frame_s))
    return [s for s in segments if s.duration >= 0.06]


def _frame_db(audio: np.ndarray, frame_s: float) -> np.ndarray:
    hop = int(SAMPLE_RATE * frame_s)
    n = len(audio) // hop
    return 10 * np.log10(np.mean(audio[: n * hop].astype(np.float64).reshape(n, hop) ** 2, axis=1) + 1e-12)


def refine_gaps(audio: np.ndarray, segments: list[Interval], *, frame_s: float = 0.01, reach_s: float = 0.3,
                min_contrast_db: float = 15.0) -> list[Interval]:
    """Move each gap's edges to where speech energy stops and restarts (within `reach_s` of the VAD's edges).

    Silero's speech probability lingers for ~0.1 s after a word ends, which makes pauses look shorter than
    they are; the 10 ms energy envelope places the edge precisely when speech and gap differ clearly.
    """
    if len(segments) < 2:
        return segments
    db = _frame_db(audio, frame_s)
    out = list(segments)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        lo_t, hi_t = max(a.start, a.end - reach_s), min(b.end, b.start + reach_s)
        lo, hi = int(lo_t / frame_s), int(hi_t / frame_s)
        gap = db[int(a.end / frame_s): int(b.start / frame_s)]
        window = db[lo:hi]
        if len(gap) == 0 or len(window) == 0:
            continue
        floor, peak = float(np.percentile(gap, 20)), float(np.percentile(window, 95))
        if peak - floor < min_contrast_db:
            continue  # a noisy room: keep the VAD's edges rather than guess
        above = window > floor + 0.3 * (peak - floor)
        mid = int(((a.end + b.start) / 2 - lo_t) / frame_s)
        left, right = np.flatnonzero(above[:mid]), np.flatnonzero(above[mid:])
        end = lo_t + (left[-1] + 1) * frame_s if len(left) else a.end
        start = lo_t + (mid + right[0]) * frame_s if len(right) else b.start
        if end < start:
            out[i] = Interval(a.start, round(end, 3))
            out[i + 1] = Interval(round(start, 3), b.end)
    return out


def detect_voice(audio: np.ndarray, *, method: str = "silero", threshold: float = 0.5,
                 min_pause_s: float = PAUSE_MIN_S, refine: bool = True) -> VoiceActivity:
    """Voiced segments and pauses (silences of `min_pause_s` or more between the first and last speech)."""
    if len(audio) == 0 or float(np.max(np.abs(audio))) < 1e-4:
        return VoiceActivity(method=method, segments=(), pauses=())
    if method == "silero":
        raw = _silero_segments(audio, threshold)
    elif method == "energy":
        raw = _energy_segments(audio)
    else:
        raise ValueError(f"unknown voice activity method {method!r}; use 'silero' or 'energy'")
    if refine:
        raw = refine_gaps(audio, raw)
    segments = _merge(raw, min_pause_s)
    pauses = [Interval(a.end, b.start) for a, b in zip(segments, segments[1:])]
    return VoiceActivity(method=method, segments=tuple(segments), pauses=tuple(pauses))


def pause_stats(activity: VoiceActivity) -> dict[str, float | int | None]:
    """Pauses per minute of answer, mean and longest length, and the count of long (>= 2 s) pauses."""
    span = activity.answer_span
    if span is None or span.duration <= 0:
        return {"pauses_per_min": None, "pause_mean_s": None, "pause_longest_s": None, "long_pauses": 0}
    lengths = [p.duration for p in activity.pauses]
    return {
        "pauses_per_min": len(lengths) / (span.duration / 60.0),
        "pause_mean_s": float(np.mean(lengths)) if lengths else 0.0,
        "pause_longest_s": float(max(lengths)) if lengths else 0.0,
        "long_pauses": int(sum(1 for x in lengths if x >= LONG_PAUSE_S)),
    }


def _voiced_samples(audio: np.ndarray, activity: VoiceActivity) -> np.ndarray:
    parts = [audio[int(s.start * SAMPLE_RATE): int(s.end * SAMPLE_RATE)] for s in activity.segments]
    return np.concatenate(parts) if parts else np.zeros(0, dtype=np.float32)


def prosody(audio: np.ndarray, activity: VoiceActivity) -> Prosody:
    """Loudness (dBFS of voiced 100 ms blocks) and pitch variation (SD of F0 in semitones, Praat)."""
    voiced = _voiced_samples(audio, activity)
    if len(voiced) < SAMPLE_RATE // 10:
        return Prosody(None, None, None, None)
    block = SAMPLE_RATE // 10
    n = len(voiced) // block
    rms = np.sqrt(np.mean(voiced[: n * block].astype(np.float64).reshape(n, block) ** 2, axis=1))
    db = 20 * np.log10(rms + 1e-9)
    loud = float(20 * math.log10(math.sqrt(float(np.mean(voiced.astype(np.float64) ** 2))) + 1e-9))
    median_hz, sd_st = _pitch(voiced)
    return Prosody(loudness_dbfs=loud, loudness_sd_db=float(np.std(db)),
                   pitch_median_hz=median_hz, pitch_sd_semitones=sd_st)


def _pitch(voiced: np.ndarray) -> tuple[float | None, float | None]:
    import parselmouth

    sound = parselmouth.Sound(voiced.astype(np.float64), sampling_frequency=SAMPLE_RATE)
    # 75-500 Hz covers adult speaking voices; Praat's autocorrelation method is the reference method.
    f0 = sound.to_pitch_ac(time_step=0.01, pitch_floor=75.0, pitch_ceiling=500.0).selected_array["frequency"]
    f0 = f0[f0 > 0]
    if len(f0) < 10:
        return None, None
    median = float(np.median(f0))
    semitones = 12.0 * np.log2(f0 / median)
    return median, float(np.std(semitones))
