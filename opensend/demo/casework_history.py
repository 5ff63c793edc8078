"""Ten years of EHC casework for a synthetic partnership, following the LA's published figures.
Pure Python.

Every EHC plan period on the register (`SyntheticPerson.statuses` of kind E) becomes a case:
plans from before 2015 are historical, some starts are transfers in, the rest were issued after
a request and assessment whose length follows the LA's published 20-week timeliness for the
year of issue. Requests that did not lead to a plan (not assessed, withdrawn, not issued, still
in progress today) go to people on SEN support, so requests received in each year and their
outcomes follow DfE's counts. Plans are reviewed every year, amended for phase transfers, and
cease on the day their E status ends, for the LA's published mix of reasons. Requests decided
to assess and still open at a year's end get their plan later: issued after census day, the
person gains an E status from then (`gains_plan`). Nothing changes anyone's SEN status on or
before census day: the register on census day stays as it was calibrated.
"""

import datetime as dt
import random
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from opensend.casework import clock
from opensend.core.codelists import PLAN_ONLY_EXCLUDED_SETTINGS
from opensend.demo.calibration import apportion
from opensend.demo.casework_figures import (
    LATEST_YEAR,
    CaseworkFigures,
    CaseworkYear,
    casework_for,
)
from opensend.demo.circumstances import Fact
from opensend.demo.establishments import SyntheticEstablishment
from opensend.demo.journeys import CENSUS_DATE, Stay, add_years, random_day, september
from opensend.demo.published import NATIONAL_CODE
from opensend.demo.synthesis import SyntheticPerson, give_assessed_need
from opensend.returns.sen2.settings_lookup import BY_COLUMN

FIRST_YEAR = 2015  # casework recorded from here; earlier plans are historical
BACKLOG_DAYS = 730  # requests beyond the LA's capacity wait in assessment up to two years
TRANSFER_IN_SHARE = 0.03  # plan starts that were transfers in, where nothing else says
BANDS = ("within_20", "20_to_52", "over_52")
BAND_DAYS = {"within_20": (70, 140), "20_to_52": (141, 364), "over_52": (365, 700)}
BAND_COLUMNS = {
    "within_20": ("plans_issued_within_20_weeks", "plans_issued_20_weeks_ex"),
    "20_to_52": ("plans_issued_gt20weeks_ltYear", "plans_issued_gt20weeks_ltYear_ex"),
    "over_52": ("plans_issued_gt_1_year", "plans_issued_gt_1_year_ex"),
}
ADVICE = ("EP", "HEALTH", "SOCIAL_CARE", "EDUCATION")
EXCEPTIONS = ("PERSONAL", "AWAY", "MISSED", "SCHOOL_CLOSED")
SOURCES = {"1": 40, "2": 45, "3": 8, "4": 4, "5": 3}
# Published cease reason columns, oldest-leaning first, and the SEN2 reason each counts.
CEASE_COLUMNS = {
    "max_age": "1",
    "employ": "4",
    "he": "3",
    "no_engage": "6",
    "needs_met": "2",
    "other": "9",
    "deceased": "8",
    "moved_outside_eng": "7",
    "transfer": "5",
}
REVIEW_CATEGORIES = {
    "m24": "review_meeting_24",
    "prior": "review_meeting_prior_24",
    "m25": "review_meeting_25",
    "none": "no_review_meeting",
}
OUTCOMES = {"A": "outcome_amend", "C": "outcome_cease", "M": "outcome_maintan", "": "no_outcome"}
MEDIATION_OUTCOMES = {"AGREED": 45, "PARTLY": 20, "NOT_AGREED": 25, "DECLINED": 10}
TRIBUNAL_OUTCOMES = {"UPHELD": 50, "PARTLY": 15, "DISMISSED": 5, "CONCEDED": 15, "WITHDRAWN": 15}


@dataclass
class Advice:
    kind: str
    requested_on: dt.date
    returned_on: dt.date | None


@dataclass
class Dispute:
    decision: str
    decision_on: dt.date
    mediation_on: dt.date | None = None
    mediation_outcome: str = ""
    certificate_on: dt.date | None = None
    appeal_registered_on: dt.date | None = None
    hearing_on: dt.date | None = None
    tribunal_outcome: str = ""
    tribunal_outcome_on: dt.date | None = None
    closed_on: dt.date | None = None


@dataclass
class Review:
    due_on: dt.date
    meeting_on: dt.date | None = None
    report_sent_on: dt.date | None = None
    decision_on: dt.date | None = None
    outcome: str = ""
    amendment_draft_on: dt.date | None = None
    amended_plan_issued_on: dt.date | None = None


@dataclass
class PhaseTransfer:
    move: str
    transfer_year: int
    deadline: dt.date
    next_stay: Stay | None  # its establishment is chosen after the history is made
    issued_on: dt.date | None

    @property
    def next_setting(self) -> SyntheticEstablishment | None:
        return self.next_stay.establishment if self.next_stay is not None else None


@dataclass
class NamedSetting:
    """The setting named in a plan: the stay it names (its establishment is chosen after the
    history is made, so it is read from the stay when the plan is saved), or an SEN2 code."""

    stay: Stay | None
    sen_setting: str
    in_sen_unit: bool
    in_resourced_provision: bool

    @property
    def establishment(self) -> SyntheticEstablishment | None:
        return self.stay.establishment if self.stay is not None else None


@dataclass
class Plan:
    issued_on: dt.date
    draft_sent_on: dt.date | None = None
    ceased_on: dt.date | None = None
    cease_reason: str = ""
    named: NamedSetting | None = None
    reviews: list[Review] = field(default_factory=list)
    transfers: list[PhaseTransfer] = field(default_factory=list)
    next_review_due_on: dt.date | None = None


