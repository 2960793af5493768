"""Progress of long steps, reported to whoever listens (the CLI draws a bar on stderr).

Library code marks its steps with :func:`step`; nothing is shown unless a caller installed
a listener with :func:`listening`, so the API stays silent. The CLI's listener is a tqdm bar
on standard error that appears only after a couple of seconds, only on a terminal, and
never with ``--quiet``.

Example:
    >>> seen = []
    >>> with listening(lambda name, done, total: seen.append((name, done, total))):
    ...     with step("aligning", total=2) as s:
    ...         s.advance(); s.advance()
    >>> seen
    [('aligning', 0, 2), ('aligning', 1, 2), ('aligning', 2, 2)]
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

__all__ = ["Listener", "Step", "listening", "step", "terminal_bar"]

#: ``listener(step name, units done, total units or None)``.
Listener = Callable[[str, int, "int | None"], None]

_LISTENER: ContextVar[Listener | None] = ContextVar("aligner_progress", default=None)
#: Closes the bar of the running ``terminal_bar`` block (None outside one).
_FINISH: ContextVar[Callable[[], None] | None] = ContextVar("aligner_progress_finish", default=None)


def finish() -> None:
    """Take the progress line off the terminal now (before printing results); later steps
    draw nothing. Does nothing outside :func:`terminal_bar`."""
    close = _FINISH.get()
    if close is not None:
        close()


class Step:
    """A running step: call :meth:`advance` as units of work finish."""

    def __init__(self, name: str, total: int | None, listener: Listener | None) -> None:
        self.name, self.total, self.done, self._listener = name, total, 0, listener

    def advance(self, n: int = 1) -> None:
        """Record ``n`` more units done."""
        self.done += n
        if self._listener is not None:
            self._listener(self.name, self.done, self.total)


@contextmanager
def step(name: str, total: int | None = None) -> Iterator[Step]:
    """Mark a step of work named ``name`` (``total`` units, or unknown)."""
    listener = _LISTENER.get()
    s = Step(name, total, listener)
    if listener is not None:
        listener(name, 0, total)
    yield s


@contextmanager
def listening(listener: Listener | None) -> Iterator[None]:
    """Send the steps run inside this block to ``listener`` (None: nobody listens)."""
    token = _LISTENER.set(listener)
    try:
        yield
    finally:
        _LISTENER.reset(token)


#: Seconds before a bar appears: short runs print nothing.
DELAY = 2.0


@contextmanager
def terminal_bar(enabled: bool | None = None, delay: float = DELAY) -> Iterator[None]:
    """Show the steps run inside the block on one tqdm line on stderr: the step's name, its
    units done (when known) and the time elapsed, redrawn twice a second from ``delay``
    seconds on (so a step that reports nothing for a while still shows time passing).

    ``enabled=None`` draws only when standard error is a terminal; ``False`` never draws.
    """
    if enabled is None:
        enabled = sys.stderr.isatty()
    if not enabled:
        yield
        return
    import threading
    import time

    from tqdm import tqdm

    size = shutil.get_terminal_size()
    bar = tqdm(total=None, file=sys.stderr, leave=False, ncols=size.columns, nrows=size.lines,
               bar_format="{desc} [{elapsed}]", delay=delay)
    start = time.monotonic()
    lock = threading.Lock()
    stop = threading.Event()

    def listener(name: str, done: int, total: int | None) -> None:
        if closed:
            return
        with lock:
            count = f" {done}/{total}" if total else (f" {done}" if done else "")
            bar.set_description_str(f"aligner: {name}{count}", refresh=False)

    def tick() -> None:
        while not stop.wait(0.5):
            if time.monotonic() - start >= delay:
                with lock:
                    bar.refresh()

    ticker = threading.Thread(target=tick, name="aligner-progress", daemon=True)
    ticker.start()
    closed = False

    def close() -> None:
        nonlocal closed
        if not closed:
            closed = True
            stop.set()
            ticker.join()
            with lock:
                bar.clear()  # tqdm alone would not: it counts only draws made by update()
                bar.close()

    token = _FINISH.set(close)
    try:
        with listening(listener):
            yield
    finally:
        close()
        _FINISH.reset(token)
