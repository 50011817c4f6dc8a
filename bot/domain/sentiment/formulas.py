"""Set-phrases that frame a comment or open and close it, not a verdict on anything.

"To be honest", "ehrlich gesagt", "la verdad es que" announce what follows; "Best
regards", "Mit freundlichen Grüßen", "Atentamente" and "Quedo atento" are how a message
is signed. Their words read as praise ("honest", "freundlich", "atento"), so a complaint
framed or signed with them came out mild or even positive ("Ganz ehrlich, so macht das
keinen Spaß mehr" read +0.46). They are set aside before any language's rules read the
comment (`markup.clean` calls `set_aside`); the same words elsewhere keep their meaning
("ihr QA-Lead ist ehrlich klasse", "thank you for the honesty", "un equipo muy atento").
"""

from __future__ import annotations

import re

# Framing in any position: the phrase itself says nothing of the subject.
_FRAMING = (
    r"to be (?:completely |perfectly |totally |quite )?honest|in all honesty|truth be told"
    r"|to tell (?:you )?the truth"
    r"|ehrlich gesagt|offen gesagt|um ehrlich zu sein|ehrlicherweise"
    r"|(?:ich )?muss (?:ganz )?ehrlich sagen|(?:ich )?muss (?:ehrlich )?zugeben"
    r"|para ser (?:sincer|honest)[oa]s?|siendo (?:sincer|honest)[oa]s?|la verdad es que"
    r"|(?:quedo|quedamos|quedaré|quedaremos|estoy|estamos|estaré|estaremos) (?:muy )?atent[oa]s?"
    r"|(?:quedo|quedamos|estoy|estamos) a (?:su|tu|vuestra|sus|tus) (?:entera )?disposición"
)
# Framing only where a sentence opens with it and a comma, colon or dash follows: "ganz
# ehrlich" is also praise ("war ganz ehrlich zu uns"), "sinceramente" an adverb.
_OPENING = r"ganz ehrlich|sinceramente|honestamente|francamente|la verdad"
# Greetings and sign-offs standing alone: at the start or end of a sentence, with at
# most a name after them.
_SIGN_OFF = (
    r"(?:best|kind|warm|warmest|many) regards|regards|best wishes|yours (?:sincerely|truly)"
    r"|sincerely"
    r"|(?:mit )?(?:freundlichen|freundliche|besten|beste|viele|vielen|liebe|lieben|herzliche"
    r"|herzlichen|schöne|schönen|sonnige|sonnigen) grü(?:ß|ss)en?|grü(?:ß|ss)e|gru(?:ß|ss)|mfg"
    r"|atentamente|cordialmente|saludos cordiales|un (?:cordial |afectuoso )?saludo"
    r"|cordial saludo|saludos"
)
_NAME = r"[A-ZÄÖÜÁÉÍÓÚÑ][\w'.-]*(?:\s+[A-ZÄÖÜÁÉÍÓÚÑ][\w'.-]*){0,2}"
_FORMULAS = re.compile(
    rf"\b(?i:{_FRAMING})\b"
    rf"|(?:^|(?<=[.!?\n]))\s*(?i:{_OPENING})\s*[,:–—-]"
    rf"|(?:^|(?<=[.!?,;\n]))\s*(?i:{_SIGN_OFF})\b(?:\s*,?\s*{_NAME})?\s*(?=[.!,\n]|$)"
)


# A word every formula above holds: most comments hold none, and a substring test costs
# far less than scanning for the formulas.
_KEYS = (
    "honest", "truth", "ehrlich", "gesagt", "zugeben", "sincer", "verdad", "atent",
    "disposici", "francamente", "regards", "wishes", "truly", "grü", "gruß", "gruss", "mfg",
    "cordial", "saludo",
)  # fmt: skip


def set_aside(text: str) -> str:
    """The text without its framing, greeting and sign-off formulas."""
    low = text.lower()
    if not any(key in low for key in _KEYS):
        return text
    return _FORMULAS.sub(" ", text)
