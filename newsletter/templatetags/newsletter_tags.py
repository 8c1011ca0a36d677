from django import template

from newsletter.forms import PRIVACY_NOTICE, SubscribeForm
from portal.caching.fragments import FORM_STARTED, PAGE_PATH, rendering_fragment

register = template.Library()


@register.simple_tag(takes_context=True)
def footer_signup_form(context):
    """The compact sign-up form of every page's footer (e-mail and language)."""
    request = context["request"]
    shared = rendering_fragment(context)  # the footer kept for every page: placeholders
    form = SubscribeForm(
        with_topics=False,
        initial={"source": "footer", "page_path": PAGE_PATH if shared else request.path},
        # Its own ids: a page may show the full sign-up form too.
        auto_id="footer-%s",
    )
    if shared:
        form.initial["form_started"] = FORM_STARTED
    return form


@register.simple_tag
def page_signup_form():
    """The full sign-up form of the bulletin's own page (e-mail, language and topics)."""
    return SubscribeForm(initial={"source": "page"})


@register.simple_tag
def privacy_notice():
    return PRIVACY_NOTICE
