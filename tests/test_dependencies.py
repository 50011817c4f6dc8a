"""Dependencies: every runtime one bounded above, none vulnerable, all pinned in the lock."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).parent.parent


def _runtime() -> list[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    return list(project["dependencies"])


def _locked() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "requirements.lock").read_text().splitlines():
        pin = re.match(r"([A-Za-z0-9_.-]+)==([^ ]+)", line)
        if pin:
            pins[re.sub(r"[-_.]+", "-", pin.group(1)).lower()] = pin.group(2)
    return pins


def test_every_runtime_dependency_has_an_upper_bound_and_a_pin() -> None:
    pins = _locked()
    for requirement in _runtime():
        assert "<" in requirement, requirement
        name = re.sub(r"[-_.]+", "-", re.split(r"[\[<>=!~ ]", requirement)[0]).lower()
        assert name in pins, name


def test_waitress_is_past_the_2024_request_smuggling_fixes() -> None:
    assert any(r.startswith("waitress>=3.0.1") for r in _runtime())
    major, minor, patch = (int(p) for p in _locked()["waitress"].split(".")[:3])
    assert (major, minor, patch) >= (3, 0, 1)


def test_ci_installs_from_the_lock_file() -> None:
    ci = (ROOT / ".ci" / "run").read_text()
    assert "pip install -q --require-hashes -r requirements.lock" in ci
