"""The digest in words: Slack mrkdwn text and Block Kit sections, built from ``digest_numbers``.

Indices are shown in whole points rounded down, as in alert sentences, so a side at 69.6
is never called "70, below its 70". A difference between two indices is the difference
of the shown numbers, so the figures on the page add up and match the alerts; the
change since the baseline (a mean, not an index) is rounded to the nearest point.
"""

from __future__ import annotations

import math
from typing import Any, Final

from bot.domain import digest_text as words
from bot.domain.alerts import RULES, SIDES
from bot.domain.alerts.trends import blind_spot_moved
from bot.domain.alerts.wording import setting, shown
from bot.domain.dates import age, weekday_day_month
from bot.domain.digest.model import (
    BASELINE_PULSES,
    DigestInput,
    DigestNumbers,
    SideNumbers,
    digest_numbers,
)
from bot.domain.digest.standing import HELD_PULSES
from bot.domain.drivers import drivers_line
from bot.domain.i18n import ngettext
from bot.domain.ladder import quarter_lines
from bot.views import kit
from bot.views.action_view import overdue_text
from bot.views.mrkdwn import escape

MAX_ALERTS: Final = 10
MAX_THEMES: Final = 3
LADDER_QUARTERS: Final = 2
SECTION_LIMIT: Final = 3000
SLA_EMOJI: Final = {
    "green": ":large_green_circle:",
    "amber": ":large_orange_circle:",
    "red": ":red_circle:",
}


def _signed(points: int) -> str:
    return f"+{points}" if points > 0 else f"−{-points}" if points < 0 else "±0"


def _nearest(points: float) -> int:
    """Whole points, halves away from zero (``round`` would send 22.5 to 22 but 23.5 to 24)."""
    return int(math.copysign(math.floor(abs(points) + 0.5), points))


def _withheld(digest: DigestInput) -> str:
    return words.WITHHELD.format(minimum=digest.thresholds.anonymity_min)


def _against(index: float, tolerance: float) -> str:
    where = "below" if index < tolerance else "at" if shown(index) == tolerance else "above"
    return words.AGAINST[where].format(tolerance=setting(tolerance))


def _shown_gap(client: float | None, provider: float | None) -> int | None:
    if client is None or provider is None:
        return None
    return abs(shown(client) - shown(provider))


def _moving(change: int | None) -> str:
    """ "widening", "narrowing" or "unchanged"; nothing when there is nothing to compare."""
    if change is None:
        return ""
    return "widening" if change > 0 else "narrowing" if change < 0 else "unchanged"


def _summary(digest: DigestInput, numbers: DigestNumbers) -> str:
    sides = []
    for side in SIDES:
        figures = numbers.of(side)
        index = figures.latest.index
        if index is None:
            sides.append(words.SIDE_WITHHELD.format(side=side, withheld=_withheld(digest)))
        else:
            against = _against(index, figures.tolerance)
            sides.append(words.SIDE_INDEX.format(side=side, index=shown(index), against=against))
    whole = {"engagement": escape(digest.engagement), "sides": ", ".join(sides)}
    gap = _shown_gap(numbers.client.latest.index, numbers.provider.latest.index)
    if gap is None:
        return words.SUMMARY.format(**whole)
    before = _shown_gap(numbers.client.previous_index, numbers.provider.previous_index)
    moving = _moving(None if before is None else gap - before)
    return words.SUMMARY_GAP[moving].format(gap=gap, **whole)


def _side_line(digest: DigestInput, numbers: DigestNumbers, figures: SideNumbers) -> str:
    latest = figures.latest
    head = f"*{latest.side.capitalize()}* ({escape(digest.org(latest.side))}): "
    parts = []
    if latest.index is None:
        parts.append(_withheld(digest))
    else:
        index, tolerance = shown(latest.index), setting(figures.tolerance)
        parts.append(words.INDEX_TOLERANCE.format(index=index, tolerance=tolerance))
        if numbers.pulses == 1:
            parts.append(words.FIRST_PULSE)
        elif figures.previous_index is None:
            parts.append(words.LAST_PULSE_WITHHELD)
        else:
            change = _signed(index - shown(figures.previous_index))
            parts.append(words.SINCE_LAST_PULSE.format(change=change))
        if numbers.pulses <= BASELINE_PULSES:
            forming = words.BASELINE_FORMING
            parts.append(forming.format(count=numbers.pulses, total=BASELINE_PULSES))
        elif figures.change_since_baseline is not None:
            change = _signed(_nearest(figures.change_since_baseline))
            parts.append(words.SINCE_BASELINE.format(change=change))
    if latest.eligible:
        rate = shown(100 * latest.answered / latest.eligible)
        answered = {"answered": latest.answered, "eligible": latest.eligible, "rate": rate}
        parts.append(words.ANSWERED.format(**answered))
    else:
        parts.append(words.NOBODY_ELIGIBLE)
    return head + " · ".join(parts)


