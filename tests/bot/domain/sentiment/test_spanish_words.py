"""Spanish words of account chat by kind: each form is read with its sign."""

from __future__ import annotations

import pytest

from bot.domain.sentiment.foreign import score_with
from bot.domain.sentiment.spanish import spanish

# Outages, delays, careless work, penalties, anger; Spain and Latin America.
BAD = [
    "interrupción",
    "interrupciones",
    "interrumpido",
    "interrumpida",
    "colapso",
    "colapsado",
    "paralizado",
    "atascado",
    "estancado",
    "saturado",
    "fracaso",
    "fracasó",
    "fracasado",
    "inoperativo",
    "tardanza",
    "tardaron",
    "tardan",
    "tardó",
    "tardando",
    "descuido",
    "descuidado",
    "desprolijo",
    "chambón",
    "trucho",
    "cutre",
    "chungo",
    "mamarracho",
    "embarrada",
    "cagada",
    "desactualizado",
    "obsoleto",
    "inconsistente",
    "descuadre",
    "negligencia",
    "negligente",
    "desorganizado",
    "improvisado",
    "contratiempo",
    "contratiempos",
    "inconveniente",
    "inconvenientes",
    "percance",
    "tropiezo",
    "imprevisto",
    "imprevistos",
    "multa",
    "penalización",
    "penalizaciones",
    "sanción",
    "grave",
    "graves",
    "disconforme",
    "inconforme",
    "indignado",
    "disgustado",
    "malestar",
    "desilusión",
    "desilusionado",
    "bronca",
    "lástima",
    "jodido",
    "inadmisible",
    "intolerable",
    "insostenible",
    "impresentable",
    "indignante",
    "vergonzoso",
    "deplorable",
    "penoso",
    "desmadre",
    "interrumpieron",
    "interrupcion",
    "colapsaron",
    "paralizada",
    "atascados",
    "estancada",
    "fracasamos",
    "inoperativa",
    "saturados",
    "desbordados",
    "sobrecargado",
    "descuidos",
    "desprolijos",
    "negligencias",
    "desorganizada",
    "reincidencia",
    "desactualizada",
    "obsoletos",
    "inconsistencias",
    "descuadres",
    "discrepancias",
    "penalizar",
    "disconformes",
    "inconformes",
    "disgusto",
    "desilusionados",
    "indignados",
    "inadmisibles",
    "intolerables",
    "insostenibles",
    "impresentables",
    "vergonzosa",
    "deplorables",
    "desmadres",
    "embarraron",
    "cagaron",
]
# Praise, relief, things restored, verdicts a negation turns; Spain and Latin America.
GOOD = [
    "excepcional",
    "intachable",
    "admirable",
    "ejemplar",
    "destacado",
    "notable",
    "eficiencia",
    "dedicación",
    "esmero",
    "diligente",
    "oportuno",
    "oportunamente",
    "reconocimiento",
    "salvaron",
    "salvó",
    "salvaste",
    "salvasteis",
    "salvado",
    "alivio",
    "aliviado",
    "restablecido",
    "estabilizado",
    "optimizado",
    "sirve",
    "sirvió",
    "jala",
    "chévere",
    "bacano",
    "chimba",
    "chido",
    "macanudo",
    "joya",
    "bárbaro",
    "pulento",
    "raja",
    "mostro",
    "guay",
    "currazo",
    "buenazo",
    "lujo",
    "excepcionales",
    "intachables",
    "admirables",
    "ejemplares",
    "destacada",
    "diligencia",
    "esmerado",
    "dedicacion",
    "aliviados",
    "restablecieron",
    "estabilizamos",
    "optimizamos",
    "chevere",
    "chida",
    "bacana",
    "macanuda",
    "buenaza",
    "pulenta",
]


@pytest.mark.parametrize("word", BAD)
def test_a_word_of_trouble_reads_negative(word: str) -> None:
    assert spanish().valence(word) < 0


@pytest.mark.parametrize("word", GOOD)
def test_a_word_of_praise_or_relief_reads_positive(word: str) -> None:
    assert spanish().valence(word) > 0


@pytest.mark.parametrize(
    "text",
    [
        "Hasta hoy no tenemos el informe.",
        "A estas alturas no tenemos el acta.",
        "No nos han enviado las credenciales.",
        "Hasta ahora no hay fecha de entrega.",
    ],
)
def test_something_not_arrived_to_this_day_reads_negative(text: str) -> None:
    assert score_with(spanish(), text)[0].polarity < -0.05


@pytest.mark.parametrize("text", ["El tablero no sirve.", "La impresora no jala."])
def test_a_verdict_negated_reads_negative(text: str) -> None:
    assert score_with(spanish(), text)[0].polarity < -0.05


@pytest.mark.parametrize(
    "text",
    [
        "No estamos conformes con el servicio.",
        "El soporte no responde.",
        "Nos dejaron plantados en la reunión.",
        "El rendimiento está por los suelos.",
        "La atención dejó mucho que desear.",
        "Estamos hasta la coronilla.",
        "El proyecto se les fue de las manos.",
        "Está todo patas arriba.",
        "Es una tomadura de pelo.",
        "Llevamos una semana sin sistema.",
        "No ha cambiado nada.",
        "El proveedor no da la talla.",
        "Tenemos un cuello de botella en aprobaciones.",
        "Se saltaron las pruebas.",
        "El soporte nos tiene abandonados.",
        "Hay muchos reprocesos.",
    ],
)
def test_an_idiom_or_a_negated_verdict_reads_negative(text: str) -> None:
    assert score_with(spanish(), text)[0].polarity < -0.05


@pytest.mark.parametrize(
    "text",
    [
        "El equipo se lució.",
        "Un aplauso para el equipo.",
        "Da gusto trabajar con ustedes.",
        "Le pusieron muchas ganas.",
        "Se pusieron la camiseta.",
        "Nos echaron una mano enorme.",
        "Atención de primera.",
        "El sistema va como un tiro.",
        "Todo en orden.",
    ],
)
def test_praise_in_other_words_reads_positive(text: str) -> None:
    assert score_with(spanish(), text)[0].polarity > 0.05
