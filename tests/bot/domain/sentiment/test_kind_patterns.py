"""The kinds of account chat that carry a verdict without an opinion word (English)."""

from __future__ import annotations

import pytest

from bot.domain.sentiment import score_text
from bot.domain.sentiment.scorer import explain_text


@pytest.mark.parametrize(
    "text",
    [
        "Big thanks to the DBA team for working through Sunday on the restore",
        "Cheers for covering the night shift at short notice",
        "Zero audit points open after the review",
        "The finance team stopped escalating invoices to us",
        "Cutover ran exactly to plan",
        "Every milestone this quarter met",
        "The storage issue was finally fixed properly",
    ],
)
def test_heroics_and_quiet_good_news_are_positive(text: str) -> None:
    assert score_text(text).label == "positive"


@pytest.mark.parametrize(
    "text",
    [
        "Kindly approve the change, it is pending with your team since 12 days",
        "Please share the test data at the earliest, developers are sitting idle",
        "Still awaiting the signed purchase order",
        "Their hotfix broke the login page for every store",
        "The invoice totals don't match the timesheets",
        "Nobody from the vendor joined the incident call",
        "Second outage this week 🎉",
        "Shout-out to the release team for shipping without running the tests",
        "Interface ticket open for the 5th day now",
        "We heard about the migration only after the event",
    ],
)
def test_complaints_told_as_facts_or_politeness_are_negative(text: str) -> None:
    assert score_text(text).label == "negative"


@pytest.mark.parametrize(
    "text",
    [
        "Hi all, sharing the minutes from this morning",
        "Happy to walk you through the new dashboard tomorrow",
        "Branch feature/4411 ready for review",
        "A short summary of the open risks would be helpful",
    ],
)
def test_errands_sit_in_the_neutral_zone(text: str) -> None:
    assert abs(score_text(text).polarity) < 0.05


@pytest.mark.parametrize(
    "text",
    [
        "We would appreciate it if we were told before the rota changes.",
        "I'd appreciate more realistic estimates.",
        "We expected a proper root cause analysis by now.",
        "Our architects should not have to review every design twice.",
        "Please release the payment, the invoice is overdue, pending with you for weeks",
        "Kindly note these delays will be escalated to the steering committee.",
    ],
)
def test_wishes_unmet_expectations_and_warnings_are_complaints(text: str) -> None:
    assert score_text(text).label == "negative"


@pytest.mark.parametrize(
    "text",
    [
        "I would appreciate it if you could send the agenda.",
        "Delivery went better than we expected.",
        "Thanks, that went as we expected.",
    ],
)
def test_a_request_or_a_met_expectation_is_no_complaint(text: str) -> None:
    assert score_text(text).polarity >= -0.05


@pytest.mark.parametrize(
    "text",
    [
        "Nobody updated the runbook after the last incident.",
        "We are losing faith in the weekly figures.",
        "If this continues I will recommend to pause the rollout.",
        "The board wants the service desk back in-house.",
        "The timesheet includes 12 hours we never approved.",
        "Accuracy has clearly dropped since the team changed.",
        "No update on the outage since this morning.",
        "Zero communication about the outage.",
    ],
)
def test_paralysis_lost_faith_risks_and_facts_are_complaints(text: str) -> None:
    assert score_text(text).label == "negative"


@pytest.mark.parametrize("text", ["ok", "Fine by me.", "okay", "noted"])
def test_a_bare_acknowledgement_is_neutral(text: str) -> None:
    assert score_text(text).label == "neutral"


def test_an_acknowledgement_with_an_opinion_keeps_it() -> None:
    assert score_text("fine work on the release, thanks").label == "positive"


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("got the nightly build green finally", "positive"),
        ("Data migration signed off two days before the deadline.", "positive"),
        ("Year-one savings landed ahead of the business case.", "positive"),
        ("Waited 3h for someone to pick up the P1.", "negative"),
        ("Still waiting on their DBA for the restore.", "negative"),
        ("The change log says 20 items, the release has only 12.", "negative"),
    ],
)
def test_more_verdicts_told_as_facts(text: str, label: str) -> None:
    assert score_text(text).label == label


