"""A Tuesday-10:00 round through the job queue: real processes, one worker killed midway.

    python -m bench.scale_out [--engagements 20] [--members 60] [--rate 50] [--latency 0.5]
                              [--workers 2] [--concurrency 32] [--workspaces 1,2]
                              [--lease 6] [--postgres-url URL]

On a fresh PostgreSQL database: 1 `rapport web`, 2 `rapport clock` and `--workers`
`rapport worker` processes with `JOB_QUEUE=postgres`, installed by each workspace through
"Add to Slack", against a Slack stand-in that answers chat.postMessage in `--latency`
seconds and answers HTTP 429 (Retry-After) beyond `--rate` posts a second in any one
workspace. Every engagement's pulse falls due in the same minute. When 30 % of the DMs have
landed, worker 0 is killed with SIGKILL and a new one started. Meanwhile a rating click
reaches `rapport web` twice a second, over signed HTTP.

One round per entry of `--workspaces`: everyone in one workspace, then the same people
spread over two (engagement n in workspace n % 2), each allowing `--rate`.

Printed per round: its wall time (from the pulses falling due to the last DM landing)
against its floor (people ÷ rate ÷ workspaces), duplicates, missing DMs, 429s as a share
of posts, and the clicks' p50/p99 and non-200 answers; then the two-workspace round's time
as a share of the one-workspace round's.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import tempfile
import threading
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import create_engine, text

from bench.ack_latency import percentile
from storage.db import Database
from storage.migrate import upgrade
from tests.support import flows
from tests.support.installing import install
from tests.support.keys import TEST_KEY
from tests.support.processes import (
    ClockProcess,
    WebProcess,
    WorkerProcess,
    engagement_with,
    free_port,
)
from tests.support.running import SECRET
from tests.support.slack_api import Call, SlackStandIn
from tests.support.slack_requests import SlackDriver
from tests.support.slack_rules import Limits
from tests.support.workspaces import CLIENT_ID, CLIENT_SECRET, Team, Workspaces

ADMIN_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"


@contextmanager
def fresh_postgres(admin_url: str) -> Iterator[str]:
    """A new database for this run, migrated, dropped at the end."""
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    name = f"rapport_bench_{uuid.uuid4().hex[:10]}"
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    url = admin.url.set(database=name).render_as_string(hide_password=False)
    database = Database(url, TEST_KEY)
    upgrade(database)
    database.dispose()
    try:
        yield url
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def pulse_dms(standin: SlackStandIn) -> list[Call]:
    return [c for c in standin.dms() if (c.params.get("metadata") or {}).get("event_payload")]


class Clicks:
    """A rating click on a landed DM twice a second, until stopped: latencies and statuses."""

    def __init__(self, url: str, standin: Workspaces) -> None:
        self.slack = SlackDriver(url, SECRET, standin, settle=lambda: None)
        self.standin = standin
        self.ms: list[float] = []
        self.statuses: Counter[int] = Counter()
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self.run, name="clicks")

    def run(self) -> None:
        n = 0
        while not self.stop.wait(0.5):
            landed = pulse_dms(self.standin)
            if not landed:
                continue
            dm = landed[n % len(landed)]
            n += 1
            value = flows.pulse_button(dm, "pulse.rate.4")["value"]
            user = "U" + str(dm.params["channel"])[1:]
            team = self.standin.home_of(user) or ""
            began = time.perf_counter()
            reply = self.slack.click("pulse.rate.4", value, user=user, team=team)
            self.ms.append((time.perf_counter() - began) * 1000)
            self.statuses[reply.status] += 1


def wait_for(condition: object, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():  # type: ignore[operator]
        if time.monotonic() > deadline:
            raise SystemExit(f"timed out waiting for {what}")
        time.sleep(0.25)  # the stand-in shares this process: look seldom


@dataclass
class Round:
    """What one round measured."""

    workspaces: int
    people: int
    wall: float
    floor: float
    killed_at: int
    duplicates: int
    missing: int
    limited: int
    posts: int
    clicks_ms: list[float]
    not_200: int
    opening: float
    most: float
    refused: Counter[tuple[str, int]]
    logs: Path
    landed_per_5s: list[int]
    """DMs landed in each 5 s from the pulses falling due: where the round is slow."""
    cpu: dict[str, float]
    """CPU seconds per kind of process (those still running, and this one: the stand-in
    and the clicks) when the last DM landed; PostgreSQL's own not counted."""

    @property
    def ratio(self) -> float:
        return self.wall / self.floor


