"""A large return checked by two processes gives the report the check in one process gives.

Each test writes a return of synthetic persons (the sample return's persons, again and again,
with their own UPNs and ULNs), damages it, and compares the report of the split check with the
report of the check in one process: problems in the same order, with the same lines, counts,
unreadable message and progress calls.
"""

from __future__ import annotations

import copy
import dataclasses
import io
import multiprocessing
import re
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from opensend.core.identifiers import make_uln, make_upn
from opensend.returns.sen2 import validate
from opensend.returns.sen2.reader import find_split, open_return
from opensend.returns.sen2.records import Header, Person
from opensend.returns.sen2.rules import Checker, request_sources
from opensend.returns.sen2.validate import Report, validate_return
from opensend.returns.sen2.writer import write_return
from tests.returns.sen2.test_rules_properties import headers, persons

SAMPLE = Path(__file__).parent / "samples" / "valid_2026.xml"


@settings(max_examples=200, deadline=None)
@given(header=headers, people=st.lists(persons, min_size=1, max_size=6), cut=st.integers(0, 6))
def test_own_and_across_checks_find_what_the_person_check_finds(
    header: Header, people: list[Person], cut: int
) -> None:
    """The split check's rule checks: the second part's persons checked on their own in one
    checker, the file rules over them (without their requests) in the first part's."""
    whole, first, second = (Checker(header, year=2026) for _ in range(3))
    expected = [whole.check_person(person) for person in people]
    found = [first.check_person(person) for person in people[:cut]]
    for person in people[cut:]:
        own = second.check_own(person)
        alone = dataclasses.replace(person, requests=[])
        found.append(own + first.check_across(alone, request_sources(person)))
    assert found == expected
    assert first.finish() == whole.finish()


def sample_return(count: int) -> bytes:
    """A valid 2026 return of `count` persons: the sample's persons in turn, each with its own
    UPN or ULN (and with fewer requests from RequestSource 5, so no warning either)."""
    with open_return(SAMPLE) as sample:
        header, year = sample.header, sample.year
        persons = [person for person, _ in sample.persons]

    def numbered() -> Any:
        for number in range(count):
            person: Person = copy.deepcopy(persons[number % len(persons)])
            person.forename = f"Forename{number}"
            if person.upn:
                person.upn = make_upn(383, 2000 + number // 1000, 2012, number % 1000)
            for request in person.requests[: number % 2]:  # keep RequestSource 5 rare (F03)
                if request.request_source == "5":
                    request.request_source = "1"
            if person.unique_learner_number:
                person.unique_learner_number = next(
                    uln for n in range(number * 11, number * 11 + 11) if (uln := make_uln(n + 1))
                )
            yield person

    out = io.BytesIO()
    write_return(out, header, numbered(), year=year)
    return out.getvalue()


VALID = sample_return(400)


def written(tmp_path: Path, data: bytes) -> Path:
    path = tmp_path / "sen2.xml"
    path.write_bytes(data)
    return path


def checked(path: Path, workers: int) -> tuple[Report, list[int]]:
    calls: list[int] = []
    report = validate_return(path, progress=calls.append, workers=workers)
    return report, calls


def assert_split_check_is_the_same(path: Path) -> Report:
    """The report in two processes is the report in one (and the split held)."""
    split = find_split(path)
    assert split is not None
    calls: list[int] = []
    in_two = validate._validate_in_two(
        split, Report(name=str(path)), validate._Progress(calls.append)
    )
    in_one, calls_in_one = checked(path, workers=1)
    assert in_two == in_one
    assert calls == calls_in_one
    return in_two


def middle(data: bytes) -> int:
    return len(data) // 2


def test_a_valid_return_is_split_near_its_middle_and_reads_as_the_file(tmp_path: Path) -> None:
    path = written(tmp_path, VALID)
    split = find_split(path)
    assert split is not None
    assert abs(split.at - middle(VALID)) < 3_000
    assert VALID[split.at :].startswith(b"<Person>")
    with split.open_first("x") as first, split.open_second("x") as second:
        parts = [(p.label, p.line) for p, _ in first.persons] + [
            (p.label, p.line) for p, _ in second.persons
        ]
    with open_return(path) as whole:
        assert parts == [(p.label, p.line) for p, _ in whole.persons]


def test_a_valid_return(tmp_path: Path) -> None:
    report = assert_split_check_is_the_same(written(tmp_path, VALID))
    assert (report.persons, report.errors) == (400, 0)


def test_problems_in_the_second_half_name_the_files_lines(tmp_path: Path) -> None:
    last = VALID.rindex(b"<Sex>")
    data = VALID[:last] + b"<Sex>Q</Sex>" + VALID[last + len(b"<Sex>F</Sex>") :]
    report = assert_split_check_is_the_same(written(tmp_path, data))
    (problem,) = report.problems
    person_line = data[: data.rindex(b"<Person>")].count(b"\n") + 1
    assert (problem.rule, problem.line) == ("P06", person_line)


def test_the_same_upn_and_uln_in_both_halves(tmp_path: Path) -> None:
    upns = re.findall(rb"<UPN>(\w+)</UPN>", VALID)
    ulns = re.findall(rb"<UniqueLearnerNumber>(\w+)</UniqueLearnerNumber>", VALID)
    data = VALID.replace(upns[-1], upns[0]).replace(upns[-5], upns[3])
    data = data.replace(ulns[-1], ulns[1]).replace(ulns[-2], ulns[-3])  # and within the half
    report = assert_split_check_is_the_same(written(tmp_path, data))
    assert sorted(p.rule for p in report.problems) == ["F01", "F01", "F02", "F02"]
    assert "is also on person 1 (line 22)" in report.problems[-1].message


def test_strays_and_a_second_header_in_both_halves(tmp_path: Path) -> None:
    data = VALID.replace(b"</Person>\n    <Person>", b"</Person>\n    <Stray/>\n    <Person>", 3)
    data = data.replace(b"</Header>", b"</Header>\n  <Header/>\n  <Loose/>", 1)
    tail = data.rindex(b"    <Person>")
    data = data[:tail] + b"    <Odd>1</Odd>\n" + data[tail:]
    data = data.replace(b"</Persons>", b"  <Late/>\n  </Persons>\n  <After/>")
    report = assert_split_check_is_the_same(written(tmp_path, data))
    assert {p.rule for p in report.problems} == {"S02", "S04"}


def test_more_problems_than_are_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(validate, "PROBLEM_LIMIT", 50)
    data = re.sub(rb"<Sex>.</Sex>", b"<Sex>Q</Sex>", VALID)
    data = data.replace(b"<Ethnicity>WBRI</Ethnicity>", b"<Ethnicity>x</Ethnicity>")
    report = assert_split_check_is_the_same(written(tmp_path, data))
    assert len(report.problems) == 50
    assert report.not_shown == report.errors - 50 > 200


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: middle(data) + len(data) // 4],  # cut short
        lambda data: data[: len(data) - 10],
        lambda data: data[: middle(data) + 999] + b"<" + data[middle(data) + 999 :],
        lambda data: data[: middle(data) + 777] + b"\xff" + data[middle(data) + 777 :],
        lambda data: data + b"<Extra/>",
    ],
    ids=["cut-short", "last-tag-cut", "bad-xml", "bad-byte", "content-after-the-end"],
)
def test_a_second_half_that_stops_being_readable(tmp_path: Path, damage: Any) -> None:
    report = assert_split_check_is_the_same(written(tmp_path, damage(VALID)))
    assert report.unreadable
    assert 200 <= report.persons <= 400


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 4] + b"<" + data[len(data) // 4 :],
        lambda data: data.replace(b"</Person>", b"</Person><!--", 1),
        lambda data: data[: find_split_at(data)] + b"<!-- " + data[find_split_at(data) :],
        lambda data: (
            data[: find_split_at(data)] + b"</Persons><Persons>" + data[find_split_at(data) :]
        ),
        lambda data: data.replace(b"<Persons>", b"<!-- people --><Persons>"),
        lambda data: data.replace(b"\n", b"\r", 100),
    ],
    ids=[
        "bad-first-half",
        "unfinished-comment",
        "comment-at-the-split",
        "second-persons",
        "comment-in-the-header",
        "lone-carriage-returns",
    ],
)
def test_returns_a_split_would_misread_are_checked_as_in_one_process(
    tmp_path: Path, damage: Any
) -> None:
    path = written(tmp_path, damage(VALID))
    assert checked(path, workers=2) == checked(path, workers=1)


