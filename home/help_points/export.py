"""The directory's current filtered list as CSV (for Excel) and JSON (for programs)."""

import csv
import io
import json

from django.http import HttpResponse

from home.help_points.data import FIELDS, headers, record
from portal.spreadsheets import defused

# The labels, not the codes, for people reading the sheet; otherwise the fields as stored.
EXPORT_COLUMNS = [
    {"kind": "kind_label", "region": "region_label"}.get(name, name) for name in FIELDS
]


def as_csv(points, filename: str) -> HttpResponse:
    buffer = io.StringIO()
    # Excel reads a CSV as UTF-8 only when it starts with a byte order mark.
    buffer.write("\ufeff")
    writer = csv.writer(buffer)
    titles = headers()
    writer.writerow([titles[column] for column in EXPORT_COLUMNS])
    for point in points:
        row = record(point)
        writer.writerow([defused(str(row[column])) for column in EXPORT_COLUMNS])
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def as_json(points, filename: str) -> HttpResponse:
    items = [record(point) for point in points]
    payload = json.dumps({"count": len(items), "items": items}, ensure_ascii=False, indent=2)
    response = HttpResponse(payload, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