@pytest.mark.parametrize(
    "text",
    [
        "we wait the approval 5 days already",
        "Kindly note the credit note requests are still unanswered.",
        "Nobody on your side owns it.",
    ],
)
def test_waits_said_with_already_still_unanswered_and_nobody_owning_it(text: str) -> None:
    assert score_text(text).label == "negative"


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Shrinkage hit 41% on Friday.", "negative"),
        ("Handle time is down 30 seconds on last week.", "positive"),
        ("Average speed of answer under 15 seconds all week.", "positive"),
        ("The scan found the same two critical findings as in spring.", "negative"),
        ("Every server patched within the window.", "positive"),
        ("Admin passwords are still shared despite four reminders.", "negative"),
        ("Your agents paste card numbers into chat. Please stop.", "negative"),
        ("Remediation of the audit points is ahead of the agreed plan.", "positive"),
        ("Six servers are still unpatched.", "negative"),
    ],
)
def test_contact_centre_and_security_facts_carry_their_verdict(text: str, label: str) -> None:
    assert score_text(text).label == label


@pytest.mark.parametrize(
    "text",
    ["Is the certificate renewal on track?", "Despite a slow start the film works."],
)
def test_a_hopeful_question_and_a_film_review_are_not_read_as_account_events(text: str) -> None:
    assert score_text(text).polarity >= -0.05


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Bad start to the month. That said, the team caught up well by Friday.", "positive"),
        ("Escaped defects are down and the build runs in half the time.", "positive"),
        ("The new service manager has made a real difference.", "positive"),
        ("Weekend deployments again. This cannot become the norm.", "negative"),
        ("I have raised it with our CIO.", "negative"),
        ("The architect left without any handover.", "negative"),
        ("The portal is down.", "negative"),
    ],
)
def test_contrast_across_sentences_warnings_and_what_is_down(text: str, label: str) -> None:
    assert score_text(text).label == label


def test_a_quick_update_is_a_status_note() -> None:
    text = "Quick update: the interface is in review, the report starts next sprint."
    assert score_text(text).label == "neutral"


@pytest.mark.parametrize(
    "text",
    [
        "Two failed deliveries on Monday, but the stores never noticed.",
        "Failover test ran overnight, no user impact.",
        "no manual restarts required since the upgrade",
        "Batch jobs finally behaving after the memory change.",
        "Every action from the spring audit review has been closed.",
    ],
)
def test_a_problem_that_reached_nobody_is_good_news(text: str) -> None:
    assert score_text(text).label == "positive"


@pytest.mark.parametrize(
    "text",
    [
        "Second sev1 this week on the payments API.",
        "Flagged the expired certificate three times now.",
        "We raised this twice in the steering meeting.",
    ],
)
def test_incidents_counted_by_ordinal_and_points_raised_again_are_complaints(text: str) -> None:
    assert score_text(text).label == "negative"


def test_a_cost_that_went_down_is_not_an_outage() -> None:
    assert score_text("Our monthly cloud cost went down after the rightsizing.").label == (
        "positive"
    )
    assert score_text("The booking site went down at noon.").label == "negative"


@pytest.mark.parametrize(
    "text",
    [
        "The team is charming, but nothing ships on the date agreed.",
        "Great engineers, but nothing lands before the deadline.",
        "We have lost confidence in the forecast; the CFO redid it in Excel.",
    ],
)
def test_nothing_coming_out_and_no_point_are_complaints(text: str) -> None:
    assert score_text(text).label == "negative"


@pytest.mark.parametrize(
    "text",
    [
        "Their handling of the data-centre move was exemplary.",
        "Zero missed collections since the new supplier took over.",
    ],
)
def test_exemplary_work_and_a_new_supplier_that_started_are_good_news(text: str) -> None:
    assert score_text(text).label == "positive"


