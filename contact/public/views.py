"""The public side: the contact page's routes and the "comments on this page" entry.

Views stay thin: the forms validate, contact.workflow.services files the inquiry, the
templates say what happens next.
"""

from datetime import timedelta

from django.conf import settings
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.views.decorators.http import require_safe
from wagtail.models import Page

from contact.models import MAX_MESSAGE_LENGTH, Kind, contact_page_for
from contact.workflow import services
from home.pages.querysets import published
from home.search.analysis import clean_query
from portal import form_checks
from portal.abuse import over_limit, too_many_requests
from portal.client_address import client_ip
from portal.form_checks import Outcome
from portal.private_pages import keep_private, secret_address_page

from . import accessible_formats, suggestions
from .forms import FeedbackForm, QuestionForm

# Defaults of the CONTACT_RATE_LIMITS setting.
RATE_LIMITS = {"per_ip": "10/h", "per_address": "5/h", "suggestions": "120/h"}
# The confirmation shows for a day; after that its address leads to the status page.
CONFIRMATION_WINDOW = timedelta(days=1)


def rate(name: str) -> str:
    return {**RATE_LIMITS, **getattr(settings, "CONTACT_RATE_LIMITS", {})}[name]


def private(response, referrer=True):
    """Never cached by a shared cache; pages whose address holds a secret send no Referer."""
    return keep_private(response, secret_address=not referrer)


def inquiry_form(request, page, kind):
    language = page.locale.language_code
    form_class = FeedbackForm if kind == Kind.FEEDBACK else QuestionForm
    suggested = []
    second_step = ""
    if request.method == "POST":
        form = form_class(request.POST, language=language)
        if kind == Kind.QUESTION and request.POST.get("intent") == "suggest":
            if over_limit(request, "contact-suggestions", rate("suggestions")):
                return too_many_requests(request)
            form, suggested = _show_suggestions(request, page, form_class, language)
        elif form.is_valid():
            outcome = form_checks.decide(form)
            if outcome == Outcome.ASKED_TO_CONFIRM:
                # Too quick for a person, or without a valid time-trap: never thanked for a
                # message nobody will answer; the form again, as sent, with one button. It
                # counts against the client's limit, so that a program cannot have it for free.
                if over_limit(request, "contact-ip", rate("per_ip")):
                    return too_many_requests(request)
                form_checks.record(f"contact-{kind}", outcome)
                form = _form_as_sent(request, form_class, language)
                second_step = form_checks.second_step_token()
            else:
                if _over_limits(request, form.cleaned_data.get("email", "")):
                    return too_many_requests(request)
                received = services.receive(_new_inquiry(request, form, kind, language, outcome))
                form_checks.record(f"contact-{kind}", outcome)
                if received.token is None:  # the honeypot: thanked, never told a reference
                    return redirect(page.route_url("received", request=request))
                return redirect(page.route_url("confirmation", received.token, request=request))
    else:
        initial = {"visit": suggestions.new_visit()}
        if kind == Kind.FEEDBACK:
            initial["page"] = request.GET.get("page", "")
            initial["document"] = request.GET.get("document", "")
        # "Ask the Contact Centre" from a search that found nothing brings the words along.
        elif asked := clean_query(request.GET.get("dotaz", ""))[:MAX_MESSAGE_LENGTH]:
            initial["message"] = asked
        form = form_class(initial=initial, language=language)
        if kind == Kind.FEEDBACK and (document := accessible_formats.requested(form)):
            form.initial["message"] = accessible_formats.prefilled_message(document)
    response = page.render(
        request,
        template="contact/contact_page.html",
        context_overrides={
            "form": form,
            "kind": kind,
            "suggested": suggested,
            "commented_page": _commented_page(form) if kind == Kind.FEEDBACK else None,
            "requested_document": (
                accessible_formats.requested(form) if kind == Kind.FEEDBACK else None
            ),
            "max_message_length": MAX_MESSAGE_LENGTH,
            "question_url": page.get_url(request),
            "feedback_url": page.route_url("feedback", request=request),
            "suggestions_url": page.route_url("suggestions", request=request),
            "second_step": second_step,
        },
    )
    return private(response)


def _over_limits(request, email: str) -> bool:
    if over_limit(request, "contact-ip", rate("per_ip")):
        return True
    return bool(email) and over_limit(
        request, "contact-address", rate("per_address"), value=email.lower()
    )


