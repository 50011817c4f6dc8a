"""A bare Bolt app with no-op listeners behind the same WSGI server: the latency baseline."""

from __future__ import annotations

import os
import re
from typing import Any

import waitress
from slack_bolt import App
from slack_bolt.adapter.wsgi import SlackRequestHandler
from slack_sdk import WebClient


def main() -> None:
    client = WebClient(token=os.environ["SLACK_BOT_TOKEN"], base_url=os.environ["SLACK_API_URL"])
    app = App(
        client=client,
        signing_secret=os.environ["SLACK_SIGNING_SECRET"],
        token_verification_enabled=False,
    )

    @app.command("/rapport")
    def command(ack: Any) -> None:
        ack(text="ok", response_type="ephemeral")

    @app.action(re.compile(r"^pulse\..*"))
    def action(ack: Any) -> None:
        ack()

    threads = int(os.environ.get("WEB_THREADS", "8"))
    waitress.serve(
        SlackRequestHandler(app), host="127.0.0.1", port=int(os.environ["PORT"]), threads=threads
    )


if __name__ == "__main__":
    main()
