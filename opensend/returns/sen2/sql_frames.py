"""The statistics' frames read straight from the database: a country's in seconds.

`frames_from_sql(la, reference_date)` returns the frames `db_frames.frames_from_projection`
builds from the exported return (same tables, columns, types and values; only the order of the
rows and the numbering of the ids may differ), without deciding each person in Python.

The decisions of `projection_rules` are made in two places, each mirroring a named rule:

- SQL decides, for every case of the LA (or of every LA) at once, what the return sees on the
  reference date: `request_outcome`, `assessment_outcome`, `state_of` (moved away, has a plan,
  plan live, included), and brings beside each included case its dispute flags (`_flags`, with a
  re-assessment's disagreement set on the case of the plan re-assessed), its plan's latest review
  (`latest_review`) and phase transfer of the year (`transfer_of_the_year`), the settings named
  in its plan, the settings attended (`attended`) and the needs on the day (`needs_on`).
- Polars then writes what each element holds (`request_record`, `assessment_record`,
  `named_plan_record`, `active_plans_record`, `_where`), column by column, and types the text
  the way `frames.typed` does.

Reading: on PostgreSQL each query is streamed with `COPY (...) TO STDOUT` as CSV and parsed by
polars; on SQLite the rows are fetched. A change to a rule in `projection_rules` must be made
here too: tests/returns/test_sql_frames.py compares the two paths table by table.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from typing import Literal, NamedTuple

import polars as pl
from django.db import connection, transaction

from opensend.accounts.models import Organisation
from opensend.accounts.roles import OrganisationKind
from opensend.casework.models import (
    Assessment,
    Dispute,
    NamedSetting,
    PhaseTransfer,
    Plan,
    Request,
    Review,
)
from opensend.people.models import Establishment, Need, Person, Placement
from opensend.returns.sen2.frames import Sen2Frames, frames_from_persons, typed
from opensend.returns.sen2.projection_rules import (
    ASSESSMENT_DISPUTES,
    OTHER_DISPUTES,
    REASSESSMENT,
    REQUEST_DISPUTES,
    TRANSFER_IN,
    WITHOUT_REQUEST,
    Period,
)

Kind = Literal["id", "date", "flag", "text"]
Column = tuple[str, Kind, str]  # (name, kind, SQL expression)
_POLARS_TYPES: dict[Kind, pl.DataType] = {
    "id": pl.Int64(),
    "date": pl.String(),  # parsed after reading: SQLite returns text, COPY writes text
    "flag": pl.Int64(),
    "text": pl.String(),
}


class Query(NamedTuple):
    """An SQL query and the name, kind and expression of each column it selects."""

    columns: list[Column]
    sql: str


# The person's name, post code and identifiers: the export writes them, the statistics do not.
IDENTITY: list[Column] = [
    ("surname", "text", "pp.surname"),
    ("forename", "text", "pp.forename"),
    ("post_code", "text", "pp.postcode"),
    ("upn", "text", "pp.upn"),
    ("unique_learner_number", "text", "pp.uln"),
    ("upn_unknown", "text", "pp.upn_unknown"),
]
INCLUDED = "sen2_included_cases"  # a temporary table, for the duration of one call
DECIDED = ("Y", "N", "W")  # outcomes that carry their date
YES_OR_NO = ("Y", "N")  # outcomes that carry the dispute flags
GOING_ON = ("Y", "H")  # outcomes after which the case goes on to the next module


class Tables(NamedTuple):
    """What the queries read, before polars writes the elements: one row per included case
    (`cases`, in LA code order; with its person's name and identifiers when read for the
    export), per setting named in its plan (`named`), per setting attended (`placements`) and
    per need (`needs`), keyed by case."""

    cases: pl.DataFrame
    named: pl.DataFrame
    placements: pl.DataFrame
    needs: pl.DataFrame


def frames_from_sql(la: Organisation | None, reference_date: dt.date) -> Sen2Frames:
    """The return of `la` for the census on `reference_date` as frames, read with a handful of
    queries; with `la` None every LA's return, stacked (`la_code` ""), as `db_frames.stacked`
    would give them."""
    period = Period(reference_date)
    tables = read_tables(la, period)
    return _frames(tables, period, la.la_code if la else "")


def read_tables(la: Organisation | None, period: Period, *, people: bool = False) -> Tables:
    """Run the queries for `la` (every LA when None); with `people`, read the included people's
    names and identifiers too (the export needs them, the statistics do not)."""
    queries = _Queries(period, la.pk if la is not None else None)
    if la is not None:
        authorities = {la.pk: la.la_code}
    else:
        authorities = dict(
            Organisation.objects.filter(kind=OrganisationKind.LOCAL_AUTHORITY).values_list(
                "pk", "la_code"
            )
        )
    la_codes = pl.DataFrame(
        {"la_id": list(authorities), "la_code": list(authorities.values())},
        schema={"la_id": pl.Int64, "la_code": pl.String},
    )
    with transaction.atomic(), connection.cursor() as cursor:
        # The included cases are worked out once, and counted (ANALYZE), so that the planner
        # joins them to the other tables by hash rather than row by row.
        if connection.vendor == "postgresql":
            # Bulk reads: room to hash and sort in memory, and no JIT compiling (it costs more
            # than it saves on queries of a second or less). For the whole country, joins by
            # hash (the planner cannot guess how many cases the rules include); for one LA,
            # lookups by index into the national tables: the planner's default cost of a random
            # read (4, for spinning disks) made it scan all 2 million people for 28,000.
            cursor.execute("SET LOCAL work_mem = '256MB'")
            cursor.execute("SET LOCAL jit = off")
            if la is None:
                cursor.execute("SET LOCAL enable_nestloop = off")
            else:
                cursor.execute("SET LOCAL random_page_cost = 1.1")
        cursor.execute(f"DROP TABLE IF EXISTS {INCLUDED}")
        cursor.execute(queries.create_included())
        if connection.vendor == "postgresql":
            # a small sample is enough to count them: ANALYZE in a tenth of the time
            cursor.execute("SET LOCAL default_statistics_target = 10")
            cursor.execute(f"ANALYZE {INCLUDED}")
        tables = Tables(
            cases=_read(queries.cases(identity=people)).join(la_codes, on="la_id"),
            named=_read(queries.named_settings()),
            placements=_read(queries.placements()),
            needs=_read(queries.needs()),
        )
        cursor.execute(f"DROP TABLE {INCLUDED}")
    return tables


# --- SQL: which cases, and what the return sees of them --------------------------------------


def _table(model: type) -> str:
    return str(model._meta.db_table)  # type: ignore[attr-defined]


@dataclass(frozen=True)
class _Queries:
    """The SQL of each table, for one reference date and one LA (`la_id`) or all (None)."""

    period: Period
    la_id: int | None

    def _day(self, day: dt.date) -> str:
        """A date as an SQL literal (dates come from `Period`, never from users)."""
        if connection.vendor == "postgresql":
            return f"DATE '{day.isoformat()}'"
        return f"'{day.isoformat()}'"

    def _included(self) -> str:
        """The cases the return includes, with their state on the reference date
        (`projection_rules.state_of`): ro/ao the request and assessment outcomes as at the
        day, moved (exported by then), has_plan, live (1/0)."""
        day, start = self._day(self.period.reference_date), self._day(self.period.start)
        la = "" if self.la_id is None else f"AND r.local_authority_id = {int(self.la_id)}"
        without = ", ".join(f"'{kind}'" for kind in WITHOUT_REQUEST)
        going_on = ", ".join(f"'{o}'" for o in GOING_ON)
        return f"""
