"""The digest text: numbers as in ``digest_numbers``, withheld sides hidden, Slack limits kept."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.domain.alerts import (
    PulseFigures,
    evaluate,
)
from bot.domain.dates import age
from bot.domain.digest import OpenAlert, PulsePoint, digest_numbers
from bot.domain.themes import Theme
from bot.views.digest_message import digest_sections, render_blocks, render_text
from tests.support.digests import (
    CLIENT,
    PROVIDER,
    START,
    digest,
    points,
    side,
    withheld_now,
)


def test_numbers_of_a_declining_client() -> None:
    numbers = digest_numbers(digest(points(CLIENT, PROVIDER)))
    assert numbers is not None
    client = numbers.client
    assert client.latest.index == 54
    assert client.change_since_previous == -6
    assert client.baseline == pytest.approx(75.75)
    assert client.change_since_baseline == pytest.approx(-21.75)
    assert client.latest.response_rate == pytest.approx(7 / 9)
    assert numbers.gap == 27
    assert numbers.previous_gap == 18
    assert numbers.gap_change == 9


def test_text_shows_the_same_numbers_in_whole_points() -> None:
    text = render_text(digest(points(CLIENT, PROVIDER)))
    first, *rest = text.splitlines()
    assert first == (
        "*Acme deal* — client 54 (below its 70), provider 81 (above its 60); gap 27, widening."
    )
    assert (
        "*Client* (Acme): *54*, tolerance 70 · −6 since last pulse · −22 since baseline"
        " · 7 of 9 answered (77%)" in rest
    )
    assert "*Provider* (Globex): *81*, tolerance 60 · +3 since last pulse" in text
    assert "*Gap* 27 (threshold 15), 18 at the last pulse." in rest
    assert "SLAs green, client 54 — below its 70" in text


def test_indices_round_down_so_a_side_just_under_its_tolerance_is_never_called_at_it() -> None:
    text = render_text(digest(points([69.6], [60.4])))
    assert text.splitlines()[0] == (
        "*Acme deal* — client 69 (below its 70), provider 60 (at its 60); gap 9."
    )


def test_the_gap_matches_the_gap_alert_sentence() -> None:
    history = points([80, 54.1], [80, 81.9])
    finding = next(f for f in evaluate(history[-1].figures) if f.rule == "gap")
    assert "27 points below" in finding.sentence
    assert "; gap 27, widening." in render_text(digest(history))


def test_early_pulses_say_the_baseline_is_forming() -> None:
    assert "first pulse · baseline forming (1 of 4 pulses)" in render_text(
        digest(points([80], [70]))
    )
    assert "baseline forming (4 of 4 pulses)" in render_text(
        digest(points(CLIENT[:4], PROVIDER[:4]))
    )
    assert "since baseline" in render_text(digest(points(CLIENT[:5], PROVIDER[:5])))


def test_the_baseline_ignores_withheld_pulses() -> None:
    numbers = digest_numbers(digest(points([None, 80, None, 70, 60], [70] * 5)))
    assert numbers is not None
    assert numbers.client.baseline == 75
    assert numbers.client.change_since_baseline == -15


def test_a_withheld_last_pulse_breaks_the_week_on_week_change() -> None:
    text = render_text(digest(points([80, None, 75], [70, 70, 70])))
    assert "*Client* (Acme): *75*, tolerance 70 · last pulse withheld" in text
    assert "; gap 5." in text  # no trend word without last pulse's gap


def test_a_withheld_side_is_said_to_be_withheld_and_its_figures_never_appear() -> None:
    text = render_text(withheld_now())
    lines = text.splitlines()
    assert (
        lines[0]
        == "*Acme deal* — client withheld (fewer than 3 answered), provider 81 (above its 60)."
    )
    assert "*Client* (Acme): withheld (fewer than 3 answered) · 2 of 9 answered (22%)" in lines
    assert "*Gap*: not shown while a side is withheld." in lines
    assert "SLAs green, client withheld (fewer than 3 answered)." in text
    assert "guess of client" not in text
    client_lines = [line for line in lines if "client" in line.lower()]
    numbers_said = {int(n) for line in client_lines for n in re.findall(r"\d+", line)}
    assert numbers_said <= {2, 3, 9, 22, 60, 81}  # counts, rate, the provider side's figures
    assert "12" not in text and "−42" not in text and "−64" not in text  # index, changes


def test_no_history_says_so_plainly() -> None:
    empty = digest([], next_pulse=datetime(2025, 3, 10, 8, 0, tzinfo=UTC))
    assert digest_numbers(empty) is None
    text = render_text(empty)
    assert text.startswith(
        "*Acme deal* — no pulse has closed yet, so there are no figures to show."
    )
    assert text.endswith("_Next pulse Mon 10 Mar 09:00 (Europe/Paris)_")


def test_blind_spots_say_how_far_each_guess_was_and_which_way_it_moves() -> None:
    history = [
        PulsePoint(START, PulseFigures(side("client", 60, 75), side("provider", 80, 50))),
        PulsePoint(
            START + timedelta(weeks=1),
            PulseFigures(side("client", 54, 70), side("provider", 81, 75)),
        ),
    ]
    text = render_text(digest(history))
    # client guessed 70 for a provider at 81; provider guessed 75 for a client at 54. The
    # provider's guess crossed over (10 too low before): not "growing", another direction.
    assert (
        "*Blind spots*: client's guess of provider: 11 too low, growing; "
        "provider's guess of client: 21 too high, was 10 too low." in text
    )


def test_open_alerts_show_age_owner_and_acknowledgement_oldest_first() -> None:
    history = points(CLIENT, PROVIDER)
    now = history[-1].closed_at + timedelta(days=2)
    alerts = [
        OpenAlert(
            "watermelon",
            "SLAs are green <and> the client is unhappy & says so.",
            now - timedelta(hours=5),
            None,
            acknowledged=True,
        ),
        OpenAlert("gap", "The client side is at 60.", now - timedelta(days=3), "U123ABC"),
    ]
    section = digest_sections(digest(history, open_alerts=alerts, now=now))[1]
    assert section.splitlines() == [
        "*Open alerts* (2)",
        "• *Gap* — The client side is at 60. (3 days old, <@U123ABC>)",
        "• *Watermelon* — SLAs are green &lt;and&gt; the client is unhappy &amp; says so."
        " (5 hours old, no owner, acknowledged)",
    ]


@pytest.mark.parametrize(
    ("elapsed", "said"),
    [
        (timedelta(minutes=40), "under an hour"),
        (timedelta(hours=1), "1 hour"),
        (timedelta(hours=23, minutes=59), "23 hours"),
        (timedelta(days=1), "1 day"),
        (timedelta(days=3, hours=7), "3 days"),
        (timedelta(days=13), "13 days"),
        (timedelta(days=20), "2 weeks"),
    ],
)
def test_alert_age_reads_naturally(elapsed: timedelta, said: str) -> None:
    assert age(START, START + elapsed) == said


def test_themes_per_side_with_people_and_mood() -> None:
    themes = {
        "client": [Theme("release notes", 4, 5, -0.4), Theme("ticket <backlog>", 3, 3, 0.3)],
        "provider": [],
    }
    section = digest_sections(digest(points(CLIENT, PROVIDER), themes=themes))[2]
    assert section.splitlines() == [
        "*Themes*",
        "Client: release notes (4 people, negative) · ticket &lt;backlog&gt; (3 people, positive)",
        "Provider: nothing raised by two or more people",
    ]


def test_sla_line_without_a_status_and_with_red() -> None:
    assert "No SLA status recorded." in render_text(digest(points([75], [70]), sla_status=None))
    assert ":red_circle: SLAs red, client 75 — above its 70." in render_text(
        digest(points([75], [70]), sla_status="red")
    )


def test_blocks_stay_within_slack_limits_with_many_long_alerts() -> None:
    history = points(CLIENT, PROVIDER)
    alerts = [
        OpenAlert("gap", "x" * 500, START + timedelta(hours=i), f"U{i:05d}") for i in range(60)
    ]
    blocks = render_blocks(digest(history, open_alerts=alerts, engagement="A" * 200))
    assert len(blocks) <= 50
    assert [b["type"] for b in blocks] == ["header", "section", "section", "section", "context"]
    assert len(blocks[0]["text"]["text"]) <= 150
    assert all(len(b["text"]["text"]) <= 3000 for b in blocks if b["type"] == "section")
    assert "…and 50 more: `/rapport alerts`" in blocks[2]["text"]["text"]


@pytest.mark.parametrize(
    "bad",
    [
        {"now": datetime(2025, 3, 3)},
        {"tz": "Mars/Olympus_Mons"},
        {"sla_status": "purple"},
        {"history": list(reversed(points([70, 71], [60, 61])))},
    ],
)
def test_bad_input_is_refused_at_construction(bad: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        digest(points([70], [60]), **bad)


@given(
    st.lists(st.floats(0, 100), min_size=1, max_size=8),
    st.floats(0, 100),
)
def test_a_withheld_side_never_shows_an_index(earlier: list[float], provider: float) -> None:
    history = points([*earlier, None], [provider] * (len(earlier) + 1))
    numbers = digest_numbers(digest(history))
    assert numbers is not None
    client = numbers.client
    assert client.latest.index is None and client.change_since_previous is None
    assert client.change_since_baseline is None and numbers.gap is None
    assert numbers.provider.blind_spot is None
    state = digest_sections(digest(history))[0]
    assert "*Client* (Acme): withheld (fewer than 3 answered) · 2 of 9 answered (22%)" in state
    assert "*Gap*: not shown" in state


def test_dates_are_in_the_engagements_time_zone() -> None:
    late_saturday = datetime(2025, 3, 29, 23, 30, tzinfo=UTC)  # Sunday 00:30 in Paris
    history = [PulsePoint(late_saturday, PulseFigures(side("client", 75), side("provider", 70)))]
    monday_nine_summer_time = datetime(2025, 3, 31, 7, 0, tzinfo=UTC)
    footer = digest_sections(digest(history, next_pulse=monday_nine_summer_time))[-1]
    assert footer == "_Latest pulse closed Sun 30 Mar · next pulse Mon 31 Mar 09:00 (Europe/Paris)_"
    assert digest_sections(digest(history, tz="UTC"))[-1] == (
        "_Latest pulse closed Sat 29 Mar · no pulse scheduled_"
    )


@pytest.mark.parametrize(
    ("before", "word"),
    [((60, 90), ", narrowing."), ((60, 80), ", unchanged."), ((60, 70), ", widening.")],
)
def test_the_first_line_says_which_way_the_gap_moves(before: tuple[int, int], word: str) -> None:
    text = render_text(digest(points([before[0], 54], [before[1], 74])))
    assert text.splitlines()[0].endswith(f"; gap 20{word}")


def test_a_blind_spot_that_closes_says_shrinking() -> None:
    history = [
        PulsePoint(START, PulseFigures(side("client", 60, 50), side("provider", 80, 75))),
        PulsePoint(
            START + timedelta(weeks=1),
            PulseFigures(side("client", 60, 75), side("provider", 81, 60)),
        ),
    ]
    assert (
        "client's guess of provider: 6 too low, shrinking; "
        "provider's guess of client: spot on, shrinking." in render_text(digest(history))
    )


def test_a_german_sponsor_reads_the_digest_in_german() -> None:
    from bot.domain.i18n import reading_as

    with reading_as("de-DE"):
        text = render_text(digest(points(CLIENT, PROVIDER)))
        [header, *_] = render_blocks(digest(points(CLIENT, PROVIDER)))
    first, *rest = text.splitlines()
    assert first == (
        "*Acme deal* – client 54 (unter ihrer Toleranz von 70), "
        "provider 81 (über ihrer Toleranz von 60); Abstand 27, wachsend."
    )
    assert (
        "*Client* (Acme): *54*, Toleranz 70 · −6 seit dem letzten Puls · −22 seit der Baseline"
        " · 7 von 9 geantwortet (77 %)" in rest
    )
    assert "*Abstand* 27 (Schwelle 15), beim letzten Puls 18." in rest
    assert "SLAs grün, client 54 – unter ihrer Toleranz von 70" in text
    assert header["text"]["text"] == "Wochen-Digest: Acme deal"
    for english in ("since last pulse", "tolerance", "answered", "*Gap*", "widening"):
        assert english not in text
