"""A whole cycle under random Slack faults and a database that goes away for five seconds.

Real `rapport web` and `rapport clock` processes, a PostgreSQL cluster of the test's own,
and a Slack stand-in that answers a share of every outbound call with a hang past the
client's timeout, a reset (before or after the call took effect), a 429 or a 5xx, drawn
from a fixed seed. The test acts as the people would: a lead who runs a command again
when told it did not work, members who tap again when told their answer was not saved.
"""

from __future__ import annotations

import json
import threading
import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any, Literal
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from bot.services.delivery.alert_posts import ALERT_EVENT
from bot.services.delivery.digests import DIGEST_EVENT
from bot.views.pulse_dm import PULSE_EVENT
from storage.db import Database
from storage.migrate import upgrade
from storage.models import (
    Alert,
    AlertMessage,
    DigestDelivery,
    Engagement,
    Member,
    Pulse,
    Response,
)
from tests.support.chaos import RandomFaults
from tests.support.flows import pulse_button
from tests.support.keys import TEST_KEY
from tests.support.processes import ClockProcess, WebProcess, free_port
from tests.support.running import SECRET
from tests.support.slack_api import Call, SlackStandIn
from tests.support.slack_requests import SlackDriver
from tests.support.slack_rules import Limits
from tests.support.throwaway_postgres import ThrowawayPostgres, throwaway_postgres

# A whole cycle under faults, on a busy machine: longer than the suite's 300 s per test.
pytestmark = [pytest.mark.chaos, pytest.mark.slow, pytest.mark.timeout(600)]

LEAD = "U0LEAD"
SPONSOR = "U0SPONSOR"
CHANNEL = "C0ALERTS"
CLIENTS = (LEAD, *(f"U0C{i:03d}" for i in range(19)))
PROVIDERS = tuple(f"U0P{i:03d}" for i in range(20))
MEMBERS = CLIENTS + PROVIDERS
COMMENTERS = (CLIENTS[3], CLIENTS[4], CLIENTS[5], PROVIDERS[3], PROVIDERS[4], PROVIDERS[5])
PROCESS_ENV = {
    "SLACK_TIMEOUT_SECONDS": "1",
    "RETRY_BASE_SECONDS": "1",
    "STALE_SENDING_SECONDS": "5",
}

# What the app tells a lead whose command did not (wholly) take effect.
TOLD_TO_RETRY = ("try again", "add them again", "nothing was saved", "nothing was changed")


def rating_of(user: str) -> int:
    """The client side is unhappy, the provider side thinks all is well: alerts follow."""
    return 1 + CLIENTS.index(user) % 2 if user in CLIENTS else 5


def wait_for(condition: Callable[[], object], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.25)


def tagged(call: Call, event: str) -> dict[str, Any] | None:
    metadata = call.params.get("metadata")
    metadata = json.loads(metadata) if isinstance(metadata, str) else metadata
    if not isinstance(metadata, dict) or metadata.get("event_type") != event:
        return None
    payload: dict[str, Any] = metadata.get("event_payload") or {}
    return payload


