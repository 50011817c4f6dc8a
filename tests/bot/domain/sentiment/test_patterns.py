"""Events, patterns and stance of account chat get the sign an account lead gives them.

Every sentence here was written for these tests; none is a row of the in-domain set.
"""

from __future__ import annotations

import pytest

from bot.domain.sentiment import score_text
from bot.domain.sentiment.scorer import explain_text


def polarity(text: str) -> float:
    return score_text(text).polarity


def rules(text: str) -> set[str]:
    return {c.rule for c in explain_text(text)[1]}


@pytest.mark.parametrize(
    "text",
    [
        "The purchase order has been stuck with their buyer for three weeks.",
        "Fifth chaser about the same missing timesheets.",
        "We've nudged them twice and the laptop order is still not placed.",
        "Vendor statement requested again, the umpteenth time this quarter.",
        "It's been two months since we asked for the audit trail.",
    ],
)
def test_waiting_and_chasing_are_complaints(text: str) -> None:
    assert polarity(text) < 0
    assert rules(text) & {"waiting", "chasing", "repeated"}


def test_longer_and_repeated_waits_read_worse() -> None:
    assert polarity("Chased them about the refund again.") < polarity("Asked about the refund.")
    assert polarity("The release was delayed for months.") < 0


@pytest.mark.parametrize(
    "text",
    [
        "In the end our own analysts rebuilt the forecast model.",
        "We ended up drafting the cutover checklist ourselves.",
        "Our testers had to rewrite every script they handed over.",
    ],
)
def test_doing_the_other_sides_job_is_a_complaint(text: str) -> None:
    assert polarity(text) < 0
    assert "own work" in rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "Sounds lovely, I'll have to check that recipe.",
        "So proud of the kids, we are all so happy for them.",
        "The film makes it hard to care for them at all.",
        "You end up smiling through the whole second act.",
    ],
)
def test_own_work_words_in_ordinary_prose_are_no_complaint(text: str) -> None:
    assert "own work" not in rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "Our analysts are reconciling their statements for them every month.",
        "We ended up configuring the backups ourselves.",
    ],
)
def test_doing_the_other_sides_job_reads_as_a_clear_complaint(text: str) -> None:
    # Doing the other side's job is a strong complaint on the rating scale (3 of 4).
    assert polarity(text) < -0.55


@pytest.mark.parametrize(
    "text",
    [
        "Finance wants us to line up alternative providers before spring.",
        "The payroll contract will go out to tender next year.",
        "Our COO asked for an exit plan for the hosting deal.",
    ],
)
def test_renewal_and_exit_threats_are_complaints(text: str) -> None:
    assert polarity(text) < 0
    assert "threat" in rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "Nine managers on the bridge and no one willing to approve the rollback.",
        "Another workshop ended with no decision on the data model.",
        "Nobody can say who signs off the test exit.",
    ],
)
def test_decision_paralysis_is_a_complaint(text: str) -> None:
    assert polarity(text) < 0
    assert "paralysis" in rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "Superb, the 'simple' upgrade wiped the printer queues.",
        "Oh great, the invoice portal is down again.",
        "Loving how we hear about price rises from the invoices 🙄",
        "Nice, another 'quick' patch that needed a weekend of rework.",
    ],
)
def test_sarcasm_over_a_failure_is_negative(text: str) -> None:
    assert polarity(text) < 0
    assert rules(text) & {"sarcasm", "scare quotes"}


def test_sarcasm_needs_a_failure_or_a_marker() -> None:
    assert polarity("Great, thanks for the quick answer!") > 0
    assert polarity("Love how quickly the new agents picked it up.") > 0
    assert polarity("Lovely work on the audit pack :upside_down_face:") < polarity(
        "Lovely work on the audit pack"
    )


@pytest.mark.parametrize(
    "text",
    [
        "Unresolved tickets fell to 14 from 210 over the summer.",
        "Zero missed payroll deadlines since the new checks.",
        "Not a single outage during the store migration.",
        "Their monitoring caught the failing disk before any user noticed.",
        "Fewer escalations every month since the new lead started.",
        "Average wait on the helpline is now under three minutes.",
    ],
)
def test_good_news_as_numbers_and_absences_is_positive(text: str) -> None:
    assert polarity(text) > 0
    assert rules(text) & {"improvement", "no bad news"}


def test_contrast_lets_the_clause_after_but_decide() -> None:
    assert polarity("Kind people, but the reports are always late.") < 0
    assert polarity("Helpful enough on the phone, yet nothing gets done.") < 0
    assert polarity("A messy first week, but the new desk is working well.") > 0


def test_faint_praise_with_enough_is_not_praise() -> None:
    assert polarity("The agents are pleasant enough.") < polarity("The agents are pleasant.")


@pytest.mark.parametrize(
    "text",
    [
        "Could you send the new escalation contacts?",
        "Please add the Lisbon team to the bridge.",
        "Who approves licence purchases now?",
        "The firewall migration is scheduled for 12 May.",
        "Payroll go-live moves to next quarter.",
        "Reminder: timesheets are due by Thursday 17:00.",
        "FYI the new rate card is in the shared folder, thanks!",
    ],
)
def test_requests_and_announcements_are_neutral(text: str) -> None:
    assert score_text(text).label == "neutral"


def test_a_request_that_carries_a_complaint_is_not_neutral() -> None:
    assert polarity("Third time asking: can you send the escalation contacts?") < 0
    assert polarity("Can you explain why the report is late again?") < 0


def test_a_question_with_a_strong_opinion_keeps_it() -> None:
    assert polarity("Is there anything worse than their hold music?") < 0


@pytest.mark.parametrize(
    "text",
    [
        "We have started talking to other suppliers.",
        "Legal is preparing the termination notice.",
    ],
)
def test_a_contract_threat_reads_stronger_than_a_plain_slip(text: str) -> None:
    # Threats are 3 of 4 on the rating scale (termination 4), a slip stated plainly 2.
    assert polarity(text) < -0.55
    assert polarity(text) < polarity("The weekly report was late.") - 0.2