raw AS (
  SELECT r.id, r.person_id, r.local_authority_id AS la_id, r.kind, r.received_on, r.source,
    r.in_youth_accommodation AS rya, r.outcome, r.outcome_on, r.transferred_from_la,
    r.exported_to_la, r.exported_on, a.outcome AS a_outcome, a.outcome_on AS a_on, a.exception,
    p.id AS plan_id, p.start_date, p.issued_on, p.ceased_on, p.cease_reason,
    p.personal_budget, p.organised_arrangements, p.direct_payments, p.residential,
    p.work_based,
    CASE WHEN r.kind IN ({without}) THEN 1 ELSE 0 END AS without_request,
    CASE WHEN r.exported_to_la <> '' AND r.exported_on <= {day} THEN 1 ELSE 0 END AS moved
  FROM {_table(Request)} r
  LEFT JOIN {_table(Assessment)} a ON a.case_id = r.id
  LEFT JOIN {_table(Plan)} p ON p.assessment_id = a.id
  WHERE r.kind <> '{REASSESSMENT}' {la}
),
decided AS (
  SELECT raw.*,
    CASE WHEN without_request = 1 OR outcome = 'H' THEN 'H'
      WHEN outcome = 'A' OR outcome_on IS NULL OR outcome_on > {day} THEN 'A'
      WHEN outcome_on < {start} AND outcome = 'Y' THEN 'H'
      ELSE outcome END AS ro,
    CASE WHEN without_request = 1 OR a_outcome = 'H' THEN 'H'
      WHEN a_outcome IS NULL OR a_outcome IN ('A', '') OR a_on IS NULL OR a_on > {day} THEN 'A'
      WHEN a_on < {start} AND a_outcome = 'Y' THEN 'H'
      ELSE a_outcome END AS ao
  FROM raw
),
planned AS (
  SELECT decided.*,
    CASE WHEN plan_id IS NULL OR moved = 1 THEN 0
      WHEN without_request = 1 THEN
        CASE WHEN COALESCE(outcome_on, received_on, start_date) <= {day} THEN 1 ELSE 0 END
      WHEN ro IN ({going_on}) AND ao IN ({going_on})
        AND COALESCE(issued_on, start_date) <= {day} THEN 1
      ELSE 0 END AS has_plan
  FROM decided
),
stated AS (
  SELECT planned.*,
    CASE WHEN has_plan = 1 AND (ceased_on IS NULL OR ceased_on > {day}) THEN 1 ELSE 0 END
      AS live
  FROM planned
),
included AS (
  SELECT * FROM stated
  WHERE (without_request = 1
      AND (live = 1 OR (has_plan = 1 AND ceased_on BETWEEN {start} AND {day})))
    OR (without_request = 0 AND received_on <= {day} AND (
      (moved = 1 AND exported_on BETWEEN {start} AND {day})
      OR (moved = 0 AND (
        live = 1
        OR (has_plan = 1 AND ceased_on BETWEEN {start} AND {day})
        OR received_on BETWEEN {start} AND {day}
        OR outcome_on BETWEEN {start} AND {day}
        OR a_on BETWEEN {start} AND {day}
        OR ro = 'A'
        OR (ro IN ({going_on}) AND ao = 'A')))))
)"""

    def _flags(self) -> str:
        """Each included case's disputes as flags (`projection_rules._flags`): a disagreement
        mediated, or an appeal registered, on or before the reference date. A re-assessment's
        counts as NOT_REASSESS on the case whose plan it re-assessed."""
        day = self._day(self.period.reference_date)

        def flag(decisions: frozenset[str], date_column: str) -> str:
            listed = ", ".join(f"'{d}'" for d in sorted(decisions))
            return (
                f"MAX(CASE WHEN decision IN ({listed}) AND {date_column} <= {day} "
                "THEN 1 ELSE 0 END)"
            )

        return f"""
