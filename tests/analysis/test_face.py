"""Face measures on the animated astronaut: absent and two-face intervals, and the EU no-face policy."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from hireloop.analysis import face, media, pipeline
from hireloop.analysis.pipeline import AnalysisOptions, analyze_answer
from hireloop.analysis.result import FaceStatus


@pytest.fixture(scope="module")
def absent_summary(media_dir: Path, truth: dict) -> face.FaceSummary:
    name = "answer_face_absent.webm"
    frames = media.iter_video_frames(media_dir / name, fps=5.0)
    return face.analyse_frames(frames, fps=5.0, duration_s=truth[name]["duration"])


def test_no_face_intervals_match_the_recording(absent_summary: face.FaceSummary, truth: dict) -> None:
    expected = truth["answer_face_absent.webm"]["no_face"]
    found = [(i.start, i.end) for i in absent_summary.no_face_intervals]
    assert len(found) == len(expected)
    for (fs, fe), (es, ee) in zip(found, expected):
        assert abs(fs - es) <= 0.25 and abs(fe - ee) <= 0.25  # one sample at 5 fps


def test_two_faces_are_reported(absent_summary: face.FaceSummary, truth: dict) -> None:
    (expected,) = truth["answer_face_absent.webm"]["several_faces"]
    (found,) = absent_summary.several_faces_intervals
    assert abs(found.start - expected[0]) <= 0.25 and abs(found.end - expected[1]) <= 0.25


def test_face_visible_ratio_counts_one_face_frames(absent_summary: face.FaceSummary, truth: dict) -> None:
    t = truth["answer_face_absent.webm"]
    hidden = sum(b - a for a, b in t["no_face"] + t["several_faces"])
    assert absent_summary.face_visible_ratio == pytest.approx(1 - hidden / t["duration"], abs=0.05)
    # The astronaut smiles at the camera in the photo.
    assert absent_summary.smile_ratio == 1.0 and absent_summary.eye_contact_ratio == 1.0


def test_head_pose_of_identity_is_zero() -> None:
    assert face.head_pose(np.eye(4)) == pytest.approx((0.0, 0.0, 0.0))
    yaw30 = np.eye(4)
    c, s = np.cos(np.radians(30)), np.sin(np.radians(30))
    yaw30[:3, :3] = [[c, 0, s], [0, 1, 0], [-s, 0, c]]
    assert face.head_pose(yaw30)[0] == pytest.approx(30.0)


def test_face_summary_is_deterministic(media_dir: Path, absent_summary: face.FaceSummary, truth: dict) -> None:
    name = "answer_face_absent.webm"
    again = face.analyse_frames(media.iter_video_frames(media_dir / name, fps=5.0), fps=5.0,
                                duration_s=truth[name]["duration"])
    assert again == absent_summary


def test_no_face_option_never_looks_at_a_frame(media_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def forbidden(*args: object, **kwargs: object) -> None:
        raise AssertionError("face analysis ran although the policy says not computed")

    monkeypatch.setattr(pipeline, "iter_video_frames", forbidden)
    monkeypatch.setattr(face, "FaceLandmarker", forbidden)
    result = analyze_answer(media_dir / "silent.webm", options=AnalysisOptions(compute_face=False))
    assert result.face is None and result.face_status is FaceStatus.NOT_COMPUTED
    assert not {"face_visible", "smile", "eye_contact", "head_movement"} & set(result.measure_values())
    assert result.to_dict()["face"] is None


def test_head_roll_of_a_real_face_follows_its_rotation() -> None:
    from skimage.data import astronaut
    from skimage.transform import rotate

    head = astronaut()[0:300, 90:390]
    with face.FaceLandmarker() as landmarker:
        upright = landmarker.sample(media.VideoFrame(0.0, head))
        tilted = landmarker.sample(media.VideoFrame(0.2, (rotate(head, 30) * 255).astype(np.uint8)))
    assert upright.faces == tilted.faces == 1
    assert tilted.roll - upright.roll == pytest.approx(30.0, abs=6.0)
