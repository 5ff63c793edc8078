import pytest
from django.db import connection

from opensend.core.maintenance import update_planner_statistics
from tests.factories import PersonFactory


@pytest.mark.django_db
def test_planner_statistics_are_refreshed_after_a_bulk_load(local_authority):
    PersonFactory.create_batch(3, responsible_la=local_authority)
    update_planner_statistics()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT reltuples FROM pg_class WHERE relname = %s", ["people_person"])
            assert cursor.fetchone()[0] == 3
        else:
            cursor.execute("SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'people_person'")
            assert cursor.fetchone()[0] >= 1
