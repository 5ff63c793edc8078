"""Directory editors' pages: who sees what, the review queue, differences, decisions."""

import pytest
from django.urls import reverse

from opensend.accounts.roles import OrganisationKind, Role
from opensend.directory import services
from opensend.directory.models import (
    ChangeSuggestion,
    Location,
    Provider,
    RevisionState,
    Service,
    TaxonomyTerm,
)
from opensend.directory.taxonomies import taxonomy_id
from tests.directory.conftest import details, term
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def form_data(**changes):
    data = {
        "name": "Saturday Play Club",
        "description": "Inclusive play for disabled children.",
        "status": "active",
        "is_free": "yes",
        "referral_required": "no",
        "minimum_age": "5",
        "maximum_age": "11",
        "saturday": "10:00-13:00",
        "contact_1_name": "Play team",
        "contact_1_phone": "01632 960001",
        "needs": [str(term("need", "asd").pk)],
    }
    data.update(changes)
    return data


@pytest.fixture
def as_reviewer(client, reviewer):
    client.force_login(reviewer)
    return client


@pytest.fixture
def as_provider(client, provider_editor):
    client.force_login(provider_editor)
    return client


def test_people_without_a_directory_role_are_refused(signed_in, publish):
    service = publish()
    client = signed_in(Role.CASEWORKER)
    assert client.get(reverse("directory:dashboard")).status_code == 403
    assert client.get(reverse("directory:service", args=[service.pk])).status_code == 403


def test_a_provider_sees_only_its_own_services(as_provider, publish, reviewer):
    own = publish()
    other_provider = Provider.objects.create(name="Other Trust", description="Another charity.")
    other = services.create_service(
        actor=reviewer, provider=other_provider, snapshot=details(name="Other club")
    ).service
    page = as_provider.get(reverse("directory:services"))
    assert own.name in page.content.decode()
    assert "Other club" not in page.content.decode()
    assert as_provider.get(reverse("directory:service", args=[other.pk])).status_code == 404


def test_a_providers_change_goes_to_the_queue_and_a_reviewer_approves_it(
    client, as_provider, publish, provider_editor, reviewer
):
    service = publish()
    response = as_provider.post(
        reverse("directory:service-edit", args=[service.pk]),
        form_data(name="Saturday Club", note="New name from September"),
    )
    assert response.status_code == 302
    service.refresh_from_db()
    assert service.name == "Saturday Play Club"  # families still see the approved details
    revision = service.revisions.get(state=RevisionState.PENDING)
    assert revision.note == "New name from September"

    # the provider cannot decide on its own change
    page = as_provider.get(reverse("directory:revision", args=[revision.pk]))
    assert "Confirm decision" not in page.content.decode()
    as_provider.post(reverse("directory:revision", args=[revision.pk]), {"decision": "approve"})
    revision.refresh_from_db()
    assert revision.state == RevisionState.PENDING

    client.force_login(reviewer)
    queue = client.get(reverse("directory:queue")).content.decode()
    link = f'<a class="govuk-link" href="{reverse("directory:revision", args=[revision.pk])}">'
    assert f"{link}Saturday Club</a>" in queue  # a link, not escaped markup
    page = client.get(reverse("directory:revision", args=[revision.pk])).content.decode()
    assert "Saturday Play Club" in page
    assert "Saturday <del>Play </del>Club" in page  # the word taken out, in place
    client.post(reverse("directory:revision", args=[revision.pk]), {"decision": "approve"})
    service.refresh_from_db()
    assert service.name == "Saturday Club"
    assert service.assured_date is not None


def test_rejecting_needs_a_reason_the_provider_then_sees(client, as_provider, publish, reviewer):
    service = publish()
    as_provider.post(reverse("directory:service-edit", args=[service.pk]), form_data(name="X"))
    revision = service.revisions.get(state=RevisionState.PENDING)
    client.force_login(reviewer)
    page = client.post(reverse("directory:revision", args=[revision.pk]), {"decision": "reject"})
    assert page.status_code == 200
    assert "Enter why you are rejecting the change" in page.content.decode()
    client.post(
        reverse("directory:revision", args=[revision.pk]),
        {"decision": "reject", "reason": "The name must say what the service is"},
    )
    revision.refresh_from_db()
    assert revision.state == RevisionState.REJECTED


