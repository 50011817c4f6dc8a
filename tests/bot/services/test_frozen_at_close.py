"""Everything shown about a closed pulse is frozen at close, on SQLite and PostgreSQL.

After the close, answers are edited, a person is forgotten and comments pass their
retention; the digest, App Home, `/rapport alerts`, the export and the ladder's
escalation say byte for byte what they said before about that pulse.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import timedelta

import pytest
from sqlalchemy import select, update

from bot.domain.vocabulary import utcnow
from bot.services.erasure import delete_expired_comments
from bot.services.export import find_engagement, render
from bot.services.ladder import escalation_text, ladder_of
from storage.models import Alert, Member, Response
from tests.support import flows
from tests.support.digests_flow import blocks_text, dm_posts
from tests.support.running import RunningApp

FURIOUS = "U0CLI4"
CLIENTS = (*flows.CLIENTS, FURIOUS)
CALM = "The ticket backlog is fine."
ANGRY = "The ticket backlog is a disgrace, I am furious, terrible and awful."
SPONSOR = "U0SPONS"


def closed_backlog_pulse(rapport: RunningApp) -> None:
    """The issue's scenario: four client comments on the ticket backlog, one furious."""
    rapport.clock.frozen = utcnow()
    flows.set_up(rapport)
    flows.add(rapport, CLIENTS, "client")
    flows.add(rapport, flows.PROVIDERS, "provider")
    flows.add(rapport, (SPONSOR,), "client", "sponsor")
    flows.send(rapport)
    for user, rating in zip(CLIENTS, (2, 2, 1, 1), strict=True):
        flows.click(rapport, user, f"pulse.rate.{rating}")
    for user in flows.PROVIDERS:
        flows.click(rapport, user, "pulse.rate.5")
    for user in flows.CLIENTS:
        flows.comment(rapport, user, CALM)
    flows.comment(rapport, FURIOUS, ANGRY)
    assert "Closed the pulse" in rapport.slack.command("close").all_text()
    rapport.settle()


def digest(rapport: RunningApp) -> str:
    """The digest DM the sponsor asks for, as sent (text and blocks)."""
    reply = rapport.slack.command("digest", user=SPONSOR, channel="D" + SPONSOR[1:])
    assert "in our DM" in reply.all_text()
    rapport.settle()
    sent = dm_posts(rapport, SPONSOR)[-1]
    return f"{sent.get('text')}\n{blocks_text(sent)}"


def home(rapport: RunningApp) -> str:
    rapport.slack.home_opened(flows.LEAD)
    view = rapport.standin.calls_to("views.publish")[-1].params["view"]
    return json.dumps(json.loads(view) if isinstance(view, str) else view, sort_keys=True)


def alerts(rapport: RunningApp) -> str:
    return rapport.slack.command("alerts").all_text()


def export(rapport: RunningApp) -> str:
    with rapport.database.reading() as session:
        engagement = find_engagement(session, "Acme deal")
        return render(session, engagement, "csv") + render(session, engagement, "json")


def ladder(rapport: RunningApp) -> str:
    with rapport.database.reading() as session:
        found = session.scalars(select(Alert).order_by(Alert.id)).all()
        assert found, "the scenario opens alerts"
        now = rapport.container.now()
        return "\n".join(
            escalation_text(session, alert, now, ladder_of(alert.engagement)) for alert in found
        )


READERS: dict[str, Callable[[RunningApp], str]] = {
    "digest": digest,
    "home": home,
    "alerts": alerts,
    "export": export,
    "ladder": ladder,
}


def edit_after_close(rapport: RunningApp) -> None:
    """The strongest edit: the rows themselves, as whoever runs the database could."""
    flows.click(rapport, flows.CLIENTS[0], "pulse.rate.5")
    with rapport.database.unit_of_work() as session:
        session.execute(
            update(Response).values(comment="Everything is fine now.", polarity=0.9, rating=5)
        )


def forget_the_furious_one(rapport: RunningApp) -> None:
    reply = rapport.slack.command(f"forget <@{FURIOUS}>").all_text()
    assert "Forgotten" in reply, reply
    with rapport.database.reading() as session:
        assert not session.scalars(select(Member).where(Member.user_id == FURIOUS)).all()


def retention_deletes_every_comment(rapport: RunningApp) -> None:
    assert "comments kept 30d" in rapport.slack.command("config retention=30d").all_text()
    frozen = rapport.clock.frozen or utcnow()
    rapport.clock.frozen = frozen + timedelta(days=31)
    assert delete_expired_comments(rapport.container) == 4
    rapport.clock.frozen = frozen
    with rapport.database.reading() as session:
        assert (
            session.scalars(select(Response.comment).where(Response.comment.is_not(None))).all()
            == []
        )


CHANGES: dict[str, Callable[[RunningApp], None]] = {
    "edit": edit_after_close,
    "forget": forget_the_furious_one,
    "retention": retention_deletes_every_comment,
}


# One closed pulse per change, read by every reader before and after it: a reader only
# reads (each says the same when asked twice), so one scenario serves all five.
@pytest.mark.parametrize("change", sorted(CHANGES))
def test_what_a_reader_says_about_a_closed_pulse_never_changes(
    rapport: RunningApp, change: str
) -> None:
    closed_backlog_pulse(rapport)
    before = {name: read(rapport) for name, read in sorted(READERS.items())}
    assert {name: read(rapport) for name, read in sorted(READERS.items())} == before
    CHANGES[change](rapport)
    assert {name: read(rapport) for name, read in sorted(READERS.items())} == before


def test_forgetting_the_furious_one_leaves_the_digest_themes_as_published(
    rapport: RunningApp,
) -> None:
    closed_backlog_pulse(rapport)
    before = digest(rapport)
    assert "ticket backlog (4 people, negative)" in before, before
    forget_the_furious_one(rapport)
    after = digest(rapport)
    assert after == before
    assert "fine (3 people" not in after and "3 people" not in after
