"""The whole chain with the bundled offline content scorer (loads the embedding model: slow)."""

from __future__ import annotations

import pytest

from hireloop.db import unit_of_work
from hireloop.reports import service as reports
from hireloop.scoring import service
from tests.scoring_db.builders import add_interview, make_job

pytestmark = pytest.mark.slow

STRONG = ("去年双十一期间，我负责的门店客流比平时多了三倍。我提前一周和店长制定了分区接待方案，并培训了四名新同事。"
          "高峰时我主动引导顾客到体验区，逐一介绍产品卖点。最后当天销售额达到12万元，比目标高出20%。"
          "事后我总结了接待流程，在区域会议上分享给其他门店。")
WEAK = "我平时比较喜欢看电影和旅游。周末一般在家休息，有时候和朋友一起吃饭。"


def test_real_scorer_ranks_a_concrete_answer_above_an_off_topic_one(settings, tenant):
    with unit_of_work(settings) as uow:
        s = uow.session
        job_id = make_job(s, tenant.org_id)
        good, _, _ = add_interview(s, tenant.org_id, job_id, "具体", [STRONG, STRONG])
        poor, _, _ = add_interview(s, tenant.org_id, job_id, "离题", [WEAK, WEAK])
        a = service.score_interview(s, good)
        b = service.score_interview(s, poor)
        assert a.composite > b.composite
        assert a.scorers == ["hireloop-content-offline/1.0.0"]
        answer = a.competencies[0]["answers"][0]
        assert answer["evidence"] and all(e["t_start"] is not None for e in answer["evidence"])
        assert any(x["off_topic"] for c in b.competencies for x in c["answers"])
        assert any(f["code"] == "off_topic_answers" for f in b.flags)
        made = reports.generate(s, good)
        assert {r.kind for r in made} == {"hr", "candidate"}
        uow.commit()
