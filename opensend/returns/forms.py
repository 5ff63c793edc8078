"""Forms of the returns area, rendered with the GOV.UK macros (`includes/forms.html`)."""

from django import forms

from opensend.core.exports import EXPORT_PURPOSES
from opensend.core.forms import GovukDateField
from opensend.returns.models import DESIGNATED_OFFICER_ANSWERS

MAX_UPLOAD_MB = 200
MAX_UPLOAD_BYTES = MAX_UPLOAD_MB * 1024 * 1024


def _answer(label: str, officer: str) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=DESIGNATED_OFFICER_ANSWERS,
        widget=forms.RadioSelect,
        error_messages={"required": f"Choose whether your local authority has a {officer}"},
    )


class HeaderDetailsForm(forms.Form):
    dmo = _answer(
        "Does your local authority have a Designated Medical Officer (DMO)?",
        "Designated Medical Officer",
    )
    dco = _answer(
        "Does your local authority have a Designated Clinical Officer (DCO)?",
        "Designated Clinical Officer",
    )
    dsco = _answer(
        "Does your local authority have a Designated Social Care Officer (DSCO)?",
        "Designated Social Care Officer",
    )


class ExportForm(forms.Form):
    reference_date = forms.ChoiceField(
        label="Which census date is the return for?",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the census date of the return"},
    )
    purpose = forms.ChoiceField(
        label="Why do you need this file?",
        choices=EXPORT_PURPOSES,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose why you need this file"},
    )

    def __init__(self, *args, reference_dates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reference_date"].choices = [
            (day.isoformat(), f"{day.day} {day:%B %Y} ({day.year} collection)")
            for day in reference_dates
        ]


class StatisticsForm(forms.Form):
    reference_date = GovukDateField(
        label="Census date",
        help_text="The January census the figures are for, for example 16 1 2025",
        past_only=False,
        required=True,
        error_messages={"required": "Enter the census date"},
    )


class Sen2UploadForm(forms.Form):
    file = forms.FileField(
        label="Upload a SEN2 XML file",
        help_text=f"The XML file as sent to DfE COLLECT, up to {MAX_UPLOAD_MB} MB",
        error_messages={
            "required": "Select a SEN2 XML file",
            "empty": "The selected file is empty",
            "invalid": "Select a SEN2 XML file",
        },
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(".xml"):
            raise forms.ValidationError("The selected file must be an XML file (.xml)")
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                f"The selected file must be smaller than {MAX_UPLOAD_MB} MB: use the command "
                "`opensend sen2 validate` for larger files"
            )
        return upload