disputes AS (
  SELECT d.case_id AS target, d.decision, d.mediation_on, d.appeal_registered_on
  FROM {_table(Dispute)} d JOIN {INCLUDED} i ON i.id = d.case_id
  UNION ALL
  SELECT i.id, 'NOT_REASSESS', d.mediation_on, d.appeal_registered_on
  FROM {_table(Dispute)} d
  JOIN {_table(Request)} r ON r.id = d.case_id AND r.kind = '{REASSESSMENT}'
  JOIN {INCLUDED} i ON i.plan_id = r.reassessed_plan_id
),
flags AS (
  SELECT target,
    {flag(REQUEST_DISPUTES, "mediation_on")} AS request_mediation,
    {flag(REQUEST_DISPUTES, "appeal_registered_on")} AS request_tribunal,
    {flag(ASSESSMENT_DISPUTES, "mediation_on")} AS assessment_mediation,
    {flag(ASSESSMENT_DISPUTES, "appeal_registered_on")} AS assessment_tribunal,
    {flag(OTHER_DISPUTES, "mediation_on")} AS other_mediation,
    {flag(OTHER_DISPUTES, "appeal_registered_on")} AS other_tribunal
  FROM disputes GROUP BY target
)"""

    def _reviews_and_transfers(self) -> str:
        """The latest review held (or decided) by the day of each live plan
        (`latest_review`), and its phase transfer of the year (`transfer_of_the_year`)."""
        day, year = self._day(self.period.reference_date), self.period.year
        return f"""
