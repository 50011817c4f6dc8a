"""German words of account chat by kind: each form is read with its sign."""

from __future__ import annotations

import pytest

from bot.domain.sentiment.foreign import score_with
from bot.domain.sentiment.german import german
from bot.domain.sentiment.reading import read_comment

# Outages, missed commitments, careless work, anger; Austrian and Swiss words.
BAD = [
    "panne",
    "pannen",
    "lahmgelegt",
    "stillstand",
    "eingefroren",
    "abgebrochen",
    "unterbrochen",
    "unterbruch",
    "datenverlust",
    "gescheitert",
    "sicherheitslücke",
    "versäumt",
    "versäumnis",
    "überschritten",
    "verstoß",
    "vertröstet",
    "hingehalten",
    "verschleppt",
    "unerledigt",
    "ausstehend",
    "ausständig",
    "unbearbeitet",
    "liegengelassen",
    "lückenhaft",
    "ungenau",
    "widersprüchlich",
    "intransparent",
    "unbrauchbar",
    "pfusch",
    "murks",
    "saumäßig",
    "mängel",
    "beanstandung",
    "beanstandet",
    "bemängelt",
    "reklamation",
    "reklamiert",
    "rückschlag",
    "mühsam",
    "holprig",
    "skandal",
    "desaströs",
    "fiasko",
    "debakel",
    "zach",
    "sekkant",
    "harzig",
    "patschert",
    "grauslich",
    "pallawatsch",
    "scheiterte",
    "versäumten",
    "vertröstest",
    "verschleppte",
    "überlastung",
    "lückenhafte",
    "unterbrüche",
    "unterbrochene",
    "unterbrechung",
    "abgebrochene",
    "stillstände",
    "lahmgelegte",
    "beanstandungen",
    "reklamierte",
    "bemängelte",
    "unbrauchbare",
    "unerledigte",
    "unbearbeitete",
    "intransparente",
    "pfuscherei",
    "desaströse",
    "miserable",
    "mühsame",
    "widersprüchliche",
    "holprige",
]
# Praise, relief, things restored, verdicts a negation turns; Austrian and Swiss words.
GOOD = [
    "einwandfrei",
    "tadellos",
    "lösungsorientiert",
    "kulant",
    "termintreu",
    "prompt",
    "rasch",
    "transparent",
    "gratulation",
    "gratuliere",
    "glückwunsch",
    "wertschätzung",
    "gerettet",
    "bravourös",
    "entlastet",
    "entlastung",
    "wiederhergestellt",
    "aufgeholt",
    "optimiert",
    "eingehalten",
    "erreicht",
    "zumutbar",
    "vertretbar",
    "eingetroffen",
    "angekommen",
    "vollständig",
    "beschleunigt",
    "leiwand",
    "bärig",
    "tipptopp",
    "speditiv",
    "gäbig",
    "einwandfreie",
    "tadellose",
    "glückwünsche",
    "lösungsorientierte",
    "termintreue",
    "effizienz",
    "kulante",
    "erleichternd",
    "wiederhergestellte",
    "beschleunigung",
]
# Compounds read by their head ("Systemausfall", "Lieferverzögerungen").
BAD_COMPOUNDS = [
    "systemausfall",
    "serverabstürze",
    "netzwerkpanne",
    "datenbankstörungen",
    "stromunterbruch",
    "netzunterbrechung",
    "netzunterbrechungen",
    "produktionsstillstand",
    "datenverluste",
    "lieferverzug",
    "lieferverzögerung",
    "lieferverzögerungen",
    "zugverspätung",
    "zugverspätungen",
    "arbeitsrückstand",
    "arbeitsrückstände",
    "personalengpass",
    "personalengpässe",
    "buchungsfehler",
    "netzwerkprobleme",
    "fachkräftemangel",
    "qualitätsmängel",
    "organisationschaos",
    "kundenbeschwerde",
    "kundenbeschwerden",
    "kundenreklamation",
    "kundenreklamationen",
    "sicherheitslücken",
    "abrechnungsdesaster",
    "migrationsfiasko",
    "riesenärger",
]
GOOD_COMPOUNDS = ["prozessverbesserung"]


