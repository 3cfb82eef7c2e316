"""Sentence splitting and the rule-based cues of a spoken answer: STAR structure, specificity, vagueness."""

from __future__ import annotations

import re
from dataclasses import dataclass

_CJK = re.compile(r"[\u4e00-\u9fff]")
# Chinese ASR output often has only commas, so long comma-joined runs are split again at commas.
_ZH_END = re.compile(r"[^。！？!?；;\n]+[。！？!?；;]?")
_EN_END = re.compile(r"[^.!?\n]+(?:[.!?]+|$)")
_MAX_ZH_SENTENCE = 60


@dataclass(frozen=True)
class Sentence:
    """One sentence of the answer with its character offsets in the original text."""

    text: str
    start: int
    end: int


def detect_language(text: str) -> str:
    """'zh' when at least a fifth of the letters are CJK characters, else 'en'."""
    letters = sum(ch.isalpha() for ch in text) or 1
    return "zh" if len(_CJK.findall(text)) / letters >= 0.2 else "en"


def split_sentences(text: str, lang: str) -> list[Sentence]:
    """Sentences with offsets; Chinese runs longer than 60 characters are cut again at commas."""
    out: list[Sentence] = []
    pattern = _ZH_END if lang == "zh" else _EN_END
    for m in pattern.finditer(text):
        pieces = [(m.start(), m.end())]
        if lang == "zh" and m.end() - m.start() > _MAX_ZH_SENTENCE:
            pieces = []
            start = m.start()
            for c in re.finditer(r"[，,]", m.group()):
                cut = m.start() + c.end()
                if cut - start >= 25:
                    pieces.append((start, cut))
                    start = cut
            pieces.append((start, m.end()))
        for s, e in pieces:
            raw = text[s:e]
            stripped = raw.strip()
            if len(stripped) < 2:
                continue
            lead = len(raw) - len(raw.lstrip())
            out.append(Sentence(stripped, s + lead, s + lead + len(stripped)))
    return out


# STAR cues. Situation: when/where; task: the goal they owned; action: what *they* did; result: what changed.
STAR_CUES: dict[str, dict[str, re.Pattern[str]]] = {
    "zh": {
        "situation": re.compile(r"当时|那时|之前|去年|前年|今年|有一次|有一年|那年|那一周|在.{0,12}(公司|超市|工厂|店|厂)|背景|刚开始|月份|期间|的时候"),
        "task": re.compile(r"任务|目标|负责|要求|职责|指标|考核|需要在|要在|KPI"),
        "action": re.compile(r"我(先|就|决定|提出|组织|安排|设计|调整|带|找|跟|把|用|做了|马上|发现|分析|查|拿|请|让|给|写|建立|按|花了|问|换|定|筛|签|谈|准备|检查|加)|首先|然后|接着|第一|第二|第三|同时"),
        "result": re.compile(r"结果|最后|最终|提升|提高|增长|增加|降低|降到|下降|减少|达成|完成率|做到|效果|之后|回到|卖了|卖到|超过|比.{0,6}(多|高|低)"),
    },
    "en": {
        "situation": re.compile(r"\b(when I|at my (last|previous)|last (year|month|summer)|in 20\d\d|once|one time|at the time|back then|during|the situation|we had|there was|in (march|april|may|june|july|summer|winter))\b", re.I),
        "task": re.compile(r"\b(my (goal|task|job|target)|target|I was responsible|I needed to|had to|the aim|objective|I owned|I ran|I covered|I handled)\b", re.I),
        "action": re.compile(r"\b(I (first |then |also )?(decided|set up|planned|built|proposed|negotiated|organi[sz]ed|changed|made|moved|asked|took|pulled|mapped|brought|called|checked|broke|compared|trained|wrote|greeted|served|prepared|analy[sz]ed|split|designed|introduced|looked|listened|gave|stopped|reported|restocked|apologi[sz]ed|showed|sat|prepared|expected|borrowed|kept|ran|found|recalibrated))\b|\b(first|then|so I)\b", re.I),
        "result": re.compile(r"\b(as a result|in the end|result|grew|grown|increased|rose|went up|went from|dropped to|fell|reduced|improved|achieved|finished at|recovered|signed|sold|percent|afterwards|after that|from \w+ to)\b", re.I),
    },
}

# Signs of transfer and reflection: the step from a good example (4) to a method others use (5).
REFLECTION = {
    "zh": re.compile(r"总结|复盘|学到|方法|推广|机制|流程|清单|手册|预案|标准|照着|分享|培训会|再也没有|没有再"),
    "en": re.compile(r"\b(learn(ed|t)|lesson|took from|playbook|checklist|standard|routine|rolled out|method|next time|became the|shared|used it for|huddle|no longer|never again)\b", re.I),
}

# Generic talk instead of an example: the typical level-1/2 answer.
VAGUE = {
    "zh": re.compile(r"我觉得|应该|一般|比较|就是要|最重要的|我这个人|性格|肯定|不太清楚|记不清|不太懂|大家都|反正|都是按"),
    "en": re.compile(r"\b(I think|I believe|usually|generally|always|I'm a|I am a|people person|not (really )?sure|don't know|important thing|honestly|try to)\b", re.I),
}

# A lone 一 ("一家", "一次") is usually an article, not a quantity, so it needs a second numeral to count.
_ZH_NUM = re.compile(
    r"百分之[零一二两三四五六七八九十百点]+|千分之[零一二两三四五六七八九十点]+"
    r"|(?:[零一二两三四五六七八九十百千万]{2,}|[二两三四五六七八九十百千万])"
    r"(?:个|家|位|盒|箱|瓶|袋|单|次|人|年|月|周|天|小时|分钟|万|千|百|倍|点|成|多)"
    r"|\d+(?:\.\d+)?%?"
)
_EN_NUM = re.compile(r"\d+(\.\d+)?%?|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|percent|half|double)\b", re.I)
_EN_I_ACT = re.compile(r"\bI (?!think|feel|believe|guess|am\b|'m|like|love|would|could|have a|was a|do\b)[a-z]+", re.I)
_ZH_I_ACT = re.compile(r"我(?!觉得|认为|们|这个人|比较|喜欢|是|的|也不|平时)")


def star_components(text: str, lang: str) -> dict[str, int]:
    """Number of cue matches for situation, task, action and result."""
    return {part: len(rx.findall(text)) for part, rx in STAR_CUES[lang].items()}


def count_numbers(text: str, lang: str) -> int:
    """Quantities mentioned: digits, percentages, Chinese numerals with a unit, English number words."""
    return len((_ZH_NUM if lang == "zh" else _EN_NUM).findall(text))


def count_first_person_actions(text: str, lang: str) -> int:
    """'I did X' statements (not 'I think', 'I like')."""
    return len((_ZH_I_ACT if lang == "zh" else _EN_I_ACT).findall(text))


def count_matches(rx_by_lang: dict[str, re.Pattern[str]], text: str, lang: str) -> int:
    """Matches of a per-language cue pattern."""
    return len(rx_by_lang[lang].findall(text))


def length_units(text: str, lang: str) -> int:
    """Chinese characters for zh, words for en: the units speech rate uses too."""
    return len(_CJK.findall(text)) if lang == "zh" else len(re.findall(r"[A-Za-z']+", text))
