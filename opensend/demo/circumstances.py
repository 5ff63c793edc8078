"""Synthetic circumstances (CLA, CIN, CP, FSM, pupil premium, young carer, disability, known to
social care, home education), dated so the census shows realistic shares. Pure Python.

Shares on census day, by SEN provision: about 2.5% of children and young people with EHC plans
are looked after and eligible for free school meals about 40% (SEN support 35%); around half of
looked-after children and 40% of children in need have SEND.
"""

import datetime as dt
import random
from dataclasses import dataclass

from opensend.demo.journeys import (
    CENSUS_DATE,
    Stay,
    add_years,
    random_day,
    reception_year,
    september,
)

SHARE_ON_CENSUS_DAY = {
    "CLA": {"E": 0.032, "K": 0.014},  # of under-18s: about 2.5% and 1.1% of all
    "CIN": {"E": 0.08, "K": 0.05},
    "CP": {"E": 0.015, "K": 0.01},
    "YC": {"E": 0.02, "K": 0.02},
    "FSM": {"E": 0.40, "K": 0.35},
}
DISABILITY_NEEDS = {"PD", "VI", "HI", "MSI", "PMLD", "SLD"}
DISABLED_SHARE = {(True, "E"): 0.8, (False, "E"): 0.15, (True, "K"): 0.3, (False, "K"): 0.03}
TEAM_AREAS = ["North East", "North West", "South East", "South West", "East", "West", "City"]


@dataclass
class Fact:
    """A dated fact: an SEN status (kind E or K) or a circumstance."""

    kind: str
    start: dt.date
    end: dt.date | None = None
    detail: str = ""


class CircumstanceMaker:
    def __init__(self, rng: random.Random, la_name: str, today: dt.date):
        self.rng = rng
        self.la_name = la_name
        self.today = today

    def _chance(self, kind: str, provision: str) -> bool:
        return self.rng.random() < SHARE_ON_CENSUS_DAY[kind][provision]

    def _start(self, birth_date: dt.date, most_days_before: int, least: int = 14) -> dt.date:
        earliest = max(
            birth_date + dt.timedelta(days=30), CENSUS_DATE - dt.timedelta(days=most_days_before)
        )
        return random_day(self.rng, earliest, CENSUS_DATE - dt.timedelta(days=least))

    def _maybe_ended_since(self, share: float) -> dt.date | None:
        if self.today > CENSUS_DATE and self.rng.random() < share:
            return random_day(self.rng, CENSUS_DATE + dt.timedelta(days=1), self.today)
        return None

    def team(self, kind: str, age: int, disabled: bool) -> str:
        if kind == "CLA":
            return "Leaving Care team" if age >= 16 else "Children Looked After team"
        if disabled:
            return "Disabled Children's Team"
        area = self.rng.choice(TEAM_AREAS)
        return f"{self.la_name} Children's Social Work Service, {area} team"

    def free_school_meals(self, provision: str, age: int, birth_date: dt.date) -> list[Fact]:
        if not 4 <= age <= 18 or not self._chance("FSM", provision):
            return []
        start = max(self._start(birth_date, 5 * 365), september(reception_year(age)))
        end = self._maybe_ended_since(0.15)
        return [Fact("FSM", start, end), Fact("PP", start, end)]

    def looked_after(self, provision: str, age: int, birth_date: dt.date) -> list[Fact]:
        if age >= 18 or not self._chance("CLA", provision):  # care ends at 18
            return []
        start = self._start(birth_date, 6 * 365, 30)
        adult = add_years(birth_date, 18)
        end = self._maybe_ended_since(0.1) or (max(adult, start) if adult <= self.today else None)
        facts = [Fact("CLA", start, end)]
        if age <= 15:
            facts.append(Fact("PP", start, end))
        return facts

    def all_for(
        self,
        *,
        provision: str,
        need: str,
        age: int,
        birth_date: dt.date,
        support_start: dt.date,
        stays: list[Stay],
        minimal: bool,
    ) -> list[Fact]:
        """Circumstances of someone with this SEN provision on census day."""
        facts = self.free_school_meals(provision, age, birth_date)
        facts += self.looked_after(provision, age, birth_date)
        if minimal:
            return facts
        disabled = self.rng.random() < DISABLED_SHARE[(need in DISABILITY_NEEDS, provision)]
        if disabled:
            facts.append(Fact("DIS", support_start))
        if age <= 17 and not any(f.kind == "CLA" for f in facts) and self._chance("CIN", provision):
            facts.append(
                Fact("CIN", self._start(birth_date, 3 * 365), self._maybe_ended_since(0.3))
            )
            share = SHARE_ON_CENSUS_DAY["CP"][provision] / SHARE_ON_CENSUS_DAY["CIN"][provision]
            if self.rng.random() < share:
                facts.append(
                    Fact("CP", self._start(birth_date, 600, 30), self._maybe_ended_since(0.4))
                )
        social_care = [f for f in facts if f.kind in ("CLA", "CIN", "CP")]
        if social_care:
            first = min(social_care, key=lambda f: f.start)
            facts.append(Fact("CSC", first.start, first.end, self.team(first.kind, age, disabled)))
        if age >= 8 and self._chance("YC", provision):
            facts.append(Fact("YC", self._start(birth_date, 1000, 60)))
        facts += [
            Fact("EHE", s.start, s.end) for s in stays if s.setting == "elective_home_education"
        ]
        return facts


def clip(facts: list, end: dt.date | None) -> list:
    """Facts as they stand when support ended on `end`: later ones dropped, open ones closed."""
    if end is None:
        return facts
    kept = [f for f in facts if f.start <= end]
    for fact in kept:
        if fact.end is None or fact.end > end:
            fact.end = end
    return kept
