"""Read a SEN2 return, streamed one person at a time, into records and structural problems.

    with open_return("sen2_2026.xml") as sen2:
        sen2.header, sen2.year, sen2.header_problems
        for person, problems in sen2.persons:
            ...

The file is parsed with lxml's `iterparse`; each `<Person>` is turned into a `records.Person`
and then cleared from memory with everything before it, so a 1 GB return reads in flat memory.
A file that cannot be read as an SEN2 return at all (not XML, empty, cut short, in another
encoding than it declares, not `<Message>`, no `<Header>`, not SEN2, a year OpenSEND does not
support, a DOCTYPE) raises `UnreadableReturn` with a plain-English message naming the file and
line, when opened or, for damage further on, while `persons` is iterated.

Structure problems are reported, not raised: a missing required element (rule S01), an element
SEN2 does not have there (S02), an element out of order or out of place (S03), an element more
times than allowed (S04, the first ones are kept), text or child elements where they cannot be
(S05), and a known case variant of an element name such as `<SENSetting>` (S00, a warning; the
element is read under its DfE name). Values are not checked here: a bad date or code is read as
written and left to the validation rules.

A large return can be read in two parts at once, each by its own process: `find_split` finds
where to cut it between two persons, and the `Split`'s `open_first` and `open_second` read the
parts so that together they give what reading the whole file gives (`validate.py` uses it).

The structure is checked in Python against `layout.content_model(year)` in the same walk that
builds the records, rather than by validating each `<Person>` with the XSD: the two agree (a
test checks them against each other on randomly damaged persons), the walk has to visit every
element anyway, and lxml's XMLSchema validation of a typical person costs about 16 µs, as much
again as a third of the parsing, against a few µs for the checks in the walk.
"""

from __future__ import annotations

import io
import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import IO, Any, BinaryIO, NamedTuple

from lxml import etree  # type: ignore[import-untyped]

from opensend.returns.sen2 import layout
from opensend.returns.sen2.records import (
    ActivePlans,
    Assessment,
    Header,
    NamedPlan,
    Person,
    PlacementDetail,
    PlanDetail,
    Problem,
    Request,
    SenNeed,
)

__all__ = [
    "Part",
    "ReturnFile",
    "Split",
    "SplitUnsafe",
    "UnreadableReturn",
    "find_split",
    "open_return",
]

RECORD_TYPES: dict[str, Callable[..., Any]] = {
    "Person": Person,
    "Requests": Request,
    "Assessment": Assessment,
    "NamedPlan": NamedPlan,
    "PlanDetail": PlanDetail,
    "ActivePlans": ActivePlans,
    "PlacementDetail": PlacementDetail,
    "SENneed": SenNeed,
}
_CHUNK = 1 << 16


class UnreadableReturn(Exception):
    """The file cannot be read as an SEN2 return. The message says why, where, and what to do."""


class SplitUnsafe(Exception):
    """A part of a split return does not start where the split was made: the return must be
    read in one piece instead."""


class Part(NamedTuple):
    """Which part of a split return a stream holds (see `Split`)."""

    first: bool


@dataclass
class ReturnFile:
    """An open SEN2 return.

    `header_problems` is complete when the file is opened. `persons` yields each person with
    its own structure problems, in file order, once. `message_problems` collects problems
    outside any person (an unknown element inside `<Persons>`, a missing `<Persons>`): complete
    once `persons` is exhausted. Use it as a context manager, or call `close()`, to close a file
    opened from a path before the persons are all read.
    """

    name: str
    header: Header
    year: int
    persons: Iterator[tuple[Person, list[Problem]]]
    header_problems: list[Problem]
    message_problems: list[Problem] = field(default_factory=list)
    _close: Callable[[], None] = lambda: None

    def close(self) -> None:
        self._close()

    def __enter__(self) -> ReturnFile:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


# -- the walk: structure check and records in one pass -------------------------------------------


class _Slot(NamedTuple):
    """How one child element of a group is read: into `field`, as a value or a child record."""

    position: int  # its place in the group's order
    field: str
    group: _Group | None  # None for a value
    max_occurs: int | None


class _Group(NamedTuple):
    element: str
    slots: dict[str, _Slot]
    required: tuple[tuple[str, str], ...]  # (field, element) of each required child
    required_fields: frozenset[str]
    order: tuple[str, ...]
    make: Callable[..., Any]


