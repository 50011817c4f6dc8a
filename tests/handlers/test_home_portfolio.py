"""App Home for a sponsor or a lead of several: the portfolio first, each row opening its view."""

from __future__ import annotations

import json
from typing import Any

from tests.handlers.test_home import home_of
from tests.support import flows
from tests.support.digests_flow import SPONSOR, with_history
from tests.support.running import RunningApp

OTHER_LEAD, OTHER_CHANNEL = "U0LEAD2", "C0OTHER"


def second_engagement(rapport: RunningApp) -> None:
    flows.set_up(rapport, "Other deal", lead=OTHER_LEAD, channel=OTHER_CHANNEL)
    added = rapport.slack.command(
        f"add {flows.mentions((SPONSOR,))} provider sponsor", user=OTHER_LEAD, channel=OTHER_CHANNEL
    )
    assert "Added" in added.text, added.text


def open_buttons(home: str) -> list[tuple[str, str]]:
    """Each portfolio row's text and the engagement its Open button names, top to bottom."""
    view: dict[str, Any] = json.loads(home)
    return [
        (block["text"]["text"], block["accessory"]["value"])
        for block in view["blocks"]
        if (block.get("accessory") or {}).get("action_id") == "home.open_engagement"
    ]


def test_a_sponsor_of_two_sees_the_portfolio_first_and_opens_a_row(rapport: RunningApp) -> None:
    with_history(rapport)
    second_engagement(rapport)
    home = home_of(rapport, SPONSOR)
    assert home.index("Your portfolio") < home.index("Open alerts")
    rows = open_buttons(home)
    assert [text.split(" — ")[0] for text, _ in rows] == [
        "1. *Acme deal* (sponsor)",
        "2. *Other deal* (sponsor)",
    ]
    # The engagement sections below follow the same order.
    acme, other = "*Acme deal* — Acme (client)", "*Other deal* — Acme (client)"
    assert home.index(rows[-1][0][:20]) < home.index(acme) < home.index(other)

    rapport.slack.click("home.open_engagement", rows[0][1], user=SPONSOR)
    rapport.settle()
    opened = rapport.standin.calls_to("views.open")[-1].params["view"]
    modal = json.dumps(json.loads(opened) if isinstance(opened, str) else opened)
    assert '"type": "modal"' in modal and "Acme deal" in modal
    assert "client 16 (below its 70)" in modal and "Open alerts" in modal


def test_a_lead_of_one_sees_no_portfolio_and_a_forged_row_is_refused(rapport: RunningApp) -> None:
    with_history(rapport)
    home = home_of(rapport, flows.LEAD)
    assert "Your portfolio" not in home and open_buttons(home) == []

    sponsor_home = home_of(rapport, SPONSOR)  # a sponsor of one sees a portfolio of one
    ((_, acme),) = open_buttons(sponsor_home)
    before = len(rapport.standin.calls_to("views.open"))
    rapport.slack.click("home.open_engagement", acme, user="U0CLI1")
    rapport.settle()
    assert len(rapport.standin.calls_to("views.open")) == before
    refusal = [c.params for c in rapport.standin.dms() if c.params["channel"] == "U0CLI1"]
    assert "Only the leads and sponsors" in str(refusal[-1]["text"])
