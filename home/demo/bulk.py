"""Thousands of live articles in seconds, for benchmarks and query-count tests.

Creating pages one by one walks the tree and saves revisions (tens of milliseconds each);
here the tree paths are computed and the rows inserted in batches. The pages are plain live
articles without revisions, as if published long ago; pass index=True to add them to the
search index as well.
"""

import uuid
from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from home.pages.models import ArticlePage
from home.taxonomy.models import PageTopic

BODY = (
    "<p>Obec poskytuje byty lidem v bytové nouzi a spolupracuje s neziskovými organizacemi. "
    "Sociální práce provází nájemníky, aby bydlení udrželi.</p>"
)


@transaction.atomic
def add_articles(section, count, *, topics=(), listing_image=None, index=False, start=0):
    """Add `count` live articles under `section`; returns their primary keys."""
    # Wagtail has no bulk page creation (wagtail/wagtail#11480, open) and Django's bulk_create
    # refuses a model with a parent table (Django ticket #28821, open): so the page rows are
    # created in bulk with treebeard's own path arithmetic (Page._str2int, Page._int2str), and
    # the article rows with the insert bulk_create itself runs (_base_manager._insert).
    section = Page.objects.get(pk=section.pk)
    last = section.get_last_child()
    step = Page._str2int(last.path[-Page.steplen :]) if last else 0
    content_type = ContentType.objects.get_for_model(ArticlePage)
    now = timezone.now()
    base = []
    for number in range(start, start + count):
        step += 1
        slug = f"hromadny-clanek-{number}"
        base.append(
            Page(
                title=f"Hromadný článek {number} o sociálním bydlení",
                draft_title=f"Hromadný článek {number} o sociálním bydlení",
                slug=slug,
                content_type=content_type,
                path=section.path + Page._int2str(step).rjust(Page.steplen, "0"),
                depth=section.depth + 1,
                numchild=0,
                url_path=f"{section.url_path}{slug}/",
                locale_id=section.locale_id,
                translation_key=uuid.uuid4(),
                live=True,
                first_published_at=now - timedelta(minutes=number),
                last_published_at=now - timedelta(minutes=number),
            )
        )
    Page.objects.bulk_create(base, batch_size=500)
    pks = list(
        Page.objects.filter(path__in=[page.path for page in base]).values_list("pk", flat=True)
    )
    articles = [
        ArticlePage(
            page_ptr_id=pk,
            summary="Jak obec a neziskové organizace spolupracují v sociálním bydlení.",
            body=[{"type": "paragraph", "value": BODY}],
            listing_image=listing_image,
        )
        for pk in pks
    ]
    fields = ArticlePage._meta.local_concrete_fields
    for start_at in range(0, len(articles), 500):
        ArticlePage._base_manager._insert(articles[start_at : start_at + 500], fields, raw=True)
    links = [
        PageTopic(page_id=pk, topic=topic, locale_id=section.locale_id, sort_order=order)
        for pk in pks
        for order, topic in enumerate(topics)
    ]
    PageTopic.objects.bulk_create(links, batch_size=500)
    Page.objects.filter(pk=section.pk).update(numchild=section.numchild + count)
    if index:
        from wagtail.search.backends import get_search_backend

        backend = get_search_backend()
        backend.add_bulk(ArticlePage, list(ArticlePage.objects.filter(pk__in=pks)))
    return pks
