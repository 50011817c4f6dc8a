"""German threats of account chat: tenders, exit clauses, escalation to the top."""

from __future__ import annotations

import re

from bot.domain.sentiment.foreign import Cue

THREATS = (
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
        "threat",
        re.compile(
            r"\b(?:marktvergleich\w*|sanierungsplan|rückgängig gemacht|anderen? (?:a"
            r"nbietern|dienstleistern|partnern?)|vergleichen preis|formell anspreche"
            r"n)\b"
        ),
        -2.2,
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
        "threat",
        re.compile(
            r"\b(?:überprüfung|prüfung) (?:des|unseres) vertrag\w*|\bvertrag\w* (?:\w+ )?(?:übe"
            r"rprüfen|prüfen|auf den prüfstand)|\bgeschäftsführer\w*|\b(?:zweite[nr]?|weitere"
            r"[nr]?) (?:anbieter|dienstleister|lieferanten?)\w*|\bhol\w*\b[^.!?]{0,40}\bins "
            r"haus\b|\bins haus (?:zurück)?holen\b|\bwenn (?:das|es) so weiter(?:geht|läuft)\b"
        ),
        -2.2,
    ),
)
