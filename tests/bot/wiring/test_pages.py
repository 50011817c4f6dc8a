"""`rapport web` serves what Slack's review asks for: `/`, `/privacy` and `/support`."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.domain import site_text
from storage.db import Database
from tests.support.installing import CLIENT, PROVIDER, get, running_distributed
from tests.support.running import RunningApp
from tests.support.workspaces import Workspaces

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def companies() -> Iterator[Workspaces]:
    standin = Workspaces(CLIENT, PROVIDER).start()
    yield standin
    standin.stop()


def test_the_pages_say_what_rapport_is_what_it_keeps_and_where_to_get_help(
    rapport_http: RunningApp,
) -> None:
    status, landing, _ = get(rapport_http.url + "/")
    assert status == 200 and "Rapport is a Slack app" in landing
    assert "Add to Slack" not in landing, "one workspace: nothing to install from here"
    assert 'href="/privacy"' in landing and 'href="/support"' in landing
    status, privacy, _ = get(rapport_http.url + "/privacy")
    assert status == 200
    for heading in (
        "What is stored.",
        "Who sees what.",
        "Retention.",
        "Deletion on request.",
        "Deletion on uninstall.",
        "No sub-processors.",
        "No training.",
    ):
        assert f"<p>{heading}" in privacy, heading
    assert "deleted, with every answer and comment, 30 days later" in privacy
    status, support, _ = get(rapport_http.url + "/support")
    assert status == 200 and "/rapport help" in support and "Security issues" in support
    assert site_text.NO_CONTACT in support  # no contact configured: say who to ask
    assert get(rapport_http.url + "/nothing-here")[0] == 404


def test_two_workspace_mode_offers_add_to_slack(companies: Workspaces, database: Database) -> None:
    with running_distributed(companies, database) as running:
        status, landing, _ = get(running.url + "/")
        install_status, install_page, _ = get(running.url + "/slack/install")
    assert status == 200 and '<a class="add" href="/slack/install">Add to Slack</a>' in landing
    assert install_status == 200 and "oauth/v2/authorize" in install_page


def test_the_manifest_describes_rapport_as_the_landing_page_does() -> None:
    manifest = (ROOT / "manifest.yml").read_text()
    described = re.search(r"long_description: >-\n((?:    .*\n)+)", manifest)
    assert described is not None
    long_description = " ".join(line.strip() for line in described.group(1).splitlines())
    assert long_description.startswith(site_text.LANDING[0][:60])
    for page in ("/privacy", "/support"):
        assert f"https://rapport.example.com{page}" in manifest, page
