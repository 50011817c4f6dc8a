"""Closing a tick's pulses together: each is published and evaluated as if closed alone."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select, update

import bot.services.evaluation as evaluation
from bot.services.evaluation import HISTORY, close_pulses, evaluate_pulses, load_pulses
from bot.services.reconcile import reconcile
from storage.alerts import closed_pulse_ids_before
from storage.db import Database
from storage.models import Engagement, PublishedFigure, Pulse, Response
from storage.published import published
from storage.pulses import closed_ids_before
from tests.storage.rows import CREATED, add_delivery, add_engagement, add_member, add_pulse

NOW = CREATED + timedelta(days=30)


def answered_pulse(
    database: Database, name: str, ratings: tuple[int, ...], **fields: object
) -> int:
    """An open pulse of a new engagement, each client rating it as given, providers a 4."""
    with database.unit_of_work() as session:
        deal = add_engagement(session, name=name, channel_id=f"C0{name.upper()}")
        pulse = add_pulse(session, deal, **fields)
        people = [("client", rating) for rating in ratings] + [("provider", 4)] * 3
        for i, (side, rating) in enumerate(people):
            member = add_member(session, deal, f"U{i:04d}", side=side)
            add_delivery(session, pulse, member, status="sent")
            session.add(
                Response(
                    pulse_id=pulse.id, member_id=member.id, rating=rating, score=25.0 * (rating - 1)
                )
            )
        return pulse.id


def status_of(database: Database, pulse_id: int) -> tuple[str, bool, bool]:
    """(status, whether evaluated, whether figures are published) of one pulse."""
    with database.reading() as session:
        pulse = session.get_one(Pulse, pulse_id)
        figures = session.scalar(select(func.count()).where(PublishedFigure.pulse_id == pulse_id))
        return pulse.status, pulse.evaluated_at is not None, bool(figures)


def test_pulses_closed_together_publish_what_each_would_alone(database: Database) -> None:
    ids = [
        answered_pulse(database, "alpha", (1, 2, 2)),
        answered_pulse(database, "beta", (5, 5, 4, 4)),
        answered_pulse(database, "gamma", (3,)),  # too few to show the client side
    ]
    alone = answered_pulse(database, "delta", (5, 5, 4, 4))
    with database.unit_of_work() as session:
        together = {e.pulse.id: e.figures for e in close_pulses(session, ids, NOW)}
    with database.unit_of_work() as session:
        [single] = close_pulses(session, [alone], NOW)
    assert together[ids[1]] == single.figures
    assert together[ids[0]].client.index == pytest.approx(50 / 3)
    assert together[ids[2]].client.index is None
    assert together[ids[0]].provider.index == 75.0
    with database.reading() as session:
        assert published(session, ids) == together
    for pulse_id in ids:
        assert status_of(database, pulse_id) == ("closed", True, True)


def test_a_pulse_whose_evaluation_fails_stays_open_and_the_others_close(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = answered_pulse(database, "alpha", (1, 2, 2))
    bad = answered_pulse(database, "beta", (5, 5, 4))
    real = reconcile

    def failing(session, engagement: Engagement, *args, **kwargs):  # type: ignore[no-untyped-def]
        if engagement.name == "beta":
            raise RuntimeError("a rule that breaks on this engagement")
        return real(session, engagement, *args, **kwargs)

    monkeypatch.setattr(evaluation, "reconcile", failing)
    with database.unit_of_work() as session:
        closed = close_pulses(session, [good, bad], NOW)
    assert [e.pulse.id for e in closed] == [good]
    assert status_of(database, good) == ("closed", True, True)
    assert status_of(database, bad) == ("open", False, False)
    with database.reading() as session:
        assert session.get_one(Pulse, bad).closed_at is None

    monkeypatch.setattr(evaluation, "reconcile", real)
    with database.unit_of_work() as session:
        [again] = close_pulses(session, [good, bad], NOW)
    assert again.pulse.id == bad
    assert status_of(database, bad) == ("closed", True, True)


def test_a_pulse_closed_by_someone_else_is_not_closed_again(database: Database) -> None:
    pulse_id = answered_pulse(database, "alpha", (1, 2, 2))
    with database.unit_of_work() as session:
        assert len(close_pulses(session, [pulse_id], NOW)) == 1
    with database.unit_of_work() as session:
        assert close_pulses(session, [pulse_id], NOW + timedelta(hours=1)) == []
        assert session.get_one(Pulse, pulse_id).closed_at == NOW


def test_the_look_back_read_together_is_each_pulse_own(database: Database) -> None:
    """Per pulse, the earlier closed pulses of its own engagement, as one at a time gives them."""
    with database.unit_of_work() as session:
        pulses = []
        for name in ("alpha", "beta"):
            deal = add_engagement(session, name=name)
            for week in range(HISTORY + 3):
                opened = CREATED + timedelta(weeks=week)
                pulses.append(
                    add_pulse(
                        session,
                        deal,
                        status="closed" if week != 2 else "open",
                        opened_at=opened,
                        scheduled_for=opened,
                        closed_at=opened + timedelta(days=3) if week != 2 else None,
                    )
                )
        # Two pulses opened at the same moment: the later id counts as later.
        pulses.append(add_pulse(session, deal, status="closed", opened_at=opened, closed_at=opened))
    with database.reading() as session:
        loaded = load_pulses(session, [p.id for p in pulses])
        together = closed_ids_before(session, loaded, HISTORY)
        for pulse in loaded:
            assert together[pulse.id] == closed_pulse_ids_before(session, pulse, HISTORY), pulse.id
        assert len(together[loaded[-1].id]) == HISTORY


def test_evaluating_again_reads_the_figures_as_published(database: Database) -> None:
    pulse_id = answered_pulse(database, "alpha", (1, 2, 2))
    with database.unit_of_work() as session:
        [first] = close_pulses(session, [pulse_id], NOW)
    with database.unit_of_work() as session:
        session.execute(update(Response).values(rating=5, score=100.0))
    with database.unit_of_work() as session:
        [again] = evaluate_pulses(session, load_pulses(session, [pulse_id]), NOW)
    assert again.figures == first.figures
