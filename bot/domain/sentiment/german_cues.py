"""German cues of account chat: waiting, chasing, threats, quiet good news, figures."""

from __future__ import annotations

import re

from bot.domain.sentiment.foreign import Cue, Figures

_DURATION = (
    r"(?:\d+|ein|eine|einer|einem|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|mehreren|vielen)"
)

_UNIT = r"(?:minuten|stunden|tage[n]?|wochen|monate[n]?|std|h)"

_ORDINAL = r"(?:zweite|dritte|vierte|fünfte|sechste|siebte|x-te|\d+\.)[nrs]?"

_BAD_THING = (
    r"(?:p1|p2|prio-1|incidents?|bugs?|downtime|tickets?|sla-verletzung\w*|sla-verstöße|"
    r"\w*?(?:störung|ausfäll|ausfall|fehler|schaden|schäden|eskalation|beschwerde|verzögerung|"
    r"verspätung|rückfrage|reklamation|nacharbeit|abstürze|verschiebung|nachzahlung|mahnung|"
    r"beanstandung|reibungsverlust)\w*)"
)

_NUMBER = r"(?<![\w.,])(?:\d+(?:[.,']\d+)*|ein(?:e[mnrs]?)?|zwei|drei|vier|fünf|sechs|zehn|zwölf)"
_FIGURE_UNIT = r"(?:%|(?:prozent|minuten?|min|stunden?|std|h|tage?n?|wochen?|monate?n?)(?!\w))"
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
        rf"(?P<now>{_NUMBER}) ?(?P<now_unit>{_FIGURE_UNIT})?(?: [^\W\d_]+)?,? (?:statt|anstatt|"
        rf"anstelle von|gegenüber|ziel|soll|vorher|zuvor|bisher|früher|im vormonat|im vorjahr|"
        rf"letzte[nrs]? (?:woche|monat|quartal|jahr|sprint))"
        rf"(?: (?:waren|war|lag) (?:es|sie|er|wir))?:? (?:innert |innerhalb von |von |bei |in )?"
        rf"(?P<then>{_NUMBER}) ?"
        rf"(?P<then_unit>{_FIGURE_UNIT})?"
    ),
    less_is_better=re.compile(
        rf"\b(?:{_BAD_THING}|\w*quote|dubletten|kosten|rückstand|backlog|\w*zeit|fluktuation|"
        rf"krankenstand|abbrüche)\b"
    ),
    minutes=_MINUTES,
    numbers=_NUMBERS,
)

