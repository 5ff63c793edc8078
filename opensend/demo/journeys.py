"""Where a synthetic child or young person has been educated: their placements before the
January 2025 census (ending in the setting the plan says they attend on census day) and the moves
each September after it, up to today. Pure Python.

Ages are ages on 31 August 2024, as DfE counts them. Someone aged `a` was in Reception in the
academic year starting in September of `2028 - a`, started secondary school seven years later
and post-16 education twelve years later.
"""

import datetime as dt
import random
from dataclasses import dataclass, field

from opensend.demo.establishments import SyntheticEstablishment, phase_for
from opensend.returns.sen2.settings_lookup import (
    ALTERNATIVE_PROVISION,
    BY_COLUMN,
    EARLY_YEARS,
    ELSEWHERE,
    FURTHER_EDUCATION,
    MAINSTREAM,
    NOT_RECORDED,
    SPECIAL,
)

CENSUS_DATE = dt.date(2025, 1, 16)
AGE_DATE = dt.date(2024, 8, 31)
MAINSTREAM_TYPES = ["mainstream_la_maintained", "mainstream_academy", "mainstream_free_school"]
SETTING_DETAILS = {
    "OTH": [
        "Awaiting a specialist place named in the plan",
        "Setting type specified in the plan; no setting named yet",
        "Hospital education while an inpatient",
    ],
    "NIEO": [
        "Awaiting a placement after moving into the area",
        "Out of education while a placement is found",
    ],
    "NIEC": ["Notice to cease the plan issued"],
}


def reception_year(age: int) -> int:
    return 2028 - age


def september(year: int) -> dt.date:
    return dt.date(year, 9, 1)


def end_of_july(year: int) -> dt.date:
    return dt.date(year, 7, 31)


def summer_end(year: int, since: dt.date) -> dt.date:
    """The last day of the academic year ending in `year` (31 July), or later for something
    that began in the summer holiday."""
    return min(max(end_of_july(year), since), dt.date(year, 8, 31))


def add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def random_day(rng: random.Random, first: dt.date, last: dt.date) -> dt.date:
    if last <= first:
        return first
    return first + dt.timedelta(days=rng.randint(0, (last - first).days))


def age_in(age: int, academic_year: int) -> int:
    """Age on 31 August before the academic year starting in September `academic_year`."""
    return age + academic_year - 2024


@dataclass
class Stay:
    """A placement: a type of setting (caseload column) with its dates."""

    setting: str
    start: dt.date
    end: dt.date | None = None
    phase: str = ""
    detail: str = ""
    establishment: SyntheticEstablishment | None = None


@dataclass
class SchoolMix:
    """The LA's mix of mainstream school types, for placements before and after the census."""

    primary: dict[str, float] = field(default_factory=lambda: dict.fromkeys(MAINSTREAM_TYPES, 1))
    secondary: dict[str, float] = field(default_factory=lambda: dict.fromkeys(MAINSTREAM_TYPES, 1))

    def mainstream(self, rng: random.Random, age: int) -> str:
        mix = self.primary if age <= 10 else self.secondary
        return rng.choices(list(mix), weights=list(mix.values()))[0]


