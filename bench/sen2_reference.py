"""The EHC plan statistics the straightforward pandas way, to check and time
`opensend.returns.sen2.statistics` against (bench/sen2.py).

Same frames in, same tables out (`reference_tables(frames)` equals `compute_tables(frames)`
table by table once converted with `as_polars`), written as an analyst would: the frames turned
into pandas, a few derived columns, then `groupby(...).sum()` per breakdown. It shares with the
polars version only the published vocabulary (labels, their order, the setting columns) and the
setting rule of `settings_lookup`, applied here row by row to the distinct places.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import polars as pl

from opensend.returns.sen2.frames import Sen2Frames
from opensend.returns.sen2.settings_lookup import (
    GROUP_TOTALS,
    SETTING_COLUMNS,
    SETTING_TYPES,
    setting_type_of,
)
from opensend.returns.sen2.statistics import TABLE_PERIODS, EstablishmentLookup, topics
from opensend.returns.sen2.statistics.breakdowns import ETHNICITY_LABELS, SEX_LABELS, Topic
from opensend.returns.sen2.statistics.ees import GEOGRAPHY_COLUMNS, geography, time_period
from opensend.returns.sen2.statistics.measures import NEED_COLUMNS, NEED_OF_CODE
from opensend.returns.sen2.statistics.timeliness import COLUMNS_2025, COLUMNS_2026, NEED_LABELS
from opensend.returns.sen2.statistics.timeliness import NEED_ORDER as TIMELINESS_NEEDS


def as_pandas(frame: pl.DataFrame) -> pd.DataFrame:
    """A polars frame in pandas (dates as datetime64, nulls as NaN/None)."""
    data = pd.DataFrame(frame.to_dict(as_series=False), columns=frame.columns)
    for name, dtype in frame.schema.items():
        if dtype == pl.Date:
            data[name] = pd.to_datetime(data[name])
    return data


def as_polars(table: pd.DataFrame) -> pl.DataFrame:
    return pl.DataFrame({c: table[c].astype(str).tolist() for c in table.columns})


def _age(birth: pd.Series, on) -> pd.Series:
    on = on if isinstance(on, pd.Series) else pd.Series(pd.Timestamp(on), index=birth.index)
    years = on.dt.year - birth.dt.year
    before = (on.dt.month * 100 + on.dt.day) < (birth.dt.month * 100 + birth.dt.day)
    return (years - before.astype(int)).where(birth.notna() & on.notna())


def _label(ages: pd.Series, bands) -> pd.Series:
    return ages.map(lambda a: bands.python_label(None if pd.isna(a) else int(a)))


def _tenths(num: pd.Series, den: pd.Series) -> list[str]:
    out = []
    for n, d in zip(num.astype("int64"), den.astype("int64"), strict=True):
        if d <= 0:
            out.append("x")
            continue
        scaled = (n * 20 + d) // (d * 2)
        out.append(str(scaled // 10) if scaled % 10 == 0 else f"{scaled // 10}.{scaled % 10}")
    return out


def _pc(table: pd.DataFrame, num: str, den) -> list[str]:
    denominator = table[den] if isinstance(den, str) else den
    return _tenths(table[num] * 100, denominator)


def _by_topic(pop: pd.DataFrame, table_topics: list[Topic], columns: list[str]) -> pd.DataFrame:
    """Sums of the 0/1 (or numeric) `columns` per label of each topic, in DfE's order."""
    parts = []
    for rank, topic in enumerate(table_topics):
        order = {label: i for i, label in enumerate(topic.order)}
        if not topic.columns:
            row = pop[columns].sum().to_frame().T
            row.insert(0, "breakdown", topic.name)
            row.insert(0, "breakdown_topic", topic.name)
            row["_t"], row["_o"] = rank, 0
            parts.append(row)
        for column in topic.columns:
            grouped = pop.groupby(column, dropna=True)[columns].sum().reset_index()
            grouped = grouped.rename(columns={column: "breakdown"})
            grouped.insert(0, "breakdown_topic", topic.name)
            grouped["_t"] = rank
            grouped["_o"] = grouped["breakdown"].map(lambda b, o=order: o.get(b, len(o)))
            parts.append(grouped)
    table = pd.concat(parts, ignore_index=True).sort_values(["_t", "_o", "breakdown"])
    table = table.drop(columns=["_t", "_o"]).reset_index(drop=True)
    table[columns] = table[columns].astype("int64")
    return table


