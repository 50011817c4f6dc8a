"""Fan-out of one pulse to many members against a Slack stand-in that enforces a message rate.

    python -m bench.fanout [--members 2000] [--rate 100] [--workers 32] [--latency 0.02]
                           [--database-url URL]

The stand-in answers HTTP 429 (Retry-After: 1) to any chat.postMessage beyond `--rate`
in a one-second window, as Slack does. Rapport is configured with the same rate
(SLACK_MESSAGES_PER_SECOND) and sends through its real fan-out: claims in the
database, the shared pacer, worker threads, 429 back-off. The floor is members ÷
rate: no sender can beat it without being refused.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select

from bot.services.delivery.pulse_dms import deliver
from bot.services.pulses import open_pulse
from bot.wiring.container import Container
from bot.wiring.settings import ProcessSettings
from storage.db import Database
from storage.migrate import upgrade
from storage.models import Engagement
from tests.support.processes import engagement_with
from tests.support.slack_api import SlackStandIn
from tests.support.slack_rules import Limits


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=2000)
    parser.add_argument(
        "--rate", type=int, default=100, help="messages per second the stand-in allows"
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=ProcessSettings(slack_bot_token="").worker_concurrency,
        help="sends in flight at once (default: WORKER_CONCURRENCY's)",
    )
    parser.add_argument("--latency", type=float, default=0.02, help="seconds per Slack call")
    parser.add_argument("--database-url", default=None, help="default: a temporary SQLite file")
    args = parser.parse_args()

    standin = SlackStandIn().start()
    standin.latency = args.latency
    standin.limit_rate("chat.postMessage", args.rate)
    # The workspace allows `--rate` a second (the stand-in's default is Slack's "several
    # hundred a minute").
    standin.limits = Limits(posts_per_minute=args.rate * 60)
    url = args.database_url or f"sqlite:///{Path(tempfile.mkdtemp()) / 'fanout.db'}"
    database = Database(url)
    upgrade(database)
    engagement_with(database, args.members, schedule="weekly tue 10:00", created=datetime.now(UTC))
    settings = ProcessSettings(
        slack_bot_token="xoxb-bench",
        slack_signing_secret="bench",
        slack_api_url=standin.api_url,
        database_url=url,
        messages_per_second=float(args.rate),
    )
    container = Container.create(settings, database)
    with database.unit_of_work() as session:
        engagement = session.scalars(select(Engagement)).one()
        pulse_id = open_pulse(session, engagement, started_by="bench", now=container.now()).id

    began = time.perf_counter()
    result = deliver(
        database,
        container.messenger,
        pulse_id,
        container.now,
        workers=args.workers,
    )
    wall = time.perf_counter() - began
    standin.stop()

    delivered = Counter(c.params["channel"] for c in standin.dms())
    refused = len(
        [c for c in standin.calls_to("chat.postMessage", ok_only=False) if c.status == 429]
    )
    duplicates = sum(n - 1 for n in delivered.values() if n > 1)
    losses = args.members - len(delivered)
    floor = args.members / args.rate
    backend = url.split(":", 1)[0]
    print(
        f"{args.members} members, stand-in limit {args.rate} msg/s, {args.workers} workers, "
        f"{args.latency * 1000:.0f} ms per call, database {backend}"
    )
    print("| wall s | floor s | wall ÷ floor | sent | 429s | duplicates | losses |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    cells = [f"{wall:.1f}", f"{floor:.1f}", f"{wall / floor:.2f}", result.sent, refused]
    print("| " + " | ".join(str(c) for c in [*cells, duplicates, losses]) + " |")
    database.dispose()


if __name__ == "__main__":
    main()
