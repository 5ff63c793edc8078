"""The SEN2 return written straight from the database: an LA's file in a second or two.

`export_return(out, header, la, reference_date, year=...)` writes the same bytes as
`writer.write_return(out, header, projection.export_persons(la, reference_date), year=...)`,
without deciding each person in Python:

1. `sql_frames.read_tables` reads, with a handful of queries, the cases the return includes and
   what the return sees of them (the rules of `projection_rules`, mirrored in SQL), with the
   people's names and identifiers; `sql_frames.elements` writes what each element holds.
2. Polars turns each value into its text (dates as ISO dates, flags as 1/0, free text escaped
   as the writer escapes it) and each record into its XML, from `layout.content_model(year)`:
   settings, placements and needs first, joined into their request's XML, then requests into
   their person's. The elements, their order, the two-space indents and one element per line
   are the writer's.
   This is done for 5,000 people at a time, so memory holds the LA's query results and one
   slice's text, never the whole file.
3. Each slice's XML is written out between the writer's own header and footer.

tests/returns/test_sql_export.py holds the bytes equal to the projection path's on hand-built
casework of every kind and on the demo, for each census date and layout year.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import BinaryIO

import polars as pl

from opensend.accounts.models import Organisation
from opensend.returns.sen2 import layout
from opensend.returns.sen2.projection_rules import Period
from opensend.returns.sen2.records import Header
from opensend.returns.sen2.sql_frames import Elements, elements, read_tables
from opensend.returns.sen2.writer import FOOTER, INDENT, header_text

__all__ = ["export_return"]

SLICE = 5_000  # persons written at a time
Progress = Callable[[str, int, int], None]

# Group elements held once by a request, and the column that says whether it has them.
HELD_BY_REQUEST = {
    "Assessment": "has_assessment",
    "NamedPlan": "has_named_plan",
    "ActivePlans": "has_active_plans",
}
# Record fields whose column in `sql_frames.elements` has another name.
SOURCE_COLUMN = {
    "person_birth_date": "birth_date",
    "sen_unit_indicator": "sen_unit",
    "resourced_provision_indicator": "resourced_provision",
}
# Characters XML cannot hold (the writer's `_NOT_XML`, in the regex syntax polars uses).
NOT_XML = r"[\x00-\x08\x0b\x0c\x0e-\x1f\x{FFFE}\x{FFFF}]"


def export_return(
    out: BinaryIO,
    header: Header,
    la: Organisation,
    reference_date: dt.date,
    *,
    year: int,
    progress: Progress | None = None,
) -> int:
    """Write the LA's return for the census on `reference_date` to `out` in the `year` layout;
    return the number of persons written. `progress`, if given, is called with ("Exporting",
    persons written, persons in all) after each slice."""
    head = header_text(header, year)  # refuses a header of another year before any query
    period = Period(reference_date)
    written = elements(read_tables(la, period, people=True), period)
    out.write(head.encode())
    total = written.persons.height
    for start in range(0, total, SLICE):
        persons = person_xml(_slice(written, start, start + SLICE), year)
        out.write(persons.get_column("xml").str.join("").item().encode())
        if progress is not None:
            progress("Exporting", start + persons.height, total)
    if progress is not None and not total:
        progress("Exporting", 0, 0)
    out.write(FOOTER.encode())
    return total


def _slice(written: Elements, start: int, stop: int) -> Elements:
    """The elements of the persons numbered `start` to `stop` - 1 (`person_id`)."""
    between = pl.col("person_id").is_between(start, stop, closed="left")
    return Elements(*(table.filter(between) for table in written))


def person_xml(written: Elements, year: int) -> pl.DataFrame:
    """One row per `<Person>` of `written`, in the order of the return: `person_id` and its
    `xml`."""
    model = layout.content_model(year)
    depth = _depths(model)

    def render(frame: pl.LazyFrame, group: str) -> pl.LazyFrame:
        fields = _fields(model, group)
        return frame.with_columns(_as_text(frame.collect_schema(), fields)).with_columns(
            xml=_record_xml(model, group, depth)
        )

    def gathered(frame: pl.LazyFrame, group: str, key: str, *order: str) -> pl.LazyFrame:
        """Each `key`'s records of `group` as one text, in the order given."""
        return (
            render(frame.sort(key, *order), group)
            .group_by(key, maintain_order=True)
            .agg(pl.col("xml").str.join("").alias(group))
        )

    requests = written.requests.lazy()
    for group, frame, order in (
        ("PlanDetail", written.plan_details, ("rank", "setting_key")),
        ("PlacementDetail", written.placements, ("entry_date", "rank", "placement_key")),
        ("SENneed", written.needs, ("rank",)),
    ):
        requests = requests.join(
            gathered(frame.lazy(), group, "request_id", *order), on="request_id", how="left"
        )
    persons = written.persons.lazy().join(
        gathered(requests, "Requests", "person_id", "request_id"), on="person_id", how="left"
    )
    return render(persons, "Person").sort("person_id").select("person_id", "xml").collect()


