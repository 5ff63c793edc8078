"""One synthetic partnership's children and young people, with every dated fact. Pure Python.

`synthesise_partnership` follows the plans from `calibration`: one person per planned EHC plan
and SEN support place on census day (16 January 2025), each with the age, setting, primary need,
sex, ethnicity and years in plan the plan gives, then history before the census (earlier SEN
support, needs and placements) and life after it up to today (phase moves each September,
plans ceasing, SEN support becoming plans, new SEN support). A few people whose plans ceased in
2024 are added too. Nothing here changes who is on the register on census day.
"""

import datetime as dt
import random
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from opensend.core import codelists
from opensend.core.dates import age_on
from opensend.core.identifiers import make_uln, make_upn
from opensend.demo.calibration import (
    YEARS_IN_PLAN,
    PlanCell,
    RegisterPlan,
    mainstream_mix,
    plan_ehc_register,
    plan_sen_support,
)
from opensend.demo.casework_figures import LATEST_YEAR, casework_for
from opensend.demo.circumstances import CircumstanceMaker, Fact, clip
from opensend.demo.establishments import (
    EstablishmentPools,
    Identifiers,
    SyntheticEstablishment,
    design_establishments,
)
from opensend.demo.journeys import (
    CENSUS_DATE,
    MAINSTREAM_TYPES,
    Journey,
    SchoolMix,
    Stay,
    add_years,
    random_day,
    reception_year,
    september,
    summer_end,
)
from opensend.demo.names import NamePools
from opensend.demo.postcodes import districts_for, synthetic_postcode
from opensend.demo.published import NEED_UNKNOWN, LocalAuthority, Targets, ages_in
from opensend.demo.school_records import ExclusionEvent, SchoolRecordMaker, TermAttendance
from opensend.returns.sen2.settings_lookup import BY_COLUMN

MAX_PLAN_AGE = 25  # plans end with the academic year in which the young person turns 25

BECOMES_EHC_PER_YEAR = 0.075  # SEN support to EHC plan, where the LA publishes no new plans
NEW_SEN_SUPPORT_PER_YEAR = 0.09  # children newly identified, per child on SEN support
PLAN_ENDS_PER_YEAR = 0.03  # moved away or transferred to another LA
EARLIER_SEN_SUPPORT = 0.6  # plans that followed a period of SEN support
NEED_CHANGED = 0.15  # primary need first recorded as SLCN, later diagnosed otherwise
SECOND_NEED = {"E": 0.35, "K": 0.2}
SECOND_NEEDS = {
    "ASD": ["SLCN", "SEMH", "MLD", "SPLD"],
    "SEMH": ["ASD", "SLCN", "SPLD"],
    "SLCN": ["ASD", "SEMH", "MLD"],
    "MLD": ["SLCN", "SPLD", "SEMH"],
    "SPLD": ["SLCN", "SEMH"],
    "SLD": ["PD", "SLCN", "ASD"],
    "PMLD": ["PD", "VI", "HI"],
    "PD": ["MLD", "SLCN", "VI"],
    "HI": ["SLCN", "MLD"],
    "VI": ["PD", "MLD"],
    "MSI": ["PD", "SLCN"],
    "OTH": ["SLCN", "SEMH"],
}
ULN_FROM_AGE = 14
ETHNICITY_CODES: dict[str, list[str]] = defaultdict(list)
for _code, _group in codelists.ETHNICITY_GROUPS.items():
    ETHNICITY_CODES[_group].append(_code)


@dataclass
class NeedFact:
    need: str
    rank: int
    start: dt.date
    end: dt.date | None = None


# Types of need an EHC needs assessment finds where SEN support had none assessed (NSA), in
# the order of how common they are among new plans; chosen by birthday so no random draw moves.
ASSESSED_NEEDS = ("ASD", "SEMH", "SLCN", "ASD", "SPLD", "MLD", "SLCN", "SEMH", "PD", "SLD")


def give_assessed_need(person: "SyntheticPerson", day: dt.date) -> None:
    """From `day` (a plan's start), an SEN support need not yet assessed (NSA, a school census
    code that SEN2 never uses) gives way to an assessed type of need."""
    assessed = ASSESSED_NEEDS[person.birth_date.toordinal() % len(ASSESSED_NEEDS)]
    for need in list(person.needs):
        if need.need == "NSA" and (need.end is None or need.end >= day) and need.start < day:
            need.end = day - dt.timedelta(days=1)
            person.needs.append(NeedFact(assessed, need.rank, day))
        elif need.need == "NSA" and need.start >= day:
            need.need = assessed


