"""The demo Local Offer: the plan's size and spread, its content, and what `opensend demo` saves
and removes (on the Isles of Scilly, the smallest register, made once for the module)."""

import datetime as dt
import re
from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from opensend.accounts.models import User
from opensend.accounts.roles import Role
from opensend.demo import directory_content as content
from opensend.demo import directory_phrases as phrases
from opensend.demo.directory_guidance import PAGES
from opensend.demo.directory_plan import (
    ACCOUNT,
    JITTER_KM,
    OVERDUE_SHARE,
    REVIEW_DAYS,
    describe_fees,
    jitter,
    plan_directory,
    slug,
)
from opensend.demo.generator import create_partnership, remove_all_demo_data
from opensend.demo.names import NamePools
from opensend.demo.postcodes import districts_for
from opensend.demo.published import find_local_authority, targets_for
from opensend.directory import queries, records, search, taxonomies
from opensend.directory.geography import distance_km, district_centroid
from opensend.directory.guidance import blocks
from opensend.directory.models import (
    ChangeSuggestion,
    Contact,
    CostOption,
    GuidancePage,
    Location,
    LocationAccessibility,
    OpeningTime,
    Provider,
    ReviewReminder,
    RevisionState,
    Service,
    ServiceArea,
    ServiceAtLocation,
    ServiceAttribute,
    ServiceRevision,
)

TODAY = dt.date(2026, 11, 22)
NAMES = NamePools.from_faker(1)
# Ofcom's drama ranges: a city's "496 0xxx" (Tyneside "498 0xxx"), London 020 7946 0xxx,
# no area 01632 960xxx, freephone 0808 157 0xxx, mobile 07700 900xxx.
DRAMA_NUMBER = re.compile(
    r"^(011[3-8] 496 0|01[2-6]1 496 0|0191 498 0|020 7946 0|01632 960|0808 157 0|07700 900)\d{3}$"
)
RESERVED_EMAIL = re.compile(r"^[a-z0-9.\-]+@[a-z0-9.\-]+\.example\.org$")


def codes(vocabulary) -> set[str]:
    found = set()

    def walk(terms):
        for term in terms:
            found.add(term.code)
            walk(term.children)

    walk(vocabulary.terms)
    return found


@pytest.fixture(scope="module")
def leeds_plan():
    return plan_directory(find_local_authority("Leeds"), seed=1, today=TODAY, names=NAMES)


# --- the plan ------------------------------------------------------------------------------


def test_about_600_services_from_about_120_providers_at_about_150_venues(leeds_plan):
    published = leeds_plan.published()
    assert 560 <= len(published) <= 640
    assert 110 <= len(leeds_plan.providers) <= 135
    assert 130 <= len(leeds_plan.venues) <= 170
    per_provider = Counter(s.provider for s in published)
    assert set(per_provider) == set(range(len(leeds_plan.providers)))  # nobody has no service
    assert {v.provider for v in leeds_plan.venues} <= set(per_provider)
    assert all(s.venues for s in published if "in-person" in s.delivery)
    assert sum(1 for s in published if not s.venues) >= 50  # online, phone, home visits
    assert sum(1 for s in published if len(s.venues) > 1) >= 5


def test_every_category_and_need_is_used(leeds_plan):
    published = leeds_plan.published()
    assert {c for s in published for c in s.categories} == codes(taxonomies.CATEGORIES)
    assert {n for s in published for n in s.needs} == codes(taxonomies.NEEDS)
    assert {d for s in published for d in s.delivery} == codes(taxonomies.DELIVERY)
    features = {f for v in leeds_plan.venues for f in v.accessibility}
    assert features == codes(taxonomies.ACCESSIBILITY)


def test_ages_spread_from_birth_to_25(leeds_plan):
    published = leeds_plan.published()
    assert all(0 <= s.minimum_age <= s.maximum_age <= 25 for s in published)
    for term in taxonomies.AGE_GROUPS.terms:
        low, high = term.ages
        share = sum(low <= s.maximum_age and s.minimum_age <= high for s in published)
        assert share / len(published) >= 0.3, term.code
    assert sum(s.maximum_age <= 5 for s in published) >= 40  # early years
    assert sum(s.minimum_age >= 16 for s in published) >= 40  # post-16
    assert sum(s.minimum_age >= 18 for s in published) >= 8  # young adults


def test_most_services_are_free_and_the_rest_have_prices(leeds_plan):
    published = leeds_plan.published()
    free = [s for s in published if s.is_free]
    assert 0.65 <= len(free) / len(published) <= 0.77
    assert all(not s.cost_options and not s.fees for s in free)
    for service in published:
        if not service.is_free:
            assert service.cost_options
            assert service.fees
            assert any(float(amount) > 0 for _, amount, _ in service.cost_options)


