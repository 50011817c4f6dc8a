"""The Spanish reader: its lexicon through inflected forms, negation, degree and its cues."""

from __future__ import annotations

import pytest

from bot.domain.sentiment.foreign import score_with
from bot.domain.sentiment.spanish import spanish


def polarity(text: str) -> float:
    return score_with(spanish(), text)[0].polarity


def test_opinion_words_carry_their_sign_through_their_endings() -> None:
    rules = spanish()
    assert rules.code == "es"
    assert rules.valence("terrible") < 0 < rules.valence("excelente")
    assert rules.valence("excelentes") == rules.valence("excelente")
    assert rules.knows("Es excelente") and not rules.knows("the report")


def test_a_negation_turns_and_a_degree_word_raises() -> None:
    plain = polarity("El servicio fue bueno.")
    assert plain > 0
    assert polarity("El servicio no fue bueno.") < 0
    assert polarity("El servicio fue muy bueno.") > plain


def test_an_account_chat_cue_reads_as_bad_news() -> None:
    assert polarity("Llevamos tres semanas esperando el informe.") < 0
    assert polarity("Ninguna incidencia este mes.") > 0


def test_the_rules_are_built_once() -> None:
    assert spanish() is spanish()


@pytest.mark.parametrize(
    "text",
    [
        "Igual fome la respuesta del proveedor.",
        "Es una pena que nos enteremos por los usuarios.",
        "Seguimos con 40 tickets abiertos de la mudanza.",
        "Tenemos a la mitad del equipo de baja y las colas se están disparando.",
        "Su arreglo rompió el SSO a la mitad de los usuarios.",
        "Han cambiado los requisitos después de la aprobación.",
        "La factura de febrero viene con 40 horas que nunca aprobamos.",
        "Nos cobraron perfiles senior y nos mandaron practicantes.",
        "Nos prometieron el informe para el lunes y ya es jueves.",
        "Agradeceré me confirmen el estado, la solicitud es del 3 de marzo.",
        "Hasta la fecha no recibimos respuesta sobre las notas de crédito.",
        "La subida de precio llegó sin ninguna explicación.",
        "Las respuestas son corteses pero casi nunca contestan la pregunta.",
        "La dirección abrirá un concurso para el servicio.",
        "Vamos a revisar el contrato con el área legal.",
        "Ya estamos hablando con otros dos proveedores.",
        "Me preocupa que todo dependa de un solo experto brillante.",
        "Estoy perdiendo la confianza en la hoja de ruta.",
        "Esperaba más aportación estratégica de su parte.",
        "No debería hacer falta que yo intervenga para resolver un P1.",
        "Tres gerentes de cuenta en dieciocho meses.",
        "Si esto sigue así lo hablamos en el comité.",
        "Vamos a cambiar de operador logístico.",
        "Van a pedir cotización a otras consultoras.",
        "Cambiaron la prioridad sin avisarnos.",
        "Llegó solo la mitad del pedido.",
        "Buen servicio en general, aunque la facturación es un desorden.",
        "Imposible cerrar el mes en fecha.",
        "El sistema se cae cada tarde.",
        "Esperamos todavía el informe de calidad.",
        "De no corregirse estas brechas, el caso será elevado al comité de riesgos.",
        "De los 14 informes comprometidos solo 5 llegaron bien.",
        "Se otorgaron accesos sin la aprobación requerida.",
        "No está mal, aunque hay mucho que pulir.",
    ],
)
def test_verdicts_told_as_facts_are_complaints(text: str) -> None:
    assert polarity(text) < -0.05


@pytest.mark.parametrize(
    "text",
    [
        "Buen trabajo con la auditoría.",
        "Los chiquillos respondieron al tiro, bacán.",
        "Agradezco su apoyo.",
        "No hubo ninguna observación de auditoría.",
        "Cero reclamos de los usuarios.",
        "Este mes no hubo ninguna discrepancia con la factura.",
        "Ninguna alerta esta noche.",
        "El tiempo de resolución bajó de 3 días a 10 horas.",
        "La satisfacción llegó a 4,6, la más alta del año.",
        "El proveedor aplicó los créditos de servicio sin que tuviéramos que reclamarlos.",
        "Las quejas de proveedores prácticamente desaparecieron.",
        "Ya quedó el inventario cíclico, cero diferencias.",
        "Cero faltantes en la auditoría.",
        "El nuevo supervisor resolvió lo que llevaba un mes atorado.",
        "La monitorización detectó el error antes que los usuarios.",
        "Todos los parches quedaron aplicados dentro del plazo.",
        "El supervisor nuevo es majísimo.",
    ],
)
def test_good_news_told_as_facts_is_praise(text: str) -> None:
    assert polarity(text) > 0.05


@pytest.mark.parametrize(
    "text",
    [
        "Muy agradecida con el equipo por quedarse hasta la medianoche para cerrar el mes.",
        "Gracias, chavales, por currar el domingo con la migración.",
    ],
)
def test_thanks_beside_what_it_cost_them_are_heroics(text: str) -> None:
    assert "heroics" in {c.rule for c in score_with(spanish(), text)[1]}


def test_nuevamente_makes_a_failure_worse() -> None:
    assert polarity("Nuevamente falló la carga.") < polarity("Falló la carga.") < 0
