"""A portfolio's worth of engagements for ``bench.portfolio``: a year of pulses each."""

from __future__ import annotations

import random
from datetime import timedelta
from typing import Any

from sqlalchemy import insert, select

from bench.digest import COMMENTS, SIDES, START, _member
from bot.domain.scoring import response_score
from storage.db import Database
from storage.models import Alert, Delivery, Engagement, Member, Pulse, Response
from storage.published import publish


def _engagements(engagements: int) -> list[dict[str, Any]]:
    return [
        {
            "team_id": "T0BENCH",
            "name": f"Deal {n:03d}",
            "client_org": f"Client {n}",
            "provider_org": f"Provider {n}",
            "channel_id": f"C{n:08d}",
            "timezone": "Europe/Berlin",
            "created_by": "U0LEAD",
            "created_at": START - timedelta(days=7),
        }
        for n in range(engagements)
    ]


def _pulse(eid: int, week: int) -> dict[str, Any]:
    opened = START + timedelta(weeks=week)
    return {
        "engagement_id": eid,
        "status": "closed",
        "started_by": "clock",
        "scheduled_for": opened,
        "opened_at": opened,
        "closes_at": opened + timedelta(days=3),
        "closed_at": opened + timedelta(days=3),
        "evaluated_at": opened + timedelta(days=3),
        "anonymity_min": 3,
        "client_tolerance": 70,
        "provider_tolerance": 60,
        "gap_threshold": 15,
    }


def _alerts(eid: int, pulse: int, weeks: int, rng: random.Random) -> list[dict[str, Any]]:
    found = []
    for n, rule in enumerate(("divergence", "gap", "silence")[: rng.randint(0, 3)]):
        found.append(
            {
                "engagement_id": eid,
                "rule": rule,
                "key": f"{rule}:client",
                "side": "client",
                "severity": rng.choice(("warning", "critical")),
                "status": "open",
                "sentence": f"The client side is below its tolerance ({rule}).",
                "magnitude": 10.0,
                "details": "",
                "opened_pulse_id": pulse,
                "last_pulse_id": pulse,
                "channel_id": f"C{eid:08d}",
                "opened_at": START + timedelta(weeks=weeks - 3 - n),
                "updated_at": START,
                "escalated_at": START + timedelta(weeks=weeks - 1) if rng.random() < 0.2 else None,
            }
        )
    return found


def fill(database: Database, engagements: int, weeks: int, seed: int) -> None:
    """Bulk-insert the engagements, their people and their year of published pulses."""
    rng = random.Random(seed)
    with database.unit_of_work() as session:
        session.execute(insert(Engagement), _engagements(engagements))
        ids = list(session.scalars(select(Engagement.id).order_by(Engagement.id)))
        session.execute(
            insert(Member),
            [
                _member(
                    eid, f"U{side[0].upper()}{eid:05d}{i:02d}", side, "lead" if not i else "member"
                )
                for eid in ids
                for side, count in SIDES
                for i in range(count)
            ],
        )
        people: dict[int, list[tuple[int, str]]] = {}
        for member_id, eid, side in session.execute(
            select(Member.id, Member.engagement_id, Member.side)
        ):
            people.setdefault(eid, []).append((member_id, side))
        session.execute(insert(Pulse), [_pulse(eid, w) for eid in ids for w in range(weeks)])
        pulses = session.execute(select(Pulse.id, Pulse.engagement_id, Pulse.opened_at)).all()
        deliveries, responses = [], []
        for pulse_id, eid, opened in pulses:
            mood = rng.randint(1, 5)
            for member_id, side in people[eid]:
                deliveries.append(
                    {
                        "pulse_id": pulse_id,
                        "member_id": member_id,
                        "side": side,
                        "weight": 1.0,
                        "status": "sent",
                        "attempts": 1,
                        "sent_at": opened,
                    }
                )
                if rng.random() < 0.15:
                    continue
                rating = max(1, min(5, mood + rng.randint(-1, 1)))
                responses.append(
                    {
                        "pulse_id": pulse_id,
                        "member_id": member_id,
                        "rating": rating,
                        "guess": rng.randint(1, 5),
                        "comment": rng.choice(COMMENTS),
                        "polarity": 0.0,
                        "subjectivity": 0.5,
                        "score": response_score(rating, 0.0),
                        "created_at": opened,
                        "updated_at": opened,
                    }
                )
        session.execute(insert(Delivery), deliveries)
        session.execute(insert(Response), responses)
        for pulse_id, _, _ in pulses:
            publish(session, pulse_id, 3)
        last = {eid: pid for pid, eid, _ in sorted(pulses, key=lambda p: p[2])}
        alerts = [a for eid in ids for a in _alerts(eid, last[eid], weeks, rng)]
        if alerts:
            session.execute(insert(Alert), alerts)
    print(f"filled: {len(ids)} engagements, {len(pulses)} pulses, {len(responses)} responses")
