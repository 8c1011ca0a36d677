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
        prefix=None,
    )


@register.simple_tag
def privacy_notice():
    return PRIVACY_NOTICE
