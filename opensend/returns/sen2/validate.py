"""Check a SEN2 return: the reader's structure checks (S rules) and the value rules (H, P, R, A,
N, D, AP, L, F), as one report. Pure Python; never raises.

`validate_return(path_or_file)` streams the file one person at a time, so memory stays flat
however large the return; the report keeps the first `PROBLEM_LIMIT` problems and counts the
rest. `validate_records(header, persons, year=...)` checks a return held in memory (one built
from the register before it is written, or a test's records) and returns every problem.

Each problem is reported once: where the reader already reports an element as missing (S01),
the value rule that would say the same about that element of that record is dropped.

Two processes: a file given by its path, of `PARALLEL_FROM` bytes or more, on a machine with two
processors, is checked in two parts at once (where the "fork" start method exists). The reader
cuts it between two persons near the middle (`reader.Split`); a second process reads the second
part and checks each of its persons on its own (every rule but the file rules), writing to a
temporary file, in batches, what the first process needs: each person's own problems, the
person without its requests (what the file rules read) and the counts of its requests' sources.
Meanwhile this process checks the first part as usual; then it goes through the second part's
persons in file order, adding their problems and running the file rules (F01, F02: the same
UPN or ULN twice, on either side of the cut) in the one checker that saw the first part, then
the problems outside persons and the end-of-file rules (F03). The report is the one the check
in one process gives: the same problems in the same order, with the file's line numbers, the
same counts and progress calls, and, for a second part that stops being readable, the same
message and nothing after it. A file the cut might misread (the first part is not readable to
its end, the second process fails) is checked again in one piece; the progress callback is
not given again the counts it already had.
"""

from __future__ import annotations

import dataclasses
import itertools
import multiprocessing
import operator
import os
import pickle
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from opensend.returns.sen2.reader import (
    ReturnFile,
    Split,
    SplitUnsafe,
    UnreadableReturn,
    find_split,
    open_return,
)
from opensend.returns.sen2.records import Header, Person, Problem
from opensend.returns.sen2.rules import ERROR, Checker, request_sources

__all__ = [
    "PROBLEM_LIMIT",
    "Report",
    "validate_records",
    "validate_return",
]

PROBLEM_LIMIT = 10_000
PROGRESS_EVERY = 1_000  # persons between calls of the progress callback
PARALLEL_FROM = 2 * 1024 * 1024  # bytes from which a file is checked by two processes
READ_AHEAD = 64  # persons read before they are checked
PATIENCE = 30  # seconds, beyond twice the first part's, to wait for the second process

_Read = tuple[Person, list[Problem]]  # a person read, with its structure problems

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

    def add_hidden(self, errors: int, warnings: int) -> None:
        """Count problems found beyond PROBLEM_LIMIT without having them."""
        self.errors += errors
        self.warnings += warnings
        self.not_shown += errors + warnings


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
    workers: int | None = None,
) -> Report:
    """Check a SEN2 file (a path or a binary file object). Never raises: a file that cannot be
    read, or stops being readable part way, gives a report with `unreadable` set (exit code 2)
    and whatever was found before that point.

    `progress`, if given, is called with the number of persons checked every `PROGRESS_EVERY`
    persons and at the end. `workers` is how many processes may check the file: 1 checks it in
    this process; 2 splits a file given by its path in two parts checked at once, whatever its
    size (see "Two processes" above); None (the default) uses two for a file of
    `PARALLEL_FROM` bytes or more when the machine has two processors. The report is the same
    either way.
    """
    report = Report(name=_name_of(source, name))
    counter = _Progress(progress)
    split = _split_of(source, workers)
    if split is not None:
        try:
            return _validate_in_two(split, report, counter)
        except Exception:  # a part misread, or the second process failed: check it in one piece
            report = Report(name=report.name)
    try:
        with open_return(source, name=report.name) as opened:
            checker = _start(report, opened)
            _check_persons(opened, checker, report, counter)
            report.add(opened.message_problems)
            report.add(checker.finish())
    except UnreadableReturn as error:
        report.unreadable = str(error)
    except Exception as error:  # the report says what went wrong instead
        report.unreadable = (
            f"OpenSEND could not finish checking {report.name or 'the file'} "
            f"({type(error).__name__}: {error}); please report this to its maintainers"
        )
    counter.end(report.persons)
    return report