def _finish(table: pd.DataFrame, values: dict[str, object]) -> pd.DataFrame:
    out = table[["breakdown_topic", "breakdown"]].copy()
    for name, value in values.items():
        out[name] = value if not isinstance(value, pd.Series) else value.astype(str).values
    return out


class _Reference:
    def __init__(self, frames: Sen2Frames, lookup: EstablishmentLookup):
        self.frames, self.lookup = frames, lookup
        self.census = pd.Timestamp(frames.reference_date)
        self.year = frames.reference_date.year - 1
        self.first, self.last = pd.Timestamp(self.year, 1, 1), pd.Timestamp(self.year, 12, 31)
        self.requests = as_pandas(frames.requests)
        self.placements = as_pandas(frames.placements)
        self.details = as_pandas(frames.plan_details)
        persons = as_pandas(frames.persons)
        persons["sex_label"] = persons["sex"].map(lambda s: SEX_LABELS.get(s, "Unknown"))
        persons["ethnicity_label"] = persons["ethnicity"].map(
            lambda e: ETHNICITY_LABELS.get(e, "Unclassified")
        )
        self.persons = persons[["person_id", "birth_date", "sex_label", "ethnicity_label"]]
        needs = as_pandas(frames.needs)
        needs = needs[(needs["sen_type_rank"] == 1) & needs["sen_type"].notna()]
        self.needs = needs.drop_duplicates("request_id")[["request_id", "sen_type"]].rename(
            columns={"sen_type": "primary_need"}
        )

    # --- populations ---------------------------------------------------------------------

    def _in_year(self, column: str) -> pd.Series:
        return self.requests[column].between(self.first, self.last)

    def _main_places(self, days: pd.DataFrame) -> pd.DataFrame:
        p = self.placements[self.placements["placement_rank"] == 1].merge(days, on="request_id")
        current = (p["entry_date"] <= p["on"]) & (
            p["leaving_date"].isna() | (p["leaving_date"] >= p["on"])
        )
        p = p[current].sort_values("entry_date", kind="stable")
        return p.drop_duplicates("request_id", keep="last").drop(columns=["on", "person_id"])

    def _setting(self, place: pd.DataFrame) -> pd.Series:
        def one(urn, ukprn, sen_setting, unit, rp, age):
            kind = ""
            if isinstance(urn, str):
                kind = self.lookup.by_urn.get(urn, "")
                if not kind:
                    return "placement_unknown"
            elif isinstance(ukprn, str):
                kind = self.lookup.by_ukprn.get(ukprn, "UKRLP_PROVIDER")
            age = -1 if pd.isna(age) else int(age)
            return setting_type_of(
                age=age,
                establishment_type=kind,
                in_sen_unit=unit is True,
                in_resourced_provision=rp is True,
                sen_setting=sen_setting if isinstance(sen_setting, str) else "",
            )

        keys = ["urn", "ukprn", "sen_setting", "sen_unit", "resourced_provision", "age"]
        for key in keys:
            if key not in place:
                place[key] = None
        return pd.Series(
            [one(*row) for row in place[keys].itertuples(index=False)],
            index=place.index,
            dtype=object,
        )

    def _details(self, plans: pd.DataFrame, places: pd.DataFrame) -> pd.DataFrame:
        plans = plans.merge(self.persons, on="person_id", how="left")
        plans = plans.merge(self.needs, on="request_id", how="left")
        plans = plans.merge(places, on="request_id", how="left")
        august = dt.date(self.year, 8, 31)
        plans["age"] = _age(plans["birth_date"], august)
        plans["setting"] = self._setting(plans)
        labels = {s.column: s.label for s in SETTING_TYPES}
        groups = {
            s.column: t.label for s in SETTING_TYPES for t in GROUP_TOTALS if t.group == s.group
        }
        plans["placement"] = plans["setting"].map(labels)
        plans["placement_group"] = plans["setting"].map(lambda c: groups.get(c) or None)
        return plans

    def live(self) -> pd.DataFrame:
        r = self.requests
        live = r[
            r["has_named_plan"].eq(True)
            & (r["start_date"] <= self.census)
            & (r["cease_date"].isna() | (r["cease_date"] > self.census))
        ]
        live = live.sort_values(["start_date", "request_id"]).drop_duplicates(
            "person_id", keep="last"
        )
        days = pd.DataFrame({"request_id": live["request_id"], "on": self.census})
        plans = self._details(live, self._main_places(days))
        plans["years_in_place"] = _age(plans["start_date"], self.census)
        plans["age_at_start"] = _age(plans["birth_date"], plans["start_date"])
        return plans

    def new(self) -> pd.DataFrame:
        r = self.requests
        new = r[
            r["has_named_plan"].eq(True)
            & self._in_year("start_date")
            & (r["assessment_outcome"] == "Y")
        ]
        days = pd.DataFrame({"request_id": new["request_id"], "on": new["start_date"]})
        attended = self._main_places(days)
        cols = ["request_id", "urn", "ukprn", "sen_setting", "sen_unit", "resourced_provision"]
        named = self.details[self.details["placement_rank"] == 1].drop_duplicates("request_id")
        named = named[~named["request_id"].isin(attended["request_id"])]
        places = pd.concat([attended[cols], named[cols]], ignore_index=True)
        plans = self._details(new, places)
        plans["age_at_start"] = _age(plans["birth_date"], plans["start_date"])
        return plans

    def ceased(self) -> pd.DataFrame:
        r = self.requests
        ceased = r[r["has_named_plan"].eq(True) & self._in_year("cease_date")]
        days = pd.DataFrame({"request_id": ceased["request_id"], "on": ceased["cease_date"]})
        plans = self._details(ceased, self._main_places(days))
        plans["age_at_cease"] = _age(plans["birth_date"], plans["cease_date"])
        plans["years_held"] = _age(plans["start_date"], plans["cease_date"])
        return plans

    def in_year(self, column: str) -> pd.DataFrame:
        r = self.requests[self._in_year(column)].merge(self.persons, on="person_id", how="left")
        r["age"] = _age(r["birth_date"], r["received_date"])
        return r


