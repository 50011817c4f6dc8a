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


def channel_posts_by_alert(rapport: RunningApp) -> Counter[int]:
    counted: Counter[int] = Counter()
    for params in flows.channel_posts(rapport):
        raw = params.get("metadata") or {}
        metadata: dict[str, Any] = json.loads(raw) if isinstance(raw, str) else dict(raw)  # type: ignore[call-overload]
        counted[int(metadata["event_payload"]["alert"])] += 1
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
    # The first alert's post hangs without landing; the second one's lands, then hangs.
    rapport.standin.hang("chat.postMessage", 2.5, user=flows.CHANNEL, times=1)
    rapport.standin.hang("chat.postMessage", 2.5, user=flows.CHANNEL, times=1, landed=True)
    text = flows.close(rapport)
    assert "Closed the pulse" in text and "nothing was changed" not in text
    assert "could not be posted in the channel yet (timeout)" in text
    alerts = flows.alerts(rapport)
    assert len(alerts) >= 2
    assert all(a.message_ts is None and a.post_error == "timeout" for a in alerts.values())

    retry_later(rapport)
    alerts = flows.alerts(rapport)
    assert all(a.message_ts is not None and a.post_error is None for a in alerts.values())
    assert channel_posts_by_alert(rapport) == Counter({a.id: 1 for a in alerts.values()})


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
    alerts = flows.alerts(rapport)
    assert len(told) == len(alerts)
    assert all(a.post_error and a.post_error.startswith("gave up") for a in alerts.values())