def _depths(model: dict[str, tuple[layout.Item, ...]]) -> dict[str, int]:
    """How deep each group element sits (`<Person>` at 2, as the writer indents it)."""
    depth = {"Person": 2}
    stack = ["Person"]
    while stack:
        group = stack.pop()
        for item in model[group]:
            if item.group:
                depth[item.group] = depth[group] + 1
                stack.append(item.group)
    return depth


def _fields(model: dict[str, tuple[layout.Item, ...]], group: str) -> list[str]:
    """The value fields of `group` and of the groups a request holds once (same row)."""
    fields = [item.field for item in model[group] if not item.group]
    for item in model[group]:
        if item.group in HELD_BY_REQUEST:
            fields += _fields(model, item.group)
    return fields


def _as_text(schema: pl.Schema, fields: list[str]) -> list[pl.Expr]:
    """Each value as the file writes it: dates ISO, flags 1/0, numbers in digits, text as it is;
    null where the element is left out."""
    texts = []
    for field in fields:
        source = SOURCE_COLUMN.get(field, field)
        column, dtype = pl.col(source), schema[source]
        if dtype == pl.Date:
            text = column.dt.to_string("%Y-%m-%d")
        elif dtype == pl.Boolean:
            text = pl.when(column).then(pl.lit("1")).when(column.not_()).then(pl.lit("0"))
        elif dtype == pl.String:
            text = column
        else:
            text = column.cast(pl.String)
        texts.append(text.alias(field))
    return texts


def _escaped(text: pl.Expr) -> pl.Expr:
    """Free text as `writer.escape_text` writes it."""
    return (
        text.str.replace_all(NOT_XML, "")
        .str.replace_all("&", "&amp;", literal=True)
        .str.replace_all("<", "&lt;", literal=True)
        .str.replace_all(">", "&gt;", literal=True)
        .str.replace_all("\r", "&#13;", literal=True)
    )


def _record_xml(model: dict[str, tuple[layout.Item, ...]], group: str, depth: dict) -> pl.Expr:
    """The XML of one record of `group`: its values, the groups held on the same row, and the
    text of the repeating groups gathered into the column named after them."""
    pad = INDENT * (depth[group] + 1)
    parts = [pl.lit(f"{INDENT * depth[group]}<{group}>\n")]
    for item in model[group]:
        if item.group in HELD_BY_REQUEST:
            held = pl.col(HELD_BY_REQUEST[item.group]).fill_null(False)
            parts.append(pl.when(held).then(_record_xml(model, item.group, depth)))
        elif item.group:
            parts.append(pl.col(item.group))
        else:
            value = pl.col(item.field)
            if item.element in layout.FREE_TEXT:
                value = _escaped(value)
            element = pl.concat_str(
                [pl.lit(f"{pad}<{item.element}>"), value, pl.lit(f"</{item.element}>\n")]
            )
            parts.append(pl.when(value != "").then(element))
    parts.append(pl.lit(f"{INDENT * depth[group]}</{group}>\n"))
    return pl.concat_str(parts, ignore_nulls=True)
