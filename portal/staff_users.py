"""Staff accounts' addresses get the check every address the site writes to gets.

The site mails staff (password resets, review reminders, a two-factor reset's notice), so
Wagtail's user forms take the address through `AddressField`, as the public forms do.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import UserViewSet

from .addresses import AddressField


class StaffUserCreationForm(UserCreationForm):
    email = AddressField(required=True, label=_("E-mail"))


class StaffUserEditForm(UserEditForm):
    email = AddressField(required=True, label=_("E-mail"))


class StaffUserViewSet(UserViewSet):
    def get_form_class(self, for_update=False):
        return StaffUserEditForm if for_update else StaffUserCreationForm
