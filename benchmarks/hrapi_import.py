"""Time the database side of an import: the IBM HR export (1470 employees, 237 exits) planned, applied, and
applied again (a no-op upsert), on a fresh SQLite database (or HIRELOOP_BENCH_DB). Prints JSON.

    PYTHONPATH=src python benchmarks/hrapi_import.py [path/to/ibm_hr_employee_attrition.csv]
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path

from hireloop.accounts import service as accounts
from hireloop.accounts.actor import system_actor
from hireloop.config import Settings
from hireloop.db import dispose_engines, unit_of_work
from hireloop.integrations import imports
from hireloop.migrate import upgrade

DEFAULT = Path(__file__).resolve().parents[2] / "shared/data/hr/ibm_hr_employee_attrition.csv"


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    data = path.read_bytes()
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(database_url=os.environ.get("HIRELOOP_BENCH_DB", f"sqlite:///{tmp}/bench.db"))
        upgrade(settings)
        with unit_of_work(settings) as uow:
            org = accounts.create_organization(uow.session, name="Bench", slug=f"bench-{time.time_ns()}")
            uow.commit()
            actor = system_actor(org.id, "bench")
        timings = {}
        for label, dry in (("dry_run_s", True), ("first_apply_s", False), ("second_apply_s", False)):
            start = time.perf_counter()
            with unit_of_work(settings) as uow:
                outcome = imports.run_import(uow.session, actor, file_bytes=data, filename=path.name,
                                             mapping_name="ibm_hr_attrition", dry_run=dry)
                uow.commit()
            timings[label] = round(time.perf_counter() - start, 3)
            timings[label.replace("_s", "_changes")] = {k: v for k, v in outcome.changes.items() if any(v.values())}
        dispose_engines()
    print(json.dumps({"file": path.name, "rows": outcome.plan.rows_read, "database": settings.database_url.split(":")[0],
                      **timings}, ensure_ascii=False))


if __name__ == "__main__":
    main()
