"""The portfolio in words: one line per engagement, a heading, CSV rows, each sentence filled."""

from __future__ import annotations

from bot.domain.i18n import reading_as
from bot.domain.portfolio import rank
from bot.domain.portfolio_text import (
    csv_rows,
    engagements_words,
    line,
    needing_words,
    portfolio_text,
    reasons_words,
)
from tests.bot.domain.test_portfolio import EXAMPLE, NOW, figures, quiet, state
from tests.bot.domain.text_uses import fills, misfilled


def test_each_line_gives_the_figures_as_close_reports_them() -> None:
    by_name = {s.name: s for s in EXAMPLE}
    widening = line(state("W", latest=figures(85.9, 70.2), previous=figures(80, 75)))
    assert "client 85 · provider 70 · gap 15 (provider lower), widening" in widening
    assert "client _withheld_ · provider 75 · gap not shown" in line(by_name["Withheld"])
    assert "no pulse has closed yet" in line(by_name["New"])
    assert "1 open finding (1 escalated)" in line(by_name["Escalated"])
    assert "2 overdue actions" in line(by_name["Overdue"])
    assert "needs attention: a side going quiet" in line(by_name["Quiet"])
    assert "needs attention" not in line(by_name["Calm"])


def test_a_portfolio_of_one_and_of_none() -> None:
    one = portfolio_text([state("Solo")])
    assert one.startswith("*Your portfolio* — 1 engagement; none needs your attention")
    assert "1. *Solo* (sponsor)" in one
    assert "don't lead or sponsor any engagement" in portfolio_text([])


def test_the_csv_rows_keep_the_order_and_leave_withheld_figures_empty() -> None:
    rows = csv_rows(rank(EXAMPLE, NOW))
    assert [r["rank"] for r in rows] == [str(n) for n in range(1, len(EXAMPLE) + 1)]
    withheld = next(r for r in rows if r["engagement"] == "Withheld")
    assert withheld["client_index"] == "" and withheld["provider_index"] == "75"
    assert csv_rows([state("=cmd()")])[0]["engagement"] == "'=cmd()"


def test_every_sentence_a_caller_fills_gets_exactly_the_names_it_asks_for() -> None:
    assert fills("bot.domain.portfolio_text")
    assert misfilled("bot.domain.portfolio_text") == []


def test_a_name_cannot_break_out_of_its_line() -> None:
    said = line(state("<!channel> & co"))
    assert "*&lt;!channel&gt; &amp; co*" in said and "<!channel>" not in said


def test_counts_take_the_plural_the_reader_expects() -> None:
    assert (engagements_words(1), engagements_words(3)) == ("1 engagement", "3 engagements")
    assert (needing_words(1), needing_words(2)) == ("1 needs attention", "2 need attention")
    with reading_as("de"):
        assert engagements_words(1) != engagements_words(2)


def test_the_reasons_name_each_cause_once_in_the_readers_language() -> None:
    quiet_one = state("Q", latest=quiet(80, 75), overdue_actions=1)
    english = reasons_words(quiet_one)
    assert english.count(",") == len(quiet_one.reasons()) - 1 >= 1
    with reading_as("de"):
        assert reasons_words(quiet_one) != english
    assert reasons_words(state("Calm")) == ""


def test_the_heading_counts_those_needing_attention() -> None:
    text = portfolio_text(rank(EXAMPLE, NOW))
    needing = sum(1 for s in EXAMPLE if s.needs_attention)
    assert text.splitlines()[0].startswith(f"*Your portfolio* — {len(EXAMPLE)} engagements")
    assert f"({needing} need attention)" in text.splitlines()[0]
    assert len([x for x in text.splitlines() if x[:1].isdigit()]) == len(EXAMPLE)
