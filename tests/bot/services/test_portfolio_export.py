"""`rapport export --portfolio USER`: the portfolio as CSV or JSON from the command line."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from bot.domain.people import Caller, Person
from bot.services.engagements import add_people, set_up
from storage.db import Database
from tests.bot.wiring.test_cli_errors import rapport

# Real `rapport migrate` and `rapport export` processes.
pytestmark = pytest.mark.slow


def two_engagements(database: Database) -> None:
    with database.unit_of_work() as session:
        for name, lead, channel in (("Acme deal", "U0LEAD", "C0A"), ("=Initech", "U0LEAD2", "C0B")):
            engagement = set_up(
                session,
                Caller("T0RAPPORT", lead),
                name=name,
                client="A",
                provider="B",
                channel=channel,
            )
            sponsor = [Person("U0SPON", "T0RAPPORT")]
            add_people(session, engagement, sponsor, side="client", role="sponsor", weight=None)


def test_the_cli_prints_a_sponsors_portfolio_and_refuses_someone_without_one(
    tmp_path: Path,
) -> None:
    url = f"sqlite:///{tmp_path}/rapport.db"
    assert rapport("migrate", DATABASE_URL=url).returncode == 0
    database = Database(url)
    try:
        two_engagements(database)
    finally:
        database.dispose()

    printed = rapport("export", "--portfolio", "@U0SPON", DATABASE_URL=url)
    assert printed.returncode == 0, printed.stderr
    rows = list(csv.DictReader(io.StringIO(printed.stdout)))
    assert [r["engagement"] for r in rows] == ["'=Initech", "Acme deal"]  # a formula stays text
    assert {r["role"] for r in rows} == {"sponsor"} and rows[0]["client_index"] == ""

    as_json = rapport("export", "--portfolio", "U0SPON", "--format", "json", DATABASE_URL=url)
    document = json.loads(as_json.stdout)
    assert [r["engagement"] for r in document["portfolio"]] == ["=Initech", "Acme deal"]
    assert document["portfolio"][0]["client_index"] is None

    nobody = rapport("export", "--portfolio", "U0NOBODY", DATABASE_URL=url)
    assert nobody.returncode != 0 and "Traceback" not in nobody.stderr
    assert "leads or sponsors no live engagement" in nobody.stderr
    both = rapport("export", "--portfolio", "U0SPON", "--engagement", "x", DATABASE_URL=url)
    assert both.returncode != 0 and "not allowed with" in both.stderr
