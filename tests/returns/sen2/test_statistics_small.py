"""Every table of a six-person return, counted by hand (tests/returns/sen2/sen2_builders.py)."""

import pytest

from opensend.returns.sen2.frames import frames_from_persons
from opensend.returns.sen2.records import PlacementDetail
from opensend.returns.sen2.statistics import compute_tables, measures
from tests.returns.sen2.sen2_builders import CENSUS, LOOKUP, small_return


@pytest.fixture(scope="module")
def tables():
    frames = frames_from_persons(small_return(), reference_date=CENSUS, la_code="383")
    return compute_tables(frames, LOOKUP)


def row(tables, name, breakdown, topic=None):
    table = tables[name]
    if topic:
        table = table.filter(table["breakdown_topic"] == topic)
    matches = table.filter(table["breakdown"] == breakdown).to_dicts()
    assert len(matches) == 1, f"{name}: {breakdown!r} rows: {matches}"
    return matches[0]


def test_geography_and_time_periods(tables):
    caseload = row(tables, "caseload", "All EHC plans")
    assert caseload["time_period"] == "202425"
    assert caseload["time_identifier"] == "Academic year"
    assert (caseload["la_name"], caseload["old_la_code"]) == ("Leeds", "383")
    assert caseload["new_la_code"] == "E08000035"
    assert caseload["region_code"] == "E12000003"
    requests = row(tables, "requests", "All requests for EHC needs assessments")
    assert (requests["time_period"], requests["time_identifier"]) == ("2024", "Calendar year")


def test_caseload(tables):
    total = row(tables, "caseload", "All EHC plans")
    assert total["ehcplans"] == "2"  # Ann (new in 2024) and Ben (since 2019); Eve ceased
    assert total["mainstream_la_maintained"] == "1"
    assert (total["mainstream_total"], total["mainstream_total_pc"]) == ("1", "50")
    assert (total["other_arrangements_la"], total["ed_elsewhere"]) == ("1", "1")
    assert total["special_total_pc"] == "0"
    assert total["await_prov_2022"] == "x"
    age = "Child or young persons age"
    assert row(tables, "caseload", "age 10", age)["ehcplans"] == "1"  # Ann on 31 August 2024
    assert row(tables, "caseload", "age 15", age)["ehcplans"] == "1"  # Ben
    assert row(tables, "caseload", "Less than a year")["ehcplans"] == "1"
    assert row(tables, "caseload", "5")["ehcplans"] == "1"  # Ben: May 2019 to January 2025
    assert row(tables, "caseload", "Asian - Pakistani")["ehcplans"] == "1"
    assert row(tables, "caseload", "Female")["ehcplans"] == "1"


def test_needs_of_all_plans(tables):
    total = row(tables, "sen_needs_all_plans", "All EHC plans")
    assert (total["number_asd"], total["asd_pc"]) == ("1", "50")
    assert (total["number_semh"], total["semh_pc"]) == ("1", "50")
    assert total["number_need_unknown"] == "0"
    assert row(tables, "sen_needs_all_plans", "Mainstream - total")["number_asd"] == "1"


def test_new_plans(tables):
    total = row(tables, "newplans", "New EHC plans")
    assert (total["new_ehc_plans"], total["mainstream_la_maintained"]) == ("1", "1")
    assert row(tables, "newplans", "age 10")["new_ehc_plans"] == "1"
    assert row(tables, "sen_need_newplans", "All EHC plans")["number_asd"] == "1"


def test_requests(tables):
    total = row(tables, "requests", "All requests for EHC needs assessments")
    assert total["requests_received_in_year"] == "3"  # Ann, Cara, Dan (Fay's was in 2023)
    assert total["requests_decided_to_assess"] == "1"
    assert total["requests_decided_not_to_assess"] == "1"
    assert total["requests_decision_not_made"] == "1"
    assert (total["requests_withdrawn"], total["request_withdrawn_pc"]) == ("0", "0")
    assert total["request_assess_pc"] == "33.3"
    # Ann decided in 29 days; Cara in 61; Dan undecided 76 days after receipt on census day
    assert (total["request_outcome_six_weeks"], total["request_outcome_over_6_weeks"]) == ("1", "2")
    assert total["request_outcome_over_6_weeks_pc"] == "66.7"
    assert total["mediation_related_request"] == "1"
    assert row(tables, "requests", "Unclassified")["requests_received_in_year"] == "1"
    assert row(tables, "requests", "Aged 18")["requests_received_in_year"] == "1"  # Dan


