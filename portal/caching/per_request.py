"""Values computed once per request: the frame and the page ask for the same things."""


def memoised(request, key, compute):
    memo = _memo(request)
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def remember(request, key, value) -> None:
    _memo(request)[key] = value


def _memo(request) -> dict:
    return request.__dict__.setdefault("_portal_memo", {})
