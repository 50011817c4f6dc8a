"""`rapport simulate`: a synthetic engagement run through the real pipeline, with no Slack at all.

Two sides answer a weekly pulse. The client side's mood sinks in the second quarter
of the run, stays low, then recovers; the provider side stays content and, while the
client is unhappy, keeps guessing that the client is happy. Answers, comments and SLA
records go through the same storage, sentiment scoring, side indices, rules, alerts
and digest rendering as in Slack; only the DMs are skipped (deliveries are marked
sent). A seed fixes every random draw and every timestamp, so a seed always writes the
same files. The engagement is kept in a database, so `rapport export` and `rapport web`
can be tried on it.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from typing import Final

from sqlalchemy import select

from bot.domain.digest.chart import render_chart
from bot.domain.operator_text import SIMULATION_EXISTS
from bot.domain.people import Caller, Person
from bot.domain.schedule import next_weekly
from bot.services.digest.assemble import assemble
from bot.services.engagements import add_people, set_up
from bot.services.evaluation import close_pulse
from bot.services.export import export_rows, to_csv
from bot.services.pulses import open_pulse, record_answer
from bot.services.simulate_alerts import AlertStory, after_close, between_closes
from bot.services.simulate_moods import client_mood, drivers, provider_mood, rating
from bot.views.digest_message import render_text
from bot.views.plain_text import plain
from storage import deliveries as delivery_queries
from storage import digests as engagement_queries
from storage import pulses as pulse_queries
from storage.db import Database
from storage.errors import location
from storage.migrate import upgrade
from storage.models import Alert, Engagement, SlaRecord

TEAM: Final = "T0SIMULATE"
LEAD, PROVIDER_LEAD, SPONSOR = "U0SIMLEAD", "U0SIMPLEAD", "U0SIMSPON"
CLIENTS: Final = tuple(f"U0SIMC{i}" for i in range(1, 7))
PROVIDERS: Final = tuple(f"U0SIMP{i}" for i in range(1, 6))
START: Final = datetime(2025, 1, 7, 9, 0, tzinfo=UTC)  # Tuesday 10:00 in Berlin
MAX_WEEKS: Final = 520
COMMENTS: Final = {
    ("client", "low"): (
        "Tickets wait days for a first response.",
        "The release slipped again and nobody told us.",
        "Handover notes are missing after every shift change.",
        "Tickets wait too long and escalation is the only way to get attention.",
        "Release dates keep moving without warning.",
    ),
    ("client", "high"): (
        "Tickets are picked up the same day now.",
        "The weekly review is useful and actions get closed.",
        "The release went out on time, well done.",
        "Good collaboration with the service desk this week.",
    ),
    ("provider", "low"): (
        "Requirements change late in the sprint.",
        "Access requests take days to approve.",
        "Good collaboration with the client team.",
    ),
    ("provider", "high"): (
        "Good collaboration with the client team.",
        "The weekly review is useful and actions get closed.",
        "Clear priorities from the client this week.",
    ),
}


@dataclass(slots=True)
class Simulation:
    """What a run wrote and what its alerts did."""

    weeks: int
    seed: int
    files: list[Path] = field(default_factory=list)
    alerts: AlertStory = field(default_factory=AlertStory)
    last_close: datetime = START
    name: str = "Acme deal"
    team: str = TEAM
    lead: str = LEAD  # the client-side lead: a real user id puts you on the demo engagement
    language: str = "en"  # everyone's, and the shared channel's (`--locale`)


class SimulationExistsError(Exception):
    """The database given already holds the simulated engagement; nothing was written."""


def names_of(run: Simulation) -> dict[str, str]:
    """What the simulated people and channel are called in the files people read."""
    names = {
        run.lead: "Dana (Acme lead)",
        PROVIDER_LEAD: "Sam (Globex lead)",
        SPONSOR: "Robin (Acme sponsor)",
        _channel_of(run.name): "acme-globex",
    }
    names.update({user: f"Acme member {n}" for n, user in enumerate(CLIENTS, start=1)})
    names.update({user: f"Globex member {n}" for n, user in enumerate(PROVIDERS, start=1)})
    return names


def _channel_of(name: str) -> str:
    """A channel id of the simulated engagement's own: two engagements never share one."""
    return "C0SIM" + "".join(c for c in name.upper() if c.isascii() and c.isalnum())[:20]


def _engagement(database: Database, run: Simulation) -> int:
    with database.unit_of_work() as session:
        engagement = set_up(
            session,
            Caller(run.team, run.lead),
            name=run.name,
            client="Acme",
            provider="Globex",
            # Each engagement needs a channel of its own.
            channel=_channel_of(run.name),
            timezone="Europe/Berlin",
        )
        people = [Person(user, run.team) for user in CLIENTS]
        add_people(session, engagement, people, side="client", role=None, weight=None)
        providers = [Person(user, run.team) for user in PROVIDERS]
        add_people(session, engagement, providers, side="provider", role=None, weight=None)
        lead = [Person(PROVIDER_LEAD, run.team)]
        add_people(session, engagement, lead, side="provider", role="lead", weight=None)
        sponsor = [Person(SPONSOR, run.team)]
        add_people(session, engagement, sponsor, side="client", role="sponsor", weight=None)
        engagement.language = run.language
        for member in engagement.members:
            member.locale = run.language
            member.added_at = START - timedelta(days=7)
        engagement.created_at = START - timedelta(days=7)
        return engagement.id


