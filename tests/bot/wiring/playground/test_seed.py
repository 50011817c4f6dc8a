"""The demo's history, put where Slack would hold it."""

from __future__ import annotations

from sqlalchemy import select

from bot.services import simulate
from bot.wiring.playground.seed import NAMES, history_posts, populate
from storage.db import Database
from storage.models import AlertMessage, LadderPost


def test_every_post_the_history_made_is_where_slack_would_hold_it(database: Database) -> None:
    demo = populate(database)
    assert {p.user_id for p in demo.people} == set(NAMES)
    assert demo.recipients == len(NAMES) - 1  # the sponsor reads the digest instead
    posts = history_posts(database, demo.engagement_id, "U0RAPPORT")
    by_ts = {(p.channel, p.ts): p for p in posts}
    with database.reading() as session:
        messages = session.scalars(select(AlertMessage)).all()
        ladder = session.scalars(select(LadderPost).where(LadderPost.ts.is_not(None))).all()
        assert messages and ladder
        for message in messages:
            shown = by_ts[(demo.channel, str(message.message_ts))]
            assert shown.blocks and shown.thread_ts is None
            assert shown.metadata == {
                "event_type": "rapport_alert",
                "event_payload": {"message": message.id},
            }
        for post in ladder:
            if post.kind == "escalation":
                assert post.recipient == simulate.SPONSOR
                assert by_ts[("D" + post.recipient[1:], str(post.ts))].text == post.text
            else:
                reply = by_ts[(demo.channel, str(post.ts))]
                # A reply to a message that is itself in the channel.
                assert (demo.channel, reply.thread_ts) in by_ts
    assert len(posts) == len(messages) + len(ladder)
