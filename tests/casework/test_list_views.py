"""The casework list pages: who may use them, whose cases they show, filters, sorting, downloads,
reassignment, and how many SQL queries each page makes."""

import datetime as dt
import io
import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from opensend.accounts.roles import Role
from opensend.casework.models import Request
from opensend.core.models import AccessEvent
from tests.casework.factories import (
    AssessmentFactory,
    CaseFactory,
    PhaseTransferFactory,
    ReviewFactory,
)

pytestmark = pytest.mark.django_db

LISTS = ["casework:my_cases", "casework:tracker", "casework:reviews", "casework:phase_transfers"]
EXPORTS = [f"{name}_export" for name in LISTS] + ["casework:team_export"]


def listed(response) -> list[int]:
    """The cases a list page links to, in order, by id."""
    return [
        int(pk) for pk in re.findall(r'href="/casework/cases/(\d+)/"', response.content.decode())
    ]


def open_work(la, caseworker=None, today=None):
    """One case for every list: a request, an assessment, a review due, a phase transfer."""
    today = today or timezone.localdate()
    on_la = {"person__responsible_la": la, "caseworker": caseworker}
    request = CaseFactory(**on_la, received_on=today - dt.timedelta(days=10))
    assessment = AssessmentFactory(case__person__responsible_la=la, case__caseworker=caseworker)
    plan = {
        "plan__assessment__case__person__responsible_la": la,
        "plan__assessment__case__caseworker": caseworker,
    }
    review = ReviewFactory(**plan, meeting_on=today - dt.timedelta(days=3))
    transfer = PhaseTransferFactory(**plan, transfer_year=today.year + 1)
    return [
        request.pk,
        assessment.case_id,
        review.plan.assessment.case_id,
        transfer.plan.assessment.case_id,
    ]


@pytest.mark.parametrize("name", LISTS)
@pytest.mark.parametrize(
    ("role", "status"),
    [
        (Role.CASEWORKER, 200),
        (Role.SEND_MANAGER, 200),
        (Role.ANALYST, 200),
        (Role.BOARD_MEMBER, 403),
        (Role.ADMINISTRATOR, 403),
    ],
)
def test_who_may_see_the_lists(signed_in, name, role, status):
    assert signed_in(role).get(reverse(name)).status_code == status


@pytest.mark.parametrize(
    ("role", "status"),
    [(Role.CASEWORKER, 403), (Role.ANALYST, 403), (Role.SEND_MANAGER, 200)],
)
def test_only_a_send_manager_sees_the_team_view(signed_in, role, status):
    assert signed_in(role).get(reverse("casework:team")).status_code == status


def test_the_team_tab_shows_only_to_send_managers(signed_in):
    assert b"/casework/team/" not in signed_in(Role.CASEWORKER).get("/casework/").content
    assert b"/casework/team/" in signed_in(Role.SEND_MANAGER).get("/casework/").content


@pytest.mark.parametrize("name", [*LISTS, "casework:team"])
def test_york_cannot_see_leeds_cases(
    signed_in, make_user, name, local_authority, other_local_authority
):
    leeds = open_work(local_authority)
    client = signed_in(Role.SEND_MANAGER, organisation=other_local_authority)
    york = open_work(other_local_authority, caseworker=client.user)
    shown = set(listed(client.get(reverse(name))))
    assert shown
    assert shown <= set(york)
    assert not shown & set(leeds)


def test_my_cases_are_the_caseworkers_own(signed_in, make_user, local_authority):
    client = signed_in(Role.CASEWORKER)
    mine = CaseFactory(person__responsible_la=local_authority, caseworker=client.user)
    CaseFactory(person__responsible_la=local_authority, caseworker=make_user(Role.CASEWORKER))
    response = client.get(reverse("casework:my_cases"))
    assert listed(response) == [mine.pk]
    assert b"My cases" in response.content
    assert b'name="caseworker"' not in response.content


def test_a_send_manager_filters_the_teams_cases(signed_in, make_user, local_authority):
    client = signed_in(Role.SEND_MANAGER)
    colleague = make_user(Role.CASEWORKER)
    theirs = CaseFactory(person__responsible_la=local_authority, caseworker=colleague)
    unassigned = CaseFactory(person__responsible_la=local_authority)
    url = reverse("casework:my_cases")
    assert set(listed(client.get(url))) == {theirs.pk, unassigned.pk}
    assert listed(client.get(url, {"caseworker": colleague.pk})) == [theirs.pk]
    response = client.get(url, {"caseworker": "none"})
    assert listed(response) == [unassigned.pk]
    assert b"Remove this filter" in response.content


