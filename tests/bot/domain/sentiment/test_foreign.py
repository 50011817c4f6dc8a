"""German and Spanish readers: the kinds of account chat, read in each language's words."""

from __future__ import annotations

import pytest

from bot.domain.sentiment.reading import read_comment


def polarity(text: str, language: str) -> float:
    sentiment = read_comment(text, language).sentiment
    assert sentiment is not None
    return sentiment.polarity


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Wir warten seit drei Wochen auf die Freigabe.", "de"),
        ("Schon wieder zu spät geliefert, das dritte Mal in Folge.", "de"),
        ("Zum vierten Mal nachgefragt, immer noch keine Antwort.", "de"),
        ("Das haben wir am Ende selbst gelöst.", "de"),
        ("Wir prüfen eine Ausschreibung für den Service Desk.", "de"),
        ("Na toll, der Server ist wieder down 🙃", "de"),
        ("Die Qualität ist nicht gut.", "de"),
        ("Seguimos sin respuesta desde hace dos semanas.", "es"),
        ("Por tercera vez pedimos el informe y nada.", "es"),
        ("Al final lo hicimos nosotros mismos.", "es"),
        ("Estamos valorando otros proveedores.", "es"),
        ("El servicio no es bueno.", "es"),
        ("Genial, otra vez caído el portal :upside_down_face:", "es"),
    ],
)
def test_complaints_are_negative(text: str, language: str) -> None:
    assert polarity(text, language) <= -0.2


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Keine P1-Störungen diesen Monat, gute Arbeit.", "de"),
        ("Der Rückstand wurde halbiert.", "de"),
        ("Danke für euren Einsatz am Wochenende!", "de"),
        ("Zum ersten Mal seit Monaten alles pünktlich.", "de"),
        ("Ningún incidente crítico este mes.", "es"),
        ("Muchas gracias por el esfuerzo del fin de semana.", "es"),
        ("El equipo respondió rapidísimo, muy contentos.", "es"),
        ("Las incidencias se han reducido a la mitad.", "es"),
    ],
)
def test_good_news_is_positive(text: str, language: str) -> None:
    assert polarity(text, language) >= 0.2


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Könnt ihr bitte das Protokoll schicken?", "de"),
        ("Ich bin nächste Woche im Urlaub, Anna übernimmt.", "de"),
        ("Das Release ist für Donnerstag um 10 Uhr geplant.", "de"),
        ("¿Podéis enviar el informe el lunes?", "es"),
        ("Estaré de vacaciones la próxima semana.", "es"),
        ("La migración está programada para el jueves a las 9:00.", "es"),
    ],
)
def test_questions_absences_and_notices_sit_in_the_neutral_zone(text: str, language: str) -> None:
    assert abs(polarity(text, language)) < 0.05


def test_the_clause_after_a_contrast_decides() -> None:
    assert polarity("Das Team ist nett, aber die Lieferung kommt immer zu spät.", "de") < 0
    assert polarity("Hubo retrasos al principio, pero ahora todo funciona genial.", "es") > 0


def test_explanations_add_up_to_the_polarity() -> None:
    reading = read_comment("Seguimos sin respuesta, muy decepcionados.", "es")
    assert reading.sentiment is not None
    total = sum(c.effect for c in reading.contributions)
    assert total == pytest.approx(reading.sentiment.polarity, abs=1e-9)
