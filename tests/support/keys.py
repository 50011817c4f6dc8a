"""The sealing key the test harness opens its databases with and gives its processes.

A test about running without a key sets RAPPORT_SECRET_KEY to "" itself.
"""

from __future__ import annotations

from collections.abc import Mapping

TEST_KEY = "8Jd2gqkFQpYt0z6m3r1cT0aY5o9p7x2b4n6v8c0e1w4="
OTHER_KEY = "y1Vq3kC9w2E5r8T1u4I7o0P3a6S9d2F5g8H1j4K7l0Q="


def key_for(database_url: str) -> str:
    """The key a Database on this URL is opened with in the tests: the same everywhere."""
    return TEST_KEY


def with_key(env: Mapping[str, str]) -> dict[str, str]:
    """``env`` plus RAPPORT_SECRET_KEY unless it sets one (an empty one included)."""
    found = dict(env)
    found.setdefault("RAPPORT_SECRET_KEY", TEST_KEY)
    return found
