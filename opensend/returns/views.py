"""The SEN2 return pages: export, check a file, import a file, statistics, header details.

Thin views: permission, form, one service or query call, render."""

import datetime as dt
import io
import tempfile
import zipfile

from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from opensend.core.access import requires
from opensend.core.audit import client_ip, record_access
from opensend.core.exports import XLSX_TYPE, purpose_text
from opensend.returns import queries, report_files, services, statistics_pages
from opensend.returns.forms import ExportForm, HeaderDetailsForm, Sen2UploadForm, StatisticsForm


def _posted(request):
    """The posted data, even when empty (so an empty form shows its errors), or None."""
    return request.POST if request.method == "POST" else None


@requires("returns.prepare_sen2")
def index(request):
    return redirect("returns:sen2")


@requires("returns.prepare_sen2")
def sen2(request):
    la = request.user.organisation
    today = timezone.localdate()
    return render(
        request,
        "returns/sen2.html",
        {
            "settings": queries.sen2_settings(la) if la else None,
            "latest": queries.reference_date_choices(today)[1],
            "checks": queries.checks_visible_to(request.user)[:10],
        },
    )


@requires("returns.prepare_sen2")
def header_details(request):
    settings = queries.sen2_settings(request.user.organisation)
    initial = {"dmo": settings.dmo, "dco": settings.dco, "dsco": settings.dsco} if settings else {}
    form = HeaderDetailsForm(_posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        services.save_sen2_settings(actor=request.user, **form.cleaned_data)
        return redirect("returns:sen2")
    return render(request, "returns/header.html", {"form": form})


@requires("returns.prepare_sen2")
def export(request):
    today = timezone.localdate()
    form = ExportForm(_posted(request), reference_dates=queries.export_reference_dates(today))
    refusal = ""
    if request.method == "POST" and form.is_valid():
        reference_date = dt.date.fromisoformat(form.cleaned_data["reference_date"])
        spool = tempfile.TemporaryFile()  # noqa: SIM115 - FileResponse closes it
        try:
            summary = services.export_sen2(
                actor=request.user,
                reference_date=reference_date,
                out=spool,
                purpose=purpose_text(form.cleaned_data["purpose"]),
                ip_address=client_ip(request),
                path=request.get_full_path(),
            )
        except services.ReturnRefused as refused:
            spool.close()
            refusal = str(refused)
        else:
            spool.seek(0)
            return FileResponse(
                spool,
                as_attachment=True,
                filename=summary.file_name,
                content_type="application/xml",
            )
    return render(request, "returns/export.html", {"form": form, "refusal": refusal})


@requires("returns.prepare_sen2")
def check(request):
    return _upload(request, import_file=False)


@requires("returns.import_sen2")
def import_file(request):
    return _upload(request, import_file=True)


def _upload(request, *, import_file: bool):
    form = Sen2UploadForm(_posted(request), request.FILES if request.method == "POST" else None)
    refusal = ""
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        service = services.import_sen2_file if import_file else services.check_sen2_file
        try:
            report = service(actor=request.user, file_name=upload.name, source=upload.file)
        except services.ReturnRefused as refused:
            refusal = str(refused)
        else:
            return redirect("returns:report", check_id=report.pk)
    template = "returns/import.html" if import_file else "returns/check.html"
    return render(request, template, {"form": form, "refusal": refusal})


@requires("returns.prepare_sen2")
def report(request, check_id: int):
    check = get_object_or_404(queries.checks_visible_to(request.user), pk=check_id)
    record_access(
        request,
        action="view",
        object_type="SEN2 file report",
        object_id=check.pk,
        purpose="Checking a SEN2 return",
    )
    return render(request, "returns/report.html", {"check": check})


@requires("returns.prepare_sen2")
def report_problems(request, check_id: int):
    check = get_object_or_404(queries.checks_visible_to(request.user), pk=check_id)
    record_access(
        request,
        action="export",
        object_type="SEN2 file report",
        object_id=check.pk,
        purpose="Checking a SEN2 return",
        detail={"problems": len(check.problems), "format": "xlsx"},
    )
    response = HttpResponse(report_files.problems_xlsx(check.problems), content_type=XLSX_TYPE)
    name = check.file_name.rsplit(".", 1)[0]
    response["Content-Disposition"] = f'attachment; filename="{name}-problems.xlsx"'
    return response


@requires("returns.prepare_sen2")
def statistics(request):
    la = request.user.organisation
    if la is None or not la.is_local_authority:
        raise Http404
    today = timezone.localdate()
    data = request.GET if "reference_date-year" in request.GET else None
    form = StatisticsForm(
        data, initial={"reference_date": queries.reference_date_choices(today)[1]}
    )
    reference_date = form.cleaned_data["reference_date"] if data and form.is_valid() else None
    if data is None:
        reference_date = queries.reference_date_choices(today)[1]
    tables = statistics_pages.tables_for(la, reference_date) if reference_date else None
    return render(
        request,
        "returns/statistics.html",
        {
            "form": form,
            "reference_date": reference_date,
            "tables": tables,
            "headline": statistics_pages.headline(tables) if tables else None,
        },
    )


@requires("returns.prepare_sen2")
def statistics_download(request, iso_date: str, table: str = ""):
    la = request.user.organisation
    try:
        reference_date = dt.date.fromisoformat(iso_date)
    except ValueError:
        raise Http404 from None
    if la is None or not la.is_local_authority:
        raise Http404
    tables = statistics_pages.tables_for(la, reference_date)
    if table and table not in tables:
        raise Http404
    record_access(
        request,
        action="export",
        object_type="SEN2 statistics",
        purpose="Analysis for the partnership",
        detail={"reference_date": iso_date, "table": table or "all"},
    )
    if table:
        response = HttpResponse(statistics_pages.csv_bytes(tables[table]), content_type="text/csv")
        response["Content-Disposition"] = f'attachment; filename="{table}.csv"'
        return response
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, frame in tables.items():
            archive.writestr(f"{name}.csv", statistics_pages.csv_bytes(frame))
    response = HttpResponse(buffer.getvalue(), content_type="application/zip")
    response["Content-Disposition"] = (
        f'attachment; filename="sen2-statistics-{la.la_code}-{iso_date}.zip"'
    )
    return response
