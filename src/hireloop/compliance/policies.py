"""Jurisdiction policies: per job location, what is computed, shown or scored, what the candidate is told,
which consents are needed and how long data is kept.

Presets: mainland China (PIPL), the EU (GDPR, AI Act), US-Illinois (AI Video Interview Act, BIPA),
US-New York City (Local Law 144) and a default. A policy is data: an organization can start from a preset.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field, replace
from enum import StrEnum


class Mode(StrEnum):
    SCORED = "scored"  # computed, shown, and counts toward the composite score
    SHOWN = "shown"  # computed and shown to reviewers, never scored
    NOT_COMPUTED = "not_computed"  # never computed at all


class Purpose(StrEnum):
    RECORDING = "recording"  # store the video and audio of the answers
    CONTENT_ANALYSIS = "content_analysis"  # transcribe and score the content of answers
    VOICE_ANALYSIS = "voice_analysis"  # speech rate, pauses, fillers, pitch
    FACE_ANALYSIS = "face_analysis"  # face visibility, smile, eye contact (biometric in IL and CN)


# Measures by the signal they come from (DESIGN.md section 4).
VOICE_MEASURES = ("speaking_time", "speech_rate", "speech_rate_variation", "pauses", "fillers", "pitch_variation")
FACE_MEASURES = ("face_visible", "smile", "eye_contact", "head_movement")
ALL_MEASURES = VOICE_MEASURES + FACE_MEASURES
MEASURE_PURPOSE = {**{m: Purpose.VOICE_ANALYSIS for m in VOICE_MEASURES}, **{m: Purpose.FACE_ANALYSIS for m in FACE_MEASURES}}

EU_COUNTRIES = frozenset(
    "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE IS LI NO".split()
)


@dataclass(frozen=True)
class Retention:
    recordings_days: int
    transcripts_days: int
    reports_days: int
    profile_days: int


@dataclass(frozen=True)
class Notice:
    zh: str
    en: str

    def text(self, locale: str) -> str:
        return self.zh if locale.startswith("zh") else self.en


@dataclass(frozen=True)
class JurisdictionPolicy:
    key: str
    name: str
    laws: tuple[str, ...]
    measures: dict[str, Mode]
    required_consents: tuple[Purpose, ...]
    retention: Retention
    notice: Notice
    human_review_before_rejection: bool = True
    bias_audit_required: bool = False
    notice_lead_days: int = 0
    alternative_process: bool = True
    explanation_on_request: bool = True
    # Days to answer a candidate's request (access, deletion, explanation, human review, alternative process).
    request_days: int = 30
    notes: tuple[str, ...] = field(default_factory=tuple)

    @property
    def notice_version(self) -> str:
        """A hash of everything the candidate is told and asked; consent is stored against it."""
        payload = json.dumps(
            {"notice": asdict(self.notice), "consents": [p.value for p in self.required_consents],
             "retention": asdict(self.retention), "measures": {k: v.value for k, v in sorted(self.measures.items())}},
            sort_keys=True, ensure_ascii=False,
        )
        return hashlib.sha256(payload.encode()).hexdigest()[:16]

    def mode(self, measure: str) -> Mode:
        return self.measures.get(measure, Mode.NOT_COMPUTED)

    def with_measures(self, **changes: Mode) -> JurisdictionPolicy:
        """A copy with some measures changed; EU face measures can never be switched on."""
        if self.key == "eu" and any(m in FACE_MEASURES and v != Mode.NOT_COMPUTED for m, v in changes.items()):
            raise ValueError("EU policy: behaviour measures from the face are never computed (AI Act art. 5(1)(f))")
        return replace(self, measures={**self.measures, **changes})


def effective_modes(policy: JurisdictionPolicy, granted: set[Purpose] | set[str]) -> dict[str, Mode]:
    """Each measure's mode for one candidate: a measure whose consent is missing is not computed at all."""
    granted = {Purpose(p) for p in granted}
    out = {}
    for m in ALL_MEASURES:
        mode = policy.mode(m)
        if MEASURE_PURPOSE[m] not in granted or Purpose.RECORDING not in granted:
            mode = Mode.NOT_COMPUTED
        out[m] = mode
    return out


