"""`opensend serve`: serve OpenSEND with waitress on 127.0.0.1 (port from OPENSEND_PORT)."""

import os

from django.core.management.base import BaseCommand

from opensend.core.startup import assert_safe_to_start


class Command(BaseCommand):
    help = "Serve OpenSEND at http://127.0.0.1:$OPENSEND_PORT (default 8000)"

    def add_arguments(self, parser):
        parser.add_argument("--host", default=os.environ.get("OPENSEND_HOST", "127.0.0.1"))
        parser.add_argument("--port", type=int, default=int(os.environ.get("OPENSEND_PORT", 8000)))
        parser.add_argument("--threads", type=int, default=8)

    def handle(self, *args, host, port, threads, **options):
        from waitress import serve

        from opensend.demo.accounts import describe_demo_accounts
        from opensend.wsgi import application

        assert_safe_to_start()
        accounts = describe_demo_accounts()
        if accounts:
            self.stderr.write(accounts)
        self.stderr.write(f"OpenSEND is running at http://{host}:{port}/ (press Ctrl+C to stop)")
        serve(application, host=host, port=port, threads=threads, ident="OpenSEND")
