"""Guides for leads and sponsors in their words; engineering detail waits in an appendix."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
APPENDIX = "## Appendix: engineering detail"
ENGINEERING = (
    "SHA-256",
    "HMAC",
    "upsert",
    "conditional update",
    "bot/",
    "storage/",
    "tests/",
    ".py",
    "SQL",
    "rowcount",
)
LAYERED = ("alerts.md",)


@pytest.mark.parametrize("name", LAYERED)
def test_what_a_lead_reads_comes_first_and_engineering_words_only_in_the_appendix(
    name: str,
) -> None:
    text = (ROOT / "docs" / name).read_text()
    assert text.count(APPENDIX) == 1
    for_people, appendix = text.split(APPENDIX)
    found = [word for word in ENGINEERING if word in for_people]
    assert found == [], f"docs/{name} says {found} before its appendix"
    assert "## " not in appendix.replace("### ", ""), "the appendix is the last section"
    assert any(word in appendix for word in ENGINEERING)


def anchor(heading: str) -> str:
    """GitHub's anchor for a heading."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def test_links_into_the_alerts_guide_land_on_a_heading() -> None:
    headings = {
        anchor(line.lstrip("#"))
        for line in (ROOT / "docs" / "alerts.md").read_text().splitlines()
        if line.startswith("#")
    }
    sources = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    linked = {
        match
        for source in sources
        for match in re.findall(r"alerts\.md#([\w\-]+)", source.read_text())
    }
    linked |= set(re.findall(r"\]\(#([\w\-]+)\)", (ROOT / "docs" / "alerts.md").read_text()))
    assert linked and linked <= headings, linked - headings
