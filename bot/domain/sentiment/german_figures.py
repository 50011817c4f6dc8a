"""German figures: durations, counts and units, and which way a metric moving is good."""

from __future__ import annotations

import re

from bot.domain.sentiment.foreign_figures import Figures

DURATION = (
    r"(?:\d+|ein|eine|einer|einem|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|mehreren|vielen)"
)

UNIT = r"(?:minuten|stunden|tage[n]?|wochen|monate[n]?|std|h)"

ORDINAL = r"(?:zweite|dritte|vierte|fünfte|sechste|siebte|x-te|\d+\.)[nrs]?"

BAD_THING = (
    r"(?:p1|p2|prio-1|incidents?|bugs?|downtime|tickets?|sla-verletzung\w*|sla-verstöße|"
    r"\w*?(?:störung|ausfäll|ausfall|fehler|schaden|schäden|eskalation|beschwerde|verzögerung|"
    r"verspätung|rückfrage|reklamation|nacharbeit|abstürze|verschiebung|nachzahlung|mahnung|"
    r"beanstandung|reibungsverlust)\w*)"
)

_NUMBER = r"(?<![\w.,])(?:\d+(?:[.,']\d+)*|ein(?:e[mnrs]?)?|zwei|drei|vier|fünf|sechs|zehn|zwölf)"
_FIGUREUNIT = r"(?:%|(?:prozent|minuten?|min|stunden?|std|h|tage?n?|wochen?|monate?n?)(?!\w))"
_MINUTES = {
    **dict.fromkeys(("minute", "minuten", "min"), 1.0),
    **dict.fromkeys(("stunde", "stunden", "std", "h"), 60.0),
    **dict.fromkeys(("tag", "tage", "tagen"), 1440.0),
    **dict.fromkeys(("woche", "wochen"), 10080.0),
    **dict.fromkeys(("monat", "monate", "monaten"), 43200.0),
}
_NUMBERS = {
    **dict.fromkeys(("ein", "eine", "einem", "einen", "einer", "eines"), 1.0),
    **{"zwei": 2.0, "drei": 3.0, "vier": 4.0, "fünf": 5.0, "sechs": 6.0, "zehn": 10.0},
    "zwölf": 12.0,
}

FIGURES = Figures(
    fall=re.compile(
        r"\b(?:gesunken|gefallen|reduziert|halbiert|verkürzt|gesenkt|sank|sinkt|fiel|"
        r"runter|abgebaut|abbauen|reduzieren|senken|nachgelassen|zurückgegangen|rückläufig|tiefststand|niedrigste\w*)\b"
    ),
    rise=re.compile(
        r"\b(?:gestiegen|stieg|steigt|erhöht|verdoppelt|wächst|gewachsen|höchste\w*|"
        r"rekord\w*|bestwert)\b"
    ),
    more_is_better=re.compile(
        r"\b(?:\w*zufriedenheit|qualität\w*|servicelevel|erstlösungsquote|abschlussquote|"
        r"verfügbarkeit|genauigkeit|nps|csat|umsatz|einsparung\w*|produktivität|quote|"
        r"\w*lösungsquote|\w*-?compliance|otif)\b"
    ),
    amount=re.compile(
        r"\d|\b(?:hälfte|halbiert|deutlich|stark|drastisch|viel|zwei|drei|vier|fünf)\b"
    ),
    compared=re.compile(
        rf"(?P<now>{_NUMBER}) ?(?P<now_unit>{_FIGUREUNIT})?(?: [^\W\d_]+)?,? (?:statt|anstatt|"
        rf"anstelle von|gegenüber|ziel|soll|vorher|zuvor|bisher|früher|im vormonat|im vorjahr|"
        rf"letzte[nrs]? (?:woche|monat|quartal|jahr|sprint))"
        rf"(?: (?:waren|war|lag) (?:es|sie|er|wir))?:? (?:innert |innerhalb von |von |bei |in )?"
        rf"(?P<then>{_NUMBER}) ?"
        rf"(?P<then_unit>{_FIGUREUNIT})?"
    ),
    less_is_better=re.compile(
        rf"\b(?:{BAD_THING}|\w*quote|dubletten|kosten|rückstand|backlog|\w*zeit|fluktuation|"
        rf"krankenstand|abbrüche)\b"
    ),
    minutes=_MINUTES,
    numbers=_NUMBERS,
)
