"""``samarbejdskort serve``: the web app and JSON API on the bundled data (or your own).

One process by default; ``--workers N`` starts N processes (one per core is right: each answers from its
own copy of the model) over one shared store, which must then be a SPARQL server (``--store http://…``,
e.g. ``oxigraph serve``): an embedded store folder can be opened by one process only, and N memory stores
would each take their own edits. The processes see each other's edits through the store's change log.
"""

from __future__ import annotations

import json
import os
from functools import partial
from pathlib import Path
from typing import Annotated, Any

import typer

from api.cli.app import DataOpt, app, store_location

__all__ = ["serve", "served_app_from_env"]

#: glibc malloc arenas per process: the thread pool would otherwise give each thread its own (RSS grows)
MALLOC_ARENAS = "2"


@app.command()
def serve(
    host: Annotated[str, typer.Option("--host", help="Adresse at lytte på.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port.")] = 8000,
    data: DataOpt = None,
    store: Annotated[
        str | None, typer.Option("--store", help="Mappe til det vedvarende lager eller http(s)-URL.")
    ] = None,
    workers: Annotated[
        int,
        typer.Option(
            "--workers", min=1, max=64, help="Antal processer (én pr. kerne); over 1 kræver --store http(s)://…"
        ),
    ] = 1,
) -> None:
    """Start web-appen: sider, JSON-API (/api) og dokumentation (/docs)."""
    import uvicorn

    from api.settings import Settings

    settings = Settings()  # SAMARBEJDSKORT_* variables, then the options given here
    if data:
        settings = settings.model_copy(update={"data": [str(Path(p)) for p in data]})
    store = store if store is not None else store_location()
    if store is not None:
        settings = settings.model_copy(update={"store": store})
    if workers > 1 and not str(settings.store or "").startswith(("http://", "https://")):
        raise typer.BadParameter(
            "flere processer deler ét lager: angiv en SPARQL-server med --store http://… (se README, Drift) / "
            "several processes share one store: give a SPARQL server with --store http://…",
            param_hint="--workers",
        )
    typer.echo(f"Samarbejdskort på http://{host}:{port}/  (API: /api, dokumentation: /docs)")
    # No access log: request paths and queries carry what people type (names, e-mail addresses).
    options: dict[str, Any] = {
        "host": host,
        "port": port,
        "access_log": False,
        "timeout_graceful_shutdown": SHUTDOWN_GRACE_S,
        "factory": True,
    }
    if workers == 1:
        uvicorn.run(partial(_served_app, settings), **options)
        return
    _seed_once(settings)  # before the workers start, so they do not race to seed an empty store
    # Worker processes are started anew and import the app by name: they read the settings from the environment.
    os.environ["SAMARBEJDSKORT_DATA"] = json.dumps(settings.data)
    os.environ["SAMARBEJDSKORT_STORE"] = str(settings.store)
    os.environ.setdefault("MALLOC_ARENA_MAX", MALLOC_ARENAS)
    uvicorn.run("api.cli.serve:served_app_from_env", workers=workers, **options)


#: Seconds open requests get to finish after SIGTERM/SIGINT before they are cancelled.
SHUTDOWN_GRACE_S = 3


def _seed_once(settings: Any) -> None:
    """Open (and on first start seed) the store in a child process that then ends, taking its memory along."""
    import multiprocessing

    ctx = multiprocessing.get_context("spawn")
    child = ctx.Process(target=_open_and_close, args=(settings.store, settings.data))
    child.start()
    child.join()
    if child.exitcode != 0:
        raise typer.Exit(1)


def _open_and_close(store: str, data: list[str]) -> None:
    from graph.loading import expand_paths
    from graph.store import open_store

    open_store(store, seed_paths=expand_paths(data) if data else None).close()


def served_app_from_env() -> Any:
    """A worker's app, with the settings ``serve`` put in the environment (``SAMARBEJDSKORT_*``)."""
    from api.settings import Settings

    return _served_app(Settings())


def _served_app(settings: Any) -> Any:
    """The app of a served process: ends the process soon after its shutdown, freezes its model for the GC.

    The thread pool's worker threads are not daemons: one stuck in a long computation would keep the
    interpreter alive after uvicorn has shut down, so SIGTERM would not stop the server
    (see ``api.app.EXIT_AFTER_SHUTDOWN_S``).
    """
    from api.app import create_app

    app = create_app(settings)
    app.state.exit_after_shutdown = True
    app.state.freeze_gc = True
    return app