class Cycle:
    """The people and the database of one engagement, as the test drives them."""

    def __init__(self, standin: SlackStandIn, slack: SlackDriver, database: Database) -> None:
        self.standin = standin
        self.slack = slack
        self.database = database
        self.not_saved_replies = 0
        self.told_saved: set[str] = set()

    def rows(self, query: Any) -> list[Any]:
        """Rows from the database, or nothing while it is away."""
        try:
            with self.database.reading() as session:
                return list(session.scalars(query).all())
        except Exception:
            return []

    def command_until(self, text: str, done: Callable[[], bool], user: str = LEAD) -> None:
        """Run a command as a lead would: again, if what it should do did not happen, at once
        if told to try again."""
        for _ in range(8):
            reply = self.slack.command(text, user=user, channel=CHANNEL)
            assert reply.status == 200, reply.body
            deadline = time.monotonic() + 8
            while time.monotonic() < deadline:
                if done():
                    return
                if any(words in reply.text.lower() for words in TOLD_TO_RETRY):
                    break
                time.sleep(0.2)
        raise AssertionError(f"`/rapport {text}` never took effect")

    def members(self) -> set[str]:
        return {m.user_id for m in self.rows(select(Member).where(Member.status == "active"))}

    def all_added(self, people: tuple[str, ...]) -> bool:
        return set(people) <= self.members()

    def pulse_dm(self, user: str) -> Call | None:
        for call in self.standin.dms():
            if call.params.get("channel") == user and tagged(call, PULSE_EVENT) is not None:
                return call
        return None

    def tap(self, user: str, action: str, number: int = 0) -> None:
        """Press a button on the pulse DM; count the "not saved" answers."""
        dm = self.pulse_dm(user)
        assert dm is not None, f"{user} has no pulse DM"
        action_id = f"pulse.{action}.{number}" if number else f"pulse.{action}"
        button = pulse_button(dm, action_id)
        reply = self.slack.click(action_id, button["value"], user=user)
        assert reply.status == 200, (user, reply.status)
        time.sleep(0.3)  # the answer after the ack arrives through response_url
        if "not saved" in reply.text:
            self.not_saved_replies += 1
        elif "Saved." in reply.text:
            self.told_saved.add(user)

    def answers(self) -> dict[str, Response]:
        query = select(Response).join(Member, Member.id == Response.member_id)
        found = self.rows(query)
        members = {m.id: m.user_id for m in self.rows(select(Member))}
        return {members[r.member_id]: r for r in found if r.member_id in members}


def calls_about(standin: SlackStandIn, users: list[str]) -> str:
    """Every call about these people, in order: what a failure needs to be read."""
    start = standin.calls[0].at if standin.calls else 0.0
    return "\n".join(
        f"{call.at - start:8.3f} {call.method} {call.user} {call.status}"
        for call in list(standin.calls)
        if call.user in users or "D" + str(call.user)[1:] in users
    )


def shown_as_saved(standin: SlackStandIn) -> dict[str, int]:
    """Per person, the rating their pulse DM last showed as saved (a successful update)."""
    shown: dict[str, int] = {}
    for redraw in standin.redraws():
        blocks = json.dumps(redraw.get("blocks", ""))
        if "You answered *" not in blocks:
            continue
        rating = int(blocks.split("You answered *", 1)[1][0])
        shown["U" + str(redraw["channel"])[1:]] = rating
    return shown


def stop_for_five_seconds(cluster: ThrowawayPostgres, stopped: threading.Event) -> None:
    cluster.stop()
    stopped.set()
    time.sleep(5)
    cluster.start()


# Two seeds run as an internal app (Tier 3 history reads), one keeps the strict limits of
# an app distributed outside the Marketplace: one read a minute per conversation.
@pytest.mark.parametrize(
    ("seed", "distribution"), [(1, "internal"), (2, "internal"), (3, "unlisted")]
)
def test_a_whole_cycle_under_random_faults_loses_nothing_and_sends_nothing_twice(
    seed: int,
    distribution: Literal["unlisted", "internal"],
    standin: SlackStandIn,
    tmp_path: Path,
) -> None:
    faults = RandomFaults(seed=seed, rate=0.15, hang_seconds=1.6)
    with throwaway_postgres() as cluster:
        database = Database(cluster.url, TEST_KEY)
        upgrade(database)
        standin.people |= set(MEMBERS) | {SPONSOR}
        standin.user_tz.update(dict.fromkeys([*MEMBERS, SPONSOR], "UTC"))
        standin.chaos = faults
        standin.limits = Limits(distribution=distribution)
        # Every uncertain DM is looked up in its DM's history, which Slack allows an
        # unlisted app once a minute per workspace: here a minute of Slack's lasts a second,
        # and the processes read a conversation again after a second instead of a minute.
        standin.time_factor = 60.0
        env = {**PROCESS_ENV, "SLACK_APP_DISTRIBUTION": distribution}
        if distribution == "unlisted":
            env["SLACK_HISTORY_SPACING_SECONDS"] = "1"
        web = WebProcess(standin, cluster.url, tmp_path / "web.log", free_port(), **env)
        clock = ClockProcess(standin, cluster.url, tmp_path / "clock.log", **env)
        logs: list[str] = []
        try:
            web.wait_until_serving()
            run_cycle(Cycle(standin, SlackDriver(web.url, SECRET, standin), database), cluster)
            assert web.process.poll() is None and clock.process.poll() is None, "a process died"
        finally:
            logs = [web.stop(), clock.stop()]
            database.dispose()
            print(f"faults injected: {dict(faults.injected)}\n" + "\n---\n".join(logs))
    assert sum(faults.injected.values()) >= 20, "too few faults to mean anything"
    for log in logs:
        assert "Exception in thread" not in log, "a worker thread died"
    for call in standin.calls:
        assert "Traceback" not in json.dumps(call.params, default=str)
    for _, body in standin.responses:
        assert "Traceback" not in json.dumps(body, default=str)


