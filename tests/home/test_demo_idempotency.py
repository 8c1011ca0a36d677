"""Loading the demo content a second time changes nothing."""

import pytest
from django.core.management import call_command
from django.db import models

pytestmark = pytest.mark.django_db

# The apps the demo fills: pages, media, snippets, subscribers, inquiries.
DEMO_APPS = {"home", "wagtailcore", "wagtailimages", "wagtaildocs", "newsletter", "contact"}


def row_counts():
    from django.apps import apps

    counted = [
        model
        for model in apps.get_models()
        if model._meta.app_label in DEMO_APPS and issubclass(model, models.Model)
    ]
    return {model._meta.label: model._base_manager.count() for model in counted}


def test_loading_twice_changes_nothing(capsys, shared_demo_site):
    # shared_demo_site is the database after one `load_demo_content` (built once per run).
    before = row_counts()
    assert before["home.ArticlePage"] > 0
    call_command("load_demo_content")
    assert row_counts() == before
    assert "nothing changed" in capsys.readouterr().out
