"""What the product imports is installed in production, not only on developers' machines."""

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
APPS = ("portal", "home", "newsletter", "contact")


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~\[;@ ]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def _product_imports() -> set[str]:
    found = set()
    for app in APPS:
        for path in (ROOT / app).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Import):
                    found.update(alias.name.split(".")[0] for alias in node.names)
                elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                    found.add(node.module.split(".")[0])
    return found - set(sys.stdlib_module_names) - set(APPS)


def test_no_package_the_product_imports_is_only_a_development_dependency():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    runtime = {_name(r) for r in project["project"]["dependencies"]}
    dev_only = {
        _name(r) for group in project["dependency-groups"].values() for r in group
    } - runtime
    distributions = packages_distributions()
    imported = {
        _name(dist) for module in _product_imports() for dist in distributions.get(module, [])
    }
    assert not imported & dev_only