@dataclass
class SyntheticPerson:
    forename: str
    middle_names: str
    surname: str
    sex: str
    ethnicity: str
    birth_date: dt.date
    postcode: str
    upn: str = ""
    uln: str = ""
    upn_unknown: str = ""
    local_id: str = ""
    statuses: list[Fact] = field(default_factory=list)
    needs: list[NeedFact] = field(default_factory=list)
    stays: list[Stay] = field(default_factory=list)
    circumstances: list[Fact] = field(default_factory=list)
    attendance: list[TermAttendance] = field(default_factory=list)
    exclusions: list[ExclusionEvent] = field(default_factory=list)


@dataclass(frozen=True)
class Profile:
    """What the plan says about one person on census day."""

    provision: str
    age: str
    setting: str
    need: str
    sex: str
    ethnicity_group: str
    years_in_plan: str = ""


@dataclass
class SyntheticPartnership:
    local_authority: LocalAuthority
    establishments: list[SyntheticEstablishment]
    people: list[SyntheticPerson]
    cases: list = field(default_factory=list)  # casework_history.Case


def _deal(rng: random.Random, counts: dict[str, int]) -> list[str]:
    cards = [key for key, n in counts.items() for _ in range(n)]
    rng.shuffle(cards)
    return cards


def profiles(plan: RegisterPlan, rng: random.Random) -> list[Profile]:
    """One profile per planned person; every breakdown of the plan is kept exactly."""
    cells = [(c.age, c.setting, c.need) for c in plan.cells for _ in range(c.count)]
    rng.shuffle(cells)
    sexes = {need: _deal(rng, counts) for need, counts in plan.sex_by_need.items()}
    ethnicities = _deal(rng, plan.ethnicity)
    years = {age: _deal(rng, counts) for age, counts in plan.years_by_age.items()}
    return [
        Profile(
            plan.provision,
            age,
            setting,
            need,
            sexes[need].pop(),
            ethnicities.pop(),
            years[age].pop() if years else "",
        )
        for age, setting, need in cells
    ]


def school_mix(plan: RegisterPlan) -> SchoolMix:
    """The LA's state mainstream school types by phase, from where its EHC pupils are."""
    types = tuple(MAINSTREAM_TYPES)
    return SchoolMix(mainstream_mix(plan, 8, types), mainstream_mix(plan, 12, types))


