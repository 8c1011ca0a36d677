"""portal/ is the project's base: the apps import it, it imports no app except to wire them."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
APPS = ("home", "newsletter", "contact")
# The root URLconf and the demo command put the apps together; nothing else in portal may.
WIRING = {ROOT / "portal" / "urls.py", ROOT / "portal" / "demo.py"}


def test_portal_imports_no_app_outside_its_wiring():
    found = set()
    for path in (ROOT / "portal").rglob("*.py"):
        if path in WIRING or "migrations" in path.parts:
            continue
        # ast.walk: function-local imports too, which hide a dependency from Python only.
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            rel = path.relative_to(ROOT)
            found.update(f"{rel}: {n}" for n in names if n.split(".")[0] in APPS)
    assert not found


def test_the_shared_footer_fills_in_the_placeholders_portals_tags_leave():
    # home.frame_fragment still defines its own copies; they must stay the same strings
    # until it imports them from portal.fragment_placeholders.
    from home import frame_fragment
    from portal import fragment_placeholders

    for name in ("CONTEXT_FLAG", "PAGE_PATH", "FORM_STARTED", "CSRF_FIELD"):
        assert getattr(frame_fragment, name) == getattr(fragment_placeholders, name), name
