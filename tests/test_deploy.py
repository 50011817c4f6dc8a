"""The deployment files keep the README's promises: same install steps, the same processes."""

from __future__ import annotations

import re
from pathlib import Path

from tests.test_readme import readme_commands

ROOT = Path(__file__).parent.parent


def dockerfile_runs() -> list[str]:
    """The shell steps of the Dockerfile's RUN instructions, split on &&."""
    text = (ROOT / "Dockerfile").read_text()
    runs = re.findall(r"^RUN (.+?)(?<!\\)$", text.replace("\\\n", " "), flags=re.MULTILINE)
    return [step.strip() for run in runs for step in run.split("&&")]


def test_the_docker_image_installs_the_way_the_readme_does() -> None:
    install, _ = readme_commands()
    *steps, start = [step.strip() for step in install.split("&&")]
    assert any("pip install" in step for step in steps)
    runs = dockerfile_runs()
    for step in steps:  # creating the venv, and every pip install, in the same words
        assert step in runs, f"the Dockerfile does not run the README's `{step}`"
    assert [s for s in runs if "pip install" in s] == [s for s in steps if "pip install" in s]
    program, command = start.split("/")[-1].split()  # ".venv/bin/rapport web"
    assert f'CMD ["{program}", "{command}"]' in (ROOT / "Dockerfile").read_text()


def services() -> dict[str, str]:
    """compose.yaml's services, each with the text of its block."""
    text = (ROOT / "compose.yaml").read_text().split("\nservices:\n", 1)[1].split("\nvolumes:")[0]
    blocks = re.split(r"^  (\w+):\n", text, flags=re.MULTILINE)[1:]
    return dict(zip(blocks[::2], blocks[1::2], strict=True))


def test_compose_runs_postgresql_web_and_clock_after_migrating() -> None:
    found = services()
    assert set(found) == {"db", "migrate", "web", "clock"}
    assert "image: postgres:" in found["db"]
    assert 'command: ["rapport", "migrate"]' in found["migrate"]
    for name in ("web", "clock"):
        assert f'command: ["rapport", "{name}"]' in found[name]
        assert "<<: *rapport" in found[name]
    header = (ROOT / "compose.yaml").read_text().split("\nservices:\n", 1)[0]
    assert "service_completed_successfully" in header and "DATABASE_URL: postgresql://" in header
    assert "/healthz" in found["web"]


def test_the_procfile_and_operations_guide_name_the_same_processes() -> None:
    procfile = (ROOT / "Procfile").read_text()
    guide = (ROOT / "docs" / "operations.md").read_text()
    for line in procfile.splitlines():
        _, command = line.split(": ", 1)
        assert f"`{command}`" in guide, command
    for topic in ("pg_dump", "pg_restore", ".backup", "rapport migrate", "/healthz", "systemd"):
        assert topic in guide, topic