def missing_consents(policy: JurisdictionPolicy, granted: set[Purpose] | set[str]) -> list[Purpose]:
    """Consents the policy requires before an interview can start that the candidate has not given."""
    granted = {Purpose(p) for p in granted}
    return [p for p in policy.required_consents if p not in granted]


def _all(mode: Mode, *measures: str) -> dict[str, Mode]:
    return {m: mode for m in measures}


_COMMON_ZH = (
    "本次面试将录制您的视频和声音。系统会转写您的回答，并按照岗位的胜任力标准评估回答内容（附上作为依据的原句）。"
    "{behaviour}所有结果仅作为参考，最终决定由招聘人员做出，系统不会自动淘汰任何人。"
    "可查看人员：本职位的招聘专员和用人经理。保存期限：录像{rec}天，转写和报告{rep}天，之后自动删除。"
    "您可以随时撤回同意、要求查看或删除您的数据、要求解释评分，或申请不使用AI评估的替代流程。"
)
_COMMON_EN = (
    "This interview records your video and voice. HireLoop transcribes your answers and rates their content against "
    "the job's competency standards, quoting the sentences it relied on. {behaviour}Results only inform a person: "
    "a recruiter makes every decision, and nobody is rejected automatically. Who sees it: the recruiters and hiring "
    "managers of this job. Kept for: recordings {rec} days, transcripts and reports {rep} days, then deleted. You may "
    "withdraw consent at any time, ask to see or delete your data, ask how you were scored, or ask for an "
    "alternative process without AI assessment."
)


def _notice(behaviour_zh: str, behaviour_en: str, r: Retention, extra_zh: str = "", extra_en: str = "") -> Notice:
    return Notice(
        zh=_COMMON_ZH.format(behaviour=behaviour_zh, rec=r.recordings_days, rep=r.reports_days) + extra_zh,
        en=_COMMON_EN.format(behaviour=behaviour_en, rec=r.recordings_days, rep=r.reports_days) + extra_en,
    )


