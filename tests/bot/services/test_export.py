"""`rapport export` from the command line: figures per pulse as CSV or JSON, no answers."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.services.simulate import CLIENTS, populate
from storage.db import Database

# Each export is a real `rapport export` process.
pytestmark = pytest.mark.slow


def export(database: Database, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SLACK_")}
    return subprocess.run(
        [sys.executable, "-m", "bot", "export", *args],
        env={**env, "DATABASE_URL": database.url},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.fixture(scope="module")
def two_engagements(module_database: Database) -> Database:
    """Two simulated engagements, made once per backend: each test only exports them."""
    populate(module_database, 5, seed=3, name="Acme deal")
    populate(module_database, 2, seed=4, name="Other deal")
    return module_database


def test_csv_and_json_hold_the_same_figures_per_pulse(two_engagements: Database) -> None:
    as_csv = export(two_engagements, "--engagement", "acme deal", "--format", "csv")
    as_json = export(two_engagements, "--engagement", "Acme deal", "--format", "json")
    assert as_csv.returncode == as_json.returncode == 0, as_csv.stderr + as_json.stderr
    rows = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    document = json.loads(as_json.stdout)
    assert document["engagement"] == "Acme deal" and len(rows) == len(document["pulses"]) == 5
    for row, pulse in zip(rows, document["pulses"], strict=True):
        for key, value in pulse.items():
            assert row[key] == ("" if value is None else str(value)), key
    for user in CLIENTS:  # nobody's answer, nobody's name
        assert user not in as_csv.stdout and user not in as_json.stdout
    assert "comment" not in as_csv.stdout.lower()


def test_an_unknown_engagement_is_a_clear_error(two_engagements: Database) -> None:
    done = export(two_engagements, "--engagement", "Nope")
    assert done.returncode == 1 and 'no engagement called "Nope"' in done.stderr
    assert '"Acme deal" (T0SIMULATE), "Other deal" (T0SIMULATE)' in done.stderr
    assert len(done.stderr.splitlines()) == 1 and "Traceback" not in done.stderr


def test_export_never_writes_through_a_symlink_nor_over_a_file_without_force(
    two_engagements: Database, tmp_path: Path
) -> None:
    target = tmp_path / "precious.txt"
    target.write_text("keep me\n")
    link = tmp_path / "link.csv"
    link.symlink_to(target)
    for extra in ((), ("--force",)):
        done = export(two_engagements, "--engagement", "Acme deal", "--out", str(link), *extra)
        assert done.returncode == 1 and "symbolic link" in done.stderr, done.stderr
        assert len(done.stderr.splitlines()) == 1 and "Traceback" not in done.stderr
    assert target.read_text() == "keep me\n" and link.is_symlink()

    existing = tmp_path / "figures.csv"
    existing.write_text("last week's\n")
    done = export(two_engagements, "--engagement", "Acme deal", "--out", str(existing))
    assert done.returncode == 1 and "already exists; add --force" in done.stderr
    assert existing.read_text() == "last week's\n"
    done = export(two_engagements, "--engagement", "Acme deal", "--out", str(existing), "--force")
    assert done.returncode == 0, done.stderr
    assert existing.read_text().startswith("pulse,opened_at")

    fresh = tmp_path / "new.csv"
    done = export(two_engagements, "--engagement", "Acme deal", "--out", str(fresh))
    assert done.returncode == 0 and fresh.read_text() == existing.read_text()
    assert fresh.stat().st_mode & 0o077 == 0  # written for its owner only
