"""The staff password reset (Wagtail's), limited and without a tell for existing addresses.

Wagtail's view looks the address up, makes the token, renders and sends the mail inside the
request, so the answer for an address with an account came measurably later than for one
without, and nothing limited how many mails one client could set off.
Here the request only validates the address, counts it against the limits and enqueues one
task, whatever the address; the task worker looks it up and mails. Over a limit the request
enqueues nothing and answers the same "sent if the address has an account" page.
"""

from django.conf import settings
from django.http import HttpResponseRedirect
from django.utils import translation
from django_tasks import task
from wagtail.admin.views import account

from .abuse import over_limit


class PasswordResetView(account.PasswordResetView):
    def form_valid(self, form):
        email = form.cleaned_data["email"]
        # Both limits count every request, so neither answer depends on the other.
        over_ip = over_limit(self.request, "password-reset-ip", settings.PASSWORD_RESET_PER_IP)
        over_address = over_limit(
            self.request,
            "password-reset-address",
            settings.PASSWORD_RESET_PER_ADDRESS,
            email.strip().lower(),
        )
        if not (over_ip or over_address):
            send_password_reset.enqueue(
                email=email,
                domain=self.request.get_host(),
                use_https=self.request.is_secure(),
                language=translation.get_language(),
            )
        return HttpResponseRedirect(self.get_success_url())


@task()
def send_password_reset(email: str, domain: str, use_https: bool, language: str) -> None:
    """Mail a reset link to each active account with this address (none: nothing happens)."""
    form = account.get_password_reset_form()({"email": email})
    if not form.is_valid():
        return
    with translation.override(language):
        form.save(
            domain_override=domain,
            use_https=use_https,
            email_template_name=PasswordResetView.email_template_name,
            subject_template_name=PasswordResetView.subject_template_name,
        )