def test_the_form_reports_errors_with_a_summary(as_reviewer, publish):
    service = publish()
    page = as_reviewer.post(
        reverse("directory:service-edit", args=[service.pk]),
        form_data(
            name="",
            minimum_age="12",
            maximum_age="5",
            is_free="no",
            fees="",
            monday="9am till late",
            price_1_amount="lots",
            contact_2_phone="01632 960002",
        ),
    )
    text = page.content.decode()
    assert page.status_code == 200
    assert "There is a problem" in text
    for message in (
        "Oldest age must be the same as or more than youngest age",
        "Enter what it costs, or choose that it is free",
        "Enter times like 09:00-17:00",
        "Enter price 1 in pounds, like 4.50",
        "Enter a name for contact 2",
    ):
        assert message in text


def test_a_reviewers_form_publishes_at_once_with_every_part(as_reviewer, provider, venue):
    response = as_reviewer.post(
        reverse("directory:service-new") + f"?provider={provider.pk}",
        form_data(
            locations=[str(venue.pk)],
            is_free="no",
            fees="Members pay less",
            price_1_option="Per session",
            price_1_amount="£4.50",
            monday="09:00-12:00, 13:00-15:30",
            service_area="City of York",
        ),
    )
    assert response.status_code == 302
    service = Service.objects.get(name="Saturday Play Club")
    assert service.is_published
    assert [str(c.amount) for c in service.cost_options.all()] == ["4.50"]
    assert service.opening_times.count() == 3
    assert list(service.locations.all()) == [venue]
    assert service.service_areas.get().name == "City of York"


def test_a_new_service_from_a_provider_is_not_public_until_approved(as_provider, provider):
    as_provider.post(reverse("directory:service-new"), form_data(provider=str(provider.pk)))
    service = Service.objects.get(name="Saturday Play Club")
    assert not service.is_published
    assert service.revisions.get().state == RevisionState.PENDING


def test_confirming_the_details_marks_the_service_reviewed(as_reviewer, publish):
    service = publish()
    Service.objects.filter(pk=service.pk).update(assured_date="2020-01-01")
    as_reviewer.post(reverse("directory:service-confirm", args=[service.pk]))
    service.refresh_from_db()
    assert str(service.assured_date) != "2020-01-01"


def test_the_overdue_list_shows_services_not_reviewed_for_six_months(as_reviewer, publish):
    old = publish(name="Old club")
    publish(name="Fresh club")
    Service.objects.filter(pk=old.pk).update(assured_date="2020-01-01")
    text = as_reviewer.get(reverse("directory:overdue")).content.decode()
    assert "Old club" in text
    assert "Fresh club" not in text


def test_a_suggestion_is_closed_with_a_note(as_reviewer, publish):
    service = publish()
    item = services.record_suggestion(
        service=service, topic="out_of_date", details="The phone number has changed"
    )
    assert (
        "Something is out of date"
        in as_reviewer.get(reverse("directory:suggestions")).content.decode()
    )
    as_reviewer.post(
        reverse("directory:suggestion", args=[item.pk]), {"state": "done", "response": "Fixed"}
    )
    item.refresh_from_db()
    assert item.state == ChangeSuggestion.State.DONE


def test_providers_cannot_manage_taxonomies(as_provider):
    response = as_provider.get(reverse("directory:taxonomy", args=[taxonomy_id("need")]))
    assert response.status_code == 403


