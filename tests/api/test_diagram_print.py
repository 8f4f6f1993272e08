"""The printouts over HTTP: the sheets PDF filtered like the views, one forum's sheet, and 422 for filters
that name nothing."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.viz.test_print import assert_paper, pages


def test_api_sheets_pdf_and_sheet_pdf(client: TestClient) -> None:
    r = client.get("/api/diagrams/sheets.pdf", params={"forum_kind": "ClusterSteeringGroup", "date": "2025-06-01"})
    assert r.status_code == 200 and r.headers["content-type"] == "application/pdf"
    assert len(assert_paper(r.content)) == 7  # 5 cluster steering groups + the 2 partnerships the view keeps
    r = client.get("/api/diagrams/sheet.pdf", params={"id": "Psykiatriforum"})
    assert r.status_code == 200
    assert "Psykiatriforum" in pages(r.content)[0][2]
    assert client.get("/api/diagrams/sheet.pdf").status_code == 422
    assert client.get("/api/diagrams/sheets.pdf", params={"sector": "ukendt"}).status_code == 422
    assert client.get("/api/diagrams/organisation.json", params={"sector": "ukendt"}).status_code == 422
    assert client.get("/api/diagrams/network.json", params={"status": "måske"}).status_code == 422