@pytest.mark.parametrize(
    "text",
    [
        "The design changed twice after we had built the screens.",
        "Acceptance criteria changed after testing started.",
        "Month-end pack arrived on Wednesday evening instead of Monday.",
        "Another price increase with no justification.",
        "Privileged access still not reviewed this quarter.",
        "The promised savings have not shown up anywhere.",
    ],
)
def test_moved_goalposts_late_packs_and_unexplained_rises_are_complaints(text: str) -> None:
    assert score_text(text).label == "negative"


def test_finding_ways_to_deliver_everything_needed_is_praise() -> None:
    text = "Though the timeline was brutal, they found ways to deliver everything we asked for."
    assert score_text(text).label == "positive"


@pytest.mark.parametrize(
    "text",
    [
        "If the error rates don't improve by June we'll be taking this to the board.",
        "Two different versions of the cutover plan from your side this week.",
        "The after-hours line went straight to voicemail again.",
        "Kindly be advised the batch is still failing since Friday.",
        "We had to put our own developer on it to get the extract right.",
        "The payroll file is meant to be with us by the 3rd; it came on the 9th.",
    ],
)
def test_conditional_warnings_conflicting_answers_and_unmet_dates_are_complaints(
    text: str,
) -> None:
    assert score_text(text).label == "negative"


def test_a_close_on_day_three_is_a_working_day_not_a_wait() -> None:
    assert score_text("Close finished on day 3 this month, well done.").label == "positive"
    assert score_text("We're on day 6 and still no access list.").label == "negative"


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Overdue invoices went from R3.5m to R900k since the new process.", "positive"),
        ("Monthly spend went from $80k to $120k for the same scope.", "negative"),
    ],
)
def test_amounts_of_money_are_figures(text: str, label: str) -> None:
    assert score_text(text).label == label


@pytest.mark.parametrize(
    "text",
    [
        "Unless the backlog clears, the board will have to reconsider the partnership.",
        "Procurement has started a review of the contract after the March outages.",
        "We are going through our contract options before the summer.",
        "If the logging gap stays open we must notify the regulator.",
        "These findings will be reported to the audit committee.",
    ],
)
def test_a_review_of_the_relationship_and_a_report_to_the_regulator_are_risks(text: str) -> None:
    sentiment = score_text(text)
    assert sentiment.polarity < -0.2
    assert "threat" in {c.rule for c in explain_text(text)[1]}


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Still we did not receive the signed change request.", "waiting"),
        ("We still didn't hear back about the licence renewal.", "waiting"),
        ("The supplier has not provided the evidence we asked for in June.", "waiting"),
        ("Another repeat finding on the firewall rules.", "repeated"),
        ("Recurring failures on the overnight interface.", "repeated"),
        ("Since the upgrade the agents cannot log in to the CRM.", "impact"),
        ("The branches were unable to print statements all morning.", "impact"),
    ],
)
def test_non_arrival_recurrence_and_people_unable_to_work_are_complaints(
    text: str, rule: str
) -> None:
    sentiment, contributions = explain_text(text)
    assert sentiment.label == "negative"
    assert rule in {c.rule for c in contributions}


def test_a_recurring_failure_counts_the_failure_too() -> None:
    recurring = score_text("Recurring outages on the payment gateway.").polarity
    assert recurring < score_text("Outages on the payment gateway.").polarity < 0


@pytest.mark.parametrize(
    "text",
    ["I didn't get the joke at first.", "We can't wait for the summer party."],
)
def test_ordinary_cannot_and_did_not_are_no_complaint(text: str) -> None:
    assert not {c.rule for c in explain_text(text)[1]} & {"waiting", "impact"}


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Two service accounts were created without MFA on the payment cluster.", "careless"),
        ("They patched the database without a change ticket.", "careless"),
        ("We asked for the keys in May and until now nobody has sent them.", "waiting"),
        ("Until today we don't have the firewall rules.", "waiting"),
    ],
)
def test_skipped_controls_and_until_now_are_complaints(text: str, rule: str) -> None:
    sentiment, contributions = explain_text(text)
    assert sentiment.label == "negative"
    assert rule in {c.rule for c in contributions}


