"""The portfolio in App Home: a heading, a numbered row per engagement, the rest counted."""

from __future__ import annotations

from bot.domain import portfolio_text
from bot.domain.alerts import Thresholds
from bot.domain.portfolio import EngagementState
from bot.views import kit
from bot.views.portfolio_view import OPEN_BUTTON, ROWS_SHOWN, engagement_modal, portfolio_blocks
from tests.support.blockkit import buttons, check_view, text_of


def state(number: int, name: str = "") -> EngagementState:
    return EngagementState(
        engagement_id=number, name=name or f"Deal {number}", role="sponsor", thresholds=Thresholds()
    )


def test_each_engagement_is_a_numbered_row_that_opens_it() -> None:
    states = [state(3, "Acme <deal>"), state(8)]
    blocks = portfolio_blocks(states)
    check_view(kit.home(blocks))
    assert blocks[0]["text"]["text"] == portfolio_text.heading(states)
    rows = [block["text"]["text"] for block in blocks[1:]]
    assert rows == [f"1. {portfolio_text.line(states[0])}", f"2. {portfolio_text.line(states[1])}"]
    assert "&lt;deal&gt;" in rows[0]
    opened = buttons(blocks)
    assert [b["action_id"] for b in opened] == [OPEN_BUTTON, OPEN_BUTTON]
    assert [b["value"] for b in opened] == ["3", "8"]


def test_past_the_rows_shown_the_rest_are_counted() -> None:
    states = [state(n) for n in range(ROWS_SHOWN + 5)]
    blocks = portfolio_blocks(states)
    check_view(kit.home(blocks))
    assert len(buttons(blocks)) == ROWS_SHOWN
    assert blocks[-1]["type"] == "context"
    assert blocks[-1]["elements"][0]["text"] == portfolio_text.HOME_MORE.format(count=5)


def test_an_engagements_view_is_headed_by_its_name_and_its_title_fits() -> None:
    body = [kit.section("numbers")]
    view = engagement_modal("A rather long engagement name", body)
    check_view(view)
    assert view["type"] == "modal"
    assert view["title"]["text"] == "A rather long engagemen…"
    assert len(view["title"]["text"]) == 24
    assert view["blocks"][0] == kit.header("A rather long engagement name")
    assert view["blocks"][1:] == body
    assert view["close"]["text"] == portfolio_text.CLOSE
    assert text_of(engagement_modal("Acme", body)["blocks"]).startswith("Acme\nnumbers")
