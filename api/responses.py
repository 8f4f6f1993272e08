"""JSON answers encoded with orjson: the question endpoints return dicts of str/int/float/bool/list.

FastAPI's default path validates the returned dict against ``response_model`` and encodes it with the
standard library, which took most of a large answer's time; ``json_answer`` encodes once, in C, with the
same output (UTF-8, no ASCII escaping). Types orjson does not know fall back to FastAPI's encoder.
"""

from __future__ import annotations

from typing import Any

import orjson
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse

__all__ = ["JsonAnswer", "json_answer"]


class JsonAnswer(JSONResponse):
    """A JSON response rendered by orjson. A ``JSONResponse`` for FastAPI, so the OpenAPI document describes
    the route's ``response_model`` (for any other response class it says only "a string")."""

    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return orjson.dumps(content, default=jsonable_encoder, option=orjson.OPT_NON_STR_KEYS)


def json_answer(content: Any, status_code: int = 200) -> JsonAnswer:
    """``content`` as a JSON response (what the CLI's ``--json`` prints, as bytes)."""
    return JsonAnswer(content, status_code=status_code)
