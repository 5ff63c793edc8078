"""The 20-week tracker's prediction: medians of the LA's own step durations, or the statute's."""

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from opensend.casework import clock
from opensend.casework.prediction import (
    MINIMUM_CASES,
    STATUTORY_DAYS,
    CompletedCase,
    OpenCase,
    Step,
    StepDurations,
    history_starts_on,
    predict,
)

dates = st.dates(min_value=dt.date(2015, 1, 1), max_value=dt.date(2035, 12, 31))
step_days = st.integers(min_value=0, max_value=400)
durations = st.builds(
    lambda a, b, c: StepDurations(
        {Step.DECISION: a, Step.DRAFTING: b, Step.FINALISING: c}, {step: 25 for step in Step}
    ),
    step_days,
    step_days,
    step_days,
)


@st.composite
def open_cases(draw):
    received = draw(dates)
    stage = draw(st.sampled_from(list(Step)))
    decided = draft = None
    if stage != Step.DECISION:
        decided = received + dt.timedelta(days=draw(step_days))
    if stage == Step.FINALISING:
        draft = decided + dt.timedelta(days=draw(step_days))
    return OpenCase(received=received, decided=decided, draft_sent=draft)


def completed(received, decision, drafting, finalising):
    decided = received + dt.timedelta(days=decision)
    draft = decided + dt.timedelta(days=drafting)
    return CompletedCase(received, decided, draft, draft + dt.timedelta(days=finalising))


def test_statutory_durations_add_up_to_20_weeks():
    assert StepDurations.statutory().total == 140
    assert sum(STATUTORY_DAYS.values()) == 7 * clock.FINAL_PLAN_WEEKS


def test_a_new_request_on_statutory_durations_is_due_on_the_20_week_date():
    received = dt.date(2024, 12, 20)
    prediction = predict(OpenCase(received), received, StepDurations.statutory())
    assert prediction.completion == dt.date(2025, 5, 9) == clock.final_plan_due(received)
    assert not prediction.at_risk


def test_medians_of_the_las_own_cases():
    cases = [completed(dt.date(2024, 1, 1), 30 + i % 3, 80, 20) for i in range(MINIMUM_CASES)]
    found = StepDurations.from_history(cases)
    assert found.days == {Step.DECISION: 31, Step.DRAFTING: 80, Step.FINALISING: 20}
    assert all(found.uses_local_history(step) for step in Step)


def test_a_median_between_two_days_rounds_up():
    cases = [completed(dt.date(2024, 1, 1), 30 + i % 2, 70, 28) for i in range(20)]
    assert StepDurations.from_history(cases).days[Step.DECISION] == 31


def test_fewer_than_twenty_cases_use_the_statutory_durations():
    cases = [completed(dt.date(2024, 1, 1), 100, 100, 100) for _ in range(MINIMUM_CASES - 1)]
    assert StepDurations.from_history(cases) == StepDurations.statutory()


def test_each_step_falls_back_on_its_own():
    # Decision and issue dates recorded, draft dates missing: decision times are the LA's own.
    cases = [
        CompletedCase(dt.date(2024, 1, 1), dt.date(2024, 2, 1), None, dt.date(2024, 6, 1))
        for _ in range(25)
    ]
    found = StepDurations.from_history(cases)
    assert found.days[Step.DECISION] == 31
    assert found.sample_sizes[Step.DECISION] == 25
    assert found.days[Step.DRAFTING] == STATUTORY_DAYS[Step.DRAFTING]
    assert not found.uses_local_history(Step.FINALISING)


def test_dates_in_the_wrong_order_are_left_out():
    case = CompletedCase(dt.date(2024, 3, 1), dt.date(2024, 2, 1), None, dt.date(2024, 6, 1))
    assert case.step_days(Step.DECISION) is None


def test_a_late_case_finishes_its_step_today_at_the_earliest():
    received = dt.date(2025, 1, 6)
    today = dt.date(2025, 4, 1)  # still no decision after 12 weeks
    prediction = predict(OpenCase(received), today, StepDurations.statutory())
    assert prediction.step == Step.DECISION
    assert prediction.completion == today + dt.timedelta(days=98)
    assert prediction.at_risk
    assert prediction.days_late() == (prediction.completion - prediction.due).days


def test_another_due_date_is_used_when_given():
    received = dt.date(2025, 1, 6)
    case = OpenCase(received, final_plan_due=received + dt.timedelta(weeks=14))
    assert predict(case, received, StepDurations.statutory()).at_risk


def test_history_covers_24_months():
    assert history_starts_on(dt.date(2026, 2, 28)) == dt.date(2024, 2, 28)


@given(open_cases(), dates, durations)
def test_never_predicted_before_today(case, today, found):
    assert predict(case, today, found).completion >= today


@given(open_cases(), dates, durations, st.integers(min_value=1, max_value=200))
def test_a_later_step_start_never_brings_the_prediction_forward(case, today, found, shift):
    later = dt.timedelta(days=shift)
    moved = OpenCase(
        case.received + (later if case.step == Step.DECISION else dt.timedelta()),
        case.decided + later if case.step == Step.DRAFTING else case.decided,
        case.draft_sent + later if case.draft_sent else None,
        case.due,
    )
    assert predict(moved, today, found).completion >= predict(case, today, found).completion


@given(open_cases(), dates, durations, st.integers(min_value=1, max_value=200))
def test_a_later_today_never_brings_the_prediction_forward(case, today, found, days):
    later = today + dt.timedelta(days=days)
    assert predict(case, later, found).completion >= predict(case, today, found).completion


@given(open_cases(), dates, durations)
def test_at_risk_means_predicted_after_the_20_week_date(case, today, found):
    prediction = predict(case, today, found)
    assert prediction.due == clock.final_plan_due(case.received)
    assert prediction.at_risk == (prediction.completion > case.received + dt.timedelta(weeks=20))


@given(open_cases(), dates, durations)
def test_a_case_on_time_in_its_step_needs_only_the_remaining_medians(case, today, found):
    step_ends = case.step_started + dt.timedelta(days=found.days[case.step])
    if today <= step_ends:
        expected = step_ends + dt.timedelta(days=found.remaining_after(case.step))
        assert predict(case, today, found).completion == expected


@given(st.lists(st.tuples(step_days, step_days, step_days), max_size=60))
def test_durations_are_medians_or_statutory(history):
    cases = [completed(dt.date(2023, 1, 1), *days) for days in history]
    found = StepDurations.from_history(cases)
    for index, step in enumerate(Step):
        sample = sorted(days[index] for days in history)
        if len(sample) < MINIMUM_CASES:
            assert found.days[step] == STATUTORY_DAYS[step]
        else:
            assert sample[0] <= found.days[step] <= sample[-1]