def test_review_state(leeds_plan):
    published = leeds_plan.published()
    overdue = [s for s in published if s.assured_on < TODAY - dt.timedelta(days=REVIEW_DAYS)]
    assert len(overdue) == round(OVERDUE_SHARE * len(published))
    assert min(s.assured_on for s in published) >= TODAY - dt.timedelta(days=270)
    statuses = Counter(s.status for s in published)
    assert statuses["temporarily closed"] == 8
    assert statuses["inactive"] + statuses["defunct"] == 10
    assert all(s.alert for s in published if s.status in ("temporarily closed", "inactive"))
    assert sum(1 for s in published if s.status == "active" and s.alert) >= 5
    changes = leeds_plan.changes
    assert len(changes) == 12
    assert sum(c.account == ACCOUNT for c in changes) >= 3
    assert len({c.service for c in changes}) == 12  # one pending change per service
    new = [c for c in changes if c.kind == "new"]
    assert len(new) == 2
    assert not any(leeds_plan.services[c.service].published for c in new)
    assert len(leeds_plan.suggestions) == 15
    assert Counter(s.state for s in leeds_plan.suggestions) == {
        "new": 11,
        "done": 2,
        "dismissed": 2,
    }
    assert leeds_plan.reminders
    assert all(
        leeds_plan.services[n].assured_on < TODAY - dt.timedelta(days=REVIEW_DAYS)
        for n, _ in leeds_plan.reminders
    )


def test_the_same_seed_gives_the_same_directory():
    leeds = find_local_authority("Leeds")
    first = plan_directory(leeds, seed=3, today=TODAY, names=NAMES)
    again = plan_directory(leeds, seed=3, today=TODAY, names=NAMES)
    assert first == again
    other = plan_directory(leeds, seed=4, today=TODAY, names=NAMES)
    assert {s.id for s in other.services}.isdisjoint({s.id for s in first.services})
    assert [p.name for p in other.providers] != [p.name for p in first.providers]


@pytest.mark.parametrize(
    ("name", "prefix"),
    [
        ("Leeds", "0113 496 0"),
        ("Camden", "020 7946 0"),
        ("Newcastle upon Tyne", "0191 498 0"),
        ("Kent", "01632 960"),
        ("Isles of Scilly", "01632 960"),
    ],
)
def test_contact_details_are_reserved_for_fiction(name, prefix):
    la = find_local_authority(name)
    plan = plan_directory(la, seed=1, today=TODAY, names=NAMES)
    phones = [s.phone for s in plan.services] + [c[2] for s in plan.services for c in s.contacts]
    assert all(DRAMA_NUMBER.match(p) for p in phones), [
        p for p in phones if not DRAMA_NUMBER.match(p)
    ]
    assert sum(p.startswith(prefix) for p in phones) > len(phones) / 2
    emails = [p.email for p in plan.providers] + [s.email for s in plan.services]
    emails += [c[3] for s in plan.services for c in s.contacts] + [
        s.email for s in plan.suggestions if s.email
    ]
    assert all(RESERVED_EMAIL.match(e) for e in emails), [
        e for e in emails if not RESERVED_EMAIL.match(e)
    ]
    sites = [p.website for p in plan.providers] + [s.url for s in plan.services]
    assert all(re.match(r"^https://[a-z0-9\-]+\.example\.org/", u) for u in sites)
    assert all(p.name.endswith("(synthetic)") for p in plan.providers if la.name in p.name)


@pytest.mark.parametrize("name", ["Leeds", "Camden", "Kent", "Isles of Scilly"])
def test_venues_are_in_the_las_postcode_districts_near_their_centroid(name):
    la = find_local_authority(name)
    plan = plan_directory(la, seed=1, today=TODAY, names=NAMES)
    districts = set(districts_for(la.code, la.region))
    for venue in plan.venues:
        outward = venue.postal_code.split(" ")[0]
        assert outward in districts
        centre = district_centroid(outward)
        assert distance_km(*centre, venue.latitude, venue.longitude) < 1.0
        assert venue.address_1
        assert venue.city
        assert venue.state_province


@given(
    st.floats(min_value=49.9, max_value=60.9),
    st.floats(min_value=-8.2, max_value=1.8),
    st.integers(min_value=0, max_value=2**32),
)
def test_jitter_stays_within_a_kilometre(latitude, longitude, seed):
    import random

    moved = jitter(random.Random(seed), latitude, longitude)
    assert distance_km(latitude, longitude, *moved) <= JITTER_KM + 0.001


