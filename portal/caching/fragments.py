"""Placeholders of a fragment rendered once for everyone and filled in per request.

A tag rendered into such a fragment (the shared footer, home.frame.fragment) leaves a
placeholder where a per-request value belongs: the page's address, the time-trap token, the
CSRF field. The code that serves the fragment replaces them.
"""

CONTEXT_FLAG = "portal_frame_fragment"
PAGE_PATH = "portal-fragment-page-path"
FORM_STARTED = "portal-fragment-form-started"
CSRF_FIELD = "<!--portal-fragment-csrf-field-->"


def rendering_fragment(context) -> bool:
    """Whether a tag is being rendered into the shared fragment (so must leave a placeholder)."""
    return bool(context.get(CONTEXT_FLAG))
