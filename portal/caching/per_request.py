"""Values computed once per request: the frame and the page ask for the same things."""


def memoised(request, key, compute):
    memo = request.__dict__.setdefault("_portal_memo", {})
    if key not in memo:
        memo[key] = compute()
    return memo[key]
