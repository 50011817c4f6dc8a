"""`rapport simulate` as an operator runs it: a real process, the same files for the same seed."""

from __future__ import annotations

import subprocess
import sys
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


def test_the_same_seed_writes_the_same_files_and_a_divergence_opens_and_resolves(
    tmp_path: Path,
) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    for out in (first, second):
        done = simulate(out, "--weeks", "12", "--seed", "1")
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

    # The README's example messages are this run's, word for word.
    readme = (ROOT / "README.md").read_text()
    messages = (first / "messages.txt").read_text()
    history = (first / "alerts.txt").read_text()
    for line in (
        "*The client side is unhappy and the provider side doesn't know it* — Acme deal",
        "*Client* (Acme) · *37* · tolerance 70 · 7 of 7 answered",
        "What is driving it — client: responsiveness, 3 of 5; provider: ways of working, 4 of 6 "
        "— you are not arguing about the same thing.",
        "*Next step:* Bring the SLA and the feeling to the same table: both leads go through "
        "the green SLA report with the client side and ask what it does not show.",
    ):
        assert line in readme and line in messages, line
    for line in (
        "*Escalated to you: Watermelon: SLAs green, client unhappy* — Acme deal (open for 14 days)",
        ": Worse: the client side fell from 37 to 21.",
        "• Joint 30-minute review of the top driver with both leads — <@U0SIMLEAD>, due Sat 15 "
        "Feb (for: The two sides see the relationship differently)",
        "SLA now amber: the watermelon rule no longer applies, but the client is still at 57, "
        "below its 70",
    ):
        assert line in readme and line in history, line
    assert "decline:provider resolved" in history and "Fixed at account level." in history

    digest = (first / "digest.txt").read_text()
    assert digest.startswith("*Acme deal* — client ") and "since baseline" in digest
    # Nobody's answer is attributed: the only person named is the owner of each action.
    named = [line for line in digest.splitlines() if "U0SIM" in line]
    assert named and all("Overdue:" in line and "<@U0SIMLEAD>" in line for line in named)
    assert "U0SIMC" not in digest and "U0SIMP" not in digest
    image = Image.open(first / "digest.png")
    assert image.format == "PNG" and image.size == (1600, 900)
    assert len((first / "pulses.csv").read_text().splitlines()) == 1 + 12


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