CUES = (
    Cue("late", re.compile(r"\bnicht (?:\w+ )?(?:pünktlich|rechtzeitig|termingerecht)\b"), -2.0),
    Cue(
        "late",
        re.compile(
            r"\b(?:nach dem|nach der) (?:release|go-live|abgabe|frist|termin)\b|\ber"
            r"st (?:hinterher|danach|nachträglich|erfahren|als)\b|\bspäter als verei"
            r"nbart\b"
        ),
        -1.6,
    ),
    Cue(
        "waiting",
        re.compile(
            r"\b(?:immer noch|noch immer|weiterhin|nach wie vor) (?:kein\w*|nichts|n"
            r"icht|offen|warten\w*|ausstehend)\b"
        ),
        -1.6,
    ),
    Cue("waiting", re.compile(r"\bwart\w*\b[^.,;!?]{0,40}?\b(?:seit|schon)\b[^.,;!?]*"), -1.6),
    Cue("waiting", re.compile(rf"\b(?:seit|über|fast) {_DURATION} {_UNIT}\b"), -1.2),
    Cue(
        "waiting",
        re.compile(
            rf"\b(?:dauert\w*|gedauert|brauch\w*)\b[^.,;!?]{{0,20}}\b(?:ewig|zu lange"
            rf"|{_DURATION} {_UNIT})\b"
        ),
        -1.6,
    ),
    Cue(
        "late",
        re.compile(rf"\b{_DURATION} {_UNIT} (?:zu spät|verspätet|verzug|überfällig|drüber)\b"),
        -2.2,
    ),
    Cue("late", re.compile(r"\bzu (?:spät|langsam|lange)\b"), -2.0),
    Cue(
        "chasing",
        re.compile(
            rf"\b(?:zum {_ORDINAL} mal|{_ORDINAL} (?:erinnerung|nachfrage|mail|e-mail"
            rf"|mahnung)|hinterher\w*|nachhaken|nachfassen|erinnern müssen)\b"
        ),
        -1.8,
    ),
    Cue(
        "repeated",
        re.compile(
            r"\b(?:schon wieder|jedes mal|jede woche|ständig|dauernd|zum wiederholten mal)\b"
        ),
        -1.4,
    ),
    Cue(
        "own work",
        re.compile(
            r"\b(?:selbst|selber|intern) (?:\w+ )?(?:gemacht|machen|erledigt|gelöst|"
            r"korrigiert|geschrieben|gebaut|nachgebessert|übernommen)\b"
        ),
        -2.0,
    ),
    Cue(
        "threat",
        re.compile(
            r"\b(?:ausschreibung\w*|andere[nr]? (?:anbieter|dienstleister|lieferante"
            r"n)|kündig\w*|vertragsstrafe\w*|exit-?\w*|alternativen|insourcing|rücka"
            r"bwicklung)\b"
        ),
        -2.2,
    ),
    Cue(
        "threat",
        re.compile(
            r"\b(?:eskal\w+|geschäftsführung|vorstand|cio|benchmark\w*|pönale\w*|ser"
            r"vice-credits?|gutschrift\w*)\b"
        ),
        -1.6,
    ),
    Cue(
        "silence",
        re.compile(
            r"\b(?:kein\w*|null) (?:antwort|rückmeldung|reaktion|feedback|update|inf"
            r"o\w*|rückruf|entscheidung|verantwortliche\w*)\b|\bfunkstille\b|\bnicht"
            r"s gehört\b"
        ),
        -1.7,
    ),
    Cue(
        "paralysis",
        re.compile(
            r"\b(?:niemand|keiner) (?:fühlt|ist|kümmert|antwortet|weiß|übernimmt|meldet)\w*\b"
        ),
        -1.7,
    ),
    Cue(
        "sarcasm",
        re.compile(
            r"\b(?:na (?:toll|super|prima|klasse|bravo)|ganz großes kino|läuft ja su"
            r"per|wie immer also)\b"
        ),
        -2.2,
    ),
    Cue(
        "faint praise",
        re.compile(
            r"\b(?:ganz ok(?:ay)?|geht so|naja|durchwachsen|ausbaufähig|luft nach oben)\b|"
            r"\bkönnte\w* (?:\w+ ){0,2}?(?:besser|schneller|klarer|zügiger)\b"
        ),
        -0.7,
    ),
    Cue(
        "no bad news",
        re.compile(
            rf"\b(?:keine?n?|null|0|ohne|nicht eine?n?) (?:einzige[nr]? )?(?:neue[nr]"
            rf"? )?{_BAD_THING}"
        ),
        1.8,
    ),
    Cue(
        "no bad news",
        re.compile(
            r"\b(?:zum ersten mal seit|erstmals|vor dem zeitplan|früher als geplant|"
            r"vorzeitig|unter budget|alles grün)\b"
        ),
        1.6,
    ),
    Cue(
        "improvement",
        re.compile(
            r"\b(?:halbiert|gesunken|reduziert|verkürzt|abgebaut|gesenkt|deutlich we"
            r"niger|nur noch)\b"
        ),
        1.6,
    ),
    # Thanks beside what it cost them claim the sentence: what they fixed is no complaint.
    Cue(
        "heroics",
        re.compile(
            r"\b(?:\w*dank\w*|merci)\b[^.!?]{0,60}?\b(?:wochenende\w*|samstag|sonntag|"
            r"feiertag\w*|nachts?|nachtschicht\w*|überstunden|\w*einsatz|extrameile|durchgezogen)"
            r"\b[^.!?]*"
        ),
        3.0,
    ),
    Cue("thanks", re.compile(r"\b(?:vielen|herzlichen|tausend) dank\b"), 2.5),
    Cue(
        "waiting",
        re.compile(
            r"\b(?:bislang|bisher) nicht\b|"
            r"\b(?:seit|noch immer|immer noch)\b(?: \w+)? (?:kaputt|offen|nicht|kein"
            r"\w*|down)\b|\bseit (?:montag|dienstag|mittwoch|donnerstag|freitag|dem "
            r"\d+|\w+ \d+)\b|\bohne bearbeiter\b|\brutscht\w*\b"
        ),
        -1.5,
    ),
    Cue(
        "chasing",
        re.compile(
            r"\b(?:zweite|dritte|vierte|fünfte|sechste)[nrs]? (?:mal|tag|verpasste\w"
            r"*|ausfall|nachfrage|erinnerung|umgebungsausfall|go-live|ansprechpartne"
            r"r)\b|\bdritter \w+ausfall\b"
        ),
        -1.8,
    ),
    Cue(
        "repeated",
        re.compile(r"\b(?:zweimal|dreimal|viermal|mehrmals|\d+ mal|immer wieder|jedes mal)\b"),
        -1.5,
    ),
    Cue(
        "careless",
        re.compile(
            r"\bpasst (?:nicht|überhaupt nicht)\b|\bstimm(?:t|en) nicht\b|\bohne (?:"
            r"die \w+ )?zu prüfen\b|\bzerschossen\b|\bheiße luft\b"
        ),
        -1.7,
    ),
    Cue(
        "paralysis",
        re.compile(
            r"\b(?:niemand|keiner|keinen)\b(?: \w+){0,4}? (?:angenommen|erklärt|vera"
            r"ntwortlich|gemeldet|reagiert|interessiert|zuständig)\w*\b|\binteressie"
            r"rt es keinen\b|\bwar niemand\b|\bniemand\.?$"
        ),
        -1.7,
    ),
    Cue(
        "own work",
        re.compile(r"\b(?:manuell|von unserem team|haben wir selbst|mussten wir|mussten einen)\b"),
        -1.6,
    ),
    Cue(
        "threat",
        re.compile(
            r"\b(?:marktvergleich\w*|sanierungsplan|rückgängig gemacht|anderen? (?:a"
            r"nbietern|dienstleistern|partnern?)|vergleichen preis|formell anspreche"
            r"n)\b"
        ),
        -2.2,
    ),
    Cue("value", re.compile(r"\bwir zahlen für\b"), -1.5),
    Cue(
        "no bad news",
        re.compile(
            r"\b(?:ohne eine einzige|kein einziger|keine einzige|keine einzigen|kein"
            r"e?) (?:\w+)?(?:korrektur|fehler|wiederholungsfehler|alarme?|verzugszin"
            r"s\w*|beschwerden|probleme)\b|\bnicht mehr (?:über|beschweren)\b|\bkein"
            r"e gedanken mehr\b|(?:\b(?:beschwerde\w*|störung\w*|fehler\w*|reklamation\w*|p"
            r"robleme?|alarme?)\b[^.!?]{0,40})?\bverschwunden\b"
        ),
        1.8,
    ),
    Cue(
        "no bad news",
        re.compile(
            r"\b(?:planmäßig|im plan|nach plan|wie geplant|früher als geplant|pünktl"
            r"ich|endlich|genau das|spürbaren unterschied|grünen bereich|alles grün|"
            r"alles erledigt)\b"
        ),
        1.6,
    ),
    Cue(
        "no bad news",
        re.compile(
            r"\b(?:alle|allen|jede[nm]?)\b(?: \w+){0,3}? (?:erledigt|erfüllt|geschlo"
            r"ssen|gepatcht|abgeschlossen|bestanden|geschafft)\b"
        ),
        1.6,
    ),
    Cue(
        "no bad news",
        re.compile(
            rf"\b(?:keine?n?|null|0) (?:offene[nr]?|kritische[nr]?|weitere[nr]?|neue[nr]?) "
            rf"{_BAD_THING}|\berste[sn]? mal (?:seit|dieses|in diesem)\b|\bfrüher (?:\w+ )?a"
            rf"ls (?:\w+ ){{0,3}}?(?:geplant|vereinbart|vorgesehen|zugesagt|gefordert)\b|\bo"
            rf"hne dass wir (?:\w+ ){{0,2}}?(?:nachfragen|nachhaken|erinnern|mahnen|eingreifen)"
        ),
        1.8,
    ),
    Cue(
        "repeated",
        re.compile(rf"\b{_ORDINAL} (?:\w+ )?{_BAD_THING}"),
        -1.8,
    ),
    Cue(
        "late",
        re.compile(r"\bhinter (?:dem |den )?(?:zeit)?plan\b"),
        -1.8,
    ),
    Cue(
        "waiting",
        re.compile(
            rf"\bwart\w*\b[^.,;!?]{{0,30}}?\b{_DURATION} {_UNIT}\b|\b{_DURATION} {_UNIT}\b"
            rf"[^.,;!?]{{0,30}}\bgewartet\b|\b(?:zugesagt|versprochen|zugesichert)\b"
        ),
        -1.6,
    ),
    Cue(
        "silence",
        re.compile(
            r"\b(?:kein\w*|nicht|nie)\b(?: \w+){0,3}? (?:bekommen|erhalten|gekriegt|angekommen"
            r"|eingegangen)\b"
        ),
        -1.5,
    ),
    Cue(
        "careless",
        re.compile(
            r"\b(?:anforderungen|kriterien|vorgaben|spezifikation|scope|umfang)\b[^.!?]{0,60}"
            r"\bgeändert\b|\b(?:stunden|positionen|leistungen|posten),? die wir (?:nie|nicht)"
            r" (?:\w+ )?(?:beauftragt|bestellt|genehmigt|freigegeben)\b|\b(?:hilft|helfen|bri"
            r"ngt|bringen)\b(?: \w+){0,2}? (?:niemandem|keinem|nicht|nichts) weiter\b"
        ),
        -1.7,
    ),
    Cue(
        "careless",
        re.compile(
            r"\bohne (?:uns |mich |jemanden )?(?:bescheid zu geben|zu informieren|zu fragen|vorher "
            r"zu fragen|rücksprache)\b"
        ),
        -1.7,
    ),
    Cue(
        "shortfall",
        re.compile(
            r"\bnur (?:die hälfte|ein drittel|ein viertel|\d+ von \d+)\b|\bvon (?:den )?\d+\b"
            r"[^.!?]{0,40}\b(?:nur|bisher|erst) \d+\b[^.!?]*"
        ),
        -1.6,
    ),
    Cue(
        "no bad news",
        re.compile(
            r"\b(?:gefunden|entdeckt|gemerkt|bemerkt|abgefangen|erkannt|behoben),? bevor\b[^.!?]*"
        ),
        1.8,
    ),
    Cue(
        "waiting",
        re.compile(r"\bwart\w*\b (?:\w+ )?(?:immer noch|noch immer|weiterhin|nach wie vor)\b"),
        -1.6,
    ),
    Cue(
        "threat",
        re.compile(
            r"\bwenn\b[^.!?]{0,60}\bnicht\b[^.!?]{0,40}\b(?:geht das an|gehen wir|eskalier\w*|"
            r"ziehen wir|müssen wir)\b[^.!?]*"
        ),
        -2.2,
    ),
    Cue(
        "careless",
        re.compile(r"\bohne (?:die |eine )?(?:freigabe|genehmigung|abstimmung|zustimmung)\b"),
        -1.7,
    ),
    Cue(
        "faint praise",
        re.compile(
            r"\bnoch (?:viel|einiges|eine menge) (?:zu tun|zu verbessern|nachzuholen|zu polieren)\b"
        ),
        -1.2,
    ),
    Cue(
        "value",
        re.compile(
            r"\b(?:senior\w*|erfahrene\w*)\b[^.!?]{0,60}\b(?:berufsanfänger\w*|praktikant\w*"
            r"|junior\w*|trainee\w*|azubi\w*)"
        ),
        -1.8,
    ),
    Cue(
        "threat",
        re.compile(
            r"\b(?:überprüfung|prüfung) (?:des|unseres) vertrag\w*|\bvertrag\w* (?:\w+ )?(?:übe"
            r"rprüfen|prüfen|auf den prüfstand)|\bgeschäftsführer\w*|\b(?:zweite[nr]?|weitere"
            r"[nr]?) (?:anbieter|dienstleister|lieferanten?)\w*|\bhol\w*\b[^.!?]{0,40}\bins "
            r"haus\b|\bins haus (?:zurück)?holen\b|\bwenn (?:das|es) so weiter(?:geht|läuft)\b"
        ),
        -2.2,
    ),
    Cue(
        "silence",
        re.compile(
            r"\bohne (?:jede |jegliche |eine )?(?:erklärung|begründung|vorwarnung|ankündigung)\b|"
            r"\b(?:beantworten|beantwortet|lösen|löst|liefern|liefert)\b(?: \w+)? (?:selten|nie|"
            r"kaum)\b"
        ),
        -1.7,
    ),
    Cue(
        "worry",
        re.compile(
            r"\b(?:mache mir|machen uns) (?:\w+ )?sorgen\b[^.!?]*|\bverlier\w* (?:\w+ )?(?:das "
            r"|jedes |jegliches )?(?:vertrauen|geduld)\b[^.!?]*"
        ),
        -2.0,
    ),
    Cue(
        "unmet",
        re.compile(
            r"\bhatten? (?:\w+ )?mehr\b[^.!?]{0,40}\berwartet\b[^.!?]*|\bsollte nicht (?:\w+ )"
            r"{0,2}?(?:brauchen|nötig sein|notwendig sein)\b[^.!?]*"
        ),
        -1.6,
    ),
    Cue(
        "repeated",
        re.compile(
            r"\b(?:drei|vier|fünf|sechs|\d+) (?:account[- ]manager\w*|ansprechpartner\w*|proje"
            r"ktleiter\w*|teamleiter\w*)\b[^.!?]{0,20}\bin (?:\w+ )?(?:monaten|jahren|wochen)\b"
        ),
        -1.6,
    ),
)

ASK = re.compile(
    r"\?\s*$|^(?:bitte|kurze frage|frage|zur info|fyi|info|hinweis|erinnerung|reminder|"
    r"kann|können|könnt|kannst|könnten|wer|wann|wo|wie|gibt es|habt ihr|haben sie)\b"
)

ANNOUNCE = re.compile(
    r"\b(?:geplant|findet\b.*\bstatt|verschoben auf|ab (?:montag|dienstag|mittwoch|donnerstag|"
    r"freitag|morgen|nächste\w* woche)|am \d{1,2}\.|um \d{1,2}(?::\d{2})? uhr|nächste\w* woche|"
    r"urlaub|abwesend|krank|nicht erreichbar|vertretung|übernimmt|im büro|status:|stand:)"
)
