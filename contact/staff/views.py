"""The admin's inquiry screens: the list, one inquiry with its thread and actions, and logging
an inquiry that came by phone or e-mail. Every action calls a function of
contact.workflow.services."""

from itertools import chain

from django.contrib.admin.utils import quote
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView
from wagtail.admin import messages
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.views.generic.usage import UsageView
from wagtail.log_actions import registry as log_registry

from contact.models import CannedAnswer, Inquiry, InquiryTopic, Queue, Status
from contact.workflow import services

from .canned import canned_answers_for, canned_reply
from .forms import AssignForm, LogInquiryForm, MoveForm, NoteForm, ReplyForm, StatusForm


class DueDateColumn(Column):
    """The due date, saying when it has passed or is paused."""

    def get_value(self, instance):
        if instance.due_date is None:
            return ""
        shown = date_format(instance.due_date, "SHORT_DATE_FORMAT")
        if instance.status == Status.WAITING:
            return _("%(date)s (paused)") % {"date": shown}
        if instance.is_overdue(timezone.localdate()):
            return _("%(date)s (overdue)") % {"date": shown}
        return shown


class TopicColumn(Column):
    """The topic in the admin's language, whichever language the requester wrote in (its
    translation, or the topic as stored when it has none); without a topic, what kind of
    message it is. InquiryIndexView looks the translations up for the whole page at once."""

    def get_value(self, instance):
        if not instance.topic_id:
            return instance.get_kind_display()
        return getattr(instance, "topic_in_admin_language", instance.topic).name


def show_topics_in_language(inquiries, language_code):
    """Give each inquiry `topic_in_admin_language`, in one query for them all."""
    keys = {inquiry.topic.translation_key for inquiry in inquiries if inquiry.topic_id}
    translated = {
        topic.translation_key: topic
        for topic in InquiryTopic.objects.filter(
            translation_key__in=keys, locale__language_code=language_code
        )
    }
    for inquiry in inquiries:
        if inquiry.topic_id:
            key = inquiry.topic.translation_key
            inquiry.topic_in_admin_language = translated.get(key, inquiry.topic)
    return inquiries


class OwnQueuesOnly:
    """Wagtail's per-object views (history, usage, delete) for inquiries: another queue's
    inquiry does not exist for this user (404, so that not even its reference shows)."""

    def get_base_object_queryset(self):
        visible = Queue.objects.visible_to(self.request.user)
        return super().get_base_object_queryset().filter(queue__in=visible)


class InquiryHistoryView(OwnQueuesOnly, HistoryView):
    pass


class InquiryUsageView(OwnQueuesOnly, UsageView):
    pass


class InquiryDeleteView(OwnQueuesOnly, generic.DeleteView):
    pass


class InquiryIndexView(generic.IndexView):
    def get_base_queryset(self):
        return Inquiry.objects.visible_to(self.request.user).select_related(
            "queue", "topic", "assignee"
        )

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        if not (self.filters and self.filters.shows_spam()):
            queryset = queryset.exclude(status=Status.SPAM)
        return queryset

    def get_list_more_buttons(self, instance):
        return []  # the reference opens the inquiry; everything else happens there

    def get_table(self, object_list):
        inquiries = show_topics_in_language(list(object_list), translation.get_language())
        return super().get_table(inquiries)


