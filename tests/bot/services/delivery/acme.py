"""The Acme deal with a pulse open (or sent), so the senders run in process on a fake
messenger (`tests/support/fake_messenger.py`)."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.domain.people import Caller, Person
from bot.services.delivery.pulse_dms import deliver
from bot.services.engagements import add_people, set_up
from bot.services.pulses import open_pulse, record_answer
from storage.db import Database
from tests.support.fake_messenger import FakeMessenger

NOW = datetime(2031, 1, 6, 9, 0, tzinfo=UTC)
LEAD = "U0LEAD"
CHANNEL = "C0ALERTS"
CLIENTS = ("U0CLI1", "U0CLI2", "U0CLI3")
PROVIDERS = ("U0PRO1", "U0PRO2", "U0PRO3")
TEAM = "T0RAPPORT"


def engagement_with_pulse(database: Database, sponsor: str | None = None) -> int:
    """The Acme deal (three people a side, alerts in C0ALERTS) with a pulse just opened."""
    with database.unit_of_work() as session:
        engagement = set_up(
            session,
            Caller(TEAM, LEAD),
            name="Acme deal",
            client="Acme",
            provider="Globex",
            channel=CHANNEL,
        )
        for side, users in (("client", CLIENTS), ("provider", PROVIDERS)):
            people = [Person(u, TEAM) for u in users]
            add_people(session, engagement, people, side=side, role=None, weight=None)
        if sponsor is not None:
            people = [Person(sponsor, TEAM)]
            add_people(session, engagement, people, side="client", role="sponsor", weight=None)
        return open_pulse(session, engagement, started_by="test", now=NOW).id


def sent_pulse(database: Database, messenger: FakeMessenger, sponsor: str | None = None) -> int:
    """`engagement_with_pulse` with every DM delivered through `messenger`."""
    pulse_id = engagement_with_pulse(database, sponsor)
    result = deliver(database, messenger, pulse_id, lambda: NOW)
    assert result.sent == len(CLIENTS) + len(PROVIDERS) + 1
    return pulse_id


def answered(database: Database, pulse_id: int, client: list[int], provider: list[int]) -> None:
    """Each side's ratings, in the order of CLIENTS and PROVIDERS."""
    with database.unit_of_work() as session:
        for users, ratings in ((CLIENTS, client), (PROVIDERS, provider)):
            for user, rating in zip(users, ratings, strict=True):
                record_answer(
                    session, pulse_id=pulse_id, team_id=TEAM, user_id=user, now=NOW, rating=rating
                )
