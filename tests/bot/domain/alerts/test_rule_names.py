"""A rule's name is written in its own module and the registry, nowhere else in product code.

Everything else reads a rule's pieces from its record (`RULES[name].title`), so a new
rule is one module and no dict keyed by its name has to grow anywhere.
"""

from __future__ import annotations

import ast
from pathlib import Path

from bot.domain.alerts import RULES

ROOT = Path(__file__).resolve().parents[4]
PRODUCT = ("bot", "handlers", "storage")
REGISTRY = ROOT / "bot" / "domain" / "alerts" / "registry.py"
RULE_MODULES = ROOT / "bot" / "domain" / "alerts" / "rules"
SENTIMENT = ROOT / "bot" / "domain" / "sentiment"
"""Left out: the sentiment lexicons and cue tables hold ordinary words ("silence",
"decline") and the scorer names its own matching rules; none of them is an alert rule."""
OTHER_MEANINGS = {
    "gap": (
        "bot/domain/engagement_settings.py",  # the gap threshold setting, `config gap=15`
        "bot/domain/reply_text.py",  # that setting's label
        "bot/domain/portfolio_text.py",  # the gap between the two scores, a CSV column
        "export.py",  # the same figure, a column of the engagement export
    ),
}
"""Files where a rule's name is also the plain word for something else, and what it names."""


def quoted(path: Path) -> list[tuple[str, int]]:
    """Every string literal in a module that is a rule's name, with its line; the names a
    module's ``__all__`` lists are Python names, not rule keys."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    exported: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(isinstance(t, ast.Name) and t.id == "__all__" for t in targets):
                exported |= {id(c) for c in ast.walk(node) if isinstance(c, ast.Constant)}
    return [
        (node.value, node.lineno)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and node.value in RULES
        and id(node) not in exported
    ]


def allowed(path: Path, name: str) -> bool:
    relative = path.relative_to(ROOT).as_posix()
    if path == REGISTRY or path == RULE_MODULES / f"{name}.py":
        return True
    return any(relative.endswith(where) for where in OTHER_MEANINGS.get(name, ()))


def test_a_rule_name_is_written_only_in_its_module_and_the_registry() -> None:
    scanned = [
        path
        for package in PRODUCT
        for path in sorted((ROOT / package).rglob("*.py"))
        if SENTIMENT not in path.parents
    ]
    assert len(scanned) > 100
    stray = [
        f"{path.relative_to(ROOT)}:{line}: {name!r}"
        for path in scanned
        for name, line in quoted(path)
        if not allowed(path, name)
    ]
    assert stray == []


def test_the_scan_finds_a_name_written_as_a_key(tmp_path: Path) -> None:
    module = tmp_path / "words.py"
    module.write_text('TITLES = {"watermelon": "Watermelon"}\n__all__ = ["blind_spot"]\n')
    assert quoted(module) == [("watermelon", 1)]
