"""Sarcasm: a positive surface ("oh great", "love how", 🙃) laid over a failure."""

from __future__ import annotations

import re

from bot.domain.sentiment.cue_patterns import MINIMISERS
from bot.domain.sentiment.guarded_regex import compile_guarded
from bot.domain.sentiment.hits import Hit
from bot.domain.sentiment.lexicon import words

# A positive word opening a comment that goes on to describe a failure: sarcasm.
_OPENER = re.compile(
    r"^(?:oh )?(?:great|fantastic|brilliant|wonderful|lovely|superb|excellent|perfect|"
    r"marvellous|marvelous|cracking|awesome|amazing|terrific|splendid|nice|good|sure|joy|super|"
    r"very consistent|so consistent)"
    r"(?=\s*[,.!…]|\s+(?:another|more)\b)|^(?:impressive|classic)(?=\s*[,.!…:])"
    r"|^(?:lovely|great|amazing|wonderful|fantastic|so glad|reassuring) to (?:see|know|hear|"
    r"find|get|learn)\b|^(?:amazing|funny|interesting|fascinating) how\b"
    r"|^(?:(?:i |we )?(?:just |really |so |absolutely )?(?:love|loving|enjoy|enjoying|"
    r"thrilled|delighted|glad|happy|excited)|always a (?:treat|pleasure|joy)|"
    r"can't wait|cant wait|nice to see|good to (?:know|see))\b"
)
# More cheerful openers that work chat lays over a failure: "Congratulations on the third
# outage", "Very reassuring to read ...", "Nothing beats finding out from a journalist".
_MORE_OPENERS = re.compile(
    r"^(?:shout-?out|cool cool|ah yes|so much fun)"
    r"\b|^(?:very|so|how|most) reassuring\b|^such a treat\b|^best part of\b"
    r"|^nothing beats\b|^what a (?:surprise|treat|joy)\b"
)
_OH_OPENER = re.compile(r"^(?:oh|ah)\b")
# Praise overdone, standing alone after the bad news: "... says 'human error'.
# Groundbreaking.", "... entering week three. Cool cool cool." A plain "Great." or
# "Outstanding." after a fact is usually meant.
_CLOSER = re.compile(
    r"(?<=[.!?;] )(?:groundbreaking|revolutionary|visionary|stellar|genius|record-breaking|"
    r"top notch|love it|classic|(great|cool|lovely|brilliant|perfect|amazing|nice)"
    r"(?:,? \1){1,2})(?=[.!]*\s*$)"
)
# The words a closer ends with: most comments end otherwise and are never searched.
_CLOSER_ENDS = tuple(
    words(
        "groundbreaking revolutionary visionary stellar genius record-breaking notch it classic "
        "great cool lovely brilliant perfect amazing nice"
    )
)
# One cheer tacked on after a failure, the comment's only praise: "The go-live slipped
# two weeks, great", "VPN down again, lovely."
_CHEERS = "great awesome perfect brilliant fantastic lovely nice wonderful super excellent amazing"
_LONE_CHEER = re.compile(r"(?<=, )(?:" + "|".join(_CHEERS.split()) + r")(?=(?:\.|!+)?\s*$)")
_CHEER_ENDS = tuple(_CHEERS.split())
# "Sure, it's more of the same, but ...": a concession that a contrast answers, not
# sarcasm; the contrast rule reads the clause after it.
_CONCESSION = re.compile(r"^sure\b(?=.*\b(?:but|though|however|still|then again)\b)")
# A wish or an address, not a surface to turn: "Happy Thanksgiving!", "Love Liza is ...",
# "I love you, local staff": the opener runs straight into a name or "you".
_ADDRESS = re.compile(r"\s+(?:[A-Z][a-z]|you\b|u\b|ya\b)")
# A short phrase in quotes, not at a word's inside: "a 'small' release", “in review”.
_QUOTED = compile_guarded(r"(?:^|(?<=[\s(]))[\"“‘']([^\"“”‘’'\n]{1,30})[\"”’'](?=[\s.,;:!?)]|$)")
_QUOTE_CHARS = ('"', "“", "‘", "'")
_AGAIN = compile_guarded(r"\b(?:again|another|no longer|yet again)\b")
# What tells of a failure after a cheerful opener even with no bad word: a count of
# days, an ordinal, "the same", "a single", "from scratch", "sleeps at night"; an
# incident named by its priority ("a P1 from our customers"), something that breaks,
# a document that is blank or empty.
_MILD_FAILURE = compile_guarded(
    r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) (?:days|weeks|"
    r"months)\b|\b(?:second|third|fourth|fifth|sixth|umpteenth)\b|\bthe same\b"
    r"|\ba single\b|\bfrom scratch\b|\bnobody\b|\bno one\b|\bneeds a\b|\bdouble\b"
    r"|\b(?:p[12]|sev ?[12]|breaks|broke|is blank|is empty)\b"
)
# Hits that read the surface words; these are what sarcasm turns around. Thanks for
# heroics are a surface too: "thanks for the 'quick' fix that took three weeks".
SURFACE_RULES = frozenset({"lexicon", "service event", "phrase", "emphasis", "heroics"})
_SARCASM_VALENCE = -1.6  # the turn itself, on top of cancelling the positive words
_SCARE_QUOTE_VALENCE = -1.0
_EYE_ROLL_VALENCE = -1.0


