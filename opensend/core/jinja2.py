"""The Jinja2 environment: GOV.UK Frontend macros, URL and static helpers, GOV.UK form helpers."""

from django.contrib.humanize.templatetags.humanize import intcomma
from django.templatetags.static import static
from django.urls import reverse
from jinja2 import ChoiceLoader, Environment, PackageLoader, PrefixLoader

from opensend.core import forms as govuk_forms
from opensend.core.dates import format_date, format_datetime


def url(name: str, *args, **kwargs) -> str:
    return reverse(name, args=args or None, kwargs=kwargs or None)


def environment(**options) -> Environment:
    loader = options.pop("loader")
    options["loader"] = ChoiceLoader(
        [
            loader,
            PrefixLoader(
                {"govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja", "templates")}
            ),
        ]
    )
    options.setdefault("trim_blocks", True)
    options.setdefault("lstrip_blocks", True)
    env = Environment(**options)
    assert env.autoescape is True
    env.globals.update(
        url=url,
        static=static,
        field_params=govuk_forms.field_params,
        error_summary_items=govuk_forms.error_summary_items,
        field_kind=govuk_forms.field_kind,
    )
    env.filters.update(date=format_date, datetime=format_datetime, intcomma=intcomma)
    return env
