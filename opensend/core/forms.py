"""Django forms rendered with GOV.UK Frontend macros.

`field_params(bound_field)` builds the parameters of the GOV.UK macro for a field, so templates call
`govukInput(field_params(form.surname))` and get labels, hints, values and error messages right.
`GovukDateField` is the GOV.UK date input (day, month, year) with the Design System's error wording.
"""

import datetime as dt

from django import forms
from django.core.exceptions import ValidationError


class DateInputWidget(forms.MultiWidget):
    def __init__(self, attrs=None):
        super().__init__([forms.TextInput(), forms.TextInput(), forms.TextInput()], attrs)

    parts = ("day", "month", "year")

    def decompress(self, value):
        if isinstance(value, dt.date):
            return [str(value.day), str(value.month), str(value.year)]
        return ["", "", ""]

    def value_from_datadict(self, data, files, name):
        return [data.get(f"{name}-{part}", "") for part in self.parts]

    def value_omitted_from_data(self, data, files, name):
        return not any(f"{name}-{part}" in data for part in self.parts)


class GovukDateField(forms.MultiValueField):
    """A date typed as day, month and year, validated with GOV.UK error messages."""

    widget = DateInputWidget

    def __init__(self, *, past_only: bool = False, future_only: bool = False, **kwargs):
        self.past_only = past_only
        self.future_only = future_only
        fields = (forms.CharField(required=False),) * 3
        kwargs.setdefault("require_all_fields", False)
        super().__init__(fields, **kwargs)

    def compress(self, data_list):
        if not data_list or not any(p.strip() for p in data_list if p):
            return None
        label = self.label or "Date"
        day, month, year = (str(p or "").strip() for p in data_list)
        missing = [
            name for name, part in (("day", day), ("month", month), ("year", year)) if not part
        ]
        if missing:
            raise ValidationError(f"{label} must include a {' and '.join(missing)}")
        if not (day.isdigit() and month.isdigit() and year.isdigit()) or len(year) != 4:
            raise ValidationError(f"{label} must be a real date")
        try:
            value = dt.date(int(year), int(month), int(day))
        except ValueError:
            raise ValidationError(f"{label} must be a real date") from None
        today = dt.date.today()
        if self.past_only and value > today:
            raise ValidationError(f"{label} must be today or in the past")
        if self.future_only and value < today:
            raise ValidationError(f"{label} must be today or in the future")
        return value

    def clean(self, value):
        if self.required and (not value or not any(str(p or "").strip() for p in value)):
            raise ValidationError(f"Enter {(self.label or 'the date').lower()}", code="required")
        return super().clean(value)


def field_kind(bound_field) -> str:
    """Which GOV.UK component renders this field."""
    field, widget = bound_field.field, bound_field.field.widget
    if isinstance(field, GovukDateField):
        return "date"
    if isinstance(widget, forms.CheckboxSelectMultiple):
        return "checkboxes"
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    if isinstance(widget, forms.RadioSelect):
        return "radios"
    if isinstance(widget, forms.Select):
        return "select"
    if isinstance(widget, forms.Textarea):
        return "textarea"
    if isinstance(widget, forms.ClearableFileInput | forms.FileInput):
        return "file"
    if isinstance(widget, forms.PasswordInput):
        return "password"
    return "input"


def _error_message(bound_field):
    if bound_field.errors:
        return {"text": " ".join(str(e) for e in bound_field.errors)}
    return None


def _choices(bound_field):
    value = bound_field.value()
    selected = {str(v) for v in value} if isinstance(value, list | tuple) else {str(value)}
    items = []
    for choice_value, choice_label in bound_field.field.choices:
        choice_value = "" if choice_value is None else str(choice_value)
        items.append(
            {
                "value": choice_value,
                "text": str(choice_label),
                "checked": choice_value in selected,
                "selected": choice_value in selected,
            }
        )
    return items


