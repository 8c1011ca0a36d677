"""The CSRF token of a reader whose page came from a shared cache (see lazy_csrf_token)."""

from django.http import JsonResponse
from django.middleware.csrf import get_token
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe


@never_cache
@require_safe
def csrf_token(request):
    # get_token also sets the CSRF cookie that the token is checked against.
    return JsonResponse({"token": get_token(request)})
