"""``graph.bulk.settle`` freezes without a collection: that is only right while loading leaves no cyclic
garbage behind (apart from the few objects of modules imported on the way, once per process), which these
tests check on the bundled data and on a generated region."""

from __future__ import annotations

import gc
from pathlib import Path

from graph.model import load


def _garbage_left_by_load(paths: list[Path] | None) -> list[object]:
    load(paths)  # the first load in a process imports a few modules on the way (a handful of cycles, once)
    gc.collect()
    was = gc.get_debug()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        model = load(paths)
        gc.collect()
        found = list(gc.garbage)
        gc.garbage.clear()
    finally:
        gc.set_debug(was)
    assert model.nx.number_of_nodes() > 0
    return found


def test_loading_the_bundled_data_leaves_no_cyclic_garbage() -> None:
    assert _garbage_left_by_load(None) == []


def test_loading_a_generated_region_leaves_no_cyclic_garbage(tmp_path: Path) -> None:
    from benchmarks.generate import write

    path = tmp_path / "region.ttl"
    write("region", 0, path)
    assert _garbage_left_by_load([path]) == []


def test_a_model_with_its_name_index_is_freed_without_the_collector() -> None:
    """A model a process froze (``kept``) is only ever freed by reference counting: it must hold no cycle."""
    import weakref

    model = load(None)
    model.resolve(model.label(next(iter(model.nx))))  # builds the name index, which asks the graph about parts
    gone = weakref.ref(model)
    was = gc.isenabled()
    gc.disable()
    try:
        del model
        assert gone() is None
    finally:
        if was:
            gc.enable()


def test_kept_freezes_what_was_built_before_the_collector_resumes() -> None:
    from graph.bulk import kept

    before = gc.get_freeze_count()
    try:
        with kept():
            model = load(None)
            assert not gc.isenabled()
        assert gc.isenabled()
        assert gc.get_freeze_count() > before
        assert gc.get_count()[0] < 1000  # nothing the load made is left for the next young collection
        assert model.nx.number_of_nodes() > 0
    finally:
        gc.unfreeze()
