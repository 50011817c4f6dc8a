"""The layout's promises: layers import one way, and modules stay small enough to read."""

from __future__ import annotations

import shutil
import statistics
from pathlib import Path

from tests.support.import_contract import check

ROOT = Path(__file__).parent.parent
PACKAGES = ("bot", "handlers", "storage")


def modules() -> list[Path]:
    return [p for top in PACKAGES for p in (ROOT / top).rglob("*.py")]


def test_the_tree_keeps_the_import_contract() -> None:
    assert [str(v) for v in check(ROOT)] == []


def test_a_wrong_import_anywhere_is_caught(tmp_path: Path) -> None:
    for top in PACKAGES:
        shutil.copytree(ROOT / top, tmp_path / top, ignore=shutil.ignore_patterns("__pycache__"))
    assert check(tmp_path) == []
    wrong = {
        "bot/domain/scoring.py": "import sqlalchemy\nfrom bot.services import pulses\n",
        "bot/slack/format.py": "from bot.services.container import Container\n",
        "handlers/home.py": "from handlers import pulse_dm\n",
        "storage/db.py": "from handlers.commands import registry\n",
    }
    for path, line in wrong.items():
        target = tmp_path / path
        target.write_text(line + target.read_text())
    found = {(v.module, v.imported) for v in check(tmp_path)}
    assert ("bot.domain.scoring", "sqlalchemy") in found
    assert ("bot.domain.scoring", "bot.services") in found
    assert ("bot.slack.format", "bot.services.container") in found
    assert ("handlers.home", "handlers.pulse_dm") in found
    assert ("storage.db", "handlers.commands") in found
    rules = {v.rule for v in check(tmp_path)}
    assert any("cycle" in rule for rule in rules)


def test_modules_stay_small() -> None:
    sizes = {p.relative_to(ROOT): len(p.read_text().splitlines()) for p in modules()}
    assert {str(p): n for p, n in sizes.items() if n > 300} == {}
    assert statistics.median(sizes.values()) < 100
