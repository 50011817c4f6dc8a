"""Figures, contrast, account events and errands: signs and orderings on new sentences."""

from __future__ import annotations

import pytest

from bot.domain.sentiment import score_text


def polarity(text: str) -> float:
    return score_text(text).polarity


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # A figure's direction and the metric decide together.
        ("Resolution time went from 30 hours to 6.", "positive"),
        ("Open defects went from 15 to 48 this sprint.", "negative"),
        ("NPS fell from 41 to 22.", "negative"),
        ("Queue wait is up to fourteen minutes.", "negative"),
        ("Accuracy climbed to 97 percent.", "positive"),
        ("The error rate is slowly coming down.", "positive"),
        ("Their quote doubled after the workshop.", "negative"),
        # Good news told as an absence or a first.
        ("The month-end close ran without a hitch.", "positive"),
        ("The exceptions queue is finally empty.", "positive"),
        ("We haven't needed to chase anyone since the new lead started.", "positive"),
        ("Refund requests are now handled the same day.", "positive"),
    ],
)
def test_figures_and_absences_read_by_meaning(text: str, label: str) -> None:
    assert score_text(text).label == label


@pytest.mark.parametrize(
    "text",
    [
        "Charming people, but the fixes never arrive.",
        "The status pack is fine, though it always comes in late.",
        "Lovely onboarding, shame about the tooling.",
        "Their people mean well.",
        "It's okay, I guess.",
        "Our analysts are correcting every reconciliation they send.",
        "We're on our third delivery lead since spring.",
        "We're paying for architects and getting graduates.",
        "We found out about the rate change from the invoice.",
        "Half the regression pack was not run before go-live.",
        "If this happens again we will look at our options.",
        "This is formal notice of our intention to terminate the contract.",
        "Nobody from their side joined the cutover call.",
        "The purchase order has been sitting with their finance team since the 12th.",
        "The same mapping error as last quarter came back.",
    ],
)
def test_account_complaints_are_negative(text: str) -> None:
    assert score_text(text).label == "negative"


@pytest.mark.parametrize(
    "text",
    [
        "Can someone share the updated org chart?",
        "Quick question: does the rota include bank holidays?",
        "Backlog review moved to Thursday at 3pm.",
        "The signed agreement is in the shared drive.",
        "Smoke-test pack kicks off at 8, report after lunch.",
        "Deploying the patch on prod Friday morning.",
        "Error budget for the quarter at 60%.",
    ],
)
def test_errands_and_process_names_stay_neutral(text: str) -> None:
    assert score_text(text).label == "neutral"


def test_a_termination_notice_is_worse_than_a_warning() -> None:
    warning = polarity("We may need to look at our options.")
    notice = polarity("We are giving notice of our intent to terminate the agreement.")
    assert notice < warning < 0


def test_a_contrast_gives_a_mild_verdict_not_a_strong_one() -> None:
    mixed = polarity("Friendly team, but the tickets just sit there for weeks.")
    plain = polarity("The tickets just sit there for weeks, and nobody picks them up.")
    assert plain < mixed < 0


@pytest.mark.parametrize(
    "text",
    [
        "Good car chases and a great score.",
        "A tender, witty film that reminded me of the best comedies.",
        "Sweet and wickedly satisfying at the same time.",
        "The Terminator sequel is loud, fast and fun.",
    ],
)
def test_account_events_do_not_fire_in_ordinary_prose(text: str) -> None:
    assert score_text(text).label == "positive"


def test_prod_is_production_after_a_preposition_and_a_chase_otherwise() -> None:
    assert score_text("Restarting the cache on prod at noon.").label == "neutral"
    assert score_text("Had to prod them twice for the access list.").label == "negative"
