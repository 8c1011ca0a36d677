"""Publishing a new page while its first autosave is under way.

Wagtail 8's page editor autosaves the create view: the first autosave POSTs the create form
(as JSON) and creates the page as a draft, and only when its answer arrives does the editor
switch the form's action to the new page's edit view. A click on Publish (or Save draft, or
Submit) before that answer, or an autosave still debouncing when the button is pressed, posts
the create form a second time with the same slug. Wagtail then answers either "The slug is
already in use" (the editor's publish is lost: the page stays an unpublished draft) or, when
both requests run at once, a 500 (both pass the slug check and `add_child` gives the same
tree path to two pages).

The workaround, a `before_create_page` hook:

- every POST to the create view runs under a lock on the parent page's row, so two creations
  under one parent never overlap and the second sees the first's page;
- a click (not an autosave) whose slug collides with the editor's own autosaved draft of
  moments ago is applied to that draft by Wagtail's own edit view, which checks the
  permissions and publishes, submits or saves as the click asked. The create form holds the
  whole page, inline rows (topics, related pages, comments) included, none of them with the
  draft's row ids: they replace the draft's rows instead of being added beside them.

Anything else with that slug (another user's page, a live page, a page ever published, an
older draft, a draft in moderation or of another type) gives Wagtail's validation error as
before. So does a colliding autosave: it may carry older text than the click that created the
page, and the editor's next click lands on the draft anyway.
"""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.urls import get_script_prefix, resolve, reverse
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Page

# How old the editor's own draft may be for a click to land on it: the race lasts as long as
# one autosave request, its retries after a network error included (2 + 4 + 8 + 16 + 32 s).
FRESH_DRAFT = timedelta(minutes=5)

_SETTLED = "_create_race_settled"
_TAKEN_OVER = "_create_race_draft_pk"


def posted_slug(request) -> str:
    """The slug the create form will validate: the posted one, or the title's as Wagtail
    makes it when the slug is left empty."""
    slug = request.POST.get("slug", "").strip()
    if not slug:
        allow_unicode = getattr(settings, "WAGTAIL_ALLOW_UNICODE_SLUGS", True)
        slug = slugify(request.POST.get("title", ""), allow_unicode=allow_unicode)
    return slug


def own_fresh_draft(request, parent_page, page_class, now=None):
    """The page under parent_page with the posted slug, if it is this user's draft of moments
    ago that nobody else has touched and that has never been live; otherwise None."""
    slug = posted_slug(request)
    if not slug:
        return None
    page = parent_page.get_children().filter(slug=slug).first()
    if page is None or page.specific_class is not page_class:
        return None
    user = request.user
    if (
        page.live
        or page.first_published_at is not None
        or page.last_published_at is not None
        or page.live_revision_id is not None
        or page.alias_of_id is not None
        or page.owner_id != user.pk
        or page.locked
        or page.workflow_in_progress
    ):
        return None
    revisions = page.revisions.all()
    if revisions.exclude(user_id=user.pk).exists():
        return None
    first = revisions.order_by("created_at", "pk").first()
    latest = page.latest_revision
    since = (now or timezone.now()) - FRESH_DRAFT
    if first is None or latest is None or first.created_at < since or latest.created_at < since:
        return None
    return page


def _expects_json(request) -> bool:
    # As Wagtail's JsonPostResponseMixin decides; the autosave sends Accept: application/json.
    return not request.accepts("text/html")


def _run(request, path_info):
    match = resolve(path_info, getattr(request, "urlconf", None))
    return match.func(request, *match.args, **match.kwargs)


@transaction.atomic
def settle(request, parent_page, page_class):
    # Held until this transaction ends, after the create view below has added its page: a
    # second creation under this parent waits here and then finds the first one's page.
    Page.objects.select_for_update().filter(pk=parent_page.pk).values_list("pk").first()
    draft = None if _expects_json(request) else own_fresh_draft(request, parent_page, page_class)
    if draft is None:
        return _run(request, request.path_info)  # Wagtail's create view, now under the lock
    setattr(request, _TAKEN_OVER, draft.pk)
    edit_url = reverse("wagtailadmin_pages:edit", args=[draft.pk])
    return _run(request, "/" + edit_url.removeprefix(get_script_prefix()))


def before_create_page(request, parent_page, page_class):
    if request.method != "POST" or getattr(request, _SETTLED, False):
        return None
    setattr(request, _SETTLED, True)
    return settle(request, parent_page, page_class)


def before_edit_page(request, page):
    """The draft a click has taken over starts from no inline rows: the create form's rows
    are all of them (the edit view would otherwise keep the draft's rows and add these)."""
    if getattr(request, _TAKEN_OVER, None) != page.pk:
        return None
    form_class = page.get_edit_handler().get_form_class()
    for relation in form_class._meta.formsets or ():
        setattr(page, relation, [])
    return None
