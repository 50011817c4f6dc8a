"""Column types shared by the models: UTC datetimes on every backend, and sealed text."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import DateTime, Text
from sqlalchemy.types import TypeDecorator

from storage.secrets import KeyMismatch, Sealer, is_sealed


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC datetimes on every backend (SQLite stores naive text)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: object) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: object) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


SEALER = "rapport_sealer"
"""The dialect attribute holding the engine's `Sealer` (set by `storage.db.Database`)."""


class SealedText(TypeDecorator[str]):
    """Text sealed at rest with the engine's key: the database holds only Fernet tokens.

    Python code reads and writes plain text; a value stored before sealing (not a Fernet
    token) reads as it is until `rapport rotate-key` or the start-up check seals it.
    """

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: str | None, dialect: object) -> str | None:
        if value is None:
            return None
        sealer = getattr(dialect, SEALER, None)
        if not isinstance(sealer, Sealer):
            raise KeyMismatch("comments cannot be stored without RAPPORT_SECRET_KEY")
        return sealer.seal(value)

    def process_result_value(self, value: str | None, dialect: object) -> str | None:
        if value is None or not is_sealed(value):
            return value
        sealer = getattr(dialect, SEALER, None)
        if not isinstance(sealer, Sealer):
            raise KeyMismatch("a stored comment cannot be read without RAPPORT_SECRET_KEY")
        return sealer.open(value)
