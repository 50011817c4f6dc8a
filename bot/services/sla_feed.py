"""SLA facts fed in: `POST /sla` with an engagement's token, `rapport sla import`, token rotation.

Every way in ends in `record_fact`, so a fed, imported or typed status is the same row
the watermelon rule and the digest read.
"""

from __future__ import annotations

import csv
import json
from datetime import date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from bot.domain import reply_text
from bot.domain.errors import NotPermitted
from bot.domain.people import Caller
from bot.domain.sla_feed import FactError, SlaFact, read_fact
from bot.domain.sla_token import (
    fresh,
    new_token,
    signature_matches,
    split_token,
    token_matches,
)
from bot.services.engagements import choose, require_lead
from bot.services.export import find_engagement
from bot.services.runtime import Runtime
from storage import pulses as pulse_queries
from storage.db import Database
from storage.models import Engagement, SlaRecord

SLA_PATH = "/sla"
IMPORT_COLUMNS = ("period", "status", "note", "metric", "value", "target", "higher_is_better")


def effective_at(engagement: Engagement, fact: SlaFact, now: datetime) -> datetime:
    """A fact counts from its period's first moment in the engagement's zone, else from now."""
    if fact.period is None:
        return now
    return datetime.combine(fact.period, time(), ZoneInfo(engagement.timezone))


def record_fact(
    session: Session, engagement: Engagement, fact: SlaFact, source: str, by: str, now: datetime
) -> SlaRecord:
    """Keep one SLA fact in the engagement's history."""
    record = SlaRecord(
        engagement_id=engagement.id,
        status=fact.status,
        note=fact.note,
        recorded_by=by,
        recorded_at=effective_at(engagement, fact, now),
        source=source,
        metric=fact.metric,
        value=fact.value,
        target=fact.target,
        higher_is_better=fact.higher_is_better,
    )
    session.add(record)
    return record


def rotate_token(engagement: Engagement, now: datetime) -> str:
    """A new feed token for the engagement; only its digest is kept, the old one stops working."""
    token, digest = new_token(engagement.id)
    engagement.sla_token_digest, engagement.sla_token_at = digest, now
    return token


def _bearer(authorization: str | None) -> tuple[int, str]:
    scheme, _, token = (authorization or "").strip().partition(" ")
    found = split_token(token.strip()) if scheme.lower() == "bearer" else None
    if found is None:
        raise NotPermitted(reply_text.SLA_FEED_REFUSED)
    return found


def _decode(body: bytes) -> object:
    try:
        return json.loads(body.decode("utf-8"))
    except RecursionError as error:
        raise FactError("body", reply_text.SLA_FEED_DEEP) from error
    except (UnicodeDecodeError, ValueError) as error:
        raise FactError("body", reply_text.SLA_FEED_JSON) from error


def receive(
    database: Database,
    now: datetime,
    authorization: str | None,
    signature: str | None,
    body: bytes,
    timestamp: str | None = None,
) -> dict[str, object]:
    """Record the fact in a `POST /sla` body; what was recorded, as JSON-ready values.

    A fact whose period starts before the latest closed pulse closed is kept as history
    (the watermelon rule and later pulses read it) and the answer says so; the pulses
    already closed keep the SLA status and figures they were published with.

    Raises:
        NotPermitted: the token (or the optional signature) is missing or wrong, or a
            signature comes without a timestamp within five minutes of now.
        FactError: the body is not an SLA fact; nothing was written.
    """
    engagement_id, secret = _bearer(authorization)
    with database.unit_of_work() as session:
        engagement = session.get(Engagement, engagement_id)
        stored = engagement.sla_token_digest if engagement is not None else None
        if engagement is None or stored is None or not token_matches(secret, stored):
            raise NotPermitted(reply_text.SLA_FEED_REFUSED)
        if signature is not None:
            if timestamp is None or not fresh(timestamp, now.timestamp()):
                raise NotPermitted(reply_text.SLA_FEED_STALE)
            if not signature_matches(stored, body, signature, timestamp):
                raise NotPermitted(reply_text.SLA_FEED_SIGNATURE)
        fact = read_fact(_decode(body), now.astimezone(ZoneInfo(engagement.timezone)).date())
        record = record_fact(session, engagement, fact, "feed", "feed", now)
        session.flush()
        answer = recorded(engagement, record, fact.period)
        last = pulse_queries.last_closed(session, engagement.id)
        if last is not None and last.closed_at and record.recorded_at < last.closed_at:
            answer["history"] = reply_text.SLA_FEED_HISTORY
        return answer


def recorded(engagement: Engagement, record: SlaRecord, period: date | None) -> dict[str, object]:
    """The answer to a fed fact: what was kept, so the sender can check it."""
    return {
        "ok": True,
        "id": record.id,
        "engagement": engagement.name,
        "status": record.status,
        "note": record.note,
        "period": period.isoformat() if period else None,
        "metric": record.metric,
        "value": record.value,
        "target": record.target,
        "higher_is_better": record.higher_is_better,
        "effective_from": record.recorded_at.isoformat(),
    }


def _row_fact(row: dict[str, str], today: date) -> SlaFact:
    data: dict[str, object] = {k: v for k, v in row.items() if k in IMPORT_COLUMNS and v}
    for key in ("value", "target"):
        if key in data:
            try:
                data[key] = float(str(data[key]))
            except ValueError as error:
                raise FactError(key, reply_text.SLA_FEED_NUMBER.format(field=key)) from error
    if "higher_is_better" in data:
        flag = str(data["higher_is_better"]).strip().lower()
        data["higher_is_better"] = {"true": True, "false": False}.get(flag, flag)
    if "period" not in data:
        raise FactError("period", reply_text.SLA_FEED_PERIOD)
    return read_fact(data, today)


def import_csv(
    database: Database, engagement_name: str, team_id: str | None, path: Path, now: datetime
) -> int:
    """Load an engagement's SLA history from a CSV, all rows or none.

    Columns: ``period`` (required), then ``status`` and ``note``, or ``metric``,
    ``value``, ``target`` and ``higher_is_better``.

    Raises:
        ExportError: no engagement, or several, have that name.
        FactError: a row is not an SLA fact; the message names the row and field.
    """
    with database.unit_of_work() as session:
        engagement = find_engagement(session, engagement_name, team_id)
        today = now.astimezone(ZoneInfo(engagement.timezone)).date()
        with path.open(newline="", encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
        for number, row in enumerate(rows, start=2):
            try:
                fact = _row_fact(row, today)
            except FactError as error:
                reason = reply_text.SLA_IMPORT_ROW.format(file=path.name, row=number, reason=error)
                raise FactError(error.field, reason) from error
            record_fact(session, engagement, fact, "import", "import", now)
        return len(rows)


def new_feed_token(container: Runtime, caller: Caller, name: str | None) -> tuple[str, str]:
    """`/rapport sla token` by a lead: the engagement's name and its new feed token."""
    with container.database.unit_of_work() as session:
        engagement = choose(session, caller, name)
        require_lead(session, engagement, caller)
        return engagement.name, rotate_token(engagement, container.now())
