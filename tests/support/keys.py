"""The sealing key the test harness gives PostgreSQL databases and the processes on them.

SQLite databases keep the key file Rapport makes beside them, as a demo install would;
a process started on the same file finds the same key there.
"""

from __future__ import annotations

from collections.abc import Mapping

TEST_KEY = "8Jd2gqkFQpYt0z6m3r1cT0aY5o9p7x2b4n6v8c0e1w4="
OTHER_KEY = "y1Vq3kC9w2E5r8T1u4I7o0P3a6S9d2F5g8H1j4K7l0Q="


def key_for(database_url: str) -> str | None:
    """The key a Database on this URL is opened with in the tests."""
    return TEST_KEY if database_url.startswith("postgresql") else None


def with_key(env: Mapping[str, str]) -> dict[str, str]:
    """``env`` plus RAPPORT_SECRET_KEY when it points at PostgreSQL and sets none."""
    found = dict(env)
    if found.get("DATABASE_URL", "").startswith("postgresql"):
        found.setdefault("RAPPORT_SECRET_KEY", TEST_KEY)
    return found
