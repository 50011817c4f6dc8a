"""Starts that cannot go on, and a health check that fails: one line each, no files left."""

from __future__ import annotations

import shutil
import socket
import sqlite3
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path
from subprocess import CompletedProcess

import pytest
from sqlalchemy import create_engine, text

from bot.wiring.cli.common import Start
from storage.db import Database
from tests.bot.wiring.test_cli_errors import closed_port, rapport, refused
from tests.conftest import POSTGRES_ADMIN_URL
from tests.support.processes import WebProcess, free_port, read_only
from tests.support.running import SECRET
from tests.support.slack_api import SlackStandIn


def web(*args: str, cwd: Path, api_url: str = "", check: str = "no") -> CompletedProcess[str]:
    """`rapport web` with a bot token and signing secret, logging errors only."""
    return rapport(
        "web", *args, cwd=cwd, SLACK_BOT_TOKEN="xoxb-1", SLACK_SIGNING_SECRET=SECRET,
        LOG_LEVEL="ERROR", SLACK_CHECK_TOKEN=check, SLACK_API_URL=api_url or "https://slack.com/api/",
    )  # fmt: skip


@pytest.fixture
def taken_port() -> Iterator[int]:
    """A port another program listens on."""
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        yield int(holder.getsockname()[1])


def test_a_port_in_use_is_one_line_and_leaves_no_database(tmp_path: Path, taken_port: int) -> None:
    result = web("--host", "127.0.0.1", "--port", str(taken_port), cwd=tmp_path)
    line = refused(result, f"cannot listen on 127.0.0.1:{taken_port}", "already in use", "--port")
    assert line.startswith("rapport web: ")
    assert list(tmp_path.iterdir()) == []


def test_a_failed_start_keeps_a_database_that_was_there(tmp_path: Path, taken_port: int) -> None:
    assert rapport("migrate", cwd=tmp_path).returncode == 0
    before = (tmp_path / "rapport.db").read_bytes()
    result = web("--port", str(taken_port), "--host", "127.0.0.1", cwd=tmp_path)
    refused(result, "already in use")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rapport.db"]
    assert (tmp_path / "rapport.db").read_bytes() == before


def test_a_refused_token_leaves_no_database(tmp_path: Path, standin: SlackStandIn) -> None:
    standin.fail("auth.test", "invalid_auth")
    result = web(cwd=tmp_path, api_url=standin.api_url, check="yes")
    refused(result, "Slack refused SLACK_BOT_TOKEN (invalid_auth)")
    assert list(tmp_path.iterdir()) == []


def test_socket_mode_offline_is_one_line_and_leaves_no_database(tmp_path: Path) -> None:
    offline = f"http://127.0.0.1:{closed_port()}/api/"
    result = rapport(
        "run", cwd=tmp_path, SLACK_BOT_TOKEN="xoxb-1", SLACK_APP_TOKEN="xapp-1",
        SLACK_CHECK_TOKEN="no", SLACK_API_URL=offline, LOG_LEVEL="ERROR",
    )  # fmt: skip
    line = refused(result, f"cannot reach Slack at {offline}", "Connection refused")
    assert "SLACK_CHECK_TOKEN=no" in line and line.startswith("rapport run: ")
    assert list(tmp_path.iterdir()) == []


def test_socket_mode_with_a_refused_app_token_is_one_line(
    tmp_path: Path, standin: SlackStandIn
) -> None:
    standin.fail("apps.connections.open", "invalid_auth")
    result = rapport(
        "run", cwd=tmp_path, SLACK_BOT_TOKEN="xoxb-1", SLACK_APP_TOKEN="xapp-1",
        SLACK_API_URL=standin.api_url, LOG_LEVEL="ERROR",
    )  # fmt: skip
    refused(result, "Slack refused to open a Socket Mode connection (invalid_auth)")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.postgres
