"""Actions: what the form accepts, when an action is overdue, and the order they are listed in."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from bot.domain.actions import (
    ActionItem,
    InvalidAction,
    local_today,
    open_first,
    read_due,
    read_owner,
    read_text,
)

TODAY = date(2026, 11, 27)


def item(number: int, due: date, done_by: str | None = None) -> ActionItem:
    return ActionItem(number, 1, "gap", f"action {number}", "U0PRO1", due, done_by)


def test_an_action_is_overdue_from_the_day_after_its_due_date_until_done() -> None:
    assert not item(1, TODAY).overdue(TODAY)
    assert item(1, date(2026, 11, 26)).overdue(TODAY)
    assert not item(1, date(2026, 11, 26), done_by="U0LEAD").overdue(TODAY)


def test_today_is_the_engagements_own_date() -> None:
    late_evening_utc = datetime(2026, 11, 27, 23, 30, tzinfo=UTC)
    assert local_today(late_evening_utc, "UTC") == date(2026, 11, 27)
    assert local_today(late_evening_utc, "Europe/Berlin") == date(2026, 11, 28)
    assert local_today(late_evening_utc, "America/New_York") == date(2026, 11, 27)


def test_the_due_date_is_today_or_later() -> None:
    assert read_due("2026-11-27", TODAY) == TODAY
    assert read_due("2027-01-04", TODAY) == date(2027, 1, 4)
    for raw, said in (("2026-11-26", "has passed"), ("", "Pick a due date"), ("soon", "Pick")):
        with pytest.raises(InvalidAction, match=said) as refused:
            read_due(raw, TODAY)
        assert refused.value.field == "due"


def test_the_text_is_one_clean_line_of_at_most_200_characters() -> None:
    typed = "  Joint\u200b review\n of  response times "
    assert read_text(typed) == "Joint review of response times"
    assert len(read_text("x" * 200)) == 200
    for raw in ("", "   \u200b ", "x" * 201):
        with pytest.raises(InvalidAction) as refused:
            read_text(raw)
        assert refused.value.field == "text"
    with pytest.raises(InvalidAction) as missing:
        read_owner(None)
    assert missing.value.field == "owner"


def test_overdue_first_then_by_due_date_then_done() -> None:
    items = [
        item(1, date(2026, 12, 4)),
        item(2, date(2026, 11, 20), done_by="U0LEAD"),
        item(3, date(2026, 11, 25)),
        item(4, date(2026, 11, 30)),
        item(5, date(2026, 11, 21)),
    ]
    assert [a.id for a in open_first(items, TODAY)] == [5, 3, 4, 1, 2]


def test_an_action_of_a_resolved_finding_is_closed_never_overdue_and_listed_after_open() -> None:
    late = date(2026, 11, 1)
    closed = ActionItem(3, 1, "gap", "closed", "U0PRO1", late, finding_resolved=True)
    done = ActionItem(4, 1, "gap", "done", "U0PRO1", late, "U0LEAD", finding_resolved=True)
    assert closed.closed_with_finding and not closed.done and not closed.overdue(TODAY)
    assert not done.closed_with_finding  # done before its finding resolved: done it stays
    open_one = item(5, date(2026, 12, 1))
    assert [a.id for a in open_first([done, closed, open_one, item(6, late)], TODAY)] == [
        6,
        5,
        3,
        4,
    ]
