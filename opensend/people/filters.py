"""The register list's filter form."""

from django import forms

from opensend.core import codelists
from opensend.core.forms import FilterTagsMixin
from opensend.people.models import Establishment
from opensend.people.queries import RegisterFilter


class RegisterFilterForm(FilterTagsMixin, forms.Form):
    q = forms.CharField(label="Name, UPN, ULN or ID", required=False)
    provision = forms.ChoiceField(
        label="SEN status",
        required=False,
        choices=[("", "Any"), ("E", "EHC plan"), ("K", "SEN support"), ("none", "No current SEN")],
    )
    need = forms.ChoiceField(label="Primary need", required=False)
    establishment = forms.ModelChoiceField(
        label="School or setting",
        required=False,
        queryset=Establishment.objects.all(),
        empty_label="Any",
    )
    phase = forms.ChoiceField(label="Phase", required=False)
    circumstance = forms.ChoiceField(label="Circumstance", required=False)
    age_from = forms.IntegerField(label="Age from", required=False, min_value=0, max_value=30)
    age_to = forms.IntegerField(label="Age to", required=False, min_value=0, max_value=30)

    def __init__(self, *args, establishments=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["need"].choices = [("", "Any"), *codelists.NEED_TYPES.choices()]
        self.fields["phase"].choices = [("", "Any"), *codelists.PHASES.choices()]
        self.fields["circumstance"].choices = [("", "Any"), *codelists.CIRCUMSTANCES.choices()]
        if establishments is not None:
            self.fields["establishment"].queryset = establishments
        for name in ("age_from", "age_to"):
            self.fields[name].widget.attrs.update(
                {"class": "govuk-input--width-3", "inputmode": "numeric"}
            )

    def clean(self):
        cleaned = super().clean()
        low, high = cleaned.get("age_from"), cleaned.get("age_to")
        if low is not None and high is not None and low > high:
            self.add_error("age_to", "Age to must be the same as or more than age from")
        return cleaned

    def criteria(self) -> RegisterFilter:
        if not self.is_valid():
            return RegisterFilter()
        data = self.cleaned_data
        establishment = data.get("establishment")
        return RegisterFilter(
            query=data.get("q") or "",
            provision=data.get("provision") or "",
            need=data.get("need") or "",
            establishment=establishment.pk if establishment else None,
            phase=data.get("phase") or "",
            circumstance=data.get("circumstance") or "",
            age_from=data.get("age_from"),
            age_to=data.get("age_to"),
        )