reviews AS (
  SELECT v.plan_id, v.meeting_on, v.decision_on, v.outcome, v.amendment_draft_on,
    ROW_NUMBER() OVER (PARTITION BY v.plan_id
      ORDER BY COALESCE(v.meeting_on, v.decision_on) DESC, v.id DESC) AS n
  FROM {_table(Review)} v JOIN {INCLUDED} i ON i.plan_id = v.plan_id AND i.live = 1
  WHERE v.meeting_on <= {day} OR (v.meeting_on IS NULL AND v.decision_on <= {day})
),
transfers AS (
  SELECT t.plan_id, t.deadline, t.amended_plan_issued_on,
    ROW_NUMBER() OVER (PARTITION BY t.plan_id
      ORDER BY t.transfer_year DESC, t.deadline, t.id) AS n
  FROM {_table(PhaseTransfer)} t JOIN {INCLUDED} i ON i.plan_id = t.plan_id AND i.live = 1
  WHERE t.transfer_year IN ({year - 1}, {year})
)"""

    def _date(self, expression: str) -> str:
        return f"CAST({expression} AS TEXT)"

    def cases(self, *, identity: bool = False) -> Query:
        """One row per included case, with its person, state, flags, review and transfer; with
        `identity`, the person's name, post code and identifiers too."""
        d = self._date
        columns: list[Column] = [
            ("la_id", "id", "i.la_id"),
            ("db_person_id", "id", "i.person_id"),
            ("case_id", "id", "i.id"),
            ("kind", "text", "i.kind"),
            ("without_request", "flag", "i.without_request"),
            ("moved", "flag", "i.moved"),
            ("has_plan", "flag", "i.has_plan"),
            ("live", "flag", "i.live"),
            ("ro", "text", "i.ro"),
            ("ao", "text", "i.ao"),
            ("received_on", "date", d("i.received_on")),
            ("source", "text", "i.source"),
            ("rya_value", "flag", "CASE WHEN i.rya THEN 1 ELSE 0 END"),
            ("outcome_on", "date", d("i.outcome_on")),
            ("exported_to_la", "text", "i.exported_to_la"),
            ("a_on", "date", d("i.a_on")),
            ("exception", "text", "i.exception"),
            ("plan_start", "date", d("i.start_date")),
            ("issued_on", "date", d("i.issued_on")),
            ("ceased_on", "date", d("i.ceased_on")),
            ("cease_reason_value", "text", "i.cease_reason"),
            ("pb_value", "flag", "CASE WHEN i.personal_budget THEN 1 ELSE 0 END"),
            ("oa_value", "flag", "CASE WHEN i.organised_arrangements THEN 1 ELSE 0 END"),
            ("dp_value", "text", "i.direct_payments"),
            ("res_value", "text", "i.residential"),
            ("wbp_value", "text", "i.work_based"),
            ("transferred_from_la", "text", "i.transferred_from_la"),
            ("arrived_on", "date", d("COALESCE(i.outcome_on, i.received_on, i.start_date)")),
            *[
                (name, "flag", f"f.{name}")
                for name in (
                    "request_mediation",
                    "request_tribunal",
                    "assessment_mediation",
                    "assessment_tribunal",
                    "other_mediation",
                    "other_tribunal",
                )
            ],
            ("meeting_on", "date", d("v.meeting_on")),
            ("decision_on", "date", d("v.decision_on")),
            ("review_outcome_value", "text", "v.outcome"),
            ("draft_on", "date", d("v.amendment_draft_on")),
            ("deadline", "date", d("t.deadline")),
            ("final_on", "date", d("t.amended_plan_issued_on")),
            ("birth_date", "date", d("pp.birth_date")),
            ("sex", "text", "CASE WHEN pp.sex IN ('M', 'F') THEN pp.sex ELSE '' END"),
            ("ethnicity", "text", "pp.ethnicity"),
        ]
        if identity:
            columns += IDENTITY
        return self._select(
            columns,
            [self._flags(), self._reviews_and_transfers()],
            f"""{INCLUDED} i
  JOIN {_table(Person)} pp ON pp.id = i.person_id
  LEFT JOIN flags f ON f.target = i.id
  LEFT JOIN reviews v ON v.plan_id = i.plan_id AND v.n = 1 AND i.live = 1
  LEFT JOIN transfers t ON t.plan_id = i.plan_id AND t.n = 1 AND i.live = 1""",
        )

    def _setting(self, alias: str) -> list[Column]:
        """Where a setting is (`SettingRow`'s columns, before `_where` chooses among them)."""
        return [
            ("rank", "id", f"{alias}.rank"),
            ("urn_value", "text", "e.urn"),
            ("ukprn_value", "text", "e.ukprn"),
            ("sen_setting_value", "text", f"{alias}.sen_setting"),
            ("sen_setting_other_value", "text", f"{alias}.sen_setting_other"),
            ("sen_unit", "flag", f"CASE WHEN {alias}.in_sen_unit THEN 1 ELSE 0 END"),
            (
                "resourced_provision",
                "flag",
                f"CASE WHEN {alias}.in_resourced_provision THEN 1 ELSE 0 END",
            ),
        ]

    def named_settings(self) -> Query:
        """The settings named in each included plan: two at most, one of each rank (the
        database holds them so)."""
        return self._select(
            [("case_id", "id", "i.id"), *self._setting("s"), ("setting_key", "id", "s.id")],
            [],
            f"""{INCLUDED} i JOIN {_table(NamedSetting)} s ON s.plan_id = i.plan_id
  LEFT JOIN {_table(Establishment)} e ON e.id = s.establishment_id
  WHERE i.has_plan = 1""",
        )

    def placements(self) -> Query:
        """The settings each person with a live plan attended from the period's start to the
        day (`attended`), once for each of their live plans."""
        day, start = self._day(self.period.reference_date), self._day(self.period.start)
        d = self._date
        return self._select(
            [
                ("case_id", "id", "i.id"),
                *self._setting("s"),
                ("entry_date", "date", d("s.start_date")),
                ("end_date", "date", d("s.end_date")),
                ("res", "text", "s.residential"),
                ("wbp", "text", "s.work_based"),
                ("placement_key", "id", "s.id"),
            ],
            [],
            f"""{INCLUDED} i JOIN {_table(Placement)} s ON s.person_id = i.person_id
  LEFT JOIN {_table(Establishment)} e ON e.id = s.establishment_id
  WHERE i.live = 1 AND s.start_date <= {day}
    AND (s.end_date IS NULL OR s.end_date >= {start})""",
        )

    def needs(self) -> Query:
        """The primary and secondary need on the day of each person with a live plan (the
        latest started of each rank, `needs_on`), once for each live plan."""
        day = self._day(self.period.reference_date)
        return self._select(
            [
                ("case_id", "id", "i.id"),
                ("sen_type", "text", "n.need_type"),
                ("rank", "id", "n.rank"),
            ],
            [
                f"""
current AS (
  SELECT n.person_id, n.need_type, n.rank,
    ROW_NUMBER() OVER (PARTITION BY n.person_id, n.rank
      ORDER BY n.start_date DESC, n.id DESC) AS latest
  FROM {_table(Need)} n
  JOIN (SELECT DISTINCT person_id FROM {INCLUDED} WHERE live = 1) lp
    ON lp.person_id = n.person_id
  WHERE n.rank IN (1, 2) AND n.start_date <= {day}
    AND (n.end_date IS NULL OR n.end_date >= {day})
)""",
            ],
            f"""{INCLUDED} i JOIN current n ON n.person_id = i.person_id AND n.latest = 1
  WHERE i.live = 1""",
        )

    def _select(self, columns: list[Column], ctes: list[str], rest: str) -> Query:
        select = ",\n  ".join(f"{expression} AS {name}" for name, _, expression in columns)
        with_ctes = f"WITH {','.join(ctes)}\n" if ctes else ""
        return Query(columns, f"{with_ctes}SELECT {select}\nFROM {rest}")

    def create_included(self) -> str:
        """The statement that keeps the included cases in a temporary table for the queries."""
        return (
            f"CREATE TEMPORARY TABLE {INCLUDED} AS WITH {self._included()}\nSELECT * FROM included"
        )


