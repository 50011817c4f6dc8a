"""Each reader's language: catalogues, plural forms, numbers and dates; counts as words."""

from __future__ import annotations

import logging
import re
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType

import pytest

from bot.domain import (
    alert_text,
    follow_up_text,
    help_text,
    i18n,
    operator_text,
    people_text,
    reply_text,
)
from bot.domain.i18n import _, counted, language_of, number, reading_as
from bot.views.mrkdwn import slack_date
from bot.wiring.container import ContextPool

TEXT_MODULES = (
    reply_text,
    alert_text,
    people_text,
    follow_up_text,
    help_text,
    operator_text,
)


def sentences(module: ModuleType) -> list[str]:
    """Every string a text module holds, in constants, tuples and dicts."""
    found: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, str):
            found.append(value)
        elif isinstance(value, tuple | list):
            for item in value:
                walk(item)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)

    for name, value in vars(module).items():
        if name.isupper():
            walk(value)
    return found


def test_counted_picks_the_form_for_the_count() -> None:
    forms = ("{count} finding", "{count} findings")
    assert [counted(forms, n) for n in (0, 1, 2, 8)] == [
        "0 findings",
        "1 finding",
        "2 findings",
        "8 findings",
    ]


def test_no_sentence_people_read_counts_with_s_in_brackets() -> None:
    said = [s for module in TEXT_MODULES for s in sentences(module)]
    assert len(said) > 200
    brackets = [s for s in said if re.search(r"\w\(s\)", s.replace("http(s)", ""))]
    assert brackets == []


# Which form each language uses for 0, 1 and 2 (French and Brazilian Portuguese say
# "0 finding" in the singular, German and Spanish in the plural).
ZERO_ONE_TWO = {
    "de": ("0 Befunde", "1 Befund", "2 Befunde"),
    "fr": ("0 constat", "1 constat", "2 constats"),
    "es": ("0 hallazgos", "1 hallazgo", "2 hallazgos"),
    "pt_BR": ("0 constatação", "1 constatação", "2 constatações"),
}


@pytest.mark.parametrize("language", sorted(ZERO_ONE_TWO))
def test_counted_follows_each_languages_plural_rule(language: str) -> None:
    with reading_as(language):
        said = tuple(counted(alert_text.LADDER_FINDINGS, n) for n in (0, 1, 2))
    assert said == ZERO_ONE_TWO[language]


def test_a_slack_locale_picks_its_catalogue_and_an_unknown_one_english() -> None:
    assert language_of("de-DE") == "de"
    assert language_of("de-AT") == "de"
    assert language_of("en-GB") == "en"
    assert language_of("pt-BR") == "pt_BR"
    assert language_of("pt-PT") == "pt_BR"
    assert language_of("fr-CA") == "fr"
    assert language_of("es-419") == "es"
    assert language_of("ja-JP") == "en"
    assert language_of("") == "en"
    assert language_of(None) == "en"
    assert language_of("not a locale at all") == "en"
    with reading_as("ja-JP"):
        assert reply_text.PULSE_COMMENTED == "Comment saved — thank you."


def test_a_sentence_missing_from_a_catalogue_reads_in_english_logged_once(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with reading_as("de"), caplog.at_level(logging.WARNING, "bot.domain.i18n"):
        first = _("A sentence no catalogue has")
        second = _("A sentence no catalogue has")
    assert first == second == "A sentence no catalogue has"
    said = [r.getMessage() for r in caplog.records if "no de translation" in r.getMessage()]
    assert len(said) == 1


def test_a_broken_catalogue_means_english_not_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = tmp_path / "de" / "LC_MESSAGES"
    broken.mkdir(parents=True)
    (broken / "rapport.po").write_text('msgid "x"\nmsgstr "unterminated\n', encoding="utf-8")
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path)
    i18n._catalogue.cache_clear()
    try:
        with reading_as("de"):
            assert reply_text.PULSE_COMMENTED == "Comment saved — thank you."
    finally:
        i18n._catalogue.cache_clear()


def test_text_modules_read_in_the_readers_language_and_english_outside() -> None:
    with reading_as("de-DE"):
        german = reply_text.PULSE_COMMENTED
        label = reply_text.SETTING_LABELS["gap"]
    assert german == "Kommentar gespeichert – danke."
    assert label == "Abstandsschwelle (Punkte)"
    assert reply_text.PULSE_COMMENTED == "Comment saved — thank you."


def test_the_language_follows_work_into_the_thread_pool() -> None:
    pool = ContextPool(1)
    try:
        with reading_as("de"):
            future = pool.submit(lambda: reply_text.PULSE_COMMENTED)
        assert future.result() == "Kommentar gespeichert – danke."
        assert pool.submit(lambda: reply_text.PULSE_COMMENTED).result() == (
            "Comment saved — thank you."
        )
    finally:
        pool.shutdown()


def test_numbers_and_dates_in_the_readers_locale() -> None:
    day = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)
    with reading_as("de"):
        assert number(1234.5, 1) == "1.234,5"
        assert i18n.day(day.date()) == "24.11.2026"
        german_date = slack_date(day)
    assert number(1234.5, 1) == "1,234.5"
    assert i18n.day(day.date()) == "Nov 24, 2026"
    assert german_date == "<!date^1795514400^{date_short_pretty} um {time}|Di., 24. Nov. 10:00 UTC>"
    assert (
        slack_date(day) == "<!date^1795514400^{date_short_pretty} at {time}|Tue 24 Nov 10:00 UTC>"
    )


def test_ages_and_dates_follow_the_readers_language() -> None:
    from datetime import UTC, date, datetime, timedelta

    from bot.domain.dates import age, day_month, weekday_date, weekday_day_month

    opened = datetime(2026, 12, 1, 9, tzinfo=UTC)
    said = [age(opened, opened + gone) for gone in (timedelta(hours=1), timedelta(days=3))]
    assert said == ["1 hour", "3 days"]
    assert weekday_date(date(2026, 12, 1)) == "Tue 1 Dec"
    with reading_as("de"):
        assert age(opened, opened + timedelta(minutes=5)) == "weniger als einer Stunde"
        assert age(opened, opened + timedelta(days=3)) == "3 Tagen"
        assert weekday_date(date(2026, 12, 1)) == "Di., 1. Dez."
        assert day_month(opened, UTC) == "1. Dez."
    with reading_as("pt_BR"):
        assert age(opened, opened + timedelta(days=21)) == "3 semanas"
        assert weekday_day_month(opened, UTC) == "ter., 1 dez."
