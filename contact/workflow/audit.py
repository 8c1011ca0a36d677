"""The contact centre's entries in Wagtail's audit log: what happened to an inquiry, by whom.

Entries carry references, statuses and staff names only, never what the requester wrote.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogFormatter
from wagtail.log_actions import log as wagtail_log

from contact.models import Status

RECEIVED = "contact.inquiry.received"
LOGGED = "contact.inquiry.logged"
SUSPECTED_SPAM = "contact.inquiry.suspected_spam"
ASSIGNED = "contact.inquiry.assigned"
STATUS_CHANGED = "contact.inquiry.status_changed"
MOVED = "contact.inquiry.moved"
NOTE_ADDED = "contact.inquiry.note_added"
REPLIED = "contact.inquiry.replied"
EXPORTED = "contact.inquiry.exported"
ANONYMISED = "contact.inquiry.anonymised"
SPAM_DELETED = "contact.inquiry.spam_deleted"


def log(inquiry, action, user=None, **data):
    return wagtail_log(inquiry, action, user=user, data=data)


def _status_label(value) -> str:
    try:
        return str(Status(value).label)
    except ValueError:
        return str(value)


class StatusChangedFormatter(LogFormatter):
    label = _("Change inquiry status")

    def format_message(self, log_entry):
        return _("Status changed from “%(old)s” to “%(new)s”") % {
            "old": _status_label(log_entry.data.get("old", "")),
            "new": _status_label(log_entry.data.get("new", "")),
        }


class AssignedFormatter(LogFormatter):
    label = _("Assign inquiry")

    def format_message(self, log_entry):
        assignee = log_entry.data.get("assignee")
        if not assignee:
            return _("Unassigned")
        return _("Assigned to %(assignee)s") % {"assignee": assignee}


class MovedFormatter(LogFormatter):
    label = _("Move inquiry to another queue")

    def format_message(self, log_entry):
        return _("Moved from queue “%(old)s” to “%(new)s”") % {
            "old": log_entry.data.get("old", ""),
            "new": log_entry.data.get("new", ""),
        }


class ReceivedFormatter(LogFormatter):
    label = _("Receive inquiry")

    def format_message(self, log_entry):
        data = {"queue": log_entry.data.get("queue", ""), "rule": log_entry.data.get("rule", "")}
        if data["rule"]:
            return _("Received; rule “%(rule)s” sent it to queue “%(queue)s”") % data
        return _("Received into queue “%(queue)s”") % data


def register_actions(actions):
    actions.register_action(RECEIVED)(ReceivedFormatter)
    actions.register_action(
        LOGGED, _("Log a phone or e-mail inquiry"), _("Logged by staff from a phone call or e-mail")
    )
    actions.register_action(
        SUSPECTED_SPAM, _("File as suspected spam"), _("Filed as suspected spam")
    )
    actions.register_action(ASSIGNED)(AssignedFormatter)
    actions.register_action(STATUS_CHANGED)(StatusChangedFormatter)
    actions.register_action(MOVED)(MovedFormatter)
    actions.register_action(NOTE_ADDED, _("Add internal note"), _("Internal note added"))
    actions.register_action(REPLIED, _("Reply to the requester"), _("Reply sent to the requester"))
    actions.register_action(
        EXPORTED, _("Export personal data"), _("Exported in answer to a personal data request")
    )
    actions.register_action(ANONYMISED, _("Anonymise inquiry"), _("Personal data removed"))
    actions.register_action(
        SPAM_DELETED, _("Delete suspected spam"), _("Suspected spam deleted after 30 days")
    )
