"""Importing and exporting services as CSV through the database: all or nothing, matching
names to the directory, and an export that imports back as no change at all."""

import csv
import io
import uuid

import pytest

from opensend.core.models import AccessEvent
from opensend.directory import records, services
from opensend.directory.csv_format import COLUMN_NAMES
from opensend.directory.models import (
    Location,
    Provider,
    RevisionState,
    Service,
    ServiceRevision,
    TaxonomyTerm,
)
from opensend.directory.transfer import TransferRefused, export_services, import_services
from tests.directory.conftest import details, term

pytestmark = pytest.mark.django_db


def _csv(*rows: dict[str, str], columns=None) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    columns = columns or COLUMN_NAMES
    writer.writerow(columns)
    for row in rows:
        writer.writerow([row.get(name, "") for name in columns])
    return buffer.getvalue().encode("utf-8")


def _row(**changes) -> dict[str, str]:
    row = {
        "provider": "Riverside Play Trust",
        "name": "Holiday Sports Club",
        "description": "Adapted sport in the school holidays.",
        "status": "active",
        "minimum_age": "8",
        "maximum_age": "16",
        "free": "no",
        "fees": "£4 a session",
        "categories": "Sport and physical activity; holiday-activities",
        "needs": "Autism; Physical disability",
        "delivery": "In person at a venue",
        "venues": "Riverside Centre",
        "opening_times": "Mon-Fri 10:00-15:00",
        "contact_name": "Sports team",
        "contact_email": "sport@riverside-play.example.org",
        "service_area": "City of York",
    }
    row.update(changes)
    return row


def _exported(user) -> list[dict[str, str]]:
    out = io.BytesIO()
    export_services(user, out)
    return list(csv.DictReader(io.StringIO(out.getvalue().decode("utf-8-sig"))))


def _messages(report) -> list[str]:
    return [str(error) for error in report.errors]


# Export and import back -------------------------------------------------------------------------


def test_an_export_imports_back_as_no_change(reviewer, provider_editor, provider, venue, publish):
    hall = Location.objects.create(provider=provider, name="Church Hall", location_type="virtual")
    rich = publish(
        name="Saturday Play Club",
        terms=[term("need", "asd"), term("category", "short-breaks"), term("delivery", "online")],
        locations=[venue, hall],
        contacts=[
            {"name": "Play team", "title": "Coordinator", "phone": "+44 1904 000000", "email": ""},
            {"name": "Zara Example", "title": "Manager", "phone": "", "email": "z@example.org"},
        ],
        cost_options=[
            {"option": "Per session", "amount": "5", "amount_description": "each child"},
            {"option": "Membership", "amount": "12.5", "amount_description": ""},
            {"option": "Siblings", "amount": None, "amount_description": "free"},
        ],
        service_areas=[
            {"name": "City of York", "uri": "https://example.org/E06000014"},
            {"name": "Selby", "uri": ""},
        ],
        opening_times=[
            {"weekday": 5, "opens_at": "10:00", "closes_at": "13:00"},
            {"weekday": 0, "opens_at": "16:00", "closes_at": "18:30"},
        ],
        minimum_age=0,
        description="=Play\nfor everyone",
        status="temporarily closed",
        alert="Closed in August",
    )
    publish(name="Online Advice", is_free=False, fees="£2", contacts=[], locations=[])

    def snapshots():
        return {s.pk: records.snapshot_of(s) for s in Service.objects.all()}

    before = snapshots()
    assert before[rich.pk]["cost_options"][0]["option"] == "Membership"
    revisions = ServiceRevision.objects.count()

    out = io.BytesIO()
    assert export_services(reviewer, out) == 2
    for actor in (reviewer, provider_editor):
        report = import_services(actor, out.getvalue(), "directory.csv")
        assert report.ok, _messages(report)
        assert (report.rows, report.unchanged, report.updated, report.added) == (2, 2, 0, 0)
    assert ServiceRevision.objects.count() == revisions
    assert snapshots() == before


def test_an_export_has_one_row_per_published_service_named_as_people_know_it(
    reviewer, provider, venue, publish
):
    publish(
        name="Saturday Play Club",
        terms=[term("need", "asd"), term("category", "short-breaks")],
        locations=[venue],
        cost_options=[{"option": "Per session", "amount": "5", "amount_description": ""}],
    )
    Service.objects.create(provider=provider, name="Not yet approved", description="x")
    (row,) = _exported(reviewer)
    assert row["provider"] == "Riverside Play Trust"
    assert row["needs"] == "Autism"
    assert row["categories"] == "Short breaks and respite"
    assert row["venues"] == "Riverside Centre"
    assert (row["venue_address"], row["venue_town"], row["venue_postcode"]) == (
        "1 Mill Lane",
        "York",
        "YO1 7HH",
    )
    assert row["opening_times"] == "Sat 10:00-13:00"
    assert row["cost_amount"] == "5.00"
    assert row["last_reviewed"]
    event = AccessEvent.objects.get(action=AccessEvent.Action.EXPORT)
    assert event.detail == {"services": 1}