def test_windows_line_ends(tmp_path: Path) -> None:
    data = VALID.replace(b"\n", b"\r\n")
    last = data.rindex(b"<Sex>")
    data = data[:last] + b"<Sex>Q</Sex>" + data[last + len(b"<Sex>F</Sex>") :]
    report = assert_split_check_is_the_same(written(tmp_path, data))
    assert report.problems[0].line == data[: data.rindex(b"<Person>")].count(b"\n") + 1


def find_split_at(data: bytes) -> int:
    """Where a split of `data` would be made (just before a `<Person>` near the middle)."""
    return data.index(b"<Person>", middle(data))


def test_a_long_return_has_line_numbers_past_65535(tmp_path: Path) -> None:
    data = sample_return(2_500)
    assert data.count(b"\n") > 80_000
    last = data.rindex(b"<Sex>")
    data = data[:last] + b"<Sex>Q</Sex>" + data[last + len(b"<Sex>F</Sex>") :]
    report = assert_split_check_is_the_same(written(tmp_path, data))
    assert report.problems[0].rule == "P06"
    assert report.problems[0].line > 80_000


def crashes(*args: Any) -> None:
    raise RuntimeError("the second process stops")


def hangs(*args: Any) -> None:
    time.sleep(60)


@pytest.mark.parametrize("second_part", [crashes, hangs], ids=["crashes", "hangs"])
def test_a_second_process_that_fails_leaves_the_check_to_one_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, second_part: Any
) -> None:
    path = written(tmp_path, sample_return(2_100))
    in_one = checked(path, workers=1)
    monkeypatch.setattr(validate, "_check_second_part", second_part)
    monkeypatch.setattr(validate, "PATIENCE", 0)
    assert checked(path, workers=2) == in_one
    assert in_one[1] == [1000, 2000, 2100]


def test_small_files_file_objects_and_no_fork_mean_one_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = written(tmp_path, VALID)

    def no_second_process(*args: Any) -> Report:
        raise AssertionError("checked in two processes")

    monkeypatch.setattr(validate, "_validate_in_two", no_second_process)
    assert validate_return(path).persons == 400  # smaller than PARALLEL_FROM
    with path.open("rb") as file:
        assert validate_return(file, workers=2).persons == 400
    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    assert validate_return(path, workers=2).persons == 400


def test_large_files_are_checked_in_two_processes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = written(tmp_path, VALID)
    in_two = validate._validate_in_two
    used: list[bool] = []

    def counted(*args: Any) -> Report:
        used.append(True)
        return in_two(*args)

    monkeypatch.setattr(validate, "_validate_in_two", counted)
    monkeypatch.setattr(validate, "PARALLEL_FROM", len(VALID) // 2)
    monkeypatch.setattr(validate, "_processors", lambda: 2)
    assert validate_return(path) == validate_return(path, workers=1)
    assert used == [True]
