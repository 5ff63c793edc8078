"""The demo's casework history: the pure synthesiser, and Leeds and York in the database counted
the way DfE counts SEN2, against the published 2024 figures (data/ees/casework_la.csv)."""

import datetime as dt
import random

import polars as pl
import pytest

from opensend.accounts.models import Organisation
from opensend.accounts.roles import OrganisationKind
from opensend.casework.models import CaseEvent, Plan, Request
from opensend.core import codelists
from opensend.demo import casework_check as check
from opensend.demo.casework_figures import casework_for
from opensend.demo.casework_history import deal, make_history
from opensend.demo.circumstances import Fact
from opensend.demo.generator import create_partnership, remove_all_demo_data
from opensend.demo.journeys import CENSUS_DATE
from opensend.demo.published import targets_for
from opensend.demo.synthesis import SyntheticPerson

TODAY = dt.date(2026, 11, 22)
TOLERANCE = 0.02


def person(birth: dt.date, *statuses: Fact) -> SyntheticPerson:
    return SyntheticPerson("A", "", "B", "F", "WBRI", birth, "LS6 1AA", statuses=list(statuses))


def small_register(rng: random.Random) -> list[SyntheticPerson]:
    people = []
    for n in range(400):
        birth = dt.date(2008 + n % 12, 1 + n % 12, 1 + n % 28)
        start = dt.date(2012 + n % 14, 1 + (n * 7) % 12, 1 + n % 27)
        end = start + dt.timedelta(days=900) if n % 5 == 0 else None
        if start > TODAY:
            start = dt.date(2024, 3, 1)
        start = max(start, birth + dt.timedelta(days=60))
        people.append(person(birth, Fact("E", start, end)))
    for n in range(600):
        people.append(person(dt.date(2010 + n % 12, 3, 1 + n % 28), Fact("K", dt.date(2022, 1, 1))))
    return people


def history(seed=1, la_code="816"):
    rng = random.Random(seed)
    people = small_register(rng)
    extra = []

    def extra_person(day):
        made = person(day - dt.timedelta(days=3000))
        extra.append(made)
        return made

    made = make_history(
        people,
        casework_for(la_code),
        la_code=la_code,
        neighbours=("812", "815"),
        rng=rng,
        today=TODAY,
        extra_person=extra_person,
    )
    return people, made


def test_an_la_that_published_no_review_outcomes_gets_englands_mix():
    assert (
        sum(
            casework_for("380").year(2024)[c]
            for c in ("outcome_amend", "outcome_cease", "outcome_maintan")
        )
        == 0
    )
    _people, made = history(la_code="380")
    outcomes = {r.outcome for c in made.cases if c.plan for r in c.plan.reviews if r.outcome}
    assert outcomes >= {"A", "M"}


def test_deal_shares_exactly():
    rng = random.Random(1)
    cards = deal(rng, 10, {"a": 1, "b": 1, "c": 2})
    assert len(cards) == 10
    assert cards.count("c") == 5
    assert {cards.count("a"), cards.count("b")} == {2, 3}


def test_every_plan_period_has_one_case_with_matching_dates():
    people, made = history()
    everyone = people + made.extra_people
    periods = [(id(p), s.start, s.end) for p in everyone for s in p.statuses if s.kind == "E"]
    plans = [
        (id(c.person), c.plan.issued_on, c.plan.ceased_on)
        for c in made.cases
        if c.plan
        and c.kind in ("initial", "transfer_in", "historical")
        and c.plan.issued_on
        and c.assessment_outcome in ("Y", "H")
    ]
    assert sorted(plans, key=str) == sorted(periods, key=str)


def test_requests_come_before_decisions_and_plans():
    _, made = history()
    for case in made.cases:
        if case.kind == "historical":
            assert case.received_on is None
            assert case.plan
            assert case.plan.issued_on < dt.date(2015, 1, 1)
        if case.received_on and case.decided_on:
            assert case.decided_on >= case.received_on
        if case.plan and case.plan.issued_on and case.received_on:
            assert case.plan.issued_on >= case.received_on
            if case.plan.draft_sent_on:
                assert case.received_on <= case.plan.draft_sent_on <= case.plan.issued_on
        for advice in case.advice:
            assert advice.returned_on is None or advice.returned_on >= advice.requested_on


def test_ceased_plans_have_a_reason_and_reviews_stop():
    _, made = history()
    for case in made.cases:
        plan = case.plan
        if plan and plan.ceased_on:
            assert plan.cease_reason in "123456789"
            assert plan.cease_reason
            assert all(r.due_on <= plan.ceased_on for r in plan.reviews)
            assert plan.next_review_due_on is None


