"""Finding a comment's cues: each once per place, the strongest of a family, news by its metric."""

from __future__ import annotations

from bot.domain.sentiment.cues import find_cues
from bot.domain.sentiment.tokens import tokenize


def cues(text: str) -> list[tuple[str, str, float]]:
    tokens = tokenize(text)
    return [
        (cue.rule, " ".join(t.word for t in tokens[cue.start : cue.end]), cue.valence)
        for cue in find_cues(tokens)
    ]


def test_a_comment_without_a_trigger_word_has_no_cue() -> None:
    assert cues("Great work, thanks.") == [] and cues("") == []


def test_each_cue_spans_the_words_it_claims() -> None:
    assert cues("We have been waiting for three weeks for the report.") == [
        ("waiting", "for three weeks", -1.4)
    ]


def test_a_moved_figure_is_good_or_bad_news_by_its_metric() -> None:
    (good,) = cues("Backlog down to 40 from 120.")
    assert good[0] == "improvement" and good[2] > 0
    worse = cues("CSAT down to 40 from 80.")
    assert worse and worse[0][0] == "worse figures" and worse[0][2] < 0


def test_one_cue_per_family_per_place_in_order() -> None:
    found = cues("I had to chase them again for the invoice.")
    rules = [rule for rule, _, _ in found]
    assert len(rules) == len(set(rules))
    tokens = tokenize("I had to chase them again for the invoice.")
    starts = [cue.start for cue in find_cues(tokens)]
    assert starts == sorted(starts)


def test_no_cue_reaches_across_a_clause_end() -> None:
    assert cues("We are nearly three weeks behind.")
    assert "waiting" not in {
        rule for rule, _, _ in cues("We are nearly done, weeks ahead of plan.")
    }
