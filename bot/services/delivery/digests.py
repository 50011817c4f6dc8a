"""Put a digest in one person's DM: the text as blocks, then the chart uploaded under it.

The weekly digests (`bot/services/digest/weekly.py`, `portfolio_weekly.py`) claim, look
and settle; this module renders a digest once and makes the calls that put it in a DM.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any, Protocol

from bot.domain import digest_text as words
from bot.domain.dates import day_month
from bot.domain.digest.chart import render_chart
from bot.domain.digest.model import DigestInput
from bot.services.delivery.exactly_once import post_tagged
from bot.services.messenger import Messenger, Tag
from bot.views.digest_message import digest_sections, render_blocks


@dataclass(frozen=True, slots=True)
class RenderedDigest:
    """A digest ready to send: rendered once, sent to as many sponsors as need it."""

    engagement: str
    summary: str
    blocks: list[dict[str, Any]]
    chart: bytes
    filename: str
    title: str
    chart_alt: str
    """What a screen reader says for the chart, in the language it was drawn in."""


class DigestDM(Protocol):
    """What a digest's DM is made of: an engagement's (`RenderedDigest`) or a portfolio's."""

    @property
    def summary(self) -> str: ...
    @property
    def blocks(self) -> list[dict[str, Any]]: ...
    @property
    def chart(self) -> bytes: ...
    @property
    def filename(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def chart_alt(self) -> str: ...


def _slug(name: str) -> str:
    # Accented letters keep their base letter ("Société" → "societe"), not a hyphen.
    name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "engagement"


def render(digest: DigestInput) -> RenderedDigest:
    """Text, blocks and chart of one digest; the summary line doubles as notification text."""
    summary = digest_sections(digest)[0].split("\n", 1)[0]
    local = digest.now.astimezone(digest.zone)
    return RenderedDigest(
        engagement=digest.engagement,
        summary=summary,
        blocks=render_blocks(digest),
        chart=render_chart(digest),
        filename=f"rapport-{_slug(digest.engagement)}-{local:%Y-%m-%d}.png",
        title=words.FILE_TITLE.format(
            engagement=digest.engagement, day=day_month(digest.now, digest.zone)
        ),
        chart_alt=words.CHART_ALT.format(engagement=digest.engagement),
    )


DIGEST_EVENT = "rapport_digest"


def send_file(messenger: Messenger, user_id: str, content: str, filename: str, title: str) -> str:
    """Upload a text file (an export) to a person's DM; returns the DM channel."""
    channel = messenger.open_dm(user_id)
    messenger.upload(channel, filename=filename, title=title, content=content)
    return channel


def post_digest(
    messenger: Messenger, channel: str, digest: DigestDM, claim_id: int, event: str = DIGEST_EVENT
) -> str:
    """The digest's text and blocks in the DM, tagged with its claim so a later check can
    find it; returns its ts."""
    tag = Tag(event, "delivery", claim_id)
    return post_tagged(messenger, channel, digest.summary, digest.blocks, tag=tag).ts


def upload_chart(messenger: Messenger, channel: str, digest: DigestDM) -> None:
    """The digest's chart, under its text."""
    messenger.upload(
        channel,
        file=digest.chart,
        filename=digest.filename,
        title=digest.title,
        alt_text=digest.chart_alt,
    )


def send_digest(
    messenger: Messenger, user_id: str, digest: RenderedDigest, claim_id: int = 0
) -> str:
    """DM the digest to one person and upload its chart there; returns the DM channel.

    Raises the messenger's `MessengerError`; the caller records it.
    """
    channel = messenger.open_dm(user_id)
    post_digest(messenger, channel, digest, claim_id)
    upload_chart(messenger, channel, digest)
    return channel
