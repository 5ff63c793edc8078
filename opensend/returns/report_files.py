"""A SEN2 validation report as text lines, a spreadsheet (XLSX) or CSV, and in one sentence."""

from collections.abc import Iterable, Mapping
from pathlib import Path

from opensend.core.exports import safe_cell, to_csv, to_xlsx

PROBLEM_COLUMNS = [
    ("Line", "line"),
    ("Person", "person"),
    ("Element", "element"),
    ("Value", "value"),
    ("Rule", "rule"),
    ("Error or warning", "severity"),
    ("Problem", "message"),
    ("How to fix it", "fix"),
]


def _field(problem, key: str):
    return problem.get(key, "") if isinstance(problem, Mapping) else getattr(problem, key)


def problem_rows(problems: Iterable) -> list[list[str]]:
    """A header row, then one row per problem (records.Problem or its stored dict)."""
    rows = [[heading for heading, _ in PROBLEM_COLUMNS]]
    rows += [[safe_cell(_field(p, key)) for _, key in PROBLEM_COLUMNS] for p in problems]
    return rows


def problems_xlsx(problems: Iterable) -> bytes:
    return to_xlsx(problem_rows(problems), "Problems")


def write_problems(problems: Iterable, path: Path) -> None:
    """Write the problems to `path`: XLSX if it ends .xlsx, otherwise CSV."""
    rows = problem_rows(problems)
    data = to_xlsx(rows, "Problems") if path.suffix.lower() == ".xlsx" else to_csv(rows)
    path.write_bytes(data)


def problem_lines(problems: Iterable) -> Iterable[str]:
    """One line of text per problem: where, who, what, the rule and the fix."""
    for p in problems:
        where = f"line {_field(p, 'line')}" if _field(p, "line") else "whole file"
        who = f" {_field(p, 'person')}" if _field(p, "person") else ""
        element = _field(p, "element")
        value = _field(p, "value")
        what = f" <{element}>" if element else ""
        shown = f" {value!r}" if value else ""
        yield (
            f"{where}:{who}{what}{shown} [{_field(p, 'rule')} {_field(p, 'severity')}] "
            f"{_field(p, 'message')} Fix: {_field(p, 'fix')}"
        )


def summary_sentence(report) -> str:
    if report.unreadable:
        return f"{report.name} could not be read: {report.unreadable}"
    errors = f"{report.errors:,} {'error' if report.errors == 1 else 'errors'}"
    warnings = f"{report.warnings:,} {'warning' if report.warnings == 1 else 'warnings'}"
    verdict = "valid" if report.errors == 0 else "not valid"
    return f"{report.name}: {report.persons:,} people, {errors}, {warnings}: {verdict}"
