"""German verdicts told by a verb: failure, rework and obligation, success and rescue.

German puts the participle at the end of the clause and leaves a separable prefix there
("ist heute Nacht wieder hängen geblieben", "fiel am Montag aus", "kam nie an"), so each
class of verbs is read across its clause: an auxiliary or a finite verb, up to a few words
that stop at a comma or a full stop, then the participle or the prefix. A success verb
under "nicht" ("hat nicht geklappt") is read as a failure before the success verbs look.
"""

from __future__ import annotations

import re

from bot.domain.sentiment.foreign import Cue

# Up to this many characters of one clause between the verb and its participle or prefix.
_GAP = r"[^.,;:!?]{0,50}?"
_AUX = r"(?:ist|sind|war|waren|wurde|wurden|wird|werden|worden|hat|haben|hatte|hatten|bin|seid)"
_NOT = r"(?:nicht|nie|kaum|noch nicht|gar nicht|überhaupt nicht)"
# A clause without a negation word in it, for the success verbs.
_UNNEGATED = r"(?:(?!\b(?:nicht|nie|kein\w*|kaum)\b)[^.,;:!?]){0,50}?"

# Participles of failure, standstill and loss that tell a verdict on their own.
_BROKE = (
    r"(?:ausgefallen|abgestürzt|abgeschmiert|gecrasht|gescheitert|fehlgeschlagen|abgebrochen|"
    r"(?:hängen|liegen|stehen|stecken) ?geblieben|kaputt ?gegangen|schief ?gegangen|"
    r"daneben ?gegangen|verloren ?gegangen|untergegangen|weggebrochen|abgeschossen|"
    r"eingefroren|lahmgelegt|ausgeblieben)"
)
# Participles of omission and delay: a verdict only after an auxiliary ("wurde vergessen",
# not the reminder "nicht vergessen").
_MISSED = (
    r"(?:vergessen|übersehen|verschlampt|verpasst|versäumt|verschleppt|verzögert|verbummelt|"
    r"ignoriert|liegen gelassen|verschoben)"
)
# Finite verbs of failure with their separable prefix at the clause end.
_SEPARATED = (
    r"(?:fiel|fielen|fällt|fallen)\b(?:(?!\b(?:positiv|gut|besser|höher|erfreulich|stark)\b)"
    r"[^.,;:!?]){0,40}?\baus|(?:blieb|blieben|bleibt|bleiben)\b" + _GAP + r"\b(?:liegen|hängen|"
    r"stecken)|(?:brach|brachen|bricht|stürzte|stürzten|stürzt)\b" + _GAP + r"\bab|"
    r"(?:ging|gingen|geht)\b" + _GAP + r"\b(?:schief|verloren|daneben)|"
    r"(?:hängt|hing|hängen)\b" + _GAP + r"\bfest"
)
# Verbs of success whose negation is a failure: "hat nicht geklappt", "läuft nicht".
_WORKED = (
    r"(?:geklappt|funktioniert|gegriffen|gewirkt|geholfen|gefruchtet|bestanden|gehalten|"
    r"geliefert|angekommen|gelöst|behoben)"
)
_WORKS = (
    r"(?:klappt|klappte|funktioniert|funktionierte|funktionieren|läuft|lief|liefen|greift|"
    r"griff|hilft|half|kam|kamen|kommt|kommen)"
)

FAILURES = (
    Cue(
        "failure",
        re.compile(
            rf"\b{_AUX}\b{_GAP}\b{_NOT} (?:\w+ ){{0,3}}?{_WORKED}\b|"
            rf"\b{_WORKS}\b(?: \w+){{0,3}}? {_NOT}\b(?! nur\b)(?: (?:an|durch|weiter|voran|mehr))?"
        ),
        -1.8,
    ),
    Cue("failure", re.compile(rf"\b{_BROKE}\b"), -1.8),
    Cue("failure", re.compile(rf"\b(?:{_SEPARATED})\b"), -1.8),
    Cue("failure", re.compile(rf"\b{_AUX}\b{_GAP}(?<!nicht )\b{_MISSED}\b"), -1.6),
    Cue(
        "rework",
        re.compile(
            r"\bmusste(?:n|st)?\b[^.,;:!?]{0,50}?\b(?:werden|händisch|manuell|von hand|selbst|"
            r"selber|nochmal|noch einmal|erneut|neu)\b|\bnach(?:gebessert|gearbeitet|geliefert|"
            r"gereicht|justiert)\b"
        ),
        -1.7,
    ),
    Cue(
        "obligation",
        re.compile(
            r"\b(?:darf|dürfen|sollte|sollten|kann)\b(?: \w+){0,3}? (?:nicht|nie) (?:mehr "
            r"|wieder |noch ?mal |noch einmal |so )?(?:passieren|vorkommen|sein)\b|"
            r"\bsollte\w*\b(?: \w+){0,4}? (?:längst|schon längst|eigentlich schon)\b|"
            r"\bhätte\w*\b(?: \w+){0,5}? (?:längst|früher|vorher|rechtzeitig|schon)\b"
            r"[^.,;:!?]{0,40}?\b(?:müssen|sollen)\b|\bdauern (?:muss|müssen|soll)\b"
        ),
        -1.8,
    ),
)

SUCCESSES = (
    Cue(
        "success",
        re.compile(
            r"\b(?:hat|haben|hatte|hatten)\b(?: \w+){0,3}? sich\b(?: \w+){0,2}? (?:gelohnt|bewährt|"
            r"ausgezahlt|rentiert)\b|\b(?:lohnt|lohnte|bewährt|bewährte|rentiert) sich\b|"
            r"\bzahlt\w* sich\b" + _UNNEGATED + r"\baus\b"
        ),
        1.6,
    ),
    Cue(
        "success",
        re.compile(
            r"\b(?:lief|liefen|läuft|laufen|ging|ging alles|klappte|klappt)\b"
            + _UNNEGATED
            + r"\b(?:reibungslos|rund|glatt|problemlos|geräuschlos|einwandfrei|stabil|sauber|"
            r"auf anhieb)\b"
        ),
        1.6,
    ),
    Cue(
        "success",
        re.compile(
            rf"\b{_AUX}\b{_UNNEGATED}\b(?:gerettet|rausgehauen|aufgefangen|abgefangen|"
            rf"geklappt|gefruchtet|wiederhergestellt)\b|\b(?:rettete|retteten|rettet)\b|"
            rf"\bkonnte\w*\b{_UNNEGATED}\b(?:behoben|gelöst|gerettet|wiederhergestellt)\b"
        ),
        1.6,
    ),
    Cue(
        "success",
        re.compile(
            r"\b(?:ist|sind)\b(?: (?!nicht\b|noch\b)\w+){0,2}? (?:durch|live)\s*(?:[.,;!?]|$)|"
            r"\b(?:test|audit|abnahme|prüfung|review|check)\w*\b" + _UNNEGATED + r"\bbestanden\b"
        ),
        1.4,
    ),
)

VERBS = (*FAILURES, *SUCCESSES)
