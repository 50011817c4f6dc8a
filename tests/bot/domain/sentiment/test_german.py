"""The German reader: its lexicon through inflected forms, negation, degree and its cues."""

from __future__ import annotations

import pytest

from bot.domain.sentiment.foreign import score_with
from bot.domain.sentiment.german import german


def polarity(text: str) -> float:
    return score_with(german(), text)[0].polarity


def test_opinion_words_carry_their_sign_through_their_endings() -> None:
    rules = german()
    assert rules.code == "de"
    assert rules.valence("schrecklich") < 0 < rules.valence("gut")
    assert rules.valence("schrecklichen") == rules.valence("schrecklich")
    assert rules.knows("Das ist gut") and not rules.knows("the report")


def test_a_negation_turns_and_a_degree_word_raises() -> None:
    plain = polarity("Der Service war gut.")
    assert plain > 0
    assert polarity("Der Service war nicht gut.") < 0
    assert polarity("Der Service war sehr gut.") > plain


def test_an_account_chat_cue_reads_as_bad_news() -> None:
    assert polarity("Wir warten seit drei Wochen auf den Bericht.") < 0
    assert polarity("Keine Störungen diesen Monat.") > 0


def test_the_rules_are_built_once() -> None:
    assert german() is german()


@pytest.mark.parametrize(
    "text",
    [
        "Der Bericht für November fehlt nach wie vor.",
        "Bei den Übergaben hapert es noch.",
        "Bei der Abstimmung harzt es seit Wochen.",
        "Heuer schon die dritte Verschiebung vom Go-live.",
        "Wir liegen eine Woche hinter Plan.",
        "Seit der Umstellung warten Kolleginnen sechs Wochen auf ihr Geld.",
        "Wir haben 14 Tage auf die Abnahme gewartet.",
        "Die Bereinigung war für September zugesagt.",
        "Mitarbeitende in Elternzeit haben keine Bescheinigung bekommen.",
        "Die Anforderungen haben sich nach der Abnahme nochmal komplett geändert.",
        "Auf der Rechnung sind 40 Stunden, die wir nie beauftragt haben.",
        "Die Antworten sind freundlich, helfen aber niemandem weiter.",
        "Wir haben einen erfahrenen Buchhalter erwartet und einen Berufsanfänger bekommen.",
        "Wir werden eine Überprüfung des Vertrags beantragen.",
        "Wir haben das unserem Geschäftsführer vorgelegt.",
        "Die Zahl der Tickets erreichte 300, der höchste Stand des Jahres.",
        "Die Preiserhöhung kam ohne jede Erklärung.",
        "Die Antworten sind höflich, beantworten aber selten die Frage.",
        "Ich mache mir Sorgen, dass das Wissen bei zwei Personen liegt.",
        "Ich verliere das Vertrauen in die Roadmap.",
        "Ich hatte mehr strategische Impulse von Ihrer Seite erwartet.",
        "Es sollte nicht meine Beteiligung brauchen, um eine P1 zu lösen.",
        "Drei Account Manager in achtzehn Monaten.",
        "Könnte besser sein.",
        "Das Angebot ist bislang nicht freigegeben.",
        "Die Fachabteilung hat die Tests abgebrochen, ohne uns Bescheid zu geben.",
        "Wieder nur die Hälfte der Paletten geliefert.",
        "Sie möchten einen zweiten Anbieter für den Service Desk einbinden.",
        "Wir holen die Lagerlogistik wieder ins Haus.",
        "Wenn das so weitergeht, sprechen wir uns im Lenkungskreis.",
        "Wir warten immer noch auf die Schnittstellenbeschreibung.",
        "Die Nachtladung ist wieder nicht durchgelaufen.",
        "Wenn die Zahlen bis Ende März nicht stimmen, geht das an die Revision.",
        "Von den 14 zugesagten Reports sind bisher 5 geliefert.",
        "Der Kunde hat 3 Laptops bestellt und keiner weiß, wer sie abholen soll.",
        "Das Mapping wurde ohne Abstimmung geändert.",
        "Es gibt noch viel zu verbessern.",
    ],
)
def test_verdicts_told_as_facts_are_complaints(text: str) -> None:
    assert polarity(text) < -0.05


@pytest.mark.parametrize(
    "text",
    [
        "Die Kreditorenläufe sind alle fristgerecht durchgegangen.",
        "Merci vielmal!",
        "Riesendank an mein Team!",
        "Merci vielmal für den Einsatz am Samstag, das hat uns den Abschluss gerettet.",
        "Vielen Dank an Frau Yilmaz, die sich am Feiertag um die fehlerhaften Abrechnungen "
        "gekümmert hat.",
        "Seit der neue Teamleiter da ist, haben wir keine offenen P1 mehr.",
        "Keine einzige Rückfrage von der Revision dieses Jahr.",
        "Die Übergabe läuft jetzt ohne Reibungsverluste.",
        "Null offene Tickets über 5 Tage alt, erstes Mal dieses Jahr.",
        "Der Abschluss war einen Tag früher fertig als im Vertrag vorgesehen.",
        "Die Gutschriften kamen, ohne dass wir nachfragen mussten.",
        "Beschwerden von Lieferanten sind fast vollständig verschwunden.",
        "Die Fehlerquote ist von 4 % auf 0,8 % zurückgegangen.",
        "Kein einziger Transportschaden im ganzen Monat.",
        "Die offenen Changes konnten wir von 58 auf 12 reduzieren.",
        "Sie haben den Fehler gefunden, bevor er in den Monatsbericht ging.",
        "Passt.",
    ],
)
def test_good_news_told_as_facts_is_praise(text: str) -> None:
    assert polarity(text) > 0.05


def test_courtesies_and_a_finished_report_carry_no_opinion() -> None:
    assert polarity("Wir bitten um eine Stellungnahme bis Ende der Woche.") == 0
    assert polarity("Der Bericht ist fertig.") == 0


def test_a_repetition_word_makes_a_complaint_worse() -> None:
    assert polarity("Die Testdaten fehlen weiterhin.") < polarity("Die Testdaten fehlen.") < 0
