"""The placeholders a fragment rendered once for everyone (the shared footer,
home.frame_fragment) leaves for the bits that differ per request.

They belong to portal because portal's template tags (portal_tags) must leave them too, and
portal imports no app: home and newsletter render the fragment and fill the placeholders in.
"""

# Set in the context while the fragment renders: tags leave placeholders instead of values.
CONTEXT_FLAG = "portal_frame_fragment"
PAGE_PATH = "portal-fragment-page-path"
FORM_STARTED = "portal-fragment-form-started"
CSRF_FIELD = "<!--portal-fragment-csrf-field-->"


def rendering_fragment(context) -> bool:
    """Whether a tag is being rendered into the shared fragment (so must leave a placeholder)."""
    return bool(context.get(CONTEXT_FLAG))
