"""The language a comment is written in: function words first, then py3langid.

Most comments name their language in their small words ("the", "und", "que"), and
counting those costs a set lookup per word, so the detector (py3langid: langid.py's
naive Bayes model over byte n-grams, shipped inside its wheel, about 90 MB once loaded)
is asked only when the small words do not settle it, and is loaded on first use. A
comment neither settles clearly (one or two words, ticket ids, emoji) is read as
English, the language most comments here are written in; the English scorer finds
nothing to say about words it does not know, so a guess of English is never read as
an opinion it does not hold.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from typing import Any

DEFAULT = "en"
# The languages the detector chooses between: those of the teams on outsourcing
# accounts that Rapport serves. A comment in any other is still told apart from these.
CANDIDATES = ("en", "de", "es", "fr", "pt", "it", "nl")
NAMES = {
    "en": "English",
    "de": "German",
    "es": "Spanish",
    "fr": "French",
    "pt": "Portuguese",
    "it": "Italian",
    "nl": "Dutch",
}

_FUNCTION_WORDS_TEXT = {
    "en": """the a an and is are was were be been to of for on in with this that it its we as em
        they you our their not no but have has had will would can could should just still
        again from at by what when why who how thanks thank please all very really got
        there here i my me us them been being than then also only any some yes ok okay""",
    "de": """der die das den dem des ein eine einen einem einer und ist sind war waren wir
        sie ihr uns unser unsere nicht kein keine keinen aber auch noch schon wieder mit
        für von zu zum zur bei auf aus nach seit wie was wer wann warum immer sehr danke
        bitte gut ich mich mir es hat haben wird werden wurde nur doch mal jetzt heute
        leider endlich alles alle ganz gar nichts dass oder""",
    "es": """el la los las un una unos unas y es son fue era está están estamos somos
        nosotros ellos su sus nuestro nuestra no pero también todavía aún ya otra vez con
        para por de del al en desde como qué quién cuándo muy gracias por favor bien yo
        me nos se lo le hay tiene tienen han ha sin nada todo todos siempre nunca que o
        sigue seguimos hoy""",
    "fr": """le la les un une des et est sont était nous vous ils elles leur leurs notre
        nos pas ne mais aussi encore déjà avec pour par de du au aux en dans depuis comme
        très merci bien je me moi il elle on ça cette ce qui que quoi toujours jamais
        tout rien""",
    "pt": """o a os as um uma e é são foi era está estão nós eles elas seu sua nosso nossa
        não mas também ainda já com para por de do da dos das no na em desde como muito
        obrigado obrigada bem eu me se lhe tem têm há sem nada tudo sempre nunca você""",
    "it": """il lo la i gli le un una e è sono era siamo noi loro non ma anche ancora già
        con per di del della in dal come molto grazie bene io mi si ci ha hanno sempre
        mai tutto niente questo questa""",
    "nl": """de het een en is zijn was waren wij we zij ze hun ons onze niet geen maar ook
        nog al weer met voor van te bij op uit naar sinds hoe wat wie wanneer waarom
        altijd erg heel dank bedankt alsjeblieft goed ik mij het heeft hebben wordt
        werd alleen toch nu vandaag helaas eindelijk alles""",
}
FUNCTION_WORDS: dict[str, frozenset[str]] = {
    language: frozenset(words.split()) for language, words in _FUNCTION_WORDS_TEXT.items()
}
_LANGUAGES_OF: dict[str, tuple[str, ...]] = {
    word: tuple(language for language, small in FUNCTION_WORDS.items() if word in small)
    for word in frozenset().union(*FUNCTION_WORDS.values())
}
# Words of several languages ("de", "die", "a", "no", "me") count for each; a language
# must lead by this many words, or the detector decides.
_LEAD = 2
# How sure the detector must be to overrule the English default on its own (measured on
# the comment sets: at 0.7 no English comment of 1,679 was taken for another language).
_CONFIDENT = 0.7
_MIN_LETTERS = 12
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
# The same words in lower-cased ASCII text, where a-z are the only letters and ’ cannot
# occur; opening with a plain class lets `re` skip ahead to a letter, about twice as fast.
_ASCII_WORD = re.compile(r"[a-z][a-z]*(?:'[a-z]+)?")
# Names are no language: "@anonymous", "<@U123|anna>".
_MENTION = re.compile(r"<[^>]*>|@\w+")


@dataclass(frozen=True, slots=True)
class Detection:
    """The language of one comment and how it was found ("words", "detector", "default")."""

    language: str
    how: str


_LOADING = threading.Lock()
_LOADED: dict[str, Any] = {}


def _identifier() -> Any:
    """py3langid's model, restricted to the candidate languages; loaded once per process."""
    found = _LOADED.get("model")
    if found is None:
        with _LOADING:  # a request and the start-up thread may ask at once: load it once
            found = _LOADED.get("model")
            if found is None:
                from py3langid.langid import MODEL_FILE, LanguageIdentifier

                found = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
                found.set_languages(list(CANDIDATES))
                _LOADED["model"] = found
    return found


def load_detector() -> None:
    """Load the detector's model now (about 2 s and 90 MB), not in the first comment's request.

    Processes that take comments call this from a thread at start: the comment form must
    be answered within Slack's 3 s.
    """
    _identifier()


def _counts(words: list[str]) -> dict[str, int]:
    """How many of the words are small words of each language."""
    counts: dict[str, int] = {}
    languages_of = _LANGUAGES_OF
    for word in words:
        if word in languages_of:
            for language in languages_of[word]:
                counts[language] = counts.get(language, 0) + 1
    return counts


def _leader(counts: dict[str, int], lead: int = _LEAD) -> str | None:
    """The language whose small words lead by `lead` or more, if one does."""
    if not counts:
        return None
    best = max(counts, key=counts.__getitem__)  # the first of the most, as a stable sort
    most = counts[best]
    second = max((n for language, n in counts.items() if language != best), default=0)
    return best if most >= lead and most - second >= lead else None


def detect_language(text: str) -> Detection:
    """The language of a comment (an ISO 639-1 code from CANDIDATES) and how it was found."""
    lowered = text.lower()
    if "<" in lowered or "@" in lowered:
        lowered = _MENTION.sub(" ", lowered)
    words = (_ASCII_WORD if lowered.isascii() else _WORD).findall(lowered)
    counts = _counts(words)
    found = _leader(counts)
    if found is not None:
        return Detection(found, "words")
    if counts.keys() == {DEFAULT} and all(word.isascii() for word in words):
        # English small words and nothing else's, in plain letters: no need to ask.
        return Detection(DEFAULT, "words")
    letters = sum(len(word) for word in words)
    if letters < _MIN_LETTERS:
        return Detection(DEFAULT, "default")
    language, probability = _identifier().classify(" ".join(words))
    # A detector's weak guess counts when one small word of that language backs it.
    if language != DEFAULT and (probability >= _CONFIDENT or _leader(counts, 1) == language):
        return Detection(str(language), "detector")
    return Detection(DEFAULT, "default" if language != DEFAULT else "detector")
