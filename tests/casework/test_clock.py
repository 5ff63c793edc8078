"""The statutory clock: hand-checked dates (counted on a calendar) and properties."""

import ast
import datetime as dt
import inspect
import subprocess
import sys
from calendar import monthrange
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from opensend.casework import clock
from opensend.casework.clock import (
    Deadline,
    add_months,
    advice_due,
    amended_plan_due,
    appeal_deadline,
    days_left,
    decision_to_assess_due,
    draft_plan_response_due,
    final_plan_due,
    is_within_weeks,
    mediation_contact_deadline,
    no_plan_notice_due,
    phase_transfer_deadline,
    post16_move_deadline,
    rag_status,
    reassessment_decision_due,
    reassessment_final_plan_due,
    request_deadlines,
    review_deadlines,
    review_decision_due,
    review_due,
    review_report_due,
    statutory_review_due,
    tribunal_filing_day,
    weeks_between,
    whole_weeks_between,
)
from opensend.core.calendar import is_working_day
from opensend.core.dates import age_on

D = dt.date
dates = st.dates(min_value=D(1900, 1, 1), max_value=D(2200, 12, 31))

# Functions of one start date whose result is after that date.
FORWARD = [
    decision_to_assess_due,
    advice_due,
    no_plan_notice_due,
    final_plan_due,
    draft_plan_response_due,
    statutory_review_due,
    review_report_due,
    review_decision_due,
    amended_plan_due,
    reassessment_decision_due,
    reassessment_final_plan_due,
    mediation_contact_deadline,
    appeal_deadline,
]


# --- the module itself -------------------------------------------------------------------------


def test_module_is_pure_python():
    # Importing the clock loads no Django (run in a fresh interpreter: pytest-django loads it here).
    code = (
        "import sys, opensend.casework.clock; "
        "sys.exit(any(m == 'django' or m.startswith('django.') for m in sys.modules))"
    )
    root = Path(__file__).resolve().parents[2]
    assert subprocess.run([sys.executable, "-c", code], check=False, cwd=root).returncode == 0
    tree = ast.parse(inspect.getsource(clock))
    imported = {
        (node.module if isinstance(node, ast.ImportFrom) else alias.name).split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in node.names
    }
    assert imported <= {"datetime", "calendar", "dataclasses", "typing", "opensend"}, imported


WORKING_DAY_HELPERS = {"tribunal_filing_day"}
NOT_STATUTORY = {
    "weeks_between",
    "whole_weeks_between",
    "is_within_weeks",
    "days_left",
    "rag_status",
    "request_deadlines",
    "review_deadlines",
}


def test_docstrings_cite_the_law_and_say_calendar_days():
    assert "calendar days" in clock.__doc__.lower()
    for word in ("reg 5", "s.38", "s.44", "L v Devon", "exceptions"):
        assert word.lower() in clock.__doc__.lower(), word
    citations = ("reg", "s.44", "s.38", "s.51", "Rules", "Act 1971")
    for name in clock.__all__:
        obj = getattr(clock, name)
        if not inspect.isfunction(obj):
            continue
        assert obj.__doc__, name
        if name not in NOT_STATUTORY:
            assert any(c in obj.__doc__ for c in citations), name
        if name not in WORKING_DAY_HELPERS:
            assert "calendar" in obj.__doc__.lower(), name


# --- month arithmetic ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (D(2023, 12, 31), 2, D(2024, 2, 29)),
        (D(2022, 12, 31), 2, D(2023, 2, 28)),
        (D(2024, 1, 31), 1, D(2024, 2, 29)),
        (D(2024, 8, 31), 1, D(2024, 9, 30)),
        (D(2024, 2, 29), 12, D(2025, 2, 28)),
        (D(2024, 2, 29), 48, D(2028, 2, 29)),
        (D(2024, 3, 31), -1, D(2024, 2, 29)),
        (D(2024, 11, 15), 2, D(2025, 1, 15)),
        (D(2024, 5, 17), 0, D(2024, 5, 17)),
        (D(2025, 1, 31), 13, D(2026, 2, 28)),
    ],
)
def test_add_months_hand_checked(start, months, expected):
    assert add_months(start, months) == expected


