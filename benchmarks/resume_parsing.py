"""Field accuracy of the resume parser on a labelled set: prints JSON.

    PYTHONPATH=src python benchmarks/resume_parsing.py --labels tests/data/resumes/labels.jsonl [--failures]

The labels file is JSON lines with "file" (relative to the labels file) and any of: name, email, phone, location,
education_level, education [{level, school, major}], work [{employer, title, start, end, current}], total_years,
industry_years {industry: years}, skills [ids], languages [codes], certificates [ids], as_of (YYYY-MM-DD).
Missing keys are not scored, so any other labelled set is scored the same way.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from datetime import date
from pathlib import Path

from rapidfuzz import fuzz

from hireloop.screening.intake import parse_file
from hireloop.screening.profile import ResumeProfile

FLOORS = {"education_level": 0.95, "total_years_within_1y": 0.90, "skills_f1": 0.80}


def _same(a: str | None, b: str | None) -> bool:
    norm = lambda s: re.sub(r"[\s()（）.,]", "", (s or "").lower())  # noqa: E731
    return bool(a) and bool(b) and (norm(a) == norm(b) or fuzz.ratio(norm(a), norm(b)) >= 85)


class Tally:
    """Accuracy counters and set-overlap counters per field."""

    def __init__(self) -> None:
        self.hits: dict[str, list[int]] = {}
        self.sets: dict[str, list[int]] = {}
        self.failures: list[dict] = []

    def check(self, field: str, ok: bool, file: str, expected: object, got: object) -> None:
        h = self.hits.setdefault(field, [0, 0])
        h[0] += int(ok)
        h[1] += 1
        if not ok:
            self.failures.append({"file": file, "field": field, "expected": expected, "got": got})

    def overlap(self, field: str, expected: set, got: set, file: str) -> None:
        s = self.sets.setdefault(field, [0, 0, 0])
        s[0] += len(expected & got)
        s[1] += len(got - expected)
        s[2] += len(expected - got)
        if expected != got:
            self.failures.append({"file": file, "field": field, "missing": sorted(expected - got),
                                  "extra": sorted(got - expected)})

    def summary(self) -> dict:
        out: dict[str, float] = {f: round(a / n, 3) for f, (a, n) in self.hits.items() if n}
        for f, (tp, fp, fn) in self.sets.items():
            p = tp / (tp + fp) if tp + fp else 1.0
            r = tp / (tp + fn) if tp + fn else 1.0
            out[f + "_precision"], out[f + "_recall"] = round(p, 3), round(r, 3)
            out[f + "_f1"] = round(2 * p * r / (p + r), 3) if p + r else 0.0
        return out


def score(label: dict, prof: ResumeProfile | None, status: str, t: Tally) -> None:
    """Compare one parsed resume with its label."""
    f = label["file"]
    t.check("extracted", status == "ok", f, "ok", status)
    if prof is None:
        prof = None
    get = lambda fld: (getattr(prof, fld) if prof else None)  # noqa: E731
    if "name" in label:
        t.check("name", _same(label["name"], prof.name.value if prof and prof.name else None), f, label["name"],
                prof.name.value if prof and prof.name else None)
    if "email" in label:
        got = [e.value.lower() for e in get("emails") or ()]
        t.check("email", label["email"].lower() in got, f, label["email"], got)
    if "phone" in label:
        got = [p.value for p in get("phones") or ()]
        t.check("phone", label["phone"] in got, f, label["phone"], got)
    if "location" in label:
        got = prof.location.value if prof and prof.location else None
        t.check("location", got == label["location"], f, label["location"], got)
    if "education_level" in label:
        got = prof.highest_education if prof else None
        t.check("education_level", got == label["education_level"], f, label["education_level"], got)
    for e in label.get("education", []):
        cand = [x for x in (prof.education if prof else ()) if x.level == e["level"]]
        school = cand[0].school.value if cand and cand[0].school else None
        major = cand[0].major.value if cand and cand[0].major else None
        t.check("education_school", _same(e["school"], school), f, e["school"], school)
        if "major" in e:
            t.check("education_major", _same(e["major"], major), f, e["major"], major)
    if "work" in label:
        got_work = list(prof.work) if prof else []
        t.check("work_entry_count", len(got_work) == len(label["work"]), f, len(label["work"]), len(got_work))
        for w in label["work"]:
            match = next((g for g in got_work if g.dates and str(g.dates.start) == w["start"]), None)
            t.check("work_start", match is not None, f, w["start"], [str(g.dates.start) for g in got_work if g.dates])
            emp = match.employer.value if match and match.employer else None
            title = match.title.value if match and match.title else None
            if w.get("employer"):
                t.check("work_employer", _same(w["employer"], emp), f, w["employer"], emp)
            if w.get("title"):
                t.check("work_title", _same(w["title"], title), f, w["title"], title)
            end = (str(match.dates.end) if match.dates.end else None) if match else "missing"
            t.check("work_end", match is not None and end == w["end"] and match.current == w["current"], f,
                    w["end"], end)
    if "total_years" in label:
        got = prof.total_years if prof else None
        t.check("total_years_within_1y", got is not None and abs(got - label["total_years"]) <= 1.0, f,
                label["total_years"], got)
    for ind, years in label.get("industry_years", {}).items():
        got = prof.years_in(ind) if prof else None
        t.check(f"{ind}_years_within_1y", got is not None and abs(got - years) <= 1.0, f, years, got)
    for key, attr in (("skills", "skills"), ("languages", "languages"), ("certificates", "certificates")):
        if key in label:
            got_set = {x.id if key != "languages" else x.code for x in (get(attr) or ())}
            got_set.discard("")
            t.overlap(key, set(label[key]), got_set, f)


def main() -> None:
    """Command line entry."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--labels", type=Path, default=Path("tests/data/resumes/labels.jsonl"))
    ap.add_argument("--failures", action="store_true", help="list every wrong field on stderr")
    ap.add_argument("--no-ocr", action="store_true")
    ap.add_argument("--pdf-engine", default="pdfium", choices=["pdfium", "pdftotext"], help="compare PDF readers")
    a = ap.parse_args()
    rows = [json.loads(ln) for ln in a.labels.read_text(encoding="utf-8").splitlines() if ln.strip()]
    t = Tally()
    started = time.perf_counter()
    by_format: dict[str, list[int]] = {}
    for row in rows:
        as_of = date.fromisoformat(row["as_of"]) if row.get("as_of") else None
        data = (a.labels.parent / row["file"]).read_bytes()
        res = parse_file(data, row["file"], as_of=as_of, ocr=not a.no_ocr, pdf_engine=a.pdf_engine)
        before = len(t.failures)
        score(row, res.profile, res.status, t)
        fmt = row.get("format", Path(row["file"]).suffix)
        by_format.setdefault(fmt, [0, 0])
        by_format[fmt][0] += int(len(t.failures) == before)
        by_format[fmt][1] += 1
    summary = t.summary()
    out = {
        "labels": str(a.labels), "resumes": len(rows), "pdf_engine": a.pdf_engine, "seconds": round(time.perf_counter() - started, 2),
        "accuracy": summary,
        "floors": {k: {"floor": v, "value": summary.get(k), "pass": (summary.get(k) or 0) >= v} for k, v in FLOORS.items()},
        "fully_correct_by_format": {k: f"{v[0]}/{v[1]}" for k, v in sorted(by_format.items())},
        "wrong_fields": len(t.failures),
    }
    print(json.dumps(out, ensure_ascii=False, indent=1))
    if a.failures:
        for fl in t.failures:
            print(json.dumps(fl, ensure_ascii=False), file=sys.stderr)


if __name__ == "__main__":
    main()
