"""The public Local Offer pages: search and its filters, service pages, suggestions, shortlist,
guidance. Every service and organisation here is invented."""

import datetime as dt
import re
import uuid
from html import unescape
from types import SimpleNamespace
from urllib.parse import parse_qsl, unquote, urlsplit

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from opensend.accounts.roles import Role
from opensend.directory import queries, services, shortlist
from opensend.directory.models import (
    ChangeSuggestion,
    GuidancePage,
    Location,
    Service,
    SuggestionTopic,
)
from opensend.directory.public_views import ages_text, miles_text, time_text
from tests.directory.conftest import details, term

pytestmark = pytest.mark.django_db

SEARCH = "/local-offer/"


def kept(client) -> list:
    """The shortlist the client's signed cookie holds, read as the service reads it."""
    from django.test import RequestFactory

    from opensend.directory import middleware

    request = RequestFactory().get("/local-offer/")
    request.COOKIES = {name: morsel.value for name, morsel in client.cookies.items()}
    value = request.get_signed_cookie(
        middleware.COOKIE, default="", salt=middleware.SALT, max_age=middleware.MAX_AGE
    )
    return shortlist.ids(middleware.read_store(value))


@pytest.fixture
def leeds_venue(provider):
    return Location.objects.create(
        provider=provider,
        name="Hyde Park Hub",
        address_1="2 Imaginary Row",
        city="Leeds",
        state_province="West Yorkshire",
        postal_code="LS6 1AA",
        latitude=53.8185,
        longitude=-1.5662,
    )


@pytest.fixture
def directory(publish, venue, leeds_venue):
    """Four published services: two in York, one in Leeds, one online only."""
    venue.accessibility.set([term("accessibility", "step-free"), term("accessibility", "lift")])
    weekdays = [{"weekday": d, "opens_at": "09:00", "closes_at": "17:00"} for d in range(5)]
    return SimpleNamespace(
        play=publish(
            name="Saturday Play Club",
            terms=[term("category", "short-breaks"), term("need", "asd")],
            locations=[venue],
        ),
        speech=publish(
            name="Chatterbox Speech Clinic",
            description="Speech and language therapy for children who find talking hard.",
            minimum_age=0,
            maximum_age=18,
            is_free=False,
            fees="Sessions cost £20.",
            referral_required=True,
            terms=[term("category", "speech-language-therapy"), term("need", "slcn")],
            locations=[leeds_venue],
            opening_times=weekdays,
        ),
        youth=publish(
            name="Moonbeam Evening Youth Club",
            description="A youth club online for teenagers who feel anxious.",
            minimum_age=11,
            maximum_age=19,
            terms=[term("category", "short-breaks"), term("need", "semh")],
            locations=[],
            opening_times=[{"weekday": 1, "opens_at": "18:00", "closes_at": "21:00"}],
        ),
        sensory=publish(
            name="Rainbow Sensory Room",
            description="A calm sensory room for disabled children.",
            status="temporarily closed",
            alert="Closed for repairs until further notice.",
            minimum_age=0,
            maximum_age=25,
            terms=[term("need", "pd")],
            locations=[venue],
            opening_times=[{"weekday": 2, "opens_at": "10:00", "closes_at": "12:00"}],
        ),
    )


def names(response) -> list[str]:
    """Service names in the order the results list shows them."""
    html = response.content.decode()
    return [
        unescape(n)
        for n in re.findall(r'<li class="app-result"[^>]*>\s*<h3[^>]*><a [^>]*>([^<]+)</a>', html)
    ]


def text(response) -> str:
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode())))


def count_heading(response) -> str:
    found = re.search(r'id="results-heading">([^<]+)<', response.content.decode())
    return found.group(1) if found else ""


# Search -------------------------------------------------------------------------------------------


def test_the_search_page_lists_every_running_published_service_by_name(client, directory):
    response = client.get(SEARCH)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>Find services - Leeds Local Offer</title>" in html
    assert html.count("<h1") == 1
    assert count_heading(response) == "4 services"
    assert names(response) == [
        "Chatterbox Speech Clinic",
        "Moonbeam Evening Youth Club",
        "Rainbow Sensory Room",
        "Saturday Play Club",
    ]