def test_assessments(tables):
    total = row(tables, "assessments", "All EHC needs assessments")
    assert total["assess_in_year"] == "2"  # Ann's plan issued, Fay's refused (both in 2024)
    assert (total["assess_issued"], total["assess_issued_pc"]) == ("1", "50")
    assert (total["assess_not_issued"], total["assess_not_issued_pc"]) == ("1", "50")
    # Fay: 153 days from request to the decision not to issue
    assert total["outcome_decision_within_time"] == "0"
    assert total["outcome_decision_over_time_pc"] == "100"


def test_timeliness(tables):
    total = row(tables, "timeliness_20_week", "All EHC plans issued")
    assert (total["plans_issued_den"], total["plans_issued_den_ex"]) == ("1", "1")
    assert total["plans_issued_within_20_weeks"] == "1"  # 121 days
    assert total["pc_plans_issued_within_20_weeks"] == "100"
    assert total["pc_plans_issued_gt_1_year"] == "0"


def test_ceased(tables):
    total = row(tables, "ceased_plans", "All ceased EHC plans")
    assert (total["total_ceased"], total["employ"], total["max_age"]) == ("1", "1", "0")
    assert row(tables, "ceased_plans", "age 20 and over")["total_ceased"] == "1"
    assert row(tables, "ceased_plans", "9 years")["total_ceased"] == "1"


def test_annual_reviews(tables):
    total = row(tables, "annual_reviews", "All annual reviews")
    assert (total["total_ehc_plans"], total["review_expected"]) == ("2", "1")  # Ann's is new
    assert (total["review_meeting_24"], total["review_decision24"]) == ("1", "1")
    assert (total["outcome_maintan"], total["number_decsion_4weeks"]) == ("1", "1")
    assert total["pc_decsion_4weeks"] == "100"


def test_budgets_residential_work_based_phase_transfers(tables):
    budgets = row(tables, "personal_budgets", "All personal budgets")
    assert (budgets["personal_budget"], budgets["pb_education"]) == ("1", "1")
    residential = row(tables, "residential_settings", "All residential placements")
    assert (residential["Res_52"], residential["Res_tot"]) == ("1", "1")
    assert tables["work_based_placements"]["open_wbp"].to_list() == ["0"]
    transfers = tables["phase_transfers"].to_dicts()[0]
    assert (transfers["number_plans"], transfers["due_25"], transfers["due_24"]) == ("2", "1", "0")


def test_unparseable_values_are_skipped():
    people = small_return()
    people[0].person_birth_date = "2014-02-30"
    people[2].requests[0].received_date = "not a date"
    frames = frames_from_persons(people, reference_date=CENSUS, la_code="383")
    tables = measures(frames, LOOKUP)
    ann = row(tables, "caseload", "unknown", "Child or young persons age")
    assert ann["ehcplans"] == "1"  # Ann's birth date is not a date
    total = row(tables, "requests", "All requests for EHC needs assessments")
    assert total["requests_received_in_year"] == "2"


def test_of_two_main_placements_entered_the_same_day_the_later_in_the_return_counts():
    people = small_return()
    ann_placements = people[0].requests[0].active_plans.placements
    ann_placements.append(
        PlacementDetail(urn="100002", placement_rank="1", entry_date="2024-06-01")
    )
    frames = frames_from_persons(people, reference_date=CENSUS, la_code="383")
    total = row(measures(frames, LOOKUP), "caseload", "All EHC plans")
    assert (total["special_academy_free"], total["mainstream_la_maintained"]) == ("1", "0")
