"""Turn a recorded answer fixture into the files Chromium's fake camera and microphone play (.y4m and .wav).

Chromium reads raw YUV4MPEG2 video and PCM WAV only, so they are made at test time from the small committed
fixture tests/data/media/answer_en_pauses.mp4 (the astronaut photo from scikit-image, animated, with
LibriSpeech speech; see tests/data/media/make_fixtures.py and clips/ATTRIBUTION.tsv).
"""

from __future__ import annotations

import wave
from pathlib import Path

import av
import numpy as np

SOURCE = Path(__file__).resolve().parent.parent / "media" / "answer_en_pauses.mp4"


def make(out_dir: Path, *, fps: int = 15, width: int = 320, height: int = 240) -> tuple[Path, Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    y4m, wav_path = out_dir / "camera.y4m", out_dir / "microphone.wav"
    with av.open(str(SOURCE)) as c, y4m.open("wb") as fh:
        fh.write(f"YUV4MPEG2 W{width} H{height} F{fps}:1 Ip A1:1 C420jpeg\n".encode())
        for frame in c.decode(video=0):
            img = frame.reformat(width=width, height=height, format="yuv420p")
            fh.write(b"FRAME\n")
            for plane, (w, h) in zip(img.planes, [(width, height), (width // 2, height // 2), (width // 2, height // 2)]):
                data = np.frombuffer(plane, dtype=np.uint8).reshape(-1, plane.line_size)[:h, :w]
                fh.write(data.tobytes())
    resampler = av.AudioResampler(format="s16", layout="mono", rate=48000)
    pcm = bytearray()
    with av.open(str(SOURCE)) as c:
        for frame in c.decode(audio=0):
            for f in resampler.resample(frame):
                pcm.extend(f.to_ndarray().tobytes())
    with wave.open(str(wav_path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(48000)
        w.writeframes(bytes(pcm))
    return y4m, wav_path
