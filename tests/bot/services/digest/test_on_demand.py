"""The digest preview and the export on demand, DMed through the Messenger, and what the
person is told when Slack does not take them."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.domain.errors import NotPermitted
from bot.domain.people import Caller
from bot.services.digest.on_demand import Sent, by_name, send_export, send_preview
from bot.services.messenger import Tag
from tests.support.fake_messenger import (
    LEAD,
    TEAM,
    FakeContainer,
    FakeMessenger,
    engagement,
    fake_container,
)

THE_LEAD = Caller(TEAM, LEAD)
PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def fake() -> FakeMessenger:
    return FakeMessenger()


@pytest.fixture
def container(
    sqlite_template: Path, tmp_path: Path, fake: FakeMessenger
) -> Iterator[FakeContainer]:
    with fake_container(sqlite_template, tmp_path, fake) as made:
        engagement(made, people={"client": ["U0ANA"]})
        yield made


def test_the_preview_is_the_digest_in_the_dm_with_its_chart_under_it(
    container: FakeContainer, fake: FakeMessenger
) -> None:
    sent = send_preview(container, THE_LEAD, by_name(THE_LEAD, None))
    assert sent.ok and sent.text.startswith("I've sent you this week's digest of *Acme deal*")
    (post,) = fake.posted_to(LEAD)
    assert post.text.startswith("*Acme deal*") and post.blocks
    assert (post.tag, post.exactly_once) == (Tag("rapport_digest", "delivery", 0), True)
    (chart,) = fake.uploads
    assert chart.channel == "D0LEAD" and chart.file is not None and chart.file.startswith(PNG)
    assert chart.alt_text is not None and chart.alt_text.startswith("Chart of Acme deal")
    assert [method for method, _ in fake.calls] == ["open_dm", "post", "upload"]


def test_a_chart_slack_does_not_take_is_told_with_the_reason(
    container: FakeContainer, fake: FakeMessenger, caplog: pytest.LogCaptureFixture
) -> None:
    fake.fail("upload", "uncertain")
    with caplog.at_level(logging.WARNING, "bot.services.digest.on_demand"):
        sent = send_preview(container, THE_LEAD, by_name(THE_LEAD, None))
    assert sent == Sent(
        False, "I couldn't send you the digest of *Acme deal* (timeout). Please try again."
    )
    assert "digest preview for U0LEAD failed: timeout" in caplog.messages


def test_the_digest_is_only_for_its_leads_and_sponsors(
    container: FakeContainer, fake: FakeMessenger
) -> None:
    member = Caller(TEAM, "U0ANA")
    with pytest.raises(NotPermitted):
        send_preview(container, member, by_name(member, None))
    assert fake.calls == []


def test_the_export_is_a_csv_in_the_dm(container: FakeContainer, fake: FakeMessenger) -> None:
    sent = send_export(container, THE_LEAD, by_name(THE_LEAD, None))
    assert sent.ok and "(0 pulses;" in sent.text
    (upload,) = fake.uploads
    assert (upload.channel, upload.filename) == ("D0LEAD", "rapport-acme-deal-pulses.csv")
    assert upload.content is not None and upload.content.startswith("pulse")
    assert upload.title.startswith("Acme deal")


def test_an_export_when_slack_will_not_open_the_dm_is_told_with_the_reason(
    container: FakeContainer, fake: FakeMessenger
) -> None:
    fake.fail("open_dm", "rate_limited")
    sent = send_export(container, THE_LEAD, by_name(THE_LEAD, None))
    assert sent == Sent(
        False, "I couldn't send you the export of *Acme deal* (ratelimited). Please try again."
    )
    assert fake.uploads == []