def test_the_service_name_falls_back_when_there_is_no_local_authority(client, db):
    from opensend.accounts.models import Organisation

    Organisation.objects.all().delete()
    assert "<title>Find services - Local Offer</title>" in client.get(SEARCH).content.decode()


def test_unpublished_and_stopped_services_are_not_found(
    client, directory, provider, provider_editor
):
    pending = services.create_service(
        actor=provider_editor, provider=provider, snapshot=details(name="Secret Pending Club")
    ).service
    Service.objects.filter(pk=directory.youth.pk).update(status="inactive")
    queries.forget_search_index()
    response = client.get(SEARCH)
    assert "Secret Pending Club" not in names(response)
    assert "Moonbeam Evening Youth Club" not in names(response)
    assert client.get(reverse("local_offer:service", args=[pending.pk])).status_code == 404
    missing = client.get(reverse("local_offer:service", args=[uuid.uuid4()]))
    assert missing.status_code == 404
    assert "<title>Page not found - Leeds Local Offer</title>" in missing.content.decode()


def test_results_show_what_a_family_needs_to_choose(client, directory):
    response = client.get(SEARCH, {"q": "sensory"})
    page = text(response)
    assert names(response)[0] == "Rainbow Sensory Room"
    assert "Temporarily closed" in page
    assert "Riverside Play Trust" in page
    assert "Ages 0 to 25" in page
    assert "Cost Free" in page
    assert "York" in page
    assert "Add Rainbow Sensory Room to shortlist" in page


def test_keywords_rank_the_best_match_first(client, directory):
    assert names(client.get(SEARCH, {"q": "play club"}))[0] == "Saturday Play Club"
    assert names(client.get(SEARCH, {"q": "speech therapy"})) == ["Chatterbox Speech Clinic"]
    assert names(client.get(SEARCH, {"q": "anxious teenagers"}))[0] == (
        "Moonbeam Evening Youth Club"
    )


def test_a_misspelt_keyword_is_corrected_and_said_so(client, directory):
    response = client.get(SEARCH, {"q": "sppech"})
    assert names(response) == ["Chatterbox Speech Clinic"]
    assert "Showing results for speech" in text(response)


def test_no_results_says_what_to_try(client, directory):
    response = client.get(SEARCH, {"q": "trampolining"})
    assert count_heading(response) == "0 services"
    assert "No services match your search" in text(response)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"category": "social-care"}, ["Moonbeam Evening Youth Club", "Saturday Play Club"]),
        ({"category": "health"}, ["Chatterbox Speech Clinic"]),
        # A broad category with a narrower one chosen means just the narrower one.
        (
            {"category": ["health", "physiotherapy"]},
            [],
        ),
        (
            {"category": ["social-care", "short-breaks", "health"]},
            ["Chatterbox Speech Clinic", "Moonbeam Evening Youth Club", "Saturday Play Club"],
        ),
        ({"need": "communication-interaction"}, ["Chatterbox Speech Clinic", "Saturday Play Club"]),
        ({"need": "asd"}, ["Saturday Play Club"]),
        ({"need": ["asd", "semh"]}, ["Moonbeam Evening Youth Club", "Saturday Play Club"]),
        ({"category": "short-breaks", "need": "semh"}, ["Moonbeam Evening Youth Club"]),
        ({"age": "3"}, ["Chatterbox Speech Clinic", "Rainbow Sensory Room"]),
        ({"age": "25"}, ["Rainbow Sensory Room"]),
        (
            {"free": "on"},
            ["Moonbeam Evening Youth Club", "Rainbow Sensory Room", "Saturday Play Club"],
        ),
        ({"day": "sat"}, ["Saturday Play Club"]),
        (
            {"day": ["sat", "wed"]},
            ["Chatterbox Speech Clinic", "Rainbow Sensory Room", "Saturday Play Club"],
        ),
        ({"time": "evening"}, ["Moonbeam Evening Youth Club"]),
        # 3pm to 6pm: open until 5pm overlaps; opening at 6pm does not.
        ({"time": "after-school"}, ["Chatterbox Speech Clinic"]),
        ({"day": "tue", "time": "morning"}, ["Chatterbox Speech Clinic"]),
        ({"postcode": "LS6", "distance": "5"}, ["Chatterbox Speech Clinic"]),
        # Unknown choices in an old bookmark are ignored.
        ({"category": "no-such-thing", "day": "someday", "sort": "sideways"}, None),
    ],
)
def test_each_filter_finds_the_right_services(client, directory, query, expected):
    response = client.get(SEARCH, query)
    assert response.status_code == 200
    if expected is None:
        expected = names(client.get(SEARCH))
    assert sorted(names(response)) == sorted(expected)


