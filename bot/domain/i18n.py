"""Who is reading, and every sentence, count, number and date in their language.

The reader's language lives in a context variable set at the edges (a listener for the
person who clicked or typed, a sender for each recipient, an engagement's language for its
shared channel) and follows work into `ContextPool` threads. Catalogues are the `.po`
files under `bot/locale/`, compiled in memory on first use (nothing to build or download).
"""

from __future__ import annotations

import contextvars
import logging
import sys
import threading
import types
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from functools import cache
from io import BytesIO
from pathlib import Path
from typing import Any

from babel import Locale
from babel.dates import format_date, format_datetime
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal
from babel.support import Translations

logger = logging.getLogger(__name__)

ENGLISH = "en"
LANGUAGES = ("en", "de", "fr", "es", "pt_BR")
"""The languages Rapport speaks; a catalogue under bot/locale/ for each but English."""
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
DOMAIN = "rapport"

_reader: contextvars.ContextVar[str] = contextvars.ContextVar("reader_locale", default=ENGLISH)
_missing_lock = threading.Lock()
_missing_logged: set[tuple[str, str]] = set()

Forms = tuple[str, str]
"""A sentence's singular and plural forms, each with a ``{count}`` placeholder."""


def language_of(slack_locale: str | None) -> str:
    """The catalogue for a Slack locale ("de-DE", "pt-BR", "fr-CA"); English if unknown."""
    code = (slack_locale or "").strip().replace("_", "-").lower()
    base = code.split("-", 1)[0]
    if base == "pt":
        return "pt_BR"
    return base if base in LANGUAGES else ENGLISH


def current() -> str:
    """The language of whoever is reading what is being written now."""
    return _reader.get()


@contextmanager
def reading_as(language: str | None) -> Iterator[None]:
    """Write for a reader of `language` (a catalogue name or a Slack locale) inside."""
    token = _reader.set(_known(language))
    try:
        yield
    finally:
        _reader.reset(token)


def read_from_now_as(language: str | None) -> None:
    """Write for `language` until the current context ends (a request's prologue)."""
    _reader.set(_known(language))


def _known(language: str | None) -> str:
    if language in LANGUAGES:
        return str(language)
    return language_of(language)


@cache
def _catalogue(language: str) -> Translations | None:
    """The language's messages, compiled from its .po file once per process."""
    path = LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"
    try:
        with path.open("rb") as po:
            catalog = read_po(po, locale=language)
        buffer = BytesIO()
        write_mo(buffer, catalog)
        buffer.seek(0)
        return Translations(buffer, domain=DOMAIN)
    except Exception:
        logger.exception("the %s catalogue could not be read; English is used", language)
        return None


def _missing(language: str, msgid: str) -> None:
    with _missing_lock:
        if (language, msgid) in _missing_logged:
            return
        _missing_logged.add((language, msgid))
    logger.warning("no %s translation for %r; English is used", language, msgid[:80])


def _(message: str) -> str:
    """`message` in the reader's language (English when there is no translation)."""
    language = _reader.get()
    if language == ENGLISH or not message:
        return message
    catalogue = _catalogue(language)
    if catalogue is None:
        return message
    found: str = catalogue.ugettext(message)
    if found == message and message not in catalogue._catalog:
        _missing(language, message)
    return found


gettext = _


def ngettext(singular: str, plural: str, count: int) -> str:
    """The form for `count` by the reader's language's plural rule."""
    language = _reader.get()
    catalogue = None if language == ENGLISH else _catalogue(language)
    if catalogue is None:
        return singular if count == 1 else plural
    if (singular, 0) not in catalogue._catalog:
        _missing(language, singular)
    found: str = catalogue.ungettext(singular, plural, count)
    return found


def pgettext(context: str, message: str) -> str:
    """`message` as meant in `context` (the same English word, two translations)."""
    language = _reader.get()
    catalogue = None if language == ENGLISH else _catalogue(language)
    if catalogue is None:
        return message
    found: str = catalogue.upgettext(context, message)
    return found


def counted(forms: Forms, count: int) -> str:
    """The form of `forms` for `count`, in the reader's language, filled in."""
    one, many = forms
    return ngettext(one, many, count).format(count=count)


def N_(singular: str, plural: str) -> Forms:  # noqa: N802 (gettext's marker name)
    """Mark a sentence's two forms for extraction; `counted` picks and translates one."""
    return singular, plural


def deferred(message: str) -> str:
    """Mark a module-level sentence for extraction; `localised` translates it when read."""
    return message


def translated(value: Any) -> Any:
    """A sentence, or a dict of them, in the reader's language; anything else as it is."""
    if isinstance(value, str):
        return _(value)
    if isinstance(value, dict):
        return {key: translated(item) for key, item in value.items()}
    return value


class _LocalisedModule(types.ModuleType):
    """A text module whose capitalised sentences are read in the reader's language."""

    def __getattribute__(self, name: str) -> Any:
        value = super().__getattribute__(name)
        if name[:1].isupper() and _reader.get() != ENGLISH:
            return translated(value)
        return value


def localised(module_name: str) -> None:
    """Make the named text module's constants (strings and dicts of them) translate on
    each read, so `reply_text.PULSE_QUESTION` is in the language of whoever reads it."""
    sys.modules[module_name].__class__ = _LocalisedModule


def number(value: float, digits: int = 0) -> str:
    """A number as the reader's locale writes it ("1,234.5" / "1.234,5")."""
    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    return format_decimal(value, format=pattern, locale=_babel_locale())


def signed(value: int) -> str:
    """A whole change with its sign ("+3", "−2" as the locale writes it)."""
    return ("+" if value > 0 else "") + number(value)


def day(value: date) -> str:
    """A date in the reader's medium form ("Nov 23, 2026", "23.11.2026")."""
    return format_date(value, format="medium", locale=_babel_locale())


def moment(value: datetime, pattern: str = "short") -> str:
    """A date and time in the reader's locale, in the zone `value` carries; `pattern` is
    "short", "medium" or a CLDR pattern (itself translated where word order differs)."""
    return format_datetime(value, format=pattern, locale=_babel_locale(), tzinfo=value.tzinfo)


def _babel_locale() -> Locale:
    return Locale.parse(_reader.get())