def test_a_shared_provider_name_is_exported_as_the_providers_id(reviewer, provider, publish):
    publish()
    Provider.objects.create(name="riverside play trust", description="Another one")
    (row,) = _exported(reviewer)
    assert row["provider"] == str(provider.pk)


def test_a_providers_editor_exports_only_their_own_services(
    provider_editor, reviewer, publish, provider_organisation
):
    publish(name="Ours")
    other = Provider.objects.create(name="Northfield Sensory Trust", description="Sensory play")
    services.create_service(actor=reviewer, provider=other, snapshot=details(name="Theirs"))
    assert [row["name"] for row in _exported(provider_editor)] == ["Ours"]


def test_only_directory_editors_may_import_or_export(make_user):
    caseworker = make_user()
    with pytest.raises(TransferRefused):
        export_services(caseworker, io.BytesIO())
    with pytest.raises(TransferRefused):
        import_services(caseworker, _csv(_row()), "x.csv")


# Adding and updating ----------------------------------------------------------------------------


def test_a_reviewers_import_adds_published_services(reviewer, provider, venue):
    report = import_services(reviewer, _csv(_row()), "holiday.csv")
    assert report.ok, _messages(report)
    assert (report.added, report.waiting) == (1, 0)
    service = Service.objects.get(name="Holiday Sports Club")
    assert service.is_published
    assert report.outcomes[0].service_id == str(service.pk)
    codes = set(service.terms.values_list("code", flat=True))
    assert {"sport", "holiday-activities", "asd", "pd", "in-person"} <= codes
    assert {"primary", "secondary"} <= codes  # age groups follow the ages
    assert list(service.locations.all()) == [venue]
    assert service.opening_times.count() == 5
    revision = service.revisions.get()
    assert (revision.state, revision.source) == (RevisionState.APPROVED, "import")
    assert revision.note == "Imported from holiday.csv"
    event = AccessEvent.objects.get(action=AccessEvent.Action.IMPORT)
    assert event.detail["added"] == 1


def test_a_providers_import_waits_for_review(provider_editor, provider, venue, publish):
    existing = publish()
    rows = [_row(), {**_row(), "id": str(existing.pk), "name": "Saturday Club"}]
    report = import_services(provider_editor, _csv(*rows), "ours.csv")
    assert report.ok, _messages(report)
    assert (report.added, report.updated, report.waiting) == (1, 1, 2)
    assert not Service.objects.get(name="Holiday Sports Club").is_published
    existing.refresh_from_db()
    assert existing.name == "Saturday Play Club"  # until a reviewer approves it
    pending = existing.revisions.get(state=RevisionState.PENDING)
    assert pending.snapshot["name"] == "Saturday Club"
    assert "ours.csv" in report.summary()
    assert "2 changes waiting for review" in report.summary()


def test_columns_left_out_keep_what_the_service_has(reviewer, publish, venue):
    service = publish(terms=[term("need", "asd")], locations=[venue])
    before = records.snapshot_of(service)
    columns = ["id", "provider", "name", "description", "free", "status"]
    row = {
        "id": str(service.pk),
        "provider": "Riverside Play Trust",
        "name": before["name"],
        "description": before["description"],
        "free": "yes",
        "status": "Not running",
    }
    report = import_services(reviewer, _csv(row, columns=columns), "status.csv")
    assert report.ok, _messages(report)
    assert report.updated == 1
    service.refresh_from_db()
    after = records.snapshot_of(service)
    assert after["status"] == "inactive"
    assert {**after, "status": "active"} == before


