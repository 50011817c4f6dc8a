"""A digest made ready to send: summary, blocks, chart, file name and title, rendered once."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from bot.domain.retries import Timing
from bot.services.delivery.digests import DIGEST_EVENT, render, send_file
from bot.services.digest.weekly import send_due_digests
from bot.services.messenger import Tag
from bot.views.digest_message import render_blocks
from storage.db import Database
from storage.models import DigestDelivery
from tests.bot.services.digest.test_weekly import BERLIN_SPONSORS, MONDAY_8_BERLIN, engagements
from tests.support.blockkit import check_message, text_of
from tests.support.digests import CLIENT, PROVIDER, digest, points
from tests.support.fake_messenger import FakeMessenger, Upload, dm_of

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


def claims(database: Database) -> dict[int, tuple[str, str | None]]:
    with database.reading() as session:
        rows = session.execute(
            select(DigestDelivery.id, DigestDelivery.status, DigestDelivery.error)
        ).all()
    return {claim: (status, error) for claim, status, error in rows}


def test_each_sponsor_gets_one_tagged_digest_and_its_chart(database: Database) -> None:
    engagements(database)
    messenger = FakeMessenger()
    assert send_due_digests(database, messenger, MONDAY_8_BERLIN) == 2
    assert send_due_digests(database, messenger, MONDAY_8_BERLIN + timedelta(hours=1)) == 0
    tags = {claim: Tag(DIGEST_EVENT, "delivery", claim) for claim in claims(database)}
    for sponsor in BERLIN_SPONSORS:
        [posted] = messenger.posted_to(sponsor)
        assert posted.tag in tags.values() and posted.exactly_once
        assert [u.channel for u in messenger.uploads if u.channel == dm_of(sponsor)] == [
            dm_of(sponsor)
        ]
    assert set(claims(database).values()) == {("sent", None)}


def test_an_uncertain_digest_that_landed_is_found_and_only_its_chart_follows(
    database: Database,
) -> None:
    engagements(database)
    messenger = FakeMessenger()
    messenger.fail("post", "uncertain", "timeout", landed=True)
    send_due_digests(database, messenger, MONDAY_8_BERLIN, Timing(timedelta(seconds=5)))
    assert ("sending", "timeout") in claims(database).values()
    send_due_digests(database, messenger, MONDAY_8_BERLIN + timedelta(seconds=10))
    assert "find_tagged" in messenger.methods()
    assert sorted(len(messenger.posted_to(s)) for s in BERLIN_SPONSORS) == [1, 1]
    assert len(messenger.uploads) == 2
    assert set(claims(database).values()) == {("sent", None)}


def test_a_refusal_ends_the_week_and_a_failed_chart_is_noted(database: Database) -> None:
    engagements(database)
    messenger = FakeMessenger()
    messenger.fail("post", "refused", "user_disabled")
    messenger.fail("upload", "uncertain", "http_503")
    send_due_digests(database, messenger, MONDAY_8_BERLIN)
    assert sorted(claims(database).values()) == [
        ("failed", "user_disabled"),
        ("sent", "chart: http_503"),
    ]
    assert len(messenger.uploads) == 0


def test_a_file_goes_to_the_persons_dm() -> None:
    messenger = FakeMessenger()
    assert send_file(messenger, "U0LEAD", "a,b\n", "export.csv", "Export") == dm_of("U0LEAD")
    assert messenger.uploads == [Upload(dm_of("U0LEAD"), "export.csv", "Export", "a,b\n")]
