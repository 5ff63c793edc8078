"""The review workflow: who publishes, who waits, what approval applies."""

import pytest

from opensend.directory import records, services
from opensend.directory.models import RevisionState, Service, ServiceAttribute
from tests.directory.conftest import details, term


@pytest.mark.django_db
def test_a_reviewers_new_service_is_published_at_once(reviewer, provider, venue):
    revision = services.create_service(
        actor=reviewer,
        provider=provider,
        snapshot=details(terms=[str(term("need", "asd").pk)], locations=[str(venue.pk)]),
    )
    service = Service.objects.get(pk=revision.service.pk)
    assert revision.state == RevisionState.APPROVED
    assert service.is_published
    assert service.assurer_email == reviewer.email
    assert list(service.locations.all()) == [venue]
    assert service.opening_times.get().opens_at.strftime("%H:%M") == "10:00"


@pytest.mark.django_db
def test_age_groups_follow_the_ages(publish):
    service = publish(minimum_age=3, maximum_age=12)
    codes = set(
        service.terms.filter(taxonomy__vocabulary="age_group").values_list("code", flat=True)
    )
    assert codes == {"early-years", "primary", "secondary"}


@pytest.mark.django_db
def test_a_providers_change_waits_until_approved(publish, provider_editor, reviewer):
    service = publish()
    revision = services.propose_change(
        actor=provider_editor, service=service, snapshot=details(name="Saturday Club")
    )
    assert revision.state == RevisionState.PENDING
    service.refresh_from_db()
    assert service.name == "Saturday Play Club"
    services.approve(actor=reviewer, revision=revision)
    service.refresh_from_db()
    assert service.name == "Saturday Club"


@pytest.mark.django_db
def test_a_second_proposal_replaces_the_pending_one(publish, provider_editor):
    service = publish()
    first = services.propose_change(
        actor=provider_editor, service=service, snapshot=details(name="A")
    )
    second = services.propose_change(
        actor=provider_editor, service=service, snapshot=details(name="B")
    )
    first.refresh_from_db()
    assert first.state == RevisionState.WITHDRAWN
    assert second.state == RevisionState.PENDING


@pytest.mark.django_db
def test_a_decided_revision_cannot_be_decided_again(publish, provider_editor, reviewer):
    service = publish()
    revision = services.propose_change(actor=provider_editor, service=service, snapshot=details())
    services.reject(actor=reviewer, revision=revision, reason="No change to publish")
    with pytest.raises(services.ReviewError):
        services.approve(actor=reviewer, revision=revision)


@pytest.mark.django_db
def test_unchanged_attached_rows_keep_their_ids(publish, reviewer):
    service = publish(terms=[term("need", "asd")])
    attribute_id = ServiceAttribute.objects.get(service=service, term=term("need", "asd")).pk
    opening_id = service.opening_times.get().pk
    snapshot = records.snapshot_of(service)
    snapshot["terms"].append(str(term("need", "hi").pk))
    snapshot["cost_options"] = [{"option": "Per session", "amount": "5", "amount_description": ""}]
    services.propose_change(actor=reviewer, service=service, snapshot=snapshot)
    assert (
        ServiceAttribute.objects.get(service=service, term=term("need", "asd")).pk == attribute_id
    )
    assert service.opening_times.get().pk == opening_id
    assert records.snapshot_of(service)["cost_options"] == [
        {"option": "Per session", "amount": "5.00", "amount_description": ""}
    ]


@pytest.mark.django_db
def test_snapshot_round_trips(publish):
    service = publish(
        cost_options=[{"option": "Session", "amount": "2.5", "amount_description": "each"}]
    )
    assert records.normalise(records.snapshot_of(service)) == records.snapshot_of(service)


@pytest.mark.django_db
def test_a_snapshot_with_only_some_details_takes_the_defaults(reviewer, provider):
    revision = services.create_service(
        actor=reviewer,
        provider=provider,
        snapshot={"name": "Club", "description": "Fun.", "url": None, "minimum_age": None},
    )
    service = Service.objects.get(pk=revision.service_id)
    assert (service.url, service.status, service.is_free) == ("", "active", True)
    assert service.minimum_age is None