def _compile(group: str, model: dict[str, tuple[layout.Item, ...]]) -> _Group:
    items = model[group]
    slots = {
        item.element: _Slot(
            index,
            item.field,
            _compile(item.group, model) if item.group else None,
            item.max_occurs,
        )
        for index, item in enumerate(items)
    }
    required = tuple((item.field, item.element) for item in items if item.min_occurs)
    order = tuple(item.element for item in items)
    return _Group(
        group,
        slots,
        required,
        frozenset(field for field, _ in required),
        order,
        RECORD_TYPES.get(group, dict),
    )


# Where each element belongs (for "belongs inside <X>" in a problem's fix).
_HOME: dict[str, str] = {}
for _group, _items in layout.content_model(layout.SUPPORTED_YEARS[-1]).items():
    for _item in _items:
        _HOME.setdefault(_item.element, _group)


class _Walk:
    """Reads one `<Header>` or `<Person>` subtree into records, noting structure problems.

    Problems are kept as (rule, line, element, value, message, fix) until the person's label is
    known. Known case variants of element names (`<SENSetting>`) are renamed as the walk meets
    them, with a warning each in `renamed` (S00), before anything else reads their name.
    """

    def __init__(self) -> None:
        self.found: list[tuple[str, int, str, str, str, str]] = []
        self.renamed: list[tuple[str, int, str, str, str, str]] = []

    def note(
        self, rule: str, line: int, element: str, message: str, fix: str, value: str = ""
    ) -> None:
        self.found.append((rule, line, element, value, message, fix))

    def read(self, element: Any, group: _Group) -> Any:
        """The record for `element` (a `group` element), its children read recursively.

        The hot loop of the reader: kept flat, with the problem cases out of line.
        """
        slots = group.slots
        values: dict[str, Any] = {}
        last = -1
        text = element.text
        if text is not None and not text.isspace():
            self._text_in_group(element, text)
        for child in element:
            try:
                position, field, inner, most = slots[child.tag]
            except KeyError:
                slot = self._unexpected(child, group)
                if slot is None:
                    continue
                position, field, inner, most = slot
            if position < last and not (most == 1 and field in values):
                self._out_of_order(child, group, last)  # (a repeat is reported as S04)
            else:
                last = position
            tail = child.tail
            if tail is not None and not tail.isspace():
                self._text_in_group(element, tail, after=child)
            if inner is not None:
                self._read_child(child, group, inner, field, most, values)
            elif field in values:
                self._too_many(child, group, most)
            else:
                if len(child):
                    self._elements_in_value(child)
                text = child.text
                values[field] = text.strip() if text else ""
        if not values.keys() >= group.required_fields:
            self._missing(element, group, values)
        return group.make(line=element.sourceline or 0, **values)

    def _read_child(
        self,
        child: Any,
        group: _Group,
        inner: _Group,
        field: str,
        most: int | None,
        values: dict[str, Any],
    ) -> None:
        """Read a child record into `values[field]` (a list when more than one is allowed)."""
        if most == 1:
            if field in values:
                self._too_many(child, group, most)
            else:
                values[field] = self.read(child, inner)
            return
        records = values.setdefault(field, [])
        if most is not None and len(records) >= most:
            self._too_many(child, group, most)
        else:
            records.append(self.read(child, inner))

    # Each kind of problem, in plain English.

    def _unexpected(self, child: Any, group: _Group) -> _Slot | None:
        """The slot of a child whose name is not one of the group's: a case variant renamed to
        its DfE name, or None for an element SEN2 does not have here (reported)."""
        if child.tag in layout.CASE_VARIANTS:
            self._rename(child)
            slot = group.slots.get(child.tag)
            if slot is not None:
                return slot
        self._rename_inside(child)
        self._unknown(child, group)
        return None

    def _rename(self, variant: Any) -> None:
        name = layout.CASE_VARIANTS[variant.tag]
        self.renamed.append(
            (
                "S00",
                variant.sourceline or 0,
                variant.tag,
                (variant.text or "").strip(),
                f"<{variant.tag}> is read as <{name}>, the DfE name (element names are "
                "case-sensitive).",
                f"Rename <{variant.tag}> to <{name}>.",
            )
        )
        variant.tag = name

    def _rename_inside(self, element: Any) -> None:
        """Rename the case variants inside an element the walk does not go into."""
        if len(element):
            for variant in element.iterdescendants(*layout.CASE_VARIANTS):
                self._rename(variant)

    def _missing(self, element: Any, group: _Group, values: dict[str, Any]) -> None:
        """Note each required child of the group that `values` has not read."""
        for key, name in group.required:
            if key not in values:
                self.note(
                    "S01",
                    element.sourceline or 0,
                    name,
                    f"<{group.element}> has no <{name}>, which every <{group.element}> must have.",
                    f"Add <{name}> inside this <{group.element}>.",
                )

    def _unknown(self, child: Any, group: _Group) -> None:
        if not isinstance(child.tag, str):
            return  # an entity reference: only in a file with a DOCTYPE, which is refused
        home = _HOME.get(child.tag)
        if home:
            message = f"<{child.tag}> is inside <{group.element}>; it belongs inside <{home}>."
            fix = f"Move <{child.tag}> into its <{home}>."
        else:
            message = f"<{child.tag}> is not an SEN2 element."
            fix = f"Remove <{child.tag}>, or correct its name (names are case-sensitive)."
        self.note("S02", child.sourceline or 0, child.tag, message, fix)

    def _out_of_order(self, child: Any, group: _Group, last: int) -> None:
        after = group.order[last]
        self.note(
            "S03",
            child.sourceline or 0,
            child.tag,
            f"<{child.tag}> comes after <{after}> in <{group.element}>, out of order.",
            f"Put <{child.tag}> before <{after}>: SEN2 elements must be in the order of the "
            "DfE specification.",
        )

    def _too_many(self, child: Any, group: _Group, most: int | None) -> None:
        self._rename_inside(child)
        times = "once" if most == 1 else f"{most} times"
        value = (child.text or "").strip() if not len(child) else ""
        self.note(
            "S04",
            child.sourceline or 0,
            child.tag,
            f"<{child.tag}> appears more than {times} in <{group.element}>; only the first "
            f"{'one was' if most == 1 else 'ones were'} read.",
            f"Remove the extra <{child.tag}>, or move it to the record it belongs to.",
            value,
        )

    def _text_in_group(self, element: Any, text: str, after: Any = None) -> None:
        line = (after if after is not None else element).sourceline or 0
        self.note(
            "S05",
            line,
            element.tag,
            f"<{element.tag}> holds the text {text.strip()[:40]!r} between its elements; it "
            "should hold only elements.",
            "Remove the text, or put it inside the element it belongs to.",
            text.strip()[:40],
        )

    def _elements_in_value(self, child: Any) -> None:
        self._rename_inside(child)
        inner = next(iter(child))
        self.note(
            "S05",
            child.sourceline or 0,
            child.tag,
            f"<{child.tag}> holds an element <{inner.tag}>; it should hold only a value.",
            f"Remove <{inner.tag}> from <{child.tag}>.",
        )

    def problems(self, person: str = "") -> list[Problem]:
        """The problems found, as `Problem`s naming `person`: the renamed case variants
        (warnings) first, then the structure errors, each in file order."""
        return [
            Problem(rule, message, fix, line, person, element, value, severity)
            for found, severity in ((self.renamed, "warning"), (self.found, "error"))
            for rule, line, element, value, message, fix in found
        ]


