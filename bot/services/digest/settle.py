"""Deliver a claimed weekly digest, one engagement's or a portfolio's, and settle its claim.

A digest is one kind of the outbox (`bot/services/delivery/outbox.py`): looked for in the
person's DM after an uncertain end, posted tagged with its claim, and settled. Sent is
recorded as soon as the text is in the DM, before the chart goes; a failed try either
ends the week (Slack refused it, or the week is over) or keeps the claim to be checked
and retried.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy.orm import Session

from bot.services.delivery import outbox
from bot.services.delivery.digests import DigestDM, post_digest, upload_chart
from bot.services.delivery.exactly_once import outcome_of
from bot.services.messenger import Messenger, Tag
from storage import digest_claims as claims
from storage.db import Database
from storage.models import DigestDelivery, PortfolioDigest

logger = logging.getLogger(__name__)
WEEK_OVER = "gave up: the week ended"


@dataclass(frozen=True, slots=True)
class Claimed:
    """A weekly digest claimed for one person: its kind, the claim, whose DM, its tag's event."""

    kind: claims.Kind
    id: int
    user_id: str
    event: str


@dataclass(slots=True)
class DigestItem:
    """A claimed digest on its way: when it is sent, and its drawing, made once."""

    claimed: Claimed
    now: datetime
    draw: Callable[[], DigestDM]
    drawn: list[DigestDM] = field(default_factory=list)

    def drawing(self) -> DigestDM:
        if not self.drawn:
            self.drawn.append(self.draw())
        return self.drawn[0]


def taken(
    session: Session,
    claimed: Claimed,
    draw: Callable[[], DigestDM],
    when: tuple[datetime, int, datetime],
) -> outbox.Claimed[DigestItem] | None:
    """A claim just taken (``claims.take``) as an item of the outbox; ``when`` is (now,
    this attempt, when the week ends). One tried before is looked for in the DM first; one
    never tried whose week is over is given up, not sent late (None)."""
    now, attempt, week_end = when
    if attempt <= 1 and now >= week_end:
        claims.finish(session, claimed.kind, claimed.id, sent_at=None, error=WEEK_OVER)
        logger.warning("%s claim %s: %s", _name(claimed.kind), claimed.id, WEEK_OVER)
        return None
    item = DigestItem(claimed, now, draw)
    return outbox.Claimed(claimed.id, attempt, week_end, attempt > 1, item)


def base_kind(kind: claims.Kind) -> outbox.OutboxKind[DigestItem]:
    """The outbox kind of one sort of weekly digest, without its queries: the weekly
    modules add them (`OutboxKind.due`, `claim`), bound to the moment they run."""
    return _KINDS[kind]


def _post(
    messenger: Messenger, place: outbox.Place, tag: Tag, item: outbox.Claimed[DigestItem]
) -> str:
    digest = item.detail
    return post_digest(messenger, place.channel, digest.drawing(), item.id, digest.claimed.event)


def _settle(session: Session, item: outbox.Claimed[DigestItem], result: outbox.Result) -> None:
    kind = item.detail.claimed.kind
    if isinstance(result, outbox.Landed):
        claims.finish(session, kind, item.id, sent_at=item.detail.now, error="")
    elif isinstance(result, outbox.Ended):
        claims.finish(session, kind, item.id, sent_at=None, error=result.error)
    else:
        claims.retry_later(session, kind, item.id, result.error, result.at)


def _with_chart(
    database: Database,
    messenger: Messenger,
    item: outbox.Claimed[DigestItem],
    place: outbox.Place,
    result: outbox.Result,
) -> None:
    """The digest's text is in the DM and recorded as sent: add its chart.

    Recorded before the chart goes: the text has arrived, and a claim left unsettled
    during a slow upload would be checked, found, and given a second chart. A chart that
    fails is noted on the row, not retried: a second upload could show it twice.
    """
    if not isinstance(result, outbox.Landed):
        return
    digest = item.detail
    try:
        upload_chart(messenger, place.channel, digest.drawing())
    except Exception as error:
        note = f"chart: {outcome_of(error).reason}"
        logger.warning("%s claim %s: %s", _name(digest.claimed.kind), item.id, note)
        with database.unit_of_work() as session:
            claims.finish(session, digest.claimed.kind, item.id, sent_at=digest.now, error=note)


def _name(kind: claims.Kind) -> str:
    return "digest" if kind is DigestDelivery else "portfolio digest"


def _kind(kind: claims.Kind) -> outbox.OutboxKind[DigestItem]:
    """A weekly digest as an outbox kind; the weekly modules take its claims."""
    return outbox.OutboxKind(
        name=f"{_name(kind)} claim",
        tag=lambda item: Tag(item.detail.claimed.event, "delivery", item.id),
        place=lambda messenger, item: outbox.Place(messenger.open_dm(item.detail.claimed.user_id)),
        post=_post,
        settle=_settle,
        then=_with_chart,
    )


_KINDS: dict[claims.Kind, outbox.OutboxKind[DigestItem]] = {
    DigestDelivery: _kind(DigestDelivery),
    PortfolioDigest: _kind(PortfolioDigest),
}
