"""The editors' synonyms (SearchSynonym), as the query analysis uses them.

They are read once per site generation into the shared cache, never into a process-local
one: a save of any model of the home app bumps the generation (portal.caching), so an edit
in the admin applies to the very next search in every process.
"""

from django.core.cache import cache

from home.search.models import SearchSynonym
from portal.caching.generation import generation

_MISSING = object()
TIMEOUT = 24 * 3600


def load_synonym_classes(language: str) -> list[list[str]]:
    rows = SearchSynonym.objects.filter(locale__language_code=language).only("forms")
    classes = [row.folded_forms() for row in rows]
    return [forms for forms in classes if len(forms) > 1]


def synonym_classes(language: str, request=None) -> list[list[str]]:
    """Equivalence classes of folded phrases for the language, current in every process."""
    site_generation = generation(request)
    if site_generation is None:
        return load_synonym_classes(language)
    key = f"search-synonyms:{site_generation}:{language}"
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = load_synonym_classes(language)
        cache.set(key, value, TIMEOUT)
    return value
