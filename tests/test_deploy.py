"""The deployment files keep their promises: hashed installs, both modes, one image, TLS."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

import yaml

from bot.slack.scopes import BOT_SCOPES
from bot.wiring.settings import load_settings

ROOT = Path(__file__).parent.parent
INSTALL_LOCK = (
    "python3 -m venv .venv && .venv/bin/pip install -q --require-hashes -r requirements.txt"
)
INSTALL_SELF = ".venv/bin/pip install -q --no-deps --no-build-isolation --no-index ."


def read(name: str) -> str:
    return (ROOT / name).read_text()


def pins(lock: str) -> dict[str, tuple[str, list[str]]]:
    """Each package of a lock file: its version and its hashes."""
    found: dict[str, tuple[str, list[str]]] = {}
    for entry in re.split(r"\n(?=[A-Za-z])", read(lock)):
        head = re.match(r"([A-Za-z0-9_.-]+)==(\S+)", entry)
        if head:
            name = re.sub(r"[-_.]+", "-", head.group(1)).lower()
            found[name] = (head.group(2), re.findall(r"--hash=sha256:([0-9a-f]{64})", entry))
    return found


def test_every_locked_package_is_pinned_with_hashes() -> None:
    for lock in ("requirements.lock", "requirements.txt"):
        text = read(lock)
        packages = pins(lock)
        assert packages, lock
        requirement_lines = [ln for ln in text.splitlines() if re.match(r"[A-Za-z]", ln)]
        assert len(requirement_lines) == len(packages), lock
        for name, (_, hashes) in packages.items():
            assert hashes, f"{lock}: {name} has no hash"
        lines = [ln.strip() for ln in text.splitlines() if not ln.strip().startswith("#")]
        assert not [ln for ln in lines if ln.startswith("-") and not ln.startswith("--hash")], lock
        assert "#    deploy/lock" in text[:300], f"{lock} says how to make it again"


def test_the_runtime_lock_is_the_full_lock_without_the_dev_tools() -> None:
    full, runtime = pins("requirements.lock"), pins("requirements.txt")
    for name, pin in runtime.items():
        assert full.get(name) == pin, name
    project = tomllib.loads(read("pyproject.toml"))["project"]
    for requirement in project["dependencies"]:
        name = re.sub(r"[-_.]+", "-", re.split(r"[\[<>=!~ ]", requirement)[0]).lower()
        assert name in runtime, name
    for dev in ("pytest", "mypy", "ruff", "hypothesis"):
        assert dev in full and dev not in runtime, dev
    assert "setuptools" in runtime  # the build backend, so Rapport installs with --no-index


def test_the_lock_is_made_by_a_rerunnable_command() -> None:
    script = read("deploy/lock")
    assert "--generate-hashes" in script and "pyproject.toml" in script
    assert "--output-file requirements.lock" in script
    assert "--constraint requirements.lock --output-file requirements.txt" in script
    assert (ROOT / "deploy" / "lock").stat().st_mode & 0o111


def dockerfile_runs() -> list[str]:
    """The shell commands of the Dockerfile's RUN instructions."""
    text = read("Dockerfile").replace("\\\n", " ")
    return [re.sub(r"\s+", " ", run) for run in re.findall(r"^RUN (.+)$", text, re.MULTILINE)]


def test_the_image_installs_from_the_hashed_lock_and_fetches_nothing_else() -> None:
    runs = dockerfile_runs()
    installs = [run for run in runs if "pip install" in run]
    assert installs == [INSTALL_LOCK, INSTALL_SELF]
    text = read("Dockerfile")
    assert text.index("COPY requirements.txt") < text.index("COPY bot")  # a cached layer
    assert "-e ." not in text and "USER rapport" in text
    assert 'CMD ["rapport", "web"]' in text


