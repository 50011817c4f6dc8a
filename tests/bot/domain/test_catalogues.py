"""The catalogues stay complete: extraction fails CI on a sentence nobody translated."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.frontend import CommandLineInterface
from babel.messages.pofile import read_po

from bot.domain.i18n import LANGUAGES, LOCALE_DIR

ROOT = Path(__file__).resolve().parents[3]
TRANSLATED = [language for language in LANGUAGES if language != "en"]
PLACEHOLDER = re.compile(r"\{[^{}]*\}")
EXTRACT = ["pybabel", "-q", "extract", "-F", str(ROOT / "babel.cfg"), "-k", "N_:1,2"]
EXTRACT += ["--no-location", "--sort-output", "--omit-header"]


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    """What `pybabel extract` finds in the code now (the command in babel.cfg), extracted
    once for the tests of this module."""
    out = tmp_path_factory.mktemp("extracted") / "rapport.pot"
    command = [*EXTRACT, "-o", str(out), str(ROOT / "bot"), str(ROOT / "handlers")]
    CommandLineInterface().run(command)  # type: ignore[no-untyped-call]
    with out.open("rb") as pot:
        return read_po(pot)


def catalogue(language: str) -> Catalog:
    with (LOCALE_DIR / language / "LC_MESSAGES" / "rapport.po").open("rb") as po:
        return read_po(po, locale=language)


def forms(value: object) -> tuple[str, ...]:
    """A message's id or string as its forms (one, or several for a plural)."""
    if isinstance(value, tuple | list):
        return tuple(str(item or "") for item in value)
    return (str(value or ""),)


def ids(catalog: Catalog) -> set[object]:
    return {message.id for message in catalog if message.id}


def test_the_template_holds_every_sentence_the_code_marks(extracted: Catalog) -> None:
    with (LOCALE_DIR / "rapport.pot").open("rb") as pot:
        committed = ids(read_po(pot))
    found = ids(extracted)
    assert len(found) > 300
    assert sorted(map(str, found - committed)) == [], "run pybabel extract (docs/architecture.md)"
    assert sorted(map(str, committed - found)) == [], "the template holds sentences gone from code"


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_sentence_is_translated_in_each_catalogue(extracted: Catalog, language: str) -> None:
    po = catalogue(language)
    untranslated = []
    for message in extracted:
        if not message.id:
            continue
        found = po.get(message.id)
        if found is None or found.fuzzy or not all(forms(found.string)):
            untranslated.append(message.id)
    assert untranslated == []


@pytest.mark.parametrize("language", TRANSLATED)
def test_translations_keep_every_placeholder(language: str) -> None:
    wrong = []
    for message in catalogue(language):
        if not message.id:
            continue
        english = forms(message.id)
        wanted = {p for text in english for p in PLACEHOLDER.findall(text)}
        for text in forms(message.string):
            if not set(PLACEHOLDER.findall(text)) <= wanted:
                wrong.append((message.id, text))
            if len(english) == 1 and sorted(PLACEHOLDER.findall(text)) != sorted(
                PLACEHOLDER.findall(english[0])
            ):
                wrong.append((message.id, text))
    assert wrong == []


@pytest.mark.parametrize("language", TRANSLATED)
def test_each_catalogue_declares_its_languages_plural_rule(language: str) -> None:
    po = catalogue(language)
    assert (po.num_plurals, po.plural_expr) == (
        Catalog(locale=language).num_plurals,
        Catalog(locale=language).plural_expr,
    )
