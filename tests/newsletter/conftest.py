import pytest

from newsletter.sending import sends as sending
from tests.newsletter.factories import BulletinIndexPageFactory, BulletinPageFactory


@pytest.fixture
def bulletin_index(home):
    return BulletinIndexPageFactory(parent=home)


@pytest.fixture
def issue(bulletin_index, section):
    from tests import factories

    articles = factories.ArticlePageFactory.create_batch(2, parent=section)
    page = BulletinPageFactory(
        parent=bulletin_index,
        body=[{"type": "teaser", "value": {"page": a.pk, "summary": ""}} for a in articles],
    )
    page.save_revision().publish()
    return page


@pytest.fixture
def no_auto_workers(monkeypatch):
    """Create sends without letting the immediate task backend send them on commit."""
    launched = []
    monkeypatch.setattr(
        sending, "launch_workers", lambda send_id, count=2: launched.append(send_id)
    )
    return launched


@pytest.fixture
def email_outbox(django_capture_on_commit_callbacks):
    """Run on-commit callbacks (the outbox sends after commit) and return Django's outbox."""
    from django.core import mail

    def run(callable_, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            result = callable_(*args, **kwargs)
        return result

    run.outbox = mail.outbox
    return run
