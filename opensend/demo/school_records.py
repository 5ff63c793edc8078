"""Synthetic termly attendance and exclusions for pupils of compulsory school age. Pure Python.

Each pupil has an absence propensity drawn so that the share persistently absent (missing 10%
or more of sessions) is about 35% for pupils with EHC plans and 25% on SEN support, as DfE's
attendance statistics show for pupils with SEND; each term varies around it. Suspensions are
more common for pupils whose primary need is SEMH. A pupil who moved to alternative provision
was sometimes permanently excluded from the school before.
"""

import datetime as dt
import math
import random
from dataclasses import dataclass
from statistics import NormalDist

from opensend.demo.journeys import Stay, age_in, random_day
from opensend.returns.sen2.settings_lookup import (
    ALTERNATIVE_PROVISION,
    BY_COLUMN,
    COMPULSORY_SCHOOL_AGES,
    MAINSTREAM,
)

PERSISTENTLY_ABSENT = {"E": 0.35, "K": 0.25}
PERSISTENT_ABSENCE_THRESHOLD = 0.10
PROPENSITY_SPREAD = 0.9  # of log absence rate between pupils
TERM_SPREAD = 0.3  # of log absence rate between one pupil's terms
# (term, first day, last day, sessions possible)
TERMS = [
    ("AUT", (9, 4), (12, 19), 140),
    ("SPR", (1, 6), (3, 28), 118),
    ("SUM", (4, 14), (7, 21), 124),
]
FIRST_YEAR_RECORDED = 2023
SUSPENDED_IN_A_YEAR = {("E", True): 0.30, ("E", False): 0.08, ("K", True): 0.20, ("K", False): 0.05}
# Suspensions are far more common in secondary schools than primary.
PRIMARY_SUSPENSIONS, SECONDARY_SUSPENSIONS = 0.4, 1.5
SUSPENSION_REASONS = {
    "PD": 35,
    "VA": 20,
    "PA": 12,
    "VP": 10,
    "PP": 10,
    "DM": 3,
    "OW": 2,
    "DA": 2,
    "BU": 2,
    "MT": 2,
    "OT": 2,
}
SUSPENSION_SESSIONS = [1, 2, 2, 2, 2, 3, 4, 4, 6, 10]
PERMANENT_BEFORE_ALTERNATIVE_PROVISION = 0.3


@dataclass
class TermAttendance:
    academic_year: int
    term: str
    stay: Stay
    sessions_possible: int
    authorised: int
    unauthorised: int


@dataclass
class ExclusionEvent:
    kind: str  # SUSPENSION or PERMANENT
    day: dt.date
    stay: Stay
    reason: str
    sessions: int | None


def term_dates(academic_year: int, first: tuple, last: tuple) -> tuple[dt.date, dt.date]:
    year = academic_year if first[0] >= 9 else academic_year + 1
    return dt.date(year, *first), dt.date(year, *last)


def school_stay_on(stays: list[Stay], day: dt.date) -> Stay | None:
    for stay in stays:
        if stay.start <= day and (stay.end is None or stay.end >= day):
            return stay if BY_COLUMN[stay.setting].is_school else None
    return None


class SchoolRecordMaker:
    def __init__(self, rng: random.Random, today: dt.date):
        self.rng = rng
        self.today = today

    def _years(self):
        year = FIRST_YEAR_RECORDED
        while dt.date(year, 9, 1) <= self.today:
            yield year
            year += 1

    def attendance(self, provision: str, age: int, stays: list[Stay]) -> list[TermAttendance]:
        share = PERSISTENTLY_ABSENT[provision]
        centre = math.log(PERSISTENT_ABSENCE_THRESHOLD) - PROPENSITY_SPREAD * NormalDist().inv_cdf(
            1 - share
        )
        propensity = math.exp(self.rng.gauss(centre, PROPENSITY_SPREAD))
        records = []
        for year in self._years():
            if age_in(age, year) not in COMPULSORY_SCHOOL_AGES:
                continue
            for term, first, last, possible in TERMS:
                start, end = term_dates(year, first, last)
                stay = school_stay_on(stays, start + (end - start) / 2)
                if end > self.today or stay is None:
                    continue
                rate = min(0.95, propensity * math.exp(self.rng.gauss(0, TERM_SPREAD)))
                missed = round(possible * rate)
                unauthorised = round(missed * self.rng.uniform(0.2, 0.45))
                records.append(
                    TermAttendance(year, term, stay, possible, missed - unauthorised, unauthorised)
                )
        return records

    def exclusions(
        self, provision: str, need: str, age: int, stays: list[Stay]
    ) -> list[ExclusionEvent]:
        events = self._permanent_before_alternative_provision(stays)
        chance = SUSPENDED_IN_A_YEAR[(provision, need == "SEMH")]
        for year in self._years():
            pupil_age = age_in(age, year)
            at_secondary = SECONDARY_SUSPENSIONS if pupil_age >= 11 else PRIMARY_SUSPENSIONS
            if (
                pupil_age not in COMPULSORY_SCHOOL_AGES
                or self.rng.random() >= chance * at_secondary
            ):
                continue
            for _ in range(1 + min(int(self.rng.expovariate(0.9)), 5)):
                day = random_day(
                    self.rng, dt.date(year, 9, 8), min(dt.date(year + 1, 7, 15), self.today)
                )
                stay = school_stay_on(stays, day)
                if stay is not None and day.weekday() < 5 and day <= self.today:
                    reason = self.rng.choices(
                        list(SUSPENSION_REASONS), weights=list(SUSPENSION_REASONS.values())
                    )[0]
                    events.append(
                        ExclusionEvent(
                            "SUSPENSION", day, stay, reason, self.rng.choice(SUSPENSION_SESSIONS)
                        )
                    )
        return events

    def _permanent_before_alternative_provision(self, stays: list[Stay]) -> list[ExclusionEvent]:
        for before, after in zip(stays, stays[1:], strict=False):
            moved_to_ap = BY_COLUMN[after.setting].group == ALTERNATIVE_PROVISION
            if (
                moved_to_ap
                and BY_COLUMN[before.setting].group == MAINSTREAM
                and before.end
                and self.rng.random() < PERMANENT_BEFORE_ALTERNATIVE_PROVISION
            ):
                day = max(before.start, before.end - dt.timedelta(days=self.rng.randint(5, 30)))
                return [
                    ExclusionEvent(
                        "PERMANENT", day, before, self.rng.choice(["PD", "PA", "VA", "OW"]), None
                    )
                ]
        return []
