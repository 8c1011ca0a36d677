"""A help point as data: the export rows and its schema.org organisation."""

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

FIELDS = [
    "name",
    "kind",
    "region",
    "district",
    "municipality",
    "street_address",
    "postal_code",
    "opening_hours",
    "phone",
    "email",
    "website",
    "note",
]


def record(point) -> dict:
    row = {name: getattr(point, name) for name in FIELDS}
    row["kind_label"] = str(point.get_kind_display())
    row["region_label"] = str(point.get_region_display())
    return row


def headers() -> dict:
    """Column titles of the export in the reader's language."""
    return {
        "name": pgettext("help point", "Name"),
        "kind": _("Kind"),
        "kind_label": _("Kind (label)"),
        "region": _("Region"),
        "region_label": _("Region (label)"),
        "district": _("District"),
        "municipality": _("Municipality"),
        "street_address": _("Street and number"),
        "postal_code": _("Postcode"),
        "opening_hours": _("Opening hours"),
        "phone": _("Phone"),
        "email": _("E-mail"),
        "website": _("Website"),
        "note": _("Note"),
    }


def organisation(request, point) -> dict:
    """A GovernmentOrganization for public bodies, an Organization for NGO partners."""
    data = {
        "@type": "GovernmentOrganization" if point.is_public_body else "Organization",
        "name": point.name,
        "areaServed": point.municipality,
        "address": {
            "@type": "PostalAddress",
            "streetAddress": point.street_address,
            "addressLocality": point.municipality,
            "postalCode": point.postal_code,
            "addressRegion": str(point.get_region_display()),
            "addressCountry": "CZ",
        },
    }
    if point.phone:
        data["telephone"] = point.phone
    if point.email:
        data["email"] = point.email
    if point.website:
        data["url"] = point.website
    if point.opening_hours:
        data["description"] = point.opening_hours
    return data
