"""Wagtail's default workflow reads as Czech in the Czech admin."""

import importlib

import pytest
from django.apps import apps as django_apps
from wagtail.models import Task, Workflow

pytestmark = pytest.mark.django_db

migration = importlib.import_module("portal.migrations.0001_initial")


def test_wagtails_default_workflow_has_a_czech_name():
    assert Workflow.objects.filter(name="Schválení moderátorem").exists()
    assert Task.objects.filter(name="Schválení moderátorem").exists()
    assert not Workflow.objects.filter(name="Moderators approval").exists()
    assert not Task.objects.filter(name="Moderators approval").exists()


def test_the_rename_leaves_other_names_alone_and_reverses():
    Workflow.objects.create(name="Metodická kontrola")
    migration.to_wagtails(django_apps, None)
    assert Workflow.objects.filter(name="Moderators approval").exists()
    migration.to_czech(django_apps, None)
    assert set(Workflow.objects.values_list("name", flat=True)) >= {
        "Schválení moderátorem",
        "Metodická kontrola",
    }
    assert not Workflow.objects.filter(name="Moderators approval").exists()