# --- tables ------------------------------------------------------------------------------


def _settings_table(plans: pd.DataFrame, total: str, table_topics: list[Topic]) -> pd.DataFrame:
    pop = plans.copy()
    pop[total] = 1
    for column in SETTING_COLUMNS:
        pop[column] = (pop["setting"] == column).astype(int)
    t = _by_topic(pop, table_topics, [total, *SETTING_COLUMNS])
    values: dict[str, object] = {total: t[total]}
    totals = {g.group: g for g in GROUP_TOTALS}
    for i, setting in enumerate(SETTING_TYPES):
        values[setting.column] = t[setting.column]
        following = SETTING_TYPES[i + 1].group if i + 1 < len(SETTING_TYPES) else ""
        if following != setting.group:
            group = totals[setting.group]
            summed = t[[s.column for s in SETTING_TYPES if s.group == setting.group]].sum(axis=1)
            if group.column:
                values[group.column] = summed
            values[group.pc_column] = _tenths(summed * 100, t[total])
    values["await_prov_2022"] = "x"
    values["perm_ex_2022"] = "x"
    return _finish(t, values)


def _needs_table(plans: pd.DataFrame, table_topics: list[Topic]) -> pd.DataFrame:
    pop = plans.copy()
    need = pop["primary_need"].map(
        lambda n: NEED_OF_CODE.get(n.lower()) if isinstance(n, str) else None
    )
    pop["ehc_plans"] = 1
    numbers = [f"number_{c}" for c in NEED_COLUMNS] + ["number_need_unknown"]
    for code in NEED_COLUMNS:
        pop[f"number_{code}"] = (need == code).astype(int)
    pop["number_need_unknown"] = need.isna().astype(int)
    t = _by_topic(pop, table_topics, ["ehc_plans", *numbers])
    values: dict[str, object] = {"ehc_plans": t["ehc_plans"], **{n: t[n] for n in numbers}}
    for number, label in zip(numbers, [*NEED_COLUMNS, "unknown"], strict=True):
        values[f"{label}_pc"] = _pc(t, number, "ehc_plans")
    return _finish(t, values)


