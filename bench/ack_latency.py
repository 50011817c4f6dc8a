"""Ack latency of `rapport web` over real HTTP, next to a bare Bolt app measured in the same run.

    python -m bench.ack_latency [--requests 400] [--concurrency 1 2 4 8] [--database-url URL]

Both servers run as separate processes behind waitress with the same thread count,
talk to the same local Slack Web API stand-in, and receive the same mix of signed
requests: `/rapport status`, `/rapport members` and rating clicks on a pulse DM.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from tests.support import flows
from tests.support.slack_api import SlackStandIn
from tests.support.slack_requests import SlackDriver

ROOT = Path(__file__).resolve().parent.parent

SECRET = "bench-signing-secret"
BARE = "bare Bolt app (no-op listeners)"
RAPPORT = "rapport web"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start(cmd: list[str], env: dict[str, str], port: int) -> subprocess.Popen[bytes]:
    process = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and process.poll() is None:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                pass
        except OSError:
            time.sleep(0.1)
            continue
        # Something answers on the port; make sure it is ours (another run may have taken
        # the port between `free_port` and our bind, and then this process exits).
        time.sleep(0.5)
        if process.poll() is None:
            return process
    process.kill()
    raise SystemExit(f"server {cmd} did not start")


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))]


def measure(slack: SlackDriver, requests: int, concurrency: int, click_value: str) -> list[float]:
    def one(i: int) -> float:
        began = time.perf_counter()
        kind = i % 3
        if kind == 0:
            reply = slack.command("status", user=flows.LEAD)
        elif kind == 1:
            reply = slack.command("members", user=flows.LEAD)
        else:
            user = flows.CLIENTS[i % len(flows.CLIENTS)]
            reply = slack.click(f"pulse.rate.{1 + i % 5}", click_value, user=user)
        if reply.status != 200:
            raise SystemExit(f"request {i} answered {reply.status}: {reply.body}")
        return (time.perf_counter() - began) * 1000

    for i in range(min(30, requests)):  # warm both servers the same way
        one(i)
    with ThreadPoolExecutor(concurrency) as pool:
        return list(pool.map(one, range(requests)))


class _Rapport:
    """Just enough of the test fixture for the flows helpers to drive a separate process."""

    def __init__(self, slack: SlackDriver, standin: SlackStandIn) -> None:
        self.slack, self.standin = slack, standin

    def settle(self) -> None:
        """The driver already waits after each request."""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=400, help="per server and level")
    parser.add_argument("--concurrency", type=int, nargs="+", default=[1, 2, 4, 8])
    parser.add_argument("--database-url", default=None, help="default: a temporary SQLite file")
    args = parser.parse_args()

    standin = SlackStandIn().start()
    workdir = Path(tempfile.mkdtemp(prefix="rapport-bench-"))
    database_url = args.database_url or f"sqlite:///{workdir / 'bench.db'}"
    base_env = {
        **os.environ,
        "SLACK_BOT_TOKEN": "xoxb-bench",
        "SLACK_SIGNING_SECRET": SECRET,
        "SLACK_API_URL": standin.api_url,
        "DATABASE_URL": database_url,
        "WEB_THREADS": "8",
        "HOST": "127.0.0.1",
        "LOG_LEVEL": "WARNING",
    }
    rapport_port, bare_port = free_port(), free_port()
    rapport = start(
        [sys.executable, "-m", "bot", "web"], {**base_env, "PORT": str(rapport_port)}, rapport_port
    )
    bare = start(
        [sys.executable, str(ROOT / "bench" / "bare_app.py")],
        {**base_env, "PORT": str(bare_port)},
        bare_port,
    )
    try:
        # While setting up, give the app a moment to finish each reply after its ack.
        slack = SlackDriver(
            f"http://127.0.0.1:{rapport_port}", SECRET, standin, settle=lambda: time.sleep(0.3)
        )
        driver = _Rapport(slack, standin)
        flows.engagement_with_people(driver)
        flows.send(driver)
        deadline = time.monotonic() + 30  # the pulse DMs go out paced, after the ack
        while not flows.dms_to(standin, flows.CLIENTS[0]) and time.monotonic() < deadline:
            time.sleep(0.1)
        dm = flows.dms_to(standin, flows.CLIENTS[0])[0]
        value = flows.pulse_button(dm, "pulse.rate.3")["value"]
        results: dict[int, dict[str, list[float]]] = {}
        for level in args.concurrency:
            results[level] = {
                name: measure(
                    SlackDriver(f"http://127.0.0.1:{port}", SECRET, standin),
                    args.requests,
                    level,
                    value,
                )
                for name, port in ((BARE, bare_port), (RAPPORT, rapport_port))
            }
    finally:
        for process in (rapport, bare):
            process.terminate()
            process.wait(timeout=10)
        standin.stop()

    backend = database_url.split(":", 1)[0]
    mix = "status, members, rating clicks"
    print(f"{args.requests} signed requests per server and level ({mix}); database {backend}")
    print(
        "| concurrency | bare p50 ms | bare p99 ms | rapport p50 ms | rapport p99 ms | p99 ratio |"
    )
    print("| ---: | ---: | ---: | ---: | ---: | ---: |")
    ratios = {}
    for level, by_server in results.items():
        bare_ms, ours_ms = by_server[BARE], by_server[RAPPORT]
        ratios[level] = percentile(ours_ms, 99) / percentile(bare_ms, 99)
        cells = [
            percentile(bare_ms, 50),
            percentile(bare_ms, 99),
            percentile(ours_ms, 50),
            percentile(ours_ms, 99),
        ]
        print(f"| {level} | " + " | ".join(f"{c:.1f}" for c in cells) + f" | {ratios[level]:.2f} |")
    print(json.dumps({"p99_ratio": {str(k): round(v, 3) for k, v in ratios.items()}}))


if __name__ == "__main__":
    main()
