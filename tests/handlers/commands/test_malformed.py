"""Malformed commands: a clear ephemeral answer, no row written, no traceback logged."""

from __future__ import annotations

import logging

import pytest

from tests.support import flows
from tests.support.running import RunningApp

MALFORMED = [
    ('setup "Acme deal client:Acme provider:Globex channel:<#C0X>', "closing one"),
    ("setup “Acme deal client:Acme", "closing one"),
    ('setup "Acme" client:"A" provider:"B"', "missing: channel"),
    ('setup "Acme" client:"A" provider:"B" channel:<@U0BOB|bob>', "is a person"),
    ('setup "Acme" client:"A" provider:"B" channel:general', "as a channel"),
    ('setup "" client:"A" provider:"B" channel:<#C0X>', "is empty"),
    ('setup "Acme" client:"<b>A</b>" provider:"B" channel:<#C0X>', "can't contain"),
    ('setup "Acme" colour:"blue"', "Setup reads"),
    ('setup "' + "x" * 90 + '" client:A provider:B channel:<#C0X>', "too long"),
    ("add <@U0ANA> customer", "don't understand `customer`"),
    ("add <@U0ANA>", "Which side"),
    ("add client", "Who should I add"),
    ("add @ana client", "as a person"),
    ("add <#C0GEN|general> client", "is a channel"),
    ("add <@U0ANA> client weight:lots", "stake weight"),
    ("add <@U0ANA> client weight:1000", "stake weight"),
    ("add <@U0ANA> client --force", "don't understand"),
    ("remove", "Remove reads"),
    ("remove <@U0A> <@U0B>", "Remove reads"),
    ("remove ana", "as a person"),
    ("send now please", "takes no arguments"),
    ("status everything", "takes no arguments"),
    ("frobnicate", "don't know `frobnicate`"),
    ("x" * 10_000, "too long"),
    ("🚀🚀🚀 🔥", "don't know"),
    ("'; DROP TABLE engagements; --", "don't know"),
    ('setup "Robert\'); DROP TABLE members;--" client:A provider:B', "missing: channel"),
    ('status in:"Nope"', "no engagement called"),
    ("members in:", "is empty"),
    ("\u0000\u200b", "don't know"),
]


@pytest.mark.parametrize(("text", "advice"), MALFORMED)
def test_malformed_command_gets_help_and_writes_nothing(
    rapport: RunningApp, caplog: pytest.LogCaptureFixture, text: str, advice: str
) -> None:
    flows.set_up(rapport)
    before = flows.count_rows(rapport.database)
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        reply = rapport.slack.command(text, channel="D0LEAD")
        rapport.settle()
    assert reply.status == 200
    assert reply.ephemeral, reply.body
    assert advice in reply.text
    assert flows.count_rows(rapport.database) == before
    assert not [r for r in caplog.records if r.exc_info or r.levelno >= logging.ERROR]


def test_there_are_at_least_twenty_kinds(rapport: RunningApp) -> None:
    assert len(MALFORMED) >= 20
