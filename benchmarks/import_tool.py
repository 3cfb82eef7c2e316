"""Benchmark of the import tool and webhook signing; prints JSON. Not collected by pytest (no test_ prefix).

Run: PYTHONPATH=src python benchmarks/import_tool.py [path/to/ibm_hr_employee_attrition.csv]
Baselines measured in the same run: pandas.read_csv (reading only) and dateutil.parser (date parsing).
"""

from __future__ import annotations

import csv
import io
import json
import statistics
import sys
import time
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data" / "hr"
IBM = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/work/shared/data/hr/ibm_hr_employee_attrition.csv")

MESSY_DATES = ["2024/3/5", "05-03-24", "2024年3月5日", "2024-03-05", "45356", "20240305", "5 Mar 2024",
               "2024.03.05", "５/３/２０２４", "2024-03-05 00:00:00"]


def _median_s(fn, repeat: int = 5) -> float:  # noqa: ANN001
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    """Measure and print one JSON object."""
    import pandas as pd
    from dateutil import parser as du

    from hireloop.integrations.importing import IBM_HR_ATTRITION, plan_import
    from hireloop.integrations.importing.coerce import parse_date
    from hireloop.integrations.importing.reading import detect_encoding, read_table, sniff_delimiter
    from hireloop.integrations.webhooks import generate_secret, signed_headers

    data = IBM.read_bytes()
    plan_s = _median_s(lambda: plan_import(data, IBM.name, IBM_HR_ATTRITION))
    read_s = _median_s(lambda: read_table(data, IBM.name, set()))
    pandas_s = _median_s(lambda: pd.read_csv(io.BytesIO(data)))

    ours_ok = 0
    for text in MESSY_DATES:
        try:
            ours_ok += parse_date(text).isoformat() == "2024-03-05"
        except ValueError:
            pass
    dateutil_ok = 0
    for text in MESSY_DATES:
        try:
            dateutil_ok += du.parse(text, dayfirst=True).date().isoformat() == "2024-03-05"
        except (ValueError, OverflowError):
            pass

    gbk = (DATA / "exits_gbk.csv").read_bytes()
    sniffer_hits = ours_hits = 0
    samples = {",": (DATA / "employees_messy.csv").read_bytes().decode("utf-8-sig"), ";": "a;b;c\n1;2,5;x\n",
               "\t": "工号\t姓名\n1\t张三\n", "|": "id|name\n1|a b\n"}
    for delim, text in samples.items():
        ours_hits += sniff_delimiter(text) == delim
        try:
            sniffer_hits += csv.Sniffer().sniff(text, delimiters=",;\t|").delimiter == delim
        except csv.Error:
            pass

    secret, body = generate_secret(), b'{"type":"application.hired","data":{"application_id":"app_1"}}'
    sign_s = _median_s(lambda: [signed_headers(secret, "msg_1", 1_700_000_000, body) for _ in range(1000)])

    rows = 1470
    print(json.dumps({
        "ibm_rows": rows,
        "plan_import_ibm_s": round(plan_s, 4),
        "plan_import_rows_per_s": round(rows / plan_s),
        "read_table_ibm_s": round(read_s, 4),
        "pandas_read_csv_ibm_s": round(pandas_s, 4),
        "read_vs_pandas_ratio": round(read_s / pandas_s, 2),
        "messy_dates_parsed_correctly": {"ours": ours_ok, "dateutil_dayfirst": dateutil_ok,
                                         "of": len(MESSY_DATES)},
        "gbk_fixture_encoding": detect_encoding(gbk),
        "delimiter_sniffing_correct": {"ours": ours_hits, "csv_sniffer": sniffer_hits, "of": len(samples)},
        "webhook_signatures_per_s": round(1000 / sign_s),
    }, ensure_ascii=False))


if __name__ == "__main__":
    main()
