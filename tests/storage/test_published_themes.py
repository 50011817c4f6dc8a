"""Published themes: found from a side's comments once at close, none for a withheld side."""

from __future__ import annotations

from sqlalchemy import update

from storage.db import Database
from storage.models import Response
from storage.published import publish
from storage.published_themes import publish_themes, published_themes
from tests.storage.rows import add_delivery, add_engagement, add_member, add_pulse

CLIENT = [
    "The month-end close is always late.",
    "Month-end close slipped again.",
    "The month-end close was late and the reports were wrong.",
    "Great team.",
]
PROVIDER = ["The month-end close is fine.", "Month-end close went well."]


def closed_pulse(database: Database) -> int:
    with database.unit_of_work() as session:
        deal = add_engagement(session)
        pulse = add_pulse(session, deal, status="closed")
        people = [("client", text) for text in CLIENT] + [("provider", t) for t in PROVIDER]
        for i, (side, text) in enumerate(people):
            member = add_member(session, deal, f"U{i}", side=side)
            add_delivery(session, pulse, member, status="sent")
            session.add(
                Response(
                    pulse_id=pulse.id,
                    member_id=member.id,
                    rating=3,
                    score=50,
                    comment=text,
                    polarity=-0.5,
                    language="en",
                )
            )
        return pulse.id


def test_a_theme_two_or_more_raised_is_kept_and_a_withheld_side_has_none(
    database: Database,
) -> None:
    pulse_id = closed_pulse(database)
    with database.unit_of_work() as session:
        publish(session, pulse_id, 3)
    with database.reading() as session:
        themes = published_themes(session, [pulse_id])[pulse_id]
    assert [(t.phrase, t.people) for t in themes["client"]] == [("month-end close", 3)]
    assert themes.get("provider", []) == []


def test_themes_are_not_found_again_from_later_comments(database: Database) -> None:
    pulse_id = closed_pulse(database)
    with database.unit_of_work() as session:
        figures = publish(session, pulse_id, 3)
    with database.unit_of_work() as session:
        session.execute(update(Response).values(comment="Invoices are wrong."))
        again = publish_themes(session, pulse_id, figures, 3)
        assert [t.phrase for t in again["client"]] == ["month-end close"]
    with database.reading() as session:
        themes = published_themes(session, [pulse_id])[pulse_id]
        assert themes["client"][0].phrase == "month-end close"
        assert published_themes(session, []) == {}
        assert published_themes(session, [pulse_id + 1]) == {}
