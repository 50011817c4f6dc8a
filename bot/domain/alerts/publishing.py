"""Which side figures may be published: enough people, and no two sets one can subtract."""

from __future__ import annotations

from bot.domain.alerts.model import MIN_ANONYMITY, Side, SideFigures


def publishable(people: int, whole: int, minimum: int) -> bool:
    """True when a figure over ``people`` may be shown beside one over ``whole`` people.

    The figure needs at least ``minimum`` people (never fewer than ``MIN_ANONYMITY``), and
    the people it leaves out of the whole side must be nobody or at least ``minimum``
    too: otherwise subtracting one figure from the other gives away the few left out.
    """
    floor = max(minimum, MIN_ANONYMITY)
    left_out = whole - people
    return people >= floor and (left_out == 0 or left_out >= floor)


def published_side(
    side: Side,
    *,
    answered: int,
    eligible: int,
    index: float | None,
    guessed: int,
    guess_index: float | None,
    minimum: int,
) -> SideFigures:
    """One side's figures for one pulse as they may be shown: withheld where the rules say.

    The index is over everyone who answered; the guess index (the blind-spot figure) is
    over those who also guessed, so it is shown only when that set is large enough and
    differs from everyone by nobody or by at least the minimum.
    """
    eligible = max(eligible, answered)
    show_index = publishable(answered, answered, minimum)
    show_guess = show_index and publishable(guessed, answered, minimum)
    return SideFigures(
        side=side,
        index=index if show_index else None,
        answered=answered,
        eligible=eligible,
        response_rate=answered / eligible if eligible else None,
        guess_index=guess_index if show_guess else None,
    )
