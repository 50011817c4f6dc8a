"""Drivers at close, over HTTP: per side in the alert and digest, only at the minimum or above."""

from __future__ import annotations

import json
import re
from typing import Any

from sqlalchemy import select

from storage.models import PublishedDriver
from tests.support import flows
from tests.support.digests_flow import SPONSOR, dm_posts
from tests.support.running import RunningApp

DRIVERS_LINE = re.compile(r"What is driving it — [^\n]*?\.(?=\n|$)")


def published(rapport: RunningApp) -> dict[tuple[int, str, str], tuple[int, int]]:
    with rapport.database.reading() as session:
        rows = session.scalars(select(PublishedDriver)).all()
        return {(r.pulse_id, r.side, r.driver): (r.people, r.named) for r in rows}


def alert_post(rapport: RunningApp) -> str:
    """The divergence alert as posted in the shared channel."""
    posts = [words(p) for p in flows.channel_posts(rapport)]
    found = [p for p in posts if "The two sides see the relationship differently" in p]
    assert len(found) == 1, posts
    return found[0]


def digest_text(rapport: RunningApp) -> str:
    reply = rapport.slack.command("digest", user=SPONSOR, channel="D0SPON")
    assert "in our DM" in reply.text, reply.text
    rapport.settle()
    return words(dm_posts(rapport, SPONSOR)[-1])


def words(params: dict[str, Any]) -> str:
    """Every text in a message's blocks, one per line, as people read them."""
    found: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "text" and isinstance(value, str):
                    found.append(value)
                else:
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    blocks = params["blocks"]
    walk(json.loads(blocks) if isinstance(blocks, str) else blocks)
    return "\n".join(found)


def line_in(text: str) -> str:
    found = DRIVERS_LINE.findall(text)
    assert len(found) == 1, text
    return str(found[0])


def close_with_drivers(
    rapport: RunningApp, client: dict[str, list[str]], provider: dict[str, list[str]]
) -> None:
    """The client side unhappy, the provider fine; drivers picked as given; then close."""
    flows.engagement_with_people(rapport)
    flows.add(rapport, (SPONSOR,), "client", "sponsor")
    flows.answer_round(rapport, [2, 2, 1], [5, 4, 5])
    for user, picks in {**client, **provider}.items():
        flows.pick_drivers(rapport, user, picks)
    assert "Closed the pulse" in flows.close(rapport)
    rapport.settle()


def test_a_side_below_the_minimum_shows_no_driver_in_the_alert_or_the_digest(
    rapport_http: RunningApp,
) -> None:
    rapport = rapport_http
    flows.engagement_with_people(rapport)
    flows.add(rapport, (SPONSOR,), "client", "sponsor")
    flows.answer_round(rapport, [2, 2, 1], [5, 4, 5])
    flows.pick_drivers(rapport, "U0CLI1", ["responsiveness"])
    flows.pick_drivers(rapport, "U0CLI2", ["responsiveness", "communication"])
    # The third says it in a comment instead of picking: it counts the same, once.
    flows.comment(rapport, "U0CLI3", "We wait days for a reply to every ticket.")
    # Only two on the provider side name a driver: below the minimum of three.
    flows.pick_drivers(rapport, "U0PRO1", ["expectations"])
    flows.pick_drivers(rapport, "U0PRO2", ["expectations"])
    assert "Closed the pulse" in flows.close(rapport)
    rapport.settle()

    expected = (
        "What is driving it — client: responsiveness, 3 of 3; "
        "provider: not shown (fewer than 3 named a driver)."
    )
    alert = alert_post(rapport)
    assert line_in(alert) == expected
    assert line_in(digest_text(rapport)) == expected
    assert "expectations" not in alert.lower()
    stored = published(rapport)
    assert {side for _, side, _ in stored} == {"client"}  # nothing kept for the provider side
    assert stored[(1, "client", "responsiveness")] == (3, 3)
    assert stored[(1, "client", "communication")] == (1, 3)


def test_the_alert_and_the_digest_say_where_the_sides_disagree_in_the_same_words(
    rapport_http: RunningApp,
) -> None:
    rapport = rapport_http
    close_with_drivers(
        rapport,
        {"U0CLI1": ["responsiveness"], "U0CLI2": ["responsiveness"], "U0CLI3": ["value"]},
        {"U0PRO1": ["expectations"], "U0PRO2": ["expectations", "value"], "U0PRO3": ["people"]},
    )
    expected = (
        "What is driving it — client: responsiveness, 2 of 3; provider: expectations, 2 of 3"
        " — you are not arguing about the same thing."
    )
    assert line_in(alert_post(rapport)) == expected
    assert line_in(digest_text(rapport)) == expected


def test_both_sides_below_the_minimum_show_no_drivers_line(rapport: RunningApp) -> None:
    close_with_drivers(rapport, {"U0CLI1": ["value"]}, {"U0PRO1": ["value"]})
    assert "What is driving it" not in alert_post(rapport)
    assert "What is driving it" not in digest_text(rapport)
    assert published(rapport) == {}


def test_the_pulse_dm_after_close_does_not_reopen_the_counts(rapport: RunningApp) -> None:
    """Published once: a later pick is refused and the stored counts stay as they were."""
    close_with_drivers(
        rapport,
        {"U0CLI1": ["value"], "U0CLI2": ["value"], "U0CLI3": ["people"]},
        {},
    )
    before = published(rapport)
    assert before[(1, "client", "value")] == (2, 3)
    refused = flows.pick_drivers(rapport, "U0CLI3", ["value"])
    assert "has closed" in refused.text
    rapport.slack.command("config anonymity=5")
    rapport.settle()
    assert published(rapport) == before
