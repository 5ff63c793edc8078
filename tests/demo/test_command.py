"""`opensend demo` and its flags, on the smallest LA (the Isles of Scilly) to stay quick."""

import pytest
from django.core.management import CommandError, call_command

from opensend.accounts.models import Organisation, User
from opensend.core.models import AccessEvent
from opensend.core.startup import production_problems
from opensend.demo.accounts import DEMO_PASSWORD, describe_demo_accounts
from opensend.demo.models import DemoPartnership
from opensend.people.models import Establishment, Person, SenStatus
from tests.factories import LocalAuthorityFactory, PersonFactory

SCILLY = ["--la", "Isles of Scilly"]


def demo(*args):
    call_command("demo", *args)


@pytest.mark.django_db
def test_demo_makes_a_partnership_and_shows_its_sign_ins(capsys):
    demo(*SCILLY)
    err = capsys.readouterr().err
    assert "17 EHC plans" in err
    assert "caseworker1@isles-of-scilly.demo.opensend.test" in err
    la = Organisation.objects.get(kind="la", la_code="420")
    assert DemoPartnership.objects.get().local_authority == la
    assert SenStatus.objects.filter(provision="E", person__responsible_la=la).exists()


@pytest.mark.django_db
def test_if_empty_leaves_an_existing_register_alone(capsys):
    PersonFactory()
    demo(*SCILLY, "--if-empty")
    assert "already has people" in capsys.readouterr().err
    assert not DemoPartnership.objects.exists()
    assert Person.objects.count() == 1


@pytest.mark.django_db
def test_if_empty_makes_the_demo_on_an_empty_register():
    demo(*SCILLY, "--if-empty")
    assert DemoPartnership.objects.count() == 1


@pytest.mark.django_db
def test_an_unknown_la_is_an_error_with_suggestions():
    with pytest.raises(CommandError, match="did you mean Leeds"):
        demo("--la", "Leds")


@pytest.mark.django_db
def test_a_real_la_is_never_turned_into_a_demo():
    LocalAuthorityFactory(name="Isles of Scilly", la_code="420")
    with pytest.raises(CommandError, match="not a demo partnership"):
        demo(*SCILLY)


@pytest.mark.django_db
def test_reset_makes_the_same_register_again():
    demo(*SCILLY, "--seed", "5")
    upns = sorted(Person.objects.exclude(upn="").values_list("upn", flat=True))
    with pytest.raises(CommandError, match="--reset"):
        demo(*SCILLY, "--seed", "5")
    demo(*SCILLY, "--seed", "5", "--reset")
    assert sorted(Person.objects.exclude(upn="").values_list("upn", flat=True)) == upns
    assert DemoPartnership.objects.count() == 1
    assert User.objects.filter(is_demo=True).count() == 17


@pytest.mark.django_db
def test_remove_takes_every_demo_record_away(capsys):
    demo(*SCILLY)
    caseworker = User.objects.get(email="caseworker1@isles-of-scilly.demo.opensend.test")
    AccessEvent.objects.create(
        user=caseworker,
        user_email=caseworker.email,
        action="view",
        object_type="person",
        purpose="Trying the demo",
    )
    real = LocalAuthorityFactory(name="Leeds", la_code="383")
    PersonFactory(responsible_la=real)
    assert any("demo accounts exist" in p for p in _problems_in_production())
    demo("--remove")
    assert "Removed the demo data" in capsys.readouterr().err
    assert not User.objects.filter(is_demo=True).exists()
    assert not DemoPartnership.objects.exists()
    assert list(Organisation.objects.all()) == [real]
    assert Person.objects.count() == 1
    assert not Establishment.objects.exists()
    assert not Person.history.model.objects.exclude(responsible_la_id=real.pk).exists()
    assert not any("demo accounts" in p for p in _problems_in_production())
    kept = AccessEvent.objects.get()  # the access log outlives the account
    assert (kept.user, kept.user_email) == (None, caseworker.email)


def _problems_in_production():
    from django.test import override_settings

    with override_settings(PRODUCTION=True):
        return production_problems()


@pytest.mark.django_db
def test_describe_demo_accounts():
    assert describe_demo_accounts() == ""
    demo(*SCILLY)
    table = describe_demo_accounts()
    assert "caseworker1@isles-of-scilly.demo.opensend.test" in table
    assert "Caseworker" in table
    assert "Administrator" in table
    assert table.count(DEMO_PASSWORD) == 14
    user = User.objects.get(email="analyst1@isles-of-scilly.demo.opensend.test")
    user.set_password("a-new-password-of-their-own")
    user.save()
    assert "(changed)" in describe_demo_accounts()
