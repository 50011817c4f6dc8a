"""Every operator mistake is one line with the fix and a non-zero exit: real `rapport` runs."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from tests.support.processes import ClockProcess, rapport_env, read_only
from tests.support.running import SECRET
from tests.support.slack_api import SlackStandIn

RAPPORT = [sys.executable, "-m", "bot"]


def rapport(
    *args: str, cwd: Path | None = None, prefix: list[str] | None = None, **env: str
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*(prefix or []), *RAPPORT, *args],
        env=rapport_env(**env),
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=90,
        check=False,
    )


def refused(result: subprocess.CompletedProcess[str], *fragments: str) -> str:
    """The run failed with exactly one line on stderr containing each fragment."""
    assert "Traceback" not in result.stderr + result.stdout, result.stderr
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    for fragment in fragments:
        assert fragment in lines[0], lines[0]
    return lines[0]


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_a_refused_port(tmp_path: Path) -> None:
    url = f"postgresql://postgres@127.0.0.1:{closed_port()}/x"
    line = refused(rapport("migrate", DATABASE_URL=url), "connection refused", "DATABASE_URL")
    assert line.startswith("rapport migrate: cannot connect to PostgreSQL at 127.0.0.1:")


def test_an_unknown_host() -> None:
    url = "postgresql://postgres@no-such-host.invalid/rapport"
    refused(rapport("migrate", DATABASE_URL=url), "'no-such-host.invalid'", "DATABASE_URL")


@pytest.mark.postgres
def test_a_missing_database(postgres_url: str) -> None:
    url = make_url(postgres_url).set(database="rapport_missing_db")
    line = refused(
        rapport("migrate", DATABASE_URL=url.render_as_string(hide_password=False)),
        "'rapport_missing_db' does not exist",
        "createdb rapport_missing_db",
    )
    assert "FATAL" not in line


def test_sqlite_in_a_missing_directory(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'nowhere' / 'rapport.db'}"
    refused(rapport("migrate", DATABASE_URL=url), f"the directory {tmp_path / 'nowhere'}")


def test_sqlite_in_a_read_only_directory(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    url = f"sqlite:///{locked / 'rapport.db'}"
    result = rapport("migrate", prefix=read_only(locked), DATABASE_URL=url)
    refused(result, f"{locked} is not writable")
    assert not (locked / "rapport.db").exists()


def test_export_before_migrate_says_migrate_and_leaves_no_empty_file(tmp_path: Path) -> None:
    result = rapport("export", "--engagement", "Acme deal", cwd=tmp_path)
    refused(result, "there is no database at rapport.db", "run `rapport migrate` first")
    assert list(tmp_path.iterdir()) == []


def test_export_from_a_database_never_migrated_says_migrate(tmp_path: Path) -> None:
    (tmp_path / "empty.db").touch()
    result = rapport("export", "--engagement", "x", DATABASE_URL=f"sqlite:///{tmp_path}/empty.db")
    refused(result, "has no Rapport tables yet", "run `rapport migrate` first")


def test_export_to_a_missing_directory(tmp_path: Path) -> None:
    target = tmp_path / "nowhere" / "x.csv"
    result = rapport("export", "--engagement", "x", "--out", str(target), cwd=tmp_path)
    refused(result, f"cannot write {target}", "does not exist")


def test_simulate_out_an_existing_file(tmp_path: Path) -> None:
    (tmp_path / "taken").write_text("mine\n")
    result = rapport("simulate", "--weeks", "1", "--out", str(tmp_path / "taken"))
    refused(result, "is a file; --out takes a directory")
    assert (tmp_path / "taken").read_text() == "mine\n"


def test_simulate_out_a_read_only_directory(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    result = rapport("simulate", "--weeks", "1", "--out", str(locked), prefix=read_only(locked))
    refused(result, f"cannot write in {locked}")


def test_every_missing_setting_is_named_at_once(tmp_path: Path) -> None:
    result = rapport("web", cwd=tmp_path, PORT="eighty")
    refused(result, "SLACK_BOT_TOKEN is not set", "SLACK_SIGNING_SECRET is not set", "PORT")


def test_the_clock_needs_no_signing_secret(tmp_path: Path) -> None:
    line = refused(rapport("clock", cwd=tmp_path), "SLACK_BOT_TOKEN is not set")
    assert "SLACK_SIGNING_SECRET" not in line


def test_a_bad_token_is_refused_at_start_with_slacks_reason(
    tmp_path: Path, standin: SlackStandIn
) -> None:
    standin.fail("auth.test", "invalid_auth")
    result = rapport(
        "web",
        SLACK_BOT_TOKEN="xoxb-revoked",
        SLACK_SIGNING_SECRET=SECRET,
        SLACK_API_URL=standin.api_url,
        DATABASE_URL=f"sqlite:///{tmp_path / 'r.db'}",
        LOG_LEVEL="WARNING",
    )
    refused(result, "Slack refused SLACK_BOT_TOKEN (invalid_auth)", "SLACK_CHECK_TOKEN=no")
    assert standin.calls_to("auth.test", ok_only=False)


def test_the_clock_names_its_workspace_and_warns_of_nothing(
    tmp_path: Path, standin: SlackStandIn
) -> None:
    url = f"sqlite:///{tmp_path / 'r.db'}"
    clock = ClockProcess(standin, url, tmp_path / "clock.log", SLACK_SIGNING_SECRET="")
    try:
        deadline = 60.0
        while clock.state() is None and deadline > 0 and clock.process.poll() is None:
            subprocess.run(["sleep", "0.2"], check=True)
            deadline -= 0.2
    finally:
        log = clock.stop()
    assert "Slack token OK: workspace Test (T0RAPPORT)" in log
    assert "WARNING" not in log and "Traceback" not in log, log


def test_the_token_check_can_be_skipped_for_offline_use(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'r.db'}"
    # Nothing listens on this port: with the check on, this start would be refused.
    offline = f"http://127.0.0.1:{closed_port()}/api/"
    on = rapport("clock", SLACK_BOT_TOKEN="xoxb-1", SLACK_API_URL=offline, DATABASE_URL=url)
    refused(on, "cannot reach Slack", "SLACK_CHECK_TOKEN=no")
    log = tmp_path / "clock.log"
    with log.open("w") as sink:
        process = subprocess.Popen(
            [*RAPPORT, "clock"],
            env=rapport_env(
                SLACK_BOT_TOKEN="xoxb-1",
                SLACK_API_URL=offline,
                DATABASE_URL=url,
                SLACK_CHECK_TOKEN="no",
                CLOCK_INTERVAL_SECONDS="1",
            ),
            stderr=sink,
            stdout=subprocess.DEVNULL,
        )
        try:
            for _ in range(300):
                if "clock idle" in log.read_text() or process.poll() is not None:
                    break
                subprocess.run(["sleep", "0.2"], check=True)
        finally:
            process.terminate()
            process.wait(timeout=20)
    text = log.read_text()
    assert "starting without checking the Slack token" in text and "clock idle" in text, text


def test_a_worker_without_the_queue_says_what_to_set(tmp_path: Path) -> None:
    done = rapport(
        "worker",
        DATABASE_URL=f"sqlite:///{tmp_path}/rapport.db",
        SLACK_BOT_TOKEN="xoxb-test",
        SLACK_CHECK_TOKEN="no",
    )
    refused(done, "JOB_QUEUE=postgres")


def test_the_queue_on_sqlite_is_refused_before_anything_starts(tmp_path: Path) -> None:
    done = rapport("clock", DATABASE_URL=f"sqlite:///{tmp_path}/rapport.db", JOB_QUEUE="postgres")
    refused(done, "JOB_QUEUE=postgres", "PostgreSQL")
    assert not (tmp_path / "rapport.db").exists()
