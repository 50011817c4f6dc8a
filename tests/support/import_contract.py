"""The import contract: which layer may import which, read from the source with `ast`.

Layers, lowest first: `bot.domain` (pure) ← `storage` ← `bot.slack` ← `bot.services`
← `handlers` ← `bot.wiring`. A module may import its own layer and the layers below it,
never above. On top of that: the domain imports nothing from Slack's SDKs or SQLAlchemy;
a handler module imports no other handler module except the shared ones; only the wiring
imports handlers; and no two packages import each other (no cycle).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

LAYERS = ("bot.domain", "storage", "bot.slack", "bot.services", "handlers", "bot.wiring")
FORBIDDEN_IN_DOMAIN = ("slack_sdk", "slack_bolt", "sqlalchemy", "alembic", "waitress")
SHARED_HANDLER_MODULES = ("handlers.replies", "handlers.commands.registry")
ROOTS = ("bot", "handlers", "storage")


@dataclass(frozen=True, slots=True)
class Violation:
    module: str
    imported: str
    rule: str

    def __str__(self) -> str:
        return f"{self.module} imports {self.imported}: {self.rule}"


def module_name(root: Path, path: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(path: Path, module: str) -> Iterator[str]:
    """Every module a file imports, absolute, including those under TYPE_CHECKING."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            yield base
            yield from (f"{base}.{alias.name}" for alias in node.names)


def _layer(module: str) -> int | None:
    for index, layer in enumerate(LAYERS):
        if module == layer or module.startswith(layer + "."):
            return index
    return None


def _within(module: str, prefix: str) -> bool:
    return module == prefix or module.startswith(prefix + ".")


def check(root: Path) -> list[Violation]:
    """Every broken rule in the tree under `root` (which holds `bot/`, `handlers/`, `storage/`)."""
    graph: dict[str, set[str]] = {}
    for top in ROOTS:
        for path in sorted((root / top).rglob("*.py")):
            module = module_name(root, path)
            graph[module] = {i for i in imports_of(path, module) if i.split(".")[0] in ROOTS}
            graph[module] |= {
                i for i in imports_of(path, module) if i.split(".")[0] in FORBIDDEN_IN_DOMAIN
            }
    violations: list[Violation] = []
    for module, imported in sorted(graph.items()):
        own = _layer(module)
        for target in sorted(imported):
            violations.extend(_rules(module, own, target))
    violations.extend(_cycles(graph))
    return violations


def _rules(module: str, own: int | None, target: str) -> Iterator[Violation]:
    theirs = _layer(target)
    if _within(module, "bot.domain") and target.split(".")[0] in FORBIDDEN_IN_DOMAIN:
        yield Violation(module, target, "the domain knows nothing of Slack or SQL")
    if own is not None and theirs is not None and theirs > own:
        yield Violation(module, target, f"{LAYERS[own]} may not import {LAYERS[theirs]}")
    if (
        _within(module, "handlers")
        and _within(target, "handlers")
        and not _within(target, module)
        and not any(_within(target, shared) for shared in SHARED_HANDLER_MODULES)
        and target not in ("handlers", "handlers.commands")
    ):
        yield Violation(module, target, "a handler imports no other handler module")


def _package(module: str) -> str:
    parts = module.split(".")
    return ".".join(parts[:2]) if parts[0] == "bot" else parts[0]


def _cycles(graph: dict[str, set[str]]) -> Iterator[Violation]:
    """Package-level cycles: `bot.x` imports `bot.y` and `bot.y` imports `bot.x`."""
    edges: dict[str, set[str]] = {}
    for module, imported in graph.items():
        for target in imported:
            if target.split(".")[0] in ROOTS and _package(target) != _package(module):
                edges.setdefault(_package(module), set()).add(_package(target))
    for source, targets in sorted(edges.items()):
        for target in sorted(targets):
            if source < target and source in edges.get(target, set()):
                yield Violation(source, target, "packages import each other (a cycle)")


def main() -> int:
    """`python -m tests.support.import_contract`: print every violation; non-zero if any."""
    violations = check(Path(__file__).resolve().parents[2])
    for violation in violations:
        print(violation)
    print(f"import contract: {len(violations)} violation(s)")
    return 1 if violations else 0


if __name__ == "__main__":
    raise SystemExit(main())
