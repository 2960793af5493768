"""Imports run one way: no cycle among the package's modules, counting imports inside
functions (they run later, but still tie the modules together).

An import of ``aligner.x.y`` also runs ``aligner/x/__init__.py``, so it counts as an import
of the package ``aligner.x`` too. Imports under ``if TYPE_CHECKING:`` never run and are not
counted.
"""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"


def _modules() -> dict[str, tuple[Path, bool]]:
    out = {}
    for path in (SRC / "aligner").rglob("*.py"):
        parts = list(path.relative_to(SRC).with_suffix("").parts)
        is_package = parts[-1] == "__init__"
        out[".".join(parts[:-1] if is_package else parts)] = (path, is_package)
    return out


def _runtime_imports(tree: ast.AST):
    """Import nodes anywhere in ``tree`` except inside ``if TYPE_CHECKING:``."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            yield from (n for child in node.orelse for n in _runtime_imports(child))
            continue
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            yield node
        yield from _runtime_imports(node)


def import_graph() -> dict[str, set[str]]:
    """Module -> the package modules it imports (with their parent packages)."""
    modules = _modules()
    graph: dict[str, set[str]] = {}
    for name, (path, is_package) in modules.items():
        package = name.split(".") if is_package else name.split(".")[:-1]
        targets: set[str] = set()
        for node in _runtime_imports(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            else:
                if node.module == "__future__":
                    continue
                base = ".".join(package[: len(package) - node.level + 1] + [node.module or ""]).rstrip(".") \
                    if node.level else (node.module or "")
                names = [base] + [f"{base}.{a.name}" for a in node.names]
            for target in names:
                if target in modules:
                    parts = target.split(".")
                    targets.update(".".join(parts[:k]) for k in range(2, len(parts) + 1))
        own = {".".join(name.split(".")[:k]) for k in range(1, len(name.split(".")) + 1)}
        graph[name] = targets - own  # a module's own packages are initialised before it runs
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_no_import_cycle_among_src_modules():
    graph = import_graph()
    found = cycles(graph)
    detail = [f"{c}: " + "; ".join(f"{v} -> {sorted(graph[v] & set(c))}" for v in c) for c in found]
    assert not found, "import cycles:\n" + "\n".join(detail)


def test_the_check_sees_imports_inside_functions_and_parent_packages():
    graph = import_graph()
    assert "aligner.errors" in graph["aligner.segment.core"]  # imported inside a function
    assert "aligner.align" in graph["aligner.score.fidelity"]  # via aligner.align.model
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
