"""Reads for the returns pages and commands."""

import datetime as dt
from importlib.metadata import PackageNotFoundError, version

from opensend.core.dates import latest_sen2_reference_date, sen2_reference_date
from opensend.returns.models import Sen2Check, Sen2Settings
from opensend.returns.sen2 import layout
from opensend.returns.sen2.records import Header

SOFTWARE_CODE = "OpenSEND"


def software_release() -> str:
    try:
        return version("opensend")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "0"


def sen2_settings(la) -> Sen2Settings | None:
    return Sen2Settings.objects.filter(local_authority=la).first()


def sen2_header(la, reference_date: dt.date, *, now: dt.datetime, serial_no: int = 1) -> Header:
    """The header of `la`'s return for `reference_date`, with its designated officers."""
    settings = sen2_settings(la)
    return Header(
        year=str(reference_date.year),
        reference_date=reference_date.isoformat(),
        lea=la.la_code,
        software_code=SOFTWARE_CODE,
        release=software_release(),
        serial_no=f"{serial_no:03d}",
        date_time=now.strftime("%Y-%m-%dT%H:%M:%S"),
        dmo=settings.dmo if settings else "",
        dco=settings.dco if settings else "",
        dsco=settings.dsco if settings else "",
    )


def reference_date_choices(today: dt.date) -> list[dt.date]:
    """Census dates a user can export or compute statistics for: the next one (work in
    progress), the latest, and each earlier one back to the first supported collection."""
    latest = latest_sen2_reference_date(today)
    years = range(latest.year + 1, min(layout.SUPPORTED_YEARS) - 1, -1)
    return [sen2_reference_date(year) for year in years]


def export_reference_dates(today: dt.date) -> list[dt.date]:
    """The census dates a return can be exported for: those of `reference_date_choices` whose
    collection layout OpenSEND writes."""
    return [day for day in reference_date_choices(today) if day.year in layout.SUPPORTED_YEARS]


def checks_visible_to(user):
    """SEN2 reports of the user's LA, newest first."""
    organisation = getattr(user, "organisation", None)
    if organisation is None or not organisation.is_local_authority:
        return Sen2Check.objects.none()
    return Sen2Check.objects.filter(local_authority=organisation)