def _caseload_labels(plans: pd.DataFrame) -> pd.DataFrame:
    plans = plans.copy()
    plans["current_age"] = _label(plans["age"], topics.CURRENT_AGE)
    plans["start_age"] = _label(plans["age_at_start"], topics.AGE_AT_START)
    plans["years"] = _label(plans["years_in_place"], topics.YEARS_IN_PLACE)
    return plans


def _requests(ref: _Reference, later: bool) -> pd.DataFrame:
    r = ref.in_year("received_date")
    r = r[r["request_outcome"].fillna("") != "H"].copy()
    outcome = r["request_outcome"]
    decided = outcome.isin(["Y", "N"])
    days = (r["request_outcome_date"] - r["received_date"]).dt.days
    waited = (ref.census - r["received_date"]).dt.days
    overdue = ~decided & (outcome != "W") & (waited > 42)
    med = r["request_mediation"].fillna(False).astype(bool)
    trib = r["request_tribunal"].fillna(False).astype(bool)
    cols = {
        "requests_received_in_year": pd.Series(1, index=r.index),
        "requests_rya": r["rya"].fillna(False).astype(bool),
        "requests_decided_to_assess": outcome == "Y",
        "requests_decided_not_to_assess": outcome == "N",
        "requests_withdrawn": outcome == "W",
        "request_outcome_six_weeks": decided & (days <= 42),
        "request_outcome_over_6_weeks": (decided & (days > 42)) | overdue,
        "mediation_related_request": med,
        "tribunal_related_request": trib,
        "tribunal_after_mediation_request": med & trib,
    }
    for name, value in cols.items():
        r[name] = value.astype(int)
    r["request_age"] = _label(r["age"], topics.AGE_AT_REQUEST)
    sources = dict(
        zip(
            "12345",
            [
                "Parent or young person",
                "School or other education setting",
                "Health care professional",
                "Social care professional",
                "Other",
            ],
            strict=True,
        )
    )
    r["source"] = r["request_source"].map(lambda s: sources.get(s, "Not known"))
    table_topics = [
        Topic(
            "All requests for an EHC needs assessment"
            if later
            else "All requests for EHC needs assessments"
        ),
        Topic("Child or young persons age", ("request_age",), topics.AGE_AT_REQUEST.order),
        topics.ETHNICITY,
        topics.SEX,
    ]
    if later:
        table_topics.append(
            Topic("Source of request", ("source",), (*sources.values(), "Not known"))
        )
    t = _by_topic(r, table_topics, list(cols))
    t["requests_decision_not_made"] = (
        t["requests_received_in_year"]
        - t["requests_decided_to_assess"]
        - t["requests_decided_not_to_assess"]
        - t["requests_withdrawn"]
    )
    timed = t["request_outcome_six_weeks"] + t["request_outcome_over_6_weeks"]
    rates = [
        ("requests_decided_to_assess", "request_assess_pc"),
        ("requests_decided_not_to_assess", "request_not_assess_pc"),
        ("requests_decision_not_made", "request_outstanding_pc"),
        ("requests_withdrawn", "request_withdrawn_pc"),
    ]
    values: dict[str, object] = {
        "requests_received_in_year": t["requests_received_in_year"],
        "requests_rya": t["requests_rya"],
        **{n: t[n] for n, _ in rates},
        **{rate: _pc(t, n, "requests_received_in_year") for n, rate in rates},
        "request_outcome_six_weeks": t["request_outcome_six_weeks"],
        "request_outcome_over_6_weeks": t["request_outcome_over_6_weeks"],
        "request_outcome_six_weeks_pc": _pc(t, "request_outcome_six_weeks", timed),
        "request_outcome_over_6_weeks_pc": _pc(t, "request_outcome_over_6_weeks", timed),
    }
    for name in (
        "mediation_related_request",
        "tribunal_related_request",
        "tribunal_after_mediation_request",
    ):
        values[name] = t[name]
    return _finish(t, values)


