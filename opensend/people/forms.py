from django import forms
from django.utils import timezone

from opensend.core import codelists
from opensend.core.forms import GovukDateField
from opensend.core.identifiers import normalise_identifier
from opensend.people import validation
from opensend.people.models import (
    AttendanceSummary,
    Circumstance,
    Establishment,
    Exclusion,
    Need,
    Person,
    Placement,
    SenStatus,
)


def _blank_choice(choices, text="Choose"):
    return [("", text), *choices]


class PersonForm(forms.ModelForm):
    birth_date = GovukDateField(
        label="Date of birth", past_only=True, help_text="For example, 27 3 2012"
    )
    postcode = forms.CharField(label="Postcode (optional)", required=False, max_length=20)

    class Meta:
        model = Person
        fields = Person.DETAIL_FIELDS
        labels = {
            "forename": "First name",
            "surname": "Last name",
            "middle_names": "Middle names (optional)",
            "preferred_name": "Preferred name (optional)",
            "postcode": "Postcode (optional)",
            "upn": "UPN (Unique Pupil Number)",
            "uln": "ULN (Unique Learner Number)",
            "local_id": "Local ID (optional)",
            "upn_unknown": "If neither UPN nor ULN is known, why not?",
        }
        help_texts = {
            "upn": "13 characters, for example H801200001001",
            "uln": "10 digits, for young people in further education",
        }
        widgets = {"sex": forms.RadioSelect}
        error_messages = {
            "forename": {"required": "Enter the person's first name"},
            "surname": {"required": "Enter the person's last name"},
            "sex": {"required": "Choose the person's sex"},
            "ethnicity": {"required": "Choose the person's ethnicity"},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ethnicity"].choices = _blank_choice(
            codelists.ETHNICITY.choices(), "Choose ethnicity"
        )
        self.fields["upn_unknown"].choices = _blank_choice(
            codelists.UPN_UNKNOWN.choices(), "Not applicable"
        )
        self.fields["sex"].choices = codelists.SEX.choices()
        self.fields["postcode"].widget.attrs.update(
            {"autocomplete": "postal-code", "class": "govuk-input--width-10"}
        )
        self.fields["upn"].widget.attrs.update(
            {"class": "govuk-input--width-20", "spellcheck": False}
        )
        self.fields["uln"].widget.attrs.update(
            {"class": "govuk-input--width-10", "inputmode": "numeric", "spellcheck": False}
        )

    def clean_upn(self):
        return normalise_identifier(self.cleaned_data.get("upn"))

    def clean_uln(self):
        return normalise_identifier(self.cleaned_data.get("uln"))

    def clean_postcode(self):
        value = self.cleaned_data.get("postcode", "")
        if problem := validation.postcode_problem(value):
            raise forms.ValidationError(problem)
        return validation.normalise_postcode(value)

    def clean_birth_date(self):
        value = self.cleaned_data["birth_date"]
        if value and (problem := validation.birth_date_problem(value, timezone.localdate())):
            raise forms.ValidationError(problem)
        return value

    def clean(self):
        cleaned = super().clean()
        problems = validation.identifier_problems(
            cleaned.get("upn", ""), cleaned.get("uln", ""), cleaned.get("upn_unknown", "")
        )
        for field, message in problems.items():
            if field not in self.errors:
                self.add_error(field, message)
        return cleaned


class DatedFactForm(forms.ModelForm):
    start_date = GovukDateField(label="Start date", past_only=True)
    end_date = GovukDateField(
        label="End date (optional)", required=False, help_text="Leave blank if this still applies"
    )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", "The end date must be on or after the start date")
        return cleaned