def test_a_postcode_sorts_nearest_first_and_shows_distances(client, directory):
    response = client.get(SEARCH, {"postcode": "ls6 1aa"})
    assert names(response) == [
        "Chatterbox Speech Clinic",
        "Rainbow Sensory Room",
        "Saturday Play Club",
        "Moonbeam Evening Youth Club",
    ]
    page = text(response)
    assert "Distances are from the centre of the LS6 postcode district" in page
    assert "Distance less than 0.1 miles" in page
    assert "No venue to visit" in page
    assert "Nearest venue" in page
    # The York venue is about 35 km (22 miles) from the centre of LS6.
    assert "about 22 miles" in page


def test_sorting_by_name_and_relevance(client, directory):
    by_name = names(client.get(SEARCH, {"q": "club", "sort": "name"}))
    assert by_name == sorted(by_name, key=str.casefold)
    distance_without_postcode = client.get(SEARCH, {"sort": "distance"})
    assert distance_without_postcode.status_code == 200
    assert 'value="distance"' not in distance_without_postcode.content.decode()


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"postcode": "not a postcode"}, "Enter a real postcode, like LS1 4AP, or the first part"),
        ({"postcode": "YO99"}, "We could not find YO99"),
        ({"postcode": "BT1 1AA"}, "Postcodes in Northern Ireland cannot be used"),
        ({"distance": "5"}, "Enter a postcode to search within a distance"),
        ({"age": "26"}, "Age must be a whole number from 0 to 25"),
        ({"age": "-1"}, "Age must be a whole number from 0 to 25"),
        ({"age": "five"}, "Age must be a whole number from 0 to 25"),
        ({"q": "x" * 201}, "Keywords must be 200 characters or fewer"),
    ],
)
def test_bad_search_input_gets_a_govuk_error(client, directory, query, message):
    response = client.get(SEARCH, query)
    assert response.status_code == 200
    html = response.content.decode()
    assert "govuk-error-summary" in html
    assert message in unescape(html)
    assert "<title>Error: Find services - Leeds Local Offer</title>" in html
    assert names(response) == []


NASTY = [
    {"page": "0"},
    {"page": "-5"},
    {"page": "99999999999999999999999"},
    {"page": "1e5"},
    {"page": ["1", "2"]},
    {"q": "\x00\x01<script>alert(1)</script>"},
    {"q": "' OR 1=1 --"},
    {"q": "&&&"},
    {"q": "🙂" * 50},
    {"q": "a" * 200},
    {"postcode": "x" * 5000},
    {"postcode": "\x00"},
    {"age": ["3", "4"]},
    {"age": "1.5"},
    {"age": "  "},
    {"free": "maybe"},
    {"category": ["" for _ in range(3)]},
    {"need": "../../etc/passwd"},
    {"time": ["morning", "evening"]},
    {"sort": "distance", "postcode": "LS6"},
    {"distance": "1000"},
    {"from": "%%%"},
]


