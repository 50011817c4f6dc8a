"""The digest in words: Slack mrkdwn text and Block Kit sections, built from ``digest_numbers``.

Indices are shown in whole points rounded down, as in alert sentences, so a side at 69.6
is never called "70, below its 70". A difference between two indices is the difference
of the shown numbers, so the figures on the page add up and match the alerts; the
change since the baseline (a mean, not an index) is rounded to the nearest point.
"""

from __future__ import annotations

import math
from typing import Any, Final

from slack_sdk.models.blocks import (
    Block,
    ContextBlock,
    HeaderBlock,
    MarkdownTextObject,
    SectionBlock,
)

from bot.domain.dates import age, weekday_day_month
from bot.domain.digest.model import (
    BASELINE_PULSES,
    DigestInput,
    DigestNumbers,
    SideNumbers,
    digest_numbers,
)
from bot.domain.digest.standing import HELD_PULSES
from bot.domain.divergence import SIDES
from bot.domain.divergence.trends import blind_spot_moved
from bot.domain.divergence.wording import setting, shown
from bot.domain.drivers import drivers_line
from bot.domain.ladder import quarter_lines
from bot.slack.action_view import overdue_text
from bot.slack.format import escape

MAX_ALERTS: Final = 10
MAX_THEMES: Final = 3
LADDER_QUARTERS: Final = 2
SECTION_LIMIT: Final = 3000
HELD: Final = f"above the baseline at each of the last {HELD_PULSES} pulses"
NOT_HELD: Final = f"at or below the baseline at least once in the last {HELD_PULSES} pulses"
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
    return f"withheld (fewer than {digest.thresholds.anonymity_min} answered)"


def _against(index: float, tolerance: float) -> str:
    where = "below" if index < tolerance else "at" if shown(index) == tolerance else "above"
    return f"{where} its {setting(tolerance)}"


def _shown_gap(client: float | None, provider: float | None) -> int | None:
    if client is None or provider is None:
        return None
    return abs(shown(client) - shown(provider))


def _moving(change: int | None, up: str, down: str) -> str:
    """ ", widening", ", narrowing" or ", unchanged"; nothing when there is nothing to compare."""
    if change is None:
        return ""
    return f", {up}" if change > 0 else f", {down}" if change < 0 else ", unchanged"


def _summary(digest: DigestInput, numbers: DigestNumbers) -> str:
    sides = []
    for side in SIDES:
        figures = numbers.of(side)
        if figures.index is None:
            sides.append(f"{side} {_withheld(digest)}")
        else:
            sides.append(
                f"{side} {shown(figures.index)} ({_against(figures.index, figures.tolerance)})"
            )
    line = f"*{escape(digest.engagement)}* — {', '.join(sides)}"
    gap = _shown_gap(numbers.client.index, numbers.provider.index)
    if gap is not None:
        before = _shown_gap(numbers.client.previous_index, numbers.provider.previous_index)
        moving = _moving(None if before is None else gap - before, "widening", "narrowing")
        line += f"; gap {gap}{moving}"
    return line + "."


def _side_line(digest: DigestInput, numbers: DigestNumbers, figures: SideNumbers) -> str:
    head = f"*{figures.side.capitalize()}* ({escape(digest.org(figures.side))}): "
    parts = []
    if figures.index is None:
        parts.append(_withheld(digest))
    else:
        parts.append(f"*{shown(figures.index)}*, tolerance {setting(figures.tolerance)}")
        if numbers.pulses == 1:
            parts.append("first pulse")
        elif figures.previous_index is None:
            parts.append("last pulse withheld")
        else:
            parts.append(
                f"{_signed(shown(figures.index) - shown(figures.previous_index))} since last pulse"
            )
        if numbers.pulses <= BASELINE_PULSES:
            parts.append(f"baseline forming ({numbers.pulses} of {BASELINE_PULSES} pulses)")
        elif figures.change_since_baseline is not None:
            parts.append(f"{_signed(_nearest(figures.change_since_baseline))} since baseline")
    if figures.eligible:
        rate = shown(100 * figures.answered / figures.eligible)
        parts.append(f"{figures.answered} of {figures.eligible} answered ({rate}%)")
    else:
        parts.append("nobody eligible")
    return head + " · ".join(parts)


def _standing_line(digest: DigestInput, numbers: DigestNumbers) -> str | None:
    """Since the baseline and last quarter, and whether each side's improvement held."""
    standing = digest.standing
    if standing is None or standing.baseline_start is None:
        return None
    start = weekday_day_month(standing.baseline_start, digest.zone)
    head = f"*Baseline* (from the pulse of {start}"
    head += ", chosen by a lead)" if standing.chosen else ", the first pulses)"
    if standing.baseline_pulses < BASELINE_PULSES:
        return f"{head}: forming, {standing.baseline_pulses} of {BASELINE_PULSES} pulses."
    parts = []
    for side in SIDES:
        figures, held = numbers.of(side), standing.sides[side]
        change = _change(figures.index, held.baseline)
        quarter = _change(figures.index, held.quarter_ago)
        verdict = {True: HELD, False: NOT_HELD, None: ""}[held.held]
        said = [f"{change} since baseline", f"{quarter} since last quarter", verdict]
        parts.append(f"{side} " + ", ".join(p for p in said if p))
    return f"{head}: " + "; ".join(parts) + "."