def _header_record(element: Any, year: int) -> tuple[Header, list[Problem]]:
    """The `<Header>` as a flat `Header` record (its two groups merged), and its problems."""
    walk = _Walk()
    parts = walk.read(element, _compile("Header", layout.content_model(year)))
    values = {**(parts.get("collection_details") or {}), **(parts.get("source") or {})}
    values.pop("line", None)
    header = Header(**{"collection": "", "source_level": "", **values}, line=parts["line"])
    return header, walk.problems()


# -- opening the file -----------------------------------------------------------------------------


class _Source:
    """The file's bytes for lxml, counted (so an empty or cut-short file can say so)."""

    def __init__(self, stream: IO[bytes], prefix: bytes) -> None:
        self.stream = stream
        self.prefix = prefix
        self.size = len(prefix)
        self.lines = prefix.count(b"\n")
        self.ended = False

    def read(self, size: int = -1) -> bytes:
        if self.prefix:
            data, self.prefix = self.prefix, b""
            return data
        data = self.stream.read(size if size and size > 0 else _CHUNK)
        if not data:
            self.ended = True
        self.size += len(data)
        self.lines += data.count(b"\n")
        return data


_BOMS = (
    (b"\xef\xbb\xbf", "UTF-8"),
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"),
    (b"\xfe\xff", "UTF-16"),
)
_DECLARED = re.compile(rb"""^<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")


def _encoding_conflict(prefix: bytes) -> str | None:
    """What the first bytes say about the encoding, if it contradicts the XML declaration."""
    actual = next((name for bom, name in _BOMS if prefix.startswith(bom)), None)
    if actual is None and prefix[:4] in (b"<\x00?\x00", b"\x00<\x00?"):
        actual = "UTF-16"
    if actual is None or actual == "UTF-8":
        return None
    text = prefix.decode("utf-16" if actual == "UTF-16" else "utf-32", errors="ignore")
    declared = _DECLARED.match(text.lstrip("\ufeff").encode("ascii", errors="ignore"))
    if declared and declared.group(1).decode().upper().replace("_", "-") in ("UTF-8", "UTF8"):
        return (
            f'is saved as {actual} but its first line says encoding="UTF-8". Save the file '
            "as UTF-8 (or correct the encoding in its first line)"
        )
    return None


def _syntax_error(name: str, error: Exception, source: _Source) -> UnreadableReturn:
    """A parser error in plain English."""
    raw = str(getattr(error, "msg", "") or error)
    message = re.sub(r", line \d+, column \d+$", "", raw)
    line = getattr(error, "lineno", 0) or 0
    where = f" at line {line}" if line else ""
    if source.size == 0 or (line <= 1 and "Document is empty" in message):
        return UnreadableReturn(f"{name} is empty. Export the return again.")
    if any(words in message for words in ("Invalid bytes", "UTF-8", "labelled")):
        return UnreadableReturn(
            f"{name} has characters that are not valid in its encoding{where} ({message}). The "
            "file was probably saved as Latin-1 or Windows-1252 while it says UTF-8: save it as "
            "UTF-8 and try again."
        )
    if "Premature end of data" in message or (source.ended and line >= source.lines):
        return UnreadableReturn(
            f"{name} ends too early{where}: the file looks cut short. Copy or export it again "
            "and check that the whole file arrived."
        )
    if "Start tag expected" in message and line <= 1:
        return UnreadableReturn(
            f"{name} is not an XML file: it does not start with an XML tag. Check that this is "
            "the SEN2 return (an .xml file), not a spreadsheet or report."
        )
    return UnreadableReturn(
        f"{name} is not well-formed XML{where}: {message}. Correct the file there, or export it "
        "again."
    )


def _year_of(name: str, header: Any) -> int:
    collection = (header.findtext("CollectionDetails/Collection") or "").strip()
    if collection != "SEN2":
        said = f"says it is a {collection!r} return" if collection else "has no <Collection>"
        raise UnreadableReturn(
            f"{name} {said} (line {header.sourceline}); an SEN2 return has "
            "<Collection>SEN2</Collection> in <Header><CollectionDetails>."
        )
    year_text = (header.findtext("CollectionDetails/Year") or "").strip()
    supported = " and ".join(str(y) for y in layout.SUPPORTED_YEARS)
    if not year_text.isdigit() or int(year_text) not in layout.SUPPORTED_YEARS:
        said = f"is for {year_text!r}" if year_text else "has no <Year>"
        raise UnreadableReturn(
            f"{name} {said} (line {header.sourceline}); OpenSEND reads SEN2 returns for "
            f"{supported}. Set <Year> in <CollectionDetails> to the collection year."
        )
    return int(year_text)


def open_return(
    source: str | Path | BinaryIO, *, name: str = "", part: Part | None = None
) -> ReturnFile:
    """Open an SEN2 return from a path or a binary file object and read its header.

    `name` is how messages name the file (default: the path, or the file object's name).
    Raises UnreadableReturn if the file cannot be read as an SEN2 return of a supported year.
    `part` says the source is one part of a split return (see `Split`).
    """
    if isinstance(source, str | Path):
        name = name or str(source)
        try:
            stream: IO[bytes] = open(source, "rb")  # noqa: SIM115 - closed by ReturnFile
        except OSError as error:
            raise UnreadableReturn(f"{name} cannot be opened: {error.strerror}.") from None
        close = stream.close
    else:
        stream = source
        name = name or str(getattr(source, "name", "") or "the file")
        close = _nothing
    try:
        return _open(stream, name, close, part)
    except BaseException:
        close()
        raise


def _nothing() -> None:
    return None


def _open(stream: IO[bytes], name: str, close: Callable[[], None], part: Part | None) -> ReturnFile:
    try:
        prefix = stream.read(256)
    except OSError as error:
        raise UnreadableReturn(f"{name} cannot be read: {error}.") from None
    conflict = _encoding_conflict(prefix)
    if conflict:
        raise UnreadableReturn(f"{name} {conflict}.")
    source = _Source(stream, prefix)
    events = etree.iterparse(
        source,
        events=("end",),
        tag=("Header", "Person"),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_blank_text=True,
        remove_comments=True,
        remove_pis=True,
    )
    reading = _Events(events, name, source)
    header_element = reading.first()
    year = _year_of(name, header_element)
    header, header_problems = _header_record(header_element, year)
    returned = ReturnFile(name, header, year, iter(()), header_problems, _close=close)
    returned.persons = _persons(reading, year, returned.message_problems, close, part)
    return returned


class _Events:
    """The parser's events, with lxml's errors turned into UnreadableReturn."""

    def __init__(self, events: Any, name: str, source: _Source) -> None:
        self.events = events
        self.name = name
        self.source = source
        self.root: Any = None

    def __iter__(self) -> Iterator[Any]:
        try:
            for _event, element in self.events:
                if self.root is None:
                    self.root = self._check_root(element)
                yield element
            if self.root is None:
                self.root = self._check_root(self.events.root)
        except etree.LxmlError as error:
            raise _syntax_error(self.name, error, self.source) from None
        except (OSError, ValueError) as error:  # a stream that fails, or bytes lxml refuses
            raise UnreadableReturn(f"{self.name} cannot be read: {error}.") from None

    def first(self) -> Any:
        """The `<Header>` element: the first event, which must be the Message's header."""
        self.iterator = iter(self)
        element = next(self.iterator, None)
        if element is None or element.tag != "Header" or element.getparent() is not self.root:
            line = (
                f" (the first person is at line {element.sourceline})"
                if element is not None
                else ""
            )
            raise UnreadableReturn(
                f"{self.name} has no <Header> at the start of <Message>{line}. An SEN2 return "
                "starts with <Header> holding <CollectionDetails> and <Source>."
            )
        return element

    def _check_root(self, element: Any) -> Any:
        tree = element.getroottree()
        if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:
            raise UnreadableReturn(
                f"{self.name} has a DOCTYPE declaration, which SEN2 returns do not have and "
                "OpenSEND does not read (it can hide entity expansions). Remove the <!DOCTYPE "
                "...> line."
            )
        root = tree.getroot()
        if root.tag != "Message":
            raise UnreadableReturn(
                f"{self.name} starts with <{root.tag}> (line {root.sourceline}), not <Message>: "
                "it is not an SEN2 return."
            )
        return root


def _persons(
    reading: _Events,
    year: int,
    message_problems: list[Problem],
    close: Callable[[], None],
    part: Part | None,
) -> Iterator[tuple[Person, list[Problem]]]:
    person_group = _compile("Person", layout.content_model(year))
    root = reading.root
    persons = None  # the <Persons> of the last person read
    count = 0
    try:
        elements = reading.iterator
        if part is not None and not part.first:
            elements = _from_split(elements, root)
        for element in elements:
            parent = element.getparent()
            if element.tag != "Person" or (parent is not persons and not _is_persons(parent, root)):
                _out_of_place(element, message_problems)
                continue
            persons = parent
            walk = _Walk()
            person: Person = walk.read(element, person_group)
            count += 1
            yield person, walk.problems(person.label) if walk.found or walk.renamed else []
            _forget(element, parent, message_problems)
        if part is None or not part.first:
            _check_message(root, count, message_problems)
    finally:
        close()


def _from_split(elements: Iterator[Any], root: Any) -> Iterator[Any]:
    """The second part's elements from its first person on: what comes before it is the first
    part's to report (or, inside that person, not reported)."""
    for element in elements:
        if element.tag == "Person" and _is_persons(element.getparent(), root):
            return itertools.chain((element,), elements)
    raise SplitUnsafe("the second part has no person")


def _is_persons(element: Any, root: Any) -> bool:
    """Whether `element` is the `<Persons>` of the `<Message>`."""
    return element is not None and element.tag == "Persons" and element.getparent() is root


def _forget(element: Any, parent: Any, message_problems: list[Problem]) -> None:
    """Free a read person and anything before it, noting any stray element on the way."""
    element.clear(keep_tail=True)
    while (previous := element.getprevious()) is not None:
        if previous.tag not in ("Person", "Header"):  # a Header was reported as it was read
            _out_of_place(previous, message_problems)
        del parent[0]


def _out_of_place(element: Any, message_problems: list[Problem]) -> None:
    if element.tag == "Header" and element.getparent() is element.getroottree().getroot():
        message_problems.append(
            Problem(
                "S04",
                "<Message> has a second <Header>; only the first was read.",
                "Remove the second <Header>.",
                element.sourceline or 0,
                element="Header",
            )
        )
        return
    if any(ancestor.tag == "Person" for ancestor in element.iterancestors()):
        return  # reported with the person it is inside
    where = element.getparent().tag if element.getparent() is not None else "the file"
    home = _HOME.get(element.tag)
    message_problems.append(
        Problem(
            "S03" if home else "S02",
            f"<{element.tag}> is inside <{where}>"
            + (f"; it belongs inside <{home}>." if home else "; SEN2 has no such element there."),
            f"Move <{element.tag}> into <{home}>." if home else f"Remove <{element.tag}>.",
            element.sourceline or 0,
            element=element.tag,
        )
    )


def _check_message(root: Any, count: int, message_problems: list[Problem]) -> None:
    """After the last person: `<Message>` holds `<Header>` then `<Persons>` with a person."""
    names = [child.tag for child in root if isinstance(child.tag, str)]
    for child in root:
        if isinstance(child.tag, str) and child.tag not in ("Header", "Persons", "Person"):
            _out_of_place(child, message_problems)
    persons = root.find("Persons")
    if persons is None:
        message_problems.append(
            Problem(
                "S01",
                "<Message> has no <Persons>.",
                "Add <Persons> after <Header>, holding a <Person> for each child or young person.",
                root.sourceline or 0,
                element="Persons",
            )
        )
        return
    if "Header" in names and names.index("Persons") < names.index("Header"):
        message_problems.append(
            Problem(
                "S03",
                "<Persons> comes before <Header> in <Message>.",
                "Put <Header> first.",
                persons.sourceline or 0,
                element="Persons",
            )
        )
    for child in persons:
        if isinstance(child.tag, str) and child.tag != "Person":
            _out_of_place(child, message_problems)
    if count == 0:
        message_problems.append(
            Problem(
                "S01",
                "<Persons> holds no <Person>.",
                "Add a <Person> for each child or young person in the return.",
                persons.sourceline or 0,
                element="Person",
            )
        )


# -- a return split in two parts, to check on two processors ------------------------------------

_HEAD = 1 << 20  # how far to look for the first person, and for a split near the middle
_FIRST_PERSON = re.compile(rb"<Persons>\s*<Person>")
_BETWEEN_PERSONS = re.compile(rb"</Person>\s*<Person>")
_PERSON = b"<Person>"
_CLOSE = b"</Persons></Message>"
_PERSONS_END = b"</Persons"
_NEWLINES = b"\n" * _CHUNK


@dataclass(frozen=True)
class Split:
    """A return cut in two at the `<Person>` starting at byte `at`, so that the two parts can
    be read at once, each as a return of its own:

    - the first part is the file up to `at`, then `</Persons></Message>`;
    - the second part is the file up to its first person (byte `first`: the declaration,
      `<Message>`, the header, `<Persons>`), then comments holding as many newlines as the
      first part's persons have, then the file from `at`. It reads as the rest of the file read
      after the first part: inside the same elements, on the file's line numbers. (Comments,
      which the reader drops, as a run of newlines that long would be too long a text.)

    `find_split` only cuts between two persons, after a plain start of file (no comment,
    DOCTYPE or processing instruction before the first person, so its `<Persons>` is a tag).
    The first part must then read to its end without an error: the closing tags it ends with
    close the `<Persons>` and `<Message>` only if the cut is in their content, not inside a
    comment (which would be left unfinished) or another element. The second part raises
    SplitUnsafe if the first part's persons hold a `</Persons>` (the cut might be in another
    `<Persons>`) or a carriage return without a newline (which might count as a line).
    Read with `open_first` and `open_second`, the first part does not check the end of the
    message (the second part does), and the second part skips what comes before its first
    person (the first part reports it).
    """

    path: str
    first: int
    at: int

    def open_first(self, name: str) -> ReturnFile:
        return _open_part(_Pieces(self.path, [(0, self.at), _CLOSE]), name, Part(first=True))

    def open_second(self, name: str) -> ReturnFile:
        with open(self.path, "rb") as file:
            file.seek(self.first)
            newlines = _line_breaks(file, self.at - self.first)
        if newlines is None:
            raise SplitUnsafe("the first part holds </Persons> or a lone carriage return")
        pieces = _Pieces(self.path, [(0, self.first), newlines, (self.at, -1)])
        return _open_part(pieces, name, Part(first=False))


def _open_part(pieces: _Pieces, name: str, part: Part) -> ReturnFile:
    try:
        returned = open_return(pieces, name=name, part=part)  # type: ignore[arg-type]
    except BaseException:
        pieces.close()
        raise
    returned._close = pieces.close
    return returned


def find_split(path: str | Path) -> Split | None:
    """Where to cut the return at `path` in two near its middle, or None if there is no such
    place (see `Split`) or the file cannot be read."""
    try:
        with open(path, "rb") as file:
            head = file.read(_HEAD)
            first = _FIRST_PERSON.search(head)
            if first is None or not _plain(head[: first.end() - len(_PERSON)]):
                return None
            start = first.end() - len(_PERSON)
            middle = file.seek(0, io.SEEK_END) // 2
            file.seek(middle)
            between = _BETWEEN_PERSONS.search(file.read(_HEAD))
    except OSError:
        return None
    if between is None or middle + between.end() - len(_PERSON) <= start:
        return None
    return Split(str(path), start, middle + between.end() - len(_PERSON))


def _plain(head: bytes) -> bool:
    """Whether the start of a file has only elements and text: no comment, CDATA, DOCTYPE or
    processing instruction after the XML declaration (so its tags are what they seem)."""
    head = head.removeprefix(b"\xef\xbb\xbf")
    if head.startswith(b"<?xml"):
        end = head.find(b"?>")
        if end < 0:
            return False
        head = head[end + 2 :]
    return b"<!" not in head and b"<?" not in head


def _line_breaks(file: IO[bytes], size: int) -> int | None:
    """The newlines in the next `size` bytes of `file`; None if they hold a `</Persons>` or a
    carriage return that is not followed by a newline."""
    newlines = returns = pairs = 0
    end = b""  # the end of the last chunk, for what spans two chunks
    while size > 0:
        chunk = file.read(min(size, _HEAD))
        if not chunk:
            return None
        size -= len(chunk)
        if b"</Persons" in chunk or b"</Persons" in end + chunk[: len(_PERSONS_END)]:
            return None
        newlines += chunk.count(b"\n")
        if b"\r" in chunk:
            returns += chunk.count(b"\r")
            pairs += chunk.count(b"\r\n") + (end[-1:] == b"\r" and chunk[:1] == b"\n")
        end = chunk[-len(_PERSONS_END) :]
    return newlines if returns == pairs else None


class _Pieces:
    """A binary stream of pieces, one after another: a byte range of the file at `path`
    (start, stop; stop -1 for the file's end), bytes, or a number of newlines (read as
    comments holding them)."""

    def __init__(self, path: str, pieces: list[tuple[int, int] | bytes | int]) -> None:
        self.name = path
        self.file = open(path, "rb")  # noqa: SIM115 - closed by close()
        self.pieces = list(reversed(pieces))  # the next piece last

    def read(self, size: int = -1) -> bytes:
        size = size if size and size > 0 else _CHUNK
        while self.pieces:
            data = self._take(size)
            if data:
                return data
            self.pieces.pop()
        return b""

    def _take(self, size: int) -> bytes:
        """Up to `size` bytes from the next piece, leaving the rest of it there."""
        piece = self.pieces[-1]
        if isinstance(piece, bytes):
            self.pieces[-1] = piece[size:]
            return piece[:size]
        if isinstance(piece, int):
            count = min(piece, max(size - len(b"<!---->"), 1), len(_NEWLINES))
            self.pieces[-1] = piece - count
            return b"<!--" + _NEWLINES[:count] + b"-->" if count else b""
        start, stop = piece
        self.file.seek(start)
        data = self.file.read(size if stop < 0 else min(size, stop - start))
        self.pieces[-1] = (start + len(data), stop)
        return data

    def close(self) -> None:
        self.file.close()
