"""Bad inputs get a clear error code, never a crash or a hang."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

from hireloop.analysis import media
from hireloop.analysis.pipeline import AnalysisOptions, analyze_answer


def _unknown_codec_wav(path: Path) -> Path:
    # A RIFF/WAVE file whose format tag (0x7777) no decoder knows.
    data = bytes(16000 * 2)
    fmt = struct.pack("<HHIIHH", 0x7777, 1, 16000, 32000, 2, 16)
    body = b"WAVE" + b"fmt " + struct.pack("<I", len(fmt)) + fmt + b"data" + struct.pack("<I", len(data)) + data
    path.write_bytes(b"RIFF" + struct.pack("<I", len(body)) + body)
    return path


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "answer.webm"
    path.write_bytes(b"")
    with pytest.raises(media.EmptyFile) as err:
        analyze_answer(path)
    assert err.value.code == "empty_file" and "0 bytes" in err.value.message


def test_garbage_is_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "answer.webm"
    path.write_bytes(b"\x1aE\xdf\xa3" + bytes(range(256)) * 40)
    with pytest.raises(media.CorruptMedia) as err:
        media.probe(path)
    assert err.value.code == "corrupt_media"


def test_truncated_mp4_is_corrupt(media_dir: Path, tmp_path: Path) -> None:
    raw = (media_dir / "answer_en_pauses.mp4").read_bytes()
    path = tmp_path / "cut.mp4"
    path.write_bytes(raw[: len(raw) // 2])  # the index (moov) is written last, so half a file has none
    with pytest.raises(media.CorruptMedia):
        media.probe(path)


def test_truncated_webm_keeps_what_was_recorded(media_dir: Path, tmp_path: Path) -> None:
    raw = (media_dir / "answer_zh_pauses.webm").read_bytes()
    path = tmp_path / "cut.webm"
    path.write_bytes(raw[: len(raw) // 2])
    info = media.probe(path)
    audio = media.decode_audio(path)
    assert 2.0 < len(audio) / media.SAMPLE_RATE < 0.9 * info.duration_s


def test_no_audio_track(media_dir: Path) -> None:
    with pytest.raises(media.NoAudioTrack) as err:
        analyze_answer(media_dir / "video_only.webm")
    assert err.value.code == "no_audio_track" and "microphone" in err.value.message


def test_unsupported_codec(tmp_path: Path) -> None:
    with pytest.raises(media.UnsupportedCodec) as err:
        media.probe(_unknown_codec_wav(tmp_path / "odd.wav"))
    assert err.value.code == "unsupported_codec"


def test_too_long(media_dir: Path) -> None:
    with pytest.raises(media.MediaTooLong) as err:
        analyze_answer(media_dir / "answer_zh_pauses.webm", options=AnalysisOptions(max_duration_s=5.0))
    assert err.value.code == "too_long" and err.value.status_code == 413


def test_stage_time_limit_stops_decoding(media_dir: Path) -> None:
    with pytest.raises(media.StageTimeout) as err:
        media.decode_audio(media_dir / "answer_zh_pauses.webm", timeout_s=0.0)
    assert err.value.code == "stage_timeout" and err.value.details["stage"] == "decode_audio"


@pytest.mark.parametrize("name,codec", [("answer_zh_pauses.webm", "vp8"), ("answer_face_absent.webm", "vp9"),
                                        ("answer_en_pauses.mp4", "h264"), ("answer_short.mov", "h264")])
def test_supported_containers(media_dir: Path, truth: dict, name: str, codec: str) -> None:
    info = media.probe(media_dir / name)
    assert info.video_codec == codec
    audio = media.decode_audio(media_dir / name)
    assert abs(len(audio) / media.SAMPLE_RATE - truth[name]["duration"]) < 0.1


def test_speech_failure_stops_face_work_too(media_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from hireloop.analysis import pipeline

    def broken(*args: object, **kwargs: object) -> None:
        raise media.CorruptMedia("audio damaged")

    monkeypatch.setattr(pipeline, "decode_audio", broken)
    with pytest.raises(media.CorruptMedia):
        analyze_answer(media_dir / "answer_face_absent.webm")


def test_variable_frame_rate_is_sampled_by_time(tmp_path: Path) -> None:
    import av
    import numpy as np
    from fractions import Fraction

    # Frames arrive at irregular times, as phones and browsers record them.
    ticks = [0, 1, 7, 8, 9, 19, 20, 26, 37, 38, 43]  # in 1/30 s, with gaps of up to 11 ticks
    path = tmp_path / "vfr.webm"
    with av.open(str(path), "w", format="webm") as out:
        stream = out.add_stream("libvpx", rate=30)
        stream.width, stream.height, stream.pix_fmt = 64, 48, "yuv420p"
        for tick in ticks:
            frame = av.VideoFrame.from_ndarray(np.zeros((48, 64, 3), np.uint8), format="rgb24")
            frame.pts, frame.time_base = tick, Fraction(1, 30)
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)
    sampled = [round(f.time_s, 2) for f in media.iter_video_frames(path, fps=5.0)]
    # One frame per 0.2 s step: the first frame at or after each step, none twice.
    assert sampled == [0.0, 0.23, 0.63, 0.87, 1.23, 1.43]
