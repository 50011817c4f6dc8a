"""The layout's promises: layers import one way, and modules stay small enough to read.

The import contracts live in `pyproject.toml` (`[tool.importlinter]`) and `.ci/run` checks
them with `lint-imports`; these tests run the same check on the tree and on a copy with
wrong imports planted, so a contract that stopped catching anything would fail here.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import warnings
from pathlib import Path

ROOT = Path(__file__).parent.parent
PACKAGES = ("bot", "handlers", "storage")
WARN_AT = 300
FAIL_AT = 400


def modules() -> list[Path]:
    return [p for top in PACKAGES for p in (ROOT / top).rglob("*.py")]


def lint_imports(tree: Path) -> subprocess.CompletedProcess[str]:
    """`lint-imports` on the packages under `tree`, with the project's contracts."""
    lint = Path(sys.executable).with_name("lint-imports")
    environment = {**os.environ, "PYTHONPATH": str(tree)}
    return subprocess.run(
        [str(lint), "--no-cache", "--config", str(ROOT / "pyproject.toml")],
        cwd=tree,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_tree_keeps_the_import_contracts() -> None:
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_a_wrong_import_anywhere_is_caught(tmp_path: Path) -> None:
    for top in PACKAGES:
        shutil.copytree(ROOT / top, tmp_path / top, ignore=shutil.ignore_patterns("__pycache__"))
    wrong = {
        "bot/domain/scoring.py": "import sqlalchemy\nfrom bot.services import pulses\n",
        "bot/slack/event_ids.py": "from bot.wiring.container import Container\n",
        "bot/views/mrkdwn.py": "import slack_sdk\nimport storage\n",
        "handlers/home.py": "from handlers import pulse_dm\n",
        "storage/db.py": "from handlers.commands import registry\n",
    }
    for path, line in wrong.items():
        target = tmp_path / path
        target.write_text(line + target.read_text())
    report = lint_imports(tmp_path).stdout
    assert "bot.domain.scoring -> sqlalchemy" in report
    assert "bot.domain.scoring -> bot.services" in report
    assert "bot.slack.event_ids -> bot.wiring.container" in report
    assert "bot.views.mrkdwn -> slack_sdk" in report
    assert "bot.views.mrkdwn -> storage" in report
    assert "handlers.home -> handlers.pulse_dm" in report
    assert "storage.db -> handlers.commands" in report
    assert "No two packages import each other BROKEN" in report
    assert "Contracts: 0 kept, 7 broken." in report


def test_modules_stay_small() -> None:
    sizes = {str(p.relative_to(ROOT)): len(p.read_text().splitlines()) for p in modules()}
    assert {p: n for p, n in sizes.items() if n > FAIL_AT} == {}
    for path, lines in sorted(sizes.items()):
        if lines > WARN_AT:
            warnings.warn(f"{path} has {lines} lines (a smell past {WARN_AT})", stacklevel=1)
    assert statistics.median(sizes.values()) < 100


MIRRORED_FROM = 40
MIRRORED_SHARE = 0.70


def mirrored() -> dict[str, bool]:
    """Each product module of `MIRRORED_FROM` lines or more (as `wc -l` counts them; package
    `__init__` files and migrations aside), and whether `tests/` has its mirrored test file:
    `storage/deliveries.py` → `tests/storage/test_deliveries.py`."""
    found = {}
    for path in modules():
        relative = path.relative_to(ROOT)
        if path.name == "__init__.py" or "migrations" in relative.parts:
            continue
        if path.read_bytes().count(b"\n") < MIRRORED_FROM:
            continue
        found[str(relative)] = (ROOT / "tests" / relative.parent / f"test_{path.name}").is_file()
    return found


def test_seventy_percent_of_modules_have_a_mirrored_test_file() -> None:
    """A reader finds a module's tests where the module is; most modules must have them."""
    found = mirrored()
    share = sum(found.values()) / len(found)
    missing = "\n".join(sorted(path for path, has in found.items() if not has))
    assert share >= MIRRORED_SHARE, (
        f"{sum(found.values())} of {len(found)} modules ({share:.1%}) have a mirrored test "
        f"file, under {MIRRORED_SHARE:.0%}; without one:\n{missing}"
    )
