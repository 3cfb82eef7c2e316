"""Run the analysis engine on a stored answer, within what the policy and the candidate's consent allow."""

from __future__ import annotations

import logging
import uuid
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from hireloop.compliance import audit, consent, safeguards
from hireloop.compliance.policies import FACE_MEASURES, Mode, Purpose, effective_modes, preset
from hireloop.config import get_settings
from hireloop.interviews import repository as repo
from hireloop.models import Answer, AnswerAnalysis, Interview
from hireloop.storage import get_storage

log = logging.getLogger(__name__)

# Engine measure names -> the policy's measure families (DESIGN.md section 4). Measures of no family
# (duration, transcript confidence) describe the recording, not the person, and are always kept.
MEASURE_FAMILY = {
    "speaking_time": "speaking_time", "speaking_share": "speaking_time",
    "speech_rate": "speech_rate", "words_per_min": "speech_rate",
    "speech_rate_variation": "speech_rate_variation",
    "pauses_per_min": "pauses", "pause_mean": "pauses", "pause_longest": "pauses", "long_pauses": "pauses",
    "fillers": "fillers", "fillers_per_min": "fillers",
    "pitch_variation": "pitch_variation", "pitch_median": "pitch_variation", "loudness": "pitch_variation",
    "loudness_variation": "pitch_variation",
    "face_visible": "face_visible", "smile": "smile", "smiles_per_min": "smile", "eye_contact": "eye_contact",
    "head_movement": "head_movement",
}


def _kept(name: str, modes: dict[str, Mode]) -> bool:
    family = MEASURE_FAMILY.get(name)
    return family is None or modes.get(family, Mode.NOT_COMPUTED) != Mode.NOT_COMPUTED


def analysis_language(iv: Interview) -> str:
    return "zh" if iv.locale.startswith("zh") else "en"


def run(session: Session, answer_id: uuid.UUID) -> AnswerAnalysis | None:
    """Analyse one answer once; a recording that cannot be analysed is marked with its error, not retried."""
    answer = session.get(Answer, answer_id)
    if answer is None or answer.status in ("analysed", "failed", "not_analysed"):
        return None
    iv = session.get(Interview, answer.interview_id)
    assert iv is not None
    policy = preset(iv.policy_key)
    granted = consent.granted_purposes(session, org_id=iv.org_id, candidate_id=iv.candidate_id, policy=policy)
    if Purpose.CONTENT_ANALYSIS not in granted or iv.status == "withdrawn":
        answer.status = "not_analysed"
        answer.error_code = "no_consent"
        answer.error_message = "The candidate has not consented to analysis (or withdrew consent)."
        return None
    if safeguards.opted_out(session, iv.org_id, iv.candidate_id):
        answer.status = "not_analysed"
        answer.error_code = "alternative_process"
        answer.error_message = "The candidate chose an alternative process without automated analysis."
        return None
    from hireloop.analysis.media import MediaError
    from hireloop.analysis.pipeline import AnalysisOptions, analyze_answer

    modes = effective_modes(policy, granted)
    compute_face = any(modes[m] != Mode.NOT_COMPUTED for m in FACE_MEASURES)
    settings = get_settings()
    options = AnalysisOptions(
        asr_model=settings.asr_model, model_cache_dir=Path(settings.model_cache_dir),
        compute_face=compute_face, face_model_path=Path(settings.face_model) if settings.face_model else None,
    )
    try:
        with get_storage().plain_path(answer.storage_key) as path:  # decrypted only for the analysis, then removed
            result = analyze_answer(path, lang=analysis_language(iv), options=options)
    except MediaError as exc:
        answer.status = "failed"
        answer.error_code = getattr(exc, "code", type(exc).__name__)
        answer.error_message = str(exc)[:1000]
        audit.record(session, None, "answer.analysis_failed", entity_type="answer", entity_id=answer.id,
                     org_id=iv.org_id, details={"code": answer.error_code})
        return None
    data: dict[str, Any] = result.to_dict()
    kept = [m for m in data.get("measures", []) if _kept(m["name"], modes)]
    row = repo.analysis_for(session, iv.org_id, answer.id) or AnswerAnalysis(org_id=iv.org_id, answer_id=answer.id)
    row.language = data.get("language")
    row.transcript = data.get("transcript")
    row.measures = kept
    row.face = data.get("face") if compute_face else None
    row.modes = {k: v.value for k, v in modes.items()}
    row.notes = data.get("notes", [])
    row.models = data.get("models", [])
    row.timings = data.get("timings", [])
    row.schema_version = str(data.get("schema_version", "1"))
    session.add(row)
    answer.status = "analysed"
    audit.record(session, None, "answer.analysed", entity_type="answer", entity_id=answer.id, org_id=iv.org_id,
                 details={"models": [m.get("name") for m in row.models], "face_computed": compute_face})
    return row
