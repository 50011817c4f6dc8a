"""The escalation ladder's rows: candidates, one re-raise and one escalation each, posts once."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

from storage import ladder
from storage.db import Database
from storage.models import LadderPost
from tests.storage.rows import CREATED, add_alert, add_engagement, add_pulse


def test_candidates_are_live_unescalated_alerts_of_live_engagements(database: Database) -> None:
    with database.unit_of_work() as session:
        pulse = add_pulse(session, add_engagement(session))
        live = add_alert(session, pulse, "gap")
        add_alert(session, pulse, "decline", status="resolved")
        add_alert(session, pulse, "silence", escalated_at=CREATED)
        add_alert(session, add_pulse(session, add_engagement(session, "Old", archived_at=CREATED)))
        live_id = live.id
    with database.reading() as session:
        found = ladder.candidates(session)
        assert [(alert.id, engagement.name, ts) for alert, engagement, ts in found] == [
            (live_id, "Acme deal", None)
        ]


def test_a_reraise_and_an_escalation_are_each_taken_once(database: Database) -> None:
    with database.unit_of_work() as session:
        pulse = add_pulse(session, add_engagement(session))
        alert_id = add_alert(session, pulse).id
        acknowledged_id = add_alert(session, pulse, "decline", status="acknowledged").id
    with database.unit_of_work() as session:
        assert ladder.claim_reraise(session, alert_id, CREATED)
        assert not ladder.claim_reraise(session, alert_id, CREATED)
        assert not ladder.claim_reraise(session, acknowledged_id, CREATED)
        assert ladder.claim_escalation(session, acknowledged_id, CREATED)
        assert not ladder.claim_escalation(session, acknowledged_id, CREATED)


def test_a_post_is_queued_once_claimed_once_and_retried_at_its_time(database: Database) -> None:
    with database.unit_of_work() as session:
        alert_id = add_alert(session, add_pulse(session, add_engagement(session))).id
        ladder.queue(session, alert_id, "escalation", ["U_SPONSOR", "U_LEAD"], "Escalated.")
        ladder.queue_once(session, alert_id, "escalation", "U_SPONSOR", "Again.", "1.1")
        ladder.queue_once(session, alert_id, "reraise", "C0ALERTS", "Still open.", "1.1")
    with database.reading() as session:
        assert session.scalar(select(func.count()).select_from(LadderPost)) == 3
        due = ladder.due(session, CREATED)
        assert [when for _, when in due] == [None, None, None]
    first = due[0][0]
    retry, lease = CREATED + timedelta(minutes=1), CREATED + timedelta(minutes=5)
    with database.unit_of_work() as session:
        assert ladder.claim(session, first, None, lease)
        assert not ladder.claim(session, first, None, lease)
        ladder.settle(session, first, status="sending", error="timeout" * 20, retry_at=retry)
    with database.reading() as session:
        assert (first, retry) not in ladder.due(session, retry - timedelta(seconds=1))
        assert (first, retry) in ladder.due(session, retry)
    with database.unit_of_work() as session:
        assert ladder.claim(session, first, retry, lease)
        ladder.settle(session, first, status="sent", ts="2.2")
    with database.reading() as session:
        post = session.get_one(LadderPost, first)
        assert (post.status, post.ts, post.attempts, post.error) == ("sent", "2.2", 2, None)
        assert first not in [post_id for post_id, _ in ladder.due(session, lease)]