# --- reading ---------------------------------------------------------------------------------


def _read(query: Query) -> pl.DataFrame:
    """Run a query from `_Queries` and type its columns: ids Int64, flags Boolean, dates."""
    columns, sql = query
    schema = {name: _POLARS_TYPES[kind] for name, kind, _ in columns}
    if connection.vendor == "postgresql":
        frame = _copied(sql, schema)
    else:
        with connection.cursor() as cursor:
            cursor.execute(sql)
            rows = cursor.fetchall()
        frame = pl.DataFrame(rows, schema=schema, orient="row")
    casts = []
    for name, kind, _ in columns:
        if kind == "date":
            casts.append(pl.col(name).str.to_date("%Y-%m-%d"))
        elif kind == "flag":
            casts.append(pl.col(name).cast(pl.Boolean))
    return frame.with_columns(casts)


def _copied(sql: str, schema: dict[str, pl.DataType]) -> pl.DataFrame:
    """A PostgreSQL query's rows streamed as CSV (`COPY ... TO STDOUT`), parsed by polars."""
    buffer = io.BytesIO()
    with connection.cursor() as cursor:
        raw = cursor.cursor  # psycopg 3
        with raw.copy(f"COPY ({sql}) TO STDOUT WITH (FORMAT csv, HEADER)") as copy:
            for block in copy:
                buffer.write(block)
    return pl.read_csv(buffer.getvalue(), schema=schema)


