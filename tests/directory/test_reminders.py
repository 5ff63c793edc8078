"""Review reminders: who is due one, who is emailed, and nobody reminded twice in 28 days."""

import datetime as dt
import smtplib
from unittest import mock

import pytest
from django.core import mail
from django.utils import timezone

from opensend.accounts.models import User
from opensend.accounts.roles import OrganisationKind, Role
from opensend.directory import reminders, services
from opensend.directory.models import Provider, ReviewReminder, Service
from tests.directory.conftest import details
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

SITE = "https://opensend.example.org"


def _reviewed(service: Service, days_ago: int | None) -> Service:
    """Set when the service was last reviewed (None: never)."""
    when = None if days_ago is None else timezone.localdate() - dt.timedelta(days=days_ago)
    Service.objects.filter(pk=service.pk).update(assured_date=when)
    service.refresh_from_db()
    return service


def _remind(service: Service, days_ago: int) -> None:
    ReviewReminder.objects.create(
        service=service,
        sent_at=timezone.now() - dt.timedelta(days=days_ago),
        recipients="someone@example.org",
    )


def test_services_not_reviewed_for_six_months_and_not_reminded_lately_are_due(publish):
    due = _reviewed(publish(name="Overdue"), 200)
    never = _reviewed(publish(name="Never reviewed"), None)
    _reviewed(publish(name="Recent"), 30)
    _reviewed(publish(name="Closed", status="defunct"), 400)
    _reviewed(publish(name="Not running", status="inactive"), 400)
    _remind(_reviewed(publish(name="Reminded lately"), 300), days_ago=10)
    old_reminder = _reviewed(publish(name="Reminded long ago"), 300)
    _remind(old_reminder, days_ago=29)
    unpublished = Service.objects.create(
        provider=due.provider, name="Unpublished", description="x", is_published=False
    )
    _reviewed(unpublished, 400)
    names = [s.name for s in reminders.services_due()]
    assert sorted(names) == sorted([due.name, never.name, old_reminder.name])


def test_the_providers_editors_get_one_email_listing_every_due_service(
    publish, provider_editor, reviewer, make_user, provider_organisation
):
    colleague = make_user(role=Role.DIRECTORY_EDITOR, organisation=provider_organisation)
    first = _reviewed(publish(name="Saturday Play Club"), 200)
    second = _reviewed(publish(name="Holiday Club"), None)
    summary = reminders.send_reminders(site_url=SITE)
    assert (summary.due, summary.reminded, summary.failed) == (2, 2, [])
    (message,) = mail.outbox
    assert sorted(message.to) == sorted([provider_editor.email, colleague.email])
    assert reviewer.email not in message.to
    assert message.subject == reminders.SUBJECT
    assert "Riverside Play Trust" in message.body
    assert f"- Saturday Play Club: last checked {first.assured_date:%-d %B %Y}" in message.body
    assert "- Holiday Club: never checked" in message.body
    assert f"{SITE}/directory/services/{first.pk}/" in message.body
    assert f"{SITE}/directory/overdue/" in message.body
    recorded = ReviewReminder.objects.get(service=second)
    assert set(recorded.recipients.split(", ")) == {provider_editor.email, colleague.email}
    # Nobody is reminded twice within 28 days.
    again = reminders.send_reminders(site_url=SITE)
    assert (again.due, len(mail.outbox)) == (0, 1)


def test_without_editors_of_its_own_a_provider_is_reminded_through_the_local_authority(
    publish, reviewer, provider, make_user, other_local_authority
):
    make_user(role=Role.DIRECTORY_EDITOR, organisation=other_local_authority)  # another LA
    make_user(role=Role.CASEWORKER)  # not a directory editor
    _reviewed(publish(), 200)
    summary = reminders.send_reminders()
    (message,) = mail.outbox
    assert message.to == [reviewer.email]
    assert message.subject == reminders.LA_SUBJECT
    assert "nobody at their providers can sign in" in message.body
    assert summary.emails[0].to_local_authority
    assert "local authority's directory editors" in summary.lines()[1]


def test_a_provider_outside_the_partnership_goes_to_every_local_authoritys_editors(
    reviewer, make_user, other_local_authority, publish
):
    york_editor = make_user(role=Role.DIRECTORY_EDITOR, organisation=other_local_authority)
    service = _reviewed(publish(), 200)
    loose = Provider.objects.create(name="Independent Tutor Collective", description="Tuition")
    Service.objects.filter(pk=service.pk).update(provider=loose)
    reminders.send_reminders()
    (message,) = mail.outbox
    assert sorted(message.to) == sorted([reviewer.email, york_editor.email])


def test_a_local_authority_runs_services_its_own_editors_look_after(reviewer, local_authority):
    council = Provider.objects.create(
        name="Leeds SENDIASS", description="Advice", account_organisation=local_authority
    )
    revision = services.create_service(actor=reviewer, provider=council, snapshot=details())
    _reviewed(revision.service, 200)
    summary = reminders.send_reminders()
    assert mail.outbox[0].to == [reviewer.email]
    assert not summary.emails[0].to_local_authority


def test_a_dry_run_sends_and_records_nothing(publish, provider_editor):
    _reviewed(publish(), 200)
    summary = reminders.send_reminders(dry_run=True)
    assert summary.due == 1
    assert mail.outbox == []
    assert not ReviewReminder.objects.exists()
    assert summary.lines()[1].startswith(f"Would email {provider_editor.email} about 1 service")


def test_an_email_that_cannot_be_sent_is_reported_and_tried_again_next_time(
    publish, provider_editor
):
    _reviewed(publish(), 200)
    with mock.patch(
        "django.core.mail.EmailMessage.send", side_effect=smtplib.SMTPException("refused")
    ):
        summary = reminders.send_reminders()
    assert summary.reminded == 0
    assert summary.failed[0].problem == "refused"
    assert "NOT SENT (refused)" in summary.lines()[1]
    assert not ReviewReminder.objects.exists()
    assert reminders.send_reminders().reminded == 1


def test_services_nobody_can_be_emailed_about_are_listed(publish, provider, local_authority):
    _reviewed(publish(), 200)  # the reviewer who published it is the only directory editor
    User.objects.filter(role=Role.DIRECTORY_EDITOR).update(is_active=False)
    summary = reminders.send_reminders()
    assert mail.outbox == []
    assert [s.name for s in summary.unreachable] == ["Saturday Play Club"]
    assert "Nobody to email about 1 service" in summary.lines()[-1]


def test_an_organisation_that_is_not_a_provider_still_gets_its_own_editors(
    publish, provider, make_user
):
    forum = OrganisationFactory(name="Parent Carer Forum", kind=OrganisationKind.FORUM)
    editor = make_user(role=Role.DIRECTORY_EDITOR, organisation=forum)
    Provider.objects.filter(pk=provider.pk).update(account_organisation=forum)
    _reviewed(publish(), 200)
    reminders.send_reminders()
    assert mail.outbox[0].to == [editor.email]