@dataclass
class Case:
    """One request (or transferred-in or historical plan) and what followed."""

    person: SyntheticPerson
    kind: str  # Request.Kind value
    received_on: dt.date | None
    outcome: str = "H"  # request outcome
    decided_on: dt.date | None = None
    source: str = ""
    transferred_from_la: str = ""
    exported_to_la: str = ""
    exported_on: dt.date | None = None
    assessment_outcome: str = ""  # "" when there is no assessment
    assessment_on: dt.date | None = None
    exception: str = ""
    reassessment_draft_on: dt.date | None = None  # the draft amended plan of a re-assessment
    plan: Plan | None = None
    reassessed: "Case | None" = None
    advice: list[Advice] = field(default_factory=list)
    disputes: list[Dispute] = field(default_factory=list)
    band: str = ""  # for initial plans: the 20-week band of the issue
    moved_to_la: str = ""  # plan ceased on moving to this LA (reason 5)
    undecided_at_census: bool = False  # decided after the next January's return date


@dataclass
class CaseworkHistory:
    cases: list[Case]
    extra_people: list[SyntheticPerson]


def deal(rng: random.Random, total: int, weights: Mapping[str, float]) -> list[str]:
    """`total` labels in proportion to `weights`, exactly (largest remainder), shuffled."""
    if total <= 0:
        return []
    if sum(weights.values()) <= 0:
        weights = {next(iter(weights)): 1.0}
    counts = apportion(total, list(weights.values()))
    cards = [label for label, n in zip(weights, counts, strict=True) for _ in range(n)]
    rng.shuffle(cards)
    return cards


def census_day(year: int) -> dt.date:
    """The SEN2 reference date in January of `year` (third Thursday; 16 Jan 2025)."""
    return CENSUS_DATE if year == 2025 else dt.date(year, 1, 16)


def academic_year_of_birth(birth: dt.date) -> int:
    return birth.year if birth.month >= 9 else birth.year - 1