def test_open_work_today():
    _, made = history()
    open_cases = [
        c
        for c in made.cases
        if c.kind == "initial" and c.assessment_outcome in ("A", "") and c.outcome in ("A", "Y")
    ]
    assert open_cases
    assert all(c.received_on and c.received_on <= TODAY for c in open_cases)


def test_same_seed_same_history():
    _, one = history(3)
    _, two = history(3)
    assert [(c.kind, c.received_on, c.outcome) for c in one.cases] == [
        (c.kind, c.received_on, c.outcome) for c in two.cases
    ]


# --- Leeds and York in the database --------------------------------------------------------


@pytest.fixture(scope="module")
def partnerships(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        for name in ("Leeds", "York"):
            create_partnership(targets_for(name), seed=1, today=TODAY)
        yield
        remove_all_demo_data()


def close(found: int, published: int) -> bool:
    return abs(found - published) <= max(1, TOLERANCE * published)


def la(name):
    code = targets_for(name).local_authority.code
    return Organisation.objects.get(kind=OrganisationKind.LOCAL_AUTHORITY, la_code=code)


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["Leeds", "York"])
def test_2024_casework_follows_published_figures(partnerships, name):
    organisation = la(name)
    published = casework_for(targets_for(name).local_authority.code).year(2024)
    requests = check.requests_in(organisation, 2024)
    pairs = {
        "requests received": (requests["received"], published["requests_received_in_year"]),
        "decided to assess": (requests["assess"], published["requests_decided_to_assess"]),
        "decided not to": (requests["not_assess"], published["requests_decided_not_to_assess"]),
        "not yet decided": (requests["not_made"], published["requests_decision_not_made"]),
        "withdrawn": (requests["withdrawn"], published["requests_withdrawn"]),
        "decided within 6 weeks": (requests["six_weeks"], published["request_outcome_six_weeks"]),
        "new plans": (check.new_plans_in(organisation, 2024), published["new_ehc_plans"]),
    }
    assessments = check.assessments_in(organisation, 2024)
    for kind, column in {
        "issued": "assess_issued",
        "not_issued": "assess_not_issued",
        "withdrawn": "assess_withdrawn",
        "not_made": "assess_not_made",
    }.items():
        pairs[f"assessments {kind}"] = (assessments[kind], published[column])
    pairs["assessments"] = (assessments.total(), published["assess_in_year"])
    timeliness = check.timeliness_in(organisation, 2024)
    for band, (including, excluding) in {
        "within_20": ("plans_issued_within_20_weeks", "plans_issued_20_weeks_ex"),
        "20_to_52": ("plans_issued_gt20weeks_ltYear", "plans_issued_gt20weeks_ltYear_ex"),
        "over_52": ("plans_issued_gt_1_year", "plans_issued_gt_1_year_ex"),
    }.items():
        pairs[band] = (timeliness[band], published[including])
        pairs[f"{band} excluding exceptions"] = (timeliness[f"{band}_ex"], published[excluding])
    pairs["timeliness denominator"] = (timeliness["den"], published["plans_issued_den"])
    ceased = check.ceased_in(organisation, 2024)
    pairs["ceased"] = (ceased["total"], published["total_ceased"])
    for column, reason in {"transfer": "5", "no_engage": "6", "max_age": "1"}.items():
        pairs[f"ceased {column}"] = (ceased[reason], published[column])
    reviews = check.reviews_2024(organisation)
    pairs["reviews expected"] = (reviews["expected"], published["review_expected"])
    pairs["review meetings"] = (reviews["meetings"], published["total_review_meeting"])
    pairs["meetings in 2024"] = (reviews["meeting_24"], published["review_meeting_24"])
    pairs["amend"] = (reviews["amend"], published["outcome_amend"])
    pairs["maintain"] = (reviews["maintain"], published["outcome_maintan"])
    outcomes = sum(published[c] for c in ("outcome_amend", "outcome_cease", "outcome_maintan"))
    timed = published["number_decsion_4weeks"] + published["number_decision_gt_4weeks"]
    if timed == outcomes:  # every outcome has its decision date (York; not Leeds: docs/demo.md)
        pairs["decided in 4 weeks"] = (reviews["in_4_weeks"], published["number_decsion_4weeks"])
        pairs["decided after 4 weeks"] = (
            reviews["over_4_weeks"],
            published["number_decision_gt_4weeks"],
        )
    far = {k: v for k, v in pairs.items() if not close(*v)}
    assert far == {}


@pytest.mark.django_db
def test_cases_have_caseworkers_and_next_steps(partnerships):
    leeds = la("Leeds")
    cases = Request.objects.filter(local_authority=leeds)
    assert not cases.filter(caseworker__isnull=True).exists()
    open_cases = cases.filter(closed_on__isnull=True)
    assert open_cases.exists()
    assert open_cases.exclude(next_due_on=None).count() > 0.9 * open_cases.count()
    live = Plan.objects.filter(
        assessment__case__local_authority=leeds, issued_on__isnull=False, ceased_on=None
    )
    assert live.count() > 6000
    assert CENSUS_DATE < TODAY


