"""The statutory dates on the case page: due beside done, and how each stands."""

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from opensend.casework.case_summary import LATE, ON_TIME, DateRow, weeks_taken

D = dt.date
TODAY = D(2025, 6, 1)


def test_a_step_done_by_its_due_date_is_on_time():
    assert DateRow("Decide", D(2025, 4, 14), D(2025, 4, 14)).status(TODAY) == ON_TIME
    assert DateRow("Decide", D(2025, 4, 14), D(2025, 4, 15)).status(TODAY) == LATE


def test_a_step_still_to_do_has_the_clocks_rag():
    assert DateRow("Issue", D(2025, 5, 31), None).status(TODAY) == "overdue"
    assert DateRow("Issue", D(2025, 6, 15), None).status(TODAY) == "due soon"
    assert DateRow("Issue", D(2025, 6, 16), None).status(TODAY) == "on track"


def test_a_step_that_no_longer_needs_doing_has_no_status():
    assert DateRow("Issue", D(2025, 5, 31), None, pending=False).status(TODAY) == ""
    assert DateRow("Received", None, D(2025, 3, 3)).status(TODAY) == ""


def test_weeks_taken_reads_as_weeks_and_days():
    assert weeks_taken(D(2025, 3, 3), D(2025, 7, 21)) == "20 weeks"
    assert weeks_taken(D(2025, 3, 3), D(2025, 7, 14)) == "19 weeks"
    assert weeks_taken(D(2025, 3, 3), D(2025, 3, 11)) == "1 week 1 day"
    assert weeks_taken(D(2025, 3, 3), D(2025, 3, 6)) == "0 weeks 3 days"


@given(st.dates(min_value=D(2000, 1, 1), max_value=D(2040, 1, 1)), st.integers(0, 2000))
def test_weeks_taken_adds_up_to_the_days(start, days):
    parts = weeks_taken(start, start + dt.timedelta(days=days)).split()
    weeks = int(parts[0])
    extra = int(parts[2]) if len(parts) > 2 else 0
    assert 7 * weeks + extra == days
    assert 0 <= extra < 7
