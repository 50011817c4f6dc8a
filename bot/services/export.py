"""Per-pulse aggregates of one engagement as CSV or JSON: side figures only, never an answer."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any, Final

from sqlalchemy.orm import Session

from bot.domain import operator_text
from bot.domain.alerts import SIDES, PulseFigures
from bot.domain.operator_text import EXPORT_UNSCORED
from bot.domain.sentiment.reading import SCORED_LANGUAGES
from bot.services.digest.assemble import sla_at_close
from bot.services.evaluation import pulse_figures
from storage import digests as queries
from storage.models import Engagement

FORMATS: Final = ("csv", "json")
SIDE_FIELDS: Final = ("index", "answered", "eligible", "response_rate", "guess_index")
COLUMNS: Final = (
    "pulse",
    "opened_at",
    "closed_at",
    *(f"{side}_{name}" for side in SIDES for name in SIDE_FIELDS),
    "gap",
    "sla_status",
    "sentiment_unscored",
)


class ExportError(Exception):
    """The engagement to export cannot be found, or the name is ambiguous."""


def _points(value: float | None, places: int = 1) -> float | None:
    return None if value is None else round(value, places)


def _unscored(count: int, anonymity_min: int) -> int | None:
    """A count of unscored answers, withheld (None) when it is below the anonymity minimum."""
    return count if count == 0 or count >= anonymity_min else None


def _row(
    number: int, opened: str, closed: str, figures: PulseFigures, sla: str | None
) -> dict[str, Any]:
    row: dict[str, Any] = {"pulse": number, "opened_at": opened, "closed_at": closed}
    for side in SIDES:
        figure = figures.of(side)
        row[f"{side}_index"] = _points(figure.index)  # None when withheld
        row[f"{side}_answered"] = figure.answered
        row[f"{side}_eligible"] = figure.eligible
        row[f"{side}_response_rate"] = _points(figure.response_rate, 3)
        row[f"{side}_guess_index"] = _points(figure.guess_index)
    client, provider = figures.client.index, figures.provider.index
    row["gap"] = None if client is None or provider is None else _points(abs(client - provider))
    row["sla_status"] = sla
    return row


def export_rows(session: Session, engagement: Engagement) -> list[dict[str, Any]]:
    """One row per closed pulse, oldest first; withheld figures are None."""
    pulses = queries.all_closed(session, engagement.id)
    figures = pulse_figures(session, pulses)
    sla = sla_at_close(pulses)
    unscored = queries.unscored_comment_counts(session, [pulse.id for pulse in pulses])
    return [
        _row(
            number,
            pulse.opened_at.isoformat(),
            pulse.closed_at.isoformat() if pulse.closed_at else "",
            figures[pulse.id],
            status,
        )
        | {"sentiment_unscored": _unscored(unscored.get(pulse.id, 0), engagement.anonymity_min)}
        for number, (pulse, status) in enumerate(zip(pulses, sla, strict=True), start=1)
        if pulse.id in figures
    ]


def to_csv(rows: Sequence[dict[str, Any]]) -> str:
    """CSV with a header row; a withheld figure is an empty cell."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows({k: "" if v is None else v for k, v in row.items()} for row in rows)
    return buffer.getvalue()


def to_json(engagement: Engagement, rows: Sequence[dict[str, Any]]) -> str:
    """A JSON document naming the engagement and its settings; withheld figures are null."""
    document = {
        "engagement": engagement.name,
        "client": engagement.client_org,
        "provider": engagement.provider_org,
        "client_tolerance": engagement.client_tolerance,
        "provider_tolerance": engagement.provider_tolerance,
        "gap_threshold": engagement.gap_threshold,
        "anonymity_min": engagement.anonymity_min,
        "sentiment_languages": list(SCORED_LANGUAGES),
        "sentiment_unscored": EXPORT_UNSCORED.format(languages=", ".join(SCORED_LANGUAGES)),
        "pulses": list(rows),
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def render(session: Session, engagement: Engagement, fmt: str) -> str:
    """The export of ``engagement`` in ``fmt`` ("csv" or "json")."""
    if fmt not in FORMATS:
        raise ExportError(f"format must be csv or json, not {fmt!r}")
    rows = export_rows(session, engagement)
    return to_csv(rows) if fmt == "csv" else to_json(engagement, rows)


def find_engagement(session: Session, name: str, team_id: str | None = None) -> Engagement:
    """The engagement called ``name`` (any case), in ``team_id`` if given; raises if not one."""
    found = queries.engagements_named(session, name, team_id)
    if not found:
        known = queries.engagement_names(session)
        if not known:
            raise ExportError(operator_text.NO_ENGAGEMENTS.format(name=name))
        names = ", ".join(f'"{known_name}" ({team})' for known_name, team in known)
        raise ExportError(operator_text.NO_SUCH_ENGAGEMENT.format(name=name, names=names))
    if len(found) > 1:
        teams = ", ".join(e.team_id for e in found)
        raise ExportError(f'"{name}" exists in several workspaces ({teams}); add --team')
    return found[0]
