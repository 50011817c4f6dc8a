"""The portfolio as CSV: for the command line, and DMed to the lead or sponsor who asks."""

from __future__ import annotations

import csv
import io
import json
import logging
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy.orm import Session

from bot.domain import portfolio_text as text
from bot.domain.outcomes import MessengerError
from bot.domain.people import Caller
from bot.domain.portfolio import EngagementState
from bot.services.delivery.digests import send_file
from bot.services.export import ExportError
from bot.services.portfolio import portfolio, portfolio_of
from bot.services.runtime import Runtime
from storage import portfolio as queries

logger = logging.getLogger(__name__)


def to_csv(states: Sequence[EngagementState]) -> str:
    """The ranked portfolio with a header row; a withheld figure is an empty cell."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=text.CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(text.csv_rows(states))
    return buffer.getvalue()


def to_json(states: Sequence[EngagementState]) -> str:
    """The ranked portfolio as JSON: the same fields as the CSV, null where withheld."""
    rows = []
    for state, row in zip(states, text.csv_rows(states), strict=True):
        found: dict[str, object] = {k: v if v != "" else None for k, v in row.items()}
        found.update(engagement=state.name, needs_attention=row["needs_attention"])
        rows.append(found)
    return json.dumps({"portfolio": rows}, indent=2, ensure_ascii=False) + "\n"


def export_portfolio(
    session: Session, user: str, team: str | None, output: str, now: datetime
) -> str:
    """`rapport export --portfolio USER`: that person's ranked portfolio as CSV or JSON.

    Raises ``ExportError`` when the user leads or sponsors nothing, or has a portfolio in
    several workspaces and no ``team`` says which.
    """
    user_id = user.strip().strip("<>").lstrip("@").split("|", 1)[0]
    teams = [team] if team else queries.reader_workspaces(session, user_id)
    if len(teams) > 1:
        raise ExportError(text.PORTFOLIO_IN_SEVERAL.format(user=user_id, teams=", ".join(teams)))
    states = portfolio(session, teams[0], user_id, now) if teams else []
    if not states:
        raise ExportError(text.NO_PORTFOLIO_FOR.format(user=user_id))
    return to_json(states) if output == "json" else to_csv(states)


def send_portfolio_csv(container: Runtime, caller: Caller) -> str:
    """Upload the caller's portfolio as a CSV to their DM; the sentence that says what happened."""
    now = container.now()
    with container.database.reading() as session:
        states = portfolio_of(session, caller, now)
    if not states:
        return text.NOTHING
    try:
        send_file(
            container.messenger,
            caller.user_id,
            to_csv(states),
            f"rapport-portfolio-{now:%Y-%m-%d}.csv",
            text.CSV_TITLE,
        )
    except MessengerError as error:
        logger.warning("portfolio CSV for %s failed: %s", caller.user_id, error.reason)
        return text.CSV_NOT_SENT.format(error=error.reason)
    count = text.engagements_words(len(states))
    return text.CSV_SENT.format(count=count)
