"""The weekly digest's rows: closed pulses, sponsors, one claim per sponsor and week, answers."""

from __future__ import annotations

from datetime import date, timedelta

from storage import digest_claims, digests
from storage.db import Database
from storage.models import DigestDelivery, Response
from tests.storage.rows import CREATED, add_engagement, add_member, add_pulse

WEEK = date(2026, 3, 2)


def test_closed_pulses_oldest_first_and_the_baselines_first_few(database: Database) -> None:
    with database.unit_of_work() as session:
        deal = add_engagement(session)
        closed = [
            add_pulse(session, deal, status="closed", opened_at=CREATED - timedelta(weeks=w)).id
            for w in (1, 3, 2)
        ]
        add_pulse(session, deal)
        deal_id = deal.id
    oldest_first = [closed[1], closed[2], closed[0]]
    with database.reading() as session:
        assert [p.id for p in digests.all_closed(session, deal_id)] == oldest_first
        assert [p.id for p in digests.first_closed(session, deal_id, 2)] == oldest_first[:2]


def test_a_sponsors_week_is_claimed_once_and_settled(database: Database) -> None:
    with database.unit_of_work() as session:
        deal = add_engagement(session)
        sponsor = add_member(session, deal, "U_S", role="sponsor")
        add_member(session, deal, "U_AWAY", role="sponsor", status="unreachable")
        add_member(session, deal, "U_M")
        deal_id, sponsor_id = deal.id, sponsor.id
    with database.unit_of_work() as session:
        assert [m.user_id for m in digests.active_sponsors(session, deal_id)] == ["U_S"]
        assert [m.id for m in digests.sponsors_without_digest(session, deal_id, WEEK)] == [
            sponsor_id
        ]
        claim = digests.claim_week(session, deal_id, sponsor_id, WEEK, CREATED)
        assert claim is not None
        assert digests.claim_week(session, deal_id, sponsor_id, WEEK, CREATED) is None
        assert digests.sponsors_without_digest(session, deal_id, WEEK) == []
        assert digests.sponsors_without_digest(session, deal_id, WEEK + timedelta(weeks=1))
        digest_claims.finish(session, DigestDelivery, claim, sent_at=None, error="not_in_channel")
    with database.reading() as session:
        row = session.get_one(DigestDelivery, claim)
        assert (row.status, row.error, row.sent_at) == ("failed", "not_in_channel", None)


def test_a_sponsor_of_several_engagements_gets_the_portfolio_digest_instead(
    database: Database,
) -> None:
    with database.unit_of_work() as session:
        one, two = add_engagement(session, "One"), add_engagement(session, "Two")
        add_member(session, one, "U_S", role="sponsor")
        add_member(session, two, "U_S", role="sponsor")
        single = add_member(session, one, "U_ONLY", role="sponsor")
        one_id, single_id = one.id, single.id
    with database.reading() as session:
        assert [m.id for m in digests.sponsors_without_digest(session, one_id, WEEK)] == [single_id]
        assert [e.name for e in digests.engagements_with_sponsors(session)] == ["One", "Two"]


def test_own_answers_to_closed_pulses_newest_first(database: Database) -> None:
    with database.unit_of_work() as session:
        deal = add_engagement(session)
        ana = add_member(session, deal, "U_ANA")
        for weeks, rating in [(2, 3), (1, 5)]:
            pulse = add_pulse(
                session,
                deal,
                status="closed",
                opened_at=CREATED - timedelta(weeks=weeks),
                closed_at=CREATED - timedelta(weeks=weeks) + timedelta(days=3),
            )
            session.add(Response(pulse_id=pulse.id, member_id=ana.id, rating=rating, comment="ok"))
        session.add(Response(pulse_id=add_pulse(session, deal).id, member_id=ana.id, rating=1))
        ana_id = ana.id
    with database.reading() as session:
        answers = digests.own_answers(session, ana_id, 5)
        assert [(a.rating, a.comment) for a in answers] == [(5, "ok"), (3, "ok")]
        assert digests.own_answers(session, ana_id, 1)[0].rating == 5


def test_unscored_comments_are_counted_per_pulse(database: Database) -> None:
    with database.unit_of_work() as session:
        deal = add_engagement(session)
        pulse = add_pulse(session, deal)
        people = [add_member(session, deal, f"U{i}") for i in range(3)]
        session.add(
            Response(
                pulse_id=pulse.id, member_id=people[0].id, rating=3, comment="Bof", language="fr"
            )
        )
        session.add(
            Response(
                pulse_id=pulse.id,
                member_id=people[1].id,
                rating=3,
                comment="Bad",
                language="en",
                polarity=-0.5,
            )
        )
        session.add(
            Response(pulse_id=pulse.id, member_id=people[2].id, comment="Nul", language="fr")
        )
        pulse_id = pulse.id
    with database.reading() as session:
        assert digests.unscored_comment_counts(session, [pulse_id]) == {pulse_id: 1}
        assert digests.unscored_comment_counts(session, [pulse_id + 1]) == {}


def test_engagements_by_name_across_workspaces(database: Database) -> None:
    with database.unit_of_work() as session:
        add_engagement(session, "acme deal", team="T0GLOBEX")
        add_engagement(session, "Acme deal")
        add_engagement(session, "Beta")
    with database.reading() as session:
        assert [e.team_id for e in digests.engagements_named(session, "ACME DEAL", None)] == [
            "T0ACME",
            "T0GLOBEX",
        ]
        assert len(digests.engagements_named(session, "acme deal", "T0ACME")) == 1
        assert digests.engagement_names(session) == [
            ("Acme deal", "T0ACME"),
            ("acme deal", "T0GLOBEX"),
            ("Beta", "T0ACME"),
        ]
