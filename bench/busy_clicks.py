"""Clicks while five pulses fan out: `rapport web` keeps answering, next to a bare Bolt app.

    python -m bench.busy_clicks [--clicks 300] [--members 40] [--database-url URL]

Five engagements of `--members` people each get `/rapport send` at once, against a
Slack stand-in that takes 50 ms per call, with `rapport web` pacing DMs at 10 a second:
the fan-outs keep its background pool busy for tens of seconds. Meanwhile rating clicks
arrive two at a time; the same clicks go to a bare Bolt app with no-op listeners in the
same run. Printed: both servers' p50 and p99 and any answer that was not HTTP 200.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from bench.ack_latency import ROOT, SECRET, _Rapport, free_port, percentile, start
from tests.support import flows
from tests.support.slack_api import SlackStandIn
from tests.support.slack_requests import SlackDriver

ENGAGEMENTS = 5


def clicks(slack: SlackDriver, count: int, value: str) -> tuple[list[float], int]:
    """Rating clicks, two at a time: their latencies in ms, and how many were not 200."""

    def one(i: int) -> tuple[float, int]:
        began = time.perf_counter()
        user = flows.CLIENTS[i % len(flows.CLIENTS)]
        reply = slack.click(f"pulse.rate.{1 + i % 5}", value, user=user)
        return (time.perf_counter() - began) * 1000, reply.status

    with ThreadPoolExecutor(2) as pool:
        done = list(pool.map(one, range(count)))
    return [ms for ms, _ in done], sum(status != 200 for _, status in done)


def busy_engagements(
    slack: SlackDriver, standin: SlackStandIn, members: int
) -> list[tuple[str, str]]:
    """Five more engagements of `members` people each; returns their (lead, channel)."""
    leads: list[tuple[str, str]] = []
    for n in range(ENGAGEMENTS):
        lead, channel = f"U0BUSYLEAD{n}", f"C0BUSY{n}"
        standin.channel_members[channel] = [lead]
        driver = _Rapport(slack, standin)
        flows.set_up(driver, f"Busy deal {n}", lead=lead, channel=channel)
        people = tuple(f"U0B{n}M{i:03d}" for i in range(members))
        standin.people.update((lead, *people))
        for start_at in range(0, members, 50):
            batch = flows.mentions(people[start_at : start_at + 50])
            slack.command(f"add {batch} client", user=lead, channel=channel)
        leads.append((lead, channel))
    return leads


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clicks", type=int, default=300)
    parser.add_argument("--members", type=int, default=40)
    parser.add_argument("--database-url", default=None, help="default: a temporary SQLite file")
    args = parser.parse_args()

    standin = SlackStandIn().start()
    workdir = Path(tempfile.mkdtemp(prefix="rapport-bench-"))
    env = {
        **os.environ,
        "SLACK_BOT_TOKEN": "xoxb-bench",
        "SLACK_SIGNING_SECRET": SECRET,
        "SLACK_API_URL": standin.api_url,
        "SLACK_CHECK_TOKEN": "no",
        "DATABASE_URL": args.database_url or f"sqlite:///{workdir / 'bench.db'}",
        "SLACK_MESSAGES_PER_SECOND": "10",
        "HOST": "127.0.0.1",
        "LOG_LEVEL": "WARNING",
    }
    ours_port, bare_port = free_port(), free_port()
    ours = start([sys.executable, "-m", "bot", "web"], {**env, "PORT": str(ours_port)}, ours_port)
    bare = start(
        [sys.executable, str(ROOT / "bench" / "bare_app.py")],
        {**env, "PORT": str(bare_port)},
        bare_port,
    )
    try:
        settled = SlackDriver(
            f"http://127.0.0.1:{ours_port}", SECRET, standin, settle=lambda: time.sleep(0.2)
        )
        driver = _Rapport(settled, standin)
        flows.engagement_with_people(driver)
        flows.send(driver)
        while not flows.dms_to(standin, flows.CLIENTS[0]):
            time.sleep(0.1)
        value = flows.pulse_button(flows.dms_to(standin, flows.CLIENTS[0])[0], "pulse.rate.3")
        leads = busy_engagements(settled, standin, args.members)
        standin.latency = 0.05  # from here on, every Slack call takes 50 ms
        slack = SlackDriver(f"http://127.0.0.1:{ours_port}", SECRET, standin)
        before = len(standin.dms())
        with ThreadPoolExecutor(ENGAGEMENTS) as pool:
            sends = list(
                pool.map(lambda lc: slack.command("send", user=lc[0], channel=lc[1]), leads)
            )
        assert all(reply.status == 200 for reply in sends), [r.status for r in sends]
        began = time.monotonic()
        ours_ms, ours_bad = clicks(slack, args.clicks, value["value"])
        total = ENGAGEMENTS * (args.members + 1)  # each lead answers too
        in_flight = total - (len(standin.dms()) - before)
        while len(standin.dms()) - before < total and time.monotonic() - began < 120:
            time.sleep(0.2)
        fanned_out = time.monotonic() - began
        if len(standin.dms()) - before != total:
            said = [standin.replies(reply.token) for reply in sends]
            raise SystemExit(f"the five pulses did not all go out: {said}")
        bare_slack = SlackDriver(f"http://127.0.0.1:{bare_port}", SECRET, standin)
        bare_ms, bare_bad = clicks(bare_slack, args.clicks, value["value"])
    finally:
        for process in (ours, bare):
            process.terminate()
            process.wait(timeout=10)
        standin.stop()

    print(
        f"{args.clicks} rating clicks, two at a time, while {ENGAGEMENTS} pulses of "
        f"{args.members} people fan out ({in_flight} of {total} DMs still unsent when the "
        f"clicks ended; all sent {fanned_out:.0f} s after the sends)"
    )
    print("| server | p50 ms | p99 ms | not 200 |")
    print("| --- | ---: | ---: | ---: |")
    for name, ms, bad in (("bare Bolt app", bare_ms, bare_bad), ("rapport web", ours_ms, ours_bad)):
        print(f"| {name} | {percentile(ms, 50):.1f} | {percentile(ms, 99):.1f} | {bad} |")
    print(json.dumps({"rapport_p99_ms": round(percentile(ours_ms, 99), 1), "not_200": ours_bad}))


if __name__ == "__main__":
    main()
