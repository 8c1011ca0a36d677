"""The import rules of docs/architecture.md, checked on the source itself.

- portal/ (settings, caching, mail, abuse limits) imports no app, except where it wires the
  apps together: the root URLconf and the demo command.
- home/ knows nothing of the bulletin or the contact centre; those two never import each other.
- No import cycle, counting imports inside functions too (they only hide a cycle).
- An import of the project's own code inside a function says why, in a comment beside it.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("portal", "home", "newsletter", "contact")
# Where portal/ may import the apps: it wires them together there.
PORTAL_WIRING = {"portal.urls", "portal.demo"}
FORBIDDEN = {
    "home": {"newsletter", "contact"},
    "newsletter": {"contact"},
    "contact": {"newsletter"},
}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _source_files():
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path


MODULES = {_module_name(path): path for path in _source_files()}


def _resolve(name: str) -> str | None:
    """The project module an import names (longest known prefix), or None if not ours."""
    while name:
        if name in MODULES:
            return name
        name = name.rpartition(".")[0]
    return None


def _imports(module: str, path: Path):
    """(imported module, lines, inside a function) for each import of project code."""
    tree = ast.parse(path.read_text(), filename=str(path))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    functions = {
        id(node)
        for parent in ast.walk(tree)
        if isinstance(parent, ast.FunctionDef | ast.AsyncFunctionDef)
        for node in ast.walk(parent)
    }
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            # "from home.pages import models" names a module; "from x import func" does not.
            names = [f"{base}.{alias.name}" for alias in node.names] + [base]
        targets = {_resolve(name) for name in names} - {None, module}
        # "from a.b import c" also matches its parent a.b; keep the most specific only.
        targets = {t for t in targets if not any(o.startswith(t + ".") for o in targets)}
        for target in targets:
            yield target, (node.lineno, node.end_lineno), id(node) in functions


GRAPH = {module: list(_imports(module, path)) for module, path in MODULES.items()}


def _app(module: str) -> str:
    return module.split(".")[0]


def test_the_graph_is_read():
    """The rules below are only as good as the graph: it must see the known edges."""
    assert ("portal.caching.frame", "home.frame.navigation") in {
        (target, module) for module, edges in GRAPH.items() for target, _line, _local in edges
    }
    assert len(MODULES) > 150


def test_portal_imports_apps_only_where_it_wires_them():
    found = [
        f"{module} -> {target}"
        for module, edges in GRAPH.items()
        if _app(module) == "portal" and module not in PORTAL_WIRING
        for target, _line, _local in edges
        if _app(target) != "portal"
    ]
    assert found == []


@pytest.mark.parametrize("app", sorted(FORBIDDEN))
def test_apps_depend_one_way(app):
    found = [
        f"{module} -> {target}"
        for module, edges in GRAPH.items()
        if _app(module) == app
        for target, _line, _local in edges
        if _app(target) in FORBIDDEN[app]
    ]
    assert found == []


def _cycles():
    """Strongly connected components of more than one module (Tarjan's algorithm)."""
    index, low, on_stack, stack, components = {}, {}, set(), [], []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target, _line, _local in GRAPH.get(node, []):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                components.append(sorted(component))

    for module in sorted(GRAPH):
        if module not in index:
            visit(module)
    return components


def test_no_import_cycles():
    assert _cycles() == []


def test_function_local_imports_of_project_code_say_why():
    unexplained = []
    for module, edges in GRAPH.items():
        lines = MODULES[module].read_text().splitlines()
        for target, (first, last), local in edges:
            if not local:
                continue
            statement, above = lines[first - 1 : last], lines[first - 2] if first > 1 else ""
            if not any("#" in line for line in statement) and not above.strip().startswith("#"):
                unexplained.append(f"{module}:{first} imports {target}")
    assert unexplained == []


def test_a_cycle_would_be_found():
    """The cycle check itself: a graph with a loop in it is reported."""
    saved = dict(GRAPH)
    try:
        GRAPH["home.pages.models"] = [*GRAPH["home.pages.models"], ("home.models", (1, 1), True)]
        assert any("home.pages.models" in component for component in _cycles())
    finally:
        GRAPH.clear()
        GRAPH.update(saved)
