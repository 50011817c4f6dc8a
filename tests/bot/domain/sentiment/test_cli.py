"""`rapport score`: one JSON object per input line, from the same function the bot uses."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest

from bot.domain.sentiment import score_text
from bot.domain.sentiment.cli import run_score


def test_each_line_gives_one_json_object_with_the_bots_score() -> None:
    lines = ["They missed the SLA again", "", "Great work on the release :tada:"]
    stdout = io.StringIO()

    code = run_score(io.StringIO("\n".join(lines) + "\n"), stdout)

    records = [json.loads(line) for line in stdout.getvalue().splitlines()]
    assert code == 0
    assert len(records) == len(lines)
    for text, record in zip(lines, records, strict=True):
        assert set(record) == {"polarity", "subjectivity", "label", "language"}
        assert record["language"] == "en"
        expected = score_text(text)
        assert record["polarity"] == pytest.approx(expected.polarity)
        assert record["label"] == expected.label
    assert [r["label"] for r in records] == ["negative", "neutral", "positive"]


def test_a_comment_without_a_scorer_for_its_language_is_unscored_and_says_why() -> None:
    stdout = io.StringIO()
    run_score(io.StringIO("Toujours aucune réponse depuis lundi, c'est pénible.\n"), stdout, True)
    record = json.loads(stdout.getvalue())
    assert (record["polarity"], record["label"], record["language"]) == (None, "unscored", "fr")
    assert "French" in record["reason"] and "rating alone" in record["reason"]
    assert record["explain"] == []


def test_explain_shows_the_language_and_the_rules_of_that_language() -> None:
    stdout = io.StringIO()
    run_score(io.StringIO("Die Zusammenarbeit ist toll, alle antworten schnell.\n"), stdout, True)
    record = json.loads(stdout.getvalue())
    assert (record["language"], record["detected_by"], record["label"]) == (
        "de",
        "words",
        "positive",
    )
    assert {c["phrase"] for c in record["explain"]} == {"toll", "schnell"}


def test_a_given_language_overrides_detection() -> None:
    stdout = io.StringIO()
    run_score(io.StringIO("gut\nprima\n"), stdout, language="de")
    records = [json.loads(line) for line in stdout.getvalue().splitlines()]
    assert [r["language"] for r in records] == ["de", "de"]
    assert all(r["label"] == "positive" for r in records)


def test_windows_line_endings_do_not_change_the_score() -> None:
    stdout = io.StringIO()
    run_score(io.StringIO("Response times could be better.\r\n"), stdout)
    assert json.loads(stdout.getvalue())["label"] == "negative"


def test_empty_input_prints_nothing() -> None:
    stdout = io.StringIO()
    assert run_score(io.StringIO(""), stdout) == 0
    assert stdout.getvalue() == ""


@pytest.mark.slow
def test_rapport_score_command_end_to_end() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "bot", "score"],
        input="They missed the SLA again\nTicket backlog is finally under control 👍\n",
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert records[0]["polarity"] < 0
    assert records[0]["label"] == "negative"
    assert records[1]["label"] == "positive"
    assert all(-1 <= r["polarity"] <= 1 and 0 <= r["subjectivity"] <= 1 for r in records)


def test_explain_lists_the_rules_that_moved_the_score() -> None:
    stdout = io.StringIO()
    text = "Fourth reminder about the credit note, still nothing\n"

    run_score(io.StringIO(text), stdout, explain=True)

    record = json.loads(stdout.getvalue())
    assert record["label"] == "negative"
    explained = record["explain"]
    assert {"rule", "phrase", "effect"} <= set(explained[0])
    assert {"chasing", "waiting"} <= {item["rule"] for item in explained}
    assert all(item["effect"] < 0 for item in explained if item["rule"] == "chasing")
    # Largest effect first, and the effects add up to the polarity.
    effects = [abs(item["effect"]) for item in explained]
    assert effects == sorted(effects, reverse=True)
    total = sum(item["effect"] for item in explained)
    assert total == pytest.approx(record["polarity"], abs=0.01)


def test_explain_shows_good_news_and_no_stance() -> None:
    stdout = io.StringIO()
    run_score(
        io.StringIO("Open bugs down to 9 from 60\nCan you send the rota, thanks?\n"), stdout, True
    )
    good, request = (json.loads(line) for line in stdout.getvalue().splitlines())
    assert good["label"] == "positive"
    assert good["explain"][0]["rule"] == "improvement"
    assert good["explain"][0]["phrase"] == "open bugs down to 9 from 60"
    assert request["label"] == "neutral"
    assert "no stance" in {item["rule"] for item in request["explain"]}


def test_without_explain_the_record_has_no_explanation() -> None:
    stdout = io.StringIO()
    run_score(io.StringIO("Open bugs down to 9 from 60\n"), stdout)
    assert "explain" not in json.loads(stdout.getvalue())


def test_explain_of_an_empty_comment_is_empty() -> None:
    stdout = io.StringIO()
    run_score(io.StringIO("\n"), stdout, explain=True)
    assert json.loads(stdout.getvalue())["explain"] == []


@pytest.mark.slow
def test_rapport_score_takes_a_language_and_refuses_a_malformed_one() -> None:
    def score(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "bot", "score", *args],
            input="Die Lieferung kam wieder zu spät.\nTout va bien, merci\n",
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=120,
            check=False,
        )

    detected = [json.loads(line) for line in score("--explain").stdout.splitlines()]
    assert [(r["language"], r["label"]) for r in detected] == [
        ("de", "negative"),
        ("fr", "unscored"),
    ]
    given = [json.loads(line) for line in score("--lang", "de").stdout.splitlines()]
    assert [r["language"] for r in given] == ["de", "de"]
    refused = score("--lang", "german")
    assert refused.returncode == 2 and "two-letter language code" in refused.stderr
    assert "Traceback" not in refused.stderr
