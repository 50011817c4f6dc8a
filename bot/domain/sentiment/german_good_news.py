"""German good news of account chat: thanks, heroics, improvements, and problems said
to be absent."""

from __future__ import annotations

import re

from bot.domain.sentiment.foreign import Cue
from bot.domain.sentiment.german_figures import BAD_THING
from bot.domain.sentiment.german_words import EFFORT_IDIOMS

GOOD_NEWS = (
    Cue(
        "no bad news",
        re.compile(
            rf"\b(?:keine?n?|null|0|ohne|nicht eine?n?) (?:einzige[nr]? )?(?:neue[nr]"
            rf"? )?{BAD_THING}"
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
            rf"{BAD_THING}|\berste[sn]? mal (?:seit|dieses|in diesem)\b|\bfrüher (?:\w+ )?a"
            rf"ls (?:\w+ ){{0,3}}?(?:geplant|vereinbart|vorgesehen|zugesagt|gefordert)\b|\bo"
            rf"hne dass wir (?:\w+ ){{0,2}}?(?:nachfragen|nachhaken|erinnern|mahnen|eingreifen)"
        ),
        1.8,
    ),
    Cue(
        "no bad news",
        re.compile(
            r"\b(?:gefunden|entdeckt|gemerkt|bemerkt|abgefangen|erkannt|behoben),? bevor\b[^.!?]*"
        ),
        1.8,
    ),
    *EFFORT_IDIOMS,
)
