"""Edit anything from the web: the holder of any seat, names, status, ending, contact points, channels,
members, new forums; the history of the map and of one entity with undo; spreadsheets down and up."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook

from api.app import create_app
from api.settings import Settings
from tests.api.test_auth import EDITOR, READER, TOKENS, bearer
from tests.store.support import CHAIR, GROUP, ID, small_data

CHAIR_PATH = "/rediger/plads/test/gruppe/plads/formand"


@pytest.fixture()
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    folder = tmp_path_factory.mktemp("edit-pages")
    app = create_app(Settings(store=str(folder / "store"), data=[str(small_data(folder))], tokens=TOKENS))
    with TestClient(app) as c:
        c.post("/login", data={"token": EDITOR})
        yield c


def etag_in(html: str) -> str:
    return re.search(r'name="etag" value="([^"]+)"', html).group(1)  # type: ignore[union-attr]


def entity(client: TestClient, iri: str) -> dict[str, object]:
    return client.get("/api/entities", params={"id": iri}, headers=bearer(EDITOR)).json()  # type: ignore[no-any-return]


def holders(client: TestClient, seat: str) -> list[str]:
    return [h["label"] for h in entity(client, seat)["seat"]["holders"]]  # type: ignore[index]


def post_entity(client: TestClient, iri: str, action: str, **fields: str):
    form = client.get("/rediger/enhed", params={"id": iri})
    assert form.status_code == 200, form.text
    data = {"id": iri, "action": action, "etag": etag_in(form.text), "reason": "Oplyst af koordinatoren", **fields}
    return client.post("/rediger/enhed", data=data, follow_redirects=False)


def test_the_holder_of_a_holder_not_stated_seat_is_named_then_changed(client: TestClient) -> None:
    assert entity(client, CHAIR)["seat"]["occupancy"] == "not_stated"  # type: ignore[index]
    page = client.get(CHAIR_PATH)
    assert page.status_code == 200 and "Navngiv indehaveren" in page.text
    r = client.post(CHAIR_PATH, data={"name": "Hanne Hansen", "reason": "Referat 3. marts", "etag": etag_in(page.text)})
    assert r.status_code == 200 and "Gemt som ændring" in r.text  # followed the redirect
    assert holders(client, CHAIR) == ["Hanne Hansen"]
    assert entity(client, CHAIR)["label"] == "Formand for testgruppen"  # the name is not touched
    page = client.get(CHAIR_PATH)
    assert "Skift indehaver" in page.text
    client.post(CHAIR_PATH, data={"name": "Ib Iversen", "reason": "Ny formand fra 1. juni", "etag": etag_in(page.text)})
    assert holders(client, CHAIR) == ["Ib Iversen"]


def test_names_status_dates_contact_points_channels_members_and_forums_from_the_entity_page(client: TestClient) -> None:
    page = client.get("/rediger/enhed", params={"id": GROUP})
    for section in (
        "Navn, status og datoer",
        "Afslut",
        "Nyt kontaktpunkt",
        "Ny kanal herfra",
        "Nyt medlem",
        "Nyt forum eller arbejdsgruppe",
    ):
        assert section in page.text
    assert post_entity(client, GROUP, "change", label_da="Testgruppen for børn og unge").status_code == 303
    assert entity(client, GROUP)["label"] == "Testgruppen for børn og unge"
    r = post_entity(
        client, GROUP, "contact_point", label_da="Sekretariatet", email="sekretariat@example.org", functional="1"
    )
    assert r.status_code == 303
    assert [c["label"] for c in entity(client, GROUP)["contact_points"]] == ["Sekretariatet"]  # type: ignore[index]
    assert (
        post_entity(
            client,
            ID + "test/kommune",
            "channel",
            label_da="Henvisning til praksis",
            channel_to="Testpraksis",
            state="open",
        ).status_code
        == 303
    )
    assert post_entity(client, GROUP, "membership", member="Testpraksis", role="member").status_code == 303
    r = post_entity(
        client,
        GROUP,
        "forum",
        label_da="Arbejdsgruppe om skolefravær",
        type="working_group",
        status="active",
        link="reports_to",
    )
    assert r.status_code == 303
    found = client.get("/api/search", params={"q": "skolefravær"}, headers=bearer(EDITOR)).json()
    assert [hit["label"] for hit in found if hit["kind"] == "forum"] == ["Arbejdsgruppe om skolefravær"]
    group = entity(client, GROUP)
    assert "Testpraksis" in str(group.get("members"))
    assert "Henvisning til praksis" in str(entity(client, ID + "test/kommune").get("channels"))
    bad = post_entity(client, GROUP, "change", valid_until="2000-01-01")
    assert bad.status_code == 422 and "SK-V-DATE-ORDER" in bad.text
    assert post_entity(client, GROUP, "end", on="2026-12-31").status_code == 303
    assert entity(client, GROUP)["status"] == "ended"


def test_history_pages_show_who_when_why_what_and_undo_restores(client: TestClient) -> None:
    page = client.get(CHAIR_PATH)
    client.post(CHAIR_PATH, data={"name": "Hanne Hansen", "reason": "Referat 3. marts", "etag": etag_in(page.text)})
    post_entity(client, GROUP, "change", label_da="Omdøbt gruppe")
    whole = client.get("/historik")
    assert whole.status_code == 200
    assert "Eva Editor" in whole.text and "Referat 3. marts" in whole.text and "navngav indehaveren" in whole.text
    assert "indlæste datafilerne" in whole.text
    own = client.get("/historik", params={"id": CHAIR})
    assert "Referat 3. marts" in own.text and "Omdøbt gruppe" not in own.text
    change_id = re.search(r'action="/historik/([^/"]+)/fortryd"', own.text).group(1)  # type: ignore[union-attr]
    r = client.post(
        f"/historik/{change_id}/fortryd", data={"etag": etag_in(own.text), "id": CHAIR}, follow_redirects=False
    )
    assert r.status_code == 303 and "fortrudt=" in r.headers["location"]
    assert holders(client, CHAIR) == [] and entity(client, CHAIR)["seat"]["occupancy"] == "not_stated"  # type: ignore[index]
    assert "fortrudt" in client.get("/historik", params={"id": CHAIR}).text


def test_edit_pages_need_an_editor_and_same_origin_posts(client: TestClient) -> None:
    etag = etag_in(client.get("/rediger/enhed", params={"id": GROUP}).text)
    data = {"id": GROUP, "action": "change", "label_da": "X", "reason": "abc", "etag": etag}
    assert client.post("/rediger/enhed", data=data, headers={"Origin": "https://evil.example"}).status_code == 403
    client.cookies.clear()
    for path in ("/historik", "/regneark", "/regneark/samarbejdskort.xlsx", "/rediger/enhed?id=" + GROUP):
        r = client.get(path, follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"].startswith("/login"), path
    assert client.post("/rediger/enhed", data=data).status_code == 401
    assert client.post("/historik/x/fortryd", data={"etag": etag}).status_code == 401
    client.post("/login", data={"token": READER})
    assert client.get("/historik", headers={"Accept": "text/html"}).status_code == 403


def test_editors_download_the_workbook_and_upload_a_sheet(client: TestClient) -> None:
    r = client.get("/regneark/samarbejdskort.xlsx")
    assert r.status_code == 200 and "attachment" in r.headers["content-disposition"]
    wb = load_workbook(io.BytesIO(r.content))
    assert "pladser" in wb.sheetnames and "Kirsten Kontakt" in str(
        [c.value for c in wb["personer"]["C"]] + [c.value for row in wb["personer"].iter_rows() for c in row]
    )
    page = client.get("/regneark")
    before = client.get("/api/export", params={"format": "n-triples"}, headers=bearer(EDITOR)).content
    bad = "id,art,status\ntest/gruppe,Implementeringsgruppe,måske\n"
    r = client.post(
        "/regneark",
        files={"fil": ("fora.csv", bad.encode(), "text/csv")},
        data={"reason": "Liste fra koordinator", "etag": etag_in(page.text)},
    )
    assert r.status_code == 422
    assert re.search(r"<td>fora</td><td class=\"num\">2</td><td>C \(status\)</td>", r.text)
    assert client.get("/api/export", params={"format": "n-triples"}, headers=bearer(EDITOR)).content == before
    cycle = "id,art,del af\ntest/region,Region,test/gruppe\n"
    r = client.post(
        "/regneark",
        files={"fil": ("organisationer.csv", cycle.encode(), "text/csv")},
        data={"reason": "Liste fra koordinator", "etag": etag_in(page.text)},
    )
    assert r.status_code == 422 and "cycle" in r.text and "Testgruppen" in r.text
    good = "id,art,status\ntest/gruppe,Implementeringsgruppe,godkendt\n"
    r = client.post(
        "/regneark",
        files={"fil": ("fora.csv", good.encode(), "text/csv")},
        data={"reason": "Liste fra koordinator", "etag": etag_in(page.text)},
        follow_redirects=False,
    )
    assert r.status_code == 303 and "gemt=" in r.headers["location"]
    assert entity(client, GROUP)["status"] == "approved"
