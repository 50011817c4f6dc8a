"""App Home end to end: leads and sponsors see the state; members their own pulse and answers."""

from __future__ import annotations

import csv
import io
import json
import math
from typing import Any

from bot.domain.digest import chart_series, render_chart
from bot.services.digest.assemble import assemble
from storage import engagements as engagement_queries
from tests.support import flows
from tests.support.digests_flow import SPONSOR, blocks_text, dm_posts, uploads_to, with_history
from tests.support.running import RunningApp


def home_of(rapport: RunningApp, user: str) -> str:
    """Open the Home tab as `user` and return the published view as JSON text."""
    before = len(rapport.standin.calls_to("views.publish"))
    assert rapport.slack.home_opened(user).status == 200
    rapport.settle()
    published = rapport.standin.calls_to("views.publish")[before:]
    assert [c.params["user_id"] for c in published] == [user]
    view = published[0].params["view"]
    return json.dumps(json.loads(view) if isinstance(view, str) else view, ensure_ascii=False)


def button_value(home: str, action_id: str) -> str:
    view: dict[str, Any] = json.loads(home)
    for block in view["blocks"]:
        for element in block.get("elements", []):
            if element.get("action_id") == action_id:
                return str(element["value"])
    raise AssertionError(f"no {action_id} button")


def comment(rapport: RunningApp, user: str, text: str) -> None:
    flows.click(rapport, user, "pulse.comment")
    opened = rapport.standin.calls_to("views.open")[-1].params["view"]
    meta = (json.loads(opened) if isinstance(opened, str) else opened)["private_metadata"]
    values = {"comment": {"text": {"type": "plain_text_input", "value": text}}}
    assert rapport.slack.submit("pulse.comment", values, user=user, private_metadata=meta)
    rapport.settle()


def test_sponsors_see_the_state_and_can_ask_for_the_digest(rapport: RunningApp) -> None:
    with_history(rapport)
    home = home_of(rapport, SPONSOR)
    assert "client 16 (below its 70)" in home and "provider 91 (above its 60)" in home
    assert "Open alerts" in home and "No pulse open." in home and "next pulse" in home
    assert "Your last answers" not in home  # sponsors get no pulses

    rapport.slack.click("home.digest", button_value(home, "home.digest"), user=SPONSOR)
    (post,) = dm_posts(rapport, SPONSOR)
    assert "client 16 (below its 70)" in blocks_text(post)
    assert len(uploads_to(rapport, SPONSOR)) == 1

    # A forged button naming this engagement gets a refusal, not the digest.
    rapport.slack.click("home.digest", button_value(home, "home.digest"), user="U0CLI1")
    assert uploads_to(rapport, "U0CLI1") == []
    refusal = [c.params for c in rapport.standin.dms() if c.params["channel"] == "U0CLI1"]
    assert "Only the leads and sponsors" in str(refusal[-1]["text"])


def test_members_see_their_pending_pulse_and_only_their_own_answers(rapport: RunningApp) -> None:
    flows.engagement_with_people(rapport)
    flows.answer_round(rapport, [2, 4, 5], [4, 4, 4])
    comment(rapport, "U0CLI1", "The release notes keep arriving late.")
    comment(rapport, "U0CLI2", "Onboarding the new analysts went smoothly.")
    flows.close(rapport)
    flows.send(rapport)

    home = home_of(rapport, "U0CLI1")
    assert "A pulse is waiting for your answer" in home
    assert "release notes keep arriving late" in home
    assert "Onboarding" not in home  # someone else's comment
    assert "home.digest" not in home and "Open alerts" not in home and "client 6" not in home

    flows.click(rapport, "U0CLI1", "pulse.rate.3")
    assert "You've answered the open pulse (3)" in home_of(rapport, "U0CLI1")


def test_a_side_under_the_anonymity_minimum_is_withheld_everywhere(rapport: RunningApp) -> None:
    flows.engagement_with_people(rapport)
    flows.add(rapport, (SPONSOR,), "client", "sponsor")
    flows.send(rapport)
    for user in flows.CLIENTS[:2]:  # two client answers; the minimum is three
        flows.click(rapport, user, "pulse.rate.2")
    for user in flows.PROVIDERS:
        flows.click(rapport, user, "pulse.rate.4")
    flows.close(rapport)

    rapport.slack.command("digest", user=SPONSOR, channel="D0SPON")
    (post,) = dm_posts(rapport, SPONSOR)
    text = blocks_text(post) + str(post["text"])
    home = home_of(rapport, SPONSOR)
    for shown in (text, home):
        assert "client withheld (fewer than 3 answered)" in shown
        assert "client 25" not in shown and "*25*" not in shown and " 50" not in shown
        assert "provider 75" in shown

    with rapport.database.reading() as session:
        engagement = engagement_queries.by_name(session, "T0RAPPORT", "Acme deal")
        assert engagement is not None
        digest = assemble(session, engagement, rapport.clock())
    assert all(math.isnan(v) for v in chart_series(digest).client)
    assert chart_series(digest).provider == (75.0,)
    (png,) = uploads_to(rapport, SPONSOR)
    assert png == render_chart(digest)  # the chart sent is the one drawn without the client

    rapport.slack.command("export", user=SPONSOR, channel="D0SPON")
    (upload,) = [u for u in uploads_to(rapport, SPONSOR) if not u.startswith(b"\x89PNG")]
    (row,) = csv.DictReader(io.StringIO(upload.decode()))
    assert row["client_index"] == "" and row["gap"] == "" and row["client_answered"] == "2"
    assert row["provider_index"] == "75.0"


def test_nobody_on_an_engagement_is_offered_setup(rapport: RunningApp) -> None:
    home = home_of(rapport, "U0NEW")
    assert "You're not on any engagement yet" in home and "home.setup" in home
