"""Keep people's answers out of the logs: Slack libraries' DEBUG lines lose their bodies.

slack_sdk logs every Web API request and response body at DEBUG (a pulse DM's
`chat.update` carries the person's answer), Bolt logs each acknowledgement's body and
Socket Mode each payload. This installs, once per process, a log record factory that
cuts those lines before the first body, so no handler, level or format can show them.
"""

from __future__ import annotations

import logging
import re
import threading
from typing import Any

SLACK_LOGGERS = ("slack_sdk", "slack_bolt")
# The first field of a Slack library's DEBUG line that can carry what someone typed.
_CONTENTS = re.compile(
    r"(query_params|body_params|json_body|body|message|payload|text|blocks|value)\s*[:=(]",
    re.IGNORECASE,
)
REDACTED = "(contents redacted)"
_installed = threading.Lock()
_done = False


def redact_slack_debug(record: logging.LogRecord) -> None:
    """Cut a Slack library's DEBUG line at its first body, payload or text field."""
    if record.levelno > logging.DEBUG or not record.name.startswith(SLACK_LOGGERS):
        return
    message = record.getMessage()
    found = _CONTENTS.search(message)
    if found is not None:
        record.msg = message[: found.start()] + REDACTED
        record.args = None


def install() -> None:
    """Wrap the log record factory once; later calls do nothing."""
    global _done
    with _installed:
        if _done:
            return
        make_record = logging.getLogRecordFactory()

        def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
            record = make_record(*args, **kwargs)
            redact_slack_debug(record)
            return record

        logging.setLogRecordFactory(factory)
        _done = True
