"""Side figures from SQL aggregates equal the domain's, row for row, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Literal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Select, delete, select, text

from bot.domain.alerts import (
    Answer,
    SideFigures,
    Thresholds,
    compute_side_figures,
    weighted_mean,
)
from bot.domain.alerts.indices import guess_to_score
from bot.domain.scoring import response_score
from bot.services.evaluation import pulse_figures
from storage.db import Database
from storage.figures import custom_plans, rated_answers, side_aggregates
from storage.models import Base, Delivery, Engagement, Member, Pulse, Response
from storage.published import publish

START = datetime(2025, 3, 4, 10, 0, tzinfo=UTC)
SIDES: tuple[Literal["client"], Literal["provider"]] = ("client", "provider")
DeliveryState = Literal["sent", "failed", "none"]


@dataclass(frozen=True)
class Seat:
    """One member's part in one pulse: the DM, whether they were away, what they answered.

    `rating` None with `row` True is a response row without a rating yet (a guess or
    comment given first); it must count neither as an answer nor as eligible-by-answer.
    """

    side: str
    weight: float
    delivery: DeliveryState = "sent"
    away: bool = False
    rating: int | None = None
    polarity: float | None = None
    guess: int | None = None
    row: bool = False

    @property
    def answered(self) -> bool:
        return self.rating is not None

    @property
    def eligible(self) -> bool:
        return self.delivery == "sent" and (not self.away or self.answered)


def clear(database: Database) -> None:
    with database.unit_of_work() as session:
        for table in reversed(Base.metadata.sorted_tables):
            session.execute(delete(table))


def store(database: Database, pulses: Sequence[Sequence[Seat]], anonymity_min: int) -> list[int]:
    """One engagement with one pulse per list of seats; every seat is its own member."""
    with database.unit_of_work() as session:
        engagement = Engagement(
            team_id="T1",
            name="Figures",
            client_org="Acme",
            provider_org="Globex",
            channel_id="C1",
            created_by="U0",
            anonymity_min=anonymity_min,
        )
        session.add(engagement)
        session.flush()
        pulse_ids: list[int] = []
        for k, seats in enumerate(pulses):
            opened = START + timedelta(weeks=k)
            pulse = Pulse(
                engagement_id=engagement.id,
                status="closed",
                started_by="U0",
                opened_at=opened,
                closes_at=opened + timedelta(days=3),
                closed_at=opened + timedelta(days=3),
                anonymity_min=anonymity_min,
                client_tolerance=70,
                provider_tolerance=60,
                gap_threshold=15,
            )
            session.add(pulse)
            session.flush()
            pulse_ids.append(pulse.id)
            for i, seat in enumerate(seats):
                member = Member(
                    engagement_id=engagement.id,
                    team_id="T1",
                    user_id=f"U{k}x{i}",
                    side=seat.side,
                    weight=seat.weight,
                )
                session.add(member)
                session.flush()
                if seat.delivery != "none":
                    session.add(
                        Delivery(
                            pulse_id=pulse.id,
                            member_id=member.id,
                            side=seat.side,
                            weight=seat.weight,
                            status=seat.delivery,
                            away_at=opened if seat.away else None,
                        )
                    )
                if seat.answered or seat.row:
                    session.add(
                        Response(
                            pulse_id=pulse.id,
                            member_id=member.id,
                            rating=seat.rating,
                            guess=seat.guess,
                            polarity=seat.polarity,
                            score=None
                            if seat.rating is None
                            else response_score(seat.rating, seat.polarity),
                        )
                    )
        return pulse_ids


def answers(seats: Sequence[Seat], side: str) -> list[Answer]:
    """The answers a pulse counts: a response belongs to a delivery (the app records none
    without one), and is counted with the side and weight the delivery was sent with."""
    return [
        Answer(s.weight, response_score(s.rating, s.polarity), s.guess)
        for s in seats
        if s.side == side and s.rating is not None and s.delivery != "none"
    ]


def expected(
    seats: Sequence[Seat], side: Literal["client", "provider"], t: Thresholds
) -> SideFigures:
    eligible = sum(1 for s in seats if s.side == side and s.eligible)
    return compute_side_figures(side, answers(seats, side), eligible, t)


def approx(value: float | None) -> object:
    return None if value is None else pytest.approx(value, rel=1e-9, abs=1e-9)


def assert_same(actual: SideFigures, wanted: SideFigures) -> None:
    assert actual.side == wanted.side
    assert actual.answered == wanted.answered
    assert actual.eligible == wanted.eligible
    assert actual.response_rate == approx(wanted.response_rate)
    assert actual.index == approx(wanted.index)
    assert actual.guess_index == approx(wanted.guess_index)


def check(database: Database, pulses: Sequence[Sequence[Seat]], anonymity_min: int) -> None:
    """Both the raw aggregates and the figures built on them match the domain functions."""
    thresholds = Thresholds(anonymity_min=anonymity_min)
    pulse_ids = store(database, pulses, anonymity_min)
    with database.unit_of_work() as session:
        for pulse_id in pulse_ids:
            publish(session, pulse_id, anonymity_min)
    with database.reading() as session:
        aggregates = {(a.pulse_id, a.side): a for a in side_aggregates(session, pulse_ids)}
        loaded = [session.get_one(Pulse, pulse_id) for pulse_id in pulse_ids]
        figures = pulse_figures(session, loaded)
    assert set(aggregates) == {(p, s) for p in pulse_ids for s in SIDES}
    for pulse_id, seats in zip(pulse_ids, pulses, strict=True):
        for side in SIDES:
            # Without the anonymity minimum: the capped means themselves, even of one answer.
            mine = answers(seats, side)
            scores = [(a.weight, a.score) for a in mine]
            guesses = [(a.weight, guess_to_score(a.guess)) for a in mine if a.guess is not None]
            aggregate = aggregates[(pulse_id, side)]
            assert aggregate.scores.count == len(scores)
            assert aggregate.guesses.count == len(guesses)
            assert aggregate.scores.capped_mean() == approx(
                weighted_mean(scores) if scores else None
            )
            assert aggregate.guesses.capped_mean() == approx(
                weighted_mean(guesses) if guesses else None
            )
            assert_same(figures[pulse_id].of(side), expected(seats, side, thresholds))


# Whole numbers and halves tie often; the rest spread over the allowed range.
weights = st.one_of(
    st.sampled_from([0.5, 1.0, 1.0, 2.0, 10.0]),
    st.floats(min_value=0.1, max_value=10.0, allow_nan=False, allow_infinity=False),
)
seats = st.builds(
    Seat,
    side=st.sampled_from(SIDES),
    weight=weights,
    delivery=st.sampled_from(["sent", "sent", "sent", "sent", "failed", "none"]),
    away=st.sampled_from([False, False, False, True]),
    rating=st.none() | st.integers(1, 5) | st.integers(1, 5),
    polarity=st.none() | st.floats(min_value=-1.0, max_value=1.0, allow_nan=False),
    guess=st.none() | st.integers(1, 5),
    row=st.booleans(),
)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    pulses=st.lists(st.lists(seats, max_size=14), min_size=1, max_size=3),
    anonymity_min=st.integers(2, 4),
)
def test_sql_figures_equal_the_domain_functions(
    database: Database, pulses: list[list[Seat]], anonymity_min: int
) -> None:
    clear(database)
    check(database, pulses, anonymity_min)


def test_a_heavy_member_carries_half_of_the_side(database: Database) -> None:
    client = [
        Seat("client", 10.0, rating=5, guess=1),
        Seat("client", 1.0, rating=1, guess=5),
        Seat("client", 1.0, rating=1, guess=5),
    ]
    provider = [Seat("provider", 1.0, rating=3), Seat("provider", 1.0, rating=3)]
    check(database, [client + provider], 2)
    with database.reading() as session:
        pulse = session.scalars(select(Pulse)).one()
        figures = pulse_figures(session, [pulse])
    # Uncapped the heavy voice would make it 1000/12 = 83.3.
    assert figures[pulse.id].client.index == pytest.approx(50.0)
    assert figures[pulse.id].client.guess_index == pytest.approx(50.0)


def test_tied_heaviest_weights_leave_the_plain_weighted_mean(database: Database) -> None:
    client = [
        Seat("client", 3.0, rating=5, guess=2),
        Seat("client", 3.0, rating=1, guess=4),
        Seat("client", 1.0, rating=3, guess=3),
    ]
    check(database, [client], 2)
    with database.reading() as session:
        [aggregate, _] = side_aggregates(session, [session.scalars(select(Pulse.id)).one()])
    assert aggregate.scores.capped_mean() == pytest.approx((300 + 0 + 50) / 7)


def test_a_lone_answer_is_its_own_mean_but_withheld(database: Database) -> None:
    check(database, [[Seat("client", 4.0, rating=4, polarity=0.5, guess=2)]], 2)
    with database.reading() as session:
        pulse = session.scalars(select(Pulse)).one()
        [aggregate, _] = side_aggregates(session, [pulse.id])
        figures = pulse_figures(session, [pulse])
    assert aggregate.scores.capped_mean() == pytest.approx(75 + 6.25)
    assert figures[pulse.id].client.index is None
    assert figures[pulse.id].client.answered == 1


def test_nobody_answered_gives_no_index_and_a_zero_rate(database: Database) -> None:
    silent = [
        Seat("client", 1.0),
        Seat("client", 2.0, away=True),
        Seat("provider", 1.0, delivery="failed"),
        Seat("provider", 1.0, guess=3, row=True),
    ]
    check(database, [silent], 2)
    with database.reading() as session:
        pulse = session.scalars(select(Pulse)).one()
        figures = pulse_figures(session, [pulse])
    client, provider = figures[pulse.id].client, figures[pulse.id].provider
    assert (client.answered, client.eligible, client.response_rate) == (0, 1, 0.0)
    assert (provider.answered, provider.eligible, provider.response_rate) == (0, 1, 0.0)
    assert client.index is provider.index is provider.guess_index is None


def test_away_members_who_answered_still_count(database: Database) -> None:
    seats = [
        Seat("client", 1.0, away=True, rating=2),
        Seat("client", 1.0, away=True),
        Seat("client", 1.0, rating=4),
        Seat("client", 1.0, rating=3),
        Seat("client", 1.0, delivery="failed"),
    ]
    check(database, [seats], 3)
    with database.reading() as session:
        pulse = session.scalars(select(Pulse)).one()
        figures = pulse_figures(session, [pulse])
    assert (figures[pulse.id].client.answered, figures[pulse.id].client.eligible) == (3, 3)
    assert figures[pulse.id].client.index == pytest.approx(50.0)


def test_the_batch_reads_are_planned_for_their_ids_and_the_setting_put_back(
    database: Database,
) -> None:
    with database.unit_of_work() as session:
        if not database.is_postgres:
            with custom_plans(session):
                pass  # nothing to set on SQLite
            return
        mode = "SELECT current_setting('plan_cache_mode')"
        before = session.execute(text(mode)).scalar_one()
        with custom_plans(session):
            assert session.execute(text(mode)).scalar_one() == "force_custom_plan"
        assert session.execute(text(mode)).scalar_one() == before != "force_custom_plan"


def test_rated_answers_are_those_of_the_bound_pulses_with_the_side_they_were_sent_to(
    database: Database,
) -> None:
    first, second = store(
        database,
        [
            [
                Seat("client", 2.0, rating=4),
                Seat("provider", 1.0, guess=3, row=True),  # a guess, no rating yet
                Seat("provider", 3.0, rating=2),
            ],
            [Seat("client", 5.0, rating=5)],
        ],
        2,
    )
    with database.unit_of_work() as session:
        removed = session.scalars(select(Member).where(Member.user_id == "U0x2")).one()
        removed.status = "removed"
    columns = (Response.pulse_id, Delivery.side, Delivery.weight)
    everyone = rated_answers(*columns, without_removed=False)
    present = rated_answers(*columns, without_removed=True)
    with database.reading() as session:

        def rows(statement: Select[Any], pulse_ids: list[int]) -> set[tuple[int, str, float]]:
            found = session.execute(statement, {"pulse_ids": pulse_ids})
            return {(int(p), str(side), float(w)) for p, side, w in found}

        assert rows(everyone, [first]) == {(first, "client", 2.0), (first, "provider", 3.0)}
        assert rows(present, [first]) == {(first, "client", 2.0)}
        assert rows(present, [first, second]) == {(first, "client", 2.0), (second, "client", 5.0)}
        assert rows(everyone, []) == set()
