"""Domain errors: why a use case refused, in words the person who asked can act on.

Services raise them; handlers turn each into the person's reply in one place
(`handlers/replies.py`). A parse error of typed text is not one of these: it is a
`CommandError` of the Slack command grammar.
"""

from __future__ import annotations


class Refused(Exception):
    """The request is understood but cannot be done; the message says why and what to do."""


class NotPermitted(Refused):
    """The person may not do this (not a lead, not on the engagement)."""


class Conflict(Refused):
    """The request clashes with the current state (a pulse already open, a name taken)."""


class NotFound(Refused):
    """What the request names does not exist, or is not visible to the person."""