@given(st.integers(min_value=0, max_value=23), st.integers(min_value=0, max_value=59))
def test_clock_reads_back_as_the_same_time(hours, minutes):
    text = phrases.clock(f"{hours:02d}:{minutes:02d}")
    if text == "midday":
        assert (hours, minutes) == (12, 0)
        return
    match = re.fullmatch(r"(\d{1,2})(?::(\d{2}))?(am|pm)", text)
    assert match
    hour = int(match[1]) % 12 + (12 if match[3] == "pm" else 0)
    assert (hour, int(match[2] or 0)) == (hours, minutes)


def test_fees_describe_every_cost_option():
    options = (("Session", "4.00", "Per child"), ("Parent or carer", "0.00", ""))
    assert describe_fees(options) == "Session: £4.00 (per child); Parent or carer: free"
    assert slug("The Oakfield Children's Centre (synthetic)") == "the-oakfield-childrens-centre"


# --- the content ---------------------------------------------------------------------------


def test_templates_use_known_terms_schedules_prices_and_ways_in():
    categories, needs = codes(taxonomies.CATEGORIES), codes(taxonomies.NEEDS)
    deliveries = codes(taxonomies.DELIVERY)
    for kind in content.KINDS:
        assert kind.templates, kind.key
        assert kind.contacts, kind.key
        assert kind.staff_titles, kind.key
        for template in kind.templates:
            assert set(template.categories) <= categories, template.names
            assert set(template.needs) | set(template.some_needs) <= needs, template.names
            assert set(template.delivery) <= deliveries, template.names
            assert all(key in phrases.SCHEDULES for key in template.schedules), template.names
            assert all(key in phrases.COSTS for key in template.costs), template.names
            assert template.access in phrases.ACCESS, template.names
            assert template.free == 1.0 or template.costs, template.names
            assert all(0 <= low <= high <= 25 for low, high in template.ages)
            assert template.per_venue == all("{venue}" in n for n in template.names)
            assert not template.per_venue or kind.venues, template.names


def test_opening_times_make_sense():
    for key, schedules in phrases.SCHEDULES.items():
        for schedule in schedules:
            assert schedule.description, key
            for days, opens, closes in schedule.slots:
                assert set(days) <= set(range(7))
                assert opens < closes or (opens, closes) == ("00:00", "00:00"), key
    after_school = phrases.SCHEDULES["after-school"]
    assert all(opens >= "15:30" for s in after_school for _, opens, _ in s.slots)
    assert all(days == (5,) for s in phrases.SCHEDULES["saturday"] for days, _, _ in s.slots)


def test_no_placeholder_text():
    texts = [t for k in content.KINDS for tpl in k.templates for t in (*tpl.about, *tpl.names)]
    texts += [t for ways in phrases.ACCESS.values() for t in ways]
    texts += [t for bank in phrases.NEED_SUPPORT.values() for t in bank]
    for text in texts:
        assert "lorem" not in text.lower()
        assert "TODO" not in text
        assert text.strip() == text
        assert "  " not in text


def test_guidance_pages_cover_the_four_broad_areas():
    assert len(PAGES) == 4
    needs = codes(taxonomies.NEEDS)
    broad = {t.code for t in taxonomies.NEEDS.terms if t.children} | {"semh"}
    assert {p.needs[0] for p in PAGES} == broad
    for page in PAGES:
        assert set(page.needs) <= needs
        assert 300 <= len(page.body.split()) <= 500, page.slug
        assert len(page.summary) <= 400
        assert len(page.slug) <= 80
        kinds = Counter(block.kind for block in blocks(page.body))
        assert kinds["heading"] >= 3
        assert kinds["list"] >= 2
        assert kinds["paragraph"] >= 3


# --- saved by `opensend demo` --------------------------------------------------------------

SCILLY = "Isles of Scilly"