def test_the_one_contact_and_price_in_a_file_keep_the_rest(reviewer, publish):
    service = publish(
        contacts=[
            {"name": "Play team", "title": "Coordinator", "phone": "", "email": ""},
            {"name": "Zara Example", "title": "Manager", "phone": "", "email": ""},
        ],
        cost_options=[
            {"option": "Membership", "amount": "12", "amount_description": "a year"},
            {"option": "Per session", "amount": "5", "amount_description": ""},
            {"option": "Siblings", "amount": None, "amount_description": "free"},
        ],
        service_areas=[{"name": "City of York", "uri": "https://example.org/york"}],
    )
    columns = ["id", "provider", "name", "description", "free", "fees"]
    columns += ["contact_name", "contact_phone", "cost_amount", "service_area"]
    base = {
        "id": str(service.pk),
        "provider": "Riverside Play Trust",
        "name": service.name,
        "description": service.description,
        "free": "no",
        "fees": "See prices",
    }
    row = {
        **base,
        "contact_name": "Play team",
        "contact_phone": "01904 111111",
        "cost_amount": "15",
        "service_area": "City of York; Selby",
    }
    assert import_services(reviewer, _csv(row, columns=columns), "a.csv").ok
    snapshot = records.snapshot_of(service)
    assert snapshot["contacts"] == [
        {"name": "Play team", "title": "Coordinator", "phone": "01904 111111", "email": ""},
        {"name": "Zara Example", "title": "Manager", "phone": "", "email": ""},
    ]
    assert snapshot["cost_options"] == [
        {"option": "Membership", "amount": "15.00", "amount_description": "a year"},
        {"option": "Per session", "amount": "5.00", "amount_description": ""},
        {"option": "Siblings", "amount": None, "amount_description": "free"},
    ]
    assert snapshot["service_areas"] == [
        {"name": "City of York", "uri": "https://example.org/york"},
        {"name": "Selby", "uri": ""},
    ]
    blank = {**base, "contact_name": "", "contact_phone": "", "cost_amount": "", "service_area": ""}
    assert import_services(reviewer, _csv(blank, columns=columns), "b.csv").ok
    snapshot = records.snapshot_of(service)
    assert snapshot["contacts"] == []
    assert snapshot["cost_options"] == [
        {"option": "Siblings", "amount": None, "amount_description": "free"}
    ]
    assert snapshot["service_areas"] == []


def test_a_price_for_a_service_without_one_is_added(reviewer, venue):
    assert import_services(reviewer, _csv(_row(cost_amount="£4")), "a.csv").ok
    service = Service.objects.get(name="Holiday Sports Club")
    assert records.snapshot_of(service)["cost_options"] == [
        {"option": "Price", "amount": "4.00", "amount_description": ""}
    ]


def test_a_reviewer_can_add_a_provider_and_a_venue(reviewer):
    rows = [
        _row(
            provider="Northfield Sensory Trust",
            provider_description="A charity running sensory play sessions.",
            venues="Northfield Barn",
            venue_address="2 Field Road",
            venue_town="Leeds",
            venue_postcode="ls1 4ap",
        ),
        _row(
            provider="northfield sensory trust", name="Sensory Saturdays", venues="Northfield Barn"
        ),
    ]
    report = import_services(reviewer, _csv(*rows), "new.csv")
    assert report.ok, _messages(report)
    assert report.providers_added == ["Northfield Sensory Trust"]
    assert report.venues_added == ["Northfield Barn"]
    provider = Provider.objects.get(name="Northfield Sensory Trust")
    barn = Location.objects.get(name="Northfield Barn")
    assert (barn.provider, barn.postal_code, barn.city) == (provider, "LS1 4AP", "Leeds")
    assert barn.latitude is not None  # placed at the postcode district's centre
    assert set(provider.services.values_list("name", flat=True)) == {
        "Holiday Sports Club",
        "Sensory Saturdays",
    }
    assert all(s.locations.get() == barn for s in provider.services.all())


def test_a_dry_run_checks_and_counts_but_saves_nothing(reviewer, venue, publish):
    existing = publish()
    row = {**_row(), "id": str(existing.pk)}
    report = import_services(reviewer, _csv(row, _row(name="New")), "x.csv", dry_run=True)
    assert report.ok
    assert (report.added, report.updated, report.dry_run) == (1, 1, True)
    assert "nothing was saved" in report.summary()
    assert Service.objects.count() == 1
    assert existing.revisions.count() == 1
    assert not AccessEvent.objects.filter(action=AccessEvent.Action.IMPORT).exists()


def test_a_reviewers_change_replaces_a_change_waiting_for_review(
    reviewer, provider_editor, publish, venue
):
    service = publish()
    services.propose_change(
        actor=provider_editor,
        service=service,
        snapshot={**records.snapshot_of(service), "name": "Provider's idea"},
    )
    report = import_services(reviewer, _csv({**_row(), "id": str(service.pk)}), "x.csv")
    assert report.ok, _messages(report)
    assert report.outcomes[0].replaced_pending
    assert not service.revisions.filter(state=RevisionState.PENDING).exists()


# Problems: nothing is saved ---------------------------------------------------------------------


def test_one_bad_row_means_nothing_is_imported(reviewer, venue):
    rows = [_row(), _row(name="Second", needs="Autsm")]
    report = import_services(reviewer, _csv(*rows), "two.csv")
    assert not report.ok
    assert not Service.objects.exists()
    (message,) = _messages(report)
    assert message.startswith("two.csv, row 3, column needs, value 'Autsm': ")
    assert "The closest is Autism" in message or "closest are Autism" in message


