"""Queries on actions: add one, mark it done once, list them per alert or per engagement."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from bot.domain.actions import ActionItem
from storage.models import Action, Alert


def add(
    session: Session,
    alert: Alert,
    *,
    text: str,
    owner_user_id: str,
    due_on: date,
    created_by: str,
    now: datetime,
) -> Action:
    action = Action(
        alert_id=alert.id,
        engagement_id=alert.engagement_id,
        text=text,
        owner_user_id=owner_user_id,
        due_on=due_on,
        created_by=created_by,
        created_at=now,
    )
    session.add(action)
    session.flush()
    return action


def mark_done(session: Session, action_id: int, by: str, now: datetime) -> bool:
    """Mark an action done if it is not yet; True only for the one caller that did."""
    result = session.execute(
        update(Action)
        .where(Action.id == action_id, Action.done_at.is_(None))
        .values(done_at=now, done_by=by)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


def _item(
    action: Action, rule: str, side: str | None, finding_resolved: bool = False
) -> ActionItem:
    return ActionItem(
        id=action.id,
        alert_id=action.alert_id,
        rule=rule,
        text=action.text,
        owner_user_id=action.owner_user_id,
        due=action.due_on,
        done_by=action.done_by,
        finding_resolved=finding_resolved,
        side=side,
    )


def of_alert(session: Session, alert: Alert) -> list[ActionItem]:
    """An alert's actions, done ones and those closed with it included, oldest first."""
    stmt = select(Action).where(Action.alert_id == alert.id).order_by(Action.id)
    resolved = alert.status == "resolved"
    return [_item(action, alert.rule, alert.side, resolved) for action in session.scalars(stmt)]


def open_actions(
    session: Session, engagement_id: int, owner_user_id: str | None = None
) -> list[ActionItem]:
    """The engagement's open actions (of one owner, if given), by due date: not done, and
    their finding still live (an action of a resolved finding is closed with it)."""
    stmt = (
        select(Action, Alert.rule, Alert.side)
        .join(Alert, Alert.id == Action.alert_id)
        .where(
            Action.engagement_id == engagement_id,
            Action.done_at.is_(None),
            Alert.status != "resolved",
        )
        .order_by(Action.due_on, Action.id)
    )
    if owner_user_id is not None:
        stmt = stmt.where(Action.owner_user_id == owner_user_id)
    return [_item(action, str(rule), side) for action, rule, side in session.execute(stmt)]
