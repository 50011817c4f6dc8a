"""The portfolio as CSV: for the command line, and DMed to the lead or sponsor who asks."""

from __future__ import annotations

import csv
import io
import logging
from collections.abc import Sequence

from bot.domain import portfolio_text as text
from bot.domain.people import Caller
from bot.domain.portfolio import EngagementState
from bot.services.container import Container
from bot.services.portfolio import portfolio_of
from bot.slack.digest_delivery import send_file
from bot.slack.outcomes import outcome_of

logger = logging.getLogger(__name__)


def to_csv(states: Sequence[EngagementState]) -> str:
    """The ranked portfolio with a header row; a withheld figure is an empty cell."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=text.CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(text.csv_rows(states))
    return buffer.getvalue()


def send_portfolio_csv(container: Container, caller: Caller) -> str:
    """Upload the caller's portfolio as a CSV to their DM; the sentence that says what happened."""
    now = container.now()
    with container.database.reading() as session:
        states = portfolio_of(session, caller, now)
    if not states:
        return text.NOTHING
    try:
        send_file(
            container.client,
            caller.user_id,
            to_csv(states),
            filename=f"rapport-portfolio-{now:%Y-%m-%d}.csv",
            title="Your portfolio",
        )
    except Exception as error:
        reason = outcome_of(error).reason
        logger.warning("portfolio CSV for %s failed: %s", caller.user_id, reason)
        return text.CSV_NOT_SENT.format(error=reason)
    count = text.count_words(len(states), "engagement", "engagements")
    return text.CSV_SENT.format(count=count)
