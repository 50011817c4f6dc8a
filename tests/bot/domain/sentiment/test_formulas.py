"""Framing and sign-off formulas are set aside before any language's rules read a comment;
the same words elsewhere keep their meaning."""

from __future__ import annotations

import pytest

from bot.domain.sentiment.formulas import set_aside
from bot.domain.sentiment.reading import read_comment


def polarity(text: str, language: str | None = None) -> float:
    reading = read_comment(text, language)
    assert reading.sentiment is not None
    return reading.sentiment.polarity


def phrases(text: str, language: str | None = None) -> set[str]:
    return {c.phrase for c in read_comment(text, language).contributions}


@pytest.mark.parametrize(
    ("framed", "plain", "language"),
    [
        ("To be honest, the release was a disaster.", "The release was a disaster.", "en"),
        ("In all honesty the handover was a mess.", "The handover was a mess.", "en"),
        ("Ganz ehrlich, so macht das keinen Spaß mehr.", "So macht das keinen Spaß mehr.", "de"),
        (
            "Ehrlich gesagt verstehe ich nicht, warum ein Reset drei Tage dauern muss.",
            "Ich verstehe nicht, warum ein Reset drei Tage dauern muss.",
            "de",
        ),
        ("Um ehrlich zu sein war der Go-live chaotisch.", "Der Go-live war chaotisch.", "de"),
        ("La verdad es que el cierre fue un caos.", "El cierre fue un caos.", "es"),
        ("Sinceramente, el soporte no responde.", "El soporte no responde.", "es"),
    ],
)
def test_a_framed_complaint_reads_as_the_complaint(framed: str, plain: str, language: str) -> None:
    assert polarity(framed, language) < -0.05
    assert polarity(framed, language) == pytest.approx(polarity(plain, language), abs=0.05)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Best regards, John", "en"),
        ("Kind regards", "en"),
        ("Mit freundlichen Grüßen", "de"),
        ("Beste Grüße, Jan", "de"),
        ("Viele Grüsse, Reto", "de"),
        ("Atentamente, Juan", "es"),
        ("Quedamos atentos.", "es"),
        ("Quedo atento al cronograma de la migración.", "es"),
        ("Quedo a su disposición para cualquier duda.", "es"),
    ],
)
def test_a_greeting_or_sign_off_alone_is_no_verdict(text: str, language: str) -> None:
    assert polarity(text, language) == 0.0


@pytest.mark.parametrize(
    ("signed", "language"),
    [
        ("The migration failed again. Best regards, Tom", "en"),
        ("Das Deployment ist schon wieder gescheitert. Beste Grüße", "de"),
        ("El despliegue volvió a fallar. Saludos cordiales", "es"),
    ],
)
def test_a_sign_off_leaves_the_verdict_as_it_was(signed: str, language: str) -> None:
    body = signed.rsplit(".", 1)[0] + "."
    assert polarity(signed, language) == pytest.approx(polarity(body, language))


@pytest.mark.parametrize(
    ("text", "word", "language"),
    [
        ("deren QA-Lead ist ehrlich klasse", "ehrlich", "de"),
        ("Die waren ganz ehrlich zu uns, das hilft.", "ehrlich", "de"),
        ("Thank you for the honesty in yesterday's session.", "honesty", "en"),
        ("Un equipo muy atento y amable.", "atento", "es"),
    ],
)
def test_the_same_words_elsewhere_keep_their_meaning(text: str, word: str, language: str) -> None:
    assert polarity(text, language) > 0.05
    assert any(word in phrase for phrase in phrases(text, language))


def test_a_comment_without_any_formula_is_returned_as_it_is() -> None:
    text = "The VPN dropped twice during the payroll run."
    assert set_aside(text) is text
