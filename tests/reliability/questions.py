"""Every question the tool answers, asked of one model: for the cycle and property tests.

``ask_everything`` asks each question from each sensible starting point and returns what it asked. A domain
error (unknown entity, no path, not a forum …) is an answer; anything else propagates and fails the test.
Run as a script (``python -m tests.reliability.questions FILE``) it loads the file and asks everything,
printing each question before it starts, so a parent with a timeout can name the one that hangs.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Any

from graph.errors import SamarbejdskortError
from graph.model import Model

__all__ = ["WorkExceeded", "ask_everything", "bounded_work"]

ON = dt.date(2024, 6, 1)
_BODY_KINDS = ("organisation", "unit", "forum", "cluster", "partnership", "collaboration")


def ask_everything(model: Model, say: Callable[[str], None] = lambda _: None) -> list[str]:
    """Ask contact, chain, path, gaps, the three diagram views, describe and the public view; the questions asked."""
    from graph.contacts import contact
    from graph.describe import describe
    from graph.gaps import find_gaps
    from graph.paths import find_paths
    from graph.privacy import public_model
    from graph.reporting import chain
    from viz.views import collaboration_network, ego_view, organisation_diagram

    asked: list[str] = []

    def ask(name: str, fn: Callable[[], Any]) -> None:
        say(name)
        asked.append(name)
        try:
            result = fn()
        except SamarbejdskortError:
            return
        if hasattr(result, "as_json"):
            result.as_json()

    g = model.nx
    bodies = sorted(n for n, k in g.nodes(data="kind") if k in _BODY_KINDS)
    topics = sorted(n for n, k in g.nodes(data="kind") if k == "topic")
    for text in [*(model.label(t) for t in topics[:2]), "sparring"]:
        ask(f"contact {text!r}", lambda text=text: contact(model, text, on=ON))
        for b in bodies:
            ask(f"contact {text!r} from {b}", lambda text=text, b=b: contact(model, text, b, on=ON))
    for b in bodies:
        ask(f"chain {b}", lambda b=b: chain(model, b, on=ON))
        ask(f"describe {b}", lambda b=b: describe(model, b, on=ON))
        ask(f"ego {b}", lambda b=b: ego_view(model, b, depth=2, on=ON))
        ask(f"organisation diagram focused on {b}", lambda b=b: organisation_diagram(model, focus=b, on=ON))
        ask(f"gaps within {b}", lambda b=b: find_gaps(model, scope=b, on=ON))
    for a in bodies:
        for b in bodies:
            if a != b:
                ask(f"path {a} → {b}", lambda a=a, b=b: find_paths(model, a, b, on=ON))
    ask("gaps", lambda: find_gaps(model, on=ON))
    ask("organisation diagram", lambda: organisation_diagram(model, on=ON))
    ask("network diagram", lambda: collaboration_network(model, on=ON))
    public = public_model(model)
    ask("public organisation diagram", lambda: organisation_diagram(public, on=ON))
    ask("public gaps", lambda: find_gaps(public, on=ON))
    return asked


class WorkExceeded(Exception):
    """More Python lines were executed than the bound allows: a loop that does not end, or runaway work."""


@contextmanager
def bounded_work(max_lines: int) -> Iterator[list[int]]:
    """Count executed Python lines in this thread and raise ``WorkExceeded`` inside the running code past
    ``max_lines``. A bound of work, not of wall-clock time: it fails the same way on a busy machine."""
    count = [0]

    def local(frame: FrameType, event: str, arg: Any) -> Any:
        if event == "line":
            count[0] += 1
            if count[0] > max_lines:
                raise WorkExceeded(f"more than {max_lines:,} lines executed; last in {frame.f_code.co_qualname}")
        return local

    def on_call(frame: FrameType, event: str, arg: Any) -> Any:
        return local

    previous = sys.gettrace()
    sys.settrace(on_call)
    try:
        yield count
    finally:
        sys.settrace(previous)


def main(argv: list[str]) -> None:
    from graph.model import load

    model = load(argv)
    asked = ask_everything(model, say=lambda name: print(f"asking: {name}", flush=True))
    print(f"answered {len(asked)} questions", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
