"""Links of the zero-results search page, counted by kind (home.search.zero)."""

from django import template

from home.search.zero import next_url

register = template.Library()


@register.simple_tag
def search_next(via, to):
    return next_url(via, to) if to else ""
