"""Running the CLI in-process, as a user would, and reading its JSON."""

from __future__ import annotations

import json
from typing import Any

from typer.testing import CliRunner, Result

from api.cli import full_app

app = full_app()

runner = CliRunner()


def run(*args: str) -> Result:
    return runner.invoke(app, list(args))


def as_json(result: Result) -> dict[str, Any]:
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def entities(obj: Any) -> list[dict[str, Any]]:
    """Every entity object (has ``id`` and ``kind``) anywhere inside a JSON answer."""
    if isinstance(obj, dict):
        own = [obj] if "id" in obj and "kind" in obj else []
        return own + [e for v in obj.values() for e in entities(v)]
    if isinstance(obj, list):
        return [e for v in obj for e in entities(v)]
    return []
