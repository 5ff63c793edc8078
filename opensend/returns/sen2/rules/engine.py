"""The machinery of the SEN2 value rules: the rule table, what a rule sees, what it returns.

A rule is a small function over one record (a Header, Person, Request, ...) and the `Context`
of that record (the return's year and reference date, the person's birth date and age, the
request, assessment and plan it sits under, and what the file has shown so far). It returns
None when the record passes, or a `Finding` (or a list of them) naming the element, the value,
a message and, when it is more precise than the rule's own, a fix. The `Checker` turns findings
into `Problem`s with the rule's id and severity and the record's line and person.

Rules register themselves with `@rule(...)`, so the table (`RULES`) is the single list the
checker runs, the documentation lists (docs/sen2-validation.md, checked by a test) and the
tests walk.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple, TypeVar

from opensend.core.dates import age_at_start_of_academic_year
from opensend.returns.sen2.records import (
    ActivePlans,
    Assessment,
    NamedPlan,
    Person,
    PlacementDetail,
    Request,
)

ERROR = "error"
WARNING = "warning"

# Modules in the order the checker runs them; each rule belongs to one. "file" rules run per
# person with the state of the file so far; "file end" rules run once, after the last person.
MODULES = (
    "header",
    "person",
    "request",
    "assessment",
    "named plan",
    "plan detail",
    "active plans",
    "placement",
    "SEN need",
    "file",
    "file end",
)


class Finding(NamedTuple):
    """What a rule found: the element and value, a message, and a fix when the rule's own
    fix is too general. `line` overrides the line of the record the rule was run on."""

    element: str
    value: str
    message: str
    fix: str = ""
    line: int = 0


Outcome = Finding | list[Finding] | None
Check = Callable[[Any, "Context"], Outcome]
Names = Callable[[int], Mapping[str, object]]  # year -> names a guard uses
C = TypeVar("C", bound=Callable[..., Outcome])


@dataclass(frozen=True)
class Rule:
    """One registered rule: id, module, severity, what it checks and the usual fix.

    `when` is an optional guard for speed: a Python expression over `record`, `ctx`, `dates`
    (the date cache), `LOW`/`HIGH` (the first and last dates), `REF` (the reference date),
    `START` (the start of the period the return covers) and the names `names(year)` gives. It
    must be true whenever the check could find something; the checker skips the call when it
    is false (a property test holds every guard to this). The check itself never relies on it.
    """

    id: str
    module: str
    summary: str
    fix: str
    check: Check
    severity: str = ERROR
    warning_in: frozenset[int] = frozenset()  # collection years in which it is only a warning
    when: str = ""
    names: Names | None = None

    def severity_in(self, year: int) -> str:
        return WARNING if year in self.warning_in else self.severity

    @property
    def severity_text(self) -> str:
        """The severity as the documentation table shows it."""
        if not self.warning_in:
            return self.severity
        years = ", ".join(str(y) for y in sorted(self.warning_in))
        return f"{self.severity} (warning in {years})"


RULES: dict[str, Rule] = {}


def rule(
    rule_id: str,
    module: str,
    summary: str,
    fix: str,
    *,
    severity: str = ERROR,
    warning_in: Iterable[int] = (),
    when: str = "",
    names: Names | None = None,
) -> Callable[[C], C]:
    """Register the decorated function as rule `rule_id` of `module`."""
    if module not in MODULES:
        raise ValueError(f"unknown module {module!r}")
    if severity not in (ERROR, WARNING):
        raise ValueError(f"unknown severity {severity!r}")

    def register(check: C) -> C:
        if rule_id in RULES:
            raise ValueError(f"rule {rule_id} is registered twice")
        RULES[rule_id] = Rule(
            rule_id, module, summary, fix, check, severity, frozenset(warning_in), when, names
        )
        return check

    return register


def parse_date(value: str) -> dt.date | None:
    """A date written as the file must write it (YYYY-MM-DD), or None."""
    if len(value) != 10 or value[4] != "-" or value[7] != "-" or not value.isascii():
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


class DateCache(dict[str, "dt.date | None"]):
    """Dates parsed once per validation: the same few thousand dates recur across a file."""

    LIMIT = 200_000

    def __missing__(self, value: str) -> dt.date | None:
        if len(self) > self.LIMIT:
            self.clear()
        parsed = self[value] = parse_date(value)
        return parsed


@dataclass(slots=True)
class FileState:
    """What the rules remember across persons while a file streams past."""

    # identifier -> (number, line) of the first person with it
    upns: dict[str, tuple[int, int]] = field(default_factory=dict)
    ulns: dict[str, tuple[int, int]] = field(default_factory=dict)
    requests_with_source: int = 0
    requests_from_other: int = 0  # RequestSource 5
    persons: int = 0  # persons checked so far, counting the current one


@dataclass(slots=True)
class Context:
    """What a rule can see besides its record. The checker fills the person, request and
    placement parts as it walks down each person; dates come parsed from one cache."""

    year: int  # the supported collection year whose rules apply
    declared_year: str  # the header's Year as written
    reference_date: dt.date
    lea: str
    dates: DateCache = field(default_factory=DateCache)
    file: FileState = field(default_factory=FileState)
    person: Person = field(default_factory=Person)
    birth_date: dt.date | None = None
    age: int | None = None  # on 31 August before the reference date, as DfE counts
    request: Request = field(default_factory=Request)
    received: dt.date | None = None
    assessment: Assessment | None = None
    plan: NamedPlan | None = None
    plan_live: bool = True  # the request's plan is live on the reference date (or unknown)
    active: ActivePlans | None = None
    open_placements: list[PlacementDetail] = field(default_factory=list)  # on the reference date

    @property
    def period_start(self) -> dt.date:
        """1 January of the calendar year the return reports on (the year before the census)."""
        return dt.date(self.reference_date.year - 1, 1, 1)

    def date(self, value: str) -> dt.date | None:
        return self.dates[value] if value else None

    def enter_person(self, person: Person) -> None:
        self.person = person
        self.birth_date = birth = self.date(person.person_birth_date)
        self.age = (
            age_at_start_of_academic_year(birth, self.reference_date) if birth is not None else None
        )

    def enter_request(self, request: Request) -> None:
        self.request = request
        self.received = self.date(request.received_date)
        self.assessment = assessment = request.assessment
        self.plan = plan = assessment.named_plan if assessment is not None else None
        self.plan_live = plan is None or self.live_on_reference_date(plan)
        self.active = active = request.active_plans
        if active is not None:
            self.open_placements = [p for p in active.placements if self.open_on_reference_date(p)]

    def live_on_reference_date(self, plan: NamedPlan) -> bool:
        """Whether the plan had started and not ceased on the reference date."""
        start, cease = self.date(plan.start_date), self.date(plan.cease_date)
        if start is not None and start > self.reference_date:
            return False
        return cease is None or cease > self.reference_date

    def open_on_reference_date(self, placement: PlacementDetail) -> bool:
        """Whether the placement had begun and not ended on the reference date."""
        entry, leaving = self.date(placement.entry_date), self.date(placement.leaving_date)
        return (entry is None or entry <= self.reference_date) and (
            leaving is None or leaving > self.reference_date
        )


def rules_in(module: str) -> list[Rule]:
    return [r for r in RULES.values() if r.module == module]
