"""The SEN2 pages: header details, export, checking a file and its report, who may use them."""

import io

import pytest
from openpyxl import load_workbook

from opensend.accounts.roles import Role
from opensend.core.models import AccessEvent
from opensend.returns.models import Sen2Check, Sen2Settings
from opensend.returns.queries import export_reference_dates, reference_date_choices

pytestmark = pytest.mark.django_db


def test_the_sen2_page_shows_the_header_details_and_the_tasks(signed_in):
    client = signed_in(Role.ANALYST)
    page = client.get("/returns/sen2/").content.decode()
    assert "The SEN2 return" in page
    assert "Designated Medical Officer (DMO)" in page
    assert "Not recorded" in page
    assert "/returns/sen2/export/" in page
    assert "/returns/sen2/check/" in page


def test_header_details_are_required_with_govuk_errors(signed_in):
    client = signed_in(Role.SEND_MANAGER)
    response = client.post("/returns/sen2/header/", {"dmo": "Y"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page
    assert "Choose whether your local authority has a Designated Clinical Officer" in page
    assert not Sen2Settings.objects.exists()


def test_header_details_are_saved_with_history(signed_in, local_authority):
    client = signed_in(Role.SEND_MANAGER)
    response = client.post("/returns/sen2/header/", {"dmo": "Y", "dco": "R", "dsco": "N"})
    assert response.status_code == 302
    settings = Sen2Settings.objects.get(local_authority=local_authority)
    assert (settings.dmo, settings.dco, settings.dsco) == ("Y", "R", "N")
    assert settings.history.first().history_user == client.user
    client.post("/returns/sen2/header/", {"dmo": "Y", "dco": "Y", "dsco": "Y"})
    assert Sen2Settings.objects.get().dco == "Y"
    assert Sen2Settings.objects.count() == 1


def test_export_is_refused_until_the_header_details_are_recorded(signed_in):
    client = signed_in(Role.ANALYST)
    response = client.post(
        "/returns/sen2/export/", {"reference_date": "2025-01-16", "purpose": "statutory-return"}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Record whether your local authority has a Designated Medical Officer" in page
    assert not AccessEvent.objects.filter(object_type="SEN2 return").exists()


def test_export_asks_for_a_census_date_and_a_reason(signed_in):
    client = signed_in(Role.ANALYST)
    page = client.post("/returns/sen2/export/", {}).content.decode()
    assert "Choose the census date of the return" in page
    assert "Choose why you need this file" in page


def test_census_dates_offered_run_from_the_next_back_to_2025():
    import datetime as dt

    choices = reference_date_choices(dt.date(2026, 11, 22))
    assert choices == [dt.date(2027, 1, 21), dt.date(2026, 1, 15), dt.date(2025, 1, 16)]


def test_a_return_is_exported_only_for_a_collection_whose_layout_is_known(
    signed_in, local_authority
):
    import datetime as dt

    assert export_reference_dates(dt.date(2026, 11, 22)) == [
        dt.date(2026, 1, 15),
        dt.date(2025, 1, 16),
    ]
    Sen2Settings.objects.create(local_authority=local_authority, dmo="Y", dco="Y", dsco="Y")
    client = signed_in(Role.ANALYST)
    page = client.get("/returns/sen2/export/").content.decode()
    assert "2026-01-15" in page
    assert "2027-01-21" not in page
    # a census date posted by hand is refused in words, never with a traceback
    response = client.post(
        "/returns/sen2/export/", {"reference_date": "2027-01-21", "purpose": "statutory-return"}
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()


def test_checking_a_file_that_is_not_xml_keeps_a_report_saying_so(signed_in):
    client = signed_in(Role.ANALYST)
    upload = io.BytesIO(b"Surname,Forename\nExample,Alex\n")
    upload.name = "SEN2.xml"
    response = client.post("/returns/sen2/check/", {"file": upload})
    assert response.status_code == 302
    check = Sen2Check.objects.get()
    assert check.unreadable
    page = client.get(response.url).content.decode()
    assert "The file could not be read" in page
    assert AccessEvent.objects.filter(object_type="SEN2 file report", action="view").exists()


def test_upload_must_be_an_xml_file(signed_in):
    client = signed_in(Role.ANALYST)
    upload = io.BytesIO(b"a,b\n")
    upload.name = "register.csv"
    page = client.post("/returns/sen2/check/", {"file": upload}).content.decode()
    assert "The selected file must be an XML file (.xml)" in page
    assert not Sen2Check.objects.exists()


def test_a_report_is_visible_only_within_its_local_authority(
    signed_in, make_user, local_authority, other_local_authority, client
):
    check = Sen2Check.objects.create(
        local_authority=local_authority, file_name="SEN2.xml", persons=3, errors=1
    )
    outsider = make_user(Role.ANALYST, organisation=other_local_authority)
    client.force_login(outsider)
    assert client.get(f"/returns/sen2/reports/{check.pk}/").status_code == 404
    assert client.get(f"/returns/sen2/reports/{check.pk}/problems.xlsx").status_code == 404


def test_the_problems_download_as_a_spreadsheet_with_formulas_escaped(signed_in, local_authority):
    client = signed_in(Role.SEND_MANAGER)
    problem = {
        "rule": "P05",
        "severity": "error",
        "line": 12,
        "person": "Alex Example (A123456789012)",
        "element": "Surname",
        "value": "=HYPERLINK(1)",
        "message": "Sex must be M or F",
        "fix": "Record the sex as M or F",
    }
    check = Sen2Check.objects.create(
        local_authority=local_authority, file_name="SEN2.xml", errors=1, problems=[problem]
    )
    response = client.get(f"/returns/sen2/reports/{check.pk}/problems.xlsx")
    assert response.status_code == 200
    rows = list(load_workbook(io.BytesIO(response.content)).active.values)
    assert rows[0][:5] == ("Line", "Person", "Element", "Value", "Rule")
    assert rows[1][3] == "'=HYPERLINK(1)"
    assert AccessEvent.objects.filter(object_type="SEN2 file report", action="export").exists()


@pytest.mark.parametrize("role", [Role.CASEWORKER, Role.BOARD_MEMBER, Role.DIRECTORY_EDITOR])
def test_other_roles_cannot_use_the_returns_area(signed_in, role):
    client = signed_in(role)
    assert client.get("/returns/sen2/").status_code == 403
    assert "/returns/" not in client.get("/").content.decode()


def _plan_issued_in_2025(local_authority):
    from tests.casework.factories import PlanFactory
    from tests.factories import PersonFactory

    person = PersonFactory(responsible_la=local_authority, forename="Alex", surname="Example")
    return PlanFactory(assessment__case__person=person)


def test_statistics_show_headline_figures_and_tables_for_a_census_date(signed_in, local_authority):
    _plan_issued_in_2025(local_authority)
    client = signed_in(Role.ANALYST)
    page = client.get(
        "/returns/sen2/statistics/",
        {"reference_date-day": "15", "reference_date-month": "1", "reference_date-year": "2026"},
    ).content.decode()
    assert "EHC plan statistics for 15 January 2026" in page
    assert "EHC plans on the census date" in page
    assert "caseload.csv" in page
    assert "timeliness_20_week.csv" in page


def test_statistics_download_one_table_and_all_tables_audited(signed_in, local_authority):
    import zipfile

    _plan_issued_in_2025(local_authority)
    client = signed_in(Role.ANALYST)
    response = client.get("/returns/sen2/statistics/2026-01-15/caseload.csv")
    assert response.status_code == 200
    header, *rows = response.content.decode().splitlines()
    assert header.startswith("time_period,time_identifier,geographic_level")
    assert "ehcplans" in header
    archive = zipfile.ZipFile(
        io.BytesIO(client.get("/returns/sen2/statistics/2026-01-15/all.zip").content)
    )
    assert "timeliness_20_week.csv" in archive.namelist()
    assert AccessEvent.objects.filter(object_type="SEN2 statistics").count() == 2
    assert client.get("/returns/sen2/statistics/2026-01-15/nonsense.csv").status_code == 404
    assert client.get("/returns/sen2/statistics/not-a-date/all.zip").status_code == 404


def test_export_writes_the_return_and_audits_it(signed_in, local_authority):
    _plan_issued_in_2025(local_authority)
    Sen2Settings.objects.create(local_authority=local_authority, dmo="Y", dco="Y", dsco="R")
    client = signed_in(Role.SEND_MANAGER)
    response = client.post(
        "/returns/sen2/export/", {"reference_date": "2026-01-15", "purpose": "statutory-return"}
    )
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith(
        f'SEN2_{local_authority.la_code}_2026-01-15.xml"'
    )
    body = b"".join(response.streaming_content).decode()
    assert "<Surname>Example</Surname>" in body
    assert "<DSCO>R</DSCO>" in body
    event = AccessEvent.objects.get(object_type="SEN2 return")
    assert event.detail == {"reference_date": "2026-01-15", "persons": 1}
