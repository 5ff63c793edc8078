"""Our files have DfE's column names, file by file (needs ../shared: DfE's published files)."""

import csv
import datetime as dt

import pytest

from opensend.returns.sen2.frames import frames_from_persons
from opensend.returns.sen2.statistics import compute_tables, write_tables
from opensend.returns.sen2.statistics.ees import UnknownLocalAuthority
from tests.conftest import shared_path
from tests.returns.sen2.sen2_builders import LOOKUP, small_return

RELEASE_2025 = ("data", "ees", "ehcp_2025_release")
RELEASE_2026 = ("data", "ees", "ehcp_2026_release_extracts")


def header(path):
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return next(csv.reader(handle))


def written(tmp_path, census):
    frames = frames_from_persons(small_return(), reference_date=census, la_code="383")
    return {p.stem: p for p in write_tables(compute_tables(frames, LOOKUP), tmp_path)}


@pytest.mark.shared
def test_2025_return_has_the_2025_release_columns(tmp_path):
    files = written(tmp_path, dt.date(2025, 1, 16))
    for name, path in files.items():
        if name == "phase_transfers":
            continue  # first published in 2026
        assert header(path) == header(shared_path(*RELEASE_2025, f"{name}.csv")), name


@pytest.mark.shared
def test_2026_return_has_the_2026_release_columns(tmp_path):
    files = written(tmp_path, dt.date(2026, 1, 15))
    extracts = {
        "phase_transfers": "phase_transfers.csv",
        "requests": "requests_2026release_national_2025.csv",
        "timeliness_20_week": "timeliness_20_week_2026release_national_2025.csv",
    }
    for name, extract in extracts.items():
        assert header(files[name]) == header(shared_path(*RELEASE_2026, extract)), name


@pytest.mark.shared
def test_breakdown_topics_are_dfes(tmp_path):
    files = written(tmp_path, dt.date(2025, 1, 16))
    for name in ("caseload", "requests", "ceased_plans", "annual_reviews", "personal_budgets"):
        with shared_path(*RELEASE_2025, f"{name}.csv").open(encoding="utf-8-sig") as handle:
            published = {(r["breakdown_topic"], r["breakdown"]) for r in csv.DictReader(handle)}
        with files[name].open(encoding="utf-8") as handle:
            ours = {(r["breakdown_topic"], r["breakdown"]) for r in csv.DictReader(handle)}
        assert ours <= published, (name, ours - published)


def test_an_unknown_la_is_named_with_the_fix():
    frames = frames_from_persons(small_return(), reference_date=dt.date(2025, 1, 16), la_code="999")
    with pytest.raises(UnknownLocalAuthority, match="'999'.*3-digit DfE number"):
        compute_tables(frames)
