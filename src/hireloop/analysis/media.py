"""Probe and decode recorded answers with PyAV: 16 kHz mono audio and video frames sampled at a set rate."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import numpy as np

from hireloop.errors import HireLoopError, TooLarge, ValidationFailed

SAMPLE_RATE = 16_000
DEFAULT_MAX_DURATION_S = 30 * 60.0


class MediaError(ValidationFailed):
    """A recording that cannot be analysed; `code` says why."""

    code = "bad_media"


class EmptyFile(MediaError):
    code = "empty_file"


class CorruptMedia(MediaError):
    code = "corrupt_media"


class NoAudioTrack(MediaError):
    code = "no_audio_track"


class UnsupportedCodec(MediaError):
    code = "unsupported_codec"


class MediaTooLong(TooLarge):
    code = "too_long"


class StageTimeout(HireLoopError):
    """A stage ran past its time limit; the work was abandoned instead of hanging."""

    status_code = 504
    code = "stage_timeout"


class Deadline:
    """A wall-clock budget for one stage, checked cooperatively inside its loops."""

    def __init__(self, stage: str, seconds: float | None) -> None:
        self.stage = stage
        self.seconds = seconds
        self._end = None if seconds is None else time.monotonic() + seconds

    def check(self) -> None:
        """Raise StageTimeout when the budget is spent."""
        if self._end is not None and time.monotonic() > self._end:
            raise StageTimeout(
                f"The {self.stage} stage took longer than {self.seconds:.0f} s and was stopped; "
                "the recording may be damaged or far longer than its header says. Re-export it and retry.",
                details={"stage": self.stage, "limit_s": self.seconds},
            )


@dataclass(frozen=True)
class MediaInfo:
    """What a recording holds, read from its container without decoding it all."""

    size_bytes: int
    container: str
    duration_s: float
    audio_codec: str | None
    video_codec: str | None
    width: int | None
    height: int | None
    frame_rate: float | None
    sample_rate: int | None

    @property
    def has_video(self) -> bool:
        return self.video_codec is not None


@dataclass(frozen=True)
class VideoFrame:
    """One sampled video frame: its presentation time and RGB pixels (H, W, 3) uint8."""

    time_s: float
    rgb: np.ndarray


def _open(path: Path):  # noqa: ANN202 - av's container type is dynamic
    import av

    try:
        # timeout bounds network-style reads; local files never block, but a FIFO or a mount could.
        return av.open(str(path), timeout=10.0)
    except av.error.FileNotFoundError as exc:
        raise MediaError(f"The recording {path.name} does not exist.", code="not_found") from exc
    except (av.error.InvalidDataError, av.error.FFmpegError, UnicodeDecodeError) as exc:
        raise CorruptMedia(
            f"{path.name} is not a readable audio/video file ({exc}); it may be truncated or damaged. "
            "Upload the recording again.",
        ) from exc


def _codec_name(stream) -> str | None:  # noqa: ANN001
    ctx = stream.codec_context
    name = getattr(ctx, "name", None) if ctx is not None else None
    if not name or name == "none":
        return None
    return str(name)


def _duration(container, deadline: Deadline, stop_after: float | None) -> float:  # noqa: ANN001
    if container.duration is not None and container.duration > 0:
        return container.duration / 1_000_000
    # Browser MediaRecorder webm has no duration in its header: read packet times (no decoding).
    last = 0.0
    for packet in container.demux():
        deadline.check()
        if packet.pts is not None and packet.time_base is not None:
            end = float((packet.pts + (packet.duration or 0)) * packet.time_base)
            last = max(last, end)
            if stop_after is not None and last > stop_after:
                break  # already too long: no need to read a two-hour file to the end
    container.seek(0)
    return last


def probe(path: str | Path, *, max_duration_s: float | None = DEFAULT_MAX_DURATION_S,
          timeout_s: float | None = 30.0) -> MediaInfo:
    """Read codecs and duration; raise a MediaError subclass for inputs that cannot be analysed."""
    path = Path(path)
    if not path.exists():
        raise MediaError(f"The recording {path} does not exist.", code="not_found")
    size = path.stat().st_size
    if size == 0:
        raise EmptyFile(f"{path.name} is empty (0 bytes): the upload did not finish. Record or upload it again.")
    deadline = Deadline("probe", timeout_s)
    with _open(path) as container:
        audio = container.streams.audio[0] if container.streams.audio else None
        video = next((s for s in container.streams.video if not _is_cover_art(s)), None)
        if audio is None and video is None:
            raise CorruptMedia(f"{path.name} holds no audio or video stream. Upload the recording again.")
        if audio is None:
            raise NoAudioTrack(
                f"{path.name} has no audio track, so there is nothing to transcribe. "
                "Check that the microphone was allowed while recording.")
        audio_codec = _codec_name(audio)
        if audio_codec is None:
            raise UnsupportedCodec(
                f"The audio codec of {path.name} is not supported. Use Opus, AAC, MP3, FLAC or PCM "
                "(any browser or phone recording is fine).")
        video_codec = _codec_name(video) if video is not None else None
        if video is not None and video_codec is None:
            raise UnsupportedCodec(
                f"The video codec of {path.name} is not supported. Use VP8/VP9 (webm) or H.264 (mp4/mov).")
        try:
            duration = _duration(container, deadline, max_duration_s)
        except Exception as exc:  # noqa: BLE001 - any demux failure means a damaged file
            if isinstance(exc, StageTimeout):
                raise
            raise CorruptMedia(f"{path.name} is damaged and cannot be read to the end ({exc}).") from exc
        rate = video.average_rate if video is not None else None
        info = MediaInfo(
            size_bytes=size,
            container=str(container.format.name),
            duration_s=float(duration),
            audio_codec=audio_codec,
            video_codec=video_codec,
            width=int(video.codec_context.width) if video is not None else None,
            height=int(video.codec_context.height) if video is not None else None,
            frame_rate=float(rate) if isinstance(rate, (Fraction, int, float)) and rate else None,
            sample_rate=int(audio.codec_context.sample_rate or 0) or None,
        )
    if max_duration_s is not None and info.duration_s > max_duration_s:
        raise MediaTooLong(
            f"{path.name} lasts {info.duration_s / 60:.1f} min; answers longer than "
            f"{max_duration_s / 60:.0f} min are not analysed. Trim the recording or raise the limit.",
            details={"duration_s": info.duration_s, "max_duration_s": max_duration_s},
        )
    return info


def _is_cover_art(stream) -> bool:  # noqa: ANN001
    # mp3/m4a files can carry an album picture as a one-frame "video" stream.
    return bool(getattr(stream, "disposition", 0) and int(stream.disposition) & 0x400)


def decode_audio(path: str | Path, *, sample_rate: int = SAMPLE_RATE,
                 timeout_s: float | None = 120.0) -> np.ndarray:
    """Decode the first audio track to mono float32 at `sample_rate`; a damaged tail is dropped, not fatal."""
    import av

    path = Path(path)
    deadline = Deadline("decode_audio", timeout_s)
    chunks: list[np.ndarray] = []
    with _open(path) as container:
        if not container.streams.audio:
            raise NoAudioTrack(f"{path.name} has no audio track.")
        stream = container.streams.audio[0]
        resampler = av.AudioResampler(format="flt", layout="mono", rate=sample_rate)
        try:
            for frame in container.decode(stream):
                deadline.check()
                frame.pts = None  # let the resampler count samples itself; browser timestamps jitter
                for out in resampler.resample(frame):
                    chunks.append(out.to_ndarray().reshape(-1))
        except av.error.FFmpegError as exc:
            if not chunks:
                raise CorruptMedia(f"The audio of {path.name} cannot be decoded ({exc}).") from exc
        for out in resampler.resample(None):
            chunks.append(out.to_ndarray().reshape(-1))
    if not chunks:
        return np.zeros(0, dtype=np.float32)
    return np.ascontiguousarray(np.concatenate(chunks), dtype=np.float32)


def iter_video_frames(path: str | Path, *, fps: float = 5.0, max_width: int = 640,
                      timeout_s: float | None = 600.0) -> Iterator[VideoFrame]:
    """Yield frames sampled every 1/fps seconds by timestamp (so variable frame rate is handled)."""
    import av

    path = Path(path)
    deadline = Deadline("decode_video", timeout_s)
    step = 1.0 / fps
    next_t = 0.0
    with _open(path) as container:
        video = next((s for s in container.streams.video if not _is_cover_art(s)), None)
        if video is None:
            return
        video.thread_type = "AUTO"
        width, height = int(video.codec_context.width), int(video.codec_context.height)
        if width > max_width:
            # Downscale inside swscale while converting: face landmarks need no more than ~640 px.
            height = int(round(height * max_width / width / 2) * 2)
            width = max_width
        try:
            for frame in container.decode(video):
                deadline.check()
                t = frame.time
                # Containers round times (webm to 1 ms), so a frame within 5 ms of the target counts as on time.
                if t is None or t + 0.005 < next_t:
                    continue
                yield VideoFrame(time_s=float(t), rgb=frame.to_ndarray(format="rgb24", width=width, height=height))
                while next_t <= t + 0.005:
                    next_t += step
        except av.error.FFmpegError:
            return  # a damaged tail: keep the frames decoded so far, like the audio
