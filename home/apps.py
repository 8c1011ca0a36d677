from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Obsah"

    def ready(self):
        # Not at the top: the receivers name the glossary's models, loaded only by now.
        from home.glossary.linking import connect_signals

        connect_signals()

        # Not at the top either: reindex names the signals of Wagtail, loaded only by now.
        from home.search.reindex import connect_signals as reindex_after_migrations

        reindex_after_migrations(self)

        # wagtail-localize names the month of a translation's date in English.
        from home.editorial.translation_dates import patch_wagtail_localize

        patch_wagtail_localize()
