"""Check a SEN2 return: the reader's structure checks (S rules) and the value rules (H, P, R, A,
N, D, AP, L, F), as one report. Pure Python; never raises.

`validate_return(path_or_file)` streams the file one person at a time, so memory stays flat
however large the return; the report keeps the first `PROBLEM_LIMIT` problems and counts the
rest. `validate_records(header, persons, year=...)` checks a return held in memory (one built
from the register before it is written, or a test's records) and returns every problem.

Each problem is reported once: where the reader already reports an element as missing (S01),
the value rule that would say the same about that element of that record is dropped.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from opensend.returns.sen2.reader import UnreadableReturn, open_return
from opensend.returns.sen2.records import Header, Person, Problem
from opensend.returns.sen2.rules import ERROR, Checker

__all__ = [
    "PROBLEM_LIMIT",
    "Report",
    "validate_records",
    "validate_return",
]

PROBLEM_LIMIT = 10_000
PROGRESS_EVERY = 1_000  # persons between calls of the progress callback

EXIT_VALID = 0
EXIT_ERRORS = 1
EXIT_UNREADABLE = 2


@dataclass
class Report:
    """The result of checking one return."""

    name: str
    year: int | None = None
    header: Header | None = None
    persons: int = 0
    problems: list[Problem] = field(default_factory=list)  # the first PROBLEM_LIMIT
    errors: int = 0  # all errors, shown or not
    warnings: int = 0
    not_shown: int = 0  # problems found beyond PROBLEM_LIMIT
    unreadable: str | None = None  # why the file could not be read (to the end)

    @property
    def exit_code(self) -> int:
        """0 valid (warnings allowed), 1 errors found, 2 unreadable."""
        if self.unreadable is not None:
            return EXIT_UNREADABLE
        return EXIT_ERRORS if self.errors else EXIT_VALID

    @property
    def valid(self) -> bool:
        return self.exit_code == EXIT_VALID

    def add(self, problems: Iterable[Problem]) -> None:
        for problem in problems:
            if problem.severity == ERROR:
                self.errors += 1
            else:
                self.warnings += 1
            if len(self.problems) < PROBLEM_LIMIT:
                self.problems.append(problem)
            else:
                self.not_shown += 1


def without_structural_twins(
    structural: list[Problem], values: list[Problem], *, same_line: bool = True
) -> list[Problem]:
    """The value problems, less those saying an element is missing where the reader already
    reported it missing (S01) in the same record (so each problem is reported once)."""
    if not structural or not values:
        return values
    missing = {(p.element, p.line if same_line else 0) for p in structural if p.rule == "S01"}
    if not missing:
        return values
    return [
        problem
        for problem in values
        if problem.value != "" or (problem.element, problem.line if same_line else 0) not in missing
    ]


def _name_of(source: Any, name: str) -> str:
    if name:
        return name
    if isinstance(source, str | os.PathLike):
        return os.fspath(source)
    return str(getattr(source, "name", "") or "")


def validate_return(
    source: Any,
    *,
    name: str = "",
    progress: Callable[[int], object] | None = None,
) -> Report:
    """Check a SEN2 file (a path or a binary file object). Never raises: a file that cannot be
    read, or stops being readable part way, gives a report with `unreadable` set (exit code 2)
    and whatever was found before that point."""
    report = Report(name=_name_of(source, name))
    try:
        with open_return(source, name=report.name) as opened:
            report.year, report.header = opened.year, opened.header
            checker = Checker(opened.header, year=opened.year)
            report.add(opened.header_problems)
            header_values = checker.check_header()
            report.add(
                without_structural_twins(opened.header_problems, header_values, same_line=False)
            )
            for person, structural in opened.persons:
                report.persons += 1
                found = checker.check_person(person)
                if structural:
                    report.add(structural)
                    found = without_structural_twins(structural, found)
                if found:
                    report.add(found)
                if progress is not None and report.persons % PROGRESS_EVERY == 0:
                    progress(report.persons)
            report.add(opened.message_problems)
            report.add(checker.finish())
    except UnreadableReturn as error:
        report.unreadable = str(error)
    except Exception as error:  # the report says what went wrong instead
        report.unreadable = (
            f"OpenSEND could not finish checking {report.name or 'the file'} "
            f"({type(error).__name__}: {error}); please report this to its maintainers"
        )
    if progress is not None and (report.persons % PROGRESS_EVERY or not report.persons):
        progress(report.persons)
    return report


def validate_records(header: Header, persons: Iterable[Person], *, year: int) -> list[Problem]:
    """Every value problem of a return held in memory, header first, then person by person."""
    checker = Checker(header, year=year)
    problems = checker.check_header()
    for person in persons:
        problems.extend(checker.check_person(person))
    problems.extend(checker.finish())
    return problems
