"""Comments and tokens sealed at rest: dumps, keys at start, rotation; real `rapport` runs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import make_url, select, text

from bot.wiring.settings import ConfigError, load_settings
from storage.db import Database
from storage.models import Response
from storage.secrets import KeyMismatch
from tests.support import flows
from tests.support.keys import OTHER_KEY, TEST_KEY
from tests.support.processes import rapport_env
from tests.support.running import RunningApp
from tests.support.stored_text import readable, sealed_form, still_stored

CANARY = "canary-sealed-4b1d-the-vendor-lies"
NEW_KEY = "Zq4s7Vb0Nc3Xm6Lk9Jh2Gf5Dd8Sa1Pq4Wo7Ei0Ru3Ty="
SLACK = {"SLACK_BOT_TOKEN": "xoxb-test", "SLACK_CHECK_TOKEN": "false"}


def run_rapport(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        env=rapport_env(**env),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def one_line(done: subprocess.CompletedProcess[str], code: int, *fragments: str) -> str:
    assert done.returncode == code, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in done.stderr, done.stderr
    for fragment in fragments:
        assert fragment in lines[0], lines[0]
    return lines[0]


def a_commented_answer(rapport_app: RunningApp) -> None:
    flows.engagement_with_people(rapport_app)
    flows.send(rapport_app)
    flows.click(rapport_app, flows.CLIENTS[0], "pulse.rate.2")
    flows.comment(rapport_app, flows.CLIENTS[0], f"{CANARY}: the backlog is a mess")


def dump(database: Database) -> bytes:
    """What a copy of the database holds: the SQLite file's bytes, or `pg_dump` output."""
    if not database.is_postgres:
        database.checkpoint()
        path = Path(str(make_url(database.url).database))
        return b"".join(p.read_bytes() for p in (path, Path(f"{path}-wal")) if p.exists())
    url = make_url(database.url)
    where = ["-h", str(url.host), "-p", str(url.port or 5432), "-U", str(url.username)]
    return subprocess.run(
        ["pg_dump", *where, str(url.database)],
        capture_output=True,
        check=True,
        timeout=120,
    ).stdout


def test_a_dump_of_the_database_holds_no_comment(rapport: RunningApp) -> None:
    a_commented_answer(rapport)
    assert readable(rapport.database, CANARY), "the app still reads it"
    sealed = sealed_form(rapport.database, CANARY)
    copied = dump(rapport.database)
    assert sealed.encode() in copied, "the dump holds the row, sealed"
    assert CANARY.encode() not in copied
    assert not still_stored(rapport.database, CANARY)
    with rapport.database.reading() as session:
        assert session.scalars(select(Response.rating)).all() == [2], "ratings stay plain"


def test_rotate_key_reseals_everything_and_the_old_key_is_retired(rapport: RunningApp) -> None:
    a_commented_answer(rapport)
    url, old = rapport.database.url, rapport.database.key
    before = sealed_form(rapport.database, CANARY)
    one_line(
        run_rapport("rotate-key", DATABASE_URL=url, RAPPORT_SECRET_KEY=NEW_KEY), 2, "new key first"
    )
    done = run_rapport("rotate-key", DATABASE_URL=url, RAPPORT_SECRET_KEY=f"{NEW_KEY},{old}")
    assert done.returncode == 0, done.stderr
    assert "Re-sealed 1 comment and" in done.stdout and CANARY not in done.stdout + done.stderr
    after_new = Database(url, NEW_KEY)
    after_old = Database(url, old)
    try:
        assert readable(after_new, CANARY)
        assert sealed_form(after_new, CANARY) != before
        with pytest.raises(KeyMismatch):
            readable(after_old, CANARY)
    finally:
        after_new.dispose()
        after_old.dispose()
    refused = run_rapport(
        "forget",
        "--team",
        "T0X",
        "--user",
        "U0X",
        DATABASE_URL=url,
        RAPPORT_SECRET_KEY=old,
        **SLACK,
    )
    one_line(refused, 2, "cannot be read with RAPPORT_SECRET_KEY")
    fine = run_rapport(
        "forget",
        "--team",
        "T0X",
        "--user",
        "U0X",
        DATABASE_URL=url,
        RAPPORT_SECRET_KEY=NEW_KEY,
        **SLACK,
    )
    assert fine.returncode == 0, fine.stderr


def test_a_key_that_cannot_open_the_stored_comments_is_caught_at_start(
    rapport: RunningApp,
) -> None:
    a_commented_answer(rapport)
    done = rapport_cmd_forget(rapport.database.url, OTHER_KEY)
    line = one_line(done, 2, "cannot start", "cannot be read with RAPPORT_SECRET_KEY")
    assert CANARY not in line


def rapport_cmd_forget(url: str, key: str) -> subprocess.CompletedProcess[str]:
    return run_rapport(
        "forget",
        "--team",
        "T0X",
        "--user",
        "U0X",
        DATABASE_URL=url,
        RAPPORT_SECRET_KEY=key,
        **SLACK,
    )


def test_sqlite_without_a_key_makes_a_private_key_file_and_says_so(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'rapport.db'}"
    keyless = {"DATABASE_URL": url, "RAPPORT_SECRET_KEY": "", **SLACK}
    first = run_rapport("forget", "--team", "T0X", "--user", "U0X", **keyless)
    assert first.returncode == 0, first.stderr
    key_file = tmp_path / "rapport.db.key"
    assert f"sealed with a new key in {key_file}" in first.stderr
    assert key_file.stat().st_mode & 0o777 == 0o600
    second = run_rapport("forget", "--team", "T0X", "--user", "U0X", **keyless)
    assert f"sealed with the key in {key_file}" in second.stderr
    assert Database(url).key == key_file.read_text().strip()


def test_postgres_without_a_key_refuses_to_start_in_one_line(postgres_url: str) -> None:
    done = run_rapport("clock", DATABASE_URL=postgres_url, RAPPORT_SECRET_KEY="", **SLACK)
    one_line(done, 2, "cannot start", "RAPPORT_SECRET_KEY is not set: with PostgreSQL")


def test_two_workspaces_refuse_to_start_without_a_key(tmp_path: Path) -> None:
    distributed = {
        "SLACK_CLIENT_ID": "1.2",
        "SLACK_CLIENT_SECRET": "s",
        "SLACK_SIGNING_SECRET": "s",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'r.db'}",
    }
    with pytest.raises(ConfigError, match="two-workspace mode"):
        load_settings(distributed)
    done = run_rapport("web", RAPPORT_SECRET_KEY="", **distributed)
    one_line(done, 2, "cannot start", "RAPPORT_SECRET_KEY is not set: two-workspace mode")
    assert load_settings({**distributed, "RAPPORT_SECRET_KEY": TEST_KEY}).secret_key == TEST_KEY


def test_comments_stored_in_clear_before_sealing_are_sealed_at_start(
    rapport: RunningApp,
) -> None:
    a_commented_answer(rapport)
    with rapport.database.unit_of_work() as session:
        session.execute(text("UPDATE responses SET comment = :c"), {"c": f"{CANARY} in clear"})
    assert CANARY.encode() in dump(rapport.database)
    done = rapport_cmd_forget(rapport.database.url, TEST_KEY)
    assert done.returncode == 0, done.stderr
    assert "Sealed 1 comment and" in done.stderr and CANARY not in done.stderr
    assert CANARY.encode() not in dump(rapport.database)
    assert readable(rapport.database, f"{CANARY} in clear")
