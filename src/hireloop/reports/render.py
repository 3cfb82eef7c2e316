"""Render the HR report and the candidate feedback report to HTML (Jinja) and PDF (WeasyPrint, CJK fonts)."""

from __future__ import annotations

from typing import Any

from hireloop import i18n
from hireloop.models import Assessment, Candidate, Interview, Job
from hireloop.reports.chart import competency_bars, percentile_marker
from hireloop.reports.feedback import build_feedback
from hireloop.web.render import N_, env

KINDS = ("hr", "candidate")
FLAG_LABELS = {
    "low_face_visibility": N_("Face visible in few frames"),
    "several_faces": N_("More than one face on camera (seconds)"),
    "low_transcript_confidence": N_("Low transcript confidence: check the recording"),
    "off_topic_answers": N_("Answers that did not address the question"),
    "missing_answers": N_("Questions not answered"),
    "failed_analysis": N_("Recordings that could not be analysed"),
}
RECOMMENDATION_LABELS = {"advance": N_("Advance"), "hold": N_("Hold"), "review": N_("Review closely"),
                         "reject": N_("Reject")}
PART_LABELS = {"resume_match": N_("Resume match"), "content": N_("Answer content"), "behaviour": N_("Behaviour")}
MEASURE_LABELS = {
    "speech_rate": N_("Speech rate"), "speech_rate_variation_pct": N_("Speech-rate variation"),
    "long_pauses_per_min": N_("Long pauses per minute"), "fillers_per_min": N_("Fillers per minute"),
    "eye_contact_share": N_("Eye contact"), "face_visible_share": N_("Face visible"),
}


def report_context(*, kind: str, assessment: Assessment, interview: Interview, job: Job, candidate: Candidate,
                   show_scores: bool = False) -> dict[str, Any]:
    """Everything a report template needs, computed from stored rows (no query here)."""
    lang = "zh" if interview.locale.startswith("zh") else "en"
    feedback = build_feedback(assessment.competencies, assessment.behaviour, lang)
    questions = interview.questions or []
    quotes = []
    for c in assessment.competencies:
        for a in c.get("answers", []):
            q = questions[a["question_index"]] if a["question_index"] < len(questions) else {}
            quotes.append({"competency": c["name"], "question": q.get("text_zh" if lang == "zh" else "text_en", ""),
                           "score": a["score"], "level": a["level"], "off_topic": a["off_topic"],
                           "evidence": a.get("evidence", [])})
    return {
        "kind": kind, "lang": lang, "a": assessment, "iv": interview, "job": job, "c": candidate,
        "chart": competency_bars([(c["name"], c.get("score")) for c in assessment.competencies]),
        "behaviour": [{**b, "marker": percentile_marker(b.get("percentile")),
                       "name": b["name_zh"] if lang == "zh" else b["name_en"],
                       "formula": b["formula_zh"] if lang == "zh" else b["formula_en"]} for b in assessment.behaviour],
        "feedback": feedback, "quotes": quotes, "show_scores": show_scores or kind == "hr",
        "flag_label": lambda code: i18n.gettext_(FLAG_LABELS.get(code, code)),
        "rec_label": lambda r: i18n.gettext_(RECOMMENDATION_LABELS.get(r or "", r or "")),
        "part_label": lambda p: i18n.gettext_(PART_LABELS.get(p, p)),
        "measure_label": lambda m: i18n.gettext_(MEASURE_LABELS.get(m, m)),
    }


def render_html(kind: str, context: dict[str, Any], *, locale: str) -> str:
    """The report as a standalone HTML page (inline CSS and SVG), in `locale`."""
    if kind not in KINDS:
        raise ValueError(f"unknown report kind {kind!r}")
    previous = i18n.get_locale()
    i18n.set_locale(locale)
    try:
        return env.get_template(f"reports/{kind}.html").render({**context, "locale": i18n.get_locale()})
    finally:
        i18n.set_locale(previous)


def html_to_pdf(html: str) -> bytes:
    """PDF bytes of a report page; Chinese text is set in Noto Sans CJK SC (fonts-noto-cjk)."""
    from weasyprint import HTML

    return HTML(string=html).write_pdf()
