"""Who may work which inquiries: membership of a queue is the permission.

Staff see and work the inquiries of the queues they belong to; superusers see every queue.
Deleting an inquiry is for superusers only (staff erase personal data instead, which keeps
the record and the audit trail).
"""

from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.permission_policies import BasePermissionPolicy

from .models import Inquiry, Queue

STAFF_ACTIONS = {"add", "change", "view", "export"}


def visible_queue_ids(user) -> set[int]:
    """The ids of the queues a user may see, read once per user object."""
    cached = getattr(user, "_contact_queue_ids", None)
    if cached is None:
        cached = set(Queue.objects.visible_to(user).values_list("pk", flat=True))
        user._contact_queue_ids = cached
    return cached


def works_in_contact_centre(user) -> bool:
    return bool(user.is_authenticated and user.is_active and visible_queue_ids(user))


class InquiryPermissionPolicy(BasePermissionPolicy):
    def user_has_permission(self, user, action):
        if not (user.is_authenticated and user.is_active):
            return False
        if user.is_superuser:
            return True
        return action in STAFF_ACTIONS and works_in_contact_centre(user)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and (
            user.is_superuser or instance.queue_id in visible_queue_ids(user)
        )

    def users_with_any_permission(self, actions):
        users = get_user_model().objects.filter(is_active=True)
        if set(actions) & STAFF_ACTIONS:
            return users.filter(
                Q(is_superuser=True) | Q(queue_memberships__isnull=False)
            ).distinct()
        return users.filter(is_superuser=True)

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return Inquiry.objects.none()
        return Inquiry.objects.visible_to(user)