def test_rag_is_shown_in_words(signed_in, local_authority):
    client = signed_in(Role.SEND_MANAGER)
    today = timezone.localdate()
    for days in (-2, 3, 40):
        CaseFactory(person__responsible_la=local_authority, next_due_on=today + dt.timedelta(days))
    content = client.get(reverse("casework:my_cases")).content.decode()
    assert "govuk-tag--red" in content
    for words in ("Overdue", "Due soon", "On track", "2 days overdue", "3 days", "40 days"):
        assert words in content
    overdue = client.get(reverse("casework:my_cases"), {"overdue": "on"})
    assert len(listed(overdue)) == 1


def test_search_and_sort(signed_in, local_authority):
    client = signed_in(Role.SEND_MANAGER)
    today = timezone.localdate()
    zed = CaseFactory(
        person__responsible_la=local_authority,
        person__surname="Zed",
        next_due_on=today + dt.timedelta(days=1),
    )
    abe = CaseFactory(
        person__responsible_la=local_authority,
        person__surname="Abe",
        next_due_on=today + dt.timedelta(days=9),
    )
    url = reverse("casework:my_cases")
    assert listed(client.get(url)) == [zed.pk, abe.pk]
    response = client.get(url, {"sort": "name"})
    assert listed(response) == [abe.pk, zed.pk]
    assert b'aria-sort="ascending"' in response.content
    assert b"sort=-name" in response.content  # the heading now sorts the other way
    assert listed(client.get(url, {"sort": "-name"})) == [zed.pk, abe.pk]
    assert listed(client.get(url, {"q": "zed"})) == [zed.pk]
    assert AccessEvent.objects.filter(action="search").count() == 1


def test_tracker_shows_week_prediction_and_risk(signed_in, local_authority):
    client = signed_in(Role.CASEWORKER)
    today = timezone.localdate()
    late = CaseFactory(
        person__responsible_la=local_authority, received_on=today - dt.timedelta(weeks=18)
    )
    response = client.get(reverse("casework:tracker"))
    content = response.content.decode()
    assert listed(response) == [late.pk]
    assert "Week 18" in content
    assert "At risk" in content
    assert "How the prediction works" in content
    assert listed(client.get(reverse("casework:tracker"), {"at_risk": "on"})) == [late.pk]


def test_pages_link_each_row_to_its_case(signed_in, local_authority):
    client = signed_in(Role.SEND_MANAGER)
    cases = open_work(local_authority)
    for name in LISTS:
        for pk in listed(client.get(reverse(name))):
            assert pk in cases


# --- downloads ----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", EXPORTS)
def test_downloads_need_a_reason_and_are_audited(signed_in, local_authority, name):
    client = signed_in(Role.SEND_MANAGER)
    open_work(local_authority, caseworker=client.user)
    url = reverse(name)
    page = client.get(url)
    assert page.status_code == 200
    assert b"Why do you need these" in page.content
    refused = client.post(url, {})
    assert b"Choose why you need this download" in refused.content
    assert not AccessEvent.objects.filter(action="export").exists()
    response = client.post(url, {"purpose": "casework", "format": "csv"})
    assert response["Content-Type"] == "text/csv"
    assert "attachment" in response["Content-Disposition"]
    event = AccessEvent.objects.get(action="export")
    assert event.object_type.startswith("casework ")
    assert event.detail["format"] == "csv"


def test_downloads_escape_formulas(signed_in, local_authority):
    client = signed_in(Role.CASEWORKER)
    CaseFactory(
        person__responsible_la=local_authority,
        person__surname='=HYPERLINK("http://evil.example","x")',
        caseworker=client.user,
    )
    url = reverse("casework:my_cases_export")
    csv_text = client.post(url, {"purpose": "casework", "format": "csv"}).content.decode(
        "utf-8-sig"
    )
    assert "'=HYPERLINK" in csv_text
    xlsx = client.post(url, {"purpose": "casework", "format": "xlsx"})
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    values = [cell for row in sheet.iter_rows(values_only=True) for cell in row]
    assert any(str(value).startswith("'=HYPERLINK") for value in values)
    assert not any(str(value).startswith("=") for value in values)


def test_downloads_follow_the_filters(signed_in, make_user, local_authority):
    client = signed_in(Role.SEND_MANAGER)
    colleague = make_user(Role.CASEWORKER)
    theirs = CaseFactory(person__responsible_la=local_authority, caseworker=colleague)
    CaseFactory(person__responsible_la=local_authority)
    url = reverse("casework:my_cases_export") + f"?caseworker={colleague.pk}"
    text = client.post(url, {"purpose": "analysis", "format": "csv"}).content.decode("utf-8-sig")
    lines = text.strip().splitlines()
    assert len(lines) == 2
    assert theirs.reference in lines[1]


