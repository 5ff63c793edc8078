"""`opensend demo`: a synthetic partnership whose figures follow an LA's published statistics.

    opensend demo [--la NAME] [--seed N] [--scale la|national] [--reset] [--if-empty] [--remove]

Messages, progress and the demo sign-ins go to stderr.
"""

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from rich.console import Console
from rich.progress import Progress

from opensend.core.maintenance import update_planner_statistics
from opensend.core.progress import progress_bar
from opensend.demo import generator
from opensend.demo.accounts import describe_demo_accounts
from opensend.demo.published import UnknownLocalAuthority, find_local_authority, targets_for
from opensend.people.models import Person


class RichProgress(generator.Progress):
    """The generator's progress as rich bars on stderr: one bar per stage."""

    def __init__(self, bars: Progress):
        self.bars = bars
        self.task = None

    def start(self, description: str, total: int | None = None) -> None:
        self.finish()
        self.task = self.bars.add_task(description, total=total)

    def advance(self, amount: int = 1) -> None:
        self.bars.advance(self.task, amount)

    def finish(self) -> None:
        """Show the current stage as done."""
        if self.task is not None:
            task = next(t for t in self.bars.tasks if t.id == self.task)
            done = task.total or task.completed or 1
            self.bars.update(self.task, total=done, completed=done)


class Command(BaseCommand):
    help = "Create (or remove) a synthetic demo partnership calibrated to DfE's statistics"

    def add_arguments(self, parser):
        parser.add_argument(
            "--la", default="Leeds", help="Local authority name or DfE number (default Leeds)"
        )
        parser.add_argument("--seed", type=int, default=1, help="Same seed, same register")
        parser.add_argument(
            "--scale",
            choices=["la", "national"],
            default="la",
            help="One LA, or every LA in England (lean, for benchmarks)",
        )
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Remove the demo partnership first and make it again",
        )
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing if the register already has anyone on it",
        )
        parser.add_argument(
            "--remove", action="store_true", help="Remove every demo partnership and demo sign-in"
        )

    def handle(self, *args, la, seed, scale, reset, if_empty, remove, **options):
        console = Console(stderr=True, soft_wrap=True)
        if remove:
            summary = generator.remove_all_demo_data()
            console.print(
                f"Removed the demo data: {summary.people:,} people, "
                f"{summary.users} sign-ins, {summary.establishments:,} establishments, "
                f"{summary.organisations} organisations."
            )
            return
        if if_empty and Person.objects.exists():
            console.print("The register already has people on it: no demo partnership made.")
            return
        try:
            with progress_bar(transient=False, console=console) as bars:
                progress = RichProgress(bars)
                summary = self._create(la, seed, scale, reset, progress)
                update_planner_statistics()
                progress.finish()
        except (UnknownLocalAuthority, generator.DemoError) as problem:
            raise CommandError(str(problem)) from problem
        self._report(console, summary, scale)

    @staticmethod
    def _create(la, seed, scale, reset, progress) -> generator.Summary:
        today = timezone.localdate()
        if scale == "national":
            return generator.create_england(
                seed=seed,
                today=today,
                reset=reset,
                users_for=find_local_authority(la).code,
                progress=progress,
            )
        return generator.create_partnership(
            targets_for(la), seed=seed, today=today, reset=reset, progress=progress
        )

    @staticmethod
    def _report(console: Console, summary: generator.Summary, scale: str) -> None:
        where = "England" if scale == "national" else "the partnership"
        console.print(
            f"Made {where} in {summary.seconds:.1f} s: {summary.people:,} people "
            f"({summary.ehc_plans:,} EHC plans and {summary.sen_support:,} on SEN support on "
            f"16 January 2025), {summary.establishments:,} schools and settings, "
            f"{summary.organisations} organisations, {summary.users} sign-ins."
        )
        console.print("Rows: " + ", ".join(f"{name} {n:,}" for name, n in summary.rows.items()))
        accounts = describe_demo_accounts()
        if accounts:
            console.file.write(accounts)
