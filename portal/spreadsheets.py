"""Every CSV the project writes is safe to open in a spreadsheet (CSV injection, OWASP).

A cell that starts with `=`, `+`, `-`, `@`, a tab or a line break is a formula to Excel and
LibreOffice; `=HYPERLINK(...)` or a DDE call in a subscriber's address or an inquiry's
message would run on the computer of the member of staff who opens the export. Such a cell
gets a leading apostrophe, which makes it text.

A value made only of digits, spaces and the marks of a phone number or an amount
(`+420 224 861 111`, `-5`) can build no function call, so it is written as it is: an
apostrophe in front of every phone number would be shown literally by the spreadsheet.

Wagtail's admin exports (`SpreadsheetExportMixin`, behind every "Download CSV" of the admin:
pages, users, snippets, the project's own lists) write CSV cells unchanged, while their XLSX
cells are already forced to text. `defuse_admin_exports`, run once when the apps are ready
(portal.apps), routes that mixin's one CSV method through `defused`, so that no list, ours or
Wagtail's, can be exported without it.
"""

import re

from wagtail.admin.views.mixins import SpreadsheetExportMixin

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
PLAIN_NUMBER = re.compile(r"[+-]?[\d ()./-]*\d[\d ()./-]*")


def defused(value):
    """The value as a spreadsheet should show it: a would-be formula becomes text."""
    if not isinstance(value, str):
        return value
    if value.startswith(FORMULA_STARTS) and not PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


def _defused_csv_row(self, writer, row_dict):
    return writer.writerow(
        {
            field: defused(self.preprocess_field_value(field, value, self.FORMAT_CSV))
            for field, value in row_dict.items()
        }
    )


def defuse_admin_exports() -> None:
    """Every admin CSV export defuses its cells (see the module's docstring)."""
    SpreadsheetExportMixin.write_csv_row = _defused_csv_row