class InquiryDetailView(PermissionCheckedMixin, generic.WagtailAdminTemplateMixin, TemplateView):
    """One inquiry: the message and everything since (replies, notes, the audit trail), and
    the forms to assign it, move it, change its status, note something and reply."""

    model = Inquiry
    permission_required = "change"
    template_name = "contact/staff/inquiry_detail.html"
    header_icon = "mail"
    index_url_name = "contact_inquiries:index"

    ACTIONS = {
        "assign": AssignForm,
        "status": StatusForm,
        "move": MoveForm,
        "note": NoteForm,
        "reply": ReplyForm,
    }

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.inquiry = get_object_or_404(
            Inquiry.objects.visible_to(request.user).select_related(
                "queue", "topic", "assignee", "routed_by", "page", "logged_by"
            ),
            pk=kwargs["pk"],
        )

    def get_page_title(self):
        return _("Inquiry %(inquiry)s") % {"inquiry": self.inquiry}

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(self.index_url_name), "label": _("Inquiries")},
            {"url": "", "label": str(self.inquiry)},
        ]

    def _form(self, action, data=None):
        form_class = self.ACTIONS[action]
        kwargs = {"prefix": action}
        if form_class in (AssignForm, StatusForm, MoveForm):
            kwargs["inquiry"] = self.inquiry
        if action == "reply" and data is None:
            kwargs["initial"] = {"body": self._canned_text()}
        return form_class(data, **kwargs)

    def _canned_text(self) -> str:
        answer_id = self.request.GET.get("canned", "")
        if not answer_id.isdigit():
            return ""
        answer = CannedAnswer.objects.filter(pk=answer_id).first()
        return canned_reply(answer, self.inquiry.language, self.request) if answer else ""

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action")
        if action not in self.ACTIONS:
            raise Http404
        form = self._form(action, request.POST)
        if form.is_valid():
            try:
                done = self._perform(action, form.cleaned_data)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, done)
                return redirect(request.path)
        return self.render_to_response(self.get_context_data(**{f"{action}_form": form}))

    def _perform(self, action, data) -> str:
        user = self.request.user
        inquiry = self.inquiry
        if action == "assign":
            services.assign(inquiry, data["assignee"], by=user)
            return _("Assignment saved.")
        if action == "status":
            services.change_status(inquiry, data["status"], by=user)
            return _("Status changed.")
        if action == "move":
            services.move(inquiry, data["queue"], by=user)
            return _("Moved to queue “%(queue)s”.") % {"queue": data["queue"]}
        if action == "note":
            services.add_note(inquiry, data["body"], by=user)
            return _("Note added.")
        services.reply(inquiry, data["body"], by=user, then=data["then"])
        return _("Reply queued for sending to %(email)s.") % {"email": inquiry.email}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        inquiry = self.inquiry
        for action in self.ACTIONS:
            context.setdefault(f"{action}_form", self._form(action))
        context.update(
            inquiry=inquiry,
            thread=self._thread(),
            canned_answers=canned_answers_for(inquiry.language),
            history=log_registry.get_logs_for_instance(inquiry).select_related("user"),
            history_url=reverse("contact_inquiries:history", args=[quote(inquiry.pk)]),
            overdue=inquiry.is_overdue(timezone.localdate()),
            can_reply=bool(inquiry.email) and inquiry.status != Status.SPAM,
            suggestions=inquiry.suggestions.select_related("page").order_by("shown_at"),
        )
        return context

    def _thread(self):
        """Replies, the acknowledgement and notes in the order they happened."""
        messages_sent = self.inquiry.messages.select_related("author", "email")
        notes = self.inquiry.notes.select_related("author")
        entries = chain(
            ({"kind": "message", "item": message} for message in messages_sent),
            ({"kind": "note", "item": note} for note in notes),
        )
        return sorted(entries, key=lambda entry: (entry["item"].created_at, entry["kind"]))


class LogInquiryView(PermissionCheckedMixin, generic.WagtailAdminTemplateMixin, FormView):
    """An inquiry that arrived by phone or e-mail, typed in so that it is routed, numbered,
    acknowledged and worked like any other."""

    model = Inquiry
    permission_required = "add"
    form_class = LogInquiryForm
    template_name = "contact/staff/log_inquiry.html"
    page_title = gettext_lazy("Log a phone or e-mail inquiry")
    header_icon = "mail"

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("contact_inquiries:index"), "label": _("Inquiries")},
            {"url": "", "label": self.get_page_title()},
        ]

    def form_valid(self, form):
        data = form.cleaned_data
        topic = data["topic"]
        received = services.receive(
            services.NewInquiry(
                kind=data["kind"],
                channel=data["channel"],
                message=data["message"],
                language=data["language"],
                email=data["email"],
                name=data["name"],
                phone=data["phone"],
                topic=topic.in_language(data["language"]) if topic else None,
                region=data["region"],
                requester_type=data["requester_type"],
                logged_by=self.request.user,
                acknowledge=data["acknowledge"],
            )
        )
        inquiry = received.inquiry
        messages.success(
            self.request,
            _("Logged as %(reference)s in queue “%(queue)s”.")
            % {"reference": inquiry.reference, "queue": inquiry.queue},
        )
        if self.visible(inquiry):
            return redirect("contact_inquiries:edit", inquiry.pk)
        return redirect("contact_inquiries:index")

    def visible(self, inquiry) -> bool:
        return self.permission_policy.user_has_permission_for_instance(
            self.request.user, "change", inquiry
        )
