"""German cues of account chat: waiting, chasing, careless work, faint praise; with the
threats and the good news, every cue the reader looks for."""

from __future__ import annotations

import re

from bot.domain.sentiment.foreign import Cue
from bot.domain.sentiment.german_figures import BAD_THING, DURATION, ORDINAL, UNIT
from bot.domain.sentiment.german_good_news import GOOD_NEWS
from bot.domain.sentiment.german_threats import THREATS
from bot.domain.sentiment.german_verbs import VERBS
from bot.domain.sentiment.german_words import UNMET_IDIOMS

COMPLAINTS = (
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
    Cue("waiting", re.compile(rf"\b(?:seit|über|fast) {DURATION} {UNIT}\b"), -1.2),
    Cue(
        "waiting",
        re.compile(
            rf"\b(?:dauert\w*|gedauert|brauch\w*)\b[^.,;!?]{{0,20}}\b(?:ewig|zu lange"
            rf"|{DURATION} {UNIT})\b"
        ),
        -1.6,
    ),
    Cue(
        "late",
        re.compile(rf"\b{DURATION} {UNIT} (?:zu spät|verspätet|verzug|überfällig|drüber)\b"),
        -2.2,
    ),
    Cue("late", re.compile(r"\bzu (?:spät|langsam|lange)\b"), -2.0),
    Cue(
        "chasing",
        re.compile(
            rf"\b(?:zum {ORDINAL} mal|{ORDINAL} (?:erinnerung|nachfrage|mail|e-mail"
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
    Cue("value", re.compile(r"\bwir zahlen für\b"), -1.5),
    Cue(
        "repeated",
        re.compile(rf"\b{ORDINAL} (?:\w+ )?{BAD_THING}"),
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
            rf"\bwart\w*\b[^.,;!?]{{0,30}}?\b{DURATION} {UNIT}\b|\b{DURATION} {UNIT}\b"
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
        "waiting",
        re.compile(r"\bwart\w*\b (?:\w+ )?(?:immer noch|noch immer|weiterhin|nach wie vor)\b"),
        -1.6,
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
    # Not arrived yet: "liegt noch nicht vor", "ist bis heute nicht da", "steht noch aus",
    # "es kam bis jetzt keine Freigabe".
    Cue(
        "waiting",
        re.compile(
            r"\b(?:kam|kamen|gab|gibt)\b(?: \w+){0,3}? kein\w* (?:antwort|rückmeldung|freigabe|"
            r"reaktion|lieferung|feedback|update)\b|"
            r"\b(?:noch|bis heute|bislang|bisher)(?: immer)? (?:nicht|kein\w*)\b(?: \w+){0,3}? "
            r"(?:vor|da|eingetroffen|eingegangen|angekommen|erhalten|bekommen|freigegeben|umgese"
            r"tzt|behoben|erledigt|zurückgemeldet)\b|\bsteh\w* (?:\w+ ){0,3}?(?:noch|weiterhin|"
            r"nach wie vor|immer noch) aus\b"
        ),
        -1.5,
    ),
    *UNMET_IDIOMS,
)

CUES = (*COMPLAINTS, *THREATS, *GOOD_NEWS, *VERBS)