@pytest.mark.parametrize("query", NASTY)
def test_nasty_query_strings_never_break_the_page(client, directory, query):
    response = client.get(SEARCH, query)
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    st.dictionaries(
        st.sampled_from(
            [
                "q",
                "postcode",
                "distance",
                "category",
                "need",
                "age",
                "free",
                "day",
                "time",
                "sort",
                "page",
            ]
        ),
        st.lists(st.text(max_size=40), min_size=1, max_size=3),
        max_size=6,
    )
)
def test_any_query_string_answers_a_page(client, directory, query):
    response = client.get(SEARCH, query)
    assert response.status_code == 200


def test_selected_filters_link_to_the_search_without_them(client, directory):
    response = client.get(
        SEARCH, {"q": "club", "postcode": "LS6", "distance": "20", "need": "asd", "age": "7"}
    )
    html = unescape(response.content.decode())
    links = dict(
        (label, href)
        for href, label in re.findall(
            r'<a class="moj-filter__tag" href="\?([^"]*)"><span[^>]*>[^<]*</span>([^:]+):', html
        )
    )
    assert set(links) == {"Keyword", "Postcode", "Distance", "Need", "Age"}
    assert dict(parse_qsl(links["Need"])) == {
        "q": "club",
        "postcode": "LS6",
        "distance": "20",
        "age": "7",
    }
    # Removing the postcode removes the distance that depends on it.
    assert dict(parse_qsl(links["Postcode"])) == {"q": "club", "need": "asd", "age": "7"}


def test_a_broad_need_ticked_only_to_show_narrower_ones_is_not_a_tag(client, directory):
    response = client.get(SEARCH, {"need": ["communication-interaction", "asd"]})
    html = unescape(response.content.decode())
    assert "Need: Autism" in html
    assert "Need: Communication and interaction" not in html


def test_results_are_paged(client, publish):
    for n in range(25):
        publish(name=f"Imaginary Club {n:02d}")
    first = client.get(SEARCH)
    assert count_heading(first) == "25 services"
    assert len(names(first)) == 20
    assert "govuk-pagination" in first.content.decode()
    second = client.get(SEARCH, {"page": "2"})
    assert names(second) == [f"Imaginary Club {n:02d}" for n in range(20, 25)]
    assert "(page 2 of 2)" in second.content.decode()
    assert names(client.get(SEARCH, {"page": "999"})) == names(second)
    assert names(client.get(SEARCH, {"page": "abc"})) == names(first)


def test_result_links_remember_the_search_for_the_back_link(client, directory):
    response = client.get(SEARCH, {"q": "play", "age": "7"})
    link = re.search(r'href="(/local-offer/services/[^"]+)"', response.content.decode()).group(1)
    service_page = client.get(unescape(link))
    back = re.search(r'href="([^"]+)" class="govuk-back-link', service_page.content.decode())
    assert urlsplit(unescape(back.group(1))).path == SEARCH
    assert dict(parse_qsl(urlsplit(unescape(back.group(1))).query)) == {"q": "play", "age": "7"}


def test_the_back_link_cannot_leave_the_site(client, directory):
    page = client.get(
        reverse("local_offer:service", args=[directory.play.pk]),
        {"from": "//evil.example/?x=1"},
    )
    back = re.search(r'href="([^"]+)" class="govuk-back-link', page.content.decode())
    assert unescape(back.group(1)).startswith("/local-offer/?")


# Service page -------------------------------------------------------------------------------------


