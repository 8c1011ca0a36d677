"""schema.org metadata (JSON-LD) for the organisation, breadcrumbs and articles."""

import json

from django.conf import settings
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

# The same escapes as Django's json_script: the JSON can never close its <script> element.
_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def to_script(data) -> str:
    payload = json.dumps(data, ensure_ascii=False, default=str).translate(_SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{payload}</script>')  # noqa: S308


def organisation(request, home_url: str, contact=None) -> dict:
    data = {
        "@type": "Organization",
        "@id": request.build_absolute_uri(home_url) + "#organization",
        "name": settings.WAGTAIL_SITE_NAME,
        "url": request.build_absolute_uri(home_url),
    }
    if contact is not None:
        point = {"@type": "ContactPoint", "contactType": "customer support", "name": contact.name}
        if contact.email:
            point["email"] = contact.email
        if contact.phone:
            point["telephone"] = contact.phone
        data["contactPoint"] = point
    return data


def breadcrumb_list(request, crumbs: list[tuple[str, str]]) -> dict:
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": name,
                "item": request.build_absolute_uri(url),
            }
            for position, (name, url) in enumerate(crumbs, start=1)
        ],
    }


def article(request, page, organisation_id: str, image_url: str | None) -> dict:
    data = {
        "@type": "NewsArticle" if hasattr(page, "date") else "Article",
        "headline": page.title[:110],
        "description": page.meta_description,
        "inLanguage": get_language(),
        "mainEntityOfPage": request.build_absolute_uri(page.url),
        "datePublished": (page.first_published_at or page.latest_revision_created_at),
        "dateModified": (page.last_published_at or page.first_published_at),
        "author": {"@id": organisation_id},
        "publisher": {"@id": organisation_id},
    }
    if image_url:
        data["image"] = request.build_absolute_uri(image_url)
    return data