def _standing_line(digest: DigestInput, numbers: DigestNumbers) -> str | None:
    """Since the baseline and last quarter, and whether each side's improvement held."""
    standing = digest.standing
    if standing is None or standing.baseline_start is None:
        return None
    start = weekday_day_month(standing.baseline_start, digest.zone)
    head = (words.BASELINE_CHOSEN if standing.chosen else words.BASELINE_FIRST).format(start=start)
    if standing.baseline_pulses < BASELINE_PULSES:
        still = words.BASELINE_STILL_FORMING
        return still.format(head=head, count=standing.baseline_pulses, total=BASELINE_PULSES)
    verdicts = {True: words.HELD, False: words.NOT_HELD, None: ""}
    parts = []
    for side in SIDES:
        figures, held = numbers.of(side), standing.sides[side]
        change = _change(figures.latest.index, held.baseline)
        quarter = _change(figures.latest.index, held.quarter_ago)
        since = words.SINCE_BASELINE.format(change=change)
        quarterly = words.SINCE_LAST_QUARTER.format(change=quarter)
        said = [since, quarterly, verdicts[held.held].format(count=HELD_PULSES)]
        parts.append(f"{side} " + ", ".join(p for p in said if p))
    return words.BASELINE_SIDES.format(head=head, sides="; ".join(parts))


def _change(index: float | None, before: float | None) -> str:
    return (
        words.NOT_AVAILABLE
        if index is None or before is None
        else _signed(_nearest(index - before))
    )


def _gap_line(digest: DigestInput, numbers: DigestNumbers) -> str:
    gap = _shown_gap(numbers.client.latest.index, numbers.provider.latest.index)
    if gap is None:
        return words.GAP_HIDDEN
    threshold = setting(digest.thresholds.gap)
    before = _shown_gap(numbers.client.previous_index, numbers.provider.previous_index)
    if before is None:
        return words.GAP_LINE.format(gap=gap, threshold=threshold)
    return words.GAP_LINE_BEFORE.format(gap=gap, threshold=threshold, before=before)


def _blind_spot_line(numbers: DigestNumbers) -> str:
    parts = []
    for side in SIDES:
        figures, other = numbers.of(side), numbers.of("provider" if side == "client" else "client")
        guess, other_index = figures.latest.guess_index, other.latest.index
        if figures.blind_spot is None or guess is None or other_index is None:
            continue
        miss = shown(guess) - shown(other_index)
        verdict = words.TOO_HIGH if miss > 0 else words.TOO_LOW if miss < 0 else words.SPOT_ON
        verdict = verdict.format(points=abs(miss))
        verdict += blind_spot_moved(figures.blind_spot, figures.previous_blind_spot)
        parts.append(words.GUESS.format(side=side, other=other.latest.side, verdict=verdict))
    if not parts:
        return words.BLIND_SPOTS_NONE
    return words.BLIND_SPOTS.format(guesses="; ".join(parts))


def _sla_line(digest: DigestInput, numbers: DigestNumbers | None) -> str:
    if digest.sla_status is None:
        return words.NO_SLA
    said = {"emoji": SLA_EMOJI[digest.sla_status], "status": words.SLA_STATUS[digest.sla_status]}
    client = numbers.client if numbers else None
    if client is None:
        return words.SLA.format(**said)
    index = client.latest.index
    if index is None:
        return words.SLA_WITHHELD.format(withheld=_withheld(digest), **said)
    against = _against(index, client.tolerance)
    return words.SLA_CLIENT.format(index=shown(index), against=against, **said)


