"""The editor's preview panel frames a public page: its policy allows the admin to frame it."""

from django.http import HttpResponse
from django.test import RequestFactory

from portal.security import ContentSecurityPolicyMiddleware


def policy_for(request):
    middleware = ContentSecurityPolicyMiddleware(lambda request: HttpResponse())
    return middleware.get_policy_parts(request, HttpResponse()).config


def test_preview_of_a_public_page_may_be_framed_by_the_admin_only():
    request = RequestFactory().get("/metodika/clanek/")
    request.is_dummy = True  # how Wagtail marks the request it renders a preview with
    policy = policy_for(request)
    assert policy["frame-ancestors"] == ["'self'"]
    # Everything else stays as strict as on the public site.
    assert policy["script-src"] == ["'self'"]


def test_public_pages_still_refuse_to_be_framed():
    assert policy_for(RequestFactory().get("/metodika/clanek/"))["frame-ancestors"] == ["'none'"]