def _assessments(ref: _Reference) -> pd.DataFrame:
    r = ref.in_year("assessment_outcome_date")
    r = r[r["has_assessment"].eq(True) & r["assessment_outcome"].isin(list("YNAW"))].copy()
    outcome = r["assessment_outcome"]
    days = (r["assessment_outcome_date"] - r["received_date"]).dt.days
    f = {
        c: r[c].fillna(False).astype(bool)
        for c in (
            "assessment_mediation",
            "assessment_tribunal",
            "other_mediation",
            "other_tribunal",
        )
    }
    outcomes = {
        "Y": "assess_issued",
        "N": "assess_not_issued",
        "A": "assess_not_made",
        "W": "assess_withdrawn",
    }
    cols = {"assess_in_year": pd.Series(True, index=r.index)}
    cols |= {name: outcome == code for code, name in outcomes.items()}
    cols |= {
        "outcome_decision_within_time": (outcome == "N") & (days <= 112),
        "outcome_decision_over_time": (outcome == "N") & (days > 112),
        "number_assess_mediation": f["assessment_mediation"],
        "number_assess_tribunal": f["assessment_tribunal"],
        "number_asssess_mediation_tribunal": f["assessment_mediation"] & f["assessment_tribunal"],
        "number_other_mediation": f["other_mediation"],
        "number_other_tribunal": f["other_tribunal"],
        "number_other_mediation_tribunal": f["other_mediation"] & f["other_tribunal"],
    }
    for name, value in cols.items():
        r[name] = value.astype(int)
    r["request_age"] = _label(r["age"], topics.AGE_AT_REQUEST)
    table_topics = [
        Topic("All EHC needs assessments"),
        Topic("Child or young persons age", ("request_age",), topics.AGE_AT_REQUEST.order),
        topics.ETHNICITY,
        topics.SEX,
    ]
    t = _by_topic(r, table_topics, list(cols))
    timed = t["outcome_decision_within_time"] + t["outcome_decision_over_time"]
    values: dict[str, object] = {"assess_in_year": t["assess_in_year"]}
    for name in outcomes.values():
        values[name] = t[name]
        values[f"{name}_pc"] = _pc(t, name, "assess_in_year")
    values["outcome_decision_within_time"] = t["outcome_decision_within_time"]
    values["outcome_decision_over_time"] = t["outcome_decision_over_time"]
    values["outcome_decision_within_time_pc"] = _pc(t, "outcome_decision_within_time", timed)
    values["outcome_decision_over_time_pc"] = _pc(t, "outcome_decision_over_time", timed)
    for name in list(cols)[-6:]:
        values[name] = t[name]
    return _finish(t, values)


