"""Bulk import and export of services as CSV (the layout is in docs/directory-import.md)."""

from django import forms
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone

from opensend.core.access import requires
from opensend.directory import transfer
from opensend.directory.editor_views import REVIEW, _posted

MAX_UPLOAD_BYTES = 10 * 1024 * 1024


class UploadForm(forms.Form):
    file = forms.FileField(label="Upload a CSV file", help_text="UTF-8, one row per service")
    dry_run = forms.BooleanField(label="Check the file without saving anything", required=False)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(".csv"):
            raise forms.ValidationError("The selected file must be a CSV")
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError("The selected file must be smaller than 10 MB")
        return upload


@requires(REVIEW)
def transfer_page(request):
    form = UploadForm(_posted(request), request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        report = transfer.import_services(
            request.user, upload, upload.name, dry_run=form.cleaned_data["dry_run"]
        )
        if report.ok and not form.cleaned_data["dry_run"]:
            messages.success(request, report.summary())
            return redirect("directory:transfer")
    return TemplateResponse(
        request, "directory/editor/transfer.html", {"form": form, "report": report}
    )


@requires(REVIEW)
def export(request):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    name = f"local-offer-services-{timezone.localdate():%Y-%m-%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    transfer.export_services(request.user, response)
    return response
