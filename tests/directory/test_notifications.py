"""Emails as things happen: decisions to the proposer, suggestions to the service's editors."""

import pytest

from opensend.directory import services
from tests.directory.conftest import details

pytestmark = pytest.mark.django_db


def test_the_proposer_hears_of_an_approval(
    publish, provider_editor, reviewer, mailoutbox, django_capture_on_commit_callbacks
):
    service = publish()
    revision = services.propose_change(
        actor=provider_editor, service=service, snapshot=details(name="Saturday Club")
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.approve(actor=reviewer, revision=revision)
    (email,) = mailoutbox
    assert email.to == [provider_editor.email]
    assert email.subject == "Published: your change to Saturday Club"
    assert f"/directory/changes/{revision.pk}/" in email.body


def test_the_proposer_hears_why_a_change_was_rejected(
    publish, provider_editor, reviewer, mailoutbox, django_capture_on_commit_callbacks
):
    service = publish()
    revision = services.propose_change(actor=provider_editor, service=service, snapshot=details())
    with django_capture_on_commit_callbacks(execute=True):
        services.reject(actor=reviewer, revision=revision, reason="The phone number is wrong")
    (email,) = mailoutbox
    assert email.subject.startswith("Not published")
    assert "The phone number is wrong" in email.body


def test_a_reviewers_own_change_sends_nothing(
    reviewer, provider, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.create_service(actor=reviewer, provider=provider, snapshot=details())
    assert mailoutbox == []


def test_a_suggestion_goes_to_the_providers_editors(
    publish, provider_editor, mailoutbox, django_capture_on_commit_callbacks
):
    service = publish()
    with django_capture_on_commit_callbacks(execute=True):
        services.record_suggestion(
            service=service, topic="closed", details="It stopped running in July"
        )
    (email,) = mailoutbox
    assert email.to == [provider_editor.email]
    assert "It stopped running in July" in email.body
    assert "The service has closed" in email.body


def test_a_failing_mail_server_does_not_lose_the_suggestion(
    publish, provider_editor, settings, django_capture_on_commit_callbacks, caplog
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 9  # nothing listens there
    service = publish()
    with django_capture_on_commit_callbacks(execute=True):
        services.record_suggestion(service=service, topic="other", details="Wrong address")
    assert service.suggestions.count() == 1
    assert "Could not send the email" in caplog.text
