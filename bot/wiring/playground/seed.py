"""The demo engagement of `rapport simulate`, and what its history left in Slack.

`populate` runs the simulated weeks through the real pipeline without Slack, giving
each post it "made" a timestamp. Those posts are put where Slack would hold them: each
grouped alert message in the shared channel (drawn by the app's own view from the
stored findings), each re-raise and resolution in its thread, each escalation in the
sponsor's DM, so the live app finds and updates them as it would in Slack.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Final

from sqlalchemy import select

from bot.services import simulate
from bot.services.alert_message import load
from bot.services.delivery.alert_posts import ALERT_EVENT
from bot.services.delivery.ladder_posts import LADDER_EVENT
from bot.views.alert_message import fallback_text, message_blocks
from bot.wiring.playground.workspace import Message, Person, Workspace
from storage import engagements as engagement_queries
from storage.db import Database
from storage.models import Alert, AlertMessage, Engagement, LadderPost

NAMES: Final = {
    simulate.LEAD: "Clara Weber",
    simulate.SPONSOR: "Sam Okafor",
    simulate.PROVIDER_LEAD: "Priya Nair",
    **dict(
        zip(
            simulate.CLIENTS,
            (
                "Anna Schmidt",
                "Ben Fischer",
                "Carla Rossi",
                "David Klein",
                "Eva Novak",
                "Felix Wagner",
            ),
            strict=True,
        )
    ),
    **dict(
        zip(
            simulate.PROVIDERS,
            ("Ravi Kumar", "Mei Chen", "Tom Hughes", "Lena Berg", "Omar Haddad"),
            strict=True,
        )
    ),
}
WEEKS: Final = 12
SEED: Final = 1


@dataclass(frozen=True, slots=True)
class Demo:
    engagement_id: int
    channel: str
    channel_name: str
    lead: str
    people: list[Person]
    recipients: int
    """How many people a pulse goes to (sponsors read digests instead)."""
    roles: dict[str, tuple[str, str]]
    """Each person's side and role."""


def populate(database: Database) -> Demo:
    """The simulated engagement in a migrated database: its people, channel and lead."""
    # The history's re-raises and escalations are not news to whoever starts the demo.
    ladder_log = logging.getLogger("bot.services.ladder")
    level = ladder_log.level
    ladder_log.setLevel(logging.WARNING)
    try:
        engagement_id, run = simulate.populate(database, WEEKS, SEED)
    finally:
        ladder_log.setLevel(level)
    with database.reading() as session:
        engagement = session.get_one(Engagement, engagement_id)
        orgs = {"client": engagement.client_org, "provider": engagement.provider_org}
        people = [
            Person(
                m.user_id, NAMES.get(m.user_id, m.user_id), f"{orgs[m.side]} · {m.side} {m.role}"
            )
            for m in sorted(engagement.members, key=lambda m: (m.side, m.role != "lead", m.user_id))
        ]
        slug = "-".join(engagement.name.lower().split())
        recipients = len(engagement_queries.pulse_recipients(session, engagement_id))
        roles = {m.user_id: (m.side, m.role) for m in engagement.members}
        return Demo(engagement_id, engagement.channel_id, slug, run.lead, people, recipients, roles)


def history_posts(database: Database, engagement_id: int, bot_user: str) -> list[Message]:
    """Every post the simulated history made, as Slack would hold it now."""
    posts: list[Message] = []
    with database.reading() as session:
        messages = session.scalars(
            select(AlertMessage).where(
                AlertMessage.engagement_id == engagement_id, AlertMessage.message_ts.is_not(None)
            )
        ).all()
        for message in messages:
            view = load(session, message)
            posts.append(
                Message(
                    channel=message.channel_id,
                    ts=str(message.message_ts),
                    user=bot_user,
                    text=fallback_text(view),
                    blocks=message_blocks(view),
                    metadata={"event_type": ALERT_EVENT, "event_payload": {"message": message.id}},
                )
            )
        ladder = session.scalars(
            select(LadderPost)
            .join(Alert, Alert.id == LadderPost.alert_id)
            .where(Alert.engagement_id == engagement_id, LadderPost.ts.is_not(None))
        ).all()
        for post in ladder:
            escalation = post.kind == "escalation"
            posts.append(
                Message(
                    channel=Workspace.dm_of(post.recipient) if escalation else post.recipient,
                    ts=str(post.ts),
                    user=bot_user,
                    text=post.text,
                    thread_ts=None if escalation else post.thread_ts,
                    metadata={"event_type": LADDER_EVENT, "event_payload": {"post": post.id}},
                )
            )
    return posts