def test_the_systemd_recipe_installs_the_same_way() -> None:
    script = read("deploy/install")
    assert INSTALL_LOCK in script and INSTALL_SELF in script
    for process in ("web", "clock"):
        unit = read(f"deploy/systemd/rapport-{process}.service")
        assert "EnvironmentFile=/etc/rapport/env" in unit
        assert f"ExecStart=/opt/rapport/.venv/bin/rapport {process}" in unit
    assert "ExecStartPre=/opt/rapport/.venv/bin/rapport migrate" in read(
        "deploy/systemd/rapport-web.service"
    )
    guide = read("docs/operations.md")
    assert "deploy/install" in guide and "deploy/systemd/" in guide


def test_heroku_reads_the_hashed_runtime_lock_and_runs_the_same_commands() -> None:
    # Heroku's Python buildpack installs requirements.txt and nothing else (not the
    # project), so the Procfile runs the package from the source tree.
    procfile = dict(line.split(": ", 1) for line in read("Procfile").splitlines())
    assert procfile == {
        "release": "python -m bot migrate",
        "web": "python -m bot web",
        "clock": "python -m bot clock",
        "worker": "python -m bot worker",
    }
    guide = read("docs/operations.md")
    for command in procfile.values():
        assert f"`{command}`" in guide or command in guide, command


def compose() -> dict[str, Any]:
    """compose.yaml as Compose reads it (YAML merge keys resolved)."""
    loaded: dict[str, Any] = yaml.safe_load(read("compose.yaml"))
    return loaded


def test_compose_builds_one_image_and_runs_every_process_from_it() -> None:
    services = compose()["services"]
    assert set(services) == {"db", "migrate", "web", "clock", "worker", "caddy"}
    assert [name for name, service in services.items() if "build" in service] == ["migrate"]
    for name in ("migrate", "web", "clock", "worker"):
        assert services[name]["image"] == "rapport:local", name
        assert services[name]["command"] == ["rapport", name], name
    for name in ("web", "clock", "worker"):  # never pulled: the image migrate built
        assert services[name]["pull_policy"] == "never"
        assert services[name]["depends_on"]["migrate"] == {
            "condition": "service_completed_successfully"
        }
        assert services[name]["depends_on"]["db"] == {"condition": "service_healthy"}
    # On PostgreSQL the clock and web enqueue pulse DMs and workers send them
    # (`docker compose up -d --scale worker=N` for more).
    for name in ("web", "clock", "worker"):
        assert services[name]["environment"]["JOB_QUEUE"] == "postgres", name


def test_compose_takes_either_mode_and_its_secrets_from_the_env_file() -> None:
    services = compose()["services"]
    for name in ("migrate", "web", "clock", "worker"):
        assert services[name]["env_file"] == ".env", name
        # Only the database (and for the processes that send, the queue) is set here;
        # the mode and its secrets come from .env.
        expected = {"DATABASE_URL"} | ({"JOB_QUEUE"} if name != "migrate" else set())
        assert set(services[name]["environment"]) == expected, name
        assert services[name]["environment"]["DATABASE_URL"].startswith(
            "postgresql://rapport:${POSTGRES_PASSWORD:?"
        )
    for mode, needs in (
        ("single-workspace", {"SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET"}),
        ("two-companies", {"SLACK_CLIENT_ID", "SLACK_CLIENT_SECRET", "SLACK_SIGNING_SECRET"}),
    ):
        example = read(f"deploy/{mode}.env.example")
        names = set(re.findall(r"^([A-Z_]+)=", example, re.MULTILINE))
        assert needs | {"RAPPORT_SECRET_KEY", "POSTGRES_PASSWORD", "RAPPORT_HOST"} <= names
        assert ("SLACK_BOT_TOKEN" in names) == (mode == "single-workspace")


