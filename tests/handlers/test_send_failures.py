"""A pulse survives Slack timeouts and resets: nobody is left out, nobody gets two DMs.

Each test here failed before the fan-out read every failure (not only Slack's own
errors): a hung `chat.postMessage` killed its sending thread, left deliveries claimed
forever and told the lead "sent to 0 of 7"; and a blind retry after a reset could post
the same DM twice.
"""

from __future__ import annotations

from collections import Counter

from sqlalchemy import select

from storage.models import Delivery
from tests.support import flows
from tests.support.running import RunningApp

EVERYONE = sorted([flows.LEAD, *flows.CLIENTS, *flows.PROVIDERS])


def dm_counts(rapport: RunningApp) -> Counter[str]:
    return Counter(str(c.params["channel"]) for c in rapport.standin.dms())


def statuses(rapport: RunningApp) -> Counter[str]:
    with rapport.database.reading() as session:
        return Counter(session.scalars(select(Delivery.status)).all())


def test_timeouts_that_did_and_did_not_land_end_with_one_dm_each(rapport: RunningApp) -> None:
    flows.engagement_with_people(rapport)
    # Two DMs to check, one history read a minute: a minute of Slack's lasts 0.5 s here.
    flows.slack_minute_lasts(rapport.standin, 0.5)
    # One DM hangs past the client's timeout and never landed; another landed first.
    rapport.standin.hang("chat.postMessage", 2.5, user="U0CLI1")
    rapport.standin.hang("chat.postMessage", 2.5, user="U0PRO1", landed=True)
    text = flows.send(rapport)
    assert "sent to 5 of 7" in text
    assert "Not sent yet to 2 (timeout)" in text
    assert dm_counts(rapport) == Counter({user: 1 for user in EVERYONE})
    assert statuses(rapport) == Counter({"sent": 7})


def test_resets_before_and_after_the_post_end_with_one_dm_each(rapport: RunningApp) -> None:
    flows.engagement_with_people(rapport)
    # Two DMs to check, one history read a minute: a minute of Slack's lasts 0.5 s here.
    flows.slack_minute_lasts(rapport.standin, 0.5)
    rapport.standin.reset("chat.postMessage", user="U0CLI2", times=2)
    rapport.standin.reset("chat.postMessage", user="U0PRO2", landed=True)
    text = flows.send(rapport)
    assert "Not sent yet to 2 (connection_error)" in text
    assert dm_counts(rapport) == Counter({user: 1 for user in EVERYONE})
    assert statuses(rapport) == Counter({"sent": 7})


def test_a_history_that_cannot_be_read_is_checked_again_not_guessed(rapport: RunningApp) -> None:
    flows.engagement_with_people(rapport)
    rapport.standin.hang("chat.postMessage", 2.5, user="U0CLI3", landed=True)
    rapport.standin.server_error("conversations.history", times=2)
    flows.send(rapport)
    assert dm_counts(rapport)["U0CLI3"] == 1
    assert statuses(rapport) == Counter({"sent": 7})


def test_slack_refusals_are_final_and_named_while_the_rest_go_out(rapport: RunningApp) -> None:
    flows.engagement_with_people(rapport)
    rapport.standin.fail("chat.postMessage", "user_not_found", user="U0CLI1")
    rapport.standin.hang("chat.postMessage", 2.5, user="U0PRO3")
    text = flows.send(rapport)
    assert "<@U0CLI1> (user_not_found)" in text and "Not sent yet to 1 (timeout)" in text
    counts = dm_counts(rapport)
    assert "U0CLI1" not in counts and counts["U0PRO3"] == 1
    assert statuses(rapport) == Counter({"sent": 6, "failed": 1})