def _week(
    database: Database, engagement_id: int, rng: random.Random, week: int, run: Simulation
) -> datetime:
    opened = START + timedelta(weeks=week)
    client, provider = client_mood(week, run.weeks), provider_mood(week, run.weeks)
    with database.unit_of_work() as session:
        engagement = session.get_one(Engagement, engagement_id)
        sla = "amber" if 0.65 <= week / max(run.weeks - 1, 1) < 0.8 else "green"
        session.add(
            SlaRecord(
                engagement_id=engagement_id,
                status=sla,
                recorded_by=run.lead,
                recorded_at=opened - timedelta(hours=20),
            )
        )
        pulse = open_pulse(
            session, engagement, started_by="clock", now=opened, scheduled_for=opened
        )
        for delivery in pulse_queries.deliveries_with_status(session, pulse.id, "pending"):
            ts = f"{int(opened.timestamp())}.{delivery.id:06d}"
            delivery_queries.mark_sent(session, delivery.id, f"D{delivery.member_id}", ts)
        recipients = sorted(
            (
                (d.member.side, d.member.user_id)
                for d in pulse_queries.deliveries_with_status(session, pulse.id, "sent")
            ),
            key=lambda pair: pair[1],
        )
        for hour, (side, user) in enumerate(recipients, start=1):
            if rng.random() < 0.12:
                continue  # did not answer this week
            # The provider side keeps believing the client is content.
            mood, other = (client, provider) if side == "client" else (provider, 4.2)
            mood_word = "low" if mood < 3.5 else "high"
            comment = rng.choice(COMMENTS[(side, mood_word)]) if rng.random() < 0.5 else None
            record_answer(
                session,
                pulse_id=pulse.id,
                team_id=run.team,
                user_id=user,
                now=opened + timedelta(hours=hour),
                rating=rating(rng, mood),
                guess=rating(rng, other),
                comment=comment,
                drivers=drivers(run.seed, week, user, side, mood),
            )
        closed = pulse.closes_at
        evaluation = close_pulse(session, pulse, closed)
        assert evaluation is not None  # the pulse was opened just above
    after_close(database, evaluation, closed, week + 1, run.alerts)
    return closed


def populate(
    database: Database,
    weeks: int,
    seed: int,
    *,
    name: str = "Acme deal",
    team: str = TEAM,
    lead: str = LEAD,
    language: str = "en",
) -> tuple[int, Simulation]:
    """Set up an engagement called ``name`` in a migrated database and run ``weeks`` pulses.

    Returns the engagement's id and what happened; the database keeps everything.
    """
    if not 1 <= weeks <= MAX_WEEKS:
        raise ValueError(f"weeks must be from 1 to {MAX_WEEKS}, not {weeks}")
    run = Simulation(weeks, seed, name=name, team=team, lead=lead, language=language)
    rng = random.Random(seed)
    engagement_id = _engagement(database, run)
    for week in range(weeks):
        run.last_close = _week(database, engagement_id, rng, week, run)
        next_open = START + timedelta(weeks=week + 1)
        between_closes(database, (run.last_close, next_open), run.lead, run.alerts)
    return engagement_id, run


def simulate(
    weeks: int,
    seed: int,
    out: Path,
    url: str,
    *,
    fresh: bool = False,
    team: str = TEAM,
    lead: str = LEAD,
    language: str = "en",
) -> Simulation:
    """Run ``weeks`` weekly pulses in the database at ``url`` and write what sponsors would see.

    Files written to ``out``: ``digest.txt``, ``digest.png``, ``alerts.txt``
    (every finding opened, worsened, improved, resolved with why, re-raised or escalated),
    ``messages.txt`` (each grouped alert message as each close left it) and ``pulses.csv``.
    The database is migrated and keeps the engagement; ``fresh`` starts a SQLite file over
    (the default ``simulate.db`` is the simulation's own). The text files read as Slack
    shows the messages: dates, people and channels by name, no markup tokens. A database
    that already holds the engagement raises `SimulationExistsError` before anything is
    written.
    """
    path = Path(url.removeprefix("sqlite:///")) if url.startswith("sqlite:///") else None
    if fresh and path is not None:
        for stale in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
            stale.unlink(missing_ok=True)
    database = Database(url)
    run = Simulation(weeks=weeks, seed=seed, team=team, lead=lead)
    try:
        upgrade(database)
        with database.reading() as session:
            if engagement_queries.engagements_named(session, run.name, team):
                raise SimulationExistsError(
                    SIMULATION_EXISTS.format(where=location(url), name=run.name, team=team)
                )
        engagement_id, run = populate(
            database, weeks, seed, name=run.name, team=team, lead=lead, language=language
        )
        # The sponsor reads it on the Monday 08:00 after the last pulse closed.
        now = next_weekly(0, time(8, 0), "Europe/Berlin", run.last_close)
        with database.reading() as session:
            engagement = session.get_one(Engagement, engagement_id)
            digest = assemble(session, engagement, now)
            export = to_csv(export_rows(session, engagement))
            live = session.scalars(
                select(Alert).where(
                    Alert.engagement_id == engagement_id, Alert.status != "resolved"
                )
            ).all()
            still_open = [f"still open: {a.key} ({a.sentence} {a.trend})" for a in live]
    finally:
        database.dispose()
    names = names_of(run)
    outputs = {
        "digest.txt": plain(render_text(digest), names) + "\n",
        "alerts.txt": plain("\n".join([*run.alerts.events, *still_open]), names) + "\n",
        "messages.txt": plain("\n\n".join(run.alerts.messages), names) + "\n",
        "pulses.csv": export,
    }
    for name, text in outputs.items():
        (out / name).write_text(text, encoding="utf-8")
        run.files.append(out / name)
    (out / "digest.png").write_bytes(render_chart(digest))
    run.files.append(out / "digest.png")
    return run
