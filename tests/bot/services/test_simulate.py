"""`rapport simulate` as an operator runs it: a real process, the same files for the same seed."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
from PIL import Image

ROOT = Path(__file__).parents[3]
FILES = ("digest.txt", "digest.png", "alerts.txt", "messages.txt", "pulses.csv")

# A whole simulated story: out of the fast loop, in every full run.
pytestmark = pytest.mark.slow


def simulate(out: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", "simulate", *args, "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture(scope="module")
def seed_1(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """Twelve weeks of seed 1, simulated once for the tests that read its files."""
    out = tmp_path_factory.mktemp("seed_1")
    return out, simulate(out, "--weeks", "12", "--seed", "1")


def test_the_same_seed_writes_the_same_files_and_a_divergence_opens_and_resolves(
    seed_1: tuple[Path, subprocess.CompletedProcess[str]], tmp_path: Path
) -> None:
    first, second = seed_1[0], tmp_path / "second"
    for done in (seed_1[1], simulate(second, "--weeks", "12", "--seed", "1")):
        assert done.returncode == 0, done.stderr
        assert "divergence 1" in done.stdout and "Traceback" not in done.stderr
        assert "Escalated to the sponsors: 5. Fixed at account level: 3." in done.stdout
    for name in FILES:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name

    events = (first / "alerts.txt").read_text().splitlines()
    opened = next(i for i, e in enumerate(events) if "divergence:client opened" in e)
    resolved = next(i for i, e in enumerate(events) if "divergence:client resolved" in e)
    assert opened < resolved
    assert "The client side is at" in events[opened]

    # The README's example blocks are this run's, word for word (all but an elision).
    messages = (first / "messages.txt").read_text()
    history = (first / "alerts.txt").read_text()
    quoted = readme_examples()
    assert len(quoted) >= 20
    for line in quoted:
        assert line in messages or line in history, line
    assert "decline:provider resolved" in history and "Fixed at account level." in history

    digest = (first / "digest.txt").read_text()
    assert digest.startswith("*Acme deal* — client ") and "since baseline" in digest
    # Nobody's answer is attributed: no member is named, by id or by name.
    assert "U0SIM" not in digest and "member" not in digest
    image = Image.open(first / "digest.png")
    assert image.format == "PNG" and image.size == (1600, 900)
    assert len((first / "pulses.csv").read_text().splitlines()) == 1 + 12


def readme_examples() -> list[str]:
    """The quoted lines of the README's section on `rapport simulate`, elisions left out."""
    readme = (ROOT / "README.md").read_text()
    section = readme[readme.index("## See it without Slack") :]
    section = section[section.index("rapport simulate --weeks 12 --seed 1") :]
    section = section[: section.index("\n## ")]
    return [
        line.removeprefix("> ")
        for line in section.splitlines()
        if line.startswith("> ") and "…" not in line
    ]


def test_the_files_read_true_where_a_sponsor_reads_them(
    seed_1: tuple[Path, subprocess.CompletedProcess[str]],
) -> None:
    """Each defect a reader found in the seed 1 files, pinned through the real command."""
    out, done = seed_1
    assert done.returncode == 0
    texts = {name: (out / name).read_text() for name in FILES if name.endswith(".txt")}
    for name, text in texts.items():
        # Plain text: Slack's date, mention and channel tokens rendered, none left raw.
        for token in ("<!date^", "<@", "<#", "&lt;", "&gt;", "&amp;", "(s)"):
            assert token not in text, (name, token)
    messages, history, digest = texts["messages.txt"], texts["alerts.txt"], texts["digest.txt"]
    assert "@Dana (Acme lead)" in history and "escalated to @Robin (Acme sponsor) by DM" in history
    assert "• Fri 07 Feb 09:00 UTC: opened." in history

    # Each resolved line once per message, naming its side, oldest resolution first.
    for message in messages.split("\n\n--- "):
        resolved = [line for line in message.splitlines() if "~ resolved " in line]
        assert len(set(resolved)) == len(resolved)
        assert "~Satisfaction is falling~" not in message
        said = [line.split("~ resolved ")[1][4:10] for line in resolved]  # "21 Feb"
        days = [datetime.strptime(f"{day} 2025", "%d %b %Y") for day in said]
        assert days == sorted(days), message
    assert "~Satisfaction is falling on the provider side~ resolved Fri 21 Feb" in messages

    # The escalation DM's owner and actions are its finding's own, and agree.
    escalations = history.split("escalated to @Robin (Acme sponsor) by DM:\n")[1:]
    assert len(escalations) == 5
    for dm in escalations:
        dm = dm.split("*What we need from you*")[0]
        has_action = "Joint 30-minute review" in dm
        assert ("owns the action below" in dm) == has_action, dm
        assert ("*Owner*: nobody yet" in dm) == (not has_action), dm
        assert ("none agreed on this finding yet" in dm) == (not has_action), dm
        assert " · for: " not in dm

    # With no open alert, no action of a resolved finding is called overdue.
    assert "*Open alerts*: none." in digest and "Overdue" not in digest
    assert "closed when its finding resolved, not marked done" in messages
    assert "8 findings opened" in digest and "finding(s)" not in digest
    assert "held 3 pulses" not in digest and "baseline at each of the last 3 pulses" in digest


def test_another_seed_tells_another_story(tmp_path: Path) -> None:
    assert simulate(tmp_path / "a", "--weeks", "6", "--seed", "1").returncode == 0
    assert simulate(tmp_path / "b", "--weeks", "6", "--seed", "2").returncode == 0
    assert (tmp_path / "a" / "pulses.csv").read_text() != (
        tmp_path / "b" / "pulses.csv"
    ).read_text()


def test_weeks_out_of_range_is_refused_without_a_traceback(tmp_path: Path) -> None:
    done = simulate(tmp_path, "--weeks", "0")
    assert done.returncode == 2 and "weeks must be a whole number from 1 to 520" in done.stderr
    assert "Traceback" not in done.stderr


def test_the_readme_shows_the_chart_simulate_draws() -> None:
    readme = (ROOT / "README.md").read_text()
    assert "rapport simulate --weeks 12 --seed 1" in readme
    assert "![" in readme and "docs/digest-example.png" in readme
    image = Image.open(ROOT / "docs" / "digest-example.png")
    assert image.format == "PNG" and image.size == (1600, 900)


def test_locale_shows_the_demo_in_that_language(tmp_path: Path) -> None:
    done = simulate(tmp_path, "--weeks", "6", "--seed", "1", "--locale", "de-DE")
    assert done.returncode == 0, done.stderr
    messages = (tmp_path / "messages.txt").read_text(encoding="utf-8")
    assert "Toleranz 70" in messages and "Nächster Schritt" in messages
    assert "Neu in diesem Puls." in messages and "New this pulse" not in messages
    assert "unter ihrer Toleranz von 70" in messages and "below its tolerance" not in messages
