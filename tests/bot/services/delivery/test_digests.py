"""A digest made ready to send: summary, blocks, chart, file name and title, rendered once."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.services.delivery.digests import render
from bot.slack.digest_text import render_blocks
from tests.support.blockkit import check_message, text_of
from tests.support.digests import CLIENT, PROVIDER, digest, points

PNG = b"\x89PNG\r\n\x1a\n"


def test_the_summary_is_the_first_line_of_the_digest() -> None:
    rendered = render(digest(points(CLIENT, PROVIDER)))
    assert rendered.summary == (
        "*Acme deal* — client 54 (below its 70), provider 81 (above its 60); gap 27, widening."
    )
    assert "\n" not in rendered.summary


def test_the_blocks_are_the_digest_and_valid() -> None:
    made = digest(points(CLIENT, PROVIDER))
    rendered = render(made)
    check_message(rendered.blocks)
    assert rendered.blocks == render_blocks(made)
    assert rendered.summary in text_of(rendered.blocks)


def test_the_chart_is_a_png_and_described_for_screen_readers() -> None:
    rendered = render(digest(points(CLIENT, PROVIDER)))
    assert rendered.chart.startswith(PNG)
    assert rendered.chart_alt.startswith("Chart of Acme deal: both sides' index")


def test_file_name_and_title_carry_the_engagement_and_the_local_date() -> None:
    # 23:30 UTC on Sunday 13 April is already Monday 14 April in Paris.
    late = datetime(2025, 4, 13, 23, 30, tzinfo=UTC)
    rendered = render(digest(points(CLIENT, PROVIDER), now=late))
    assert rendered.filename == "rapport-acme-deal-2025-04-14.png"
    assert rendered.title == "Acme deal — week of 14 Apr"
    assert rendered.engagement == "Acme deal"


def test_an_accented_name_keeps_its_letters_in_the_file_name() -> None:
    rendered = render(digest(points(CLIENT, PROVIDER), engagement="Société Générale & Çà"))
    assert rendered.filename.startswith("rapport-societe-generale-ca-")


def test_a_name_with_no_letters_or_digits_still_gets_a_file_name() -> None:
    nameless = render(digest(points(CLIENT, PROVIDER), engagement="£££"))
    assert nameless.filename.startswith("rapport-engagement-")


def test_a_digest_before_any_pulse_closed_still_renders() -> None:
    rendered = render(digest([], engagement="New deal"))
    check_message(rendered.blocks)
    assert rendered.summary.startswith("*New deal* — no pulse has closed yet")
    assert rendered.chart.startswith(PNG)
