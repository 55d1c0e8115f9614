"""detectportcalls and tripsinregion through processing.run, on a seeded scenario with known truth."""
from __future__ import annotations

import json

import pytest
from qgis.core import QgsProcessingException

from tanker_watch.plugin.core.scenario import ScenarioConfig, generate


@pytest.fixture(scope="module")
def scenario_files(tmp_path_factory):
    scenario = generate(ScenarioConfig(seed=5, n_loading_calls=10, start="2024-03-07", end="2024-05-20"))
    paths = scenario.write(tmp_path_factory.mktemp("scenario"))
    return scenario, paths


def expected_trips(truth):
    return truth[truth["in_region"] & truth["role"].isin(["load", "ballast_decoy"])
                 & truth["expected_level"].isin(["confirmed", "inferred"])]


def test_trips_in_region(provider, scenario_files):
    from qgis import processing

    scenario, paths = scenario_files
    result = processing.run("tankerwatch:tripsinregion", {
        "INPUT": str(paths["positions"]), "REGION": str(paths["region"]), "SIGHTINGS": str(paths["sightings"]),
        "VESSELS": str(paths["particulars"]), "OUTPUT_TRIPS": "memory:", "OUTPUT_VESSELS": "memory:"})
    expected = expected_trips(scenario.truth)
    assert result["TRIPS"] == len(expected)
    assert result["LADEN_TRIPS"] == int((expected["expected_laden_state"] == "laden").sum())
    assert result["BARRELS_LOW"] <= result["BARRELS"] <= result["BARRELS_HIGH"]
    assert "barrels" in result["ASSUMPTIONS"]
    trips = list(result["OUTPUT_TRIPS"].getFeatures())
    assert sum(1 for f in trips if f["counted"]) == result["TRIPS"]
    assert sum(f["est_barrels"] for f in trips) == pytest.approx(result["BARRELS"], abs=1)
    assert {f["level"] for f in trips} <= {"confirmed", "inferred", "possible"}
    vessels = list(result["OUTPUT_VESSELS"].getFeatures())
    assert sum(f["trips"] for f in vessels) == result["TRIPS"]
    assert any(f["listed"] for f in vessels)


def test_assumptions_change_the_estimate(provider, scenario_files):
    from qgis import processing

    _, paths = scenario_files
    common = {"INPUT": str(paths["positions"]), "REGION": str(paths["region"]),
              "VESSELS": str(paths["particulars"]), "OUTPUT_TRIPS": "memory:", "OUTPUT_VESSELS": "memory:"}
    diesel = processing.run("tankerwatch:tripsinregion", dict(common))
    from tanker_watch.plugin.processing.trips_in_region import PRODUCTS

    gasoline = processing.run("tankerwatch:tripsinregion", {**common, "PRODUCT": PRODUCTS.index("gasoline")})
    assert diesel["TRIPS"] == gasoline["TRIPS"]
    assert diesel["BARRELS"] > 0
    assert gasoline["BARRELS"] / diesel["BARRELS"] == pytest.approx(8.50 / 7.46, rel=1e-3)
    later = processing.run("tankerwatch:tripsinregion", {**common, "START": "2030-01-01"})
    assert later["TRIPS"] == 0 and later["BARRELS"] == 0


def test_bad_dates_are_named(provider, scenario_files):
    from qgis import processing

    _, paths = scenario_files
    with pytest.raises(QgsProcessingException, match="START"):
        processing.run("tankerwatch:tripsinregion", {
            "INPUT": str(paths["positions"]), "REGION": str(paths["region"]), "START": "7 March",
            "OUTPUT_TRIPS": "memory:", "OUTPUT_VESSELS": "memory:"})


def test_detect_port_calls(provider, scenario_files):
    from qgis import processing

    scenario, paths = scenario_files
    result = processing.run("tankerwatch:detectportcalls", {
        "INPUT": str(paths["positions"]), "SIGHTINGS": str(paths["sightings"]), "OUTPUT": "memory:"})
    calls = list(result["OUTPUT"].getFeatures())
    assert result["CALLS"] == len(calls) > 0
    assert {f["evidence"] for f in calls} <= {"ais_stop", "sighting", "dark_gap"}
    vostochny = [f for f in calls if "Vostoch" in (f["port"] or "")]
    assert vostochny, sorted({f["port"] for f in calls})


def test_user_terminal_polygon_replaces_bundled(provider, scenario_files, tmp_path):
    from qgis import processing

    scenario, paths = scenario_files
    region = json.loads(paths["region"].read_text())
    region["features"][0]["properties"] = {"name": "My berth", "kind": "oil_terminal"}
    terminals = tmp_path / "terminals.geojson"
    terminals.write_text(json.dumps(region))
    result = processing.run("tankerwatch:detectportcalls", {
        "INPUT": str(paths["positions"]), "PORTS": str(terminals), "OUTPUT": "memory:"})
    names = {f["port"] for f in result["OUTPUT"].getFeatures()}
    assert "My berth" in names