def _build() -> dict[str, JurisdictionPolicy]:
    cn_ret = Retention(recordings_days=180, transcripts_days=365, reports_days=365, profile_days=730)
    eu_ret = Retention(recordings_days=90, transcripts_days=180, reports_days=180, profile_days=365)
    il_ret = Retention(recordings_days=30, transcripts_days=180, reports_days=365, profile_days=730)
    us_ret = Retention(recordings_days=180, transcripts_days=365, reports_days=365, profile_days=730)
    voice_face_zh = "经您单独同意，系统还会测量可观察的表达行为（语速及其变化、停顿、口头语，以及人脸可见、微笑和目光接触的比例）；这些是观察数据，不代表情绪或性格。"
    voice_face_en = ("With your separate consent it also measures observable speaking behaviour (speech rate and its "
                     "variation, pauses, fillers, and how often your face is visible, you smile and you look at the "
                     "camera); these are observations, never emotions or personality. ")
    policies = [
        JurisdictionPolicy(
            key="cn", name="中国大陆 Mainland China (PIPL)", laws=("PIPL", "Employment Promotion Law"),
            measures={**_all(Mode.SCORED, *VOICE_MEASURES), **_all(Mode.SCORED, *FACE_MEASURES)},
            required_consents=(Purpose.RECORDING, Purpose.CONTENT_ANALYSIS),
            retention=cn_ret,
            notice=_notice(voice_face_zh, voice_face_en, cn_ret,
                           "人脸信息属于敏感个人信息，需要您单独同意；数据存储在境内。",
                           " Facial information is sensitive personal information under PIPL and needs your separate consent; data stays in mainland China."),
            notes=("Facial features are sensitive personal information (PIPL art. 28-29): separate consent.",
                   "Automated decisions: the right to an explanation and to refuse solely automated decisions (art. 24)."),
        ),
        JurisdictionPolicy(
            key="eu", name="European Union (GDPR, AI Act)", laws=("GDPR", "EU AI Act"),
            measures={**_all(Mode.NOT_COMPUTED, *FACE_MEASURES), **_all(Mode.NOT_COMPUTED, *VOICE_MEASURES)},
            required_consents=(Purpose.RECORDING, Purpose.CONTENT_ANALYSIS),
            retention=eu_ret,
            notice=_notice("在欧盟，系统不测量任何面部或声音行为指标。", "In the EU no facial or vocal behaviour is measured at all. ", eu_ret),
            notes=("AI Act art. 5(1)(f): no inference of emotions at the workplace, so behaviour measures are not computed.",
                   "GDPR art. 22: human review of every decision; art. 15-17 access and erasure."),
        ),
        JurisdictionPolicy(
            key="us-il", name="US, Illinois (AI Video Interview Act, BIPA)", laws=("820 ILCS 42", "BIPA"),
            measures={**_all(Mode.SCORED, *VOICE_MEASURES), **_all(Mode.SHOWN, *FACE_MEASURES)},
            required_consents=(Purpose.RECORDING, Purpose.CONTENT_ANALYSIS),
            retention=il_ret,
            notice=_notice(voice_face_zh, voice_face_en, il_ret,
                           "根据伊利诺伊州法律，您可以要求在30天内删除录像。",
                           " Under Illinois law you may ask us to delete your recordings within 30 days; face geometry needs your written consent (BIPA)."),
            notes=("AIVI Act: notice, explanation of how AI evaluates, consent before the interview; deletion within 30 days on request.",
                   "BIPA: written consent for face geometry; face measures are shown, not scored, by default."),
        ),
        JurisdictionPolicy(
            key="us-nyc", name="US, New York City (Local Law 144)", laws=("NYC LL 144",),
            measures={**_all(Mode.SCORED, *VOICE_MEASURES), **_all(Mode.SHOWN, *FACE_MEASURES)},
            required_consents=(Purpose.RECORDING, Purpose.CONTENT_ANALYSIS),
            retention=us_ret, bias_audit_required=True, notice_lead_days=10,
            notice=_notice(voice_face_zh, voice_face_en, us_ret,
                           "本工具属于自动化招聘决策工具，每年接受独立偏差审计，审计摘要可公开查阅。",
                           " This is an automated employment decision tool: it has an independent bias audit every year, and its summary is public."),
            notes=("LL 144: annual independent bias audit, published summary, notice at least 10 business days before use, alternative process.",),
        ),
        JurisdictionPolicy(
            key="default", name="Default", laws=(),
            measures={**_all(Mode.SCORED, *VOICE_MEASURES), **_all(Mode.SHOWN, *FACE_MEASURES)},
            required_consents=(Purpose.RECORDING, Purpose.CONTENT_ANALYSIS),
            retention=us_ret,
            notice=_notice(voice_face_zh, voice_face_en, us_ret),
        ),
    ]
    return {p.key: p for p in policies}


PRESETS: dict[str, JurisdictionPolicy] = _build()


def preset(key: str) -> JurisdictionPolicy:
    """A preset by key (cn, eu, us-il, us-nyc, default)."""
    try:
        return PRESETS[key]
    except KeyError as exc:
        raise ValueError(f"unknown jurisdiction policy {key!r}; use one of {', '.join(PRESETS)}") from exc


_NYC = {"new york", "new york city", "nyc", "manhattan", "brooklyn", "queens", "bronx", "staten island", "纽约"}


def policy_for_location(country: str | None, region: str | None = None, city: str | None = None) -> JurisdictionPolicy:
    """The preset that governs a job at this location."""
    c = (country or "").upper()
    r = (region or "").strip().lower()
    t = (city or "").strip().lower()
    if c == "CN":
        return PRESETS["cn"]
    if c in EU_COUNTRIES:
        return PRESETS["eu"]
    if c == "US":
        if r in {"il", "illinois"}:
            return PRESETS["us-il"]
        if t in _NYC:
            return PRESETS["us-nyc"]
    return PRESETS["default"]
