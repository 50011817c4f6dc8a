"""An alert in the shared channel: its sentence, the numbers, and the buttons its state allows."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.domain import reply_text
from bot.domain.alerts import RULES, PulseFigures, Thresholds
from bot.domain.alerts.model import Trend
from bot.services.alert_message import finding
from bot.views.alert_finding import (
    ACK_ACTION,
    ASSIGN_ACTION,
    ASSIGN_VIEW,
    Finding,
    alert_blocks,
    alert_text,
    alerts_text,
    assign_modal,
    details_text,
    figures_line,
    owner_text,
    state_text,
)
from bot.views.mrkdwn import slack_date
from tests.support import models
from tests.support.blockkit import button_labels, buttons, check_message, check_view, text_of
from tests.support.digests import side

NOW = models.OPENED + timedelta(days=5)


def found(**overrides: object) -> Finding:
    return finding(models.alert(None, **overrides))


def figures(client: float | None, provider: float | None) -> PulseFigures:
    return PulseFigures(side("client", client), side("provider", provider))


def test_figures_line_shows_each_side_against_its_own_tolerance() -> None:
    line = figures_line(figures(54.9, 81.2), Thresholds(client_tolerance=70, provider_tolerance=60))
    assert line == "client 54 (tolerance 70), provider 81 (tolerance 60)"


def test_a_withheld_side_shows_no_index_only_the_minimum() -> None:
    line = figures_line(figures(None, 81), Thresholds(anonymity_min=4))
    assert line == "client withheld (fewer than 4 answered), provider 81 (tolerance 60)"


@given(st.floats(0, 100), st.integers(3, 50))
def test_no_number_of_a_withheld_side_ever_leaks(provider: float, minimum: int) -> None:
    line = figures_line(figures(None, provider), Thresholds(anonymity_min=minimum))
    client_part = line.split(", provider")[0]
    assert client_part == f"client withheld (fewer than {minimum} answered)"


def test_details_give_the_trend_since_the_last_pulse_and_the_counts() -> None:
    text = details_text(figures(54, 81), figures(60, 78))
    assert text == (
        "Since the last pulse: client -6, provider +3. Answered: client 7 of 9, provider 7 of 9."
    )


def test_details_leave_out_a_trend_for_a_side_withheld_now_or_before() -> None:
    assert details_text(figures(None, 81), figures(60, 78)).startswith(
        "Since the last pulse: provider +3."
    )
    assert details_text(figures(54, 81), figures(60, None)).startswith(
        "Since the last pulse: client -6."
    )
    only_counts = details_text(figures(None, 81), figures(60, None))
    assert only_counts == "Answered: client 2 of 9, provider 7 of 9."


def test_the_first_pulse_has_counts_but_no_trend() -> None:
    assert details_text(figures(54, 81), None) == "Answered: client 7 of 9, provider 7 of 9."


def test_fallback_text_is_the_title_and_the_sentence() -> None:
    alert = found()
    assert alert_text(alert) == (
        "Wide gap between the sides: "
        "The client rates the relationship 27 points below the provider."
    )


def test_an_unknown_rule_is_an_error_not_a_guess() -> None:
    with pytest.raises(KeyError, match="new_rule"):
        alert_text(found(rule="new_rule"))


def test_owner_and_state_read_as_a_person_would_say_them() -> None:
    open_alert = found()
    assert owner_text(open_alert) == "no owner yet"
    assert state_text(open_alert) == f"Open since {slack_date(open_alert.opened_at)} · no owner yet"
    acked = found(status="acknowledged", acknowledged_by="U0LEAD", owner_user_id="U0PRO1")
    assert owner_text(acked) == "owner <@U0PRO1>"
    assert state_text(acked) == "Acknowledged by <@U0LEAD> · owner <@U0PRO1>"
    resolved = found(status="resolved", resolved_at=NOW, owner_user_id="U0PRO1")
    assert state_text(resolved) == f"Resolved {slack_date(NOW)}."


def test_alerts_list_each_with_state_age_and_owner() -> None:
    alerts = [
        found(),
        found(rule="watermelon", status="acknowledged", owner_user_id="U0PRO1"),
    ]
    # The alerts opened three hours after the pulse closed; it is now five days after it opened.
    assert alerts_text("Acme deal", alerts, NOW).splitlines() == [
        "*Acme deal* — open alerts",
        "• Wide gap between the sides — open, 2 days old, no owner yet",
        "• Watermelon: SLAs green, client unhappy — acknowledged, 2 days old, owner <@U0PRO1>",
    ]


def test_alerts_about_one_side_name_it_so_two_sides_declining_read_apart() -> None:
    alerts = [
        found(rule="decline", side="client"),
        found(rule="decline", side="provider"),
    ]
    lines = alerts_text("Acme deal", alerts, NOW).splitlines()[1:]
    assert lines == [
        "• Satisfaction is falling on the client side — open, 2 days old, no owner yet",
        "• Satisfaction is falling on the provider side — open, 2 days old, no owner yet",
    ]


def test_no_alerts_says_so() -> None:
    assert alerts_text("Acme deal", [], NOW) == "No open alerts for *Acme deal*."


def test_an_open_alert_offers_acknowledge_and_assign() -> None:
    blocks = alert_blocks(found(trend="New this pulse."))
    check_message(blocks)
    text = text_of(blocks)
    assert text.startswith(":warning: *Wide gap between the sides* — ")
    assert "27 points below the provider" in text
    assert "_New this pulse._" in text
    assert "Open since" in text
    assert button_labels(blocks) == ["Acknowledge", "Assign owner"]
    assert [b["action_id"] for b in buttons(blocks)] == [ACK_ACTION, ASSIGN_ACTION]
    assert all(json.loads(b["value"]) == {"a": 12} for b in buttons(blocks))


def test_an_acknowledged_alert_has_no_acknowledge_button() -> None:
    trend = "Worse: the gap grew from 20 to 27 points."
    alert = found(status="acknowledged", acknowledged_by="U0LEAD", trend=trend)
    blocks = alert_blocks(alert)
    check_message(blocks)
    assert button_labels(blocks) == ["Assign owner"]
    assert "Acknowledged by <@U0LEAD>" in text_of(blocks)
    assert f"_{trend}_" in text_of(blocks)


def test_a_resolved_alert_has_no_buttons_a_check_mark_and_says_why() -> None:
    alert = found(
        status="resolved",
        resolved_at=NOW,
        severity="critical",
        trend="Better: the gap narrowed from 30 to 27 points.",
        resolution="the gap is now 9 points, under the threshold of 15",
    )
    blocks = alert_blocks(alert)
    check_message(blocks)
    assert buttons(blocks) == []
    assert [b["type"] for b in blocks] == ["section", "context"]
    text = text_of(blocks)
    assert text.startswith(":white_check_mark: ")
    assert ":rotating_light:" not in text
    assert "Better:" not in text
    assert "the gap is now 9 points, under the threshold of 15" in text
    assert f"Resolved {slack_date(NOW)}." in text


@pytest.mark.parametrize(
    ("severity", "icon"),
    [("critical", ":rotating_light:"), ("warning", ":warning:"), ("info", ":warning:")],
)
def test_severity_sets_the_icon(severity: str, icon: str) -> None:
    assert text_of(alert_blocks(found(severity=severity))).startswith(icon + " ")


@pytest.mark.parametrize("change", ["worse", "better", "same"])
def test_every_trend_of_a_live_alert_is_a_valid_message(change: Trend) -> None:
    trend = RULES["gap"].trend[change].format(before=20, now=27)
    blocks = alert_blocks(found(trend=trend))
    check_message(blocks)
    assert f"_{trend}_" in text_of(blocks)


def test_a_long_sentence_and_details_still_make_a_valid_message() -> None:
    alert = found(sentence="The client is unhappy. " * 100, details="n" * 2000)
    check_message(alert_blocks(alert))


def test_assign_modal_picks_a_person_for_that_alert() -> None:
    view = assign_modal(12)
    check_view(view)
    assert view["callback_id"] == ASSIGN_VIEW
    assert json.loads(view["private_metadata"]) == {"a": 12}
    assert view["title"]["text"] == reply_text.ALERT_ASSIGN_TITLE
    (block,) = view["blocks"]
    assert block["block_id"] == "owner"
    assert block["element"]["type"] == "users_select"
