"""The Open Referral HSDS sample (San Mateo County, Ohana layout) loads as-is and answers "who about meals".

Expected from reading the CSV files: 8 organisations, 22 locations, 23 services, 31 contacts; the services
whose keywords name meals are Fair Oaks Adult Activity Center (service 1, location 1), Little House
Recreational Activities (6) and Meals on Wheels - South County (8); Meals on Wheels has no phone of its own,
its location's voice line is 650 323-2022 (phones.csv row 15; row 16 is a fax).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from graph.contacts import contact
from graph.errors import DataFileError
from graph.model import load
from graph.privacy import public_model
from tests.cli.support import as_json, run
from tests.conftest import INTEROP


@pytest.fixture(scope="module")
def hsds_folder() -> Path:
    folder = INTEROP / "hsds-ohana"
    assert folder.is_dir(), f"{folder}: the shared third-party data is missing"
    return folder


def test_the_sample_loads_as_is(hsds_folder: Path) -> None:
    model = load([hsds_folder])
    kinds = [k for _, k in model.nx.nodes(data="kind")]
    assert (kinds.count("organisation"), kinds.count("unit"), kinds.count("contact_point")) == (8, 22, 23)
    assert kinds.count("person") == 31
    assert model.files[0].format == "hsds"
    little_house = model.resolve("Little House")
    assert model.nx.nodes[little_house]["kind"] == "unit"
    ended = {model.label(n, "en") for n, d in model.nx.nodes(data=True) if d.get("status") == "ended"}
    assert ended == {"Service with blank fields", "Service for Admin Test Location"}  # defunct, inactive


def test_who_do_i_contact_about_meals(hsds_folder: Path) -> None:
    answer = as_json(run("contact", "meals", "--data", str(hsds_folder), "--json"))
    who = {a["who"]["label"] for a in answer["answers"] if not a["fallback"]}
    assert who == {"Fair Oaks Adult Activity Center", "Little House", "Meals on Wheels - South County"}
    wheels = next(a for a in answer["answers"] if a["who"]["label"] == "Meals on Wheels - South County")
    assert wheels["organisation"]["label"] == "Peninsula Volunteers"
    phones = [p for r in wheels["reach"] for p in r.get("phone", [])]
    assert phones == ["650 323-2022"], "the location's voice line, not its fax"


def test_contact_names_are_not_in_the_public_view(hsds_folder: Path) -> None:
    model = load([hsds_folder])
    assert "Susan Houston" in {d["label"] for _, d in model.nx.nodes(data=True)}
    public = public_model(model)
    assert "Susan Houston" not in {d["label"] for _, d in public.nx.nodes(data=True)}
    answer = contact(public, "meals").as_json("en")
    assert "Susan Houston" not in str(answer)


def test_a_service_pointing_at_a_missing_location_names_file_and_line(hsds_folder: Path, tmp_path: Path) -> None:
    broken = tmp_path / "hsds"
    shutil.copytree(hsds_folder, broken)
    lines = (broken / "services.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    lines[3] = "3,999" + lines[3][lines[3].index(",", 2) :]  # service 3 now at location 999
    (broken / "services.csv").write_text("".join(lines), encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        load([broken])
    assert "services.csv" in str(err.value) and "999" in str(err.value) and err.value.line == 4


def test_a_file_without_its_required_columns_is_refused(hsds_folder: Path, tmp_path: Path) -> None:
    broken = tmp_path / "hsds"
    shutil.copytree(hsds_folder, broken)
    text = (broken / "organizations.csv").read_text(encoding="utf-8")
    (broken / "organizations.csv").write_text(text.replace(",name,", ",navn,", 1), encoding="utf-8")
    result = run("stats", "--data", str(broken))
    assert result.exit_code == 2 and "organizations.csv" in result.stderr and "name" in result.stderr