@pytest.mark.parametrize("word", BAD + BAD_COMPOUNDS)
def test_a_word_of_trouble_reads_negative(word: str) -> None:
    assert german().valence(word) < 0


@pytest.mark.parametrize("word", GOOD + GOOD_COMPOUNDS)
def test_a_word_of_praise_or_relief_reads_positive(word: str) -> None:
    assert german().valence(word) > 0


@pytest.mark.parametrize("word", ["freigabe", "freigaben", "sicherheit"])
def test_a_topic_the_general_lexicon_judges_is_no_verdict(word: str) -> None:
    assert german().valence(word) == 0.0


def test_a_compound_head_needs_a_first_part() -> None:
    rules = german()
    assert rules.valence("systemausfall") < 0
    assert rules.valence("abausfall") == 0.0  # two letters are no first part


@pytest.mark.parametrize(
    "text",
    [
        "Das Handbuch liegt noch nicht vor.",
        "Die Abnahme steht noch aus.",
        "Die Freigabe ist bis heute nicht da.",
        "Die Lizenzschlüssel sind bis heute nicht da.",
    ],
)
def test_something_not_arrived_yet_reads_negative(text: str) -> None:
    assert score_with(german(), text)[0].polarity < -0.05


@pytest.mark.parametrize(
    "text", ["Das SLA wurde nicht eingehalten.", "Das Ziel wurde nicht erreicht."]
)
def test_a_verdict_negated_reads_negative(text: str) -> None:
    assert score_with(german(), text)[0].polarity < -0.05


@pytest.mark.parametrize(
    ("word", "sign"),
    [
        ("gute", 1),
        ("guter", 1),
        ("gutes", 1),
        ("gutem", 1),
        ("reingehängt", 1),
        ("reingekniet", 1),
        ("keller", -1),
        ("warteschleife", -1),
        ("guten", 0),
        ("update", 0),
        ("dickes", 0),
    ],
)
def test_colloquial_words_and_the_declined_good_read_with_their_sign(word: str, sign: int) -> None:
    valence = german().valence(word)
    assert (valence > 0) - (valence < 0) == sign


@pytest.mark.parametrize(
    "text",
    [
        "Das Ergebnis lässt zu wünschen übrig.",
        "Wir haben die Nase gestrichen voll.",
        "Das Projekt ist aus dem Ruder gelaufen.",
        "Die Doku ist unter aller Kanone.",
        "Es klappt leider nicht.",
        "Das passt so nicht.",
        "Der Dienstleister reagiert nicht.",
        "Gut ist das nicht.",
        "Die Qualität ist auf der Strecke geblieben.",
        "Die Freigabe ist der Flaschenhals.",
    ],
)
def test_an_idiom_or_a_negation_after_the_verb_reads_negative(text: str) -> None:
    assert score_with(german(), text)[0].polarity < -0.05


@pytest.mark.parametrize(
    "text",
    [
        "Das Team hat sich ins Zeug gelegt.",
        "Sie haben sich voll eingesetzt.",
        "Die Doku ist erste Sahne.",
        "Die Migration lief wie geschmiert.",
        "Es klappt nicht nur technisch.",
    ],
)
def test_effort_and_not_only_read_positive(text: str) -> None:
    assert score_with(german(), text)[0].polarity > 0.05


def test_a_greeting_is_no_verdict() -> None:
    assert score_with(german(), "Guten Morgen, kurze Info zum Release.")[0].polarity == 0.0


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("Das Release war ein Desaster.", -1),
        ("Die Umstellung war ein Fiasko.", -1),
        ("So macht das keinen Spaß mehr.", -1),
        ("Die Arbeit mit euch macht Spaß.", 1),
    ],
)
def test_a_disaster_said_plainly_and_the_fun_taken_away(text: str, sign: int) -> None:
    reading = read_comment(text, "de")
    assert reading.sentiment is not None
    assert reading.sentiment.polarity * sign > 0.05