def _alerts(digest: DigestInput) -> str:
    alerts = sorted(digest.open_alerts, key=lambda a: a.opened_at)
    if not alerts:
        return "\n".join([words.NO_ALERTS, *quarter_lines(digest.ladder, LADDER_QUARTERS)])
    lines = [words.ALERTS.format(count=len(alerts))]
    for alert in alerts[:MAX_ALERTS]:
        owner = f"<@{alert.owner_user_id}>" if alert.owner_user_id else words.NO_OWNER
        aged = words.ALERT_AGE_ACKNOWLEDGED if alert.acknowledged else words.ALERT_AGE
        title = RULES[alert.rule].label
        sentence = escape(
            alert.sentence if len(alert.sentence) <= 240 else alert.sentence[:239] + "…"
        )
        trend = f" _{escape(alert.trend)}_" if alert.trend else ""
        old = aged.format(age=age(alert.opened_at, digest.now), owner=owner)
        lines.append(f"• *{title}* — {sentence}{trend} {old}")
    if len(alerts) > MAX_ALERTS:
        lines.append(words.MORE_ALERTS.format(count=len(alerts) - MAX_ALERTS))
    return "\n".join(lines + quarter_lines(digest.ladder, LADDER_QUARTERS))


def _mood(polarity: float) -> str:
    mood = "negative" if polarity <= -0.1 else "positive" if polarity >= 0.1 else "neutral"
    return words.MOODS[mood]


def _themes(digest: DigestInput) -> str:
    lines = [words.THEMES]
    for side in SIDES:
        themes = list(digest.themes.get(side, ()))[:MAX_THEMES]
        said = " · ".join(
            ngettext(*words.THEME, t.people).format(
                phrase=escape(t.phrase), count=t.people, mood=_mood(t.polarity)
            )
            for t in themes
        )
        lines.append(f"{side.capitalize()}: {said or words.NOTHING_RAISED}")
    return "\n".join(lines)


def _footer(digest: DigestInput, numbers: DigestNumbers | None) -> str:
    zone = digest.zone
    closed = numbers and words.LATEST_CLOSED.format(day=weekday_day_month(numbers.closed_at, zone))
    parts = [closed] if closed else []
    if digest.next_pulse is None:
        parts.append(words.NO_PULSE)
    else:
        local = digest.next_pulse.astimezone(zone)
        day, time = weekday_day_month(local, zone), f"{local:%H:%M}"
        parts.append(words.NEXT_PULSE.format(day=day, time=time, tz=digest.tz))
    line = " · ".join(parts)
    return f"_{line[0].upper()}{line[1:]}_"


def _fit(text: str) -> str:
    return text if len(text) <= SECTION_LIMIT else text[: SECTION_LIMIT - 1] + "…"


def digest_sections(digest: DigestInput) -> list[str]:
    """The digest as mrkdwn sections: state, open alerts and overdue actions, themes, dates."""
    numbers = digest_numbers(digest)
    if numbers is None:
        nothing = words.NOTHING_CLOSED.format(engagement=escape(digest.engagement))
        state = f"{nothing}\n{_sla_line(digest, None)}"
    else:
        lines = [_summary(digest, numbers)]
        lines += [_side_line(digest, numbers, numbers.of(side)) for side in SIDES]
        lines += [line for line in [_standing_line(digest, numbers)] if line]
        lines += [_gap_line(digest, numbers), _blind_spot_line(numbers), _sla_line(digest, numbers)]
        lines += [line for line in [drivers_line(digest.drivers, digest.drivers_minimum)] if line]
        state = "\n".join(lines)
    overdue = overdue_text(digest.actions, digest.today)
    return [
        _fit(state),
        _fit(_alerts(digest) + (f"\n\n{overdue}" if overdue else "")),
        _fit(_themes(digest)),
        _fit(_footer(digest, numbers)),
    ]


def render_text(digest: DigestInput) -> str:
    """The whole digest as one Slack mrkdwn message; its first line sums up the state."""
    return "\n\n".join(digest_sections(digest))


def render_blocks(digest: DigestInput) -> list[dict[str, Any]]:
    """The digest as Block Kit blocks (raises `kit.BlockKitError` if over a limit)."""
    *body, footer = digest_sections(digest)
    title = words.TITLE.format(engagement=digest.engagement)
    blocks = [kit.header(title if len(title) <= 150 else title[:149] + "…")]
    blocks += [kit.section(section) for section in body]
    blocks.append(kit.context(footer))
    return blocks