def field_params(bound_field, **overrides) -> dict:
    """Parameters for the GOV.UK macro that renders `bound_field`."""
    kind = field_kind(bound_field)
    label = str(bound_field.label)
    hint = {"text": str(bound_field.help_text)} if bound_field.help_text else None
    widget_attrs = bound_field.field.widget.attrs
    params: dict = {
        "id": bound_field.auto_id,
        "name": bound_field.html_name,
        "hint": hint,
        "errorMessage": _error_message(bound_field),
    }
    if kind in {"radios", "checkboxes", "date"}:
        params["fieldset"] = {"legend": {"text": label, "classes": "govuk-fieldset__legend--s"}}
        params["idPrefix"] = bound_field.auto_id
    else:
        params["label"] = {"text": label}
    if kind == "date":
        parts = bound_field.value()
        if isinstance(parts, dt.date):
            parts = [str(parts.day), str(parts.month), str(parts.year)]
        parts = parts or ["", "", ""]
        error = bool(bound_field.errors)
        params["items"] = [
            {
                "name": "day",
                "label": "Day",
                "value": parts[0] or "",
                "classes": "govuk-input--width-2" + (" govuk-input--error" if error else ""),
            },
            {
                "name": "month",
                "label": "Month",
                "value": parts[1] or "",
                "classes": "govuk-input--width-2" + (" govuk-input--error" if error else ""),
            },
            {
                "name": "year",
                "label": "Year",
                "value": parts[2] or "",
                "classes": "govuk-input--width-4" + (" govuk-input--error" if error else ""),
            },
        ]
        params["namePrefix"] = bound_field.html_name
        params["id"] = bound_field.auto_id
        del params["name"]
    elif kind in {"radios", "checkboxes", "select"}:
        params["items"] = _choices(bound_field)
    elif kind == "checkbox":
        params["items"] = [{"value": "on", "text": label, "checked": bool(bound_field.value())}]
        params["fieldset"] = None
        params["idPrefix"] = bound_field.auto_id
        del params["label"]
    else:
        value = bound_field.value()
        if kind != "password" and kind != "file":
            params["value"] = "" if value is None else str(value)
        if widget_attrs.get("autocomplete"):
            params["autocomplete"] = widget_attrs["autocomplete"]
        if widget_attrs.get("class"):
            params["classes"] = widget_attrs["class"]
        if widget_attrs.get("spellcheck") is not None:
            params["spellcheck"] = widget_attrs["spellcheck"]
        if widget_attrs.get("inputmode"):
            params["inputmode"] = widget_attrs["inputmode"]
        if kind == "input" and isinstance(bound_field.field, forms.EmailField):
            params["type"] = "email"
    params.update(overrides)
    return params


def error_summary_items(form) -> list[dict]:
    """Error summary links, each pointing at the input it describes (first date part for dates)."""
    items = []
    for error in form.non_field_errors():
        items.append({"text": str(error), "href": "#main-content"})
    for name, errors in form.errors.items():
        if name == "__all__":
            continue
        bound = form[name]
        href = f"#{bound.auto_id}"
        kind = field_kind(bound)
        if kind == "date":
            href = f"#{bound.auto_id}-day"
        items.extend({"text": str(e), "href": href} for e in errors)
    return items


class FilterTagsMixin:
    """For a list's filter form: the selected filters as MoJ filter tags."""

    def active_filters(self) -> list[dict]:
        """Selected filters as MoJ filter tags: label, value text and a link removing it."""
        if not self.is_valid():
            return []
        tags = []
        for name, value in self.cleaned_data.items():
            if value in (None, "", False):
                continue
            field = self.fields[name]
            text = str(value)
            if isinstance(field.widget, forms.CheckboxInput):
                text = "Yes"
            elif hasattr(field, "choices") and not isinstance(field, forms.ModelChoiceField):
                text = dict((str(k), v) for k, v in field.choices).get(str(value), text)
            remaining = {k: v for k, v in self.data.items() if k not in (name, "page")}
            tags.append({"label": field.label, "text": text, "remaining": remaining})
        return tags