def age_on(birth: dt.date, day: dt.date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def gains_plan(person: SyntheticPerson, issued: dt.date) -> None:
    """`person` has an EHC plan from `issued` (after census day): SEN statuses from then on
    give way to it."""
    assert issued > CENSUS_DATE
    kept = []
    for status in person.statuses:
        if status.start >= issued:
            continue
        if status.end is None or status.end >= issued:
            status.end = issued - dt.timedelta(days=1)
        kept.append(status)
    person.statuses = [*kept, Fact("E", issued)]
    give_assessed_need(person, issued)


def plan_of(case: Case) -> Plan:
    assert case.plan is not None
    return case.plan


def stay_on(person: SyntheticPerson, day: dt.date) -> Stay | None:
    current = [s for s in person.stays if s.start <= day and (s.end is None or s.end >= day)]
    if current:
        return current[0]
    later = [s for s in person.stays if s.start > day]
    return min(later, key=lambda s: s.start) if later else None


class HistoryMaker:
    def __init__(
        self,
        figures: CaseworkFigures,
        *,
        la_code: str,
        neighbours: tuple[str, ...],
        rng: random.Random,
        today: dt.date,
        extra_person: Callable[[dt.date], SyntheticPerson],
    ):
        self.figures = figures
        self.la_code = la_code
        self.neighbours = [n for n in neighbours if n and n != la_code]
        if not self.neighbours:  # every LA in data/reference has ten
            raise ValueError(f"LA {la_code} needs statistical neighbours for transfers")
        self.rng = rng
        self.today = today
        self.extra_person = extra_person
        self.extra: list[SyntheticPerson] = []
        self.cases: list[Case] = []
        latest = figures.year(LATEST_YEAR)
        slow = latest.share(
            "plans_issued_gt_1_year",
            "plans_issued_within_20_weeks",
            "plans_issued_gt20weeks_ltYear",
            "plans_issued_gt_1_year",
        )
        self.late_advice = 0.15 + 0.5 * slow
        self.late_transfer = 0.1 + 0.4 * slow
        self.review_decision_in_4_weeks = latest.share(
            "number_decsion_4weeks", "number_decsion_4weeks", "number_decision_gt_4weeks"
        )
        meetings = latest["total_review_meeting"] or 1
        self.review_late = latest["review_meeting_prior_24"] / meetings
        self.outcome_mix = {k: latest[c] for k, c in OUTCOMES.items() if k}
        if not sum(self.outcome_mix.values()):  # LAs that published no review outcomes
            england = casework_for(NATIONAL_CODE).year(LATEST_YEAR)
            self.outcome_mix = {k: england[c] for k, c in OUTCOMES.items() if k}

    # --- the whole history ---------------------------------------------------------------

    def make(self, people: list[SyntheticPerson]) -> CaseworkHistory:
        periods = [(p, s) for p in people for s in p.statuses if s.kind == "E"]
        by_year: dict[int, list[tuple[SyntheticPerson, Fact]]] = defaultdict(list)
        for person, status in periods:
            if status.start < dt.date(FIRST_YEAR, 1, 1):
                case = self._historical(person, status.start)
                assert case.plan
                case.plan.ceased_on = status.end
                self.cases.append(case)
            else:
                by_year[status.start.year].append((person, status))
        for year in sorted(by_year):
            self._plan_starts(year, by_year[year])
        self._cease_reasons([c for c in self.cases if c.plan])
        self._reassessments()
        self._requests_without_plans(people)
        self._decision_timing()
        for case in self.cases:
            self._steps(case)
        self._reviews_and_transfers()
        return CaseworkHistory(self.cases, self.extra)

    def _year(self, year: int) -> CaseworkYear:
        return self.figures.year(year)

    # --- plans ---------------------------------------------------------------------------

    def _historical(self, person: SyntheticPerson, start: dt.date) -> Case:
        case = Case(person, "historical", None, assessment_outcome="H")
        case.plan = Plan(issued_on=start, named=self._named(person, start))
        return case

    def _plan_starts(self, year: int, group: list[tuple[SyntheticPerson, Fact]]) -> None:
        figures = self._year(year)
        self.rng.shuffle(group)
        starts = len(group)
        published_new = figures["new_ehc_plans"]
        if year == LATEST_YEAR:
            transfers = max(0, starts - published_new)
        elif year > LATEST_YEAR:
            transfers = round(TRANSFER_IN_SHARE * starts)
        else:
            transfers = max(round(TRANSFER_IN_SHARE * starts), starts - published_new)
        new = starts - transfers
        den_share = min(1.0, figures["plans_issued_den"] / (published_new or 1))
        den = (
            min(new, figures["plans_issued_den"]) if year == LATEST_YEAR else round(new * den_share)
        )
        labels = self._timeliness(figures, den)
        for n, (person, status) in enumerate(group):
            if n < transfers:
                case = Case(
                    person,
                    "transfer_in",
                    status.start,
                    outcome="H",
                    transferred_from_la=self.rng.choice(self.neighbours),
                    assessment_outcome="H",
                )
                case.plan = Plan(issued_on=status.start, named=self._named(person, status.start))
            else:
                band, exception = labels.pop() if labels else self._any_band(figures)
                case = self._initial_plan(person, status.start, band, exception)
                if n >= transfers + den:  # assessment begun in another LA: not timed here
                    case.transferred_from_la = self.rng.choice(self.neighbours)
            plan_of(case).ceased_on = status.end
            self.cases.append(case)

    def _timeliness(self, figures: CaseworkYear, plans: int) -> list[tuple[str, bool]]:
        weights = {}
        for band, (including, excluding) in BAND_COLUMNS.items():
            weights[f"{band}|0"] = figures[excluding]
            weights[f"{band}|1"] = max(0, figures[including] - figures[excluding])
        return [(c.split("|")[0], c.endswith("1")) for c in deal(self.rng, plans, weights)]

    def _any_band(self, figures: CaseworkYear) -> tuple[str, bool]:
        band = self.rng.choices(BANDS, weights=[figures[BAND_COLUMNS[b][0]] + 0.01 for b in BANDS])
        return band[0], False

    def _initial_plan(
        self, person: SyntheticPerson, issued: dt.date, band: str, exception: bool
    ) -> Case:
        low, high = BAND_DAYS[band]
        days = (
            self.rng.randint(low, high)
            if band != "within_20"
            else 140 - int(self.rng.triangular(0, 70, 5))
        )
        received = max(issued - dt.timedelta(days=days), person.birth_date + dt.timedelta(days=1))
        case = Case(
            person,
            "initial",
            received,
            outcome="Y",
            assessment_outcome="Y",
            assessment_on=issued,
            band=band,
            source=self._source(),
        )
        if exception:
            case.exception = self.rng.choice(EXCEPTIONS)
        case.plan = Plan(issued_on=issued, named=self._named(person, issued))
        return case

    def _source(self) -> str:
        return self.rng.choices(list(SOURCES), weights=list(SOURCES.values()))[0]

    def _named(self, person: SyntheticPerson, day: dt.date) -> NamedSetting | None:
        stay = stay_on(person, day)
        if stay is None:
            return NamedSetting(None, "OTH", False, False)
        kind = BY_COLUMN[stay.setting]
        if kind.establishment_type:
            return NamedSetting(stay, "", kind.in_sen_unit, kind.in_resourced_provision)
        if kind.sen_setting in PLAN_ONLY_EXCLUDED_SETTINGS:  # not in education: none named
            return None
        return NamedSetting(None, kind.sen_setting or "OTH", False, False)

    # --- ceasing -------------------------------------------------------------------------

    def _cease_reasons(self, cases: list[Case]) -> None:
        ended = [c for c in cases if c.plan and c.plan.ceased_on]
        by_year: dict[int, list[Case]] = defaultdict(list)
        for case in ended:
            assert case.plan
            assert case.plan.ceased_on
            by_year[case.plan.ceased_on.year].append(case)
        for year, group in by_year.items():
            figures = self._year(year)
            reasons = deal(self.rng, len(group), {c: figures[c] for c in CEASE_COLUMNS})
            order = sorted(CEASE_COLUMNS, key=list(CEASE_COLUMNS).index)
            reasons.sort(key=order.index)
            group.sort(key=lambda c: c.person.birth_date)  # the oldest first
            for case, column in zip(group, reasons, strict=True):
                assert case.plan
                case.plan.cease_reason = CEASE_COLUMNS[column]
                if column == "transfer":
                    case.moved_to_la = self.rng.choice(self.neighbours)

    # --- re-assessments and requests that did not lead to a plan -------------------------

    def _reassessments(self) -> None:
        plans = [c for c in self.cases if c.plan]
        for year in range(FIRST_YEAR, self.today.year + 1):
            figures = self._year(year)
            extra = max(0, figures["assess_issued"] - figures["new_ehc_plans"])
            new = sum(1 for c in plans if c.kind == "initial" and plan_of(c).issued_on.year == year)
            wanted = round(extra * new / (figures["new_ehc_plans"] or 1))
            first, last = dt.date(year, 1, 1), min(dt.date(year, 12, 31), self.today)
            live = [c for c in plans if self._live(c, first - dt.timedelta(days=200), last)]
            for case in self.rng.sample(live, min(wanted, len(live))):
                assert case.plan
                issued = random_day(self.rng, first, last)
                start = max(
                    issued - dt.timedelta(days=self.rng.randint(70, 130)), case.plan.issued_on
                )
                decided = start + dt.timedelta(days=self.rng.randint(5, 15))
                draft = issued - dt.timedelta(days=self.rng.randint(15, 35))
                self.cases.append(
                    Case(
                        case.person,
                        "reassessment",
                        start,
                        outcome="Y",
                        decided_on=decided,
                        assessment_outcome="Y",
                        assessment_on=issued,
                        reassessment_draft_on=min(issued, max(draft, decided)),
                        reassessed=case,
                    )
                )

    @staticmethod
    def _live(case: Case, first: dt.date, last: dt.date) -> bool:
        plan = case.plan
        return bool(
            plan and plan.issued_on <= first and (not plan.ceased_on or plan.ceased_on > last)
        )

    def _requests_without_plans(self, people: list[SyntheticPerson]) -> None:
        """Requests refused, withdrawn, not issued after assessment or still in progress, so
        requests received each year and their outcomes follow the published counts."""
        pool = [p for p in people if not any(s.kind == "E" for s in p.statuses)]
        self.rng.shuffle(pool)
        self.pool = pool
        initial = [c for c in self.cases if c.kind == "initial"]
        received_plans: dict[int, int] = defaultdict(int)
        for case in initial:
            assert case.received_on
            received_plans[case.received_on.year] += 1
        issued_plans: dict[int, int] = defaultdict(int)
        for case in initial:
            assert case.plan
            issued_plans[case.plan.issued_on.year] += 1
        wanted_yes = {}
        for year in range(FIRST_YEAR, self.today.year + 1):
            figures = self._year(year)
            first = dt.date(year, 1, 1)
            last = min(dt.date(year, 12, 31), self.today)
            elapsed = ((last - first).days + 1) / 365
            scale = self._scale(year, issued_plans[year], elapsed)
            yes, no, withdrawn = self._final_outcomes(figures, scale)
            wanted_yes[year] = yes
            for _ in range(no):
                self._refused(random_day(self.rng, first, last))
            for _ in range(withdrawn):
                self._withdrawn_request(random_day(self.rng, first, last))
            not_issued = round(figures["assess_not_issued"] * scale)
            stopped = round(figures["assess_withdrawn"] * scale)
            for outcome in ["N"] * not_issued + ["W"] * stopped:  # assessments ending this year
                self._assessment_without_plan(random_day(self.rng, first, last), outcome)
        assessed: dict[int, int] = defaultdict(int)
        for case in self.cases:
            if case.kind == "initial" and case.outcome == "Y" and case.received_on:
                assessed[case.received_on.year] += 1
        for year, yes in wanted_yes.items():
            first = dt.date(year, 1, 1)
            last = min(dt.date(year, 12, 31), self.today)
            for _ in range(max(0, yes - assessed[year])):
                self._still_assessing(random_day(self.rng, first, last), self._year(year))
        self._undecided_at_census()

    def _undecided_at_census(self) -> None:
        """Requests received late in a year and decided after the next January's return date
        count as 'decision not yet made' in that year's published figures."""
        by_year: dict[int, list[Case]] = defaultdict(list)
        for case in self.cases:
            if case.kind == "initial" and case.outcome in "YN" and case.received_on:
                by_year[case.received_on.year].append(case)
        for year, cases in by_year.items():
            if year > LATEST_YEAR:
                continue
            figures = self._year(year)
            published = figures["requests_received_in_year"] or 1
            wanted = round(figures["requests_decision_not_made"] * len(cases) / published)
            census = census_day(year + 1)
            cases.sort(key=lambda c: c.received_on or census, reverse=True)
            yes = figures["requests_decided_to_assess"]
            no = figures["requests_decided_not_to_assess"]
            wanted_no = round(wanted * no / (yes + no)) if yes + no else 0
            wanted_yes = wanted - wanted_no
            for case in cases:
                if wanted_yes <= 0 and wanted_no <= 0:
                    break
                if (wanted_yes if case.outcome == "Y" else wanted_no) <= 0:
                    continue
                ends = case.plan.issued_on if case.plan else case.assessment_on
                room = (ends - census).days - 50 if ends else 30
                if room < 1:
                    continue
                case.decided_on = census + dt.timedelta(days=self.rng.randint(1, min(30, room)))
                case.undecided_at_census = True
                if case.outcome == "Y":
                    wanted_yes -= 1
                else:
                    wanted_no -= 1
        self._decided_by_census()

    def _decided_by_census(self) -> None:
        """Every other request received by the latest published year was decided by the
        return date after it."""
        for case in self.cases:
            if case.kind == "initial" and case.outcome in "YN" and case.received_on:
                census = census_day(case.received_on.year + 1)
                if case.decided_on and not case.undecided_at_census and case.decided_on > census:
                    case.decided_on = random_day(self.rng, case.received_on, census)

    def _scale(self, year: int, issued: int, elapsed: float) -> float:
        figures = self._year(year)
        if year == LATEST_YEAR:
            return 1.0
        published = figures["plans_issued_den"] or 1
        if year > LATEST_YEAR:
            latest = self._year(LATEST_YEAR)
            return elapsed * max(issued / elapsed, latest["plans_issued_den"]) / published
        return issued / published

    @staticmethod
    def _final_outcomes(figures: CaseworkYear, scale: float) -> tuple[int, int, int]:
        """Requests received in the year by their final decision: assess, not, withdrawn."""
        yes, no = figures["requests_decided_to_assess"], figures["requests_decided_not_to_assess"]
        pending = figures["requests_decision_not_made"]
        yes_share = yes / (yes + no) if yes + no else 0.8
        final_yes = yes + pending * yes_share
        final_no = no + pending * (1 - yes_share)
        return (
            round(final_yes * scale),
            round(final_no * scale),
            round(figures["requests_withdrawn"] * scale),
        )

    def _someone(self, first: dt.date, last: dt.date) -> SyntheticPerson:
        """A person aged 1 to 24 between `first` and `last` without a plan then."""
        for _ in range(min(30, len(self.pool))):
            person = self.pool.pop()
            if age_on(person.birth_date, first) >= 1 and age_on(person.birth_date, last) <= 24:
                return person
            self.pool.insert(0, person)
        person = self.extra_person(first)
        self.extra.append(person)
        return person

    def _refused(self, received: dt.date) -> None:
        decided = received + dt.timedelta(days=self._decision_days(received.year))
        person = self._someone(received, decided)
        self.cases.append(Case(person, "initial", received, "N", decided, source=self._source()))

    def _withdrawn_request(self, received: dt.date) -> None:
        withdrawn = received + dt.timedelta(days=self.rng.randint(7, 40))
        person = self._someone(received, withdrawn)
        self.cases.append(Case(person, "initial", received, "W", withdrawn, source=self._source()))

    def _assessment_without_plan(self, ends: dt.date, outcome: str) -> None:
        received = ends - dt.timedelta(days=self.rng.randint(60, 150 if outcome == "N" else 250))
        person = self._someone(received, ends)
        self.cases.append(
            Case(
                person,
                "initial",
                received,
                "Y",
                assessment_outcome=outcome,
                assessment_on=ends,
                source=self._source(),
            )
        )

    def _still_assessing(self, received: dt.date, figures: CaseworkYear) -> None:
        """A request decided to assess and still open at its year's end: the plan is issued after
        census day or not yet today (given up instead where it would have come before 2024)."""
        band, _ = self._any_band(figures)
        low, high = BAND_DAYS[band]
        duration = dt.timedelta(days=self.rng.randint(low, high))
        year_end = dt.date(received.year, 12, 31)
        if received + duration <= self.today < year_end + duration:  # still open if later
            received = random_day(self.rng, self.today - duration + dt.timedelta(days=1), year_end)
            received = min(received, self.today)
        issue = received + duration
        if issue <= self.today and received >= self.today - dt.timedelta(days=BACKLOG_DAYS):
            issue = self.today + dt.timedelta(days=self.rng.randint(14, 120))  # backlog
        if issue <= self.today and issue.year < LATEST_YEAR:  # the family withdrew instead
            ends = received + dt.timedelta(
                days=self.rng.randint(40, max(41, (issue - received).days))
            )
            person = self._someone(received, ends)
            case = Case(
                person, "initial", received, "Y", assessment_outcome="W", assessment_on=ends
            )
        elif issue <= self.today:  # issued after census day: a plan the register gains
            issue = max(issue, CENSUS_DATE + dt.timedelta(days=self.rng.randint(1, 90)))
            person = self._someone(received, self.today)
            gains_plan(person, issue)
            case = Case(person, "initial", received, "Y", assessment_outcome="Y")
            case.assessment_on = issue
            case.plan = Plan(issued_on=issue, named=self._named(person, issue))
        else:
            person = self._someone(received, self.today)
            case = Case(person, "initial", received, "Y", assessment_outcome="A")
            case.plan = Plan(issued_on=issue)  # planned: only the draft may exist by today
        case.source = self._source()
        self.cases.append(case)

    # --- the steps of each case ----------------------------------------------------------

    def _decision_days(self, year: int) -> int:
        figures = self._year(year)
        in_six = figures.share(
            "request_outcome_six_weeks",
            "request_outcome_six_weeks",
            "request_outcome_over_6_weeks",
        )
        if self.rng.random() < in_six:
            return self.rng.randint(14, 42)
        return self.rng.randint(43, 90)

    def _decision_timing(self) -> None:
        """Decisions whether to assess made by the next return date, within six weeks or not,
        dealt so each year's count within six weeks follows the published count (exactly in
        the latest year, as a share before it)."""
        by_year: dict[int, list[Case]] = defaultdict(list)
        for case in self.cases:
            if (
                case.kind == "initial"
                and case.outcome in ("Y", "N")
                and case.received_on
                and case.received_on.year <= LATEST_YEAR
                and not case.undecided_at_census
            ):
                by_year[case.received_on.year].append(case)
        for year, cases in by_year.items():
            figures = self._year(year)
            if year == LATEST_YEAR:
                wanted = min(len(cases), figures["request_outcome_six_weeks"])
            else:
                share = figures.share(
                    "request_outcome_six_weeks",
                    "request_outcome_six_weeks",
                    "request_outcome_over_6_weeks",
                )
                wanted = round(share * len(cases))
            rooms = {id(c): self._decision_room(c) for c in cases}
            can_wait = [c for c in cases if rooms[id(c)] >= 43]
            self.rng.shuffle(can_wait)
            late = {id(c) for c in can_wait[: len(cases) - wanted]}
            for case in cases:
                assert case.received_on
                room = rooms[id(case)]
                if id(case) in late:
                    days = self.rng.randint(43, min(90, room))
                else:
                    days = self.rng.randint(min(14, room), min(42, room))
                case.decided_on = case.received_on + dt.timedelta(days=days)

    def _decision_room(self, case: Case) -> int:
        """The most days after the request the decision whether to assess can take: before
        the next return date, and for assessments well before they ended."""
        assert case.received_on
        room = (census_day(case.received_on.year + 1) - case.received_on).days
        if case.outcome == "Y":
            end = case.assessment_on or (case.plan.issued_on if case.plan else self.today)
            room = min(room, max(7, (end - case.received_on).days - 45))
        return max(0, room)

    def _steps(self, case: Case) -> None:
        if case.kind != "initial" or case.received_on is None:
            return
        if case.outcome == "Y" and case.decided_on is None:
            end = case.assessment_on or (case.plan.issued_on if case.plan else self.today)
            days = self._decision_days(case.received_on.year)
            latest = max(7, (end - case.received_on).days - 45)
            case.decided_on = case.received_on + dt.timedelta(days=min(days, latest))
            census = census_day(case.received_on.year + 1)
            if case.received_on.year <= LATEST_YEAR and case.decided_on > census:
                case.decided_on = random_day(self.rng, case.received_on, census)
        if case.decided_on and case.decided_on > self.today:
            case.outcome, case.decided_on = "A", None
            case.assessment_outcome, case.plan = "", None
            return
        if case.outcome == "N":
            self._maybe_dispute(case, "NOT_ASSESS", case.decided_on)
        if case.outcome != "Y":
            return
        self._advice(case)
        plan = case.plan
        if plan is not None:
            draft = plan.issued_on - dt.timedelta(days=self.rng.randint(15, 35))
            plan.draft_sent_on = max(draft, (case.decided_on or draft) + dt.timedelta(days=7))
            if case.assessment_outcome == "A":  # still in progress today
                if plan.draft_sent_on > self.today:
                    plan.draft_sent_on = None
                if plan.draft_sent_on is None:
                    case.plan = None
                else:
                    plan.issued_on = None  # type: ignore[assignment]
                    plan.named = self._named(case.person, self.today)
                return
            self._maybe_dispute(case, "CONTENTS", plan.issued_on)
        elif case.assessment_outcome == "N":
            self._maybe_dispute(case, "NOT_ISSUE", case.assessment_on)

    def _advice(self, case: Case) -> None:
        assert case.decided_on
        limit = None
        if case.plan is not None:
            limit = case.plan.issued_on - dt.timedelta(days=16)
        elif case.assessment_on is not None:
            limit = case.assessment_on - dt.timedelta(days=1)
        kinds = [k for k in ADVICE if k != "SOCIAL_CARE" or self.rng.random() < 0.6]
        for kind in kinds:
            requested = case.decided_on + dt.timedelta(days=self.rng.randint(0, 7))
            due = clock.advice_due(requested)
            if self.rng.random() < self.late_advice:
                returned = due + dt.timedelta(days=self.rng.randint(1, 70))
            else:
                returned = due - dt.timedelta(days=self.rng.randint(0, 21))
            if limit is not None:
                returned = min(returned, max(limit, requested + dt.timedelta(days=7)))
            if case.assessment_outcome == "W" and returned > (case.assessment_on or returned):
                continue
            case.advice.append(
                Advice(kind, requested, returned if returned <= self.today else None)
            )

    def _maybe_dispute(self, case: Case, decision: str, day: dt.date | None) -> None:
        if day is None:
            return
        mediation, tribunal = self._dispute_rates(decision, self._year(day.year))
        went_to_mediation = self.rng.random() < mediation
        went_to_tribunal = self.rng.random() < tribunal
        if not (went_to_mediation or went_to_tribunal):
            return
        dispute = Dispute(decision, day)
        after = day
        if went_to_mediation:
            dispute.mediation_on = day + dt.timedelta(days=self.rng.randint(20, 70))
            dispute.mediation_outcome = self._pick(MEDIATION_OUTCOMES)
            after = dispute.mediation_on
            if dispute.mediation_outcome != "AGREED":
                dispute.certificate_on = after + dt.timedelta(days=self.rng.randint(0, 5))
            if not went_to_tribunal:
                dispute.closed_on = dispute.certificate_on or after
        else:
            dispute.mediation_outcome = "DECLINED"
            dispute.certificate_on = day + dt.timedelta(days=self.rng.randint(5, 30))
            after = dispute.certificate_on
        if went_to_tribunal:
            dispute.appeal_registered_on = after + dt.timedelta(days=self.rng.randint(10, 50))
            dispute.hearing_on = dispute.appeal_registered_on + dt.timedelta(
                days=self.rng.randint(120, 240)
            )
            dispute.tribunal_outcome = self._pick(TRIBUNAL_OUTCOMES)
            dispute.tribunal_outcome_on = dispute.hearing_on + dt.timedelta(
                days=self.rng.randint(5, 20)
            )
            dispute.closed_on = dispute.tribunal_outcome_on
        for name in (
            "mediation_on",
            "certificate_on",
            "appeal_registered_on",
            "hearing_on",
            "tribunal_outcome_on",
            "closed_on",
        ):
            value = getattr(dispute, name)
            if value is not None and value > self.today:
                setattr(dispute, name, None)
                if name == "mediation_on":
                    dispute.mediation_outcome = ""
                if name == "tribunal_outcome_on":
                    dispute.tribunal_outcome = ""
        case.disputes.append(dispute)

    @staticmethod
    def _dispute_rates(decision: str, figures: CaseworkYear) -> tuple[float, float]:
        """Shares of decisions that go to mediation and to the Tribunal, from the published
        mediation and tribunal counts for the kind of decision."""
        if decision == "NOT_ASSESS":
            base = figures["requests_decided_not_to_assess"] or 1
            return (
                figures["mediation_related_request"] / base,
                figures["tribunal_related_request"] / base,
            )
        if decision == "NOT_ISSUE":
            base = figures["assess_not_issued"] or 1
            return (
                min(0.6, figures["number_assess_mediation"] / base),
                min(0.4, figures["number_assess_tribunal"] / base),
            )
        base = figures["assess_issued"] or 1
        return figures["number_other_mediation"] / base, figures["number_other_tribunal"] / base

    def _pick(self, weights: dict[str, int]) -> str:
        return self.rng.choices(list(weights), weights=list(weights.values()))[0]

    # --- reviews and phase transfers -----------------------------------------------------

    def _reviews_and_transfers(self) -> None:
        plans = [c for c in self.cases if c.plan and c.plan.issued_on and c.kind != "reassessment"]
        categories = self._census_review_categories(plans)
        for case in plans:
            assert case.plan
            self._reviews(case, categories.get(id(case)))
            self._transfers(case)

    def _census_review_categories(self, plans: list[Case]) -> dict[int, tuple[str, str, bool]]:
        """For plans maintained on census day and issued before 2024 (a review was expected in
        2024): where the latest review meeting fell, its outcome and whether the decision came
        within 4 weeks, dealt to match the published 2024 annual reviews."""
        expected = [
            c
            for c in plans
            if plan_of(c).issued_on < dt.date(2024, 1, 1)
            and (plan_of(c).ceased_on or CENSUS_DATE) >= CENSUS_DATE
        ]
        figures = self._year(LATEST_YEAR)
        weights = {k: figures[c] for k, c in REVIEW_CATEGORIES.items()}
        weights["none"] = max(0, figures["review_expected"] - figures["total_review_meeting"])
        labels = deal(self.rng, len(expected), weights)
        # no meeting at all is likeliest for plans whose first review fell due in 2024
        expected.sort(key=lambda c: plan_of(c).issued_on, reverse=True)
        labels.sort(key=["none", "m25", "m24", "prior"].index)
        held = sum(1 for label in labels if label != "none")
        outcomes = deal(self.rng, held, {k: figures[c] for k, c in OUTCOMES.items()})
        decided = sum(1 for o in outcomes if o)
        in_four = deal(
            self.rng,
            decided,
            {
                "1": figures["number_decsion_4weeks"],
                "0": figures["number_decision_gt_4weeks"],
            },
        )
        result = {}
        for case, label in zip(expected, labels, strict=True):
            if label == "none":
                result[id(case)] = ("none", "", False)
                continue
            outcome = outcomes.pop()
            result[id(case)] = (label, outcome, in_four.pop() == "1" if outcome else False)
        return result

    def _reviews(self, case: Case, category: tuple[str, str, bool] | None) -> None:
        plan = case.plan
        assert plan is not None
        birth = case.person.birth_date
        end = min(plan.ceased_on or self.today, self.today)
        last = plan.issued_on
        seen_census = False
        while True:
            due = clock.review_due(last, birth)
            if due > end:
                plan.next_review_due_on = due if plan.ceased_on is None else None
                if category is not None and not seen_census:
                    self._latest_before_census(plan, category)
                return
            review = Review(due)
            label = category[0] if category else ""
            at_census = bool(category) and due <= CENSUS_DATE < clock.review_due(due, birth)
            if at_census:
                assert category is not None
                seen_census = True
                self._census_review(review, category)
            elif not (label == "none" and due <= CENSUS_DATE):  # else: never held
                self._ordinary_review(review, end)
                early = review.meeting_on and review.meeting_on <= CENSUS_DATE < due
                if seen_census and early:  # the census review stays the latest by census day
                    meeting = random_day(self.rng, CENSUS_DATE + dt.timedelta(days=1), due)
                    self._hold(review, meeting, review.outcome or "M", True)
            if due >= dt.date(FIRST_YEAR, 1, 1):
                plan.reviews.append(review)
            if at_census and label == "prior":
                assert category is not None
                self._earlier_meeting_before_2024(plan, category)
            last = review.meeting_on or due

    def _ordinary_review(self, review: Review, end: dt.date) -> None:
        if self.rng.random() < self.review_late:
            meeting = review.due_on + dt.timedelta(days=self.rng.randint(1, 150))
        else:
            meeting = review.due_on - dt.timedelta(days=self.rng.randint(0, 42))
        if meeting > end:
            return
        outcome = self.rng.choices(list(self.outcome_mix), weights=list(self.outcome_mix.values()))
        self._hold(review, meeting, outcome[0], self.rng.random() < self.review_decision_in_4_weeks)

    def _hold(
        self,
        review: Review,
        meeting: dt.date,
        outcome: str,
        in_four_weeks: bool,
        decided_by: dt.date | None = None,
    ) -> None:
        # A review held again (a later meeting chosen for it) keeps nothing of the first: a
        # draft from before the meeting made the SEN2 return wrong (AP12).
        review.outcome = ""
        review.amendment_draft_on = review.amended_plan_issued_on = None
        review.meeting_on = meeting
        review.report_sent_on = self._by_today(meeting + dt.timedelta(days=self.rng.randint(3, 14)))
        days = self.rng.randint(5, 28) if in_four_weeks else self.rng.randint(29, 120)
        decision = meeting + dt.timedelta(days=days)
        if decided_by is not None:
            decision = min(decision, decided_by)
        review.decision_on = self._by_today(decision)
        if review.decision_on is None:
            return
        review.outcome = outcome
        if outcome == "A":
            draft = decision + dt.timedelta(days=self.rng.randint(0, 10))
            review.amendment_draft_on = self._by_today(draft)
            late = self.rng.random() > self.review_decision_in_4_weeks
            issued = draft + dt.timedelta(
                days=self.rng.randint(60, 150) if late else self.rng.randint(20, 56)
            )
            review.amended_plan_issued_on = (
                self._by_today(issued) if review.amendment_draft_on else None
            )

    def _by_today(self, day: dt.date) -> dt.date | None:
        return day if day <= self.today else None

    def _census_review(self, review: Review, category: tuple[str, str, bool]) -> None:
        label, outcome, in_four = category
        due = review.due_on
        if label == "m24":
            low = max(due - dt.timedelta(days=50), dt.date(2024, 1, 1))
            high = min(due + dt.timedelta(days=20), dt.date(2024, 12, 31))
            if outcome and not in_four:
                high = min(high, CENSUS_DATE - dt.timedelta(days=35))
            meeting = random_day(self.rng, min(low, high), high)
        elif label == "m25":
            meeting = random_day(self.rng, dt.date(2025, 1, 1), dt.date(2025, 1, 9))
        else:  # not held by census day: late, if at all
            meeting = CENSUS_DATE + dt.timedelta(days=self.rng.randint(14, 240))
            if meeting <= self.today:
                choice = self.rng.choices(
                    list(self.outcome_mix), weights=list(self.outcome_mix.values())
                )
                self._hold(review, meeting, choice[0], self.rng.random() < 0.5)
            return
        if not outcome:  # held, decision after census day
            self._hold(review, meeting, "M", False)
            if review.decision_on and review.decision_on <= CENSUS_DATE:
                review.decision_on = CENSUS_DATE + dt.timedelta(days=self.rng.randint(1, 40))
                review.decision_on = self._by_today(review.decision_on)
                if review.decision_on is None:
                    review.outcome = ""
                    review.amendment_draft_on = review.amended_plan_issued_on = None
            return
        self._hold(review, meeting, outcome, in_four, decided_by=CENSUS_DATE)

    def _latest_before_census(self, plan: Plan, category: tuple[str, str, bool]) -> None:
        """Where no review fell due around census day, the latest meeting before it carries
        the dealt outcome."""
        held = [r for r in plan.reviews if r.meeting_on and r.meeting_on <= CENSUS_DATE]
        label, outcome, in_four = category
        if not held:
            return
        review = held[-1]
        assert review.meeting_on
        after = held[-2].meeting_on if len(held) > 1 else plan.issued_on
        assert after
        ranges = {
            "m24": (dt.date(2024, 1, 1), dt.date(2024, 12, 10)),
            "m25": (dt.date(2025, 1, 1), dt.date(2025, 1, 9)),
            "prior": (dt.date(2023, 1, 1), dt.date(2023, 12, 31)),
        }
        if label in ranges:
            low, high = ranges[label]
            if not low <= review.meeting_on <= high and after < high:
                review.meeting_on = random_day(
                    self.rng, max(low, after + dt.timedelta(days=1)), high
                )
        self._hold(review, review.meeting_on, outcome or "M", in_four, decided_by=CENSUS_DATE)
        if not outcome and review.decision_on:
            review.decision_on = self._by_today(
                CENSUS_DATE + dt.timedelta(days=self.rng.randint(1, 30))
            )

    def _earlier_meeting_before_2024(self, plan: Plan, category: tuple[str, str, bool]) -> None:
        """For 'latest meeting before 2024': the review before the census review was held in
        2023 or earlier, with the dealt outcome."""
        earlier = [r for r in plan.reviews[:-1] if r.meeting_on]
        if not earlier:
            return
        review = earlier[-1]
        if review.meeting_on and review.meeting_on >= dt.date(2024, 1, 1):
            review.meeting_on = dt.date(2023, 12, 1) - dt.timedelta(days=self.rng.randint(0, 60))
        _, outcome, in_four = category
        assert review.meeting_on
        self._hold(review, review.meeting_on, outcome or "M", in_four, decided_by=CENSUS_DATE)
        if not outcome and review.decision_on:
            review.decision_on = CENSUS_DATE + dt.timedelta(days=self.rng.randint(1, 30))

    def _transfers(self, case: Case) -> None:
        plan = case.plan
        assert plan is not None
        born = academic_year_of_birth(case.person.birth_date)
        moves = [("ey_school", born + 5, False), ("primary_secondary", born + 12, False)]
        moves.append(("post16", born + 17, True))
        for move, year, post16 in moves:
            deadline = clock.phase_transfer_deadline(year, post16)
            if deadline < dt.date(FIRST_YEAR, 2, 15) or deadline > add_years(self.today, 1):
                continue
            if plan.issued_on > deadline - dt.timedelta(days=30):
                continue
            if plan.ceased_on and plan.ceased_on < september(year):
                continue
            if self.rng.random() < self.late_transfer:
                issued = deadline + dt.timedelta(days=self.rng.randint(1, 100))
            else:
                issued = deadline - dt.timedelta(days=self.rng.randint(0, 40))
            stay = stay_on(case.person, september(year) + dt.timedelta(days=7))
            plan.transfers.append(
                PhaseTransfer(
                    move,
                    year,
                    deadline,
                    stay,
                    self._by_today(issued),
                )
            )


def make_history(
    people: list[SyntheticPerson],
    figures: CaseworkFigures,
    *,
    la_code: str,
    neighbours: tuple[str, ...],
    rng: random.Random,
    today: dt.date,
    extra_person: Callable[[dt.date], SyntheticPerson],
) -> CaseworkHistory:
    maker = HistoryMaker(
        figures,
        la_code=la_code,
        neighbours=neighbours,
        rng=rng,
        today=today,
        extra_person=extra_person,
    )
    return maker.make(people)
