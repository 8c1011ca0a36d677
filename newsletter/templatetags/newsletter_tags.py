from django import template

from newsletter.forms import PRIVACY_NOTICE, SubscribeForm

register = template.Library()


@register.simple_tag(takes_context=True)
def footer_signup_form(context):
    """The compact sign-up form of every page's footer (e-mail and language)."""
    request = context["request"]
    return SubscribeForm(
        with_topics=False,
        initial={"source": "footer", "page_path": request.path},
        # Its own ids: a page may show the full sign-up form too.
        auto_id="footer-%s",
    )


@register.simple_tag
def privacy_notice():
    return PRIVACY_NOTICE
