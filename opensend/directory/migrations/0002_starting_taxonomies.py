from django.db import migrations


def seed_taxonomies(apps, schema_editor):
    from opensend.directory.taxonomies import seed

    seed(apps.get_model("directory", "Taxonomy"), apps.get_model("directory", "TaxonomyTerm"))


class Migration(migrations.Migration):
    dependencies = [("directory", "0001_initial")]

    operations = [migrations.RunPython(seed_taxonomies, migrations.RunPython.noop)]
