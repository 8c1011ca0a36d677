from django.conf import settings


def one_per_translation(objects, language_code: str) -> list:
    """Each translatable object once: in the language asked for, else in Czech (the source
    language), as an inquirer is shown topics and sent texts."""
    versions_by_key: dict = {}
    for obj in objects:
        versions_by_key.setdefault(obj.translation_key, {})[obj.locale.language_code] = obj
    chosen = [
        versions.get(language_code) or versions.get(settings.LANGUAGE_CODE)
        for versions in versions_by_key.values()
    ]
    return [obj for obj in chosen if obj is not None]
