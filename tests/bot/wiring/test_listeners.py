"""Every listener registered in one place; an error nobody handled is one log line, no body."""

from __future__ import annotations

import logging

import pytest

from bot.domain.help_text import HELP_GROUPS
from bot.wiring.listeners import SUBCOMMANDS, log_unhandled


def test_each_subcommand_is_declared_once_under_a_known_section() -> None:
    names = [subcommand.name for subcommand in SUBCOMMANDS]
    assert len(names) == len(set(names))
    assert {"setup", "add", "send", "close", "help"} <= set(names)
    assert {subcommand.group for subcommand in SUBCOMMANDS} <= {*HELP_GROUPS, "more"}
    assert names[-1] == "help"


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        ({"type": "block_actions", "actions": [{"value": "my secret comment"}]}, "block_actions"),
        ({"command": "/rapport", "text": "my secret comment"}, "/rapport"),
        ({"text": "my secret comment"}, "request"),
    ],
)
def test_an_unhandled_error_is_one_line_with_its_traceback_and_no_body(
    caplog: pytest.LogCaptureFixture, body: dict[str, object], kind: str
) -> None:
    caplog.set_level(logging.ERROR, logger="bot.wiring.listeners")
    try:
        raise RuntimeError("boom")
    except RuntimeError as error:
        log_unhandled(error, body)
    (record,) = caplog.records
    assert record.getMessage() == f"unhandled error in {kind}"
    assert record.exc_info is not None and "secret" not in caplog.text
