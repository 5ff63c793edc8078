"""Progress bars for long-running commands, on stderr so stdout stays machine-readable."""

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn


def progress_bar(*, transient: bool = True, console: Console | None = None) -> Progress:
    """A bar per stage; shown only on a terminal, so scheduled jobs' logs stay clean."""
    console = console or Console(stderr=True)
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=transient,
        disable=not console.is_terminal,
    )


def stage_reporter(bar: Progress):
    """A `report(stage, done, total)` callback that keeps one bar per stage up to date."""
    tasks = {}

    def report(stage: str, done: int, total: int) -> None:
        if stage not in tasks:
            tasks[stage] = bar.add_task(stage, total=total)
        bar.update(tasks[stage], completed=done, total=total)

    return report
