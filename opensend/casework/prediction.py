"""When will an open assessment's final plan be issued? A prediction from the LA's own history.

Pure Python (no Django): `casework.queries` reads the dates and passes them in.

**The three steps.** A new EHC plan passes three steps, each measured in calendar days:

1. *decision*: from the request being received to the decision to assess (reg 5, 6 weeks);
2. *drafting*: from the decision to assess to the draft plan being sent;
3. *finalising*: from the draft plan to the final plan being issued.

The statutory durations are 6, 10 and 4 weeks (42, 70 and 28 days): 6 weeks is reg 5's limit,
4 weeks leaves the family's 15 days on the draft (reg 13(1)(a)) and time to name a setting, and
the 10 weeks between is what is left of reg 13(2)'s 20 weeks. They add up to 140 days.

**The LA's own durations.** `StepDurations.from_history` takes the plans the LA issued in the
24 months before today (`HISTORY_MONTHS`) and uses, for each step, the median number of days
that step took, rounded up to a whole day. A step falls back to its statutory duration when
fewer than `MINIMUM_CASES` (20) of those plans have both of the step's dates, since a median of
a handful of cases says little; dates in the wrong order (a data error) are left out of the
sample. Each step falls back on its own, so an LA that has recorded decision and issue dates but
not draft dates still uses its own decision times.

**The prediction.** For an open case in a step that started on `start`:

    predicted = max(today, start + median of this step) + medians of the steps after it

so a case running late in its step is expected to finish that step today at the earliest, and
never before today. A case waiting for the decision to assess starts its step on the day the
request was received; one being assessed on the day of the decision; one with a draft plan out on
the day the draft was sent. The case is **at risk** when the predicted date is after the day its
final plan is due: `clock.final_plan_due(received)`, 20 weeks after the request, unless the case
passes another due date (a re-assessment's 14 weeks, reg 27). Recorded 20-week exceptions do not
change the prediction or the due date: the list shows them beside the case.
"""

import datetime as dt
import math
import statistics
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum

from opensend.casework import clock

__all__ = [
    "HISTORY_MONTHS",
    "MINIMUM_CASES",
    "STATUTORY_DAYS",
    "CompletedCase",
    "OpenCase",
    "Prediction",
    "Step",
    "StepDurations",
    "history_starts_on",
    "predict",
]

HISTORY_MONTHS = 24
MINIMUM_CASES = 20


class Step(Enum):
    """The step an open case is in, and the steps still to come."""

    DECISION = "decision"
    DRAFTING = "drafting"
    FINALISING = "finalising"

    @property
    def label(self) -> str:
        return _LABELS[self]

    def and_after(self) -> tuple["Step", ...]:
        return _AND_AFTER[self]


_LABELS = {
    Step.DECISION: "Deciding whether to assess",
    Step.DRAFTING: "Assessing: draft plan not sent",
    Step.FINALISING: "Draft plan sent: final plan not issued",
}

STATUTORY_DAYS = {Step.DECISION: 42, Step.DRAFTING: 70, Step.FINALISING: 28}
_ORDER = tuple(Step)
_AND_AFTER = {step: _ORDER[index:] for index, step in enumerate(_ORDER)}


@dataclass(frozen=True, slots=True)
class CompletedCase:
    """The dates of a plan already issued: request received, decision to assess, draft sent,
    final issued. Any but `received` and `issued` may be unknown."""

    received: dt.date
    decided: dt.date | None
    draft_sent: dt.date | None
    issued: dt.date

    def step_days(self, step: Step) -> int | None:
        """Days the step took, or None if a date is missing or the dates are out of order."""
        start: dt.date | None
        end: dt.date | None
        if step is Step.DECISION:
            start, end = self.received, self.decided
        elif step is Step.DRAFTING:
            start, end = self.decided, self.draft_sent
        else:
            start, end = self.draft_sent, self.issued
        if start is None or end is None or end < start:
            return None
        return (end - start).days


@dataclass(frozen=True, slots=True)
class StepDurations:
    """Days each step is expected to take, and how many past plans each figure came from
    (0 where the statutory duration is used)."""

    days: dict[Step, int]
    sample_sizes: dict[Step, int]

    @classmethod
    def statutory(cls) -> "StepDurations":
        return cls(dict(STATUTORY_DAYS), {step: 0 for step in Step})

    @classmethod
    def from_history(
        cls, cases: Iterable[CompletedCase], minimum: int = MINIMUM_CASES
    ) -> "StepDurations":
        """Median days per step over `cases` (rounded up to whole days); the statutory duration
        for any step with fewer than `minimum` usable cases."""
        samples: dict[Step, list[int]] = {step: [] for step in Step}
        for case in cases:
            for step in _ORDER:
                days = case.step_days(step)
                if days is not None:
                    samples[step].append(days)
        days_by_step: dict[Step, int] = {}
        sizes: dict[Step, int] = {}
        for step, sample in samples.items():
            if len(sample) >= max(minimum, 1):
                days_by_step[step] = math.ceil(statistics.median(sample))
                sizes[step] = len(sample)
            else:
                days_by_step[step] = STATUTORY_DAYS[step]
                sizes[step] = 0
        return cls(days_by_step, sizes)

    def uses_local_history(self, step: Step) -> bool:
        return self.sample_sizes[step] > 0

    def remaining_after(self, step: Step) -> int:
        """Days for the steps after `step`."""
        return sum(self.days[later] for later in _AND_AFTER[step][1:])

    @property
    def total(self) -> int:
        return sum(self.days.values())


@dataclass(frozen=True, slots=True)
class OpenCase:
    """An open request or assessment: the dates recorded so far. `final_plan_due` defaults to
    20 weeks from `received` (reg 13(2))."""

    received: dt.date
    decided: dt.date | None = None
    draft_sent: dt.date | None = None
    final_plan_due: dt.date | None = None

    @property
    def step(self) -> Step:
        if self.draft_sent is not None:
            return Step.FINALISING
        if self.decided is not None:
            return Step.DRAFTING
        return Step.DECISION

    @property
    def step_started(self) -> dt.date:
        return self.draft_sent or self.decided or self.received

    @property
    def due(self) -> dt.date:
        return self.final_plan_due or clock.final_plan_due(self.received)


@dataclass(frozen=True, slots=True)
class Prediction:
    step: Step
    completion: dt.date
    due: dt.date

    @property
    def at_risk(self) -> bool:
        """Predicted to be issued after the final plan is due (20 weeks, reg 13(2))."""
        return self.completion > self.due

    def days_late(self) -> int:
        """Days the prediction falls after the due date (0 when on time)."""
        return max(0, (self.completion - self.due).days)


def predict(case: OpenCase, today: dt.date, durations: StepDurations) -> Prediction:
    """The predicted final-plan date of an open case (module docstring: the method)."""
    step = case.step
    started = case.draft_sent or case.decided or case.received
    finish_step = max(today, started + dt.timedelta(days=durations.days[step]))
    completion = finish_step + dt.timedelta(days=durations.remaining_after(step))
    return Prediction(step=step, completion=completion, due=case.due)


def history_starts_on(today: dt.date) -> dt.date:
    """The first issue date counted in the history: 24 months before `today`."""
    return clock.add_months(today, -HISTORY_MONTHS)
