from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "newsletter"

urlpatterns = [
    path(_("subscription/"), views.subscribe, name="subscribe"),
    path(_("subscription/check-your-inbox/"), views.check_inbox, name="check_inbox"),
    path(_("subscription/send-again/"), views.resend, name="resend"),
    path(_("subscription/confirm/<str:token>/"), views.confirm, name="confirm"),
    path(_("subscription/unsubscribe/<str:token>/"), views.unsubscribe, name="unsubscribe"),
    path(_("subscription/preferences/<str:token>/"), views.preferences, name="preferences"),
    path(_("subscription/preferences/<str:token>/export/"), views.export, name="export"),
    path(_("subscription/preferences/<str:token>/erase/"), views.erase, name="erase"),
]
