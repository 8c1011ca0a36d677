"""Content-Security-Policy: a strict one for the public site, a workable one for the admin.

The public site runs no inline script or style (everything is in static files), so its
policy needs neither 'unsafe-inline' nor 'unsafe-eval'. Wagtail's admin uses inline styles
and a few inline scripts; it gets its own, looser policy, still without third-party hosts.
"""

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.middleware.clickjacking import XFrameOptionsMiddleware
from django.middleware.security import SecurityMiddleware
from django_permissions_policy import PermissionsPolicyMiddleware

SELF = "'self'"
NONE = "'none'"

PUBLIC_POLICY = {
    "default-src": [SELF],
    "script-src": [SELF],
    "style-src": [SELF],
    "img-src": [SELF, "data:"],
    "font-src": [SELF],
    "connect-src": [SELF],
    "form-action": [SELF],
    "frame-ancestors": [NONE],
    "base-uri": [SELF],
    "object-src": [NONE],
}

ADMIN_POLICY = {
    **PUBLIC_POLICY,
    "script-src": [SELF, "'unsafe-inline'"],
    "style-src": [SELF, "'unsafe-inline'"],
    "img-src": [SELF, "data:", "blob:"],
    # The page editor's preview panel frames the site itself.
    "frame-ancestors": [SELF],
    "frame-src": [SELF],
}

# The editor's preview renders a public page through the whole middleware chain with a dummy
# request for the page's own address; the admin frames it, so only framing is relaxed.
PREVIEW_POLICY = {**PUBLIC_POLICY, "frame-ancestors": [SELF]}


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only or parts.config is not None:
            return parts
        admin = request.path_info.startswith(settings.ADMIN_URL_PREFIXES)
        if admin:
            policy = ADMIN_POLICY
        elif getattr(request, "is_dummy", False):
            policy = PREVIEW_POLICY
        else:
            policy = PUBLIC_POLICY
        parts.config = dict(policy)
        if getattr(settings, "SECURE_HTTPS", False):
            parts.config["upgrade-insecure-requests"] = True
        return parts


# What every response must carry; SecurityHeadersSafetyNet adds any that is missing.
SECURITY_HEADERS = (
    "Content-Security-Policy",
    "X-Content-Type-Options",
    "Referrer-Policy",
    "X-Frame-Options",
    "Permissions-Policy",
)


class SecurityHeadersSafetyNet:
    """The security headers for a response that left the stack without them.

    The page cache sits above the security headers' middleware on purpose (a hit replays the
    headers stored with the page, at no cost), so a response made above them (the 500 of an
    exception the page cache, the request id's middleware or Django's handler turned into a
    response, or the 400 of a bad Host raised above X-Frame-Options) would leave without
    them. This middleware, first in MIDDLEWARE, sees every response the stack returns: when
    one lacks any of the headers, it runs the very middleware that would have added them
    (each adds only what is missing, and keeps its exemptions), so the values are the same
    as on any other page. A response that has them all, which is nearly every one, costs five
    look-ups.
    """

    def __init__(self, get_response):
        self.get_response = get_response

        def unused(request):  # pragma: no cover - only their response halves are called
            raise AssertionError("the safety net only completes responses")

        # Innermost first, in the order MIDDLEWARE would have run their response halves.
        self.xframe = XFrameOptionsMiddleware(unused)
        self.csp = ContentSecurityPolicyMiddleware(unused)
        self.security = SecurityMiddleware(unused)

    def __call__(self, request):
        response = self.get_response(request)
        if all(name in response for name in SECURITY_HEADERS):
            return response
        response = self.xframe.process_response(request, response)
        if "Permissions-Policy" not in response:
            # Its response half has no public name: the middleware is called (its public API)
            # with a "view" that returns this response. It always sets the header, so only here.
            response = PermissionsPolicyMiddleware(lambda _request: response)(request)
        response = self.csp.process_response(request, response)
        return self.security.process_response(request, response)
