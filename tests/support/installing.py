"""Distributed mode in tests: its settings, and a company installing Rapport over HTTP."""

from __future__ import annotations

import re
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from urllib.parse import parse_qs, urlparse

from bot.wiring.settings import ProcessSettings
from storage.db import Database
from tests.support.running import RunningApp, make_settings, running_app
from tests.support.workspaces import CLIENT_ID, CLIENT_SECRET, Team, Workspaces

CLIENT = Team("T0ACME", "Acme", people={"U0ALEAD", "U0A1", "U0A2", "U0A3", "U0ASPON", "U0AOUT"})
PROVIDER = Team(
    "T0GLOBEX",
    "Globex",
    people={"U0BLEAD", "U0B1", "U0B2", "U0B3", "U0BSPON", "U0BOUT", "U0BHIDE"},
)
SHARED = "C0SHARED"


def distributed_settings(
    standin: Workspaces, database_url: str, secret_key: str = ""
) -> ProcessSettings:
    return replace(
        make_settings(standin, database_url),
        slack_bot_token="",
        slack_client_id=CLIENT_ID,
        slack_client_secret=CLIENT_SECRET,
        secret_key=secret_key,
        messages_per_second=500.0,
    )


@contextmanager
def running_distributed(
    standin: Workspaces, database: Database, secret_key: str = ""
) -> Iterator[RunningApp]:
    """The real app in distributed mode behind the real WSGI server."""
    settings = distributed_settings(standin, database.url, secret_key)
    with running_app(standin, database, http=True, settings=settings) as running:
        yield running


def get(url: str, cookie: str = "") -> tuple[int, str, str]:
    """GET a page the way a browser would: status, body, and the cookie it sets."""
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read().decode(), response.headers.get("Set-Cookie", "")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(), error.headers.get("Set-Cookie", "")


def install(
    running: RunningApp | str, standin: Workspaces, team_id: str, *, org_wide: bool = False
) -> str:
    """Someone of `team_id` clicks "Add to Slack", approves, and comes back to the redirect
    (of the app running in-process, or of a `rapport web` at this address)."""
    url = running if isinstance(running, str) else running.url
    status, page, cookie = get(url + "/slack/install")
    assert status == 200, page
    link = re.search(r'href="(' + re.escape(standin.base) + r'/oauth/v2/authorize\?[^"]+)"', page)
    assert link is not None, page
    state = parse_qs(urlparse(link.group(1).replace("&amp;", "&")).query)["state"][0]
    code = standin.code_for(team_id, org_wide=org_wide)
    status, page, _ = get(
        f"{url}/slack/oauth_redirect?code={code}&state={state}", cookie.split(";")[0]
    )
    assert status == 200, page
    return page
