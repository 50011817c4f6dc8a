"""Put a digest in one person's DM: the text as blocks, then the chart uploaded under it."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from slack_sdk import WebClient

from bot.domain import digest_words as words
from bot.domain.dates import day_month
from bot.domain.digest.chart import render_chart
from bot.domain.digest.model import DigestInput
from bot.slack.client import posting_client
from bot.views.digest_text import digest_sections, render_blocks


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


def dm_channel(client: WebClient, user_id: str) -> str:
    """The bot's DM channel with a person (uploads need a channel id, not a user id)."""
    opened = client.conversations_open(users=user_id)
    return str(opened["channel"]["id"])


def send_file(client: WebClient, user_id: str, content: str, filename: str, title: str) -> str:
    """Upload a text file (an export) to a person's DM; returns the DM channel."""
    channel = dm_channel(client, user_id)
    client.files_upload_v2(channel=channel, content=content, filename=filename, title=title)
    return channel


DIGEST_EVENT = "rapport_digest"


def post_digest(client: WebClient, channel: str, digest: RenderedDigest, claim_id: int) -> None:
    """The digest's text and blocks in the DM, tagged so a later check can find it."""
    metadata = {"event_type": DIGEST_EVENT, "event_payload": {"delivery": claim_id}}
    posting_client(client).chat_postMessage(
        channel=channel, text=digest.summary, blocks=digest.blocks, metadata=metadata
    )


def upload_chart(client: WebClient, channel: str, digest: RenderedDigest) -> None:
    """The digest's chart, under its text."""
    client.files_upload_v2(
        channel=channel,
        file=digest.chart,
        filename=digest.filename,
        title=digest.title,
        alt_txt=digest.chart_alt,
    )


def send_digest(client: WebClient, user_id: str, digest: RenderedDigest, claim_id: int = 0) -> str:
    """DM the digest to one person and upload its chart there; returns the DM channel.

    Raises whatever the Web API call raised; the caller records it.
    """
    channel = dm_channel(client, user_id)
    post_digest(client, channel, digest, claim_id)
    upload_chart(client, channel, digest)
    return channel
