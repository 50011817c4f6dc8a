"""A comment is read in its own language, or kept unscored when Rapport has no scorer for it."""

from __future__ import annotations

import json

from sqlalchemy import select

from storage.models import Response
from tests.support import flows
from tests.support.running import RunningApp


def _comment(rapport: RunningApp, rating: int, text: str) -> Response:
    flows.engagement_with_people(rapport)
    flows.send(rapport)
    flows.click(rapport, "U0CLI1", f"pulse.rate.{rating}")
    flows.click(rapport, "U0CLI1", "pulse.comment")
    [opened] = rapport.standin.calls_to("views.open")
    view = opened.params["view"]
    view = json.loads(view) if isinstance(view, str) else view
    values = {"comment": {"text": {"type": "plain_text_input", "value": text}}}
    reply = rapport.slack.submit(
        "pulse.comment", values, user="U0CLI1", private_metadata=view["private_metadata"]
    )
    rapport.settle()
    assert reply.status == 200 and not reply.body
    with rapport.database.reading() as session:
        [response] = session.scalars(select(Response)).all()
        session.expunge(response)
    return response


def test_a_german_comment_is_read_with_the_german_rules(rapport: RunningApp) -> None:
    # Read with the English lexicon this scored -0.60: "Die" taken for the verb.
    response = _comment(rapport, 4, "Die Zusammenarbeit ist toll, alle antworten schnell.")
    assert response.language == "de"
    assert response.polarity is not None and response.polarity > 0.3
    assert response.score is not None and response.score > 75.0


def test_a_spanish_complaint_is_negative(rapport: RunningApp) -> None:
    response = _comment(rapport, 3, "Seguimos esperando la respuesta desde hace dos semanas.")
    assert response.language == "es"
    assert response.polarity is not None and response.polarity < -0.3
    assert response.score is not None and response.score < 50.0


def test_a_comment_in_a_language_without_a_scorer_is_stored_unscored(
    rapport: RunningApp,
) -> None:
    response = _comment(rapport, 2, "Toujours aucune réponse depuis lundi, c'est pénible.")
    assert response.comment is not None and response.comment.startswith("Toujours")
    assert response.language == "fr"
    assert (response.polarity, response.subjectivity) == (None, None)
    assert response.score == 25.0  # the rating alone
    assert "Comment saved" in json.dumps(
        rapport.standin.calls_to("chat.update")[-1].params["blocks"]
    )


def test_an_english_comment_keeps_its_english_reading(rapport: RunningApp) -> None:
    response = _comment(rapport, 3, "They missed the SLA again and we had to escalate.")
    assert response.language == "en"
    assert response.polarity is not None and response.polarity < 0
