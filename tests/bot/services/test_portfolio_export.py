"""The portfolio as CSV or JSON: from the command line (`rapport export --portfolio USER`),
and DMed through the Messenger to the sponsor who asks."""

from __future__ import annotations

import csv
import io
import json
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.domain.people import Caller, Person
from bot.services.engagements import add_people, set_up
from bot.services.portfolio_export import send_portfolio_csv
from storage.db import Database
from tests.bot.wiring.test_cli_errors import rapport
from tests.support.fake_messenger import FakeContainer, FakeMessenger, fake_container

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


SPONSOR = Caller("T0RAPPORT", "U0SPON")


@pytest.fixture
def fake() -> FakeMessenger:
    return FakeMessenger()


@pytest.fixture
def container(
    sqlite_template: Path, tmp_path: Path, fake: FakeMessenger
) -> Iterator[FakeContainer]:
    with fake_container(sqlite_template, tmp_path, fake) as made:
        yield made


def test_the_csv_is_uploaded_to_the_sponsors_dm(
    container: FakeContainer, fake: FakeMessenger
) -> None:
    two_engagements(container.database)
    assert send_portfolio_csv(container, SPONSOR) == (
        "Sent the portfolio (2 engagements) to our DM as a CSV."
    )
    (upload,) = fake.uploads
    assert upload.channel == "D0SPON" and upload.filename.startswith("rapport-portfolio-")
    assert upload.content is not None
    rows = list(csv.DictReader(io.StringIO(upload.content)))
    assert [r["engagement"] for r in rows] == ["'=Initech", "Acme deal"]


def test_a_csv_slack_does_not_take_says_why_and_that_nothing_was_sent(
    container: FakeContainer, fake: FakeMessenger, caplog: pytest.LogCaptureFixture
) -> None:
    two_engagements(container.database)
    fake.fail("upload", "refused", "not_allowed_token_type")
    with caplog.at_level(logging.WARNING, "bot.services.portfolio_export"):
        reply = send_portfolio_csv(container, SPONSOR)
    assert reply.startswith("I couldn't send you the portfolio CSV (not_allowed_token_type).")
    assert "portfolio CSV for U0SPON failed: not_allowed_token_type" in caplog.messages


def test_someone_with_no_portfolio_gets_no_file(
    container: FakeContainer, fake: FakeMessenger
) -> None:
    send_portfolio_csv(container, Caller("T0RAPPORT", "U0NOBODY"))
    assert fake.calls == []
