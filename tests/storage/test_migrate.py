"""Migrations create the schema and are a no-op the second time."""

from __future__ import annotations

import itertools
import os
import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path

from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from storage.db import Database
from storage.migrate import MIGRATIONS, _config, current_revision, head_revision, upgrade


def test_upgrade_twice_is_a_noop(database: Database) -> None:
    before, after = upgrade(database)
    assert before == after == head_revision()
    tables = set(inspect(database.engine).get_table_names())
    assert {"engagements", "members", "pulses", "deliveries", "responses"} <= tables


def test_processes_upgrading_at_once_all_succeed(tmp_path: Path, database_url: str) -> None:
    """`web` and `clock` (here four processes) starting together all migrate; none may fail
    or repeat a step. The defect: on SQLite each step was its own transaction, so a
    process that had read an older revision repeated a step another had just committed."""
    fresh = database_url
    if database_url.startswith("sqlite"):
        fresh = f"sqlite:///{tmp_path / 'fresh.db'}"
    env = {**os.environ, "DATABASE_URL": fresh}
    runs = [
        subprocess.Popen(
            [sys.executable, "-m", "bot", "migrate"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(4)
    ]
    results = [run.communicate(timeout=120) for run in runs]
    assert [run.returncode for run in runs] == [0, 0, 0, 0], results
    database = Database(fresh)
    assert current_revision(database) == head_revision()
    database.dispose()


def test_sqlite_runs_in_wal_with_foreign_keys(tmp_path: object) -> None:
    db = Database(f"sqlite:///{tmp_path}/x.db")
    with db.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    db.dispose()


def test_a_new_sqlite_database_and_its_wal_are_private(tmp_path: Path) -> None:
    path = tmp_path / "private.db"
    db = Database(f"sqlite:///{path}")
    upgrade(db)
    with db.unit_of_work() as session:
        session.execute(text("SELECT 1"))
    files = [path, path.with_name("private.db-wal"), path.with_name("private.db-shm")]
    modes = {f.name: stat.S_IMODE(f.stat().st_mode) for f in files if f.exists()}
    db.dispose()
    assert modes["private.db"] == 0o600 and "private.db-wal" in modes
    assert set(modes.values()) == {0o600}
    shown = subprocess.run(["stat", "-c", "%a", str(path)], capture_output=True, text=True)
    assert shown.stdout.strip() == "600"


def test_0004_keeps_the_figures_pulses_closed_with(tmp_path: Path) -> None:
    """Pulses closed before 0004 get their figures published once, as they read then."""
    database = Database(f"sqlite:///{tmp_path / 'old.db'}")
    with database.engine.connect() as connection:
        command.upgrade(_config(connection), "0003")
        connection.commit()
    now = "2025-03-04 10:00:00"
    with database.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO engagements (id, team_id, name, client_org, provider_org, channel_id,"
                " timezone, schedule, window_hours, reminder_hours, client_tolerance,"
                " provider_tolerance, gap_threshold, anonymity_min, digest_schedule, created_by,"
                " created_at) VALUES (1, 'T1', 'Old', 'Acme', 'Globex', 'C1', 'UTC',"
                " 'weekly tue 10:00', 72, 24, 70, 60, 15, 2, 'mon 08:00', 'U0', :now)"
            ),
            {"now": now},
        )
        connection.execute(
            text(
                "INSERT INTO pulses (id, engagement_id, status, started_by, opened_at, closes_at,"
                " closed_at) VALUES (1, 1, 'closed', 'U0', :now, :now, :now)"
            ),
            {"now": now},
        )
        for member, (side, rating) in enumerate(
            [("client", 5), ("client", 1), ("client", 3), ("provider", 4), ("provider", 2)],
            start=1,
        ):
            connection.execute(
                text(
                    "INSERT INTO members (id, engagement_id, team_id, user_id, side, role,"
                    " weight, status, added_at) VALUES (:m, 1, 'T1', :u, :side, 'member', 1.0,"
                    " 'active', :now)"
                ),
                {"m": member, "u": f"U{member}", "side": side, "now": now},
            )
            connection.execute(
                text(
                    "INSERT INTO deliveries (pulse_id, member_id, status, attempts)"
                    " VALUES (1, :m, 'sent', 1)"
                ),
                {"m": member},
            )
            connection.execute(
                text(
                    "INSERT INTO responses (pulse_id, member_id, rating, score, created_at,"
                    " updated_at) VALUES (1, :m, :r, :s, :now, :now)"
                ),
                {"m": member, "r": rating, "s": (rating - 1) * 25.0, "now": now},
            )
    upgrade(database)
    with database.engine.connect() as connection:
        figures = connection.execute(
            text("SELECT side, side_index, answered, withheld FROM published_figures ORDER BY side")
        ).all()
        minimums = connection.execute(
            text("SELECT e.anonymity_min, p.anonymity_min FROM engagements e, pulses p")
        ).one()
        sides = connection.execute(text("SELECT DISTINCT side FROM deliveries")).scalars().all()
    database.dispose()
    # The floor is now 3: the two provider answers, shown before, are withheld from now on.
    assert [(s, i, n, bool(w)) for s, i, n, w in figures] == [
        ("client", 50.0, 3, False),
        ("provider", None, 2, True),
    ]
    assert tuple(minimums) == (3, 3)
    assert sorted(sides) == ["client", "provider"]


def test_0011_keeps_each_posted_alert_in_a_message_of_its_own(tmp_path: Path) -> None:
    """Alerts posted before grouped messages keep their post: later closes update it."""
    database = Database(f"sqlite:///{tmp_path / 'old.db'}")
    with database.engine.connect() as connection:
        command.upgrade(_config(connection), "0009")
        connection.commit()
    now = "2025-03-04 10:00:00"
    with database.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO engagements (id, team_id, name, client_org, provider_org, channel_id,"
                " timezone, schedule, window_hours, reminder_hours, client_tolerance,"
                " provider_tolerance, gap_threshold, anonymity_min, digest_schedule, created_by,"
                " created_at) VALUES (1, 'T1', 'Old', 'Acme', 'Globex', 'C1', 'UTC',"
                " 'weekly tue 10:00', 72, 24, 70, 60, 15, 3, 'mon 08:00', 'U0', :now)"
            ),
            {"now": now},
        )
        connection.execute(
            text(
                "INSERT INTO pulses (id, engagement_id, status, started_by, opened_at, closes_at,"
                " closed_at, anonymity_min, client_tolerance, provider_tolerance, gap_threshold)"
                " VALUES (1, 1, 'closed', 'U0', :now, :now, :now, 3, 70, 60, 15)"
            ),
            {"now": now},
        )
        for alert_id, rule, side, status, ts in [
            (1, "divergence", "client", "open", "111.1"),
            (2, "decline", None, "resolved", "222.2"),
            (3, "gap", "client", "open", None),
        ]:
            connection.execute(
                text(
                    "INSERT INTO alerts (id, engagement_id, rule, side, severity, status,"
                    " sentence, magnitude, details, opened_pulse_id, last_pulse_id, channel_id,"
                    " message_ts, post_error, post_attempts, opened_at, updated_at)"
                    " VALUES (:id, 1, :rule, :side, 'warning', :status, 'said', 10, '', 1, 1,"
                    " 'C1', :ts, :error, 1, :now, :now)"
                ),
                {
                    "id": alert_id,
                    "rule": rule,
                    "side": side,
                    "status": status,
                    "ts": ts,
                    "error": None if ts else "timeout",
                    "now": now,
                },
            )
    upgrade(database)
    with database.engine.connect() as connection:
        alerts = connection.execute(
            text(
                "SELECT a.id, a.key, m.status, m.message_ts, m.post_error FROM alerts a"
                " JOIN alert_messages m ON m.id = a.message_id ORDER BY a.id"
            )
        ).all()
        ladder = connection.execute(
            text(
                "SELECT ack_within_minutes, escalate_after_minutes, escalate_pulses"
                " FROM engagements"
            )
        ).one()
        columns = {c["name"] for c in inspect(connection).get_columns("alerts")}
    database.dispose()
    assert [tuple(a) for a in alerts] == [
        (1, "divergence:client", "live", "111.1", None),
        (2, "decline:both", "done", "222.2", None),
        (3, "gap:client", "live", None, "timeout"),
    ]
    assert tuple(ladder) == (3 * 24 * 60, 14 * 24 * 60, 3)
    assert "message_ts" not in columns and "post_error" not in columns


def test_the_chain_is_linear_and_files_sort_in_the_order_they_apply() -> None:
    scripts = ScriptDirectory.from_config(_config())
    chain = list(reversed(list(scripts.walk_revisions("base", "heads"))))
    assert len(scripts.get_heads()) == 1
    for earlier, later in itertools.pairwise(chain):
        assert later.down_revision == earlier.revision
    files = [Path(script.path).name for script in chain]
    assert files == sorted(files)
    assert sorted(p.name for p in (MIGRATIONS / "versions").glob("*.py")) == files


def test_a_new_migration_file_starts_with_its_date(tmp_path: Path) -> None:
    copy = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS, copy, ignore=shutil.ignore_patterns("__pycache__"))
    config = _config()
    config.set_main_option("script_location", str(copy))
    script = command.revision(config, message="add a column")
    assert not isinstance(script, list) and script is not None
    name = Path(script.path).name
    assert re.fullmatch(r"\d{4}_\d{2}_\d{2}_[0-9a-f]+_add_a_column\.py", name), name
    files = sorted(p.name for p in (copy / "versions").glob("*.py"))
    assert files[-1] == name
