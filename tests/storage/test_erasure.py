"""Forgetting a person and deleting old comments: the text goes, published figures stay."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

from storage import erasure
from storage.db import Database
from storage.models import Delivery, Engagement, Member, Pulse, Response
from tests.storage.rows import CREATED, add_delivery, add_engagement, add_member, add_pulse


def test_a_forgotten_person_leaves_a_nameless_stand_in_with_their_answers(
    database: Database,
) -> None:
    with database.unit_of_work() as session:
        deal = add_engagement(session)
        ana = add_member(session, deal, "U_ANA", side="provider", weight=2.0)
        other = add_engagement(session, "Other")
        add_member(session, other, "U_ANA")
        pulse = add_pulse(session, deal)
        add_delivery(session, pulse, ana, channel_id="D_ANA", message_ts="1.1", status="sent")
        session.add(Response(pulse_id=pulse.id, member_id=ana.id, rating=2, comment="Slow"))
        earlier = add_pulse(session, deal, status="closed", opened_at=CREATED - timedelta(weeks=1))
        session.add(Response(pulse_id=earlier.id, member_id=ana.id, rating=4))
        ana_id, engagements = ana.id, [deal.id, other.id]
    with database.reading() as session:
        found = erasure.memberships(session, "T0ACME", "U_ANA")
        assert [m.engagement_id for m in found] == engagements
        assert erasure.open_dms(session, ana_id) == [("D_ANA", "1.1")]
    with database.unit_of_work() as session:
        assert erasure.forget_member(session, session.get_one(Member, ana_id)) == (1, 2)
    with database.reading() as session:
        assert session.get(Member, ana_id) is None
        answers = session.scalars(select(Response).order_by(Response.id)).all()
        assert [(r.rating, r.comment) for r in answers] == [(2, None), (4, None)]
        stand_in = session.get_one(Member, answers[0].member_id)
        assert (stand_in.side, stand_in.weight, stand_in.team_id) == ("provider", 2.0, "")
        assert stand_in.status == "removed" and "U_ANA" not in stand_in.user_id
        dm = session.scalars(select(Delivery)).one()
        assert dm.member_id == stand_in.id and dm.channel_id is None and dm.message_ts is None
        assert len(erasure.memberships(session, "T0ACME", "U_ANA")) == 1


def test_comments_older_than_the_retention_are_deleted_and_ratings_kept(
    database: Database,
) -> None:
    with database.unit_of_work() as session:
        deal = add_engagement(session)
        ben = add_member(session, deal, "U_BEN")
        old = add_pulse(session, deal, status="closed", opened_at=CREATED - timedelta(days=200))
        new = add_pulse(session, deal)
        session.add(
            Response(pulse_id=old.id, member_id=ben.id, rating=3, comment="Old", polarity=0.1)
        )
        session.add(Response(pulse_id=new.id, member_id=ben.id, rating=5, comment="New"))
        deal_id = deal.id
    with database.unit_of_work() as session:
        deal = session.get_one(Engagement, deal_id)
        assert erasure.delete_old_comments(session, deal, CREATED - timedelta(days=180)) == 1
    with database.reading() as session:
        rows = session.execute(
            select(Response.rating, Response.comment, Response.polarity).order_by(Response.id)
        ).all()
        assert [tuple(row) for row in rows] == [(3, None, None), (5, "New", None)]


def test_deleting_an_engagement_takes_everything_of_it(database: Database) -> None:
    with database.unit_of_work() as session:
        deal = add_engagement(session)
        add_pulse(session, deal)
        add_member(session, deal, "U1")
        kept = add_engagement(session, "Kept")
        add_pulse(session, kept)
        deal_id = deal.id
    with database.unit_of_work() as session:
        assert erasure.delete_engagement(session, deal_id)
    with database.unit_of_work() as session:
        assert not erasure.delete_engagement(session, deal_id)
    with database.reading() as session:
        assert session.scalar(select(func.count()).select_from(Pulse)) == 1
        assert session.scalar(select(func.count()).select_from(Member)) == 0