@pytest.fixture(scope="module")
def scilly(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        create_partnership(targets_for(SCILLY), seed=1, today=TODAY)
        yield plan_directory(find_local_authority(SCILLY), seed=1, today=TODAY, names=NAMES)
        remove_all_demo_data()


def editor(email_start: str) -> User:
    return User.objects.get(
        email__startswith=email_start, email__endswith="isles-of-scilly.demo.opensend.test"
    )


@pytest.mark.django_db
def test_the_plan_is_saved_with_its_ids(scilly):
    published = queries.published_services()
    assert set(published.values_list("pk", flat=True)) == {s.id for s in scilly.published()}
    assert Provider.objects.count() == len(scilly.providers)
    assert Location.objects.count() == len(scilly.venues)
    assert Service.objects.filter(is_published=False).count() == 2
    assert Location.objects.filter(latitude__isnull=True).count() == 0
    assert LocationAccessibility.objects.exists()
    assert ServiceArea.objects.filter(uri__endswith="/E06000053").count() == published.count()


@pytest.mark.django_db
def test_every_published_service_starts_its_history_with_its_snapshot(scilly):
    first = {
        r.service_id: r
        for r in ServiceRevision.objects.filter(number=1, state=RevisionState.APPROVED)
    }
    services = queries.published_services().select_related("provider")
    assert len(first) == services.count()
    for service in services:
        snapshot = records.snapshot_of(service)
        assert records.normalise(snapshot) == snapshot
        assert first[service.pk].snapshot == snapshot, service.name
        assert first[service.pk].decided_at.date() == service.assured_date
    age_groups = ServiceAttribute.objects.filter(term__taxonomy__vocabulary="age_group")
    assert age_groups.values("service").distinct().count() == services.count()


@pytest.mark.django_db
def test_review_queue_overdue_services_and_suggestions(scilly):
    reviewer = editor("directory_editor1@")
    assert queries.is_reviewer(reviewer)
    queue = queries.review_queue(reviewer)
    assert queue.count() == 12
    assert queue.filter(submitted_by__isnull=True).count() == 0
    running = queries.published_services().exclude(status__in=queries.HIDDEN_FROM_SEARCH)
    overdue = queries.overdue_services(reviewer, today=TODAY).count()
    assert 0.10 <= overdue / running.count() <= 0.20
    assert queries.open_suggestions(reviewer).count() == 11
    assert ChangeSuggestion.objects.exclude(state="new").filter(handled_by=reviewer).count() == 4
    assert ReviewReminder.objects.count() == len(scilly.reminders)
    assert Service.objects.filter(alert__gt="", status="active").count() >= 5


@pytest.mark.django_db
def test_the_provider_sign_in_sees_only_its_own_services(scilly):
    provider_editor = editor("directory_editor2@")
    assert provider_editor.role == Role.DIRECTORY_EDITOR
    assert provider_editor.check_password("opensend-demo-2026")
    assert not queries.is_reviewer(provider_editor)
    own = Provider.objects.get(account_organisation=provider_editor.organisation)
    editable = queries.services_editable_by(provider_editor)
    assert set(editable) == set(Service.objects.filter(provider=own))
    assert editable.filter(is_published=True).count() >= 5
    queue = queries.review_queue(provider_editor)
    assert queue.count() == 5  # three changes and two new services
    assert set(queue.values_list("submitted_by", flat=True)) == {provider_editor.pk}
    reviewer = editor("directory_editor1@")
    assert queries.services_editable_by(reviewer).count() == Service.objects.count()


@pytest.mark.django_db
def test_guidance_pages_are_linked_to_needs(scilly):
    pages = GuidancePage.objects.prefetch_related("needs")
    assert pages.count() == 4
    for page in pages:
        wanted = next(p for p in PAGES if p.slug == page.slug)
        assert {t.code for t in page.needs.all()} == set(wanted.needs)


@pytest.mark.django_db
def test_the_search_finds_demo_services(scilly):
    index = queries.search_index()
    assert index.search(search.SearchQuery(text="autism")).total >= 10
    venue = Location.objects.first()
    near = index.search(
        search.SearchQuery(near=(venue.latitude, venue.longitude), within_km=2, sort="distance")
    )
    assert near.total >= 1
    assert near.hits[0].distance_km < 2
    saturday = index.search(search.SearchQuery(weekdays=frozenset({5})))
    assert saturday.total >= 20


@pytest.mark.django_db
def test_removing_the_demo_leaves_no_directory_rows(scilly):
    reviewer = editor("directory_editor1@")
    service = queries.published_services().first()
    from opensend.directory import services

    services.confirm_still_correct(actor=reviewer, service=service)  # history rows too
    assert Service.history.model.objects.exists()
    remove_all_demo_data()
    for model in (
        Provider,
        Location,
        LocationAccessibility,
        Service,
        ServiceAtLocation,
        ServiceAttribute,
        OpeningTime,
        CostOption,
        Contact,
        ServiceArea,
        ServiceRevision,
        ChangeSuggestion,
        ReviewReminder,
        GuidancePage,
    ):
        assert not model._base_manager.exists(), model
        if hasattr(model, "history"):
            assert not model.history.model._base_manager.exists(), model
    assert not User.objects.filter(is_demo=True).exists()
