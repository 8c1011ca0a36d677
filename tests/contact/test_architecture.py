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


def test_the_contact_models_import_nothing_above_them():
    # Anywhere in the file, function-local imports included: they hide a cycle from Python
    # but not from the design (models at the bottom, services above, views on top).
    models = ROOT / "contact" / "models"
    above = set()
    for path in models.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                continue  # relative: within contact.models
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            else:
                continue
            above.update(
                f"{path.name}: {name}"
                for name in names
                if name.split(".")[0] == "contact" and not name.startswith("contact.models")
            )
    assert not above


def test_the_contact_page_answers_its_routes_with_the_public_views():
    from contact.models import ContactPage
    from contact.public import views

    assert ContactPage.public_views is views
