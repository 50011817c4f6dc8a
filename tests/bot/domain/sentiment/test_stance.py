"""Requests, questions and announcements take no stance; opinions do."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.domain.sentiment import score_text, stance
from bot.domain.sentiment.lexicon import words
from bot.domain.sentiment.stance import errand_marker, no_stance, stance_marker


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Can you share the latest deck?", "ask"),
        ("Please update the runbook, thanks", "ask"),
        ("Happy to walk you through it", "ask"),
        ("Go-live is on Monday.", "announce"),
    ],
)
def test_an_errand_is_marked_by_its_kind_and_words(text: str, kind: str) -> None:
    found = stance_marker(text)
    assert found is not None and found[0] == kind
    assert found[1] and found[1] in text.lower()
    assert no_stance(text) == found[1]


@pytest.mark.parametrize(
    "text", ["The service was awful.", "Great work on the release.", "They are always late."]
)
def test_an_opinion_takes_a_stance(text: str) -> None:
    assert stance_marker(text) is None and no_stance(text) is None


def test_an_offer_or_hand_over_opens_an_errand_through_markup() -> None:
    assert errand_marker("> *Happy to walk you through it*") == "happy to walk"
    assert errand_marker("Can you share the deck?") is None


@pytest.mark.parametrize(
    "text",
    [
        "I'm on annual leave Friday, Tomasz covers.",
        "Covering for Priya this week while she is off sick.",
        "Nothing much to report from the night shift.",
        "How many licences are unassigned?",
        "ping me once the certificate is renewed",
        "Attached the incident report for sprint 12.",
        "will follow up with the storage team",
    ],
)
def test_absences_no_news_and_promises_stay_in_the_neutral_zone(text: str) -> None:
    assert abs(score_text(text).polarity) <= 0.05


@pytest.mark.parametrize(
    "text",
    [
        "Half the team is on leave and nothing moves.",
        "Had to follow up three times before anyone answered.",
        "We have been chasing this for two sprints.",
    ],
)
def test_an_absence_or_a_chase_that_carries_a_complaint_stays_one(text: str) -> None:
    assert score_text(text).polarity < -0.05


@pytest.mark.parametrize(
    "text",
    [
        "Escalation contacts sheet updated with the weekend rota.",
        "I've uploaded the signed SOW to the portal.",
        "The change order is with procurement for signature.",
        "VPN access granted for the two contractors.",
        "Let's book the quarterly review for the second week of June.",
        "Request to add Priya to the release channel.",
        "I'd like the capacity forecast before Friday's call.",
        "Database upgrade after lunch, ETA an hour.",
    ],
)
def test_records_kept_requests_and_work_times_are_no_stance(text: str) -> None:
    assert no_stance(text) is not None
    assert score_text(text).label == "neutral"


def test_a_plan_for_tonight_keeps_its_feeling() -> None:
    assert no_stance("Great game tonight, can't wait!") is None


@pytest.mark.parametrize(
    "text", ["Noted, thanks.", "ok, cheers", "Sure, will send the recon pack by end of day."]
)
def test_an_acknowledgement_with_thanks_or_a_promise_is_no_stance(text: str) -> None:
    assert score_text(text).label == "neutral"


# The absence regex carries its guard, "(?=[...])\\b(?:...)": the source is inside.
assert stance._ABSENCE.pattern.startswith("(?=[")
_ABSENCE_AS_ONE = re.compile(
    stance._ABSENCE.pattern.split("(?:", 1)[1][:-1] + "|" + stance._COVER.pattern
)
_ERRAND_AS_ONE = re.compile(stance._ERRAND_OPENER.pattern + "|" + stance._HAND_OVER.pattern)
_WORDS = sorted(
    words(
        "i am is on sick leave off out of the office covering for pavel covers will cover "
        "hi all team happy to help sharing ready for review would be helpful if that helps x"
    )
)


@given(st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from([" ", " ", ", ", ".", "\n"]))))
def test_absences_and_errands_are_found_as_one_regex_of_their_parts_would(
    parts: list[tuple[str, str]],
) -> None:
    text = "".join(word + gap for word, gap in parts)
    for split, whole in ((stance._absence, _ABSENCE_AS_ONE), (stance._errand, _ERRAND_AS_ONE)):
        found, expected = split(text), whole.search(text)
        assert (found and (found.span(), found.group(0))) == (
            expected and (expected.span(), expected.group(0))
        )


@pytest.mark.parametrize(
    "text",
    [
        "Quick question, who signs off the access requests for the HR share?",
        "Hi team, could someone resend the approved quote?",
        "Updated escalation matrix attached, feedback welcome.",
        "Draft runbook in the wiki, comments appreciated.",
    ],
)
def test_a_question_after_a_greeting_and_an_invitation_to_comment_are_errands(
    text: str,
) -> None:
    assert score_text(text).label == "neutral"
