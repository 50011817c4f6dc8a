"""Each person's Slack locale: kept on every row of theirs, read back, refreshed when stale."""

from __future__ import annotations

from datetime import timedelta

from storage import locales
from storage.db import Database
from tests.storage.rows import CREATED, add_engagement, add_member


def test_a_locale_is_kept_on_every_row_of_the_person(database: Database) -> None:
    with database.unit_of_work() as session:
        first, second = add_engagement(session, "One"), add_engagement(session, "Two")
        add_member(session, first, "U1")
        add_member(session, second, "U1")
        add_member(session, first, "U2")
        first_id, second_id = first.id, second.id
    with database.unit_of_work() as session:
        locales.remember(session, "T0ACME", "U1", "de-DE", CREATED)
    with database.reading() as session:
        assert locales.locale_of(session, "T0ACME", "U1") == "de-DE"
        assert locales.locale_on(session, first_id, "U1") == "de-DE"
        assert locales.locale_on(session, second_id, "U1") == "de-DE"
        assert locales.locale_of(session, "T0ACME", "U2") is None
        assert locales.locale_of(session, "T0OTHER", "U1") is None


def test_slack_saying_nothing_keeps_the_last_locale_but_counts_as_asked(
    database: Database,
) -> None:
    with database.unit_of_work() as session:
        add_member(session, add_engagement(session), "U1")
        locales.remember(session, "T0ACME", "U1", "fr-FR", CREATED)
    with database.unit_of_work() as session:
        locales.remember(session, "T0ACME", "U1", None, CREATED + timedelta(days=2))
    with database.reading() as session:
        assert locales.locale_of(session, "T0ACME", "U1") == "fr-FR"
        assert locales.due_for_refresh(session, CREATED + timedelta(days=1), 10) == []


def test_people_not_asked_lately_are_due_oldest_first_and_once(database: Database) -> None:
    with database.unit_of_work() as session:
        one, two = add_engagement(session, "One"), add_engagement(session, "Two")
        add_member(session, one, "U_OLD", added_at=CREATED - timedelta(days=9))
        add_member(session, two, "U_OLD", added_at=CREATED - timedelta(days=9))
        add_member(session, one, "U_OLDER", added_at=CREATED - timedelta(days=20))
        add_member(session, one, "U_NEW", added_at=CREATED)
        add_member(session, one, "U_GONE", added_at=CREATED - timedelta(days=30), status="removed")
    with database.reading() as session:
        due = locales.due_for_refresh(session, CREATED - timedelta(days=1), 10)
        assert due == [("T0ACME", "U_OLDER"), ("T0ACME", "U_OLD")]
        assert locales.due_for_refresh(session, CREATED - timedelta(days=1), 1) == due[:1]
