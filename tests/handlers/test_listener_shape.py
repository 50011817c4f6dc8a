"""A handler parses, authorises, calls a use case and renders: it opens no transaction.

Read from each module's syntax tree, so an import or a call is found however it is
written, and a word in a docstring or a comment is not mistaken for one.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

HANDLERS = Path(__file__).parents[2] / "handlers"
FORBIDDEN_PACKAGES = ("storage", "sqlalchemy")
TRANSACTIONS = ("unit_of_work", "reading")
"""The database's two ways to open a session (`storage.db.Database`)."""


def handler_modules() -> list[Path]:
    return sorted(HANDLERS.rglob("*.py"))


def imported(tree: ast.AST) -> list[str]:
    """Every module a tree imports, at any depth (inside functions and TYPE_CHECKING too)."""
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append(node.module)
    return found


def transactions(tree: ast.AST) -> list[str]:
    """Every use of a session opener: `x.unit_of_work(...)`, `x.reading`, or the bare name."""
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr in TRANSACTIONS:
            found.append(f"line {node.lineno}: .{node.attr}")
        elif isinstance(node, ast.Name) and node.id in TRANSACTIONS:
            found.append(f"line {node.lineno}: {node.id}")
    return found


def forbidden_imports(tree: ast.AST) -> list[str]:
    return [
        name
        for name in imported(tree)
        if any(name == top or name.startswith(top + ".") for top in FORBIDDEN_PACKAGES)
    ]


def test_every_handler_module_is_checked() -> None:
    names = {short(p) for p in handler_modules()}
    assert {"pulse_dm.py", "listener.py", "commands/settings.py", "commands/people.py"} <= names


def short(path: Path) -> str:
    return path.relative_to(HANDLERS).as_posix()


@pytest.mark.parametrize("path", handler_modules(), ids=short)
def test_a_handler_opens_no_transaction_and_imports_no_storage(path: Path) -> None:
    tree = ast.parse(path.read_text(), filename=str(path))
    assert forbidden_imports(tree) == [], "a handler calls a use case in bot/services instead"
    assert transactions(tree) == [], "the transaction belongs in a use case in bot/services"


PLANTED = [
    "import storage\n",
    "from storage.models import Pulse\n",
    "import sqlalchemy.orm as orm\n",
    "def f():\n    from sqlalchemy import select\n",
    "if TYPE_CHECKING:\n    from storage.db import Database\n",
]


@pytest.mark.parametrize("source", PLANTED)
def test_a_planted_storage_import_is_caught(source: str) -> None:
    assert forbidden_imports(ast.parse(source)) != []


@pytest.mark.parametrize(
    "source",
    [
        "with container.database.unit_of_work() as session:\n    pass\n",
        "with c.database.reading() as s:\n    pass\n",
        "open = database.unit_of_work\n",
    ],
)
def test_a_planted_transaction_is_caught(source: str) -> None:
    assert transactions(ast.parse(source)) != []


def test_words_in_text_are_not_mistaken_for_code() -> None:
    source = '"""Reading the storage and its unit_of_work."""\nx = "import storage"\n'
    tree = ast.parse(source)
    assert (forbidden_imports(tree), transactions(tree)) == ([], [])