def _start(report: Report, opened: ReturnFile) -> Checker:
    """The checker for an opened return, with the header's problems in the report."""
    report.year, report.header = opened.year, opened.header
    checker = Checker(opened.header, year=opened.year)
    report.add(opened.header_problems)
    header_values = checker.check_header()
    report.add(without_structural_twins(opened.header_problems, header_values, same_line=False))
    return checker


def _check_persons(
    opened: ReturnFile, checker: Checker, report: Report, counter: _Progress
) -> None:
    """Check each person of an opened return in turn, adding the problems to the report."""
    for batch in _batches(opened.persons):
        for person, structural in batch:
            report.persons += 1
            found = checker.check_person(person)
            if structural:
                report.add(structural)
                found = without_structural_twins(structural, found)
            if found:
                report.add(found)
            counter.person(report.persons)


def _batches(persons: Iterable[_Read]) -> Iterator[list[_Read]]:
    """The persons read, `READ_AHEAD` at a time (the last batch shorter); if the file stops
    being readable, the persons read before that point, then the error. Reading a few dozen
    persons, then checking them, keeps the reader's and then the rules' code and data in the
    processor's caches: the check is about 7% faster than person by person."""
    batch: list[_Read] = []
    try:
        for read in persons:
            batch.append(read)
            if len(batch) == READ_AHEAD:
                yield batch
                batch = []
    except Exception:
        yield batch
        raise
    yield batch


class _Progress:
    """The progress callback: called every `PROGRESS_EVERY` persons and once at the end. A
    check started again in one piece does not report again the counts already reported."""

    def __init__(self, callback: Callable[[int], object] | None) -> None:
        self.callback = callback
        self.reported = 0

    def person(self, count: int) -> None:
        if self.callback is not None and count % PROGRESS_EVERY == 0 and count > self.reported:
            self.reported = count
            self.callback(count)

    def end(self, count: int) -> None:
        if self.callback is not None and (count % PROGRESS_EVERY or not count):
            self.callback(count)


def validate_records(header: Header, persons: Iterable[Person], *, year: int) -> list[Problem]:
    """Every value problem of a return held in memory, header first, then person by person."""
    checker = Checker(header, year=year)
    problems = checker.check_header()
    for person in persons:
        problems.extend(checker.check_person(person))
    problems.extend(checker.finish())
    return problems


# -- two processes ------------------------------------------------------------------------------


def _split_of(source: Any, workers: int | None) -> Split | None:
    """Where to split the file for two processes, or None to check it in this one."""
    if workers == 1 or not isinstance(source, str | Path):
        return None
    if "fork" not in multiprocessing.get_all_start_methods():
        return None
    if workers is None:
        try:
            if os.path.getsize(source) < PARALLEL_FROM or _processors() < 2:
                return None
        except OSError:
            return None
    return find_split(source)