class Journey:
    """Builds one person's placements, keeping the setting they attend at the census."""

    def __init__(self, rng: random.Random, mix: SchoolMix, age: int, birth_date: dt.date):
        self.rng = rng
        self.mix = mix
        self.age = age
        self.birth_date = birth_date
        self.reception = reception_year(age)
        self.stays: list[Stay] = []

    # --- before the census ----------------------------------------------------------------

    def before_census(self, setting: str, support_start: dt.date) -> list[Stay]:
        """Placements up to the census, the last in `setting` and open (none if not recorded)."""
        group = BY_COLUMN[setting].group
        earliest_school = max(september(self.reception), add_years(self.birth_date, 4))
        if group == MAINSTREAM:
            self._mainstream_at_census(setting, earliest_school)
        elif group == SPECIAL:
            entry = random_day(self.rng, support_start, support_start + dt.timedelta(days=240))
            entry = min(max(entry, self._nursery_start()), CENSUS_DATE - dt.timedelta(days=14))
            self._school_path_until(entry - dt.timedelta(days=1))
            self._stay(setting, entry)
        elif group in (ALTERNATIVE_PROVISION, ELSEWHERE, NOT_RECORDED):
            self._moved_out_of_school(setting, earliest_school)
        elif group == FURTHER_EDUCATION:
            self._further_education_at_census(setting)
        elif group == EARLY_YEARS:
            latest = CENSUS_DATE - dt.timedelta(days=7)
            start = max(add_years(self.birth_date, 1), CENSUS_DATE - dt.timedelta(days=540))
            self._stay(setting, random_day(self.rng, min(start, latest), latest))
        return self.stays

    def _nursery_start(self) -> dt.date:
        return max(september(self.reception - 1), add_years(self.birth_date, 2))

    def _mainstream_at_census(self, setting: str, earliest_school: dt.date) -> None:
        if self.age <= 3:
            start = max(self._nursery_start(), CENSUS_DATE - dt.timedelta(days=365))
            self._stay(setting, min(start, CENSUS_DATE - dt.timedelta(days=7)))
            return
        if self.age >= 11:
            secondary = september(self.reception + 7)
            self._school_path_until(secondary - dt.timedelta(days=1), resourced=setting)
            self._stay(setting, secondary)
            return
        if self.rng.random() < 0.12 and earliest_school.year < 2024:
            move = random_day(
                self.rng, add_years(earliest_school, 1), CENSUS_DATE - dt.timedelta(days=30)
            )
            self._school_path_until(move - dt.timedelta(days=1))
            self._stay(setting, move)
        else:
            self._stay(setting, earliest_school)

    def _moved_out_of_school(self, setting: str, earliest_school: dt.date) -> None:
        """AP, elective home education, NEET, other arrangements or no placement recorded."""
        if self.age <= 4:
            start = random_day(
                self.rng,
                max(add_years(self.birth_date, 2), CENSUS_DATE - dt.timedelta(days=500)),
                CENSUS_DATE - dt.timedelta(days=30),
            )
            if BY_COLUMN[setting].group != NOT_RECORDED:
                self._stay(setting, min(start, CENSUS_DATE - dt.timedelta(days=7)))
            return
        left = random_day(
            self.rng,
            max(earliest_school + dt.timedelta(days=60), CENSUS_DATE - dt.timedelta(days=900)),
            CENSUS_DATE - dt.timedelta(days=30),
        )
        special = 0.0 if BY_COLUMN[setting].group == ALTERNATIVE_PROVISION else 0.15
        self._school_path_until(left - dt.timedelta(days=1), special=special)
        if BY_COLUMN[setting].group != NOT_RECORDED:
            self._stay(setting, left)

    def _further_education_at_census(self, setting: str) -> None:
        post_16 = self.reception + 12
        if post_16 > 2024:  # under 16 in college: a recent move
            start = CENSUS_DATE - dt.timedelta(days=self.rng.randint(30, 300))
        else:
            start = september(min(2024, post_16 + self.rng.choice([0, 0, 0, 1, 2])))
        self._school_path_until(start - dt.timedelta(days=1), special=0.3)
        if (CENSUS_DATE - start).days > 3 * 365:  # a long time in FE: an earlier provider
            moved = september(self.rng.randint(max(start.year + 1, 2021), 2024))
            self._stay("general_fe_tertiary_colleges", start, moved - dt.timedelta(days=1))
            start = moved
        self._stay(setting, start)

    def _school_path_until(self, until: dt.date, resourced: str = "", special: float = 0.0):
        """Primary then secondary placements (closed) from Reception until a date; the secondary
        placement runs on through the sixth form. With chance `special`, one special school."""
        if self.rng.random() < special:
            start = max(self._nursery_start(), september(self.reception))
            if start <= until:
                self._stay("special_la_maintained", start, until)
            return
        primary = (
            self._resourced_or_plain(resourced, 8)
            if resourced
            else self.mix.mainstream(self.rng, 8)
        )
        secondary = september(self.reception + 7)
        start = max(september(self.reception), add_years(self.birth_date, 4))
        if start <= until:
            self._stay(primary, start, min(until, secondary - dt.timedelta(days=1)))
        if secondary <= until:
            self._stay(self.mix.mainstream(self.rng, 12), secondary, until)

    def _resourced_or_plain(self, setting: str, age: int) -> str:
        kind = BY_COLUMN[setting]
        if (kind.in_resourced_provision or kind.in_sen_unit) and self.rng.random() < 0.5:
            return setting
        return self.mix.mainstream(self.rng, age)

    def _stay(self, setting: str, start: dt.date, end: dt.date | None = None) -> None:
        age = age_in(self.age, start.year if start.month >= 9 else start.year - 1)
        detail = ""
        sen_setting = BY_COLUMN[setting].sen_setting
        if sen_setting in SETTING_DETAILS:
            detail = self.rng.choice(SETTING_DETAILS[sen_setting])
        self.stays.append(Stay(setting, start, end, phase_for(setting, max(age, 0)), detail))

    # --- after the census -----------------------------------------------------------------

    def current(self) -> Stay | None:
        return self.stays[-1] if self.stays and self.stays[-1].end is None else None

    def september_move(self, year: int, provision: str) -> str | None:
        """Move on in September `year` if the phase ends; returns 'leave' when support ends."""
        age = age_in(self.age, year)
        stay = self.current()
        group = BY_COLUMN[stay.setting].group if stay else NOT_RECORDED
        step = self._next_step(group, stay, age, provision)
        if step is None:
            return None
        if stay:
            stay.end = summer_end(year, stay.start)
        if step == "leave":
            return "leave"
        self._stay(step, september(year))
        return step

    def _next_step(self, group: str, stay: Stay | None, age: int, provision: str):
        pick = self.rng.random()
        if provision == "K" and (age >= 19 or (age in (16, 18) and pick < 0.5)):
            return "leave"
        if group == MAINSTREAM and stay.phase == "PRIMARY" and age == 11:
            return self.mix.mainstream(self.rng, age) if pick < 0.9 else "special_la_maintained"
        if group == MAINSTREAM and age == 16:
            return None if pick < 0.45 else "general_fe_tertiary_colleges" if pick < 0.9 else "neet"
        if group in (MAINSTREAM, ALTERNATIVE_PROVISION) and age == 18:
            return (
                "general_fe_tertiary_colleges" if pick < 0.5 else "leave" if pick < 0.8 else "neet"
            )
        if group == SPECIAL and age == 19:
            return (
                "specialist_post_16_institutions"
                if pick < 0.45
                else "general_fe_tertiary_colleges"
                if pick < 0.75
                else "leave"
            )
        if group == ALTERNATIVE_PROVISION and age == 16:
            return "general_fe_tertiary_colleges" if pick < 0.6 else "neet"
        if group == EARLY_YEARS and age >= 4:
            if pick < 0.8 or provision == "K":
                return self.mix.mainstream(self.rng, age)
            return "special_la_maintained"
        if group == FURTHER_EDUCATION and age >= 19 and pick < 0.25:
            return "leave"
        if group in (ELSEWHERE, NOT_RECORDED):
            return self._back_into_education(age, pick)
        return None

    def _back_into_education(self, age: int, pick: float):
        if age >= 16:
            return "leave" if pick < 0.3 else "general_fe_tertiary_colleges" if pick < 0.5 else None
        if age >= 4 and pick < 0.2:
            return self.mix.mainstream(self.rng, age)
        return None

    def end_all(self, day: dt.date) -> None:
        """Support ended: the open placement ends too; later ones never happened."""
        self.stays = [s for s in self.stays if s.start <= day]
        for stay in self.stays:
            if stay.end is None or stay.end > day:
                stay.end = day
