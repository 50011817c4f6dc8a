"""Spanish figures: durations, counts and units, and which way a metric moving is good."""

from __future__ import annotations

import re

from bot.domain.sentiment.foreign_figures import Figures

DURATION = (
    r"(?:\d+|un|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|varios|varias|muchos|muchas)"
)

UNIT = r"(?:minutos|horas|días|dias|semanas|meses|h)"

ORDINAL = r"(?:segund|tercer|cuart|quint|sext|enésim)[oa]?"

BAD_THING = (
    r"(?:p1|p2|incidencias?|incidentes?|caídas?|caidas?|errores|fallos?|escalados?|"
    r"escalaciones|quejas?|reclamaciones|retrasos?|rechazos|bugs?|penalizaciones|"
    r"incumplimientos?|tickets? abiertos?|reclamos?|observaci\w+|discrepancias?|descuadres?|"
    r"hallazgos?|recargos?|multas?|diferencias|faltantes?)"
)

_NUMBER = r"(?<![\w.,])(?:\d+(?:[.,']\d+)*|un[oa]?|dos|tres|cuatro|cinco|seis|diez|doce)"
_FIGUREUNIT = r"(?:%|(?:por ciento|minutos?|min|horas?|h|días?|dias?|semanas?|mes(?:es)?)(?!\w))"
_MINUTES = {
    **dict.fromkeys(("minuto", "minutos", "min"), 1.0),
    **dict.fromkeys(("hora", "horas", "h"), 60.0),
    **dict.fromkeys(("día", "días", "dia", "dias"), 1440.0),
    **dict.fromkeys(("semana", "semanas"), 10080.0),
    **dict.fromkeys(("mes", "meses"), 43200.0),
}
_NUMBERS = {
    **dict.fromkeys(("un", "uno", "una"), 1.0),
    **{"dos": 2.0, "tres": 3.0, "cuatro": 4.0, "cinco": 5.0, "seis": 6.0, "diez": 10.0},
    "doce": 12.0,
}

FIGURES = Figures(
    fall=re.compile(
        r"\b(?:(?<!de )baj(?:ó|aron|ado|ada|an|a)|más baj[oa]|mínimo|"
        r"redu(?:jo|jeron|cid[oa]s?|ce|cen)|cay(?:ó|eron)|"
        r"descend\w+|disminu\w+|a la mitad(?! de))\b"
    ),
    rise=re.compile(
        r"\b(?:sub(?:ió|ieron|e|en|ido)|aument\w+|crec(?:e|en|ió|ieron|iendo)|dispar\w+|"
        r"más alt[oa]|máximo|récord)\b"
    ),
    # "tiempo de resolución" is a time: shorter is better.
    more_is_better=re.compile(
        r"\b(?:satisfacci\w+|calidad|nivel de servicio|(?<!tiempo de )(?<!tiempos de )"
        r"resoluci\w+|conversi\w+|cumplimiento|"
        r"disponibilidad|exactitud|precisi\w+|nps|csat|otif|ventas|ahorros?|productividad)\b"
    ),
    amount=re.compile(
        r"\d|\b(?:mitad|mucho|bastante|claramente|notablemente|dos|tres|cuatro|cinco|"
        r"seis|diez|seguid[oa]s)\b"
    ),
    compared=re.compile(
        rf"(?P<now>{_NUMBER}) ?(?P<now_unit>{_FIGUREUNIT})?,? (?:en lugar de|en vez de|frente a|"
        rf"contra|(?:el |la )?(?:objetivo|meta)(?: es| era| está en)?|antes|el mes pasado|"
        rf"el anterior):? (?:en |de |el |del )?(?P<then>{_NUMBER}) ?(?P<then_unit>{_FIGUREUNIT})?"
    ),
    less_is_better=re.compile(
        rf"\b(?:{BAD_THING}|abandono|rotación|rotacion|tmo|aht|espera|costes?|costos?|backlog|"
        rf"tiempos?)\b"
    ),
    minutes=_MINUTES,
    numbers=_NUMBERS,
)
