"""Build the small answer recordings the analysis tests use, from real speech and a real face.

Speech: clips from ../shared/data/speech (AISHELL-1, LibriSpeech; see ATTRIBUTION.tsv), copied here as FLAC.
Face: scikit-image's bundled astronaut photo (Eileen Collins, NASA, public domain), moved gently as video.
Each clip is trimmed to its speech (energy above the clip's own noise floor), and silences of known length are
inserted between clips, so the pauses and face-absent intervals written to fixtures.json are exact.

Run: PYTHONPATH=src python tests/data/media/make_fixtures.py [--speech-dir ../shared/data/speech]
"""

from __future__ import annotations

import argparse
import csv
import json
from collections.abc import Callable, Sequence
from fractions import Fraction
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
CLIPS = HERE / "clips"
SR = 16_000
# Default: the shared folder next to the repository checkout (../shared from the repo root).
DEFAULT_SPEECH_DIR = HERE.parents[2].parent / "shared" / "data" / "speech"
ZH_CLIPS = ("zh_aishell1test_BAC009S0764W0121.wav", "zh_aishell1test_BAC009S0764W0122.wav",
            "zh_aishell1train_BAC009S0002W0123.wav")
EN_CLIPS = ("en_librispeech_1089-134686-0001.wav", "en_librispeech_1089-134686-0002.wav")


def read_audio(path: Path) -> np.ndarray:
    """Any audio file -> 16 kHz mono float32 (PyAV)."""
    from hireloop.analysis.media import decode_audio

    return decode_audio(path)


def copy_clips(speech_dir: Path) -> None:
    """Copy the clips the fixtures use as FLAC, with their manifest rows as attribution."""
    CLIPS.mkdir(exist_ok=True)
    with (speech_dir / "manifest.tsv").open(encoding="utf-8") as fh:
        rows = {r["file"]: r for r in csv.DictReader(fh, delimiter="\t")}
    keep = [rows[name] for name in ZH_CLIPS + EN_CLIPS]
    for row in keep:
        write_flac(CLIPS / (Path(row["file"]).stem + ".flac"), read_audio(speech_dir / row["file"]))
    with (CLIPS / "ATTRIBUTION.tsv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(keep[0].keys()), delimiter="\t")
        writer.writeheader()
        writer.writerows(keep)


def write_flac(path: Path, samples: np.ndarray) -> None:
    import av

    pcm = np.clip(samples * 32767, -32768, 32767).astype(np.int16)
    with av.open(str(path), "w", format="flac") as out:
        stream = out.add_stream("flac", rate=SR, layout="mono")
        frame = av.AudioFrame.from_ndarray(pcm.reshape(1, -1), format="s16", layout="mono")
        frame.sample_rate = SR
        for packet in stream.encode(frame):
            out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)


def trim_to_speech(samples: np.ndarray, frame_s: float = 0.01) -> np.ndarray:
    """Cut leading and trailing non-speech: keep from the first to the last run of >= 50 ms above the floor."""
    hop = int(SR * frame_s)
    n = len(samples) // hop
    db = 10 * np.log10(np.mean(samples[: n * hop].reshape(n, hop).astype(np.float64) ** 2, axis=1) + 1e-12)
    floor, peak = np.percentile(db, 10), np.percentile(db, 99)
    voiced = db > floor + 0.3 * (peak - floor)
    runs = np.flatnonzero(np.convolve(voiced, np.ones(5), mode="valid") >= 5)  # 5 voiced frames in a row
    start, end = runs[0], runs[-1] + 5
    return samples[start * hop: end * hop]


def compose(pieces: Sequence[np.ndarray | float], seed: int = 0) -> tuple[np.ndarray, list[list[float]]]:
    """Join speech arrays and silences (floats, seconds) over a faint noise floor; return audio and the silences."""
    rng = np.random.default_rng(seed)
    parts, silences, t = [], [], 0.0
    for piece in pieces:
        if isinstance(piece, float):
            n = int(round(piece * SR))
            parts.append(np.zeros(n, dtype=np.float32))
            silences.append([round(t, 3), round(t + n / SR, 3)])
            t += n / SR
        else:
            parts.append(piece.astype(np.float32))
            t += len(piece) / SR
    audio = np.concatenate(parts)
    audio += rng.normal(0, 10 ** (-66 / 20), len(audio)).astype(np.float32)  # a real room is never silent
    return audio, silences


