"""Validating SEN2 files end to end: reader + rules, exit codes, limits, and never raising."""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path

import pytest

from opensend.returns.sen2 import validate
from opensend.returns.sen2.records import Problem
from opensend.returns.sen2.rules import RULES
from opensend.returns.sen2.validate import Report, validate_records, validate_return
from opensend.returns.sen2.writer import write_return
from tests.returns.sen2.rules_support import Return, active, request, valid_return


def as_file(r: Return) -> bytes:
    out = io.BytesIO()
    write_return(out, r.header, r.persons, year=r.year)
    return out.getvalue()


def line_of(data: bytes, text: str, nth: int = 1) -> int:
    """The file line holding the nth occurrence of `text`."""
    lines = data.decode().splitlines()
    hits = [number for number, line in enumerate(lines, start=1) if text in line]
    return hits[nth - 1]


@pytest.mark.parametrize("year", [2025, 2026])
def test_a_valid_file_is_valid(year: int) -> None:
    report = validate_return(io.BytesIO(as_file(valid_return(year))), name="sen2.xml")
    assert (report.exit_code, report.persons, report.year) == (0, 4, year)
    assert report.problems == []
    assert report.unreadable is None
    assert report.header is not None
    assert report.header.lea == "383"


def test_problems_point_at_the_record_in_the_file() -> None:
    r = valid_return()
    request(r.c).request_source = "6"
    active(r.a).needs[0].sen_type = "NSA"
    data = as_file(r)
    report = validate_return(io.BytesIO(data), name="sen2.xml")
    assert report.exit_code == 1
    assert report.errors == 2
    by_rule = {p.rule: p for p in report.problems}
    assert by_rule["R07"].line == line_of(data, "<Requests>", 3)
    assert by_rule["R07"].person == "Cara Sampleton (UN2)"
    assert by_rule["AP23"].line == line_of(data, "<SENneed>", 1)


def test_warnings_alone_leave_the_file_valid() -> None:
    r = valid_return()
    r.a.post_code = "nowhere"
    report = validate_return(io.BytesIO(as_file(r)))
    assert (report.exit_code, report.errors, report.warnings) == (0, 0, 1)
    assert report.valid


def test_a_missing_element_is_reported_once_by_the_reader() -> None:
    data = as_file(valid_return()).replace(b"<Surname>Testperson</Surname>", b"")
    report = validate_return(io.BytesIO(data))
    assert [(p.rule, p.element) for p in report.problems] == [("S01", "Surname")]


def test_an_empty_element_is_a_value_problem() -> None:
    data = as_file(valid_return()).replace(b"<Surname>Testperson</Surname>", b"<Surname/>")
    report = validate_return(io.BytesIO(data))
    assert [(p.rule, p.element) for p in report.problems] == [("P01", "Surname")]


def test_a_missing_header_element_is_reported_once() -> None:
    data = as_file(valid_return()).replace(b"<DMO>Y</DMO>", b"")
    report = validate_return(io.BytesIO(data))
    assert [(p.rule, p.element) for p in report.problems] == [("S01", "DMO")]


def test_a_case_variant_is_read_with_a_warning_and_its_value_checked() -> None:
    r = valid_return()
    placement = active(r.a).placements[0]
    placement.urn, placement.sen_setting = "", "XYZ"
    data = as_file(r).replace(b"<SENsetting>XYZ</SENsetting>", b"<SENSetting>XYZ</SENSetting>")
    report = validate_return(io.BytesIO(data))
    assert [(p.rule, p.severity) for p in report.problems] == [
        ("S00", "warning"),
        ("L04", "error"),
    ]


@pytest.mark.parametrize(
    "data",
    [b"", b"not xml at all", b"<Message><Header>", b"\x89PNG\r\n\x1a\n"],
    ids=["empty", "text", "cut-short-header", "binary"],
)
def test_an_unreadable_file_gives_exit_code_2(data: bytes) -> None:
    report = validate_return(io.BytesIO(data), name="upload.xml")
    assert report.exit_code == 2
    assert report.unreadable
    assert "upload.xml" in report.unreadable


def test_a_missing_path_gives_exit_code_2(tmp_path: Path) -> None:
    report = validate_return(tmp_path / "nowhere.xml")
    assert report.exit_code == 2
    assert report.name.endswith("nowhere.xml")


def test_a_file_cut_short_keeps_what_was_found_before(tmp_path: Path) -> None:
    r = valid_return()
    r.a.sex = "X"
    data = as_file(r)
    cut = data[: data.index(b"<Person>", data.index(b"<Person>", data.index(b"<Person>") + 1) + 1)]
    path = tmp_path / "cut.xml"
    path.write_bytes(cut)
    report = validate_return(path)
    assert report.exit_code == 2
    assert "cut short" in (report.unreadable or "")
    assert report.persons == 2
    assert [p.rule for p in report.problems] == ["P06"]


def test_problems_beyond_the_limit_are_counted_not_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(validate, "PROBLEM_LIMIT", 3)
    r = valid_return()
    for person in r.persons:
        person.sex = "X"
        person.ethnicity = "XXXX"
    report = validate_return(io.BytesIO(as_file(r)))
    assert (len(report.problems), report.not_shown, report.errors) == (3, 5, 8)


def test_progress_is_reported() -> None:
    r = valid_return()
    r.persons = [dataclasses.replace(r.c, line=0) for _ in range(2500)]
    for n, person in enumerate(r.persons):
        person.forename = f"Child{n}"
    seen: list[int] = []
    report = validate_return(io.BytesIO(as_file(r)), progress=seen.append)
    assert seen == [1000, 2000, 2500]
    assert report.persons == 2500


def test_a_rule_that_fails_becomes_a_problem(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(record: object, ctx: object) -> None:
        raise KeyError("boom")

    monkeypatch.setitem(RULES, "P06", dataclasses.replace(RULES["P06"], check=broken, when=""))
    report = validate_return(io.BytesIO(as_file(valid_return())))
    assert report.exit_code == 1
    assert {p.rule for p in report.problems} == {"P06"}
    assert "could not apply rule P06" in report.problems[0].message


def test_an_unexpected_failure_is_reported_not_raised(monkeypatch: pytest.MonkeyPatch) -> None:
    def failing(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(validate, "open_return", failing)
    report = validate_return("any.xml")
    assert report.exit_code == 2
    assert "disk on fire" in (report.unreadable or "")


def test_records_in_memory_are_checked_without_a_file() -> None:
    r = valid_return()
    r.header.lea = "000"
    problems = validate_records(r.header, r.persons, year=2026)
    assert [(p.rule, p.line) for p in problems] == [("H03", 2)]


def test_exit_codes() -> None:
    assert Report("x").exit_code == 0
    error = Problem("P01", "m", "f")
    warning = Problem("P14", "m", "f", severity="warning")
    report = Report("x")
    report.add([warning])
    assert report.exit_code == 0
    report.add([error])
    assert report.exit_code == 1
    report.unreadable = "cut short"
    assert report.exit_code == 2
