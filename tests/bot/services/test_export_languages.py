"""The export says how many answers carry a comment Rapport could not score, and why."""

from __future__ import annotations

import json

from sqlalchemy import select

from bot.services.export import export_rows, render
from bot.services.simulate import populate
from storage.db import Database
from storage.models import Engagement, Pulse, Response


def _unscored(database: Database, engagement_id: int, how_many: int) -> None:
    """Give `how_many` rated answers of the first pulse a comment in French, as stored."""
    with database.unit_of_work() as session:
        first = session.scalars(
            select(Pulse.id).where(Pulse.engagement_id == engagement_id).order_by(Pulse.id)
        ).first()
        answers = session.scalars(
            select(Response)
            .where(Response.pulse_id == first, Response.rating.is_not(None))
            .order_by(Response.id)
        ).all()
        for response in answers[:how_many]:
            response.comment = "Toujours aucune réponse depuis lundi."
            response.language, response.polarity, response.subjectivity = "fr", None, None


def test_unscored_answers_are_counted_per_pulse(database: Database) -> None:
    engagement_id, _ = populate(database, 2, seed=3)
    _unscored(database, engagement_id, 3)
    with database.reading() as session:
        engagement = session.get(Engagement, engagement_id)
        assert engagement is not None and engagement.anonymity_min == 3
        rows = export_rows(session, engagement)
        document = json.loads(render(session, engagement, "json"))
    assert [row["sentiment_unscored"] for row in rows] == [3, 0]
    assert document["sentiment_languages"] == ["en", "de", "es"]
    assert "rating alone counts" in document["sentiment_unscored"]


def test_a_count_below_the_anonymity_minimum_is_withheld(database: Database) -> None:
    engagement_id, _ = populate(database, 1, seed=3)
    _unscored(database, engagement_id, 1)
    with database.reading() as session:
        engagement = session.get(Engagement, engagement_id)
        assert engagement is not None
        [row] = export_rows(session, engagement)
        csv_text = render(session, engagement, "csv")
    assert row["sentiment_unscored"] is None
    assert csv_text.splitlines()[0].endswith(",sentiment_unscored")
    assert csv_text.splitlines()[1].endswith(",")
