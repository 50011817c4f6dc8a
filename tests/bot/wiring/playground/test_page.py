"""The page's server: its assets and API answer only the page itself."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections.abc import Iterator

import pytest

from bot.wiring.playground.page import Page, PageServer
from bot.wiring.playground.slack_side import SlackSide
from bot.wiring.playground.standin import SlackStandIn
from bot.wiring.playground.workspace import Person, Workspace

ANA = "U0ANA"


@pytest.fixture
def page() -> Iterator[str]:
    workspace = Workspace("T0PLAY", "U0RAPPORT", [Person(ANA, "Ana Lima", "Acme · client lead")])
    workspace.add_channel("C0DEAL", "acme-deal", [ANA])
    standin = SlackStandIn(workspace, "xoxb-test").start()
    # No app behind it: these tests never reach one.
    slack = SlackSide("http://127.0.0.1:9/slack/events", "secret", standin)
    server = PageServer(0)
    server.serve(Page(workspace, slack, "C0DEAL"))
    yield server.url
    server.stop()
    server.close()
    standin.stop()


def fetch(url: str, body: bytes | None = None, **headers: str) -> tuple[int, bytes]:
    request = urllib.request.Request(url, data=body, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def test_the_page_its_assets_and_the_people_are_served(page: str) -> None:
    status, html = fetch(page)
    assert status == 200 and b'<script src="/static/playground.js">' in html
    for asset in ("playground.js", "playground.css"):
        assert fetch(page + "static/" + asset)[0] == 200
    status, body = fetch(page + "api/people")
    known = json.loads(body)
    assert known["people"] == [{"id": ANA, "name": "Ana Lima", "title": "Acme · client lead"}]
    assert known["channel"] == {"id": "C0DEAL", "name": "acme-deal"}
    assert fetch(page + "static/../run.py")[0] == 404


def test_a_screen_shows_the_persons_conversation(page: str) -> None:
    status, body = fetch(page + "api/screen?user=U0ANA&where=C0DEAL")
    assert status == 200 and "No messages yet." in json.loads(body)["html"]
    assert fetch(page + "api/screen?user=U0NOBODY&where=dm")[0] == 404


def test_other_pages_and_host_names_are_turned_away(page: str) -> None:
    command = json.dumps({"user": ANA, "where": "C0DEAL", "text": "help"}).encode()
    # A form or text post from another site needs no preflight: refused all the same.
    assert fetch(page + "api/command", command, **{"Content-Type": "text/plain"})[0] == 403
    port = page.rsplit(":", 1)[1].strip("/")
    assert fetch(page + "api/people", None, Host=f"evil.example:{port}")[0] == 403


def test_a_post_the_app_cannot_take_says_so(page: str) -> None:
    command = json.dumps({"user": ANA, "where": "C0DEAL", "text": "help"}).encode()
    status, body = fetch(page + "api/command", command, **{"Content-Type": "application/json"})
    assert (status, json.loads(body)) == (502, {"error": "the app did not answer"})
    unknown = json.dumps({"user": "U0NOBODY", "text": "help"}).encode()
    assert fetch(page + "api/command", unknown, **{"Content-Type": "application/json"})[0] == 400
