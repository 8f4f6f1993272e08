"""A pasted page is no name and no question: the API says so at once (422) instead of reading it word by word."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from graph.text import MAX_TYPED

PASTED = "Referat fra mødet i implementeringsgruppen den 3. marts. " * 20  # ~1,100 characters


@pytest.mark.parametrize(
    ("url", "params", "what"),
    [
        ("/api/contact", {"topic": "angst", "asker": PASTED}, "name"),
        ("/api/contact", {"topic": PASTED, "asker": "Psykiatriforum"}, "topic"),
        ("/api/search", {"q": PASTED}, "name"),
        ("/api/chain", {"entity": PASTED}, "name"),
    ],
)
def test_a_pasted_page_is_refused_with_the_limit_named(client: TestClient, url: str, params: dict, what: str) -> None:
    r = client.get(url, params=params)
    assert r.status_code == 422, (url, r.status_code, r.text[:300])
    body = r.json()
    assert body["error"] == "bad_input"
    assert f"the {what} is too long: {len(PASTED.strip())} characters, at most {MAX_TYPED}" in body["message"]
    assert "er for langt" in body["message"]  # Danish first
    assert "implementeringsgruppen" not in r.text  # the text is not echoed back


def test_a_long_real_name_is_still_read(client: TestClient) -> None:
    """The limit is far above any name: the longest in the data has ~130 characters."""
    r = client.get("/api/search", params={"q": "Samarbejdsmodel mellem de 3 klyngekommuner, Hospitalsenhed Midt"})
    assert r.status_code == 200
