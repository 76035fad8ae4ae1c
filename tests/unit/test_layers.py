"""The layers of the house, held against every import of every non-test module.

Each top-level package may import only the packages listed before it. Within the order there
is no way back up, so no cycle between packages; cycles between modules are looked for
separately, typing-only imports included.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# Bottom to top; a package imports only packages before it.
LAYERS = (
    "domain",  # aggregates, values, rules: no infrastructure
    "runtime",  # what every process shares: log lines, request ids, setting errors
    "wording",  # the words in German and English: catalogues, dates, the glossary
    "store",  # settings, start-up, transcodings, the events' transaction, one Db/Tx
    "calendars",  # RFC 5545 events and time zones for feeds and mails
    "application",  # PeerLearningApp: load, call the aggregate, record
    "demo",  # the demo catalogue, written through the commands
    "projections",  # the read models
    "audit",  # history, time travel, the hash chain, crypto-shredding
    "scheduler",  # reminders and notices by mail
    "api",  # the HTTP API
    "web",  # the public page, its feeds and forms, on the API's plumbing
    "peerlearning",  # the composition root and the command line
    "bench",  # the benchmark harness
)
LONG_MODULE = 250
REASON = "Longer than 250 lines because"


def modules() -> dict[str, Path]:
    found = {}
    for package in LAYERS:
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = path.relative_to(ROOT).with_suffix("").parts
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            found[name] = path
    return found


def imported(path: Path, name: str, known: dict[str, Path]) -> Iterator[str]:
    """The project modules `path` imports, typing-only ones too."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            targets = [f"{base}.{alias.name}" for alias in node.names] + [base]
        else:
            continue
        for target in targets:
            while target and target not in known:
                target = target.rpartition(".")[0]
            if target and target != name:
                yield target


def graph() -> dict[str, set[str]]:
    known = modules()
    return {name: set(imported(path, name, known)) for name, path in known.items()}


def top(module: str) -> str:
    return module.split(".")[0]


def test_every_package_of_the_tree_has_a_layer() -> None:
    packages = {p.parent.name for p in ROOT.glob("*/__init__.py")} - {"tests"}
    assert packages == set(LAYERS)


def test_no_package_imports_one_above_it() -> None:
    upward = [
        f"{source} imports {target}"
        for source, targets in graph().items()
        for target in targets
        if LAYERS.index(top(target)) > LAYERS.index(top(source))
    ]
    assert upward == []


def test_no_cycle_between_packages() -> None:
    edges = {(top(s), top(t)) for s, ts in graph().items() for t in ts if top(s) != top(t)}
    assert cycles({a: {b for x, b in edges if x == a} for a in LAYERS}) == []


def test_no_cycle_between_modules() -> None:
    assert cycles(graph()) == []


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one node (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in edges.get(node, ()):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def test_no_module_is_long_without_a_reason_at_its_top() -> None:
    long = [
        f"{name}: {lines} lines"
        for name, path in modules().items()
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > LONG_MODULE
        and REASON not in (ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or "")
    ]
    assert long == []


@pytest.mark.parametrize(
    ("edges", "expected"),
    [
        ({"a": {"b"}, "b": {"c"}, "c": set()}, []),
        ({"a": {"b"}, "b": {"a"}}, [["a", "b"]]),
        ({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}, [["a", "b", "c"]]),
    ],
)
def test_cycles_are_found(edges: dict[str, set[str]], expected: list[list[str]]) -> None:
    assert cycles(edges) == expected


def test_an_upward_import_is_seen(tmp_path: Path) -> None:
    module = tmp_path / "probe.py"
    module.write_text("from api.app import build_app\nif False:\n    import web.views\n")
    known = {"api.app": module, "web.views": module, "domain": module}
    assert set(imported(module, "domain.probe", known)) == {"api.app", "web.views"}
