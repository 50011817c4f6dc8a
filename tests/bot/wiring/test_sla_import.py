"""`rapport sla import FILE.csv` as an operator runs it: every row or none, one line on error."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select

from storage.db import Database
from storage.models import SlaRecord
from tests.bot.wiring.test_cli import clean_env
from tests.support.processes import engagement_with

RAPPORT = [sys.executable, "-m", "bot"]
HISTORY = """period,status,note,metric,value,target,higher_is_better
2026-09-07,green,all targets met,,,,
2026-09-14,,,P1 resolution,97.1,99.5,true
2026-09-21,,,P2 response hours,9,4,false
"""


def run_import(database: Database, csv: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*RAPPORT, "sla", "import", str(csv), "--engagement", "Acme deal", *extra],
        env=clean_env(DATABASE_URL=database.url),
        capture_output=True,
        text=True,
        timeout=60,
    )


def kept(database: Database) -> list[tuple[str, str, str]]:
    with database.reading() as session:
        rows = session.scalars(select(SlaRecord).order_by(SlaRecord.recorded_at)).all()
        return [(r.recorded_at.date().isoformat(), r.status, r.source) for r in rows]


def test_import_loads_history_with_derived_colours(database: Database, tmp_path: Path) -> None:
    engagement_with(
        database, 6, schedule="weekly tue 10:00", created=datetime(2026, 9, 1, tzinfo=UTC)
    )
    csv = tmp_path / "sla.csv"
    csv.write_text(HISTORY)
    result = run_import(database, csv)
    assert result.returncode == 0, result.stderr
    assert "Imported 3 SLA facts into Acme deal." in result.stdout
    assert kept(database) == [
        ("2026-09-07", "green", "import"),
        ("2026-09-14", "amber", "import"),
        ("2026-09-21", "red", "import"),
    ]


def test_a_bad_row_names_row_and_field_and_imports_nothing(
    database: Database, tmp_path: Path
) -> None:
    engagement_with(
        database, 6, schedule="weekly tue 10:00", created=datetime(2026, 9, 1, tzinfo=UTC)
    )
    csv = tmp_path / "sla.csv"
    csv.write_text(HISTORY + "2026-09-28,,,Availability,high,99.9,true\n")
    result = run_import(database, csv)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert lines == [
        "rapport sla import: sla.csv, row 5: value must be a number. Nothing was imported."
    ]
    assert kept(database) == []
    missing = run_import(database, tmp_path / "absent.csv")
    assert missing.returncode == 1 and "Traceback" not in missing.stderr
    assert len(missing.stderr.strip().splitlines()) == 1
    unknown = subprocess.run(
        [*RAPPORT, "sla", "import", str(csv), "--engagement", "Nope"],
        env=clean_env(DATABASE_URL=database.url),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert unknown.returncode == 1 and 'no engagement called "Nope"' in unknown.stderr