# --- polars: what each element holds ---------------------------------------------------------


def _when(condition: pl.Expr, value: str | pl.Expr) -> pl.Expr:
    return pl.when(condition).then(pl.col(value) if isinstance(value, str) else value)


class Elements(NamedTuple):
    """What each element of the return holds, in polars types (dates, booleans, ids, text), one
    table per repeating module: `persons` (one row per person, first case's columns),
    `requests` (one per `<Requests>`, with its `<Assessment>`, `<NamedPlan>` and
    `<ActivePlans>` beside it), `plan_details`, `placements` and `needs`. `person_id` numbers
    people in order of LA code and id, `request_id` requests in the order of the return."""

    persons: pl.DataFrame
    requests: pl.DataFrame
    plan_details: pl.DataFrame
    placements: pl.DataFrame
    needs: pl.DataFrame


def elements(tables: Tables, period: Period) -> Elements:
    """Write what each element holds (`projection_rules`' record functions, column by
    column)."""
    # People in order of LA and id; each person's requests as `person_record` orders them.
    cases = tables.cases.sort(
        "la_code",
        "db_person_id",
        pl.col("without_request").not_(),
        pl.when(pl.col("without_request").not_()).then(pl.col("received_on")),
        "case_id",
    )
    new_person = (pl.col("la_id").diff() != 0) | (pl.col("db_person_id").diff() != 0)
    cases = cases.with_columns(
        person_id=new_person.fill_null(True).cum_sum().cast(pl.Int64) - 1,
        request_id=pl.int_range(pl.len(), dtype=pl.Int64),
    )
    keys = cases.select("case_id", "person_id", "request_id")

    def owned(frame: pl.DataFrame, *columns: pl.Expr, **named: pl.Expr) -> pl.DataFrame:
        return frame.join(keys, on="case_id").with_columns(*columns, **named)

    return Elements(
        persons=cases.unique("person_id", keep="first").sort("person_id"),
        requests=cases.with_columns(_request_columns(period)),
        plan_details=owned(tables.named, *_where()),
        placements=owned(
            tables.placements,
            *_where(),
            leaving_date=_when(pl.col("end_date") <= period.reference_date, "end_date"),
        ),
        needs=owned(tables.needs, sen_type_rank=pl.col("rank")),
    )


def _frames(tables: Tables, period: Period, la_code: str) -> Sen2Frames:
    empty = frames_from_persons([], reference_date=period.reference_date, la_code=la_code)
    written = elements(tables, period)

    def shaped(frame: pl.DataFrame, like: pl.DataFrame) -> pl.DataFrame:
        return typed(frame.select(like.columns)).cast(like.schema)

    return Sen2Frames(
        persons=shaped(written.persons, empty.persons),
        requests=shaped(written.requests, empty.requests),
        plan_details=shaped(written.plan_details, empty.plan_details),
        placements=shaped(written.placements, empty.placements),
        needs=shaped(written.needs, empty.needs),
        reference_date=period.reference_date,
        la_code=la_code,
    )


