"""Property-based: whatever a client sends to the portal's upload endpoints, the answer is never a 5xx, and a
finished answer is stored only when its bytes are complete and look like the video they claim to be."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings as hsettings
from hypothesis import strategies as st

from tests.portal_client import consent, new_interview

pytestmark = pytest.mark.slow

ranges = st.one_of(
    st.none(),
    st.text(max_size=40),
    st.builds(lambda a, b, t: f"bytes {a}-{b}/{t}", st.integers(-5, 3000), st.integers(-5, 3000), st.integers(-5, 3000)),
)
bodies = st.one_of(st.binary(max_size=3000), st.just(b"\x1a\x45\xdf\xa3" + b"x" * 60))
starts = st.fixed_dictionaries({
    "question_index": st.one_of(st.integers(-3, 5), st.text(max_size=5), st.none()),
    "total_bytes": st.one_of(st.integers(-10, 5000), st.just(10**12), st.text(max_size=5)),
    "content_type": st.one_of(st.sampled_from(["video/webm", "video/mp4", "text/html", ""]), st.text(max_size=30)),
})


@pytest.fixture(scope="module")
def portal(settings, app):
    from fastapi.testclient import TestClient

    from tests.factories import make_tenant

    tenant = make_tenant(settings, marker="PROP")
    client = TestClient(app)
    _, token = new_interview(settings, tenant)
    csrf = consent(client, token)
    return client, token, csrf


@hsettings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(start=starts, content_range=ranges, body=bodies, extra=st.booleans())
def test_upload_endpoints_never_answer_5xx(portal, start, content_range, body, extra):
    client, token, csrf = portal
    h = {"X-CSRF-Token": csrf}
    r = client.post(f"/i/{token}/uploads", json=start, headers=h)
    assert r.status_code < 500, r.text
    if r.status_code != 201:
        assert "error" in r.json()
        return
    uid = r.json()["upload_id"]
    headers = {**h, **({"Content-Range": content_range} if content_range is not None else {})}
    r = client.put(f"/i/{token}/uploads/{uid}", content=body, headers=headers)
    assert r.status_code < 500, r.text
    if extra:
        assert client.get(f"/i/{token}/uploads/{uid}").status_code < 500
        assert client.put(f"/i/{token}/uploads/{uid}", content=body, headers=headers).status_code < 500
    if r.status_code == 200 and r.json().get("answer_id"):
        assert body.startswith(b"\x1a\x45\xdf\xa3") or body[4:8] == b"ftyp"  # only real-looking media is stored