def run_cycle(cycle: Cycle, cluster: ThrowawayPostgres) -> None:
    standin = cycle.standin

    # Set up, then add forty people and a sponsor, each again until it took.
    cycle.command_until(
        f'setup "Chaos deal" client:"Acme" provider:"Globex" channel:<#{CHANNEL}|acme-globex>',
        lambda: bool(cycle.rows(select(Engagement))),
    )
    for side, people in (("client", CLIENTS[1:]), ("provider", PROVIDERS)):
        for start in range(0, len(people), 10):
            batch = people[start : start + 10]
            mentions = " ".join(f"<@{u}|{u.lower()}>" for u in batch)
            cycle.command_until(f"add {mentions} {side}", partial(cycle.all_added, batch))
    cycle.command_until(
        f"add <@{SPONSOR}|sponsor> client sponsor",
        lambda: bool(cycle.rows(select(Member).where(Member.role == "sponsor"))),
    )
    assert set(MEMBERS) <= cycle.members()

    # Send: every member gets exactly one pulse DM, however Slack answers.
    cycle.command_until("send", lambda: bool(cycle.rows(select(Pulse))))
    wait_for(
        lambda: all(cycle.pulse_dm(u) is not None for u in MEMBERS),
        # Uncertain DMs are looked up in their history, one read a minute of Slack's per
        # workspace: on a busy machine the last ones settle well after a minute.
        timeout=240,
        what="a pulse DM for every member",
    )

    # Everyone answers at once, eight at a time; the database goes away for five seconds.
    stopped = threading.Event()
    outage = threading.Thread(target=stop_for_five_seconds, args=(cluster, stopped))
    with ThreadPoolExecutor(8) as pool:
        first_half = [pool.submit(cycle.tap, u, "rate", rating_of(u)) for u in MEMBERS[:20]]
        outage.start()
        stopped.wait(30)
        rest = [pool.submit(cycle.tap, u, "rate", rating_of(u)) for u in MEMBERS[20:]]
        guesses = [pool.submit(cycle.tap, u, "guess", 4) for u in MEMBERS[::3]]
        for future in [*first_half, *rest, *guesses]:
            future.result()
    outage.join()
    # Those told their answer was not saved (or who never saw it saved) tap again, eight
    # at a time as before.
    for _ in range(6):
        missing = [u for u in MEMBERS if getattr(cycle.answers().get(u), "rating", None) is None]
        if not missing:
            break
        with ThreadPoolExecutor(8) as pool:
            for future in [pool.submit(cycle.tap, u, "rate", rating_of(u)) for u in missing]:
                future.result()
    answers = cycle.answers()
    for user, rating in shown_as_saved(standin).items():
        assert answers[user].rating == rating, f"{user}'s answer was shown saved and is not there"
    for user in cycle.told_saved:
        assert answers[user].rating == rating_of(user), f"{user} was told saved; it is not there"
    assert all(answers[u].rating == rating_of(u) for u in MEMBERS)

    with ThreadPoolExecutor(len(COMMENTERS)) as pool:
        for future in [pool.submit(comment, cycle, user) for user in COMMENTERS]:
            future.result()
    wait_for(
        lambda: all(getattr(cycle.answers().get(u), "comment", None) for u in COMMENTERS),
        timeout=10,
        what="the comments",
    )

    # Close: the findings are one message, posted to the channel exactly once in the end.
    closed = select(Pulse).where(Pulse.status == "closed")
    cycle.command_until("close", lambda: bool(cycle.rows(closed)))
    wait_for(lambda: cycle.rows(select(Alert)), timeout=30, what="alerts")
    wait_for(lambda: cycle.rows(select(AlertMessage)), timeout=30, what="the alert message")
    wait_for(
        lambda: all(m.message_ts for m in cycle.rows(select(AlertMessage))),
        # An alert post whose outcome was uncertain is looked for in the channel's history,
        # each conversation read at most once a minute of Slack's by an unlisted app.
        timeout=300,
        what="every alert posted",
    )

    # The weekly digest falls due a minute ago: the sponsor gets it exactly once.
    engagement = cycle.rows(select(Engagement))[0]
    due = datetime.now(UTC).astimezone(ZoneInfo(engagement.timezone)) - timedelta(minutes=1)
    if due.weekday() != datetime.now(UTC).astimezone(ZoneInfo(engagement.timezone)).weekday():
        time.sleep(61)  # just past midnight: wait for a moment this week has
        due = datetime.now(UTC).astimezone(ZoneInfo(engagement.timezone))
    wanted = f"{due:%a %H:%M}".lower()
    cycle.command_until(
        f'config digest="{wanted}"',
        lambda: [e.digest_schedule for e in cycle.rows(select(Engagement))] == [wanted],
    )
    wait_for(
        lambda: any(d.status == "sent" for d in cycle.rows(select(DigestDelivery))),
        timeout=240,
        what="the sponsor's digest",
    )
    time.sleep(3)  # a few more clock ticks, in which nothing more may go out

    dm_counts = Counter(
        c.params["channel"] for c in standin.dms() if tagged(c, PULSE_EVENT) is not None
    )
    twice = [user for user, n in dm_counts.items() if n > 1]
    assert set(dm_counts) == set(MEMBERS) and not twice, calls_about(standin, twice)
    posts = Counter(
        (tagged(c, ALERT_EVENT) or {}).get("message")
        for c in standin.calls_to("chat.postMessage")
        if c.params.get("channel") == CHANNEL and tagged(c, ALERT_EVENT) is not None
    )
    message_ids = {m.id for m in cycle.rows(select(AlertMessage))}
    assert set(posts) == message_ids and set(posts.values()) == {1}, posts
    digests = [
        c
        for c in standin.calls_to("chat.postMessage")
        if tagged(c, DIGEST_EVENT) is not None
        and c.params.get("channel") in (SPONSOR, "D" + SPONSOR[1:])
    ]
    assert len(digests) == 1, "the sponsor's weekly digest goes out exactly once"


def comment(cycle: Cycle, user: str) -> None:
    """Open the comment form (again, if Slack did not show it) and send it until kept."""
    text = "Delivery keeps slipping and nobody tells us why"
    for _ in range(8):
        before = len(cycle.standin.calls_to("views.open"))
        cycle.tap(user, "comment")
        opened = cycle.standin.calls_to("views.open")[before:]
        if not opened:
            continue
        view = opened[-1].params["view"]
        meta = (json.loads(view) if isinstance(view, str) else view)["private_metadata"]
        values = {"comment": {"text": {"type": "plain_text_input", "value": text}}}
        reply = cycle.slack.submit("pulse.comment", values, user=user, private_metadata=meta)
        assert reply.status == 200
        time.sleep(0.3)
        if getattr(cycle.answers().get(user), "comment", None):
            return
    raise AssertionError(f"{user}'s comment was never kept")
