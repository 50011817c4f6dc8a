"""Words that match the numbers, pinned on the `rapport simulate` runs where they did not.

Each case was first seen in `rapport simulate --seed N` output: a trend word that
contradicted the figures, or a finding relabelled instead of resolved and opened anew.
The runs go through the real pipeline (answers, published figures, rules, alerts), on
SQLite and PostgreSQL.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import pytest
from sqlalchemy import select

from bot.services.simulate import Simulation, populate
from storage.db import Database
from storage.migrate import upgrade
from storage.models import Alert, AlertStep, Pulse

# Whole simulated stories: out of the fast loop, in every full run.
pytestmark = pytest.mark.slow


@dataclass(frozen=True)
class Step:
    key: str
    change: str
    trend: str
    sentence: str


def run(database: Database, seed: int) -> tuple[Simulation, dict[int, list[Step]]]:
    """Twelve simulated weeks; what each week's close said about each finding."""
    upgrade(database)
    _, simulation = populate(database, 12, seed)
    with database.reading() as session:
        weeks = {
            pulse_id: week
            for week, pulse_id in enumerate(
                session.scalars(select(Pulse.id).order_by(Pulse.opened_at)).all(), start=1
            )
        }
        said: dict[int, list[Step]] = {}
        rows = session.execute(
            select(AlertStep, Alert).join(Alert, Alert.id == AlertStep.alert_id)
        ).all()
        for step, alert in rows:
            said.setdefault(weeks[step.pulse_id], []).append(
                Step(alert.key, step.change, step.trend, alert.sentence)
            )
    return simulation, said


def one(steps: list[Step], key: str) -> Step:
    found = [s for s in steps if s.key == key]
    assert len(found) == 1, (key, steps)
    return found[0]


@dataclass(frozen=True)
class Found:
    fixed_at_account: bool
    escalated_at: datetime | None


@dataclass(frozen=True)
class Seed1:
    simulation: Simulation
    said: dict[int, list[Step]]
    alerts: dict[str, Found]


@pytest.fixture(scope="module")
def seed_1(module_database: Database) -> Seed1:
    """Seed 1's twelve weeks, simulated once per backend for the tests that read them."""
    simulation, said = run(module_database, 1)
    with module_database.reading() as session:
        alerts = {
            a.key: Found(a.fixed_at_account, a.escalated_at)
            for a in session.scalars(select(Alert)).all()
        }
    return Seed1(simulation, said, alerts)


def test_seed_1_week_7_a_decline_to_the_lowest_score_is_worse_not_better(
    seed_1: Seed1,
) -> None:
    # Before: "decline better" while the client fell 37 → 21, its lowest, because the
    # three-pulse fall shrank as the high pulses left the window.
    said = seed_1.said
    decline = one(said[7], "decline:client")
    assert decline.change == "worse"
    assert decline.trend == "Worse: the client side fell from 37 to 21."
    assert all(s.change != "better" for s in said[7] if s.key.endswith(":client"))


def test_seed_1_week_6_the_provider_declining_too_is_a_new_finding_not_a_better_one(
    seed_1: Seed1,
) -> None:
    # Before: one "decline" alert for both sides, labelled "better" in the very message
    # that first reported the provider declining too.
    said = seed_1.said
    provider = one(said[6], "decline:provider")
    assert provider.change == "opened"
    assert provider.sentence.startswith("The provider side fell from 84 to 73")
    client = one(said[6], "decline:client")
    assert client.change == "same"
    assert client.trend == "No change: the client side is at 37, as before."


def test_seed_1_week_9_watermelon_resolved_says_the_client_is_still_below_its_tolerance(
    seed_1: Seed1,
) -> None:
    # Before: "watermelon resolved" with no reason, while the client was still unhappy:
    # only the SLA had turned amber.
    said = seed_1.said
    watermelon = one(said[9], "watermelon:client")
    assert watermelon.change == "resolved"
    assert watermelon.trend == (
        "SLA now amber: the watermelon rule no longer applies, but the client is still at 57, "
        "below its 70"
    )
    divergence = one(said[10], "divergence:client")
    assert divergence.change == "resolved"
    assert divergence.trend == "client back at 72, at or above its 70"


def test_seed_1_a_finding_fixed_before_escalation_and_one_escalated(
    seed_1: Seed1,
) -> None:
    simulation, alerts = seed_1.simulation, seed_1.alerts
    assert alerts["decline:provider"].fixed_at_account
    assert alerts["decline:provider"].escalated_at is None
    assert alerts["watermelon:client"].escalated_at is not None
    assert not alerts["watermelon:client"].fixed_at_account
    assert simulation.alerts.escalated and simulation.alerts.fixed_at_account
    assert any("escalated to <@U0SIMSPON> by DM" in e for e in simulation.alerts.events)


def test_seed_2_week_12_a_blind_spot_that_changes_side_is_resolved_and_a_new_one_opened(
    database: Database,
) -> None:
    # Before: the alert opened for the provider misreading the client became "The client
    # side expects the provider side to rate the relationship 65 …", labelled "better".
    _, said = run(database, 2)
    old = one(said[12], "blind_spot:provider:high")
    assert old.change == "resolved"
    assert old.trend == (
        "the provider side's guess of the client side (75) is now within 15 of the client "
        "side's score (72)"
    )
    new = one(said[12], "blind_spot:client:low")
    assert new.change == "opened"
    assert new.sentence.startswith("The client side expects the provider side to rate")
    assert all(s.change != "better" for s in said[12] if s.key.startswith("blind_spot"))
    with database.reading() as session:
        keys = {a.key for a in session.scalars(select(Alert)).all()}
    assert {"blind_spot:provider:high", "blind_spot:client:low"} <= keys
