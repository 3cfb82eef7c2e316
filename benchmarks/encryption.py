"""Cost of encryption at rest. Prints JSON.

- fields: microseconds to seal and to open one value (a name, a 2 KB transcript), and to compute a keyed hash;
- files: MB/s sealing a 50 MB recording into storage, reading it back, and serving a 1 MB range from its
  middle (what a seeking video player asks for);
- listing: milliseconds to load 1,000 candidates through the ORM with sealed names, contacts and profiles,
  against the same rows unsealed (SQLite in memory).

Run: PYTHONPATH=src python benchmarks/encryption.py
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from pathlib import Path


def _per_call_us(fn, n: int) -> float:
    t = time.perf_counter()
    for _ in range(n):
        fn()
    return (time.perf_counter() - t) / n * 1e6


def main() -> None:
    tmp = Path(tempfile.mkdtemp(prefix="hl-bench-"))
    os.environ["HIRELOOP_STORAGE_ROOT"] = str(tmp / "storage")
    os.environ["HIRELOOP_DATABASE_URL"] = "sqlite://"
    from sqlalchemy import create_engine, select
    from sqlalchemy.orm import Session

    from hireloop.crypto.fields import blind_index, decrypt_text, encrypt_text
    from hireloop.models import Base, Candidate, Organization
    from hireloop.storage import get_storage

    out: dict[str, object] = {}
    name, transcript = "张伟 Zhang Wei", "我在门店做了三年促销，每天接待一百多位顾客。" * 60
    sealed_name, sealed_tr = encrypt_text(name, "c.n"), encrypt_text(transcript, "t.t")
    out["fields_us"] = {
        "seal_name": round(_per_call_us(lambda: encrypt_text(name, "c.n"), 5000), 1),
        "open_name": round(_per_call_us(lambda: decrypt_text(sealed_name, "c.n"), 5000), 1),
        "seal_transcript_2kb": round(_per_call_us(lambda: encrypt_text(transcript, "t.t"), 2000), 1),
        "open_transcript_2kb": round(_per_call_us(lambda: decrypt_text(sealed_tr, "t.t"), 2000), 1),
        "keyed_hash": round(_per_call_us(lambda: blind_index("someone@example.com", "email"), 5000), 1),
    }

    storage = get_storage()
    src = tmp / "rec.webm"
    src.write_bytes(os.urandom(50 * 1024 * 1024))
    t = time.perf_counter()
    storage.put_file("org/x/rec.webm", src)
    put = time.perf_counter() - t
    t = time.perf_counter()
    data = storage.read_bytes("org/x/rec.webm")
    get = time.perf_counter() - t
    t = time.perf_counter()
    with storage.open("org/x/rec.webm") as fh:
        fh.seek(25 * 1024 * 1024)
        fh.read(1024 * 1024)
    rng = time.perf_counter() - t
    out["files"] = {"size_mb": len(data) / 2**20, "seal_mb_s": round(50 / put, 1), "open_mb_s": round(50 / get, 1),
                    "range_1mb_ms": round(rng * 1000, 2),
                    "overhead_bytes": storage.path("org/x/rec.webm").stat().st_size - len(data)}

    engine = create_engine("sqlite://")
    Base.metadata.create_all(engine)
    with Session(engine) as s:
        org = Organization(name="Bench", slug="bench")
        s.add(org)
        s.flush()
        s.add_all(Candidate(org_id=org.id, full_name=f"候选人 {i}", email=f"c{i}@x.example", phone=f"139{i:08d}",
                            profile={"summary": "促销员 三年 经验" * 10}) for i in range(1000))
        s.commit()
    with Session(engine) as s:
        t = time.perf_counter()
        rows = s.scalars(select(Candidate)).all()
        _ = [(c.full_name, c.email, c.phone, c.profile) for c in rows]
        sealed_ms = (time.perf_counter() - t) * 1000
    raw = Candidate.__table__
    from hireloop.crypto.raw import raw_table

    with engine.connect() as c:
        t = time.perf_counter()
        c.execute(select(raw_table(raw))).all()
        plain_ms = (time.perf_counter() - t) * 1000
    out["list_1000_candidates_ms"] = {"sealed_opened": round(sealed_ms, 1), "without_opening": round(plain_ms, 1)}
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