def test_each_env_example_once_filled_in_starts_its_mode() -> None:
    filled = {
        "SLACK_BOT_TOKEN": "xoxb-1",
        "SLACK_SIGNING_SECRET": "s",
        "SLACK_CLIENT_ID": "1.2",
        "SLACK_CLIENT_SECRET": "c",
        "RAPPORT_SECRET_KEY": "Y1BXRjJ2QkJqZkx2OXF5U1R1b3NZd0h1Z0N3c2VnZ1k=",
        "POSTGRES_PASSWORD": "p",
    }
    for mode, distributed in (("single-workspace", False), ("two-companies", True)):
        env = dict(re.findall(r"^([A-Z_]+)=(.*)$", read(f"deploy/{mode}.env.example"), re.M))
        env.update({name: filled[name] for name in env if name in filled})
        settings = load_settings(env)  # one line per problem, raised, if the mode is unclear
        assert bool(settings.slack_client_id) == distributed, mode


def test_compose_checks_health_and_puts_tls_in_front() -> None:
    services = compose()["services"]
    check = " ".join(services["web"]["healthcheck"]["test"])
    assert "http://127.0.0.1:3000/healthz" in check
    assert "pg_isready" in " ".join(services["db"]["healthcheck"]["test"])
    assert services["web"]["ports"] == ["127.0.0.1:3000:3000"]  # not to the world in clear
    caddy = services["caddy"]
    assert caddy["image"].startswith("caddy:") and "443:443" in caddy["ports"]
    assert "./deploy/Caddyfile:/etc/caddy/Caddyfile:ro" in caddy["volumes"]
    assert caddy["depends_on"]["web"] == {"condition": "service_healthy"}
    caddyfile = read("deploy/Caddyfile")
    assert "{$RAPPORT_HOST}" in caddyfile and "reverse_proxy web:3000" in caddyfile


def test_the_guide_backs_up_and_restores_through_compose() -> None:
    guide = read("docs/operations.md")
    assert "docker compose exec -T db pg_dump" in guide
    assert "docker compose exec -T db pg_restore" in guide
    for topic in ("pg_dump", "pg_restore", ".backup", "rapport migrate", "/healthz", "systemd"):
        assert topic in guide, topic
    assert "RAPPORT_SECRET_KEY" in guide


def test_the_image_leaves_local_files_out() -> None:
    ignored = read(".dockerignore").split()
    for pattern in (".env", ".venv", ".git", "*.db", "tests"):
        assert pattern in ignored, pattern


def test_the_two_companies_guide_lists_exactly_the_permissions_asked_for() -> None:
    section = read("docs/two-companies.md").split("## What each Slack admin approves")[1]
    section = section.split("\n## ")[0]
    rows = re.findall(r"^\| `([a-z_:.]+)` \| (.+) \|$", section, re.MULTILINE)
    assert [scope for scope, _ in rows] == list(BOT_SCOPES)
    assert all(len(reason) > 20 for _, reason in rows)
    manifest = yaml.safe_load(read("manifest.yml"))
    assert manifest["oauth_config"]["scopes"]["bot"] == list(BOT_SCOPES)
    for event in manifest["settings"]["event_subscriptions"]["bot_events"]:
        assert f"`{event}`" in section, event


def test_the_two_companies_guide_answers_the_four_questions() -> None:
    guide = read("docs/two-companies.md")
    for heading in (
        "## Who should host it",
        "## Who can read what",
        "## What each Slack admin approves",
        "## Sharing the Slack Connect channel",
        "## How to leave",
    ):
        assert heading in guide, heading
    assert "ratings, not comments" in guide
    for step in ("/rapport export", "rapport purge", "Remove app", "/rapport archive"):
        assert step in guide, step


def test_every_recipe_runs_the_python_the_locks_were_made_for() -> None:
    # The locks are resolved for one Python; Heroku's buildpack reads .python-version.
    version = read(".python-version").strip()
    assert f"FROM python:{version}-slim" in read("Dockerfile")
    for lock in ("requirements.lock", "requirements.txt"):
        assert f"autogenerated by pip-compile with Python {version}" in read(lock), lock
    project = tomllib.loads(read("pyproject.toml"))["project"]
    assert project["requires-python"] == f">={version}"
