"""Spanish good news of account chat: thanks, heroics, improvements, and problems said
to be absent."""

from __future__ import annotations

import re

from bot.domain.sentiment.foreign import Cue
from bot.domain.sentiment.spanish_figures import BAD_THING
from bot.domain.sentiment.spanish_words import EFFORT_IDIOMS

GOOD_NEWS = (
    Cue(
        "no bad news",
        re.compile(
            rf"\b(?:ning[uú]n[oa]?|cero|0|sin|ni un[oa]?) (?:sol[oa] )?(?:nuev[oa]s? )?{BAD_THING}"
        ),
        1.8,
    ),
    Cue(
        "no bad news",
        re.compile(
            r"\b(?:por primera vez en|antes de plazo|antes de lo previsto|por debajo"
            r" del presupuesto|todo en verde)\b"
        ),
        1.6,
    ),
    Cue(
        "improvement",
        re.compile(
            r"\b(?:reducid[oa]s?|bajad[oa]s?|ha bajado|han bajado|a la mitad(?! de)|recorta"
            r"d[oa]|menos (?:incidencias|errores|tickets|quejas))\b"
        ),
        1.6,
    ),
    # Thanks beside what it cost them claim the sentence: what they fixed is no complaint.
    Cue(
        "heroics",
        re.compile(
            r"\b(?:gracias|agradec\w*)\b[^.!?]{0,60}?\b(?:esfuerzo|fin de semana|noche|"
            r"medianoche|horas extra|madrugada|sábado|domingo|feriado|festivo)\b[^.!?]*"
        ),
        3.0,
    ),
    Cue("thanks", re.compile(r"\b(?:muchas|mil) gracias\b"), 2.5),
    Cue(
        "no bad news",
        re.compile(
            r"\b(?:detect\w+|encontr\w+|corrigi\w+|resolvi\w+) (?:\w+ ){0,2}?antes (?:de )?que\b"
            r"[^.!?]*|\bdentro del plazo\b"
        ),
        1.8,
    ),
    Cue(
        "no bad news",
        re.compile(
            r"\b(?:han dejado de|dejaron de) quejarse\b|\bya no (?:me preocupa|hay q"
            r"uejas|tenemos)\b|\bsin (?:una sola|ninguna) correcci\w+\b|\bni un solo"
            r" recargo\b"
        ),
        1.8,
    ),
    Cue(
        "no bad news",
        re.compile(
            r"\b(?:según lo previsto|a tiempo|en plazo|en fecha|antes de (?:tiempo|p"
            r"lazo|lo previsto)|por fin|justo lo que necesitábamos|diferencia visibl"
            r"e|mucha confianza|todo en verde)\b"
        ),
        1.6,
    ),
    Cue(
        "no bad news",
        re.compile(
            r"\btod[oa]s (?:l[oa]s )?(?:\w+ ){0,3}?(?:cerrad[oa]s|cumplid[oa]s|en ve"
            r"rde|resuelt[oa]s|parchead[oa]s|complet[oa]s|a tiempo)\b"
        ),
        1.6,
    ),
    Cue(
        "no bad news",
        re.compile(
            r"\bsin que (?:nadie |nosotros )?(?:tuviéramos|tengamos|hayamos tenido|hubiéramos t"
            r"enido) que \w+|\bsin tener que (?:pedir|reclamar|insistir|recordar|perseguir)\w*"
        ),
        1.8,
    ),
    Cue(
        "no bad news",
        re.compile(
            r"\b(?:quejas?|reclam\w+|incidencias?|errores|problemas?|alertas?|alarmas?)\b"
            r"[^.!?]{0,40}\bdesaparec\w+|\b(?:ning[uú]n[oa]?|cero|sin) (?:alertas?|alarmas?)\b"
        ),
        1.8,
    ),
    *EFFORT_IDIOMS,
)