def test_in_practice_after_a_clause_break_decides_like_but() -> None:
    text = "Great numbers in the deck; in practice the users are still unhappy."
    assert score_text(text).label == "negative"


def test_a_refinement_or_grooming_session_is_a_process_name() -> None:
    assert score_text("Backlog grooming is on Wednesday.").label == "neutral"
    assert score_text("Defect refinement moved to 3pm.").label == "neutral"


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Once more the invoice arrived without the timesheets.", "repeated"),
        ("The portal outage is affecting our customers in three countries.", "impact"),
    ],
)
def test_once_more_and_harm_to_our_customers_are_complaints(text: str, rule: str) -> None:
    sentiment, contributions = explain_text(text)
    assert sentiment.label == "negative"
    assert rule in {c.rule for c in contributions}


def test_hoping_it_works_this_time_recalls_the_times_it_did_not() -> None:
    hoping = explain_text("We hope this time the cutover goes ahead.")
    assert "repeated" in {c.rule for c in hoping[1]}
    assert hoping[0].polarity < score_text("We hope the cutover goes ahead.").polarity


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Until when do we wait for the test accounts?", "waiting"),
        ("The vendor offered a workaround instead of fixing the root cause.", "careless"),
        ("The firewall rule was opened without our approval.", "careless"),
        ("If nothing changes by spring the helpdesk will go to tender.", "threat"),
        ("Three late payrolls in a row, this cannot continue.", "threat"),
        ("It cannot be that every invoice needs three corrections.", "threat"),
        ("Two of the clinics are out of compliance on retention.", "phrase"),
    ],
)
def test_more_complaints_warnings_and_risks(text: str, rule: str) -> None:
    sentiment, contributions = explain_text(text)
    assert sentiment.label == "negative"
    assert rule in {c.rule for c in contributions}


@pytest.mark.parametrize(
    "text",
    [
        "They crushed it on the payroll migration.",
        "Not a single regression in the March release.",
        "Zero critical vulnerabilities open at quarter end.",
        "Shout-out to Tom for jumping on the database outage at 2am.",
    ],
)
def test_set_praise_absent_regressions_and_thanks_for_heroics_are_positive(text: str) -> None:
    assert score_text(text).label == "positive"


def test_honestly_announces_a_verdict_without_praising() -> None:
    assert score_text("Honestly, the cutover was a mess.").label == "negative"
    assert "lexicon" not in {
        c.rule for c in explain_text("Honestly the cutover was a mess.")[1] if c.effect > 0
    }


def test_a_calendar_week_is_no_wait() -> None:
    assert score_text("Staffing plan attached for week 32.").label == "neutral"
    assert score_text("INC-5512 still open, day 6.").label == "negative"


def test_thanks_for_heroics_read_as_warm_thanks() -> None:
    # Warm, personal thanks are 3 of 4 on the rating scale, stronger than plain praise.
    heroics = score_text("Thanks to the team for staying late to finish the migration.")
    assert heroics.polarity > 0.6
    assert heroics.polarity > score_text("The migration went well.").polarity


@pytest.mark.parametrize(
    "text",
    [
        "We will not renew the managed print contract.",
        "Legal has sent them a notice of breach.",
        "We have lost all confidence in the capacity forecasts.",
    ],
)
def test_a_refused_renewal_a_breach_notice_and_lost_trust_are_strong_threats(text: str) -> None:
    sentiment, contributions = explain_text(text)
    assert sentiment.polarity < score_text("The weekly report was late.").polarity
    assert "threat" in {c.rule for c in contributions}


@pytest.mark.parametrize(
    "text",
    [
        "We couldn't have pulled this off without your team.",
        "The ticket queue is under control again.",
        "Exceptional support from the night team.",
    ],
)
def test_warm_thanks_a_problem_under_control_and_strong_praise_are_positive(text: str) -> None:
    assert score_text(text).polarity > 0.3


def test_please_is_a_courtesy_not_praise() -> None:
    contributions = explain_text("We will not renew. Please prepare the exit plan.")[1]
    assert all(c.effect <= 0 for c in contributions)
