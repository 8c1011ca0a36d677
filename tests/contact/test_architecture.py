"""The content app knows nothing of the contact centre, which knows nothing of the bulletin."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def imported_modules(app: str) -> set[str]:
    """Every module imported under app (a folder), relative imports made absolute."""
    found = set()
    for path in (ROOT / app).rglob("*.py"):
        package = list(path.relative_to(ROOT).parent.parts)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found.add(node.module)
            elif isinstance(node, ast.ImportFrom):
                base = package[: len(package) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
                # `from . import views` imports a module too: count contact.public.views.
                found.add(module)
                found.update(f"{module}.{alias.name}" for alias in node.names)
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


def test_the_workflow_imports_neither_the_public_side_nor_the_staff_side():
    # Both sides call into contact.workflow; were it to call back, a change to a view could
    # break filing an inquiry from the other side.
    sides = ("contact.public", "contact.staff")
    assert not {m for m in imported_modules("contact/workflow") if m.startswith(sides)}


def test_the_public_side_and_the_staff_side_do_not_import_each_other():
    assert not {m for m in imported_modules("contact/public") if m.startswith("contact.staff")}
    assert not {m for m in imported_modules("contact/staff") if m.startswith("contact.public")}