def _timeliness(ref: _Reference, later: bool) -> pd.DataFrame:
    r = ref.in_year("assessment_outcome_date")
    keep = (
        r["has_assessment"].eq(True)
        & (r["assessment_outcome"] == "Y")
        & r["received_date"].notna()
        & r["transfer_la"].isna()
    )
    r = r[keep].merge(ref.needs, on="request_id", how="left")
    days = (r["assessment_outcome_date"] - r["received_date"]).dt.days
    exc = r["week20"].fillna(False).astype(bool)
    band = np.select([days <= 140, days <= 364], ["a", "b"], "c")
    cols = {"den": pd.Series(True, index=r.index), "den_ex": ~exc}
    for key, name in zip("abc", ["within", "mid", "year"], strict=True):
        cols[name] = pd.Series(band == key, index=r.index)
        cols[f"{name}_ex"] = cols[name] & ~exc
    for name, value in cols.items():
        r[name] = value.astype(int)
    r["days"] = days
    r["days_ex"] = days.where(~exc, 0)
    r["request_age"] = _label(r["age"], topics.AGE_AT_REQUEST_ISSUED)
    r["need"] = r["primary_need"].map(lambda n: NEED_LABELS.get(n, "Not reported"))
    age = Topic(
        "Age at time of request" if later else "Child or young persons age",
        ("request_age",),
        topics.AGE_AT_REQUEST_ISSUED.order,
    )
    table_topics = [
        Topic("All EHC plans" if later else "All EHC plans issued"),
        age,
        topics.ETHNICITY,
    ]
    if later:
        table_topics.append(Topic("Primary type of need", ("need",), TIMELINESS_NEEDS))
    table_topics.append(topics.SEX)
    t = _by_topic(r, table_topics, [*cols, "days", "days_ex"])
    values: list[object] = [t["den"], t["den_ex"]]
    for name in ("within", "mid", "year"):
        values += [t[name], t[f"{name}_ex"], _pc(t, name, "den"), _pc(t, f"{name}_ex", "den_ex")]
    if later:
        values += [_tenths(t["days"], t["den"] * 7), _tenths(t["days_ex"], t["den_ex"] * 7)]
    names = COLUMNS_2026 if later else COLUMNS_2025
    return _finish(t, dict(zip(names, values, strict=True)))


def _ceased(plans: pd.DataFrame) -> pd.DataFrame:
    reasons = {
        "1": "max_age",
        "2": "needs_met",
        "3": "he",
        "4": "employ",
        "5": "transfer",
        "6": "no_engage",
        "7": "moved_outside_eng",
        "8": "deceased",
        "9": "not_rec",
    }
    pop = plans.copy()
    reason = pop["cease_reason"].map(lambda c: reasons.get(c, "other"))
    columns = [*reasons.values(), "other"]
    for column in columns:
        pop[column] = (reason == column).astype(int)
    pop["total_ceased"] = 1
    pop["cease_age"] = _label(pop["age_at_cease"], topics.AGE_AT_CEASE)
    pop["held"] = _label(pop["years_held"], topics.YEARS_HELD)
    table_topics = [
        Topic("All ceased EHC plans"),
        Topic("Age plan ceased", ("cease_age",), topics.AGE_AT_CEASE.order),
        topics.ETHNICITY,
        topics.SEX,
        topics.PLACEMENT,
        Topic("Years plan held", ("held",), topics.YEARS_HELD.order),
    ]
    t = _by_topic(pop, table_topics, [*columns, "total_ceased"])
    return _finish(t, {c: t[c] for c in [*columns, "total_ceased"]})


