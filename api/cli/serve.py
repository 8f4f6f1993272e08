"""``samarbejdskort serve``: the web app and JSON API on the bundled data (or your own)."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Annotated

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

    from api.app import create_app
    from api.settings import Settings

    settings = Settings()  # SAMARBEJDSKORT_* variables, then the options given here
    if data:
        settings = settings.model_copy(update={"data": [str(Path(p)) for p in data]})
    store = store if store is not None else store_location()
    if store is not None:
        settings = settings.model_copy(update={"store": store})
    typer.echo(f"Samarbejdskort på http://{host}:{port}/  (API: /api, dokumentation: /docs)")
    # No access log: request paths and queries carry what people type (names, e-mail addresses).
    uvicorn.run(partial(create_app, settings), factory=True, host=host, port=port, access_log=False)
