"""German: the Klenner et al. polarity lexicon, the words of account chat, and its cues."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from bot.domain.sentiment.foreign import LanguageRules, degree_words
from bot.domain.sentiment.german_cues import CUES
from bot.domain.sentiment.german_figures import FIGURES
from bot.domain.sentiment.german_words import HEADS, STEMS, WORDS

# The general lexicon's polarities (-1..1) on VADER's -4..+4 scale: its strongest words
# land where VADER puts "great" or "awful".
_SCALE = 2.0

# Words of account chat, on VADER's scale; they override the general lexicon.
_DOMAIN = {
    **dict.fromkeys(("verspätet", "verspätung", "überfällig", "kaputt", "verzug"), -2.0),
    **dict.fromkeys(("verzögerung", "verzögert", "langsam", "blockiert", "eskalation"), -1.8),
    **dict.fromkeys(("schleppend", "ausfall", "ausgefallen", "fehlerhaft", "eskaliert"), -2.2),
    **dict.fromkeys(("störung", "beschwerde", "nacharbeit", "liegengeblieben"), -1.8),
    **dict.fromkeys(("fehler", "problem", "probleme", "bug", "bugs", "schwach", "stress"), -1.5),
    **dict.fromkeys(("unzuverlässig", "unzufrieden", "enttäuscht", "enttäuschend"), -2.5),
    **dict.fromkeys(("frustrierend", "frustriert", "mangelhaft", "ungenügend", "chaos"), -2.5),
    **dict.fromkeys(("chaotisch", "ärgerlich", "ignoriert", "dürftig", "peinlich"), -2.3),
    **dict.fromkeys(("katastrophe", "katastrophal", "unterirdisch", "inakzeptabel"), -3.0),
    **dict.fromkeys(("leider", "vergessen", "unklar", "hängt", "hakt", "nachbessern"), -1.2),
    **dict.fromkeys(("pünktlich", "zufrieden", "gelöst", "behoben", "souverän"), 2.0),
    **dict.fromkeys(("schnell", "zügig", "stabil", "freundlich", "geklappt", "verbessert"), 1.8),
    **dict.fromkeys(("zuverlässig", "proaktiv", "hilfsbereit", "kompetent", "top"), 2.2),
    **dict.fromkeys(("reibungslos", "toll", "super", "klasse", "spitze", "danke"), 2.5),
    **dict.fromkeys(("hervorragend", "ausgezeichnet", "großartig", "genial", "vorbildlich"), 3.0),
    **dict.fromkeys(("perfekt", "prima", "problemlos", "dankbar", "lob", "gut"), 2.0),
    **dict.fromkeys(("besser", "fortschritt", "fortschritte", "klappt", "sauber", "schön"), 1.5),
    **dict.fromkeys(("erledigt", "funktioniert", "geliefert", "angenehm", "entspannt"), 1.2),
    # Names of things and small words the general lexicon gives a polarity.
    **dict.fromkeys(("die", "frage", "offen", "bitte", "termin", "status", "ticket", "neue"), 0.0),
    **dict.fromkeys(("lange", "dringend", "schon", "wieder", "noch", "frei", "ende"), 0.0),
    **dict.fromkeys(("qualität", "zusammenarbeit", "leistung", "kommunikation", "arbeit"), 0.0),
    **dict.fromkeys(("lieferung", "support", "team", "projekt", "service", "kunde"), 0.0),
    **dict.fromkeys(("angebot", "bestellt", "bestellung", "bestellungen", "bestellen"), 0.0),
    **dict.fromkeys(("durchgelaufen", "passt"), 1.2),
    **dict.fromkeys(("mäßig", "naja", "durchwachsen"), -1.0),
    **dict.fromkeys(("ordnung",), 1.2),
    # Something expected is missing; a thing lacks ("es hapert", Swiss "es harzt").
    **dict.fromkeys(("fehlt", "fehlen", "fehlte", "fehlten", "hapert", "harzt"), -1.5),
    **dict.fromkeys(("fristgerecht", "termingerecht", "rechtzeitig"), 1.8),
    **dict.fromkeys(("riesendank", "dankeschön", "merci"), 2.5),
    **dict.fromkeys(("preiserhöhung", "preiserhöhungen"), -1.5),
    **dict.fromkeys(("fertig",), 0.0),  # done, not worn out
    **dict.fromkeys(("bitten", "bitte"), 0.0),  # a courtesy, not praise
}
# Word beginnings with one valence in every form and compound: "verzöger" is
# Verzögerung, verzögert, Verzögerungen. Checked only when no whole word matched.
_STEMS = {
    **dict.fromkeys(("verzöger", "verspät", "verpass", "überfällig", "zerschoss"), -2.0),
    **dict.fromkeys(("ausgefall", "fehlgeschlag", "kaputt", "abgestürz", "absturz"), -2.0),
    **dict.fromkeys(("störung", "beschwer", "eskal", "ärger", "unvollständig", "falsch"), -1.6),
    **dict.fromkeys(("vergess", "verlor", "mangel", "schlecht", "schwierig", "sorge"), -1.6),
    **dict.fromkeys(("enttäusch", "frustr", "unzufried", "katastroph", "chaot", "unmöglich"), -2.6),
    **dict.fromkeys(("inakzeptab", "unterirdisch", "peinlich", "wütend", "ärgerlich"), -2.8),
    **dict.fromkeys(("fehler", "problem", "nacharbeit", "rückstand", "langsam", "kritisch"), -1.3),
    **dict.fromkeys(("unbeantwortet", "nachgelassen", "ausgesperrt", "entzogen"), -1.8),
    **dict.fromkeys(("verbesser", "zufried", "zuverlässig", "pünktlich", "reibungslos"), 2.0),
    **dict.fromkeys(("erfolgreich", "gelungen", "hilfreich", "professionell", "stabil"), 1.9),
    **dict.fromkeys(("beeindruck", "kompliment", "anerkennung", "vorbildlich", "dankbar"), 2.5),
    **dict.fromkeys(("hervorrag", "ausgezeichn", "großartig", "fantastisch", "genial"), 3.0),
    **dict.fromkeys(("perfekt", "bestes", "beste", "freude", "gefreut", "juhu"), 2.5),
    **dict.fromkeys(("schnell", "zügig", "sauber", "klar", "ruhig", "gespart", "einspar"), 1.5),
    **dict.fromkeys(("gelöst", "behoben", "geschafft", "bestanden", "erfüllt", "gefixt"), 1.8),
    **dict.fromkeys(("vertrauen", "fortschritt", "konstruktiv", "strukturiert"), 1.6),
}
_NEGATORS = frozenset(
    [
        "nicht",
        "kein",
        "keine",
        "keinen",
        "keinem",
        "keiner",
        "nie",
        "niemals",
        "ohne",
        "nichts",
        "kaum",
        "weder",
    ]
)
_BOOSTERS = degree_words(
    "sehr extrem echt total wirklich absolut besonders äußerst so richtig ziemlich "
    "unglaublich mega",
    "etwas bisschen leicht einigermaßen",
)

# A question or an announcement: a status note, not a verdict (the neutral zone).
ASK = re.compile(
    r"\?\s*$|^(?:bitte|kurze frage|frage|zur info|fyi|info|hinweis|erinnerung|reminder|"
    r"kann|können|könnt|kannst|könnten|wer|wann|wo|wie|gibt es|habt ihr|haben sie)\b"
)

ANNOUNCE = re.compile(
    r"\b(?:geplant|findet\b.*\bstatt|verschoben auf|ab (?:montag|dienstag|mittwoch|donnerstag|"
    r"freitag|morgen|nächste\w* woche)|am \d{1,2}\.|um \d{1,2}(?::\d{2})? uhr|nächste\w* woche|"
    r"urlaub|abwesend|krank|nicht erreichbar|vertretung|übernimmt|im büro|status:|stand:)"
)


@cache
def _lexicon() -> dict[str, float]:
    lexicon: dict[str, float] = {}
    text = (
        resources.files("bot.domain.sentiment").joinpath("data/de_polarity.tsv").read_text("utf-8")
    )
    for line in text.splitlines():
        if line and not line.startswith("#"):
            word, polarity = line.split("\t")
            lexicon[word] = float(polarity) * _SCALE
    lexicon.update(WORDS)
    lexicon.update(_DOMAIN)
    return lexicon


@cache
def german() -> LanguageRules:
    """The German reader's rules, built once per process."""
    return LanguageRules(
        code="de",
        lexicon=_lexicon(),
        suffixes=(
            "esten",
            "ester",
            "este",
            "sten",
            "ste",
            "en",
            "er",
            "es",
            "em",
            "e",
            "n",
            "s",
            "t",
        ),
        negators=_NEGATORS,
        boosters=_BOOSTERS,
        contrast=frozenset({"aber", "jedoch", "allerdings", "trotzdem", "dennoch", "sondern"}),
        repetition=frozenset(
            {"wieder", "erneut", "ständig", "dauernd", "nochmal", "wiederholt", "weiterhin"}
        ),
        cues=CUES,
        ask=ASK,
        announce=ANNOUNCE,
        stems=STEMS | _STEMS,
        figures=FIGURES,
        concession=re.compile(r"\s*(?:obwohl|obgleich|wenngleich|trotz)\b"),
        excess=frozenset({"zu", "allzu"}),
        verb_endings=("en", "rn", "ln"),
        heads=HEADS,
        negators_after=frozenset({"nicht", "nie", "niemals", "kaum"}),
        clause_words=frozenset(
            {"und", "oder", "aber", "sondern", "dass", "weil", "wenn", "als", "denn", "ob"}
        ),
    )