def test_the_service_page_has_everything_a_family_needs(client, directory):
    Service.objects.filter(pk=directory.speech.pk).update(
        send_support="Therapists use Makaton and visual timetables."
    )
    service = Service.objects.get(pk=directory.speech.pk)
    service.contacts.create(
        name="Clinic team", title="Receptionist", phone="0113 496 0000", email="clinic@example.org"
    )
    service.cost_options.create(option="One session", amount="20.00", amount_description="")
    service.service_areas.create(name="Leeds")
    response = client.get(reverse("local_offer:service", args=[service.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    page = text(response)
    assert "<title>Chatterbox Speech Clinic - Leeds Local Offer</title>" in html
    assert html.count("<h1") == 1
    for expected in [
        "Speech and language therapy for children who find talking hard.",
        "Ages 0 to 18",
        "Speech, language and communication needs",
        "Therapists use Makaton and visual timetables.",
        "Sessions cost £20.",
        "£20.00",
        "You need a referral",
        "Monday 9am to 5pm",
        "Friday 9am to 5pm",
        "Hyde Park Hub",
        "2 Imaginary Row",
        "LS6 1AA",
        "Receptionist",
        "Area covered City of York, Leeds",
        "Speech and language therapy",
        f"Last reviewed {timezone.localdate().day}",
    ]:
        assert expected in page, expected
    assert 'href="tel:01134960000"' in html
    assert 'href="mailto:clinic@example.org"' in html
    assert 'href="https://riverside-play.example.org/saturday"' in html
    assert f'href="{SEARCH}?category=speech-language-therapy"' in html
    assert reverse("local_offer:suggest-change", args=[service.pk]) in html
    assert "Add Chatterbox Speech Clinic to shortlist" in page
    assert "have not been checked" not in page


def test_venue_accessibility_features_are_listed(client, directory):
    page = text(client.get(reverse("local_offer:service", args=[directory.play.pk])))
    assert "Accessibility Step-free access Lift" in page


def test_a_service_not_reviewed_for_six_months_says_so(client, directory):
    Service.objects.filter(pk=directory.play.pk).update(
        assured_date=timezone.localdate() - dt.timedelta(days=200)
    )
    page = text(client.get(reverse("local_offer:service", args=[directory.play.pk])))
    assert "These details have not been checked in the last 6 months" in page


def test_a_temporarily_closed_service_shows_a_banner_with_its_notice(client, directory):
    page = text(client.get(reverse("local_offer:service", args=[directory.sensory.pk])))
    assert "This service is temporarily closed." in page
    assert "Closed for repairs until further notice." in page


@pytest.mark.parametrize(
    ("status", "words"),
    [
        ("inactive", "This service is not running at the moment."),
        ("defunct", "This service has closed for good."),
    ],
)
def test_a_stopped_service_says_so_plainly(client, directory, status, words):
    Service.objects.filter(pk=directory.play.pk).update(status=status)
    page = text(client.get(reverse("local_offer:service", args=[directory.play.pk])))
    assert words in page


def test_an_unsafe_website_address_is_not_a_link(client, directory):
    Service.objects.filter(pk=directory.play.pk).update(url="javascript:alert(1)")
    html = client.get(reverse("local_offer:service", args=[directory.play.pk])).content.decode()
    assert 'href="javascript:' not in html


# Suggest a change ---------------------------------------------------------------------------------


def suggest_url(service):
    return reverse("local_offer:suggest-change", args=[service.pk])


def test_a_suggestion_is_saved_without_an_account(client, directory):
    response = client.get(suggest_url(directory.play))
    assert response.status_code == 200
    assert "<title>Suggest a change to Saturday Play Club - Leeds Local Offer</title>" in (
        response.content.decode()
    )
    response = client.post(
        suggest_url(directory.play),
        {
            "topic": SuggestionTopic.OUT_OF_DATE,
            "details": "  It now runs on Sundays.  ",
            "name": "A Parent",
            "email": "parent@example.org",
            "website": "",
        },
    )
    assert response.status_code == 302
    assert response.url == reverse("local_offer:suggestion-sent", args=[directory.play.pk])
    suggestion = ChangeSuggestion.objects.get()
    assert suggestion.service_id == directory.play.pk
    assert suggestion.details == "It now runs on Sundays."
    assert (suggestion.name, suggestion.email) == ("A Parent", "parent@example.org")
    assert "Suggestion sent" in text(client.get(response.url))


def test_a_suggestion_form_with_mistakes_shows_govuk_errors(client, directory):
    response = client.post(suggest_url(directory.play), {"details": "   ", "email": "not-an-email"})
    html = unescape(response.content.decode())
    assert response.status_code == 200
    assert "govuk-error-summary" in html
    assert "Select what you want to tell us about" in html
    assert "Enter what needs to change" in html
    assert "Enter an email address in the correct format, like name@example.com" in html
    assert html.startswith("<!DOCTYPE html>") or "<title>Error: " in html
    assert ChangeSuggestion.objects.count() == 0
    long = client.post(suggest_url(directory.play), {"topic": "other", "details": "x" * 2001})
    assert "must be 2,000 characters or fewer" in unescape(long.content.decode())


def test_a_robot_filling_the_hidden_field_is_thanked_and_ignored(client, directory):
    response = client.post(
        suggest_url(directory.play),
        {"topic": "other", "details": "Buy cheap things", "website": "http://spam.example"},
    )
    assert response.status_code == 302
    assert ChangeSuggestion.objects.count() == 0


def test_suggestions_only_for_published_services(client, provider, provider_editor):
    pending = services.create_service(
        actor=provider_editor, provider=provider, snapshot=details()
    ).service
    assert client.get(suggest_url(pending)).status_code == 404
    assert client.post(suggest_url(pending), {"topic": "other", "details": "x"}).status_code == 404


# Shortlist ----------------------------------------------------------------------------------------


def add(client, service, next_url=SEARCH, **headers):
    return client.post(
        reverse("local_offer:shortlist-add"),
        {"service": str(service.pk), "next": next_url},
        **headers,
    )


def test_adding_and_removing_from_the_shortlist(client, directory):
    response = add(client, directory.play, f"{SEARCH}?q=play#service-{directory.play.pk}")
    assert response.status_code == 302
    assert response.url == f"{SEARCH}?q=play#service-{directory.play.pk}"
    add(client, directory.speech)
    add(client, directory.play)  # twice is once
    assert kept(client) == [directory.play.pk, directory.speech.pk]
    results = client.get(SEARCH)
    assert '(2<span class="govuk-visually-hidden"> services</span>)' in results.content.decode()
    assert "Remove Saturday Play Club from shortlist" in text(results)
    page = client.get(reverse("local_offer:shortlist"))
    assert names(page) == ["Saturday Play Club", "Chatterbox Speech Clinic"]
    assert "Print this list" in text(page)
    client.post(reverse("local_offer:shortlist-remove"), {"service": str(directory.play.pk)})
    assert kept(client) == [directory.speech.pk]
    assert names(client.get(reverse("local_offer:shortlist"))) == ["Chatterbox Speech Clinic"]


def test_the_shortlist_starts_empty(client, db):
    response = client.get(reverse("local_offer:shortlist"))
    assert response.status_code == 200
    assert "Your shortlist is empty" in text(response)


def test_shortlist_buttons_refuse_strangers_and_other_sites(client, directory, provider_editor):
    pending = services.create_service(
        actor=provider_editor, provider=directory.play.provider, snapshot=details()
    ).service
    add(client, pending)
    client.post(reverse("local_offer:shortlist-add"), {"service": "not-a-uuid"})
    client.post(reverse("local_offer:shortlist-add"), {})
    assert kept(client) == []
    response = add(client, directory.play, "https://evil.example/")
    assert response.url == reverse("local_offer:shortlist")
    response = add(client, directory.speech, "//evil.example/local-offer/")
    assert response.url == reverse("local_offer:shortlist")
    assert client.get(reverse("local_offer:shortlist-add")).status_code == 302


def test_shortlist_buttons_answer_scripts_with_json(client, directory):
    response = add(client, directory.play, HTTP_ACCEPT="application/json")
    assert response.json() == {
        "ok": True,
        "shortlisted": True,
        "count": 1,
        "message": "Saturday Play Club added to your shortlist",
    }
    response = client.post(
        reverse("local_offer:shortlist-remove"),
        {"service": str(directory.play.pk)},
        HTTP_ACCEPT="application/json",
    )
    assert response.json()["shortlisted"] is False
    assert response.json()["count"] == 0


def test_a_full_shortlist_says_so(client, publish):
    made = [publish(name=f"Imaginary Group {n:02d}") for n in range(shortlist.LIMIT + 1)]
    for service in made[: shortlist.LIMIT]:
        add(client, service)
    response = add(client, made[-1], HTTP_ACCEPT="application/json")
    assert response.status_code == 400
    assert "Your shortlist is full" in response.json()["message"]
    assert len(kept(client)) == shortlist.LIMIT


def test_shortlist_posts_need_the_csrf_token(directory):
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(
        reverse("local_offer:shortlist-add"), {"service": str(directory.play.pk)}
    )
    assert response.status_code == 403


def test_a_shortlist_can_be_shared_and_emailed(client, directory):
    add(client, directory.youth)
    add(client, directory.play)
    page = client.get(reverse("local_offer:shortlist"))
    html = unescape(page.content.decode())
    share = re.search(r'id="share-link" type="text" value="([^"]+)"', html).group(1)
    assert share == (
        f"http://testserver/local-offer/shortlist/shared/?services="
        f"{directory.youth.pk},{directory.play.pk}"
    )
    mailto = re.search(r'href="(mailto:[^"]+)"', html).group(1)
    assert share in unquote(mailto)
    assert "subject=My%20shortlist%20from%20the%20Leeds%20Local%20Offer" in mailto
    shared = Client().get(share.removeprefix("http://testserver"))
    assert shared.status_code == 200
    assert names(shared) == ["Moonbeam Evening Youth Club", "Saturday Play Club"]
    assert "Add Saturday Play Club to shortlist" not in text(shared)


def test_a_shared_list_ignores_what_is_not_a_published_service(client, directory, provider_editor):
    pending = services.create_service(
        actor=provider_editor, provider=directory.play.provider, snapshot=details()
    ).service
    value = ",".join(
        [
            str(uuid.uuid4()),
            str(directory.speech.pk),
            "rubbish",
            str(pending.pk),
            "",
            str(directory.speech.pk),
        ]
    )
    response = client.get(reverse("local_offer:shared"), {"services": value})
    assert names(response) == ["Chatterbox Speech Clinic"]
    assert "2 services on the list are no longer in the Leeds Local Offer" in text(response)
    assert client.get(reverse("local_offer:shared")).status_code == 200


def test_a_shared_list_shows_at_most_fifty(client, publish):
    made = [publish(name=f"Imaginary Team {n:02d}") for n in range(55)]
    value = ",".join(str(s.pk) for s in made)
    assert len(names(client.get(reverse("local_offer:shared"), {"services": value}))) == 50


def test_a_shortlisted_service_that_is_withdrawn_drops_off(client, directory):
    add(client, directory.play)
    add(client, directory.speech)
    Service.objects.filter(pk=directory.play.pk).update(is_published=False)
    assert names(client.get(reverse("local_offer:shortlist"))) == ["Chatterbox Speech Clinic"]
    assert kept(client) == [directory.speech.pk]


# Guidance -----------------------------------------------------------------------------------------


@pytest.fixture
def guidance_page(reviewer):
    page = GuidancePage(
        slug="communication-and-interaction",
        title="Communication and interaction",
        summary="What every setting offers children who find communicating hard.",
        body="## In every classroom\n\nVisual timetables.\n\n"
        "- Quiet spaces\n- <b>Now and next</b> boards",
    )
    return services.save_guidance_page(
        actor=reviewer, page=page, needs=[term("need", "communication-interaction")]
    )


def test_guidance_pages_are_listed(client, guidance_page):
    GuidancePage.objects.create(
        slug="draft", title="Draft page", summary="Not ready", body="x", is_published=False
    )
    response = client.get(reverse("local_offer:guidance"))
    page = text(response)
    assert "Communication and interaction" in page
    assert "Draft page" not in page
    assert client.get(reverse("local_offer:guidance-page", args=["draft"])).status_code == 404
    assert client.get(reverse("local_offer:guidance-page", args=["nothing"])).status_code == 404


def test_a_guidance_page_shows_its_body_and_matching_services(client, directory, guidance_page):
    response = client.get(reverse("local_offer:guidance-page", args=[guidance_page.slug]))
    html = response.content.decode()
    assert '<h2 class="govuk-heading-m">In every classroom</h2>' in html
    assert "<li>&lt;b&gt;Now and next&lt;/b&gt; boards</li>" in html
    assert "<title>Communication and interaction - Leeds Local Offer</title>" in html
    # Services tagged with the page's need or a narrower one (autism, speech and language).
    assert names(response) == ["Chatterbox Speech Clinic", "Saturday Play Club"]
    assert f'href="{SEARCH}?need=communication-interaction"' in html


def test_a_guidance_page_lists_at_most_ten_services(client, publish, guidance_page):
    for n in range(12):
        publish(name=f"Imaginary Talk Group {n:02d}", terms=[term("need", "slcn")])
    response = client.get(reverse("local_offer:guidance-page", args=[guidance_page.slug]))
    assert len(names(response)) == 10
    assert "See all 12 services" in text(response)


# Everyone may see these pages -------------------------------------------------------------------


def test_every_page_is_open_without_signing_in(client, directory, guidance_page):
    for path in [
        SEARCH,
        reverse("local_offer:service", args=[directory.play.pk]),
        suggest_url(directory.play),
        reverse("local_offer:suggestion-sent", args=[directory.play.pk]),
        reverse("local_offer:shortlist"),
        reverse("local_offer:shared"),
        reverse("local_offer:guidance"),
        reverse("local_offer:guidance-page", args=[guidance_page.slug]),
    ]:
        response = client.get(path)
        assert response.status_code == 200, path
        assert response.content.decode().count("<h1") == 1, path


def test_signed_in_staff_get_a_way_back_to_their_pages(signed_in, directory):
    client = signed_in(Role.CASEWORKER)
    page = text(client.get(SEARCH))
    assert "Staff pages" in page
    assert "Sign out" in page


# Words --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("low", "high", "words"),
    [
        (None, None, "Any age"),
        (5, None, "Age 5 and over"),
        (None, 11, "Up to age 11"),
        (7, 7, "Age 7"),
        (0, 25, "Ages 0 to 25"),
    ],
)
def test_ages_in_words(low, high, words):
    assert ages_text(low, high) == words


@pytest.mark.parametrize(
    ("moment", "words"),
    [
        (dt.time(0, 0), "midnight"),
        (dt.time(12, 0), "midday"),
        (dt.time(9, 0), "9am"),
        (dt.time(17, 30), "5:30pm"),
        (dt.time(0, 15), "12:15am"),
    ],
)
def test_times_in_govuk_style(moment, words):
    assert time_text(moment) == words


@pytest.mark.parametrize(
    ("km", "words"),
    [
        (0.05, "less than 0.1 miles"),
        (1.609344, "1 mile"),
        (3.7, "2.3 miles"),
        (33.0, "21 miles"),
        (None, ""),
        (float("nan"), ""),
    ],
)
def test_distances_in_miles(km, words):
    assert miles_text(km) == words


def test_the_shortlist_outlives_the_session(client, directory):
    from opensend.directory import middleware

    add(client, directory.play)
    morsel = client.cookies[middleware.COOKIE]
    assert int(morsel["max-age"]) == 90 * 24 * 3600
    assert morsel["path"] == "/local-offer/"
    assert morsel["httponly"]
    client.cookies.pop("sessionid", None)  # the browser closed: the session is gone
    assert kept(client) == [directory.play.pk]
    assert names(client.get(reverse("local_offer:shortlist"))) == ["Saturday Play Club"]


def test_a_tampered_shortlist_cookie_is_ignored(client, directory):
    from opensend.directory import middleware

    client.cookies[middleware.COOKIE] = f"{directory.play.pk}:forged:signature"
    page = client.get(reverse("local_offer:shortlist"))
    assert "Your shortlist is empty" in text(page)


def test_emptying_the_shortlist_removes_its_cookie(client, directory):
    from opensend.directory import middleware

    add(client, directory.play)
    client.post(reverse("local_offer:shortlist-remove"), {"service": str(directory.play.pk)})
    assert client.cookies[middleware.COOKIE].value == ""
    assert kept(client) == []
