"""Where each side stands: "held" means above the baseline at each of the last `HELD_PULSES`.

Built as the digest gets it: pulses closed and published, then read back by
`standing_of`. Every answer on a side is the same score, so a side's index is that score.
"""

from __future__ import annotations

from dataclasses import FrozenInstanceError
from datetime import timedelta

import pytest

from bot.domain.digest.standing import HELD_PULSES, SideStanding, Standing
from bot.services.standing import standing_of
from storage.db import Database
from storage.models import Engagement, Response
from storage.published import publish
from tests.storage.rows import CREATED, add_delivery, add_engagement, add_member, add_pulse

BASELINE = [50, 50, 50, 50]


def standing(database: Database, client: list[int], provider: list[int]) -> Standing:
    with database.unit_of_work() as session:
        deal = add_engagement(session)
        people = [add_member(session, deal, f"C{i}") for i in range(3)]
        people += [add_member(session, deal, f"P{i}", side="provider") for i in range(3)]
        for week, scores in enumerate(zip(client, provider, strict=True)):
            closed = CREATED + timedelta(weeks=week)
            pulse = add_pulse(
                session,
                deal,
                status="closed",
                opened_at=closed - timedelta(days=3),
                closed_at=closed,
            )
            for member in people:
                add_delivery(session, pulse, member, status="sent")
                score = scores[0] if member.side == "client" else scores[1]
                session.add(Response(pulse_id=pulse.id, member_id=member.id, rating=3, score=score))
            session.flush()
            publish(session, pulse.id, 3)
        deal_id = deal.id
    with database.reading() as session:
        return standing_of(session, session.get_one(Engagement, deal_id))


def test_held_looks_at_exactly_the_last_pulses_and_needs_each_above(database: Database) -> None:
    above = [60] * HELD_PULSES
    touching = [60] * (HELD_PULSES - 1) + [50]
    found = standing(database, [*BASELINE, 40, *above], [*BASELINE, 70, *touching])
    client, provider = found.sides["client"], found.sides["provider"]
    assert client.baseline == pytest.approx(50) and client.held is True
    assert provider.baseline == pytest.approx(50) and provider.held is False
    assert found.baseline_pulses == len(BASELINE) and found.baseline_start == CREATED
    assert found.chosen is None


def test_a_standing_is_a_value_read_once() -> None:
    side = SideStanding("client", 50.0, None, None)
    with pytest.raises(FrozenInstanceError):
        side.held = True  # type: ignore[misc]
    assert Standing({"client": side}, 0, None).chosen is None