@pytest.mark.slow
def test_a_failed_health_check_logs_one_line(
    tmp_path: Path, standin: SlackStandIn, postgres_url: str
) -> None:
    admin = create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT")
    name = f"rapport_health_{uuid.uuid4().hex[:10]}"
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    url = admin.url.set(database=name).render_as_string(hide_password=False)
    web = WebProcess(standin, url, tmp_path / "web.log", free_port())
    try:
        web.wait_until_serving(60)
        with admin.connect() as connection:  # the database goes away under the running web
            connection.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
        for _ in range(2):
            with pytest.raises(urllib.error.HTTPError) as answer:
                urllib.request.urlopen(web.url + "/healthz", timeout=10)
            assert answer.value.code == 503
            assert answer.value.read() == b'{"ok": false, "error": "database"}'
    finally:
        log = web.stop()
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
    failures = [line for line in log.splitlines() if "health check" in line]
    assert len(failures) == 2, log
    assert all(f"database unreachable: the database '{name}' does not exist" in f for f in failures)
    assert "Traceback" not in log and not any(line.startswith(" ") for line in log.splitlines())


def test_output_in_a_read_only_directory_names_it(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    prefix = read_only(locked)
    result = rapport("simulate", "--weeks", "1", "--out", str(locked / "demo"), prefix=prefix)
    refused(result, f"cannot create the directory {locked / 'demo'}: {locked} is not writable")
    result = rapport("export", "--engagement", "x", "--out", "x.csv", cwd=locked, prefix=prefix)
    refused(result, f"cannot write in {locked}: it is not writable by this user")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two simulated weeks, made once for the tests that read them back."""
    demo = tmp_path_factory.mktemp("simulated") / "demo"
    made = rapport("simulate", "--weeks", "2", "--out", str(demo))
    assert made.returncode == 0, made.stderr
    return demo


def test_export_reads_a_backup_in_a_read_only_directory(tmp_path: Path, demo: Path) -> None:
    backup = tmp_path / "backups"
    backup.mkdir()
    (backup / "rapport.db").write_bytes((demo / "simulate.db").read_bytes())
    result = rapport(
        "export", "--engagement", "Acme deal", prefix=read_only(backup),
        DATABASE_URL=f"sqlite:///{backup / 'rapport.db'}",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("pulse,opened_at,closed_at,client_index")
    assert len(result.stdout.splitlines()) == 3
    assert [p.name for p in backup.iterdir()] == ["rapport.db"]


def test_export_of_a_copy_in_a_writable_directory_adds_no_files(tmp_path: Path, demo: Path) -> None:
    copy = shutil.copytree(demo, tmp_path / "demo")
    before = sorted(p.name for p in copy.iterdir())
    url = f"sqlite:///{copy / 'simulate.db'}"
    result = rapport("export", "--engagement", "Acme deal", DATABASE_URL=url)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in copy.iterdir()) == before


def test_a_failed_start_leaves_a_new_file_another_process_has_opened(tmp_path: Path) -> None:
    path = tmp_path / "rapport.db"
    url = f"sqlite:///{path}"
    other = None
    with pytest.raises(RuntimeError), Start(url) as start:
        start.databases.append(Database(url))
        with start.databases[0].unit_of_work() as session:
            session.execute(text("CREATE TABLE t (x INTEGER)"))
        other = sqlite3.connect(path)  # as a second `rapport` starting beside this one would
        other.execute("SELECT * FROM t").fetchall()
        raise RuntimeError("the start fails")
    assert path.exists() and Path(f"{path}-wal").exists()
    assert other is not None
    other.close()
    with pytest.raises(RuntimeError), Start(f"sqlite:///{tmp_path / 'alone.db'}") as start:
        start.databases.append(Database(f"sqlite:///{tmp_path / 'alone.db'}"))
        with start.databases[0].unit_of_work() as session:
            session.execute(text("CREATE TABLE t (x INTEGER)"))
        raise RuntimeError("the start fails")
    assert not list(tmp_path.glob("alone.db*"))
