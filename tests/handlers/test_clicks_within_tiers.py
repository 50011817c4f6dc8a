"""300 clicks in one minute in one workspace, against Slack's tiers.

Before: every click redrew its DM with chat.update (Tier 3, about 50 a minute per
workspace); past the fiftieth the redraws met 429s and people read "Saved, but the
message could not be updated".
"""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

from sqlalchemy import select

from bot.domain.vocabulary import utcnow
from storage.models import Response
from tests.support import flows
from tests.support.running import RunningApp

CLIENTS = tuple(f"U0C{n:03d}" for n in range(75))
PROVIDERS = tuple(f"U0P{n:03d}" for n in range(75))


def test_300_clicks_in_a_minute_are_each_answered_saved_and_shown(rapport: RunningApp) -> None:
    start = utcnow()
    rapport.clock.frozen = start
    flows.set_up(rapport)
    # Adding 150 people checks each with users.info (Tier 4: 100 a minute): 25 a minute.
    batches = [(CLIENTS[n : n + 25], "client") for n in range(0, 75, 25)]
    batches += [(PROVIDERS[n : n + 25], "provider") for n in range(0, 75, 25)]
    for minute, (users, side) in enumerate(batches):
        rapport.clock.frozen = start + timedelta(minutes=minute)
        assert "Added" in flows.add(rapport, users, side)
    rapport.clock.frozen = start + timedelta(minutes=10)
    flows.send(rapport)
    rapport.clock.frozen = start + timedelta(minutes=20)  # every click in the same minute
    replies = []
    for user in CLIENTS + PROVIDERS:
        replies.append(flows.click(rapport, user, "pulse.rate.4"))
        replies.append(flows.click(rapport, user, "pulse.guess.3"))
    assert len(replies) == 300
    assert all(r.status == 200 and not r.text for r in replies), "a click was answered with text"
    with rapport.database.reading() as session:
        saved = session.execute(select(Response.rating, Response.guess)).all()
    assert Counter(tuple(row) for row in saved) == Counter({(4, 3): 150})
    shown = Counter(str(r["channel"]) for r in rapport.standin.redraws())
    assert shown == Counter({"D" + u[1:]: 2 for u in CLIENTS + PROVIDERS})
    refused = [c for c in rapport.standin.calls if c.status == 429]
    assert refused == []