def _reviews(plans: pd.DataFrame, ref: _Reference) -> pd.DataFrame:
    y = ref.year
    this, last = f"{(y + 1) % 100:02d}", f"{y % 100:02d}"
    pop = plans.copy()
    expected = pop["start_date"] < pd.Timestamp(y, 1, 1)
    meeting, decision = pop["review_meeting"], pop["last_review"]
    met = expected & meeting.notna()
    decided = met & decision.notna()
    days = (decision - meeting).dt.days
    waiting = (ref.census - meeting).dt.days
    outcome = pop["review_outcome"]
    cols = {
        "total_ehc_plans": pd.Series(True, index=pop.index),
        "review_expected": expected,
        f"review_meeting_{this}": met & (meeting.dt.year == y + 1),
        f"review_meeting_{last}": met & (meeting.dt.year == y),
        f"review_meeting_prior_{last}": met & (meeting.dt.year < y),
        "total_review_meeting": met,
        f"review_decision{this}": decided & (decision.dt.year == y + 1),
        f"review_decision{last}": decided & (decision.dt.year == y),
        f"review_decision_prior{last}": decided & (decision.dt.year < y),
        "review_decision_not_due": met & decision.isna() & (waiting <= 28),
        "review_decision_outstanding": met & decision.isna() & (waiting > 28),
        "outcome_amend": met & (outcome == "A"),
        "outcome_cease": met & (outcome == "C"),
        "outcome_maintan": met & (outcome == "M"),
        "no_outcome": met & ~outcome.isin(["A", "C", "M"]),
        "number_decsion_4weeks": decided & (days <= 28),
        "number_decision_gt_4weeks": decided & (days > 28),
    }
    for name, value in cols.items():
        pop[name] = value.astype(int)
    pop["review_age"] = _label(pop["age"], topics.REVIEW_AGE)
    pop["years"] = _label(pop["years_in_place"], topics.YEARS_IN_PLACE)
    table_topics = [
        Topic("All annual reviews"),
        Topic("Child or young persons age", ("review_age",), topics.REVIEW_AGE.order),
        topics.ETHNICITY,
        topics.SEX,
        topics.PLACEMENT,
        Topic("Years EHC plan in place", ("years",), topics.YEARS_IN_PLACE.order),
    ]
    t = _by_topic(pop, table_topics, list(cols))
    t["review_not_expected"] = t["total_ehc_plans"] - t["review_expected"]
    t["no_review_meeting"] = t["review_expected"] - t["total_review_meeting"]
    order = list(cols)
    order.insert(2, "review_not_expected")
    order.insert(order.index("total_review_meeting") + 1, "no_review_meeting")
    values: dict[str, object] = {c: t[c] for c in order}
    timed = t["number_decsion_4weeks"] + t["number_decision_gt_4weeks"]
    values["pc_decsion_4weeks"] = _pc(t, "number_decsion_4weeks", timed)
    values["pc_decision_gt_4weeks"] = _pc(t, "number_decision_gt_4weeks", timed)
    return _finish(t, values)


def _feature(
    plans: pd.DataFrame,
    keep: pd.Series,
    cols: dict[str, pd.Series],
    all_label: str,
    bands,
    age_topic: str,
    age_last: bool = False,
) -> pd.DataFrame:
    pop = plans[keep].copy()
    for name, value in cols.items():
        pop[name] = value[keep].astype(int)
    pop["feature_age"] = _label(pop["age"], bands)
    pop["placement"] = pop["placement"].replace(topics.SPECIAL_LOWER)
    age = Topic(age_topic, ("feature_age",), bands.order)
    rest = [topics.ETHNICITY, topics.SEX, topics.PLACEMENT_LOWER]
    table_topics = [Topic(all_label), *(rest + [age] if age_last else [age, *rest])]
    t = _by_topic(pop, table_topics, list(cols))
    return _finish(t, {c: t[c] for c in cols})


def _phase_transfers(plans: pd.DataFrame, ref: _Reference) -> pd.DataFrame:
    y = ref.year
    row = {"number_plans": str(len(plans))}
    for kind, column in (
        ("due", "phase_transfer_due_date"),
        ("final", "phase_transfer_final_date"),
    ):
        for year in (y, y + 1):
            row[f"{kind}_{year % 100:02d}"] = str(int((plans[column].dt.year == year).sum()))
    return pd.DataFrame([row])