class PartnershipSynthesiser:
    def __init__(
        self,
        la: LocalAuthority,
        *,
        seed: int,
        today: dt.date,
        names: NamePools,
        identifiers: Identifiers,
        minimal: bool = False,
    ):
        self.la = la
        self.today = today
        self.names = names
        self.identifiers = identifiers
        self.minimal = minimal
        self.seed = seed
        self.rng = random.Random(f"opensend-demo:{seed}:{la.code}")
        self.casework = casework_for(la.code).year(LATEST_YEAR)
        self.becomes_ehc_per_year = BECOMES_EHC_PER_YEAR
        self.districts = districts_for(la.code, la.region)
        self.circumstances = CircumstanceMaker(self.rng, la.name, today)
        self.school_records = SchoolRecordMaker(self.rng, today)
        self.mix = SchoolMix()

    def synthesise(self, ehc: RegisterPlan, sen_support: RegisterPlan) -> SyntheticPartnership:
        from opensend.demo.casework_history import make_history

        self.mix = school_mix(ehc)
        if sen_support.total:  # new plans each year after the census as in the latest year
            self.becomes_ehc_per_year = min(0.2, self.casework["new_ehc_plans"] / sen_support.total)
        people = [self.person(p) for p in profiles(ehc, self.rng)]
        starts = sum(1 for p in people if p and p.statuses[-1].start.year == LATEST_YEAR)
        people += [self.person(p) for p in profiles(sen_support, self.rng)]
        people += self.ceased_before_census(ehc, self.casework["new_ehc_plans"] - starts)
        people += self.new_sen_support(sen_support.total)
        history = make_history(
            people,
            casework_for(self.la.code),
            la_code=self.la.code,
            neighbours=self.la.statistical_neighbours,
            rng=random.Random(f"opensend-demo-casework:{self.seed}:{self.la.code}"),
            today=self.today,
            extra_person=self.request_person,
        )
        people += history.extra_people
        pools = self.establishments(people)
        for number, person in enumerate(people):
            self.identify(person, number)
            for stay in person.stays:
                if BY_COLUMN[stay.setting].establishment_type:
                    stay.establishment = pools.choose(self.rng, stay.setting, stay.phase)
        return SyntheticPartnership(self.la, pools.establishments, people, history.cases)

    def request_person(self, requested: dt.date) -> SyntheticPerson:
        """Someone with no SEN status whose request for an assessment came to nothing."""
        age = self.rng.choices(range(2, 17), weights=[3, 4, 5, 5, 5, 5, 5, 5, 5, 4, 4, 3, 3, 2, 2])[
            0
        ]
        profile = Profile("K", f"age {age}", "", "SLCN", self.rng.choice("MMF"), "")
        person = self._new_person(profile, age)
        person.birth_date = add_years(person.birth_date, requested.year - 2024)
        return person

    # --- one person -----------------------------------------------------------------------

    def _age(self, label: str) -> int:
        ages = list(ages_in(label))
        return self.rng.choices(ages, weights=[1, 3, 6])[0] if len(ages) == 3 else ages[0]

    def _new_person(self, profile: Profile, age: int) -> SyntheticPerson:
        first = dt.date(2023 - age, 9, 1)
        birth = random_day(self.rng, first, dt.date(2024 - age, 8, 31))
        codes = ETHNICITY_CODES[profile.ethnicity_group] or ["NOBT"]
        forename, middle, surname = self.names.person(self.rng, profile.sex)
        return SyntheticPerson(
            forename,
            middle,
            surname,
            profile.sex,
            self.rng.choice(codes),
            birth,
            synthetic_postcode(self.rng, self.districts),
        )

    def person(self, profile: Profile, ceased_in_2024: bool = False) -> SyntheticPerson | None:
        """Someone with `profile` on census day (or whose plan ceased in 2024), with their
        history and life since."""
        age = self._age(profile.age)
        person = self._new_person(profile, age)
        person.statuses = self._statuses(profile, person.birth_date)
        support = next(s.start for s in person.statuses if s.kind == profile.provision)
        journey = Journey(self.rng, self.mix, age, person.birth_date)
        journey.before_census(profile.setting, support)
        person.needs = self._needs(profile, person.statuses[0].start)
        if not ceased_in_2024:
            self._after_census(person, journey, age, start=CENSUS_DATE)
        elif not self._cease_in_2024(person, journey):
            return None
        self._records(person, profile, age, journey)
        return person

    def _cease_in_2024(self, person: SyntheticPerson, journey: Journey) -> bool:
        latest_start = max([s.start for s in journey.stays] + [person.statuses[-1].start])
        first = max(latest_start + dt.timedelta(days=1), dt.date(2024, 1, 1))
        last = dt.date(2024, 12, 31)
        if first > last:
            return False
        self._end_support(person, journey, random_day(self.rng, first, last))
        return True

    def _statuses(self, profile: Profile, birth: dt.date) -> list[Fact]:
        if profile.provision == "K":
            latest = CENSUS_DATE - dt.timedelta(days=7)
            earliest = min(
                latest, max(add_years(birth, 2), CENSUS_DATE - dt.timedelta(days=6 * 365))
            )
            return [Fact("K", random_day(self.rng, earliest, latest))]
        plan_start = self._plan_start(profile.years_in_plan, birth)
        statuses = [Fact("E", plan_start)]
        if plan_start >= add_years(birth, 3) and self.rng.random() < EARLIER_SEN_SUPPORT:
            support = plan_start - dt.timedelta(days=self.rng.randint(180, 1100))
            support = max(support, add_years(birth, 2))
            if support < plan_start - dt.timedelta(days=30):
                statuses.insert(0, Fact("K", support, plan_start - dt.timedelta(days=1)))
        return statuses

    def _plan_start(self, years_label: str, birth: dt.date) -> dt.date:
        """A start date `years` calendar years before the census year, after birth."""
        years = YEARS_IN_PLAN.get(years_label, 1)
        if years == 0:
            first, last = dt.date(2025, 1, 1), CENSUS_DATE
        else:
            year = self.rng.randint(2008, 2013) if years == 12 else 2025 - years
            first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
        first = max(first, birth + dt.timedelta(days=60))
        return min(random_day(self.rng, first, max(first, last)), CENSUS_DATE)

    def _needs(self, profile: Profile, start: dt.date) -> list[NeedFact]:
        if profile.need == NEED_UNKNOWN:
            return []
        needs = []
        latest_change = CENSUS_DATE - dt.timedelta(days=30)
        if (
            profile.need in ("ASD", "SEMH", "MLD", "SPLD")
            and self.rng.random() < NEED_CHANGED
            and start + dt.timedelta(days=180) < latest_change
        ):
            changed = random_day(self.rng, start + dt.timedelta(days=180), latest_change)
            if changed > start + dt.timedelta(days=30):
                needs.append(NeedFact("SLCN", 1, start, changed - dt.timedelta(days=1)))
                start = changed
        needs.append(NeedFact(profile.need, 1, start))
        second = SECOND_NEEDS.get(profile.need)
        if second and self.rng.random() < SECOND_NEED[profile.provision]:
            needs.append(NeedFact(self.rng.choice(second), 2, start))
        return needs

    def _records(self, person: SyntheticPerson, profile: Profile, age: int, journey: Journey):
        person.stays = journey.stays
        support_end = person.statuses[-1].end
        person.circumstances = clip(
            self.circumstances.all_for(
                provision=profile.provision,
                need=profile.need,
                age=age,
                birth_date=person.birth_date,
                support_start=person.statuses[0].start,
                stays=person.stays,
                minimal=self.minimal,
            ),
            support_end,
        )
        person.needs = clip(person.needs, support_end)
        if not self.minimal:
            person.attendance = self.school_records.attendance(profile.provision, age, person.stays)
            person.exclusions = self.school_records.exclusions(
                profile.provision, profile.need, age, person.stays
            )

    # --- after the census -----------------------------------------------------------------

    def _date_within(self, per_year: float, after: dt.date) -> dt.date | None:
        """A day after `after` (up to today) when something with this yearly chance happened."""
        years = max(0, (self.today - after).days) / 365.25
        if years and self.rng.random() < 1 - (1 - per_year) ** years:
            return random_day(self.rng, after + dt.timedelta(days=1), self.today)
        return None

    def _after_census(
        self, person: SyntheticPerson, journey: Journey, age: int, start: dt.date
    ) -> None:
        events = []
        if person.statuses[-1].kind == "K":
            events.append((self._date_within(self.becomes_ehc_per_year, start), "plan"))
        events.append((self._date_within(PLAN_ENDS_PER_YEAR, start), "moved"))
        year = start.year if start < september(start.year) else start.year + 1
        while september(year) <= self.today:
            events.append((september(year), year))
            year += 1
        for day, event in sorted((e for e in events if e[0]), key=lambda e: e[0]):
            status = person.statuses[-1]
            if event == "plan" and status.kind == "K":
                status.end = day - dt.timedelta(days=1)
                person.statuses.append(Fact("E", day))
                give_assessed_need(person, day)
            elif event == "moved" and status.kind == "E":
                self._end_support(person, journey, day)
                return
            elif isinstance(event, int):
                leaves = journey.september_move(event, status.kind) == "leave"
                # a plan ends with the academic year in which the young person turns 25
                aged_out = age_on(person.birth_date, dt.date(event, 8, 31)) >= MAX_PLAN_AGE
                if leaves or (aged_out and status.kind == "E"):
                    self._end_support(person, journey, summer_end(event, status.start))
                    return

    def _end_support(self, person: SyntheticPerson, journey: Journey, day: dt.date) -> None:
        person.statuses = clip(person.statuses, day)
        journey.end_all(day)

    def ceased_before_census(
        self, ehc: RegisterPlan, short_of_new_plans: int = 0
    ) -> list[SyntheticPerson]:
        """People whose plans ceased during 2024 (as many as the LA published): mostly young
        people leaving education. If the census-day register has fewer plans that started in
        2024 than the LA's published new plans, some of these plans started in 2024 too."""
        older = [c for c in ehc.cells if min(ages_in(c.age)) >= 16]
        people: list[SyntheticPerson] = []
        wanted = max(self.casework["total_ceased"], short_of_new_plans)
        attempts = 0
        while len(people) < wanted and attempts < 3 * wanted + 10:
            attempts += 1
            started_2024 = len(people) < short_of_new_plans
            cells = older if older and self.rng.random() < 0.8 and not started_2024 else ehc.cells
            cell = self.rng.choices(cells, weights=[c.count for c in cells])[0]
            person = self._ceased(cell, ehc, started_2024)
            if person:
                people.append(person)
        return people

    def _ceased(
        self, cell: PlanCell, ehc: RegisterPlan, started_2024: bool = False
    ) -> SyntheticPerson | None:
        sexes = ehc.sex_by_need[cell.need]
        profile = Profile(
            "E",
            cell.age,
            cell.setting,
            cell.need,
            self.rng.choices(list(sexes), weights=list(sexes.values()))[0],
            self.rng.choices(list(ehc.ethnicity), weights=list(ehc.ethnicity.values()))[0],
            "1" if started_2024 else self.rng.choice(["2", "3", "4", "5", "6", "7"]),
        )
        return self.person(profile, ceased_in_2024=True)

    def new_sen_support(self, sen_support_total: int) -> list[SyntheticPerson]:
        """Children first given SEN support after the census, mostly young."""
        years = max(0, (self.today - CENSUS_DATE).days) / 365.25
        people = []
        for _ in range(round(NEW_SEN_SUPPORT_PER_YEAR * sen_support_total * years)):
            age = self.rng.choices(range(1, 9), weights=[2, 3, 3, 3, 2, 2, 1.5, 1])[0]
            profile = Profile(
                "K",
                f"age {age}",
                "mainstream_la_maintained",
                self.rng.choice(["SLCN", "SLCN", "SEMH", "MLD", "ASD", "SPLD"]),
                self.rng.choice(["M", "M", "F"]),
                "White - White British",
            )
            person = self._new_person(profile, age)
            start = random_day(
                self.rng,
                max(CENSUS_DATE + dt.timedelta(days=1), add_years(person.birth_date, 2)),
                self.today,
            )
            if start > self.today:
                continue
            person.statuses = [Fact("K", start)]
            journey = Journey(self.rng, self.mix, age, person.birth_date)
            if start < september(reception_year(age)):
                journey.stays.append(Stay("nm_early_years", start, None, "NURSERY"))
            else:
                journey.before_census(self.mix.mainstream(self.rng, 8), start)
            person.needs = self._needs(profile, start)
            self._after_census(person, journey, age, start=start)
            self._records(person, profile, age, journey)
            people.append(person)
        return people

    # --- the partnership ------------------------------------------------------------------

    def establishments(self, people: list[SyntheticPerson]) -> EstablishmentPools:
        demand: Counter = Counter()
        for person in people:
            for stay in person.stays:
                if stay.start <= CENSUS_DATE and (stay.end is None or stay.end >= CENSUS_DATE):
                    demand[(stay.setting, stay.phase)] += 1
        return design_establishments(
            demand,
            la_code=self.la.code,
            neighbours=self.la.statistical_neighbours,
            districts=self.districts,
            identifiers=self.identifiers,
            rng=self.rng,
        )

    def identify(self, person: SyntheticPerson, number: int) -> None:
        """UPN for anyone who has been at school or is of school age; ULN from 14; otherwise
        the SEN2 'UPN unknown' reason."""
        age = 2024 - person.birth_date.year - (person.birth_date.month >= 9)
        at_school = any(
            BY_COLUMN[s.setting].is_school and s.phase != "NURSERY" for s in person.stays
        )
        person.local_id = f"{self.la.code}{number:06d}"
        if age >= 5 or at_school:
            if self.rng.random() < 0.005:
                person.upn_unknown = "UN8"  # new to the LA: UPN not yet known
            else:
                year = min(reception_year(age), 2025)
                person.upn = make_upn(int(self.la.code), 1000 + number // 1000, year, number)
        else:
            person.upn_unknown = "UN1"
        gets_uln = age >= ULN_FROM_AGE and self.rng.random() < 0.85
        if gets_uln and not person.upn_unknown:  # UN8 says the ULN is not known yet either
            person.uln = self._next_uln()

    def _next_uln(self) -> str:
        while True:
            uln = make_uln(self.identifiers.next_uln)
            self.identifiers.next_uln += 1
            if uln:
                return uln


def synthesise_partnership(
    la: LocalAuthority,
    ehc: RegisterPlan,
    sen_support: RegisterPlan,
    *,
    seed: int,
    today: dt.date,
    names: NamePools,
    identifiers: Identifiers,
    minimal: bool = False,
) -> SyntheticPartnership:
    synthesiser = PartnershipSynthesiser(
        la, seed=seed, today=today, names=names, identifiers=identifiers, minimal=minimal
    )
    return synthesiser.synthesise(ehc, sen_support)


@dataclass
class Synthesised:
    """An LA's synthetic register, how many were planned on census day, and the identifiers
    left for the next partnership."""

    partnership: SyntheticPartnership
    ehc_plans: int
    sen_support: int
    identifiers: Identifiers


def plan_and_synthesise(
    targets: Targets,
    *,
    seed: int,
    today: dt.date,
    names: NamePools,
    identifiers: Identifiers,
    minimal: bool = False,
) -> Synthesised:
    """Plan an LA's register from its published figures and make its people. Pure, so an
    England-sized run can do it in another process while the database writes the last LA."""
    ehc = plan_ehc_register(targets.figures, targets.england)
    sen_support = plan_sen_support(ehc)
    partnership = synthesise_partnership(
        targets.local_authority,
        ehc,
        sen_support,
        seed=seed,
        today=today,
        names=names,
        identifiers=identifiers,
        minimal=minimal,
    )
    return Synthesised(partnership, ehc.total, sen_support.total, identifiers)