# --- reassignment -------------------------------------------------------------------------------


def test_a_send_manager_reassigns_ticked_cases(signed_in, make_user, local_authority):
    client = signed_in(Role.SEND_MANAGER)
    colleague = make_user(Role.CASEWORKER, full_name="Casey Worker")
    first, second, left = (CaseFactory(person__responsible_la=local_authority) for _ in range(3))
    response = client.post(
        reverse("casework:team_assign"),
        {"cases": [first.pk, second.pk], "caseworker": colleague.pk},
    )
    assert response.status_code == 302
    assert set(Request.objects.filter(caseworker=colleague).values_list("pk", flat=True)) == {
        first.pk,
        second.pk,
    }
    left.refresh_from_db()
    assert left.caseworker is None
    assert b"2 cases given to Casey Worker" in client.get(response.url).content


def test_reassignment_is_refused_to_caseworkers(signed_in, make_user, local_authority):
    client = signed_in(Role.CASEWORKER)
    case = CaseFactory(person__responsible_la=local_authority)
    response = client.post(
        reverse("casework:team_assign"), {"cases": [case.pk], "caseworker": client.user.pk}
    )
    assert response.status_code == 403
    case.refresh_from_db()
    assert case.caseworker is None


def test_reassignment_to_another_organisations_caseworker_is_refused(
    signed_in, make_user, local_authority, other_local_authority
):
    client = signed_in(Role.SEND_MANAGER)
    outsider = make_user(Role.CASEWORKER, organisation=other_local_authority)
    case = CaseFactory(person__responsible_la=local_authority)
    response = client.post(
        reverse("casework:team_assign"), {"cases": [case.pk], "caseworker": outsider.pk}
    )
    assert response.status_code == 400
    assert b"There is a problem" in response.content
    assert b"Choose a caseworker in your team" in response.content
    case.refresh_from_db()
    assert case.caseworker is None


def test_reassignment_needs_cases_the_manager_can_see(
    signed_in, make_user, local_authority, other_local_authority
):
    client = signed_in(Role.SEND_MANAGER)
    colleague = make_user(Role.CASEWORKER)
    york_case = CaseFactory(person__responsible_la=other_local_authority)
    response = client.post(
        reverse("casework:team_assign"), {"cases": [york_case.pk], "caseworker": colleague.pk}
    )
    assert response.status_code == 400
    assert b"Select the cases to reassign" in response.content
    york_case.refresh_from_db()
    assert york_case.caseworker is None


def test_the_team_view_counts_caseload(signed_in, make_user, local_authority):
    client = signed_in(Role.SEND_MANAGER)
    colleague = make_user(Role.CASEWORKER, full_name="Casey Worker")
    open_work(local_authority, caseworker=colleague)
    content = client.get(reverse("casework:team")).content.decode()
    assert "Casey Worker" in content
    assert "Not assigned" in content
    assert "Team total" in content
    assert "Reassign selected cases" in content
    assert re.search(r"<strong>\d+</strong> cases", content)


# --- how many queries --------------------------------------------------------------------------

PAGES = ["casework:my_cases", "casework:tracker", "casework:reviews", "casework:phase_transfers"]
PAGES += ["casework:team"]
# Whole requests, counted on SQLite: 2 to load the session and user and 3 to save the session
# (the idle timeout) come with every page; the rest are the page's own (docs/casework.md).
MOST_QUERIES = {
    "casework:my_cases": 9,
    "casework:tracker": 9,
    "casework:reviews": 10,
    "casework:phase_transfers": 9,
    "casework:team": 13,
}


def queries_for(client, url) -> int:
    """Queries for one request with nothing cached (the step durations are cached)."""
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


@pytest.mark.parametrize("name", PAGES)
def test_each_page_makes_a_fixed_number_of_queries(signed_in, local_authority, name):
    """However many rows: no query per row (session and user lookups included)."""
    client = signed_in(Role.SEND_MANAGER)
    url = reverse(name)
    open_work(local_authority, caseworker=client.user)
    few = queries_for(client, url)
    for _ in range(6):
        open_work(local_authority, caseworker=client.user)
    many = queries_for(client, url)
    assert many == few
    assert many <= MOST_QUERIES[name], f"{name}: {many} queries"
