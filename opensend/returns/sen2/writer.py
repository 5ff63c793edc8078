"""Write a SEN2 return as XML, streamed one person at a time. Pure Python.

The file is UTF-8 with an XML declaration, one element per line with a two-space indent (so a
validation report's line number points at one element), elements in the order `layout.py` gives
for the collection year, and elements whose value is "" left out. The same records always give
the same bytes.

Speed: the writer builds text from templates made once per year (`<Surname>` ... `</Surname>\\n`
with its indent) rather than through lxml, and escapes only the free-text items
(`layout.FREE_TEXT`: names, post code, SENsettingOther, SoftwareCode, Release). Every other value
is a code, date or number and is written as it is; the validator rejects a code that is not in
its list, so a stray `<` there never reaches DfE. Characters XML cannot hold (control characters
other than tab and newline, lone surrogates) are dropped from free text, and a carriage return is
written as `&#13;` so that it reads back unchanged.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from typing import Any, BinaryIO

from opensend.returns.sen2 import layout
from opensend.returns.sen2.records import Header, Person

__all__ = ["FOOTER", "header_text", "write_return"]

INDENT = "  "
_NEEDS_ESCAPE = re.compile("[&<>\r\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

FOOTER = f"{INDENT}</Persons>\n</Message>\n"  # everything after the last person

_Writer = Callable[[Person, Callable[[str], None]], None]


def escape_text(value: str) -> str:
    """Free text made safe for XML character data (see the module docstring)."""
    if not _NEEDS_ESCAPE.search(value):
        return value
    value = _NOT_XML.sub("", value)
    return (
        value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
    )


def person_writer_source(year: int) -> str:
    """Python source of the functions that write one `<Person>` for `year`, made from layout.py.

    One function per group element (`write_Person`, `write_Requests`, ...), each a straight run
    of "if the value is not empty, put the open tag, the value and the close tag", with the tags
    and indents as constants. Generated once per year: a loop over a table of items is about 40%
    slower, and the writer must do 100,000 persons a second.
    """
    model = layout.content_model(year)
    functions: list[str] = []

    def generate(group: str, depth: int) -> None:
        pad = INDENT * (depth + 1)
        lines = [
            f"def write_{group}(record, put):",
            f"    put({INDENT * depth + '<' + group + '>' + chr(10)!r})",
        ]
        for item in model[group]:
            if item.group:
                generate(item.group, depth + 1)
                if item.max_occurs == 1:
                    lines.append(f"    child = record.{item.field}")
                    lines.append(f"    if child is not None: write_{item.group}(child, put)")
                else:
                    lines.append(
                        f"    for child in record.{item.field}: write_{item.group}(child, put)"
                    )
            else:
                text = "escape_text(value)" if item.element in layout.FREE_TEXT else "value"
                lines.append(f"    value = record.{item.field}")
                lines.append(
                    f"    if value: put({pad + '<' + item.element + '>'!r}); put({text}); "
                    f"put({'</' + item.element + '>' + chr(10)!r})"
                )
        lines.append(f"    put({INDENT * depth + '</' + group + '>' + chr(10)!r})")
        functions.append("\n".join(lines))

    generate("Person", 2)
    return "\n\n\n".join(functions) + "\n"


@functools.cache
def _person_writer(year: int) -> _Writer:
    namespace: dict[str, Any] = {"escape_text": escape_text}
    exec(compile(person_writer_source(year), f"<SEN2 {year} person writer>", "exec"), namespace)
    writer: _Writer = namespace["write_Person"]
    return writer


def header_text(header: Header, year: int) -> str:
    """`<Message>`, the whole `<Header>` and `<Persons>`: everything before the first person."""
    if header.year and header.year != str(year):
        raise ValueError(f"the header says Year {header.year} but the file is written for {year}")
    values = {field: getattr(header, field) for field in Header.__dataclass_fields__}
    values["year"] = str(year)
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', "<Message>", f"{INDENT}<Header>"]
    for group, items in (
        ("CollectionDetails", layout.HEADER_COLLECTION),
        ("Source", layout.HEADER_SOURCE),
    ):
        lines.append(f"{INDENT * 2}<{group}>")
        for field, element in items:
            value = values[field]
            if value:
                text = escape_text(value) if element in layout.FREE_TEXT else value
                lines.append(f"{INDENT * 3}<{element}>{text}</{element}>")
        lines.append(f"{INDENT * 2}</{group}>")
    lines += [f"{INDENT}</Header>", f"{INDENT}<Persons>", ""]
    return "\n".join(lines)


def write_return(
    out: BinaryIO,
    header: Header,
    persons: Iterable[Person],
    *,
    year: int,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Write a whole return to `out` and return the number of persons written.

    `persons` is consumed one at a time, so it can be a generator over the database; only one
    person's text is held at once. `progress`, if given, is called with the running count after
    every 1,000 persons and at the end. Raises ValueError for a year OpenSEND does not write, or a
    header whose Year is not `year`.
    """
    write_person = _person_writer(year)
    out.write(header_text(header, year).encode())
    count = 0
    for person in persons:
        parts: list[str] = []
        write_person(person, parts.append)
        out.write("".join(parts).encode())
        count += 1
        if progress is not None and count % 1000 == 0:
            progress(count)
    out.write(FOOTER.encode())
    if progress is not None and count % 1000:
        progress(count)
    return count