def test_a_reviewer_adds_a_term_and_cannot_make_a_loop(as_reviewer):
    need = taxonomy_id("need")
    as_reviewer.post(
        reverse("directory:term-new", args=[need]),
        {
            "name": "Tourette syndrome",
            "description": "Tics.",
            "code": "tourette",
            "position": "9",
            "is_active": "on",
            "parent": str(term("need", "oth").pk),
        },
    )
    added = TaxonomyTerm.objects.get(code="tourette")
    assert added.parent == term("need", "oth")
    page = as_reviewer.post(
        reverse("directory:term", args=[need, term("need", "oth").pk]),
        {
            "name": "Other",
            "description": "x",
            "code": "oth",
            "position": "1",
            "parent": str(added.pk),
        },
    )
    assert "A term cannot sit under itself or a narrower term" in page.content.decode()


def test_a_venue_is_placed_by_its_postcode(as_provider, provider):
    as_provider.post(
        reverse("directory:venue-new", args=[provider.pk]),
        {
            "name": "Hall",
            "location_type": "physical",
            "address_1": "2 High Street",
            "city": "York",
            "postal_code": "yo17hh",
        },
    )
    venue = Location.objects.get(name="Hall")
    assert venue.postal_code == "YO1 7HH"
    assert venue.latitude == pytest.approx(53.96, abs=0.05)


def test_a_provider_cannot_add_venues_for_another_provider(as_provider):
    other = Provider.objects.create(name="Other Trust", description="Another charity.")
    response = as_provider.get(reverse("directory:venue-new", args=[other.pk]))
    assert response.status_code == 404


def test_a_directory_editor_at_another_partner_is_not_a_reviewer(client, make_user):
    forum = OrganisationFactory(name="Parent Carer Forum", kind=OrganisationKind.FORUM)
    user = make_user(role=Role.DIRECTORY_EDITOR, organisation=forum)
    client.force_login(user)
    assert client.get(reverse("directory:queue")).status_code == 200
    assert client.get(reverse("directory:taxonomies")).status_code == 403


def test_export_then_import_through_the_page(as_reviewer, publish):
    from django.core.files.uploadedfile import SimpleUploadedFile

    service = publish()
    exported = as_reviewer.get(reverse("directory:export"))
    assert exported["Content-Type"].startswith("text/csv")
    text = b"".join(exported.streaming_content if exported.streaming else [exported.content])
    changed = text.decode("utf-8-sig").replace("Saturday Play Club", "Saturday Club")
    upload = SimpleUploadedFile("services.csv", changed.encode(), content_type="text/csv")
    response = as_reviewer.post(reverse("directory:transfer"), {"file": upload})
    assert response.status_code == 302
    service.refresh_from_db()
    assert service.name == "Saturday Club"


def test_a_bad_import_saves_nothing_and_says_why(as_reviewer, publish):
    from django.core.files.uploadedfile import SimpleUploadedFile

    publish()
    upload = SimpleUploadedFile("services.csv", b"name,description\nClub,Fun\n")
    page = as_reviewer.post(reverse("directory:transfer"), {"file": upload})
    text = page.content.decode()
    assert "Nothing was imported" in text
    assert "services.csv" in text
    assert Service.objects.count() == 1


def test_providers_cannot_import(as_provider):
    assert as_provider.get(reverse("directory:transfer")).status_code == 403


def test_names_are_escaped_in_links_and_links_are_not(as_reviewer, publish):
    publish(name="<b>Club</b> & co")
    text = as_reviewer.get(reverse("directory:services")).content.decode()
    assert "&lt;b&gt;Club&lt;/b&gt; &amp; co</a>" in text
    assert '<a class="govuk-link" href="/directory/services/' in text


def test_a_reviewer_sends_the_reminders_now(as_reviewer, publish, provider_editor, mailoutbox):
    service = publish()
    Service.objects.filter(pk=service.pk).update(assured_date="2020-01-01")
    response = as_reviewer.post(reverse("directory:remind"), follow=True)
    assert "1 service due a reminder" in response.content.decode()
    assert [m.to for m in mailoutbox] == [[provider_editor.email]]
    assert service.reminders.count() == 1


def test_providers_cannot_send_reminders(as_provider):
    assert as_provider.post(reverse("directory:remind")).status_code == 403
