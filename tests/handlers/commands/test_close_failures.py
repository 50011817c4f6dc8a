"""`/rapport close` when the channel post fails: the truth in the reply, and one post later.

Before, a hung channel post made `close` answer "Something went wrong on our side and
nothing was changed" although the pulse was closed and the alerts stored, and the
alert after it was never tried.
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import timedelta
from typing import Any

from bot.domain.vocabulary import utcnow
from bot.services import jobs
from tests.support import flows
from tests.support.running import RunningApp


def channel_posts_by_message(rapport: RunningApp) -> Counter[int]:
    counted: Counter[int] = Counter()
    for params in flows.channel_posts(rapport):
        raw = params.get("metadata") or {}
        metadata: dict[str, Any] = json.loads(raw) if isinstance(raw, str) else dict(raw)  # type: ignore[call-overload]
        counted[int(metadata["event_payload"]["message"])] += 1
    return counted


def retry_later(rapport: RunningApp) -> None:
    """The clock's retry step, a little after every retry time."""
    rapport.clock.frozen = utcnow() + timedelta(minutes=1)
    jobs.retry_alert_posts(rapport.container)
    rapport.clock.frozen = None


def test_a_hung_post_is_reported_as_such_and_posted_exactly_once_later(
    rapport: RunningApp,
) -> None:
    flows.engagement_with_people(rapport)
    flows.answer_round(rapport, [2, 2, 1], [5, 4, 5])
    # The grouped message's post hangs without landing.
    rapport.standin.hang("chat.postMessage", 2.5, user=flows.CHANNEL, times=1)
    text = flows.close(rapport)
    assert "Closed the pulse" in text and "nothing was changed" not in text
    assert "could not be posted in the channel yet (timeout)" in text
    assert len(flows.alerts(rapport)) >= 2
    (message,) = flows.messages(rapport)
    assert message.message_ts is None and message.post_error == "timeout"

    retry_later(rapport)
    (message,) = flows.messages(rapport)
    assert message.message_ts is not None and message.post_error is None
    assert channel_posts_by_message(rapport) == Counter({message.id: 1})


def test_a_hung_post_that_landed_is_found_and_never_posted_twice(rapport: RunningApp) -> None:
    flows.engagement_with_people(rapport)
    flows.answer_round(rapport, [2, 2, 1], [5, 4, 5])
    rapport.standin.hang("chat.postMessage", 2.5, user=flows.CHANNEL, times=1, landed=True)
    flows.close(rapport)
    (message,) = flows.messages(rapport)
    assert message.message_ts is None and message.post_error == "timeout"

    retry_later(rapport)
    retry_later(rapport)
    (message,) = flows.messages(rapport)
    assert message.message_ts is not None and message.post_error is None
    assert channel_posts_by_message(rapport) == Counter({message.id: 1})


def test_a_post_still_failing_after_a_day_goes_to_the_leads_once(rapport: RunningApp) -> None:
    flows.engagement_with_people(rapport)
    flows.answer_round(rapport, [2, 2, 1], [5, 4, 5])
    rapport.standin.server_error("chat.postMessage", user=flows.CHANNEL, times=100)
    flows.close(rapport)
    rapport.clock.frozen = utcnow() + timedelta(hours=25)
    jobs.retry_alert_posts(rapport.container)
    jobs.retry_alert_posts(rapport.container)
    rapport.clock.frozen = None
    told = [
        c
        for c in rapport.standin.dms()
        if c.params["channel"] == flows.LEAD and "couldn't post an alert" in str(c.params["text"])
    ]
    # One message holds every finding of the close: the leads are told once, with all of them.
    (message,) = flows.messages(rapport)
    assert len(told) == 1
    for alert in flows.alerts(rapport).values():
        assert alert.sentence in str(told[0].params["text"])
    assert message.post_error and message.post_error.startswith("gave up")


def thread_replies(rapport: RunningApp, ts: str | None) -> list[str]:
    return [
        str(c.params["text"])
        for c in rapport.standin.calls_to("chat.postMessage")
        if ts is not None and c.params.get("thread_ts") == ts
    ]


def test_a_resolution_reply_that_times_out_is_said_once_in_the_thread_later(
    rapport: RunningApp,
) -> None:
    """The defect: the reply saying why a finding resolved was tried once; a timeout lost
    it, and a timeout after it landed could not be told from one that did not."""
    flows.engagement_with_people(rapport)
    flows.answer_round(rapport, [2, 2, 1], [5, 4, 5])
    flows.close(rapport)
    (message,) = flows.messages(rapport)
    flows.answer_round(rapport, [5, 4, 5], [5, 4, 5])
    # Both replies in the thread hang: the first before it reached Slack, the second after.
    rapport.standin.hang("chat.postMessage", 2.5, user=flows.CHANNEL, times=1)
    rapport.standin.hang("chat.postMessage", 2.5, user=flows.CHANNEL, times=1, landed=True)
    flows.close(rapport)
    resolved = [a for a in flows.alerts(rapport).values() if a.status == "resolved"]
    assert len(resolved) >= 2
    assert len(thread_replies(rapport, message.message_ts)) < len(resolved)
    rapport.clock.frozen = utcnow() + timedelta(minutes=10)
    jobs.climb_ladder(rapport.container)
    rapport.clock.frozen = None
    replies = thread_replies(rapport, message.message_ts)
    assert len(replies) == len(resolved), replies  # each once, the landed one not again
    assert all("resolved" in reply for reply in replies)
