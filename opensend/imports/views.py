from pathlib import Path

from django.http import FileResponse
from django.shortcuts import render

from opensend.core.access import requires
from opensend.imports import services
from opensend.imports.forms import RegisterUploadForm
from opensend.imports.template import COLUMNS

EXAMPLE_FILE = Path(__file__).with_name("example_register.csv")


@requires("people.import_register")
def upload(request):
    posted = request.method == "POST"
    form = RegisterUploadForm(request.POST, request.FILES) if posted else RegisterUploadForm()
    result = None
    if posted and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            result = services.import_register(
                actor=request.user, file_name=upload.name, content=upload.read()
            )
        except services.ImportRefused as refusal:
            form.add_error("file", str(refusal))
    if result is not None and result.ok:
        return render(request, "imports/done.html", {"result": result})
    return render(request, "imports/upload.html", {"form": form, "result": result})


@requires("people.import_register")
def example(request):
    return FileResponse(
        EXAMPLE_FILE.open("rb"),
        as_attachment=True,
        filename="opensend-register-example.csv",
        content_type="text/csv; charset=utf-8",
    )


@requires("people.import_register")
def guidance(request):
    return render(request, "imports/guidance.html", {"columns": COLUMNS})