def _lone_cheer(lowered: str, hits: list[Hit]) -> re.Match[str] | None:
    """A cheer after a comma that ends a comment whose only praise it is, after a failure."""
    cheer = _LONE_CHEER.search(lowered)
    if cheer is None or sum(h.valence for h in hits if h.valence < 0) > FAILURE:
        return None
    praise = [h for h in hits if h.valence > 0 and h.rule in SURFACE_RULES]
    return cheer if all(h.phrase in cheer.group(0) for h in praise) else None


def scare_quotes(text: str) -> list[str]:
    """Quoted minimisers ("small", 'quick fix', “in review”) as written."""
    found: list[str] = []
    for match in _QUOTED.finditer(text):
        words = match.group(1).lower().split()
        if len(words) <= 4 and any(word.strip(".,!?") in MINIMISERS for word in words):
            found.append(match.group(0).strip())
    return found


def turn(text: str, hits: list[Hit], eye_rolls: int) -> list[Hit] | None:
    """The hits read as sarcasm, or None when the comment means what it says.

    Sarcasm is a positive surface together with a sign of the opposite: an opener
    ("great,", "love how", "thrilled to") followed by a failure, scare quotes round a
    minimiser, or an eye-roll emoji. The positive surface words are then dropped and a
    negative turn is added; the failure words keep their own valence.
    """
    lowered = text.lower().lstrip(" *_>")
    opener = _OPENER.search(lowered) or _MORE_OPENERS.search(lowered)
    if opener is not None and (
        _CONCESSION.match(lowered)
        or _ADDRESS.match(text.lstrip(" *_>"), opener.end())
        # "Shout-out to Priya for jumping on the outage at midnight": thanks that name
        # what it cost them are meant.
        or any(hit.rule == "heroics" for hit in hits)
    ):
        opener = None
    if opener is None and lowered.rstrip(" .!\n").endswith(_CLOSER_ENDS + _CHEER_ENDS):
        opener = _CLOSER.search(lowered) or _lone_cheer(lowered, hits)
    quotes = scare_quotes(text) if any(quote in text for quote in _QUOTE_CHARS) else []
    if opener is None and not quotes and not eye_rolls:
        return None  # no positive surface to turn: the common case, decided cheaply
    positive = sum(h.valence for h in hits if h.rule in SURFACE_RULES and h.valence > 0)
    negative = sum(h.valence for h in hits if h.valence < 0)
    failure = (
        negative <= -1.0
        or bool(quotes)
        or eye_rolls > 0
        or bool(_AGAIN.search(lowered))
        or (opener is not None and bool(_MILD_FAILURE.search(lowered, opener.end())))
    )
    marker = ""
    surface_after = positive - sum(
        h.valence for h in hits if opener and h.valence > 0 and h.phrase in opener.group(0)
    )
    if opener and (failure or (_OH_OPENER.match(lowered) and surface_after <= 0)):
        marker = opener.group(0)
    elif positive > 0 and (eye_rolls or quotes):
        marker = quotes[0] if quotes else "eye-roll emoji"
    if not marker:
        extra = [Hit("scare quotes", q, _SCARE_QUOTE_VALENCE) for q in quotes]
        if eye_rolls:
            # "Another sprint, another 'almost there' 🙃": with no praise to turn, the
            # eye-roll is the exasperation itself.
            extra.append(Hit("sarcasm", "eye-roll emoji", _EYE_ROLL_VALENCE))
        return hits + extra if extra else None
    kept = [h for h in hits if not (h.rule in SURFACE_RULES and h.valence > 0)]
    turned = [Hit("sarcasm", marker, _SARCASM_VALENCE - 0.5 * positive)]
    turned += [Hit("scare quotes", quote, _SCARE_QUOTE_VALENCE) for quote in quotes]
    return kept + turned


# Cheers after bad news are sarcasm: "third outage this month 🎉", "skipped tests :clap:".
CELEBRATION = frozenset(
    {":tada:", ":clap:", ":party_popper:", ":confetti_ball:", ":slightly_smiling_face:"}
    | {":raised_hands:", ":sweat_smile:", "\U0001f389", "\U0001f44f", "\U0001f38a"}
    | {"\U0001f642", "\U0001f605", "\U0001f64c"}
)
FAILURE = -1.0


# An incident named by its priority, again: "Another P1 on billing", "sev2 again".
_REPEATED_INCIDENT = compile_guarded(
    r"\b(?:another|again|yet another)\b(?:.*)\b(?:p[12]|sev ?[12])\b"
    r"|\b(?:p[12]|sev ?[12])\b(?:.*)\b(?:again|another)\b"
)


def celebration_turned(emoji: list[Hit], negative: float, text: str = "") -> list[Hit]:
    """Emoji hits, with cheering ones turned into sarcasm when the words tell of a failure."""
    if negative > FAILURE and not _REPEATED_INCIDENT.search(text.lower()):
        return emoji
    return [
        Hit("sarcasm", hit.phrase, -hit.valence)
        if hit.phrase in CELEBRATION and hit.valence > 0
        else hit
        for hit in emoji
    ]
