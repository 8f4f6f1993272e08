"""``samarbejdskort serve``: the web app and JSON API on the bundled data (or your own)."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Annotated, Any

import typer

from api.cli.app import DataOpt, app, store_location

__all__ = ["serve"]


@app.command()
def serve(
    host: Annotated[str, typer.Option("--host", help="Adresse at lytte på.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port.")] = 8000,
    data: DataOpt = None,
    store: Annotated[
        str | None, typer.Option("--store", help="Mappe til det vedvarende lager eller http(s)-URL.")
    ] = None,
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
    typer.echo(f"Samarbejdskort på http://{host}:{port}/  (API: /api, dokumentation: /docs)")
    # No access log: request paths and queries carry what people type (names, e-mail addresses).
    uvicorn.run(
        partial(_served_app, settings),
        factory=True,
        host=host,
        port=port,
        access_log=False,
        timeout_graceful_shutdown=SHUTDOWN_GRACE_S,
    )


#: Seconds open requests get to finish after SIGTERM/SIGINT before they are cancelled.
SHUTDOWN_GRACE_S = 3


def _served_app(settings: Any) -> Any:
    """The app, told to end the process soon after its shutdown (see ``api.app.EXIT_AFTER_SHUTDOWN_S``).

    The thread pool's worker threads are not daemons: one stuck in a long computation would keep the
    interpreter alive after uvicorn has shut down, so SIGTERM would not stop the server.
    """
    from api.app import create_app

    app = create_app(settings)
    app.state.exit_after_shutdown = True
    return app
