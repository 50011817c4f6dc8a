"""Where the product fills a text module's sentences: the names each `.format` call passes.

Read from the source with `ast`, so a placeholder renamed in a sentence but not at its
caller (or the other way round) is found without running the caller. Only calls that
name every argument are read; a call that passes `**values` is left to the caller's tests.
"""

from __future__ import annotations

import ast
import importlib
import string
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[3]
PRODUCT = ("bot", "handlers", "storage")


def placeholders(sentence: str) -> set[str]:
    """The names a sentence's `{…}` fields ask for (`{host!r}` → "host")."""
    names = set()
    for _, field, _, _ in string.Formatter().parse(sentence):
        if field is not None:
            names.add(field.split(".")[0].split("[")[0].split("!")[0])
    return names


@dataclass(frozen=True)
class Fill:
    """One `.format` call on a constant of the module: which constant, which entry, what names."""

    constant: str
    key: object | None
    names: frozenset[str]
    where: str


def _aliases(tree: ast.Module, module: str) -> tuple[set[str], dict[str, str]]:
    parent, _, leaf = module.rpartition(".")
    modules: set[str] = set()
    constants: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == parent:
            modules |= {a.asname or a.name for a in node.names if a.name == leaf}
        elif isinstance(node, ast.ImportFrom) and node.module == module:
            constants |= {a.asname or a.name: a.name for a in node.names}
        elif isinstance(node, ast.Import):
            modules |= {a.asname for a in node.names if a.name == module and a.asname}
    return modules, constants


def _targets(
    node: ast.expr, modules: set[str], constants: dict[str, str]
) -> Iterator[tuple[str, object | None]]:
    if isinstance(node, ast.IfExp):
        yield from _targets(node.body, modules, constants)
        yield from _targets(node.orelse, modules, constants)
        return
    key: object | None = None
    if isinstance(node, ast.Subscript):
        key = node.slice.value if isinstance(node.slice, ast.Constant) else "*"
        node = node.value
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
        if node.value.id in modules:
            yield node.attr, key
    elif isinstance(node, ast.Name) and node.id in constants:
        yield constants[node.id], key


@cache
def _product() -> tuple[tuple[Path, str], ...]:
    """Every product module's source, read once per test process."""
    return tuple(
        (path, path.read_text(encoding="utf-8"))
        for top in PRODUCT
        for path in sorted((ROOT / top).rglob("*.py"))
    )


@cache
def _tree(path: Path) -> ast.Module:
    """A product module parsed once per test process (the tests only read the trees)."""
    return ast.parse(dict(_product())[path])


def fills(module: str) -> list[Fill]:
    """Every call in the product that fills one of `module`'s sentences by name."""
    found = []
    leaf = module.rpartition(".")[2]
    for path, source in _product():
        if leaf not in source:  # it neither imports the module nor names it
            continue
        tree = _tree(path)
        modules, constants = _aliases(tree, module)
        if not modules and not constants:
            continue
        for node in ast.walk(tree):
            if not (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "format"
                and not node.args
                and all(k.arg is not None for k in node.keywords)
            ):
                continue
            names = frozenset(k.arg for k in node.keywords if k.arg is not None)
            where = f"{path.relative_to(ROOT)}:{node.lineno}"
            for constant, key in _targets(node.func.value, modules, constants):
                found.append(Fill(constant, key, names, where))
    return found


def sentences(module: str, fill: Fill) -> list[str]:
    """The sentence(s) a fill formats: one entry of a dict, or all of them for a computed key."""
    value: Any = getattr(importlib.import_module(module), fill.constant)
    if isinstance(value, dict):
        value = list(value.values()) if fill.key == "*" else [value[fill.key]]
    elif isinstance(value, str):
        value = [value]
    return [v for v in value if isinstance(v, str)]


def misfilled(module: str) -> list[str]:
    """Each fill whose names differ from its sentence's placeholders, said as a line."""
    wrong = []
    for fill in fills(module):
        for sentence in sentences(module, fill):
            if placeholders(sentence) != fill.names:
                wrong.append(
                    f"{fill.where}: {fill.constant} asks {sorted(placeholders(sentence))}, "
                    f"gets {sorted(fill.names)}"
                )
    return wrong


def module_sentences(module: str) -> dict[str, str]:
    """Every sentence of a text module by a dotted name (`CONST` or `CONST.key`)."""
    found: dict[str, str] = {}
    loaded = importlib.import_module(module)
    for name in dir(loaded):
        if not name.isupper():
            continue
        value = getattr(loaded, name)
        if isinstance(value, str):
            found[name] = value
        elif isinstance(value, dict):
            found |= {f"{name}.{key}": v for key, v in value.items() if isinstance(v, str)}
        elif isinstance(value, tuple) and all(isinstance(v, str) for v in value):
            found |= {f"{name}.{i}": v for i, v in enumerate(value)}
    return found