def _where() -> list[pl.Expr]:
    """URN, UKPRN or SENsetting (with SENsettingOther), whichever comes first
    (`projection_rules._where`), and the rank as written."""
    urn = pl.col("urn_value").fill_null("") != ""
    ukprn = pl.col("ukprn_value").fill_null("") != ""
    neither = urn.not_() & ukprn.not_()
    return [
        _when(urn, "urn_value").alias("urn"),
        _when(urn.not_() & ukprn, "ukprn_value").alias("ukprn"),
        _when(neither, "sen_setting_value").alias("sen_setting"),
        _when(neither, "sen_setting_other_value").alias("sen_setting_other"),
        pl.col("rank").alias("placement_rank"),
    ]


def _request_columns(period: Period) -> list[pl.Expr]:
    """The `<Requests>`, `<Assessment>`, `<NamedPlan>` and `<ActivePlans>` scalars of each case
    (`request_record`, `assessment_record`, `named_plan_record`, `active_plans_record`)."""
    day, start = period.reference_date, period.start
    col = pl.col
    without, ro, ao = col("without_request"), col("ro"), col("ao")
    requested = without.not_()
    has_assessment = without | (col("moved").not_() & ro.is_in(GOING_ON))
    has_named_plan = has_assessment & col("has_plan")
    assessed = has_assessment & ao.is_in(YES_OR_NO)
    ceased = has_named_plan & (col("ceased_on") <= day)
    live = col("live")
    decided_review = col("decision_on") <= day

    def dispute(name: str, shown: pl.Expr) -> pl.Expr:
        return _when(shown, col(name).fill_null(False)).alias(name)

    return [
        _when(requested, "received_on").alias("received_date"),
        _when(requested & (ro != "H"), "source").alias("request_source"),
        _when(requested & (ro != "H"), "rya_value").alias("rya"),
        _when(requested & ro.is_in(DECIDED), "outcome_on").alias("request_outcome_date"),
        ro.alias("request_outcome"),
        dispute("request_mediation", requested & ro.is_in(YES_OR_NO)),
        dispute("request_tribunal", requested & ro.is_in(YES_OR_NO)),
        _when(requested & col("moved"), "exported_to_la").alias("exported"),
        _when(has_assessment, ao).alias("assessment_outcome"),
        _when(has_assessment & ao.is_in(DECIDED), "a_on").alias("assessment_outcome_date"),
        dispute("assessment_mediation", assessed),
        dispute("assessment_tribunal", assessed),
        dispute("other_mediation", assessed),
        dispute("other_tribunal", assessed),
        _when(assessed, col("exception").fill_null("") != "").alias("week20"),
        _when(has_named_plan, pl.coalesce("plan_start", "issued_on")).alias("start_date"),
        _when(has_named_plan, "res_value").alias("plan_res"),
        _when(has_named_plan, "wbp_value").alias("plan_wbp"),
        _when(has_named_plan, "pb_value").alias("pb"),
        _when(has_named_plan, "oa_value").alias("oa"),
        _when(has_named_plan, "dp_value").alias("dp"),
        _when(ceased, "ceased_on").alias("cease_date"),
        _when(ceased, "cease_reason_value").alias("cease_reason"),
        _when(
            live
            & pl.when(col("kind") == TRANSFER_IN)
            .then(col("arrived_on").is_between(start, day))
            # an assessment begun in another LA and finished here
            .otherwise(col("transferred_from_la").fill_null("") != ""),
            "transferred_from_la",
        ).alias("transfer_la"),
        _when(live & (col("meeting_on") <= day), "meeting_on").alias("review_meeting"),
        _when(live & decided_review, "review_outcome_value").alias("review_outcome"),
        _when(live & (col("draft_on") <= day), "draft_on").alias("review_draft"),
        _when(live, "deadline").alias("phase_transfer_due_date"),
        _when(live & (col("final_on") <= day), "final_on").alias("phase_transfer_final_date"),
        _when(live & decided_review, "decision_on").alias("last_review"),
        has_assessment.alias("has_assessment"),
        has_named_plan.alias("has_named_plan"),
        live.alias("has_active_plans"),
    ]