def _processors() -> int:
    """How many processors this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _validate_in_two(split: Split, report: Report, counter: _Progress) -> Report:
    """Check the first part here while a second process checks the second part, then apply the
    file rules to the second part's persons in file order. Raises SplitUnsafe if the parts do
    not read as the file would (the file must then be checked in one piece)."""
    with tempfile.TemporaryFile() as results:
        fork = multiprocessing.get_context("fork")
        second = fork.Process(
            target=_check_second_part, args=(split, report.name, results), daemon=True
        )
        second.start()
        started = time.monotonic()
        try:
            try:
                with split.open_first(report.name) as opened:
                    checker = _start(report, opened)
                    _check_persons(opened, checker, report, counter)
                    first_message_problems = opened.message_problems
            except UnreadableReturn as error:  # in the file, or made by the split
                raise SplitUnsafe(str(error)) from error
            second.join(timeout=PATIENCE + 2 * (time.monotonic() - started))
            if second.exitcode != 0:  # (None if still running)
                raise SplitUnsafe(f"the second process ended with {second.exitcode}")
            results.seek(0)
            _merge(results, checker, report, counter, first_message_problems)
        finally:
            if second.is_alive():
                second.kill()
                second.join()
    counter.end(report.persons)
    return report


# What the second process sends of each person: the person's own items (without requests), what
# the file rules count of its requests, its problems (while fewer than PROBLEM_LIMIT were sent)
# as tuples, and the number of errors and of warnings not sent.
_PERSON_FIELDS = [f.name for f in dataclasses.fields(Person)]
_REQUESTS = _PERSON_FIELDS.index("requests")
_items_of = operator.attrgetter(*(name for name in _PERSON_FIELDS if name != "requests"))
_new_person: Callable[..., Person] = Person  # called with the fields in order
_BATCH = 1_000  # persons a message


def _check_second_part(split: Split, name: str, results: IO[bytes]) -> None:
    """In the second process: check each person of the second part on its own and write, in
    batches, what the first process needs to finish the report (see `_merge`)."""

    def send(kind: str, payload: object) -> None:
        pickle.dump((kind, payload), results, protocol=pickle.HIGHEST_PROTOCOL)

    batch: list[tuple[Any, ...]] = []
    sent = 0
    try:
        with split.open_second(name) as opened:
            checker = Checker(opened.header, year=opened.year)
            for person, structural in itertools.chain.from_iterable(_batches(opened.persons)):
                found = checker.check_own(person)
                if structural:
                    found = structural + without_structural_twins(structural, found)
                shown = [dataclasses.astuple(p) for p in found[: max(PROBLEM_LIMIT - sent, 0)]]
                sent += len(shown)
                hidden = found[len(shown) :]
                errors = sum(p.severity == ERROR for p in hidden)
                sources = request_sources(person)
                batch.append((_items_of(person), sources, shown, errors, len(hidden) - errors))
                if len(batch) == _BATCH:
                    send("persons", batch)
                    batch = []
            send("persons", batch)
            send("end", [dataclasses.astuple(p) for p in opened.message_problems])
    except UnreadableReturn as error:
        send("persons", batch)
        send("unreadable", str(error))
    except Exception as error:  # the first process checks the file again in one piece
        send("unsafe", f"{type(error).__name__}: {error}")
    finally:
        results.flush()


def _merge(
    results: IO[bytes],
    checker: Checker,
    report: Report,
    counter: _Progress,
    first_message_problems: list[Problem],
) -> None:
    """Add the second part's persons to the report in file order, with the file rules' problems
    for each; then, at the end, the problems outside persons and the end-of-file rules. As the
    check in one piece, an unreadable second part ends the report where it stops being readable.
    """
    while True:
        try:
            kind, payload = pickle.load(results)
        except (EOFError, pickle.UnpicklingError) as error:
            raise SplitUnsafe("the second process did not finish") from error
        if kind == "persons":
            for items, sources, shown, errors, warnings in payload:
                report.persons += 1
                if shown:
                    report.add(Problem(*problem) for problem in shown)
                if errors or warnings:
                    report.add_hidden(errors, warnings)
                person = _new_person(*items[:_REQUESTS], [], *items[_REQUESTS:])
                found = checker.check_across(person, sources)
                if found:
                    report.add(found)
                counter.person(report.persons)
        elif kind == "end":
            report.add(first_message_problems)
            report.add(Problem(*problem) for problem in payload)
            report.add(checker.finish())
            return
        elif kind == "unreadable":
            report.unreadable = payload
            return
        else:
            raise SplitUnsafe(payload)
