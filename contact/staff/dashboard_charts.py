"""The editors' dashboard panel of inquiries by topic and by status, as charts."""

from datetime import datetime, time, timedelta

from django.db.models import Count
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from portal.charts import ChartPanel, bar_chart

from ..models import Inquiry, InquiryTopic
from ..models.choices import Status

DAYS = 90


def inquiries_by_topic(days: int = DAYS, today=None) -> list[tuple[str, int]]:
    """Inquiries received in the last ``days`` days per topic (a topic and its translations
    count as one), most frequent first."""
    recent = _recent(days, today)
    rows = recent.values("topic__translation_key").annotate(total=Count("pk"))
    totals = {row["topic__translation_key"]: row["total"] for row in rows}
    names = {
        topic.translation_key: topic.name
        for topic in InquiryTopic.objects.filter(translation_key__in=totals).for_language(
            translation.get_language()
        )
    }
    items = [(names.get(key) or _("No topic"), total) for key, total in totals.items()]
    return sorted(items, key=lambda item: (-item[1], item[0]))


def inquiries_by_status(days: int = DAYS, today=None) -> list[tuple[str, int]]:
    """Inquiries received in the last ``days`` days per status, in the order work flows."""
    rows = _recent(days, today).values("status").annotate(total=Count("pk"))
    totals = {row["status"]: row["total"] for row in rows}
    return [(str(label), totals[value]) for value, label in Status.choices if value in totals]


def _recent(days, today):
    today = today or timezone.localdate()
    since = timezone.make_aware(datetime.combine(today - timedelta(days=days - 1), time.min))
    return Inquiry.objects.filter(received_at__gte=since)


def inquiries_panel(today=None) -> ChartPanel:
    by_topic = inquiries_by_topic(today=today)
    by_status = inquiries_by_status(today=today)
    total = sum(count for _label, count in by_topic)
    charts = [
        bar_chart(
            "chart-inquiries-topic",
            _("Inquiries by topic"),
            _describe(_("Inquiries received in the last 90 days by topic"), by_topic, total),
            by_topic,
            _("Topic"),
            _("Inquiries"),
        ),
        bar_chart(
            "chart-inquiries-status",
            _("Inquiries by status"),
            _describe(_("Inquiries received in the last 90 days by status"), by_status, total),
            by_status,
            _("Status"),
            _("Inquiries"),
        ),
    ]
    return ChartPanel(
        "dashboard_inquiries",
        _("Contact centre inquiries"),
        charts,
        order=150,
        link_url=reverse("contact_inquiries:index"),
        link_text=_("See the inquiries"),
    )


def _describe(what: str, items, total) -> str:
    if not items:
        return _("No inquiry arrived in the last 90 days.")
    parts = ", ".join(f"{label} {count}" for label, count in items)
    return _("%(what)s, %(total)s in all: %(parts)s.") % {
        "what": what,
        "total": total,
        "parts": parts,
    }
