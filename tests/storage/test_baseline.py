"""The baseline, last quarter and "held for three pulses" in SQL, against a worked example.

Client scores per pulse (anonymity minimum 3, weights 1 unless shown):

| pulse | closed | client scores | client index | provider index |
| --- | --- | --- | --- | --- |
| 1 | 3 Mar | 40, 50, 60 | 50 | 75 |
| 2 | 10 Mar | 30, 40, 50 | 40 | 75 |
| 3 | 17 Mar | 100, 100 (two answered) | withheld | 75 |
| 4 | 24 Mar | 60, 60, 60 | 60 | 75 |
| 5 | 21 Apr | 50, 50, 50 | 50 | 75 |
| 6 | 16 Jun | 70, 70, 70 | 70 | 80 |
| 7 | 23 Jun | 50, 60, 70 | 60 | 70 |
| 8 | 30 Jun | 80, 80, and 50 from a fourth person of weight 4 | 65 (capped: 260 / 4) | 90 |

Default baseline: the first four closed pulses, withheld ones left out: client
(50 + 40 + 60) / 3 = 50, provider 75. A quarter before 30 Jun is 31 Mar, so last
quarter is pulse 4: client 60, provider 75. The last three pulses: client 70, 60, 65,
all above 50, so held; provider 80, 70, 90: 70 is not above 75, so not held.
Chosen baseline from 1 Apr: pulses 5 to 8, client (50 + 70 + 60 + 65) / 4 = 61.25;
those overlap the last three, so "held" has nothing to say.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from bot.services.evaluation import pulse_figures
from bot.services.standing import choose_baseline, standing_of
from storage.db import Database
from storage.models import Delivery, Engagement, Member, Pulse, Response
from storage.published import publish
from tests.support.processes import engagement_with

CLOSES = [(3, 3), (3, 10), (3, 17), (3, 24), (4, 21), (6, 16), (6, 23), (6, 30)]
# (which client, score); client 3 carries a stake weight of 4, the others 1.
CLIENT: list[list[tuple[int, float]]] = [
    [(0, 40), (1, 50), (2, 60)],
    [(0, 30), (1, 40), (2, 50)],
    [(0, 100), (1, 100)],
    [(0, 60), (1, 60), (2, 60)],
    [(0, 50), (1, 50), (2, 50)],
    [(0, 70), (1, 70), (2, 70)],
    [(0, 50), (1, 60), (2, 70)],
    [(0, 80), (1, 80), (3, 50)],
]
PROVIDER = [75, 75, 75, 75, 75, 80, 70, 90]


def worked_example(database: Database) -> int:
    engagement_id = engagement_with(
        database, 0, schedule="weekly tue 10:00", created=datetime(2026, 3, 1, tzinfo=UTC)
    )
    with database.unit_of_work() as session:
        people = {
            side: [
                Member(
                    engagement_id=engagement_id, team_id="T0", user_id=f"U{side[0]}{i}", side=side
                )
                for i in range(4 if side == "client" else 3)
            ]
            for side in ("client", "provider")
        }
        people["client"][3].weight = 4.0
        session.add_all([*people["client"], *people["provider"]])
        session.flush()
        for (month, day), client, provider in zip(CLOSES, CLIENT, PROVIDER, strict=True):
            closed = datetime(2026, month, day, 10, tzinfo=UTC)
            pulse = Pulse(
                engagement_id=engagement_id,
                status="closed",
                started_by="U0LEAD",
                opened_at=closed.replace(hour=9),
                closes_at=closed,
                closed_at=closed,
                anonymity_min=3,
                client_tolerance=70,
                provider_tolerance=60,
                gap_threshold=15,
            )
            session.add(pulse)
            session.flush()
            session.add_all(
                Delivery(
                    pulse_id=pulse.id,
                    member_id=m.id,
                    side=m.side,
                    weight=m.weight,
                    status="sent",
                    attempts=1,
                )
                for m in [*people["client"], *people["provider"]]
            )
            answers = [(people["client"][i], score) for i, score in client]
            answers += [(m, provider) for m in people["provider"]]
            for member, score in answers:
                session.add(Response(pulse_id=pulse.id, member_id=member.id, rating=3, score=score))
            session.flush()
            # Figures are published once at close, as every close does.
            publish(session, pulse.id, 3)
    return engagement_id


def test_baseline_quarter_and_held_match_the_worked_example(database: Database) -> None:
    engagement_id = worked_example(database)
    with database.reading() as session:
        engagement = session.get(Engagement, engagement_id)
        assert engagement is not None
        standing = standing_of(session, engagement)
    client, provider = standing.sides["client"], standing.sides["provider"]
    assert standing.baseline_pulses == 4 and standing.chosen is None
    assert standing.baseline_start == datetime(2026, 3, 3, 10, tzinfo=UTC)
    assert client.baseline == pytest.approx(50.0) and provider.baseline == pytest.approx(75.0)
    assert client.quarter_ago == pytest.approx(60.0) and provider.quarter_ago == pytest.approx(75.0)
    assert client.held is True and provider.held is False


def test_a_chosen_baseline_starts_at_its_date(database: Database) -> None:
    engagement_id = worked_example(database)
    with database.unit_of_work() as session:
        engagement = session.get(Engagement, engagement_id)
        assert engagement is not None
        choose_baseline(engagement, date(2026, 4, 1))
    with database.reading() as session:
        engagement = session.get(Engagement, engagement_id)
        assert engagement is not None
        standing = standing_of(session, engagement)
        pulses = sorted(session.query(Pulse).all(), key=lambda p: p.id)
        figures = pulse_figures(session, pulses)
    client = standing.sides["client"]
    assert standing.chosen == date(2026, 4, 1)
    assert client.baseline == pytest.approx(61.25) and client.held is None
    # The SQL index agrees with the one every close computes, cap included.
    assert figures[pulses[-1].id].client.index == pytest.approx(65.0)
    shown = [figures[p.id].client.index for p in pulses[4:]]
    assert client.baseline == pytest.approx(sum(i for i in shown if i is not None) / 4)
