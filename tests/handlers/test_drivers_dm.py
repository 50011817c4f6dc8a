"""Drivers in the pulse DM: offered after a rating, one or two picks, editable until close."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

from sqlalchemy import select

from bot.domain.vocabulary import utcnow
from storage.models import Member, Response
from tests.support import flows
from tests.support.running import RunningApp


def stored(rapport: RunningApp) -> dict[str, tuple[int | None, str | None, str | None]]:
    with rapport.database.reading() as session:
        rows = session.execute(
            select(
                Member.user_id, Response.rating, Response.drivers, Response.comment_drivers
            ).join(Member)
        ).all()
    return {user: (rating, drivers, tagged) for user, rating, drivers, tagged in rows}


def last_update(rapport: RunningApp) -> str:
    return json.dumps(rapport.standin.redraws()[-1]["blocks"])


def test_the_question_comes_after_a_rating_and_the_picks_are_stored_and_shown(
    rapport_http: RunningApp,
) -> None:
    rapport = rapport_http
    flows.engagement_with_people(rapport)
    flows.send(rapport)
    first = json.dumps(flows.dms_to(rapport.standin, "U0CLI1")[0].params["blocks"])
    assert "What is driving this most?" not in first
    flows.click(rapport, "U0CLI1", "pulse.rate.2")
    offered = last_update(rapport)
    assert "What is driving this most?" in offered and '"max_selected_items": 2' in offered
    assert offered.count('"value": "') >= 7  # seven choices
    reply = flows.pick_drivers(rapport, "U0CLI1", ["responsiveness", "communication"])
    assert reply.status == 200 and not reply.text
    assert stored(rapport)["U0CLI1"] == (2, "responsiveness,communication", None)
    shown = last_update(rapport)
    assert "Driving it most: responsiveness, communication." in shown
    assert '"initial_options"' in shown  # the picks stay selected in the DM
    # Editable until close: a new choice replaces the old; clearing it leaves none.
    flows.pick_drivers(rapport, "U0CLI1", ["expectations"])
    assert stored(rapport)["U0CLI1"] == (2, "expectations", None)
    flows.pick_drivers(rapport, "U0CLI1", [])
    assert stored(rapport)["U0CLI1"] == (2, None, None)
    # Changing the rating keeps the drivers; a repeated pick is stored once.
    flows.pick_drivers(rapport, "U0CLI1", ["value"])
    flows.pick_drivers(rapport, "U0CLI1", ["value"])
    flows.click(rapport, "U0CLI1", "pulse.rate.3")
    assert stored(rapport)["U0CLI1"] == (3, "value", None)


def test_three_picks_or_an_unknown_driver_are_refused(rapport: RunningApp) -> None:
    flows.engagement_with_people(rapport)
    flows.send(rapport)
    flows.click(rapport, "U0CLI1", "pulse.rate.2")
    for picks in (["value", "people", "communication"], ["gossip"]):
        reply = flows.pick_drivers(rapport, "U0CLI1", picks)
        assert "at most two of the listed drivers" in reply.text and reply.ephemeral
    assert stored(rapport)["U0CLI1"] == (2, None, None)


def test_picks_after_close_or_after_removal_are_refused_like_ratings(rapport: RunningApp) -> None:
    flows.engagement_with_people(rapport)
    flows.send(rapport)
    flows.click(rapport, "U0CLI1", "pulse.rate.2")
    flows.click(rapport, "U0CLI2", "pulse.rate.2")
    rapport.slack.command("remove <@U0CLI2|cli2>")
    rapport.settle()
    removed = flows.pick_drivers(rapport, "U0CLI2", ["value"])
    assert "no longer on Acme – Globex" in removed.text
    rapport.clock.frozen = utcnow() + timedelta(days=4)
    late = flows.pick_drivers(rapport, "U0CLI1", ["value"])
    assert "has closed" in late.text
    assert stored(rapport)["U0CLI1"] == (2, None, None)
    assert stored(rapport)["U0CLI2"] == (2, None, None)
    stranger = rapport.slack.select(
        "pulse.drivers",
        f"pulse.drivers.{flows.pulse_id_of(rapport, 'U0CLI1')}",
        ["value"],
        user="U0OTHER",
    )
    rapport.settle()
    assert "wasn't sent to you" in stranger.text


def test_a_comment_is_tagged_with_the_drivers_it_names(rapport: RunningApp) -> None:
    flows.engagement_with_people(rapport)
    flows.send(rapport)
    flows.click(rapport, "U0CLI1", "pulse.rate.2")
    flows.comment(rapport, "U0CLI1", "Nobody answers our tickets and the invoices keep going up.")
    assert stored(rapport)["U0CLI1"] == (2, None, "responsiveness,value")


def test_picks_ratings_and_guesses_sent_at_the_same_moment_all_land(
    rapport_http: RunningApp,
) -> None:
    rapport = rapport_http
    flows.engagement_with_people(rapport)
    crowd = tuple(f"U0CROWD{i:02d}" for i in range(12))
    flows.add(rapport, crowd, "client")
    flows.send(rapport)

    def tap(step: tuple[str, str]) -> int:
        user, what = step
        if what == "drivers":
            return int(flows.pick_drivers(rapport, user, ["people", "communication"]).status)
        return int(flows.click(rapport, user, what).status)

    steps = [(u, what) for u in crowd for what in ("pulse.rate.4", "drivers", "pulse.guess.2")]
    with ThreadPoolExecutor(max_workers=12) as pool:
        assert set(pool.map(tap, steps)) == {200}
    rapport.settle()
    mine = stored(rapport)
    assert {u: mine.get(u) for u in crowd} == {u: (4, "communication,people", None) for u in crowd}
    with rapport.database.reading() as session:
        guesses = session.scalars(select(Response.guess).where(Response.guess.is_not(None))).all()
    assert len(guesses) == len(crowd)
