"""The README's configuration table tells the truth: a default it gives for development or
production is the value the settings modules produce when the environment does not set it.

The settings are imported in a fresh interpreter with an empty environment (only the variables
production requires, which the table marks **required** and which are not compared), and with
no .env read, so neither this process's settings nor a developer's overrides count.
"""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"

REQUIRED_IN_PRODUCTION = {
    "SECRET_KEY": "readme-table-test-key-" + "x" * 40,
    "ALLOWED_HOSTS": "portal.example",
    "EMAIL_URL": "console://",
    "DEFAULT_FROM_EMAIL": "Portal <noreply@portal.example>",
}

# Rows this change does not own, which disagree with the settings today; each entry must go
# once its row is corrected (the test then says so).
KNOWN_WRONG: set[tuple[str, str]] = set()

PROBE = """
import json, sys
import environs
environs.Env.read_env = lambda *args, **kwargs: False  # no developer's .env
import importlib
module = importlib.import_module(sys.argv[1])
names = json.loads(sys.argv[2])
values = {}
for name in names:
    if hasattr(module, name):
        value = getattr(module, name)
        if isinstance(value, (bool, int, float, str)):
            values[name] = value
print(json.dumps(values))
"""


def table_rows() -> list[tuple[str, str, str]]:
    """(variable, development cell, production cell) of every row of the table."""
    text = README.read_text()
    start = text.index("| Variable | Default (development) | Production | Meaning |")
    rows = []
    for line in text[start:].splitlines()[2:]:
        if not line.startswith("|"):
            break
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        names = re.findall(r"`([A-Z][A-Z0-9_]*)`", cells[0])
        development, production = cells[1], cells[2]
        values_dev = literal_values(development, len(names))
        values_prod = literal_values(production, len(names))
        for index, name in enumerate(names):
            rows.append(
                (
                    name,
                    values_dev[index] if values_dev else None,
                    values_prod[index] if values_prod else None,
                )
            )
    return rows


def literal_values(cell: str, count: int):
    """The cell's literal values, one per variable of the row, when the cell is nothing but
    literals (optionally followed by a remark in parentheses or after a colon); None when it
    describes rather than states (empty, "unset", "recommended", "`0` in development, …")."""
    head = re.split(r"\s\(|:\s", cell, maxsplit=1)[0].strip()
    literals = re.fullmatch(r"`[^`]*`(?:,\s*`[^`]*`)*", head)
    if not literals:
        return None
    values = re.findall(r"`([^`]*)`", head)
    return values if len(values) == count else None


def parsed(literal: str):
    if literal in ("true", "false"):
        return literal == "true"
    if re.fullmatch(r"-?\d+", literal):
        return int(literal)
    return literal


def produced(module: str, names: list[str], environment: dict) -> dict:
    completed = subprocess.run(  # noqa: S603 - this interpreter, our own probe
        [sys.executable, "-c", PROBE, module, json.dumps(names)],
        cwd=ROOT,
        env={"PATH": os.environ.get("PATH", ""), **environment},
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return json.loads(completed.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def rows():
    return table_rows()


@pytest.fixture(scope="module")
def development(rows):
    # SECRET_KEY too, only so that the probe writes no key file into var/.
    environment = {"SECRET_KEY": REQUIRED_IN_PRODUCTION["SECRET_KEY"]}
    return produced("portal.settings.dev", [row[0] for row in rows], environment)


@pytest.fixture(scope="module")
def production(rows):
    return produced("portal.settings.production", [row[0] for row in rows], REQUIRED_IN_PRODUCTION)


def test_the_table_is_read(rows):
    names = {row[0] for row in rows}
    assert {"STAFF_2FA_REQUIRED", "SECURE_HTTPS", "PAGE_CACHE_SECONDS"} <= names
    assert len(rows) > 40


def test_the_readme_gives_staff_2fa_required_as_the_settings_produce_it(
    rows, development, production
):
    [(_name, in_development, in_production)] = [r for r in rows if r[0] == "STAFF_2FA_REQUIRED"]
    assert parsed(in_development) == development["STAFF_2FA_REQUIRED"]
    assert parsed(in_production) == production["STAFF_2FA_REQUIRED"]


def test_every_default_the_readme_states_is_the_one_the_settings_produce(
    rows, development, production
):
    compared, wrong = [], []
    for name, in_development, in_production in rows:
        for column, literal, values in (
            ("development", in_development, development),
            ("production", in_production, production),
        ):
            if literal is None or name in REQUIRED_IN_PRODUCTION or name not in values:
                continue
            if re.fullmatch(r"[A-Z][A-Z0-9_]*", literal):
                continue  # another variable's value, a fallback the code may apply at use
            compared.append(f"{name} ({column})")
            agrees = parsed(literal) == values[name]
            if agrees == ((name, column) in KNOWN_WRONG):
                wrong.append(f"{name} in {column}: README `{literal}`, settings {values[name]!r}")
    assert not wrong, wrong
    # The comparison is not vacuous: the booleans and numbers of the table are checked.
    assert "STAFF_2FA_REQUIRED (development)" in compared
    assert "STAFF_2FA_REQUIRED (production)" in compared
    assert len(compared) >= 15, compared
