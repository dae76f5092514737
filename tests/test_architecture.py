"""The architecture as tests: pipelines in subpackages, no import cycle, thin packages."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import grimp

from reader.fields import ITEM_FIELDS
from reader.model import Item
from reader.search.records import Stored

PACKAGE = Path(__file__).resolve().parent.parent / "reader"

MAX_LINES = 450
"""STYLE asks for none over ~400; past this a module is split, unless listed below."""
LONG_MODULES = {
    # Each is listed so that it stays long on purpose, and no other module joins it.
    "parse/wrapdata.py": "generated data, not code: the wrap model's weights and "
    "its corpus bigram table (tools/train_stacks.py writes it)",
}


def _cycles(graph: grimp.ImportGraph) -> list[list[str]]:
    """Sets of more than one module that import each other (Tarjan); lazy and type-only count."""
    modules = sorted(graph.modules)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for target in sorted(graph.find_modules_directly_imported_by(module)):
            if target not in index:
                visit(target)
                low[module] = min(low[module], low[target])
            elif target in on_stack:
                low[module] = min(low[module], index[target])
        if low[module] == index[module]:
            group = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                group.append(top)
                if top == module:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for module in modules:
        if module not in index:
            visit(module)
    return found


def test_no_module_imports_itself_through_others() -> None:
    graph = grimp.build_graph("reader", exclude_type_checking_imports=False)
    assert _cycles(graph) == []


def test_the_top_of_the_package_holds_the_shared_core_only() -> None:
    modules = sorted(p.name for p in PACKAGE.glob("*.py"))
    packages = sorted(p.name for p in PACKAGE.iterdir() if (p / "__init__.py").exists())
    assert len(modules) <= 12, modules
    assert {"parse", "search", "importing", "cli", "tui"} <= set(packages)


def test_package_inits_are_a_docstring_only() -> None:
    for init in PACKAGE.glob("*/__init__.py"):
        body = ast.parse(init.read_text(encoding="utf-8")).body
        assert len(body) == 1, init
        assert isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant), init


def test_one_field_vocabulary_for_the_model_and_the_index() -> None:
    assert tuple(Item.__dataclass_fields__) == ITEM_FIELDS
    assert Stored._fields == (*ITEM_FIELDS, "header")  # the page's, on its first item


def test_no_module_is_longer_than_the_limit_unless_listed_with_a_reason() -> None:
    lengths = {
        path.relative_to(PACKAGE).as_posix(): len(path.read_text(encoding="utf-8").splitlines())
        for path in PACKAGE.rglob("*.py")
    }
    too_long = {name: n for name, n in lengths.items() if n > MAX_LINES}
    assert set(too_long) <= set(LONG_MODULES), too_long
    # A listed module that came back under the limit leaves the list.
    assert all(lengths.get(name, 0) > MAX_LINES for name in LONG_MODULES), lengths


def test_every_module_is_on_the_map_and_the_map_names_only_modules() -> None:
    """docs/architecture.md lists each module in its stage; a new module goes there too."""
    map_text = (PACKAGE.parent / "docs" / "architecture.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"`(reader/[\w/]+\.py)`", map_text))
    modules = {
        f"reader/{path.relative_to(PACKAGE).as_posix()}"
        for path in PACKAGE.rglob("*.py")
        if path.name != "__init__.py"
    }
    assert sorted(modules - listed) == [], "modules missing from docs/architecture.md"
    assert sorted(listed - modules) == [], "docs/architecture.md names no such module"


def _imported(tree: ast.Module) -> set[str]:
    """Every module a file imports, at the top, in functions or under TYPE_CHECKING."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
    return names


def test_only_the_tui_imports_textual() -> None:
    """Statically, lazy imports included (the subprocess tests check what a start loads)."""
    importers = set()
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        if any(name.split(".")[0] == "textual" for name in _imported(tree)):
            importers.add(path.relative_to(PACKAGE).parts[0])
    assert importers == {"tui"}
