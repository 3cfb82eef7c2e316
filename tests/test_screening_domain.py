"""Resume intake and screening for a job: a batch of mixed files, each with its own status; duplicates;
a ranked, explained list; requirements edits rescore; the console shows progress and highlights."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from sqlalchemy import func, select

from hireloop import dispatch
from hireloop.db import session_factory
from hireloop.models import Candidate
from tests.factories import api, login

RESUMES = Path(__file__).parent / "data" / "resumes"
PICK = ["resume_000_zh_pdf.pdf", "resume_009_zh_pdf2col.pdf", "resume_015_zh_docx.docx", "resume_023_zh_txt_gbk.txt",
        "resume_005_en_pdf.pdf", "resume_028_zh_html.html"]


def _files(extra: list[tuple[str, bytes]] = ()):  # noqa: B006
    out = [("files", (n, (RESUMES / n).read_bytes(), "application/octet-stream")) for n in PICK]
    return out + [("files", (n, b, "application/octet-stream")) for n, b in extra]


def _candidates(settings, org_id) -> int:
    with session_factory(settings)() as s:
        return s.scalar(select(func.count()).select_from(Candidate).where(Candidate.org_id == org_id))


def test_a_mixed_batch_each_file_with_its_status(client, settings, tenant):
    h = api(tenant.api_key)
    zbuf = io.BytesIO()
    with zipfile.ZipFile(zbuf, "w") as zf:
        zf.writestr("again/resume_000.pdf", (RESUMES / "resume_000_zh_pdf.pdf").read_bytes())  # the same person twice
        zf.writestr("notes.xyz", b"\x00\x01 nothing")
    bad = [("broken.pdf", b"%PDF-1.7\n garbage that is not a pdf"), ("empty.docx", b""), ("resumes.zip", zbuf.getvalue())]
    before = _candidates(settings, tenant.org_id)
    r = client.post(f"/api/v1/jobs/{tenant.job_id}/resumes", files=_files(bad), headers=h)
    assert r.status_code == 202, r.text
    batch = r.json()
    assert batch["total"] == len(PICK) + 4 and batch["status"] == "queued"
    dispatch.EmbeddedDispatcher(settings, workers=0).run_until_idle()
    batch = client.get(f"/api/v1/resume-imports/{batch['id']}", headers=h).json()
    status = {i["name"]: i["status"] for i in batch["items"]}
    assert batch["status"] == "done" and batch["processed"] == batch["total"]
    assert all(status[n] == "ok" for n in PICK), status
    assert status["broken.pdf"] == "corrupt" and status["empty.docx"] == "empty"
    assert status["resumes.zip/again/resume_000.pdf"] == "duplicate"
    assert status["resumes.zip/notes.xyz"] == "unsupported_format"
    msgs = {i["name"]: i["message"] for i in batch["items"]}
    assert msgs["broken.pdf"] and msgs["resumes.zip/notes.xyz"]  # each failure says what to do
    assert _candidates(settings, tenant.org_id) == before + len(PICK)  # failures and the duplicate add nobody

    ranked = client.get(f"/api/v1/jobs/{tenant.job_id}/screening", headers=h).json()
    scores = [x["score"] for x in ranked]
    assert len(ranked) >= len(PICK)
    passed = [x["passed"] for x in ranked]
    assert passed == sorted(passed, reverse=True)  # hard-filter passes first...
    firsts = [x["score"] for x in ranked if x["passed"] == ranked[0]["passed"]]
    assert firsts == sorted(firsts, reverse=True)  # ...then by score
    assert all(0 <= s <= 100 for s in scores)
    top = ranked[0]
    m = client.get(f"/api/v1/applications/{top['application_id']}/match", headers=h).json()
    assert m["score"] == top["score"] and m["resume_text"]
    spans = [e["span"] for c in m["result"]["criteria"] for e in c["evidence"] if e.get("span")]
    for span in spans:
        start, end = (span["start"], span["end"]) if isinstance(span, dict) else span
        assert m["resume_text"][start:end]  # evidence points into the stored text
    assert all(f["reason"] for f in m["result"]["filters"])


def test_requirements_edit_rescores_deterministically(client, settings, tenant):
    h = api(tenant.api_key)
    client.post(f"/api/v1/jobs/{tenant.job_id}/resumes", files=_files(), headers=h)
    runner = dispatch.EmbeddedDispatcher(settings, workers=0)
    runner.run_until_idle()
    first = {x["application_id"]: x["score"] for x in client.get(f"/api/v1/jobs/{tenant.job_id}/screening", headers=h).json()}
    r = client.patch(f"/api/v1/jobs/{tenant.job_id}", json={"requirements": {
        "min_education": "bachelor", "keywords": [{"phrase": "渠道拓展", "synonyms": ["channel development"]}],
        "preferred_skills": ["key_account", "data_analysis"]}}, headers=h)
    assert r.status_code == 200, r.text
    runner.run_until_idle()
    second = {x["application_id"]: x["score"] for x in client.get(f"/api/v1/jobs/{tenant.job_id}/screening", headers=h).json()}
    assert second != first
    client.patch(f"/api/v1/jobs/{tenant.job_id}", json={"description": "快消 区域销售"}, headers=h)
    runner.run_until_idle()
    client.patch(f"/api/v1/jobs/{tenant.job_id}", json={"requirements": {
        "min_education": "bachelor", "keywords": [{"phrase": "渠道拓展", "synonyms": ["channel development"]}],
        "preferred_skills": ["key_account", "data_analysis"]}, "description": ""}, headers=h)
    runner.run_until_idle()
    third = {x["application_id"]: x["score"] for x in client.get(f"/api/v1/jobs/{tenant.job_id}/screening", headers=h).json()}
    assert third == second  # the same resume and job always give the same score
    bad = client.patch(f"/api/v1/jobs/{tenant.job_id}", json={"requirements": {"min_education": "genius"}}, headers=h)
    assert bad.status_code == 422 and "min_education" in bad.json()["error"]["message"]


def test_console_upload_progress_and_highlight(client, settings, tenant):
    csrf = login(client, tenant.emails["recruiter"])
    files = [("files", (n, (RESUMES / n).read_bytes(), "application/octet-stream")) for n in PICK[:2]]
    r = client.post(f"/jobs/{tenant.job_id}/resumes", data={"csrf_token": csrf}, files=files, follow_redirects=False)
    assert r.status_code == 303
    progress_url = r.headers["location"]
    page = client.get(progress_url).text
    assert "0</strong> / 2" in page and 'hx-trigger="every 1s"' in page
    dispatch.EmbeddedDispatcher(settings, workers=0).run_until_idle()
    fragment = client.get(progress_url, headers={"HX-Request": "true"}).text
    assert "2</strong> / 2" in fragment and "hx-trigger" not in fragment  # finished: the polling stops
    ranked = client.get(f"/jobs/{tenant.job_id}/screening").text
    app_id = re.search(r'data-application="([0-9a-f-]{36})"', ranked).group(1)
    match = client.get(f"/applications/{app_id}/match").text
    assert "<mark" in match
    r = client.post(f"/jobs/{tenant.job_id}/shortlist", data={"csrf_token": csrf, "application_ids": [app_id]},
                    follow_redirects=False)
    assert r.status_code == 303
    assert client.get(f"/api/v1/applications/{app_id}").json()["stage"] == "screened"


def test_cli_import_dir(settings, tenant, tmp_path):
    from typer.testing import CliRunner

    from hireloop.cli.main import app as cli

    for n in PICK[:3]:
        (tmp_path / n).write_bytes((RESUMES / n).read_bytes())
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4 nope")
    r = CliRunner().invoke(cli, ["screen", "import", str(tmp_path), "--job", str(tenant.job_id), "--org", tenant.slug])
    assert r.exit_code == 0, r.output
    assert "4 of 4 processed" in r.output and "broken.pdf: corrupt" in r.output
    assert re.search(r"^\s+1\.\s+\d", r.output, re.M)
