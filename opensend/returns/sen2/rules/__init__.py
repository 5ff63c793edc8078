"""The SEN2 value rules and the `Checker` that runs them over a return, one person at a time.

Rule ids: H header, P person, R request, A assessment, N named plan, D plan detail, AP active
plans (and their needs), L placements, F across the file. S rules (structure: missing,
unexpected, misordered elements) are the reader's. Every rule is in `RULES`; `rules_in(module)`
gives a module's rules in the order they run. docs/sen2-validation.md lists them all (a test
keeps the two in step).

Use: `checker = Checker(header, year=2026)`, then `checker.check_header()`, then
`checker.check_person(person)` for each person in file order, then `checker.finish()`. The
checker keeps only what the cross-file rules need (the identifiers seen), so memory stays flat.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from opensend.returns.sen2 import codes
from opensend.returns.sen2.records import Header, Person, Problem
from opensend.returns.sen2.rules import across, active, header, person, plans, requests
from opensend.returns.sen2.rules.engine import (
    ERROR,
    MODULES,
    RULES,
    WARNING,
    Context,
    Finding,
    Outcome,
    Rule,
    parse_date,
    rules_in,
)

__all__ = [
    "ERROR",
    "MODULES",
    "RULES",
    "WARNING",
    "Checker",
    "Rule",
    "request_sources",
    "rule_year",
    "rules_table",
]

_MODULES_LOADED = (across, active, header, person, plans, requests)

Hit = tuple[tuple[Rule, str], Outcome, int]  # (rule, severity), what it found, record line
Runner = Callable[[Any, Context, list[Hit]], None]


def rule_year(header: Header, year: int | None = None) -> int:
    """The supported collection year whose rules check a return: `year` if given, else the
    header's Year, else the year of its ReferenceDate; the nearest supported year to that."""
    if year is None:
        if header.year.isdigit() and len(header.year) == 4:
            year = int(header.year)
        elif (reference := parse_date(header.reference_date)) is not None:
            year = reference.year
        else:
            year = codes.SUPPORTED_YEARS[-1]
    return codes.effective_year(year)


@dataclass(frozen=True)
class Runners:
    """How the rules are run: over the header; over one person (each module's rules over its
    records, then the file rules); the same without the file rules (`own`); the file rules
    alone (`across`); and once after the last person. Each adds hits."""

    header: Runner
    person: Runner
    own: Runner
    across: Runner
    file_end: Runner


