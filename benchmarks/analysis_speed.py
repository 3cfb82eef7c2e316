"""Real-time factor of the analysis pipeline on a 5-minute 720p 30 fps answer, per stage and in total.

Builds the answer at run time from the shared real speech clips (looped, with pauses) and the astronaut photo,
then, each in its own process so peak memory is per run: PyAV decoding alone (the baseline), and the full
analysis for a Mandarin and an English answer with the default models. Prints JSON.

Run: PYTHONPATH=src python benchmarks/analysis_speed.py [--seconds 300] [--out-dir /tmp/hireloop-bench]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "data" / "media"))

import make_fixtures as fx  # noqa: E402

FLOOR_RTF, GOAL_RTF, PEAK_LIMIT_MB = 0.5, 0.2, 1536


def build_answer(lang: str, seconds: float, out_dir: Path, width: int, height: int, fps: int) -> Path:
    """A long answer: the language's clips trimmed, looped with pauses of 0.3-2.5 s, under a swaying face."""
    path = out_dir / f"answer_{lang}_{int(seconds)}s_{height}p{fps}.mp4"
    if path.exists():
        return path
    # The shared clips when present, else the few copied next to the fixtures.
    speech_dir = fx.DEFAULT_SPEECH_DIR if fx.DEFAULT_SPEECH_DIR.exists() else fx.CLIPS
    names = sorted(p.name for p in speech_dir.glob(f"{lang}_*") if p.suffix in (".wav", ".flac"))
    clips = [fx.trim_to_speech(fx.read_audio(speech_dir / n)) for n in names]
    rng = np.random.default_rng(7)
    pieces: list = [0.5]
    total = 0.5
    while total < seconds - 4:
        c = clips[len(pieces) // 2 % len(clips)]
        gap = float(rng.uniform(0.3, 2.5))
        pieces += [c, gap]
        total += len(c) / fx.SR + gap
    audio, _ = fx.compose(pieces)
    audio = audio[: int(seconds * fx.SR)]
    tmp = path.with_suffix(".partial.mp4")
    fx.write_answer(tmp, audio, seconds, fmt="mp4", video_codec="libx264", audio_codec="aac",
                    width=width, height=height, fps=fps, bit_rate=1_500_000)
    tmp.rename(path)
    return path


def decode_only(path: Path) -> dict:
    """Baseline: decode every audio and video frame with PyAV, no conversion, no analysis."""
    import av

    t = time.perf_counter()
    with av.open(str(path)) as c:
        c.streams.video[0].thread_type = "AUTO"
        for _ in c.decode(c.streams.video[0], c.streams.audio[0]):
            pass
    return {"decode_s": time.perf_counter() - t}


def analyse(path: Path, lang: str, cache: Path) -> dict:
    from hireloop.analysis.pipeline import AnalysisOptions, analyze_answer

    t = time.perf_counter()
    result = analyze_answer(path, lang=lang, options=AnalysisOptions(model_cache_dir=cache))
    wall = time.perf_counter() - t
    return {"wall_s": wall, "stages": {s.stage: s.seconds for s in result.timings},
            "models": [m.name for m in result.models],
            "words": len(result.transcript.words) if result.transcript else 0,
            "face_visible": result.measure("face_visible").value}


def child(args: argparse.Namespace) -> None:
    out = decode_only(Path(args.path)) if args.child == "decode" else analyse(Path(args.path), args.child, Path(args.cache))
    out["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(out))


def run_child(kind: str, path: Path, cache: Path) -> dict:
    cmd = [sys.executable, __file__, "--child", kind, "--path", str(path), "--cache", str(cache)]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=300.0)
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=720)
    parser.add_argument("--fps", type=int, default=30)
    parser.add_argument("--out-dir", type=Path, default=Path("/tmp/hireloop-bench"))
    parser.add_argument("--langs", default="zh,en")
    parser.add_argument("--child")
    parser.add_argument("--path")
    parser.add_argument("--cache")
    args = parser.parse_args()
    if args.child:
        child(args)
        return
    args.out_dir.mkdir(parents=True, exist_ok=True)
    cache = args.out_dir / "models"
    report: dict = {"duration_s": args.seconds, "video": f"{args.width}x{args.height}@{args.fps} h264/aac mp4",
                    "cpu_cores": __import__("os").cpu_count(), "floor_rtf": FLOOR_RTF, "goal_rtf": GOAL_RTF,
                    "answers": {}}
    for lang in args.langs.split(","):
        t = time.perf_counter()
        path = build_answer(lang, args.seconds, args.out_dir, args.width, args.height, args.fps)
        build_s = time.perf_counter() - t
        base = run_child("decode", path, cache)
        run = run_child(lang, path, cache)
        d = args.seconds
        report["answers"][lang] = {
            "build_s": round(build_s, 1),
            "decode_only_rtf": round(base["decode_s"] / d, 4),
            "rtf_total": round(run["wall_s"] / d, 4),
            "rtf_per_stage": {k: round(v / d, 4) for k, v in run["stages"].items()},
            "ratio_to_decode_only": round(run["wall_s"] / base["decode_s"], 2),
            "peak_rss_mb": round(run["peak_rss_mb"], 1),
            "models": run["models"], "words": run["words"], "face_visible": run["face_visible"],
            "meets_floor": run["wall_s"] / d <= FLOOR_RTF, "meets_goal": run["wall_s"] / d <= GOAL_RTF,
            "peak_within_limit": run["peak_rss_mb"] <= PEAK_LIMIT_MB,
        }
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