@pytest.mark.django_db
def test_demo_timeline_reads_in_words_not_codes(partnerships):
    """A bug: advice kinds, cease reasons and outcomes showed as codes ("Advice returned: EP")."""
    codes = {
        code.code
        for code_list in (
            codelists.ADVICE_KINDS,
            codelists.CEASE_REASONS,
            codelists.REVIEW_OUTCOMES,
            codelists.DISPUTED_DECISIONS,
            codelists.TRIBUNAL_OUTCOMES,
        )
        for code in code_list
    }
    events = CaseEvent.objects.filter(case__local_authority=la("Leeds")).exclude(detail__summary="")
    summaries = set(events.values_list("detail__summary", flat=True)[:20000])
    assert summaries
    assert not summaries & codes
    assert "Educational psychologist" in summaries


# The published row's measure -> (DfE table, column of the "all" row) as the statistics write it.
SEN2_HEADLINES = {
    "requests_received_in_year": ("requests", "requests_received_in_year"),
    "requests_decided_to_assess": ("requests", "requests_decided_to_assess"),
    "requests_decided_not_to_assess": ("requests", "requests_decided_not_to_assess"),
    "requests_withdrawn": ("requests", "requests_withdrawn"),
    "assess_issued": ("assessments", "assess_issued"),
    "assess_not_issued": ("assessments", "assess_not_issued"),
    "plans_issued_den": ("timeliness_20_week", "plans_issued_den"),
    "plans_issued_den_ex": ("timeliness_20_week", "plans_issued_den_ex"),
    "plans_issued_within_20_weeks": ("timeliness_20_week", "plans_issued_within_20_weeks"),
    "plans_issued_20_weeks_ex": ("timeliness_20_week", "plans_issued_20_weeks_ex"),
    "new_ehc_plans": ("newplans", "new_ehc_plans"),
    "total_ceased": ("ceased_plans", "total_ceased"),
}


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["Leeds", "York"])
def test_sen2_statistics_of_the_demo_follow_its_published_row(partnerships, name):
    """DfE's tables computed from the demo's records (as its January 2025 SEN2 return would
    report them) sit within the calibration tolerance of the LA's published 2024 figures."""
    from opensend.returns import statistics_pages

    organisation = la(name)
    published = casework_for(targets_for(name).local_authority.code).year(2024)
    tables = statistics_pages.tables_for(organisation, dt.date(2025, 1, 16))
    found = {}
    for measure, (table, column) in SEN2_HEADLINES.items():
        if measure == "assess_issued" and name == "York":
            # York publishes 36 more plans issued after assessment than new plans; the demo
            # makes them re-assessments, which the return leaves out (docs/demo.md)
            continue
        rows = tables[table].filter(pl.col("breakdown_topic") == pl.col("breakdown"))
        found[measure] = (int(rows[column][0]), published[measure])
    far = {k: v for k, v in found.items() if not close(*v)}
    assert far == {}


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["Leeds", "York"])
@pytest.mark.parametrize("census", [dt.date(2025, 1, 16), dt.date(2026, 1, 15)])
def test_the_demos_sen2_return_has_no_errors(partnerships, name, census, tmp_path):
    from opensend.returns import queries
    from opensend.returns.sen2.projection import export_persons
    from opensend.returns.sen2.validate import validate_return
    from opensend.returns.sen2.writer import write_return

    organisation = la(name)
    header = queries.sen2_header(organisation, census, now=dt.datetime(census.year, 2, 1, 9, 0))
    path = tmp_path / "SEN2.xml"
    with path.open("wb") as out:
        write_return(out, header, export_persons(organisation, census), year=census.year)
    report = validate_return(path, name=path.name)
    assert report.persons > 1000
    assert [p for p in report.problems if p.severity == "error"] == []


def test_a_review_held_again_keeps_nothing_of_its_first_meeting():
    from opensend.demo.casework_history import HistoryMaker, Review

    maker = object.__new__(HistoryMaker)  # only what `_hold` uses
    maker.rng, maker.today, maker.review_decision_in_4_weeks = (
        random.Random(3),
        dt.date(2026, 11, 22),
        0.6,
    )
    review = Review(due_on=dt.date(2024, 1, 4))
    maker._hold(review, dt.date(2024, 2, 1), "A", True)
    assert review.amendment_draft_on is not None
    maker._hold(review, dt.date(2025, 1, 9), "M", False)
    assert review.outcome == "M"
    assert review.amendment_draft_on is None
    assert review.amended_plan_issued_on is None