class Checker:
    """Runs every rule over one return. Dates are compared with the census date of the year
    (H05 reports a header ReferenceDate that differs).

    For speed each module's rules run from one function generated for the year: a straight
    run of "if the rule's guard holds, call it", so a valid record costs a few comparisons per
    rule rather than a call. If anything fails, the person (or header) is checked again rule
    by rule, guards ignored, and a rule that fails becomes a problem naming it.

    `check_person` is `check_own` and then `check_across`: a return checked in two parts at once
    has each part's persons checked on their own (`check_own`) where they are read, and the file
    rules run over them all in file order (`check_across`) in one checker, which gives exactly
    the problems `check_person` gives.
    """

    def __init__(self, header: Header, *, year: int | None = None) -> None:
        self.header = header
        self.year = rule_year(header, year)
        self.ctx = Context(
            year=self.year,
            declared_year=header.year,
            reference_date=codes.census_date(self.year),
            lea=header.lea,
        )
        rules = {
            module: [(r, r.severity_in(self.year)) for r in rules_in(module)] for module in MODULES
        }
        self._fast = self._runners({m: self._generated(m, rules[m]) for m in MODULES})
        self._slow = self._runners({m: self._one_by_one(rules[m]) for m in MODULES})

    def check_header(self) -> list[Problem]:
        return self._checked(lambda runners, hits: runners.header(self.header, self.ctx, hits))

    def check_person(self, record: Person) -> list[Problem]:
        """Every value problem of one person, in the order of the modules (the file rules last).
        Persons come in file order."""
        self._count(*request_sources(record))
        return self._checked(lambda runners, hits: runners.person(record, self.ctx, hits), record)

    def check_own(self, record: Person) -> list[Problem]:
        """The value problems of one person from every module but the file rules: what the
        person shows alone, in whatever order the persons come."""
        return self._checked(lambda runners, hits: runners.own(record, self.ctx, hits), record)

    def check_across(self, person: Person, sources: tuple[int, int]) -> list[Problem]:
        """The file rules for the next person in file order. They read only the person's own
        items, so `person` may come without its requests; `sources` is `request_sources` of the
        person with them."""
        self._count(*sources)
        ctx = self.ctx

        def walk(runners: Runners, hits: list[Hit]) -> None:
            ctx.enter_person(person)
            runners.across(person, ctx, hits)

        return self._checked(walk, person)

    def finish(self) -> list[Problem]:
        """Problems only the whole file shows (after the last person)."""
        return self._checked(lambda runners, hits: runners.file_end(None, self.ctx, hits))

    def _runners(self, modules: dict[str, Runner]) -> Runners:
        """The runners from one runner per module."""
        return Runners(
            header=modules["header"],
            person=lambda record, ctx, hits: self._walk(record, modules, hits, True),
            own=lambda record, ctx, hits: self._walk(record, modules, hits, False),
            across=modules["file"],
            file_end=modules["file end"],
        )

    def _count(self, with_source: int, from_other: int) -> None:
        """Count one more person, and its requests with a RequestSource and with source 5."""
        state = self.ctx.file
        state.persons += 1
        state.requests_with_source += with_source
        state.requests_from_other += from_other

    def _walk(
        self, record: Person, runners: dict[str, Runner], hits: list[Hit], across: bool
    ) -> None:
        """Run each module's runner over the person's records, then the file rules if
        `across`."""
        ctx = self.ctx
        ctx.enter_person(record)
        runners["person"](record, ctx, hits)
        for request in record.requests:
            ctx.enter_request(request)
            runners["request"](request, ctx, hits)
            assessment = request.assessment
            if assessment is not None:
                runners["assessment"](assessment, ctx, hits)
                plan = assessment.named_plan
                if plan is not None:
                    runners["named plan"](plan, ctx, hits)
                    for detail in plan.plan_details:
                        runners["plan detail"](detail, ctx, hits)
            active_plans = request.active_plans
            if active_plans is not None:
                runners["active plans"](active_plans, ctx, hits)
                for placement in active_plans.placements:
                    runners["placement"](placement, ctx, hits)
                for need in active_plans.needs:
                    runners["SEN need"](need, ctx, hits)
        if across:
            runners["file"](record, ctx, hits)

    def _checked(
        self, walk: Callable[[Runners, list[Hit]], None], person: Person | None = None
    ) -> list[Problem]:
        """The problems a walk finds: fast, or rule by rule if the fast walk fails."""
        hits: list[Hit] = []
        try:
            walk(self._fast, hits)
        except Exception:  # find which rule failed
            hits = []
            walk(self._slow, hits)
        if not hits:
            return []
        label = person.label if person is not None else ""
        return [
            Problem(
                rule=rule.id,
                message=finding.message,
                fix=finding.fix or rule.fix,
                line=finding.line or line,
                person=label,
                element=finding.element,
                value=finding.value,
                severity=severity,
            )
            for (rule, severity), outcome, line in hits
            for finding in ((outcome,) if isinstance(outcome, Finding) else outcome or ())
        ]

    def _generated(self, module: str, rules: list[tuple[Rule, str]]) -> Runner:
        """The fast runner of a module's rules (see the class docstring)."""
        ctx = self.ctx
        namespace: dict[str, object] = {
            "LOW": dt.date.min,
            "HIGH": dt.date.max,
            "REF": ctx.reference_date,
            "START": ctx.period_start,
        }
        name = f"run_{module.replace(' ', '_')}"
        line = "0" if module == "file end" else "record.line"
        lines = [f"def {name}(record, ctx, hits):", "    dates = ctx.dates"]
        for index, (rule, severity) in enumerate(rules):
            for guard_name, value in (rule.names(self.year) if rule.names else {}).items():
                if namespace.setdefault(guard_name, value) is not value:
                    raise ValueError(f"rule {rule.id}: the guard name {guard_name} is taken")
            namespace[f"check{index}"] = rule.check
            namespace[f"rule{index}"] = (rule, severity)
            call = [
                f"o = check{index}(record, ctx)",
                f"if o is not None: hits.append((rule{index}, o, {line}))",
            ]
            if rule.when:
                lines.append(f"    if {rule.when}:  # {rule.id}")
                lines += [f"        {line}" for line in call]
            else:
                lines += [f"    {line}" for line in call]
        exec(compile("\n".join(lines), f"<SEN2 {self.year} {module} rules>", "exec"), namespace)
        runner: Runner = namespace[name]  # type: ignore[assignment]
        return runner

    def _one_by_one(self, rules: list[tuple[Rule, str]]) -> Runner:
        """The careful runner: every rule, guards ignored; a rule that fails is an error."""

        def run(record: Any, ctx: Context, hits: list[Hit]) -> None:
            for rule, severity in rules:
                try:
                    outcome = rule.check(record, ctx)
                except Exception as error:  # a rule's fault must not stop the check
                    outcome = Finding(
                        "",
                        "",
                        f"OpenSEND could not apply rule {rule.id} here "
                        f"({type(error).__name__}: {error})",
                        "Please report this to the OpenSEND maintainers with the rule id",
                    )
                    severity = ERROR
                if outcome is not None:
                    hits.append(((rule, severity), outcome, getattr(record, "line", 0)))

        return run


def request_sources(person: Person) -> tuple[int, int]:
    """How many of the person's requests give a RequestSource, and how many give 5 (other):
    what the file rules count of a person's requests."""
    with_source = from_other = 0
    for request in person.requests:
        if request.request_source:
            with_source += 1
            if request.request_source == "5":
                from_other += 1
    return with_source, from_other


def rules_table() -> str:
    """The rule table of docs/sen2-validation.md, in Markdown: one row per rule, in the order
    the checker runs them."""
    rows = [
        "| Rule | Severity | Module | What it checks | Usual fix |",
        "|---|---|---|---|---|",
    ]
    for module in MODULES:
        for r in rules_in(module):
            summary, fix = (text.replace("|", "\\|") for text in (r.summary, r.fix))
            rows.append(f"| {r.id} | {r.severity_text} | {r.module} | {summary} | {fix} |")
    return "\n".join(rows)