def test_add_months_out_of_range_is_a_value_error():
    with pytest.raises(ValueError, match="out of range"):
        add_months(D(9999, 12, 1), 1)
    with pytest.raises(ValueError, match="out of range"):
        add_months(D(1, 1, 31), -1)


@given(st.dates(max_value=D(9996, 12, 31)), st.integers(0, 36))
def test_add_months_lands_in_the_right_month_on_the_clamped_day(start, months):
    result = add_months(start, months)
    index = start.year * 12 + start.month - 1 + months
    assert (result.year, result.month) == (index // 12, index % 12 + 1)
    assert result.day == min(start.day, monthrange(result.year, result.month)[1])
    assert result >= start
    # Going back the same number of months never overshoots the start (clamping only shortens).
    assert add_months(result, -months) <= start


@given(st.dates(max_value=D(9996, 12, 31)), st.dates(max_value=D(9996, 12, 31)), st.integers(0, 36))
def test_add_months_is_monotonic_in_the_start_date(a, b, months):
    a, b = min(a, b), max(a, b)
    assert add_months(a, months) <= add_months(b, months)


@given(dates, st.integers(0, 36), st.integers(0, 36))
def test_add_months_is_monotonic_in_months(start, m, n):
    m, n = min(m, n), max(m, n)
    assert add_months(start, m) <= add_months(start, n)


# --- new requests --------------------------------------------------------------------------


def test_request_across_the_year_end():
    assert decision_to_assess_due(D(2024, 12, 20)) == D(2025, 1, 31)
    assert advice_due(D(2024, 12, 20)) == D(2025, 1, 31)


def test_request_received_on_29_february():
    received = D(2024, 2, 29)
    assert decision_to_assess_due(received) == D(2024, 4, 11)
    assert no_plan_notice_due(received) == D(2024, 6, 20)
    assert final_plan_due(received) == D(2024, 7, 18)


def test_request_at_a_month_end():
    received = D(2025, 1, 31)
    assert decision_to_assess_due(received) == D(2025, 3, 14)
    assert no_plan_notice_due(received) == D(2025, 5, 23)
    assert final_plan_due(received) == D(2025, 6, 20)


def test_draft_plan_period_is_15_days_counting_the_day_it_was_served():
    assert draft_plan_response_due(D(2025, 3, 3)) == D(2025, 3, 17)
    assert draft_plan_response_due(D(2024, 2, 20)) == D(2024, 3, 5)
    assert (draft_plan_response_due(D(2025, 3, 3)) - D(2025, 3, 3)).days + 1 == 15


def test_request_deadlines_in_order_with_their_regulations():
    steps = request_deadlines(D(2025, 9, 1))
    assert [s.due for s in steps] == [D(2025, 10, 13), D(2025, 12, 22), D(2026, 1, 19)]
    assert [s.regulation for s in steps] == ["reg 5(1)", "reg 10(1)", "reg 13(2)"]


@given(dates)
def test_new_request_deadlines_are_6_16_and_20_weeks(received):
    assert final_plan_due(received) - received == dt.timedelta(days=140)
    assert no_plan_notice_due(received) - received == dt.timedelta(days=112)
    assert decision_to_assess_due(received) - received == dt.timedelta(days=42)
    assert (
        decision_to_assess_due(received) < no_plan_notice_due(received) < final_plan_due(received)
    )
    assert is_within_weeks(received, final_plan_due(received), 20)
    assert not is_within_weeks(received, final_plan_due(received) + dt.timedelta(days=1), 20)


@pytest.mark.parametrize("function", FORWARD, ids=lambda f: f.__name__)
@given(start=dates)
def test_each_deadline_is_after_its_start(function, start):
    assert function(start) > start


# --- weeks -------------------------------------------------------------------------------------


def test_weeks_and_the_published_20_week_measure():
    received = D(2024, 1, 1)
    assert weeks_between(received, D(2024, 5, 20)) == 20.0  # 140 days, a leap February
    assert is_within_weeks(received, D(2024, 5, 20), 20)
    assert weeks_between(received, D(2024, 5, 21)) == pytest.approx(20.142857)
    assert not is_within_weeks(received, D(2024, 5, 21), 20)
    # 146 days: 20 whole weeks (for display) but not within 20 weeks.
    assert whole_weeks_between(received, D(2024, 5, 26)) == 20
    assert not is_within_weeks(received, D(2024, 5, 26), 20)
    assert whole_weeks_between(D(2024, 5, 26), received) == -20


@given(dates, dates)
def test_weeks_between_is_days_over_seven(a, b):
    days = (b - a).days
    # days / 7 * 7 is not always exactly days in floating point (29 / 7 * 7 == 29.000000000000004).
    assert weeks_between(a, b) * 7 == pytest.approx(days)
    assert round(weeks_between(a, b) * 7) == days
    whole = whole_weeks_between(a, b)
    assert whole == -whole_weeks_between(b, a)
    assert abs(whole) * 7 <= abs(days) < abs(whole) * 7 + 7
    assert is_within_weeks(a, b, 20) == (weeks_between(a, b) <= 20)


# --- reviews -------------------------------------------------------------------------------


def test_review_for_a_four_year_old_is_six_monthly():
    birth = D(2021, 6, 10)
    assert review_due(D(2025, 9, 1), birth) == D(2026, 3, 1)
    assert review_due(D(2025, 9, 1), birth, under_five_months=3) == D(2025, 12, 1)


def test_review_for_a_six_year_old_is_annual():
    assert review_due(D(2025, 9, 1), D(2019, 6, 10)) == D(2026, 9, 1)


def test_review_when_the_child_turns_5_before_the_six_month_date_is_annual():
    assert review_due(D(2025, 9, 1), D(2021, 1, 10)) == D(2026, 9, 1)
    # Fifth birthday on the six-month date itself: 5 on that day, so 12 months.
    assert review_due(D(2025, 9, 1), D(2021, 3, 1)) == D(2026, 9, 1)


def test_review_and_29_february():
    # Born 29 February 2020: 5 on 1 March 2025 (as age_on counts it).
    assert review_due(D(2024, 8, 29), D(2020, 2, 29)) == D(2025, 2, 28)
    assert review_due(D(2024, 9, 1), D(2020, 2, 29)) == D(2025, 9, 1)
    # Plan issued on 29 February: the anniversary is 28 February.
    assert review_due(D(2024, 2, 29), D(2010, 5, 5)) == D(2025, 2, 28)
    assert statutory_review_due(D(2024, 2, 29)) == D(2025, 2, 28)


def test_review_due_rejects_a_nonsense_interval():
    with pytest.raises(ValueError, match="under_five_months"):
        review_due(D(2025, 1, 1), D(2022, 1, 1), under_five_months=0)


@given(dates, st.dates(min_value=D(1880, 1, 1), max_value=D(2200, 12, 31)), st.integers(3, 6))
def test_review_is_never_later_than_the_statutory_12_months(last, birth, months):
    assume(birth <= last)
    due = review_due(last, birth, under_five_months=months)
    assert last < due <= statutory_review_due(last)
    if due < statutory_review_due(last):
        assert due == add_months(last, months)
        assert age_on(birth, due) < 5
    else:
        assert age_on(birth, add_months(last, months)) >= 5
    if age_on(birth, last) >= 5:
        assert due == statutory_review_due(last)


def test_after_a_review_meeting():
    meeting = D(2025, 11, 20)
    assert review_report_due(meeting) == D(2025, 12, 4)
    assert review_decision_due(meeting) == D(2025, 12, 18)
    assert amended_plan_due(meeting) == D(2026, 2, 12)
    # Proposals sent early: 8 weeks from them. Sent late: still 12 weeks from the meeting.
    assert amended_plan_due(meeting, proposals_sent=D(2025, 12, 1)) == D(2026, 1, 26)
    assert amended_plan_due(meeting, proposals_sent=D(2026, 1, 5)) == D(2026, 2, 12)
    steps = review_deadlines(meeting)
    assert [s.due for s in steps] == [D(2025, 12, 4), D(2025, 12, 18), D(2026, 2, 12)]
    assert "Devon" in steps[-1].regulation


def test_a_review_meeting_by_23_november_meets_15_february():
    # The back-planning LAs use: meeting + 4 weeks + 8 weeks.
    assert amended_plan_due(D(2024, 11, 23)) == phase_transfer_deadline(2025, to_post16=False)
    assert amended_plan_due(D(2024, 11, 24)) > phase_transfer_deadline(2025, to_post16=False)


@given(dates, st.integers(0, 120))
def test_amended_plan_due_is_at_most_12_weeks_from_the_meeting(meeting, offset):
    proposals = meeting + dt.timedelta(days=offset)
    assert amended_plan_due(meeting) - meeting == dt.timedelta(weeks=12)
    assert amended_plan_due(meeting, proposals) <= amended_plan_due(meeting)
    assert amended_plan_due(meeting, proposals) <= proposals + dt.timedelta(weeks=8)
    assert review_report_due(meeting) < review_decision_due(meeting) < amended_plan_due(meeting)


# --- phase transfers -----------------------------------------------------------------------


def test_phase_transfer_2026_school_and_post_16():
    assert phase_transfer_deadline(2026, to_post16=False) == D(2026, 2, 15)
    assert phase_transfer_deadline(2026, to_post16=True) == D(2026, 3, 31)
    assert phase_transfer_deadline(2026, False) < phase_transfer_deadline(2026, True)


def test_move_between_post_16_institutions_at_another_time():
    assert post16_move_deadline(D(2026, 1, 5)) == D(2025, 8, 5)
    assert post16_move_deadline(D(2026, 7, 31)) == D(2026, 2, 28)


# --- re-assessment --------------------------------------------------------------------------------


def test_reassessment():
    assert reassessment_decision_due(D(2025, 1, 10)) == D(2025, 1, 25)
    assert reassessment_final_plan_due(D(2025, 1, 20)) == D(2025, 4, 28)


# --- mediation and appeals -----------------------------------------------------------------


def test_mediation_contact_is_two_months_clamped():
    assert mediation_contact_deadline(D(2023, 12, 31)) == D(2024, 2, 29)
    assert mediation_contact_deadline(D(2022, 12, 31)) == D(2023, 2, 28)
    assert mediation_contact_deadline(D(2025, 3, 12)) == D(2025, 5, 12)


def test_appeal_without_a_certificate_is_two_months_from_the_decision():
    assert appeal_deadline(D(2025, 3, 12)) == D(2025, 5, 12)
    assert appeal_deadline(D(2023, 12, 31)) == D(2024, 2, 29)
    assert appeal_deadline(D(2022, 12, 31)) == D(2023, 2, 28)


def test_appeal_with_a_certificate_takes_the_later_date():
    decision = D(2025, 3, 12)  # 2 months: Monday 12 May 2025
    # Certificate 20 May: 1 month is Friday 20 June, later, so it wins.
    assert appeal_deadline(decision, D(2025, 5, 20)) == D(2025, 6, 20)
    # Certificate 20 March: 1 month is 20 April, earlier, so 2 months from the decision wins.
    assert appeal_deadline(decision, D(2025, 3, 20)) == D(2025, 5, 12)


def test_appeal_deadlines_moved_by_the_tribunal_rules():
    # Ends in August: first working day after 31 August.
    assert appeal_deadline(D(2025, 6, 15)) == D(2025, 9, 1)
    assert appeal_deadline(D(2026, 6, 30)) == D(2026, 9, 1)
    # IPSEA's example: decision 1 October, certificate 29 November -> 29 December -> January.
    assert appeal_deadline(D(2025, 10, 1), D(2025, 11, 29)) == D(2026, 1, 2)
    assert appeal_deadline(D(2025, 11, 1)) == D(2026, 1, 2)  # ends on 1 January
    assert appeal_deadline(D(2026, 10, 26)) == D(2027, 1, 4)  # 26 Dec -> after Fri 1 Jan 2027
    # Weekend and bank holiday: the next working day.
    assert appeal_deadline(D(2025, 3, 10)) == D(2025, 5, 12)  # Saturday 10 May
    assert appeal_deadline(D(2025, 3, 5)) == D(2025, 5, 6)  # early May bank holiday


def in_holiday_window(day):
    return day.month == 8 or (day.month, day.day) >= (12, 25) or (day.month, day.day) == (1, 1)


@given(dates, st.none() | dates)
def test_appeal_deadline_is_no_earlier_than_either_rule(decision, certificate):
    deadline = appeal_deadline(decision, certificate)
    later = add_months(decision, 2)
    assert deadline >= later
    if certificate is not None:
        assert deadline >= add_months(certificate, 1)
        assert deadline >= appeal_deadline(decision)
        later = max(later, add_months(certificate, 1))
    assert deadline >= mediation_contact_deadline(decision)
    assert deadline == tribunal_filing_day(later)
    assert is_working_day(deadline)
    assert (deadline - later).days <= 34  # 1 August to Monday 3 September at most


@given(dates)
def test_tribunal_filing_day(day):
    filed = tribunal_filing_day(day)
    assert filed >= day
    assert is_working_day(filed)
    if day.month == 8:
        assert filed.month == 9
        assert filed.day <= 3
    elif in_holiday_window(day):
        assert filed.month == 1
        assert filed.day <= 4
    elif is_working_day(day):
        assert filed == day
    else:
        assert (filed - day).days <= 4  # Easter: Good Friday to the Tuesday after
        assert all(
            not is_working_day(day + dt.timedelta(days=n)) for n in range((filed - day).days)
        )


def test_limits_ending_just_before_the_holiday_windows_take_the_next_working_day():
    assert tribunal_filing_day(D(2023, 12, 23)) == D(2023, 12, 27)
    assert tribunal_filing_day(D(2021, 7, 31)) == D(2021, 8, 2)
    assert tribunal_filing_day(D(2023, 12, 25)) == D(2024, 1, 2)
    assert tribunal_filing_day(D(2022, 1, 1)) == D(2022, 1, 4)  # Mon 3 Jan is the substitute


# --- days left and RAG ---------------------------------------------------------------------------


def test_days_left_and_rag():
    due = D(2025, 6, 30)
    assert days_left(due, D(2025, 6, 20)) == 10
    assert days_left(due, D(2025, 7, 2)) == -2
    assert rag_status(due, D(2025, 7, 1)) == "overdue"
    assert rag_status(due, D(2025, 6, 30)) == "due soon"  # the due date itself is on time
    assert rag_status(due, D(2025, 6, 16)) == "due soon"
    assert rag_status(due, D(2025, 6, 15)) == "on track"
    assert rag_status(due, D(2025, 6, 25), amber_within_days=3) == "on track"
    with pytest.raises(ValueError, match="amber"):
        rag_status(due, D(2025, 6, 25), amber_within_days=-1)


def test_deadline_value():
    deadline = Deadline("Issue the final EHC plan", D(2025, 6, 30), "reg 13(2)")
    assert deadline.days_left(D(2025, 6, 1)) == 29
    assert deadline.rag(D(2025, 6, 1)) == "on track"
    assert deadline.rag(D(2025, 6, 1), amber_within_days=30) == "due soon"
    with pytest.raises(AttributeError):
        deadline.due = D(2025, 7, 1)


ORDER = {"on track": 0, "due soon": 1, "overdue": 2}


@given(dates, dates, dates, st.integers(0, 60))
def test_rag_only_gets_worse_as_time_passes(due, a, b, amber):
    a, b = min(a, b), max(a, b)
    assert ORDER[rag_status(due, a, amber)] <= ORDER[rag_status(due, b, amber)]
    assert (rag_status(due, a, amber) == "overdue") == (days_left(due, a) < 0)
