"""Map layers built from core frames."""
from __future__ import annotations

import pandas as pd

from tanker_watch.plugin.core.sanctions.seen import SEEN_COLUMNS
from tanker_watch.plugin.layers import sanctioned_vessels_layer


def test_sanctioned_vessels_layer(qgis_app, tmp_path):
    seen = pd.DataFrame([{
        "mmsi": "445111000", "imo": "8660313", "name": "CHON MA SAN", "lists": "OFAC SDN|EU 2017/1509",
        "programmes": "DPRK4", "listed_name": "CHON MA SAN", "listed_imo": "8660313",
        "match_reason": "IMO 8660313 exact", "score": 100, "warnings": "",
        "last_seen": pd.Timestamp("2024-10-19T06:00Z"), "lon": 133.0, "lat": 42.75, "positions": 12,
    }], columns=SEEN_COLUMNS)
    layer = sanctioned_vessels_layer(seen, "Sanctions lists: bundled snapshot of 2026-08-14", tmp_path / "o.gpkg",
                                     "SIMULATED")
    assert layer.isValid() and layer.featureCount() == 1
    feature = next(layer.getFeatures())
    assert feature["lists"] == "OFAC SDN|EU 2017/1509" and feature["score"] == 100
    assert feature["last_seen"].toString("yyyy-MM-ddTHH:mm") == "2024-10-19T06:00"
    assert (feature.geometry().asPoint().x(), feature.geometry().asPoint().y()) == (133.0, 42.75)
    assert "2026-08-14" in layer.metadata().abstract() and "SIMULATED" in layer.metadata().abstract()


def test_empty_sanctioned_vessels_layer(qgis_app, tmp_path):
    layer = sanctioned_vessels_layer(pd.DataFrame(columns=SEEN_COLUMNS), "snapshot", tmp_path / "o.gpkg")
    assert layer.isValid() and layer.featureCount() == 0
    assert "match_reason" in layer.fields().names()


def test_dataset_and_region_layers(qgis_app, tmp_path):
    """Every map layer from a scenario, in one GeoPackage, re-written without duplicates."""
    from qgis.core import QgsProject

    from tanker_watch.plugin.core.pipeline import analyse_region, load_dataset
    from tanker_watch.plugin.core.scenario import ScenarioConfig, generate
    from tanker_watch.plugin.layers import LAYER_TITLES, dataset_layers, region_layers
    from tanker_watch.plugin.output import add_to_project

    scenario = generate(ScenarioConfig(seed=4, n_loading_calls=6, start="2024-03-07", end="2024-04-20"))
    paths = scenario.write(tmp_path / "scenario")
    dataset = load_dataset([paths["positions"]], sightings=paths["sightings"], particulars=paths["particulars"])
    result = analyse_region(dataset, scenario.region)
    gpkg = tmp_path / "out.gpkg"
    region_wkt = "POLYGON((132.9 42.7, 133.2 42.7, 133.2 42.85, 132.9 42.85, 132.9 42.7))"
    notice = "SIMULATED demo data based on public reporting."
    for _ in range(2):
        layers = dataset_layers(dataset, gpkg, notice) + region_layers(result, region_wkt, gpkg, notice)
        add_to_project(layers)
    names = {layer.name() for layer in layers}
    assert names == set(LAYER_TITLES.values())
    by_name = {layer.name(): layer for layer in layers}
    assert by_name["Trips into region"].featureCount() == len(result.trips) > 0
    assert by_name["Tanker tracks"].featureCount() == len(dataset.reconstruction.segments) + len(
        dataset.reconstruction.dark_gaps)
    assert by_name["Sanctioned vessels"].featureCount() >= 1
    assert all(layer.isValid() and "SIMULATED" in layer.metadata().abstract() for layer in layers)
    assert "ESTIMATES" in by_name["Trips into region"].metadata().abstract()
    project_names = [layer.name() for layer in QgsProject.instance().mapLayers().values()]
    assert project_names.count("Tanker tracks") == 1
    QgsProject.instance().removeAllMapLayers()
