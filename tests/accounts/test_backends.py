"""Permissions come from rules alone: asking for one a role does not have costs no query."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from opensend.accounts.roles import Role


@pytest.mark.django_db
def test_a_refused_permission_costs_no_query(make_user):
    user = make_user(role=Role.SEND_MANAGER)
    with CaptureQueriesContext(connection) as captured:
        assert not user.has_perm("directory.edit_services")
        assert not user.has_perm("core.view_audit")
    assert captured.captured_queries == []


@pytest.mark.django_db
def test_the_break_glass_superuser_keeps_model_permissions(make_user):
    user = make_user(role=Role.ADMINISTRATOR, is_superuser=True)
    assert user.has_perm("people.change_person")