class SenStatusForm(DatedFactForm):
    class Meta:
        model = SenStatus
        fields = ["provision", "start_date", "end_date"]
        labels = {"provision": "SEN status"}
        widgets = {"provision": forms.RadioSelect}
        error_messages = {"provision": {"required": "Choose SEN support or EHC plan"}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["provision"].choices = codelists.SEN_PROVISION.choices()


class NeedForm(DatedFactForm):
    class Meta:
        model = Need
        fields = ["need_type", "rank", "start_date", "end_date"]
        labels = {"need_type": "Type of need", "rank": "Primary or secondary need"}
        widgets = {"rank": forms.RadioSelect}
        error_messages = {
            "need_type": {"required": "Choose the type of need"},
            "rank": {"required": "Choose primary or secondary"},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["need_type"].choices = _blank_choice(
            [(c.code, c.label) for c in codelists.NEED_TYPES], "Choose type of need"
        )
        self.fields["rank"].choices = [(1, "Primary need"), (2, "Secondary need")]

    def clean(self):
        cleaned = super().clean()
        need_type, start = cleaned.get("need_type"), cleaned.get("start_date")
        if need_type and start and (problem := validation.need_type_problem(need_type, start)):
            self.add_error("need_type", problem)
        return cleaned


class PlacementForm(DatedFactForm):
    class Meta:
        model = Placement
        fields = [
            "establishment",
            "sen_setting",
            "sen_setting_other",
            "rank",
            "in_sen_unit",
            "in_resourced_provision",
            "start_date",
            "end_date",
        ]
        labels = {
            "establishment": "School or setting",
            "sen_setting": "Or, if there is no school or setting, the arrangement",
            "rank": "Main or subsidiary registration",
            "sen_setting_other": "Details of the arrangement (optional)",
        }
        widgets = {"rank": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["establishment"].queryset = Establishment.objects.filter(closed_on__isnull=True)
        self.fields["establishment"].empty_label = "None"
        self.fields["sen_setting"].choices = _blank_choice(
            codelists.SEN_SETTINGS.choices(), "Not applicable"
        )
        self.fields["rank"].choices = [
            (1, "Main (or only) registration"),
            (2, "Subsidiary (dual registration)"),
        ]
        self.fields["start_date"].label = "Date started"
        self.fields["end_date"].label = "Date left (optional)"

    def clean(self):
        cleaned = super().clean()
        if bool(cleaned.get("establishment")) == bool(cleaned.get("sen_setting")):
            self.add_error(
                "establishment", "Choose a school or setting, or an arrangement, but not both"
            )
        return cleaned


class CircumstanceForm(DatedFactForm):
    class Meta:
        model = Circumstance
        fields = ["kind", "detail", "start_date", "end_date"]
        labels = {"kind": "Circumstance", "detail": "Details (optional)"}
        error_messages = {"kind": {"required": "Choose the circumstance"}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = _blank_choice(
            codelists.CIRCUMSTANCES.choices(), "Choose circumstance"
        )


class ExclusionForm(forms.ModelForm):
    start_date = GovukDateField(label="Start date", past_only=True)

    class Meta:
        model = Exclusion
        fields = ["kind", "establishment", "start_date", "sessions", "reason"]
        labels = {
            "kind": "Type",
            "establishment": "School",
            "sessions": "Length in sessions (half days), for a suspension",
        }
        widgets = {"kind": forms.RadioSelect}
        error_messages = {
            "kind": {"required": "Choose suspension or permanent exclusion"},
            "reason": {"required": "Choose the reason"},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = codelists.EXCLUSION_KINDS.choices()
        self.fields["reason"].choices = _blank_choice(
            codelists.EXCLUSION_REASONS.choices(), "Choose reason"
        )
        self.fields["establishment"].empty_label = "Not recorded"
        self.fields["sessions"].widget.attrs["class"] = "govuk-input--width-3"


class AttendanceForm(forms.ModelForm):
    class Meta:
        model = AttendanceSummary
        fields = [
            "establishment",
            "academic_year",
            "term",
            "sessions_possible",
            "sessions_authorised_absence",
            "sessions_unauthorised_absence",
        ]
        labels = {
            "academic_year": "Academic year starting",
            "establishment": "School",
            "sessions_authorised_absence": "Sessions of authorised absence",
            "sessions_unauthorised_absence": "Sessions of unauthorised absence",
        }
        help_texts = {"academic_year": "For example 2024 for 2024/25"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["term"].choices = _blank_choice(codelists.TERMS.choices(), "Choose term")
        self.fields["establishment"].empty_label = "Not recorded"
        for name in (
            "academic_year",
            "sessions_possible",
            "sessions_authorised_absence",
            "sessions_unauthorised_absence",
        ):
            self.fields[name].widget.attrs["class"] = "govuk-input--width-5"

    def clean(self):
        cleaned = super().clean()
        possible = cleaned.get("sessions_possible") or 0
        missed = (cleaned.get("sessions_authorised_absence") or 0) + (
            cleaned.get("sessions_unauthorised_absence") or 0
        )
        if missed > possible:
            self.add_error(
                "sessions_possible", "Sessions possible must be at least the sessions missed"
            )
        return cleaned


FACT_FORMS = {
    "sen-status": (SenStatusForm, "SEN status"),
    "need": (NeedForm, "need"),
    "setting": (PlacementForm, "school or setting"),
    "circumstance": (CircumstanceForm, "circumstance"),
    "exclusion": (ExclusionForm, "suspension or exclusion"),
    "attendance": (AttendanceForm, "attendance"),
}
