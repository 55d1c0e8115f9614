"""The two-step pipeline (load once, analyse many regions) on a seeded scenario with known truth."""
from __future__ import annotations

import dataclasses

import pytest

from tanker_watch.plugin.core.pipeline import analyse_region, load_dataset
from tanker_watch.plugin.core.scenario import ScenarioConfig, generate
from tanker_watch.plugin.core.volumes import Assumptions


@pytest.fixture(scope="module")
def scenario_run(tmp_path_factory):
    scenario = generate(ScenarioConfig(seed=3, n_loading_calls=12, start="2024-03-07", end="2024-05-31"))
    paths = scenario.write(tmp_path_factory.mktemp("scenario"))
    dataset = load_dataset([paths["positions"]], sightings=paths["sightings"], particulars=paths["particulars"])
    return scenario, dataset


def test_headline_matches_truth(scenario_run):
    scenario, dataset = scenario_run
    result = analyse_region(dataset, scenario.region)
    truth = scenario.truth
    expected = truth[truth["in_region"] & truth["role"].isin(["load", "ballast_decoy"])
                     & truth["expected_level"].isin(["confirmed", "inferred"])]
    headline = result.headline()
    assert headline["trips"] == len(expected)
    assert headline["laden_trips"] == int((expected["expected_laden_state"] == "laden").sum())
    assert headline["barrels_low"] <= headline["barrels"] <= headline["barrels_high"]
    assert set(headline["cap_share_by_year"]) == {2024}
    # per-vessel table adds up to the headline
    assert result.vessels["trips"].sum() == headline["trips"]
    assert result.vessels["barrels"].sum() == pytest.approx(result.totals["barrels_central"])


def test_sanctions_are_matched_and_filterable(scenario_run):
    scenario, dataset = scenario_run
    assert dataset.matches["listed"].any()  # CHON MA SAN and other designated tankers
    everything = analyse_region(dataset, scenario.region)
    listed_only = analyse_region(dataset, scenario.region, sanctioned_only=True)
    assert 0 < len(listed_only.trips) <= len(everything.trips)
    assert listed_only.trips["listed"].all()
    chon_ma_san = everything.vessels[everything.vessels["imo"] == "8660313"]
    if len(chon_ma_san):
        assert chon_ma_san["listed"].iloc[0] and "OFAC" in chon_ma_san["lists"].iloc[0]


def test_fill_factor_recompute(scenario_run):
    scenario, dataset = scenario_run
    base = analyse_region(dataset, scenario.region)
    fuller = analyse_region(dataset, scenario.region,
                            assumptions=dataclasses.replace(Assumptions(), fill_central=0.95))
    assert fuller.totals["barrels_central"] == pytest.approx(base.totals["barrels_central"] * 0.95 / 0.90)
    assert fuller.totals["barrels_high"] == pytest.approx(base.totals["barrels_high"])


def test_period_and_empty_region(scenario_run):
    scenario, dataset = scenario_run
    april = analyse_region(dataset, scenario.region, start="2024-04-01", end="2024-04-30T23:59:59")
    assert all(t.month in (3, 4, 5) for t in april.trips["arrival"])
    nowhere = analyse_region(dataset, {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]]})
    assert nowhere.headline()["trips"] == 0 and nowhere.vessels.empty
