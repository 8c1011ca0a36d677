"""Content-Security-Policy: a strict one for the public site, a workable one for the admin.

The public site runs no inline script or style (everything is in static files), so its
policy needs neither 'unsafe-inline' nor 'unsafe-eval'. Wagtail's admin uses inline styles
and a few inline scripts; it gets its own, looser policy, still without third-party hosts.
"""

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings

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
