import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "opensend.settings")
application = get_wsgi_application()

from opensend.core.startup import assert_safe_to_start  # noqa: E402

assert_safe_to_start()