def _change(index: float | None, before: float | None) -> str:
    return "n/a" if index is None or before is None else _signed(_nearest(index - before))


def _gap_line(digest: DigestInput, numbers: DigestNumbers) -> str:
    gap = _shown_gap(numbers.client.index, numbers.provider.index)
    if gap is None:
        return "*Gap*: not shown while a side is withheld."
    line = f"*Gap* {gap} (threshold {setting(digest.thresholds.gap)})"
    before = _shown_gap(numbers.client.previous_index, numbers.provider.previous_index)
    return line + ("." if before is None else f", {before} at the last pulse.")


def _blind_spot_line(numbers: DigestNumbers) -> str:
    parts = []
    for side in SIDES:
        figures, other = numbers.of(side), numbers.of("provider" if side == "client" else "client")
        if figures.blind_spot is None or figures.guess_index is None or other.index is None:
            continue
        miss = shown(figures.guess_index) - shown(other.index)
        verdict = (
            f"{abs(miss)} too high" if miss > 0 else f"{-miss} too low" if miss < 0 else "spot on"
        )
        verdict += blind_spot_moved(figures.blind_spot, figures.previous_blind_spot)
        parts.append(f"{side}'s guess of {other.side}: {verdict}")
    if not parts:
        return "*Blind spots*: too few guesses to show."
    return "*Blind spots*: " + "; ".join(parts) + "."


def _sla_line(digest: DigestInput, numbers: DigestNumbers | None) -> str:
    if digest.sla_status is None:
        return "No SLA status recorded."
    emoji = SLA_EMOJI[digest.sla_status]
    line = f"{emoji} SLAs {digest.sla_status}"
    client = numbers.client if numbers else None
    if client is None:
        return line + "."
    if client.index is None:
        return f"{line}, client {_withheld(digest)}."
    return f"{line}, client {shown(client.index)} — {_against(client.index, client.tolerance)}."


def _alerts(digest: DigestInput) -> str:
    alerts = sorted(digest.open_alerts, key=lambda a: a.opened_at)
    if not alerts:
        return "\n".join(["*Open alerts*: none.", *quarter_lines(digest.ladder, LADDER_QUARTERS)])
    lines = [f"*Open alerts* ({len(alerts)})"]
    for alert in alerts[:MAX_ALERTS]:
        owner = f"<@{alert.owner_user_id}>" if alert.owner_user_id else "no owner"
        state = ", acknowledged" if alert.acknowledged else ""
        title = alert.rule.replace("_", " ").capitalize()
        sentence = escape(
            alert.sentence if len(alert.sentence) <= 240 else alert.sentence[:239] + "…"
        )
        trend = f" _{escape(alert.trend)}_" if alert.trend else ""
        lines.append(
            f"• *{title}* — {sentence}{trend} "
            f"({age(alert.opened_at, digest.now)} old, {owner}{state})"
        )
    if len(alerts) > MAX_ALERTS:
        lines.append(f"…and {len(alerts) - MAX_ALERTS} more: `/rapport alerts`")
    return "\n".join(lines + quarter_lines(digest.ladder, LADDER_QUARTERS))


def _mood(polarity: float) -> str:
    return "negative" if polarity <= -0.1 else "positive" if polarity >= 0.1 else "neutral"


def _themes(digest: DigestInput) -> str:
    lines = ["*Themes*"]
    for side in SIDES:
        themes = list(digest.themes.get(side, ()))[:MAX_THEMES]
        said = " · ".join(
            f"{escape(t.phrase)} ({t.people} people, {_mood(t.polarity)})" for t in themes
        )
        lines.append(f"{side.capitalize()}: {said or 'nothing raised by two or more people'}")
    return "\n".join(lines)


def _footer(digest: DigestInput, numbers: DigestNumbers | None) -> str:
    zone = digest.zone
    parts = [f"latest pulse closed {weekday_day_month(numbers.closed_at, zone)}"] if numbers else []
    if digest.next_pulse is None:
        parts.append("no pulse scheduled")
    else:
        local = digest.next_pulse.astimezone(zone)
        parts.append(f"next pulse {weekday_day_month(local, zone)} {local:%H:%M} ({digest.tz})")
    line = " · ".join(parts)
    return f"_{line[0].upper()}{line[1:]}_"


def _fit(text: str) -> str:
    return text if len(text) <= SECTION_LIMIT else text[: SECTION_LIMIT - 1] + "…"


def digest_sections(digest: DigestInput) -> list[str]:
    """The digest as mrkdwn sections: state, open alerts and overdue actions, themes, dates."""
    numbers = digest_numbers(digest)
    if numbers is None:
        state = (
            f"*{escape(digest.engagement)}* — no pulse has closed yet, "
            f"so there are no figures to show.\n{_sla_line(digest, None)}"
        )
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
    """The digest as Block Kit blocks, validated by ``slack_sdk`` (raises if over a limit)."""
    *body, footer = digest_sections(digest)
    title = f"Weekly digest: {digest.engagement}"
    blocks: list[Block] = [HeaderBlock(text=title if len(title) <= 150 else title[:149] + "…")]
    blocks += [SectionBlock(text=MarkdownTextObject(text=section)) for section in body]
    blocks.append(ContextBlock(elements=[MarkdownTextObject(text=footer)]))
    return [block.to_dict() for block in blocks]
