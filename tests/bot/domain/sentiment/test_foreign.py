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


def rules_of(text: str, language: str) -> set[str]:
    return {c.rule for c in read_comment(text, language).contributions}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Wieder eine Gutschrift falsch verbucht 👏", "de"),
        ("Otra vez el mismo usuario abriendo el mismo ticket 😅", "es"),
    ],
)
def test_cheers_after_a_failure_are_sarcasm(text: str, language: str) -> None:
    assert polarity(text, language) <= -0.2
    assert "sarcasm" in rules_of(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Super, wieder eine Gutschrift falsch verbucht.", "de"),
        ("Genial, otra vez caído el portal.", "es"),
    ],
)
def test_a_cheerful_opener_over_a_failure_told_again_is_sarcasm(text: str, language: str) -> None:
    assert polarity(text, language) <= -0.2
    assert "sarcasm" in rules_of(text, language)
    assert polarity("Super, wieder alles grün.", "de") > 0


def test_too_much_of_a_good_thing_is_a_fault_but_a_verb_after_zu_is_not() -> None:
    assert polarity("Die Schätzung war zu optimistisch.", "de") < 0
    assert polarity("Cerraron el ticket demasiado rápido.", "es") < 0
    assert polarity("Wir arbeiten daran, das zu verbessern.", "de") > 0


@pytest.mark.parametrize(
    ("text", "language", "good"),
    [
        ("Die Reaktionszeit bei P2 war 6 Stunden statt 2.", "de", False),
        ("Gutschriften kommen innerhalb von zwei Tagen statt zwei Wochen.", "de", True),
        ("Antworten kommen innert einer Woche statt innert 24 Stunden.", "de", False),
        ("Erstlösungsquote diesen Monat 78 %, Ziel 70 %.", "de", True),
        ("Las notas de crédito salen en dos días en lugar de dos semanas.", "es", True),
        ("La disponibilidad fue 97 % frente a 99,5 %.", "es", False),
    ],
)
def test_a_figure_beside_the_earlier_one_or_the_target(
    text: str, language: str, good: bool
) -> None:
    assert (polarity(text, language) > 0.2) == good
    assert (polarity(text, language) < -0.2) != good


def test_a_concession_opening_the_comment_leaves_the_verdict_to_the_rest() -> None:
    assert polarity("A pesar de la caída del sistema, el cierre se entregó a tiempo.", "es") > 0
    assert polarity("Obwohl es Probleme gab, kam die Lieferung pünktlich.", "de") > 0


def test_an_eye_roll_with_no_praise_to_turn_is_exasperation() -> None:
    text = "Ahora el WMS se cae en plena hora pico 🙃"
    assert "sarcasm" in rules_of(text, "es")
    assert polarity(text, "es") < polarity("Ahora el WMS se cae en plena hora pico", "es") < 0


def test_a_two_word_opener_over_a_failure_told_again_is_sarcasm() -> None:
    text = "Tolle Wurst, wieder nur die Hälfte der Paletten angekommen."
    assert polarity(text, "de") < -0.2
    assert "sarcasm" in rules_of(text, "de")


def test_a_figure_beside_a_target_needs_a_metric_or_a_time_to_have_a_side() -> None:
    assert polarity("Anrufe diese Woche 97, Ziel 95.", "de") == 0
    assert polarity("OTIF diese Woche 97 %, Ziel 95 %.", "de") > 0.2
    assert polarity("El OTIF subió de 88 % a 96 %.", "es") > 0.2
    assert polarity("Die Kundenzufriedenheit liegt bei 8,2, im Vorjahr waren es 6,9.", "de") > 0.2


@pytest.mark.parametrize(
    ("text", "language", "good"),
    [
        ("Datenqualität: 4 % Dubletten, letzten Monat waren es 11 %.", "de", True),
        ("Der Job läuft in 20 Minuten statt in 3 Stunden.", "de", True),
        ("La tasa de abandono fue del 18 %, el objetivo es el 5 %.", "es", False),
    ],
)
def test_a_named_bad_thing_gives_a_compared_figure_its_side(
    text: str, language: str, good: bool
) -> None:
    assert (polarity(text, language) > 0.2) == good
    assert (polarity(text, language) < -0.2) != good