@pytest.mark.parametrize(
    ("changes", "column", "words"),
    [
        ({"needs": "Speech therapy"}, "needs", "is not one of the needs. The closest are"),
        ({"categories": "Autism"}, "categories", "is a need, not a category: put it in the needs"),
        ({"needs": "Primary school age (4 to 11)"}, "needs", "Age groups are set from"),
        ({"delivery": "Hearing loop"}, "delivery", "feature of a venue"),
        ({"provider": "Riverside Play Trus"}, "provider", "Did you mean Riverside Play Trust?"),
        ({"provider": str(uuid.uuid4())}, "provider", "No provider has this id"),
        ({"provider_description": "Different"}, "provider_description", "already in the directory"),
        ({"venues": "Riverside Hall"}, "venues", "Its venues are Riverside Centre"),
        ({"venues": str(uuid.uuid4())}, "venues", "has no venue with this id"),
        ({"venue_address": "9 Other Road", "venue_town": "York", "venue_postcode": "YO1 7HH"},
         "venue_address", "is at 1 Mill Lane, York, YO1 7HH"),
        ({"id": str(uuid.uuid4())}, "id", "No service has this id"),
        ({"name": "Saturday Play Club"}, "name", "already has a service called Saturday Play Club"),
        ({"url": "https://bad_host.example.org"}, "url", "Enter a real web address"),
    ],
)  # fmt: skip
def test_rows_that_do_not_match_the_directory_say_why(
    reviewer, venue, publish, changes, column, words
):
    publish()
    report = import_services(reviewer, _csv(_row(**changes)), "x.csv")
    messages = _messages(report)
    assert len(messages) == 1, messages
    assert messages[0].startswith(f"x.csv, row 2, column {column}, value ")
    assert words in messages[0]
    assert Service.objects.count() == 1


def test_a_retired_term_can_stay_but_not_be_added(reviewer, publish, venue):
    service = publish(terms=[term("need", "mld")])
    TaxonomyTerm.objects.filter(code="mld").update(is_active=False)
    keep = {**_row(needs="Moderate learning difficulty"), "id": str(service.pk)}
    assert import_services(reviewer, _csv(keep), "keep.csv").ok
    report = import_services(reviewer, _csv(_row(name="Other", needs="mld")), "add.csv")
    assert "is retired" in _messages(report)[0]


def test_providers_editors_cannot_touch_other_providers_or_add_providers(
    provider_editor, reviewer, venue
):
    other = Provider.objects.create(name="Northfield Sensory Trust", description="Sensory play")
    theirs = services.create_service(
        actor=reviewer, provider=other, snapshot=details(name="Theirs")
    ).service
    rows = [
        _row(provider="Northfield Sensory Trust"),
        {**_row(name="Theirs"), "id": str(theirs.pk)},
        _row(provider="New Trust", provider_description="New", name="Third"),
    ]
    messages = _messages(import_services(provider_editor, _csv(*rows), "x.csv"))
    assert any(
        "row 2, column provider" in m and "not one of your organisation's" in m for m in messages
    )
    assert any("row 3, column id" in m and "You cannot change Theirs" in m for m in messages)
    assert any(
        "row 4, column provider_description" in m and "Only directory editors" in m
        for m in messages
    )


def test_the_same_service_twice_is_refused(reviewer, publish, venue):
    service = publish()
    rows = [{**_row(), "id": str(service.pk)}, {**_row(), "id": str(service.pk)}]
    rows += [_row(name="New"), _row(name="new")]
    messages = _messages(import_services(reviewer, _csv(*rows), "x.csv"))
    assert any("row 3, column id" in m and "Row 2 has the same id" in m for m in messages)
    assert any(
        "row 5, column name" in m and "Row 4 adds a service with the same name" in m
        for m in messages
    )


def test_an_ambiguous_provider_or_venue_name_asks_for_the_id(reviewer, provider, venue):
    Location.objects.create(provider=provider, name="Riverside Centre")
    Provider.objects.create(name="Riverside Play Trust", description="A namesake")
    messages = _messages(import_services(reviewer, _csv(_row()), "x.csv"))
    assert "2 providers are called Riverside Play Trust" in messages[0]
    report = import_services(reviewer, _csv(_row(provider=str(provider.pk))), "x.csv")
    assert "has 2 venues called Riverside Centre" in _messages(report)[0]
    report = import_services(
        reviewer, _csv(_row(provider=str(provider.pk), venues=str(venue.pk))), "x.csv"
    )
    assert report.ok, _messages(report)


def test_an_unreadable_file_is_reported_without_touching_the_database(reviewer):
    report = import_services(reviewer, "id,provider\n".encode("utf-16"), "x.csv")
    assert not report.readable
    assert "UTF-16" in _messages(report)[0]
    report = import_services(reviewer, io.BytesIO(b""), "empty.csv")
    assert report.readable
    assert "The file is empty" in _messages(report)[0]
