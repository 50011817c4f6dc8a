"""`/rapport send`, `status` and `close`: a pulse goes out once to each person, counts per side."""

from __future__ import annotations

import json

from sqlalchemy import select

from storage.models import Delivery, Member, Response
from tests.support import flows
from tests.support.running import RunningApp


def responses(rapport: RunningApp) -> list[Response]:
    with rapport.database.unit_of_work() as session:
        return list(session.scalars(select(Response)).all())


def test_send_gives_each_active_member_exactly_one_dm(rapport: RunningApp) -> None:
    flows.engagement_with_people(rapport)
    flows.add(rapport, ("U0SPON",), "client", "sponsor")
    text = flows.send(rapport)
    assert "sent to 7 of 7 people" in text
    recipients = sorted(c.params["channel"] for c in rapport.standin.dms())
    assert recipients == sorted([flows.LEAD, *flows.CLIENTS, *flows.PROVIDERS])  # no sponsor
    dm = flows.dms_to(rapport.standin, "U0CLI1")[0]
    assert "Acme – Globex" in dm.params["text"]
    assert flows.pulse_button(dm, "pulse.rate.5")
    assert "Globex" in json.dumps(dm.params["blocks"])  # the other side, for the guess
    with rapport.database.unit_of_work() as session:
        deliveries = session.scalars(select(Delivery)).all()
        assert {d.status for d in deliveries} == {"sent"}
        assert all(d.message_ts for d in deliveries)


def test_a_second_send_while_open_is_refused(rapport: RunningApp) -> None:
    flows.engagement_with_people(rapport)
    flows.send(rapport)
    again = rapport.slack.command("send")
    assert "already open" in again.text
    assert len(rapport.standin.dms()) == 7


def test_status_shows_counts_per_side_never_names(rapport: RunningApp) -> None:
    flows.engagement_with_people(rapport)
    assert "None has been sent yet" in rapport.slack.command("status").text
    flows.send(rapport)
    flows.click(rapport, "U0CLI1", "pulse.rate.4")
    flows.click(rapport, "U0CLI2", "pulse.rate.2")
    flows.click(rapport, "U0PRO1", "pulse.rate.5")
    flows.click(rapport, "U0PRO2", "pulse.guess.3")  # a guess alone is not an answer
    text = rapport.slack.command("status", user="U0PRO3", channel="D0PRO3").text
    assert "Answered: client 2 of 4, provider 1 of 3" in text
    assert "U0CLI1" not in text and "U0PRO1" not in text


def test_slack_faults_for_one_member_do_not_stop_the_others(rapport: RunningApp) -> None:
    flows.engagement_with_people(rapport)
    rapport.standin.fail("chat.postMessage", "user_not_found", user="U0CLI2")
    rapport.standin.fail("chat.postMessage", "account_inactive", user="U0PRO2")
    rapport.standin.rate_limit("chat.postMessage", retry_after=1, user="U0CLI3", times=1)
    rapport.standin.server_error("chat.postMessage", user="U0PRO3", times=1)
    text = flows.send(rapport)
    # The first pass says what it did: the 503 is retried after a check, not counted yet.
    assert "sent to 4 of 7" in text and "<@U0CLI2> (user_not_found)" in text
    assert "Not sent yet to 1 (http_503)" in text
    delivered = sorted(c.params["channel"] for c in rapport.standin.dms())
    assert delivered == sorted([flows.LEAD, "U0CLI1", "U0CLI3", "U0PRO1", "U0PRO3"])
    throttled = [
        c for c in rapport.standin.calls_to("chat.postMessage", ok_only=False) if c.user == "U0CLI3"
    ]
    assert [c.status for c in throttled] == [429, 200]
    assert throttled[1].at - throttled[0].at >= 0.9  # Retry-After was waited out
    with rapport.database.unit_of_work() as session:
        failed = {
            m.user_id: (d.status, d.error, m.status)
            for d, m in session.execute(select(Delivery, Member).join(Member)).all()
            if d.status != "sent"
        }
    assert failed == {
        "U0CLI2": ("failed", "user_not_found", "unreachable"),
        "U0PRO2": ("failed", "account_inactive", "unreachable"),
    }
