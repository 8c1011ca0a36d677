"""Admin sign-in lockout (django-axes) with a limit of its own for each way of counting.

django-axes counts failed sign-ins once per entry of AXES_LOCKOUT_PARAMETERS (here: one
username from one address, one username from any address, one address for any username)
but compares the largest count with a single AXES_FAILURE_LIMIT. One limit for all three
would either lock an office behind one address after a few typos of its staff, or let an
attacker rotating addresses guess for as long as the per-address limit allows on each.

So this handler gives each entry its own limit (AXES_FAILURE_LIMIT for username and address
together, AXES_USERNAME_FAILURE_LIMIT for the username alone, AXES_IP_FAILURE_LIMIT for the
address alone) and reports its failures in the unit django-axes compares: AXES_FAILURE_LIMIT
minus the attempts left before the nearest limit. The account is locked exactly when any
entry reaches its own limit; everything else (the lockout page, the cool-off, the reset on
success) stays django-axes' own.
"""

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_failure_limit, get_lockout_parameters
from django.conf import settings
from django.db.models import Sum


def limit_for(parameter, base_limit: int) -> int:
    """The failures one entry of AXES_LOCKOUT_PARAMETERS may reach before it locks."""
    names = (parameter,) if isinstance(parameter, str) else tuple(parameter)
    if names == ("username",):
        return settings.AXES_USERNAME_FAILURE_LIMIT
    if names == ("ip_address",):
        return settings.AXES_IP_FAILURE_LIMIT
    return base_limit


class LockoutHandler(AxesDatabaseHandler):
    def get_failures(self, request, credentials=None) -> int:
        base_limit = get_failure_limit(request, credentials)
        parameters = get_lockout_parameters(request, credentials)
        attempts_list = self.get_user_attempts(request, credentials)
        left = min(
            limit_for(parameter, base_limit)
            - (attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0)
            for parameter, attempts in zip(parameters, attempts_list, strict=True)
        )
        return max(0, base_limit - left)