def cpu_seconds(pid: int) -> float:
    """User and system CPU time a process has used so far (Linux's /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def cpu_line(cpu: dict[str, float], people: int) -> str:
    ranked = sorted(cpu.items(), key=lambda item: -item[1])
    parts = [f"{kind} {1000 * seconds / people:.0f}" for kind, seconds in ranked]
    return ", ".join(parts) + f"; {1000 * sum(cpu.values()) / people:.0f} in all"


def teams_for(spaces: int, engagements: int, members: int) -> list[Team]:
    """`spaces` workspaces; engagement n (and its people) belongs to workspace n % spaces."""
    teams = [Team(f"T0SPACE{i}", f"Space {i}") for i in range(spaces)]
    for n in range(engagements):
        teams[n % spaces].people |= {f"U0M{n * members + i:04d}" for i in range(members)}
    return teams


def run_round(args: argparse.Namespace, spaces: int) -> Round:
    """One round with everyone spread over `spaces` workspaces, each allowing `--rate`."""
    people = args.engagements * args.members
    teams = teams_for(spaces, args.engagements, args.members)
    standin = Workspaces(*teams).start()
    # Each workspace allows `--rate` posts a second (the stand-in's default is Slack's
    # "several hundred a minute"), each conversation still one a second.
    standin.limits = Limits(distribution="internal", posts_per_minute=args.rate * 60)
    standin.limit_rate("chat.postMessage", args.rate, per_workspace=True)
    logs = Path(tempfile.mkdtemp(prefix=f"rapport-scale-{spaces}-"))
    env = {
        "JOB_QUEUE": "postgres",
        # Installed by each workspace through "Add to Slack", as a distributed app is.
        "SLACK_BOT_TOKEN": "",
        "SLACK_CLIENT_ID": CLIENT_ID,
        "SLACK_CLIENT_SECRET": CLIENT_SECRET,
        "SLACK_APP_DISTRIBUTION": "internal",
        "SLACK_MESSAGES_PER_SECOND": str(args.pace or max(1, int(args.rate * 0.95))),
        "WORKER_CONCURRENCY": str(args.concurrency),
        "SLACK_TIMEOUT_SECONDS": str(max(1, args.lease // 3)),
        "STALE_SENDING_SECONDS": str(args.lease),
        "RETRY_BASE_SECONDS": "1",
        "CLOCK_INTERVAL_SECONDS": "1",
        "LOG_LEVEL": args.log_level,
    }
    with fresh_postgres(args.postgres_url) as url:
        web = WebProcess(standin, url, logs / "web.log", free_port(), **env)
        processes: list[ClockProcess | WebProcess] = [web]
        clicks = Clicks(web.url, standin)
        killed_at = 0
        try:
            web.wait_until_serving()
            for team in teams:
                install(web.url, standin, team.team_id)
            clocks = [ClockProcess(standin, url, logs / f"clock-{i}.log", **env) for i in range(2)]
            workers = [
                WorkerProcess(standin, url, logs / f"worker-{i}.log", **env)
                for i in range(args.workers)
            ]
            processes += [*clocks, *workers]
            time.sleep(2)  # the clocks and workers are up and idle
            standin.latency = args.latency
            database = Database(url, TEST_KEY)
            now = datetime.now(UTC)
            for n in range(args.engagements):
                engagement_with(
                    database,
                    args.members,
                    name=f"Deal {n}",
                    schedule=f"daily {now:%H:%M}",
                    created=now - timedelta(hours=2),
                    # Each engagement its own people: Slack allows one post a second per
                    # conversation, so one person's twenty DMs could not all go at once.
                    first_person=n * args.members,
                    team=teams[n % spaces].team_id,
                )
            began = time.monotonic()
            clicks.thread.start()
            wait_for(lambda: len(pulse_dms(standin)) >= 0.3 * people, 600, "30 % of the round")
            killed_at = len(pulse_dms(standin))
            workers[0].process.send_signal(signal.SIGKILL)
            workers[0].process.wait()
            processes.append(WorkerProcess(standin, url, logs / "worker-new.log", **env))
            wait_for(lambda: len(pulse_dms(standin)) >= people, 600, "every DM")
            cpu = {"stand-in and clicks (this process)": cpu_seconds(os.getpid())}
            for each in processes:
                if each.process.poll() is None:
                    kind = "web" if isinstance(each, WebProcess) else each.command
                    cpu[kind] = cpu.get(kind, 0.0) + cpu_seconds(each.process.pid)
            times = sorted(call.at for call in pulse_dms(standin))
            buckets = Counter(int((at - began) // 5) for at in times)
            ended = times[-1]
            most = times[int(0.95 * (len(times) - 1))]
            # What the killed worker had in hand is settled after its lease: give it time,
            # so that a DM sent twice would show.
            time.sleep(float(env["STALE_SENDING_SECONDS"]) + 3)
            with database.reading() as session:
                first, last = session.execute(
                    text("SELECT min(opened_at), max(opened_at) FROM pulses")
                ).one()
            database.dispose()
        finally:
            clicks.stop.set()
            if clicks.thread.is_alive():
                clicks.thread.join()
            for each in processes:
                each.stop()
            standin.stop()

    per_person = Counter(
        (c.params["metadata"]["event_payload"]["pulse"], c.params["channel"])
        for c in pulse_dms(standin)
    )
    posts = standin.calls_to("chat.postMessage", ok_only=False)
    return Round(
        workspaces=spaces,
        people=people,
        wall=ended - began,
        floor=people / (args.rate * spaces),
        killed_at=killed_at,
        duplicates=sum(n - 1 for n in per_person.values()),
        missing=people - len(per_person),
        limited=sum(1 for c in posts if c.status == 429),
        posts=len(posts),
        clicks_ms=clicks.ms or [0.0],
        not_200=sum(n for status, n in clicks.statuses.items() if status != 200),
        opening=(last - first).total_seconds(),
        most=most - began,
        refused=Counter(
            (c.method, c.status)
            for c in standin.calls
            if c.status != 200 and c.method not in ("response_url", "oauth.v2.access")
        ),
        logs=logs,
        landed_per_5s=[buckets[i] for i in range(max(buckets) + 1)],
        cpu=cpu,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engagements", type=int, default=20)
    parser.add_argument("--members", type=int, default=60)
    parser.add_argument("--rate", type=int, default=50, help="posts a second a workspace allows")
    parser.add_argument(
        "--pace",
        type=int,
        default=None,
        help="SLACK_MESSAGES_PER_SECOND (default: 95 %% of --rate, a margin for jitter)",
    )
    parser.add_argument("--latency", type=float, default=0.5, help="seconds per Slack call")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--concurrency", type=int, default=32, help="jobs per worker at once")
    parser.add_argument(
        "--lease",
        type=int,
        default=6,
        help="STALE_SENDING_SECONDS, after which a dead worker's claims lapse; the Slack "
        "timeout is a third of it (2 s by default: four times the stand-in's answer)",
    )
    parser.add_argument(
        "--workspaces",
        default="1,2",
        help="rounds to run, each the number of workspaces everyone is spread over",
    )
    parser.add_argument("--log-level", default="WARNING", help="the processes' LOG_LEVEL")
    parser.add_argument("--postgres-url", default=ADMIN_URL, help="a server to create a db on")
    args = parser.parse_args()

    rounds = [run_round(args, int(n)) for n in args.workspaces.split(",")]
    print(
        f"{args.engagements} engagements x {args.members} people due the same minute; Slack "
        f"answers in {args.latency} s and allows {args.rate} posts/s per workspace (paced at "
        f"{args.pace or max(1, int(args.rate * 0.95))}); 1 web, 2 clocks, "
        f"{args.workers} workers x {args.concurrency} jobs; worker 0 killed (SIGKILL) at 30 % "
        "and replaced"
    )
    print(
        "| workspaces | round s | floor s | ratio | duplicates | missing | 429s "
        "| clicks p50 ms | p99 ms | not 200 |"
    )
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for r in rounds:
        print(
            f"| {r.workspaces} | {r.wall:.1f} | {r.floor:.1f} | {r.ratio:.2f} | {r.duplicates} "
            f"| {r.missing} | {r.limited} of {r.posts} ({100 * r.limited / max(1, r.posts):.1f} %) "
            f"| {percentile(r.clicks_ms, 50):.0f} | {percentile(r.clicks_ms, 99):.0f} "
            f"| {r.not_200} of {len(r.clicks_ms)} |"
        )
    for r in rounds:
        print(
            f"{r.workspaces} workspace(s): worker 0 killed after {r.killed_at} DMs; the clock "
            f"opened the pulses over {r.opening:.1f} s; 95 % of the DMs had landed after "
            f"{r.most:.1f} s; DMs landed per 5 s: {' '.join(map(str, r.landed_per_5s))}; "
            f"CPU ms a DM: {cpu_line(r.cpu, r.people)} (the machine has {os.cpu_count()} "
            "cores); "
            f"process logs: {r.logs}"
        )
        if r.refused:
            print(
                "  Slack calls not answered 200: "
                + ", ".join(
                    f"{method} {status} x{n}" for (method, status), n in sorted(r.refused.items())
                )
            )
    by_spaces = {r.workspaces: r for r in rounds}
    if 1 in by_spaces and 2 in by_spaces:
        print(
            "two workspaces against one holding everyone: "
            f"{by_spaces[2].wall / by_spaces[1].wall:.2f}x the round's time"
        )
    print(
        json.dumps(
            [
                {
                    "workspaces": r.workspaces,
                    "ratio": round(r.ratio, 3),
                    "duplicates": r.duplicates,
                    "missing": r.missing,
                    "rate_limited_share": round(r.limited / max(1, r.posts), 4),
                    "clicks_p99_ms": round(percentile(r.clicks_ms, 99), 1),
                    "clicks_not_200": r.not_200,
                }
                for r in rounds
            ]
        )
    )


if __name__ == "__main__":
    main()