def astronaut_frames(width: int, height: int) -> dict[str, np.ndarray]:
    """The astronaut's head and shoulders, a face-free part of the same photo, and a two-person picture."""
    from skimage.data import astronaut
    from skimage.transform import resize

    photo = astronaut()
    side = min(height, width)
    head = (resize(photo[0:300, 90:390], (side, side), anti_aliasing=True) * 255).astype(np.uint8)
    empty = (resize(photo[330:512, 0:240], (height, width), anti_aliasing=True) * 255).astype(np.uint8)
    half = (resize(photo[0:300, 90:390], (height * 3 // 4, height * 3 // 4), anti_aliasing=True) * 255).astype(np.uint8)
    return {"head": head, "empty": empty, "half": half}


def render_frame(t: float, width: int, height: int, parts: dict[str, np.ndarray], state: str) -> np.ndarray:
    """One video frame at time t: 'face' sways gently, 'none' shows no face, 'two' shows two faces."""
    canvas = np.full((height, width, 3), 96, dtype=np.uint8)
    if state == "none":
        return parts["empty"].copy()
    if state == "two":
        half = parts["half"]
        y = (height - half.shape[0]) // 2
        for x in (width // 4 - half.shape[1] // 2, 3 * width // 4 - half.shape[1] // 2):
            x = max(0, min(width - half.shape[1], x))
            canvas[y: y + half.shape[0], x: x + half.shape[1]] = half
        return canvas
    head = parts["head"]
    dx = int(round(0.04 * width * np.sin(2 * np.pi * t / 4.0)))
    dy = int(round(0.015 * height * np.sin(2 * np.pi * t / 3.0)))
    x = (width - head.shape[1]) // 2 + dx
    y = max(0, min(height - head.shape[0], (height - head.shape[0]) // 2 + dy))
    x = max(0, min(width - head.shape[1], x))
    canvas[y: y + head.shape[0], x: x + head.shape[1]] = head
    return canvas


def write_answer(path: Path, audio: np.ndarray | None, duration: float, *, fmt: str, video_codec: str | None,
                 audio_codec: str, width: int = 320, height: int = 240, fps: int = 15,
                 state_at: Callable[[float], str] = lambda t: "face", bit_rate: int = 120_000) -> None:
    """Encode an answer: video frames rendered by state_at(t) and the given 16 kHz audio (resampled by the encoder)."""
    import av

    parts = astronaut_frames(width, height) if video_codec else {}
    with av.open(str(path), "w", format=fmt) as out:
        vstream = None
        if video_codec:
            vstream = out.add_stream(video_codec, rate=fps)
            vstream.width, vstream.height, vstream.pix_fmt = width, height, "yuv420p"
            vstream.bit_rate = bit_rate
            if video_codec == "libx264":
                vstream.options = {"preset": "ultrafast", "tune": "zerolatency"}
            elif video_codec in ("libvpx", "libvpx-vp9"):
                vstream.options = {"deadline": "realtime", "cpu-used": "8"}
        astream = None
        if audio is not None:
            rate = 48_000 if audio_codec == "libopus" else 44_100 if audio_codec == "aac" else SR
            astream = out.add_stream(audio_codec, rate=rate, layout="mono")
            astream.bit_rate = 32_000
        if vstream is not None:
            for i in range(int(round(duration * fps))):
                t = i / fps
                frame = av.VideoFrame.from_ndarray(render_frame(t, width, height, parts, state_at(t)), format="rgb24")
                frame.pts, frame.time_base = i, Fraction(1, fps)
                for packet in vstream.encode(frame):
                    out.mux(packet)
            for packet in vstream.encode(None):
                out.mux(packet)
        if astream is not None:
            resampler = av.AudioResampler(format=astream.codec_context.format.name, layout="mono",
                                          rate=astream.codec_context.sample_rate)
            pcm = av.AudioFrame.from_ndarray(audio.reshape(1, -1).astype(np.float32), format="flt", layout="mono")
            pcm.sample_rate = SR
            chunk = astream.codec_context.frame_size or 1024
            pending = np.concatenate([f.to_ndarray().reshape(-1) for f in resampler.resample(pcm) + resampler.resample(None)])
            for i, start in enumerate(range(0, len(pending), chunk)):
                block = pending[start: start + chunk]
                if len(block) < chunk:
                    block = np.pad(block, (0, chunk - len(block)))
                frame = av.AudioFrame.from_ndarray(block.reshape(1, -1), format=astream.codec_context.format.name,
                                                   layout="mono")
                frame.sample_rate = astream.codec_context.sample_rate
                frame.pts, frame.time_base = start, Fraction(1, astream.codec_context.sample_rate)
                for packet in astream.encode(frame):
                    out.mux(packet)
            for packet in astream.encode(None):
                out.mux(packet)


def clip(name: str) -> np.ndarray:
    return trim_to_speech(read_audio(CLIPS / (Path(name).stem + ".flac")))


def build() -> dict:
    """Write every fixture and return the ground truth that fixtures.json records."""
    truth: dict = {}
    zh = [clip(n) for n in ZH_CLIPS]
    en = [clip(n) for n in EN_CLIPS]

    audio, silences = compose([0.8, zh[0], 0.6, zh[1], 2.5, zh[2], 0.7])
    write_answer(HERE / "answer_zh_pauses.webm", audio, len(audio) / SR, fmt="webm", video_codec="libvpx",
                 audio_codec="libopus")
    truth["answer_zh_pauses.webm"] = {"language": "zh", "pauses": silences[1:-1], "duration": len(audio) / SR,
                                      "reference": "甚至出现交易几乎停滞的情况一二线城市虽然也处于调整中也成为地方政府的眼中钉"}

    audio, silences = compose([0.5, en[0], 1.2, en[1], 0.5])
    write_answer(HERE / "answer_en_pauses.mp4", audio, len(audio) / SR, fmt="mp4", video_codec="libx264",
                 audio_codec="aac")
    truth["answer_en_pauses.mp4"] = {"language": "en", "pauses": silences[1:-1], "duration": len(audio) / SR}

    audio, _ = compose([0.5, zh[0], 0.4, zh[1], 0.5])
    duration = len(audio) / SR
    no_face, two_faces = [[2.0, 4.0], [6.0, 7.0]], [[5.0, 5.6]]

    def state(t: float) -> str:
        if any(a <= t < b for a, b in no_face):
            return "none"
        return "two" if any(a <= t < b for a, b in two_faces) else "face"

    write_answer(HERE / "answer_face_absent.webm", audio, duration, fmt="webm", video_codec="libvpx-vp9",
                 audio_codec="libopus", state_at=state)
    truth["answer_face_absent.webm"] = {"language": "zh", "no_face": no_face, "several_faces": two_faces,
                                        "duration": duration}

    audio, _ = compose([0.3, en[0][: SR * 2], 0.3])
    write_answer(HERE / "answer_short.mov", audio, len(audio) / SR, fmt="mov", video_codec="libx264",
                 audio_codec="aac")
    truth["answer_short.mov"] = {"language": "en", "duration": len(audio) / SR}

    silent, _ = compose([3.0])
    write_answer(HERE / "silent.webm", silent, 3.0, fmt="webm", video_codec="libvpx", audio_codec="libopus")
    truth["silent.webm"] = {"duration": 3.0}
    write_answer(HERE / "video_only.webm", None, 2.0, fmt="webm", video_codec="libvpx", audio_codec="libopus")
    truth["video_only.webm"] = {"duration": 2.0}
    return truth


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--speech-dir", type=Path, default=DEFAULT_SPEECH_DIR)
    args = parser.parse_args()
    if args.speech_dir.exists():
        copy_clips(args.speech_dir)
    elif not CLIPS.exists():
        raise SystemExit(f"{args.speech_dir} not found and no copied clips in {CLIPS}")
    truth = build()
    (HERE / "fixtures.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    total = sum(p.stat().st_size for p in HERE.rglob("*") if p.is_file())
    print(json.dumps({"fixtures": sorted(truth), "total_bytes": total}))


if __name__ == "__main__":
    main()