def reference_tables(
    frames: Sen2Frames, establishments: EstablishmentLookup | None = None
) -> dict[str, pd.DataFrame]:
    """Every table `compute_tables` writes, computed with pandas."""
    ref = _Reference(frames, establishments or EstablishmentLookup())
    later = frames.reference_date.year >= 2026
    live = _caseload_labels(ref.live())
    new = ref.new()
    new["start_age"] = _label(new["age_at_start"], topics.AGE_AT_START)
    start_age = Topic("Age when plan started", ("start_age",), topics.AGE_AT_START.order)
    current_age = Topic("Child or young persons age", ("current_age",), topics.CURRENT_AGE.order)
    years = Topic("Years EHC plan in place", ("years",), topics.YEARS_IN_PLACE.order)
    capped = topics.CURRENT_AGE_CAPPED
    pb, oa, dp = (
        live["pb"].fillna(False).astype(bool),
        live["oa"].fillna(False).astype(bool),
        live["dp"],
    )
    res, wbp = live["res"], live["wbp"]
    tables = {
        "caseload": _settings_table(
            live,
            "ehcplans",
            [Topic("All EHC plans"), start_age, current_age, topics.ETHNICITY, topics.SEX, years],
        ),
        "sen_needs_all_plans": _needs_table(
            live,
            [
                Topic("All EHC plans"),
                current_age,
                topics.ETHNICITY,
                topics.SEX,
                topics.PLACEMENT,
                years,
            ],
        ),
        "newplans": _settings_table(
            new, "new_ehc_plans", [Topic("New EHC plans"), start_age, topics.ETHNICITY, topics.SEX]
        ),
        "sen_need_newplans": _needs_table(
            new,
            [
                Topic("All EHC plans"),
                Topic("Child or young persons age", ("start_age",), topics.AGE_AT_START.order),
                topics.ETHNICITY,
                topics.SEX,
                topics.PLACEMENT,
            ],
        ),
        "requests": _requests(ref, later),
        "assessments": _assessments(ref),
        "timeliness_20_week": _timeliness(ref, later),
        "ceased_plans": _ceased(ref.ceased()),
        "annual_reviews": _reviews(live, ref),
        "personal_budgets": _feature(
            live,
            pb | oa | dp.isin(list("HESI")),
            {
                "personal_budget": pb,
                "org_arrangments": oa,
                **{
                    n: dp == c
                    for c, n in (
                        ("H", "pb_health"),
                        ("E", "pb_education"),
                        ("S", "pb_social"),
                        ("I", "pb_integrated"),
                    )
                },
            },
            "All personal budgets",
            capped,
            "Child or young persons age",
        ),
        "residential_settings": _feature(
            live,
            res.isin(["A", "B"]),
            {"Res_3851": res == "A", "Res_52": res == "B", "Res_tot": res.isin(["A", "B"])},
            "All residential placements",
            capped,
            "Child or young persons age",
        ),
        "work_based_placements": _feature(
            live,
            wbp.isin(list("SAT")),
            {
                "open_supp_intern": wbp == "S",
                "open_apprentice": wbp == "A",
                "open_trainee": wbp == "T",
                "open_wbp": wbp.isin(list("SAT")),
            },
            "All work based placements",
            topics.YOUNG_PERSON_AGE,
            "Young persons age",
            age_last=True,
        ),
        "phase_transfers": _phase_transfers(live, ref),
    }
    place = geography(frames.la_code)
    for name, table in tables.items():
        period, identifier = time_period(TABLE_PERIODS[name], frames.reference_date)
        values = {"time_period": period, "time_identifier": identifier, **place}
        for position, column in enumerate(GEOGRAPHY_COLUMNS):
            table.insert(position, column, values[column])
    return tables