def _new_inquiry(request, form, kind, language, outcome) -> services.NewInquiry:
    data = form.cleaned_data
    commented = _commented_page(form) if kind == Kind.FEEDBACK else None
    message, document_url = data["message"], ""
    if kind == Kind.FEEDBACK and (document := accessible_formats.requested(form)):
        document_url = request.build_absolute_uri(document.url)
        message = accessible_formats.naming(document, document_url, message)
    return services.NewInquiry(
        kind=kind,
        message=message,
        language=language,
        email=data.get("email") or "",
        name=data.get("name", ""),
        topic=data.get("topic"),
        region=data.get("region", ""),
        requester_type=data.get("requester_type", ""),
        page_id=commented.pk if commented else None,
        page_url=((commented.full_url or "") if commented else document_url)[:500],
        visit=data.get("visit", ""),
        client_ip=client_ip(request),
        # Only the honeypot files a message as suspected spam now: a submission the time-trap
        # suspected has been confirmed by hand on the second step (portal.form_checks).
        spam_reasons=tuple(form.spam_reasons()) if outcome == Outcome.HONEYPOT else (),
    )


def _commented_page(form):
    """The live page a feedback form is about, from its hidden field."""
    raw = form.data.get("page") if form.is_bound else form.initial.get("page")
    try:
        page_id = int(raw)
    except (TypeError, ValueError):
        return None
    return published(Page.objects.filter(pk=page_id)).first()


def _form_as_sent(request, form_class, language):
    """The form again, unbound (no error messages, a new time-trap token), filled in as
    posted."""
    keep = [name for name in form_class.base_fields if name not in ("website", "form_started")]
    initial = {name: request.POST.get(name, "") for name in keep}
    initial["visit"] = suggestions.valid_visit(initial.get("visit", "")) or suggestions.new_visit()
    return form_class(initial=initial, language=language)


def _show_suggestions(request, page, form_class, language):
    """Without JavaScript: the form again, with its values and the articles that may answer
    the question, and no error messages (nothing was sent yet)."""
    form = _form_as_sent(request, form_class, language)
    initial = form.initial
    return form, _suggested(request, page, initial["message"], initial["visit"], language)


def _suggested(request, page, question, visit, language) -> list[dict]:
    pages = suggestions.suggest(question[:MAX_MESSAGE_LENGTH], language)
    suggestions.record_shown(visit, pages, language)
    return [
        {
            "title": article.title,
            "summary": article.summary,
            "url": page.route_url(
                "follow", suggestions.follow_token(visit, article.pk), request=request
            ),
        }
        for article in pages
    ]


def suggestions_fragment(request, page):
    """The suggestion list alone, for the form's script to show while a person types."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if over_limit(request, "contact-suggestions", rate("suggestions")):
        return too_many_requests(request)
    language = page.locale.language_code
    visit = suggestions.valid_visit(request.POST.get("visit", ""))
    items = _suggested(request, page, request.POST.get("message", ""), visit, language)
    response = render(request, "contact/includes/suggestions.html", {"suggested": items})
    return private(response)


def follow_suggestion(request, page, token):
    found = suggestions.read_follow_token(token)
    if found is None:
        raise Http404
    visit, page_id = found
    article = published(Page.objects.filter(pk=page_id)).first()
    if article is None:
        raise Http404
    suggestions.record_followed(visit, page_id)
    return redirect(article.get_url(request))


@secret_address_page
def confirmation(request, page, token):
    inquiry = services.find_by_token(token)
    if inquiry is None:
        raise Http404
    status_url = page.route_url("status", token, request=request)
    if timezone.now() - inquiry.received_at > CONFIRMATION_WINDOW:
        return redirect(status_url)
    response = page.render(
        request,
        template="contact/confirmation.html",
        context_overrides=_inquiry_context(inquiry, status_url),
    )
    return private(response, referrer=False)


def received(request, page):
    return private(page.render(request, template="contact/received.html"))


# Its 404 too is kept private and unreferred: a retired or mistyped link is still a token. It
# posts no form back, so it needs no CSRF exemption (its page's routes keep the check).
@secret_address_page
def status(request, page, token):
    inquiry = services.find_by_token(token)
    if inquiry is None:
        raise Http404
    return page.render(
        request,
        template="contact/status.html",
        context_overrides=_inquiry_context(inquiry, request.path),
    )


def _inquiry_context(inquiry, status_url) -> dict:
    language = translation.get_language()
    return {
        "inquiry": inquiry,
        "topic": inquiry.topic.in_language(language) if inquiry.topic_id else None,
        "status_url": status_url,
    }


def _feedback_form_about(request, field: str, object_id: int):
    """A redirect to the feedback form of the reader's language, its hidden field filled in."""
    contact_page = contact_page_for(translation.get_language())
    if contact_page is None:
        raise Http404
    return redirect(f"{contact_page.route_url('feedback', request=request)}?{field}={object_id}")


@require_safe
def page_feedback(request, page_id):
    """Where "Any comments on this page?" leads: the feedback form, told which page."""
    return _feedback_form_about(request, "page", page_id)


@require_safe
def accessible_format(request, document_id):
    """Where "Request an accessible format" leads: the feedback form, told which document."""
    return _feedback_form_about(request, "document", document_id)
