"""Benchmark: demo generation and "register as at" at LA and national scale.

    .venv/bin/python bench/register.py [--scale la|national|both] [--la Leeds] [--database-url URL]

Each scale runs in its own fresh SQLite file under var/ (or the database URL given). It times
`opensend demo`, then `register_as_at(16 January 2025)` (best of 3), and compares the latter with
a reference run in the same process: the straightforward ORM approach (each person with their
facts prefetched, the day's status, needs and setting picked in Python). At national scale the
reference runs on a sample of people and is scaled by rows, which is stated in the output.
Results are printed and appended to bench/RESULTS.md.
"""

import argparse
import datetime as dt
import os
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CENSUS = dt.date(2025, 1, 16)
REFERENCE_SAMPLE = 50_000


def machine() -> str:
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    cpu = platform.processor() or platform.machine()
    return (
        f"{platform.node()} ({cpu}, {os.cpu_count()} cores, {memory:.0f} GiB, "
        f"Python {platform.python_version()}, {platform.system()})"
    )


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def reference_as_at(on: dt.date, limit: int | None):
    """The straightforward way: load each person with their facts and pick the day's in Python."""
    from opensend.people.models import Person

    def current(facts):
        return [f for f in facts if f.start_date <= on and (f.end_date is None or f.end_date >= on)]

    people = Person.objects.prefetch_related(
        "sen_statuses", "needs", "placements__establishment", "circumstances"
    ).order_by("pk")
    if limit:
        people = people[:limit]
    rows, seen = [], 0
    for person in people.iterator(chunk_size=2000):
        seen += 1
        statuses = current(person.sen_statuses.all())
        if not statuses:
            continue
        needs = {
            n.rank: n.need_type
            for n in sorted(current(person.needs.all()), key=lambda n: n.start_date)
        }
        main = [p for p in current(person.placements.all()) if p.rank == 1]
        setting = max(main, key=lambda p: p.start_date) if main else None
        rows.append(
            (
                person.pk,
                min(s.provision for s in statuses),
                needs.get(1),
                needs.get(2),
                setting.establishment.establishment_type
                if setting and setting.establishment
                else None,
                {c.kind for c in current(person.circumstances.all())},
            )
        )
    return rows, seen


def run_scale(scale: str, la: str, database_url: str | None) -> dict:
    import django
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    call_command("demo", la=la, seed=1, scale=scale, reset=True, verbosity=0)
    generation = time.perf_counter() - started

    from opensend.people.models import Person
    from opensend.people.register import register_as_at

    people = Person.objects.count()
    timings = []
    for _ in range(3):
        started = time.perf_counter()
        frame = register_as_at(CENSUS)
        timings.append(time.perf_counter() - started)
    as_at = min(timings)
    ehc = frame.filter(frame["provision"] == "E").height

    limit = None if scale == "la" else REFERENCE_SAMPLE
    started = time.perf_counter()
    reference_rows, reference_seen = reference_as_at(CENSUS, limit)
    reference = time.perf_counter() - started
    reference_full = reference * people / max(reference_seen, 1)
    if limit is None:
        assert len(reference_rows) == frame.height, (len(reference_rows), frame.height)
    return {
        "scale": scale,
        "la": la if scale == "la" else "England",
        "database": connection.vendor,
        "people": people,
        "register_rows": frame.height,
        "ehc_plans": ehc,
        "generation_s": generation,
        "as_at_s": as_at,
        "reference_s": reference_full,
        "reference_sampled": limit is not None,
        "ratio": reference_full / as_at,
        "peak_rss_mib": peak_rss_mib(),
        "django": django.get_version(),
    }


def report(result: dict) -> str:
    sampled = (
        f" (ORM reference timed on {REFERENCE_SAMPLE:,} people, scaled by rows)"
        if result["reference_sampled"]
        else ""
    )
    return (
        f"- {result['scale']} scale, {result['la']}, {result['database']}: "
        f"{result['people']:,} people, {result['register_rows']:,} on the register on "
        f"{CENSUS:%d %B %Y} ({result['ehc_plans']:,} EHC plans). "
        f"Demo generation {result['generation_s']:.1f} s. "
        f"As at: {result['as_at_s']:.2f} s (Polars) vs {result['reference_s']:.1f} s "
        f"(straightforward ORM){sampled}: {result['ratio']:.1f}x faster. "
        f"Peak memory {result['peak_rss_mib']:,.0f} MiB."
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", choices=["la", "national", "both"], default="la")
    parser.add_argument("--la", default="Leeds")
    parser.add_argument("--database-url", help="default: a fresh SQLite file under var/")
    parser.add_argument("--no-record", action="store_true", help="do not append to RESULTS.md")
    args = parser.parse_args()
    scales = ["la", "national"] if args.scale == "both" else [args.scale]
    lines = []
    for scale in scales:
        # Each scale in its own process, so memory and database are its own.
        command = [sys.executable, __file__, "--child", scale, args.la]
        env = dict(os.environ)
        if args.database_url:
            env["OPENSEND_DATABASE_URL"] = args.database_url
        else:
            path = ROOT / "var" / f"bench-{scale}.sqlite3"
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
            env["OPENSEND_DATABASE_URL"] = f"sqlite:///{path}"
        output = subprocess.run(command, env=env, check=True, capture_output=True, text=True)
        line = output.stdout.strip().splitlines()[-1]
        print(line)
        lines.append(line)
    if not args.no_record:
        with open(ROOT / "bench" / "RESULTS.md", "a") as results:
            results.write(
                f"\n### bench/register.py, {dt.datetime.now():%Y-%m-%d %H:%M}, "
                f"{machine()}\n\n" + "\n".join(lines) + "\n"
            )
    return 0


def child(scale: str, la: str) -> int:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "opensend.settings")
    import django

    django.setup()
    print(report(run_scale(scale, la, os.environ.get("OPENSEND_DATABASE_URL"))))
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        sys.exit(child(sys.argv[2], sys.argv[3]))
    sys.exit(main())
