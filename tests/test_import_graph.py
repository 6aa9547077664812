"""The package's import graph reads one direction: no module imports, even lazily inside a
function, a module that imports it back (imports under `TYPE_CHECKING` are types only)."""

from __future__ import annotations

import ast
from pathlib import Path

import atsmatch

PACKAGE = Path(atsmatch.__file__).resolve().parent


def _modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        name = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        found[name.removesuffix(".__init__")] = path
    return found


def _imports(path: Path, modules: dict[str, Path]) -> set[str]:
    """The package modules `path` imports at run time (at the top or inside a function)."""

    def resolve(name: str) -> str | None:
        while name and name not in modules:
            name = name.rpartition(".")[0]
        return name or None

    tree = ast.parse(path.read_text(encoding="utf-8"))
    typing_only = {
        id(inner)
        for node in ast.walk(tree)
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)
        for inner in ast.walk(node)
    }
    found: set[str | None] = set()
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if node.module.split(".")[0] == "atsmatch":
                found.update(resolve(f"{node.module}.{a.name}") for a in node.names)
        elif isinstance(node, ast.Import):
            found.update(resolve(a.name) for a in node.names if a.name.startswith("atsmatch."))
    return {m for m in found if m is not None}


def _cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for other in sorted(edges[node]):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            group = []
            while True:
                top = stack.pop()
                group.append(top)
                if top == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return groups


class TestImportGraph:
    def test_no_cycles(self) -> None:
        """No two modules import each other, directly or through others."""
        modules = _modules()
        edges = {
            name: {
                other
                for other in _imports(path, modules)
                # a submodule may use its own package's names (its __init__ imports it lazily)
                if other != name and not name.startswith(other + ".")
            }
            for name, path in modules.items()
        }
        assert _cycles(edges) == []

    def test_the_check_sees_a_cycle(self) -> None:
        """The cycle finder itself reports a loop (so a passing run means something)."""
        assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]

    def test_api_does_not_import_batch(self) -> None:
        """`batch` is a layer above `_api`, never imported by it."""
        modules = _modules()
        assert "atsmatch.batch" not in _imports(modules["atsmatch._api"], modules)
        assert "atsmatch._api" in _imports(modules["atsmatch.batch"], modules)
