"""The portfolio digest's content: the portfolio on top, a section per engagement needing you."""

from __future__ import annotations

import io
import json

from PIL import Image

from bot.services.digest.portfolio_digest import portfolio_digest
from tests.handlers.commands.test_portfolio import other_engagement
from tests.support.digests_flow import SPONSOR, with_history
from tests.support.running import RunningApp


def test_the_portfolio_then_a_section_for_the_one_that_needs_you(rapport: RunningApp) -> None:
    with_history(rapport)
    other_engagement(rapport, SPONSOR)
    with rapport.database.reading() as session:
        content = portfolio_digest(session, ("T0RAPPORT", SPONSOR), rapport.clock(), "UTC")
    texts = [json.dumps(block, ensure_ascii=False) for block in content.blocks]
    assert content.summary == "Your portfolio this week: 2 engagements, 1 needs attention."
    assert "1. *Acme deal* (sponsor)" in texts[0] and "2. *Other deal* (sponsor)" in texts[0]
    needs = next(i for i, text in enumerate(texts) if "*Needs you*" in text)
    sections = texts[needs + 1 :]
    assert len(sections) == 1  # Other deal needs nothing: its line above is all it gets
    assert "*Acme deal* — client 16 (below its 70)" in sections[0]
    assert "Open alerts" in sections[0]
    image = Image.open(io.BytesIO(content.chart))
    assert image.format == "PNG" and image.size[0] == 2 * 320  # two panels side by side
    assert "each of your 2 engagements" in content.chart_alt
