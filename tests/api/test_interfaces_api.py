"""``/api/interfaces`` is the CLI's ``--json``; the A4 PDF keeps its text at 8 pt or more (measured)."""

from __future__ import annotations

import io
import json

import pdfplumber
from fastapi.testclient import TestClient

from tests.api.conftest import READER_TOKEN
from tests.cli.support import as_json, run

SIGNED_IN = {"Authorization": f"Bearer {READER_TOKEN}"}


def test_pair_json_equals_cli_json(client: TestClient) -> None:
    cli = as_json(run("interfaces", "--between", "BUA", "Favrskov Kommune", "--date", "2024-03-01", "--json"))
    r = client.get("/api/interfaces?a=BUA&b=Favrskov Kommune&date=2024-03-01", headers=SIGNED_IN)
    assert r.status_code == 200 and r.json() == json.loads(json.dumps(cli))


def test_matrix_json_equals_cli_json_in_english(client: TestClient) -> None:
    cli = as_json(
        run(
            "interfaces",
            "--scope",
            "Randersklyngen",
            "--by",
            "organisation",
            "--date",
            "2024-03-01",
            "--lang",
            "en",
            "--json",
        )
    )
    url = "/api/interfaces?scope=Randersklyngen&by=organisation&date=2024-03-01&lang=en"
    assert client.get(url, headers=SIGNED_IN).json() == cli
    assert client.get(url).json() == cli  # nobody's name in it, so the public view says the same


def test_errors_are_4xx_naming_the_problem(client: TestClient) -> None:
    r = client.get("/api/interfaces?a=BUA")
    assert r.status_code == 422 and "both parties" in r.text
    assert client.get("/api/interfaces?a=BUA&b=Planet Mars").status_code == 404
    assert client.get("/api/interfaces?by=planet").status_code == 422


def test_region_matrix_pdf_is_a4_with_text_at_least_8_pt(client: TestClient) -> None:
    for by, landscape in (("sector", False), ("organisation", True)):
        r = client.get(f"/api/interfaces.pdf?by={by}&date=2025-06-01")
        assert r.status_code == 200 and r.headers["content-type"] == "application/pdf"
        with pdfplumber.open(io.BytesIO(r.content)) as pdf:
            for page in pdf.pages:
                w, h = (page.width, page.height) if not landscape else (page.height, page.width)
                assert abs(w - 595.28) < 1 and abs(h - 841.89) < 1
                assert page.chars and min(c["size"] for c in page.chars) >= 7.99
            text = pdf.pages[0].extract_text()
            assert "Samarbejdsflader" in text and "Almen praksis" in text
            if by == "organisation":
                assert "Ringkøbing-Skjern Kommune" in text  # æøå survive
