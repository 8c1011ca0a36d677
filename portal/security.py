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


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only or parts.config is not None:
            return parts
        admin = request.path_info.startswith(settings.ADMIN_URL_PREFIXES)
        parts.config = dict(ADMIN_POLICY if admin else PUBLIC_POLICY)
        if getattr(settings, "SECURE_HTTPS", False):
            parts.config["upgrade-insecure-requests"] = True
        return parts
