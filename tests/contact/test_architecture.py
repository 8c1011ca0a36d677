"""The content app knows nothing of the contact centre, which knows nothing of the bulletin."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def imported_modules(app: str) -> set[str]:
    found = set()
    for path in (ROOT / app).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found.add(node.module)
    return found


def test_home_never_imports_the_contact_centre():
    assert not {m for m in imported_modules("home") if m.split(".")[0] == "contact"}


def test_the_contact_centre_never_imports_the_bulletin():
    assert not {m for m in imported_modules("contact") if m.split(".")[0] == "newsletter"}
