"""Apply an event with an effect once, however often Slack delivers it.

Slack retries an event it got no quick 200 for (`X-Slack-Retry-Num` 1 to 3, same
`event_id`), and with several web processes two deliveries can run at once. The first
to record the event_id applies it; if its effect fails, the id is released so that
Slack's next retry applies it instead.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import Any

from storage import slack_events
from storage.db import Database

logger = logging.getLogger(__name__)


def apply_once(
    database: Database, body: dict[str, Any], now: datetime, effect: Callable[[], object]
) -> bool:
    """Run `effect` for the event in `body` unless it ran already; True if it ran now."""
    event_id = body.get("event_id")
    if not isinstance(event_id, str) or not event_id:
        effect()
        return True
    with database.unit_of_work() as session:
        first = slack_events.claim(session, event_id, now)
    if not first:
        logger.info("event %s already applied: a retried delivery is ignored", event_id[:64])
        return False
    try:
        effect()
    except BaseException:
        with database.unit_of_work() as session:
            slack_events.release(session, event_id)
        raise
    return True
