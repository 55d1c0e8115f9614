"""``tankerwatch:detectportcalls`` and ``tankerwatch:tripsinregion``: the analysis the plugin exists for."""
from __future__ import annotations

import dataclasses
import tempfile
from datetime import datetime
from pathlib import Path

import pandas as pd
from qgis.core import (
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsFeatureSource,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProject,
    QgsVectorFileWriter,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP

from .. import network
from ..core.errors import AisFormatError
from ..core.pipeline import VESSEL_SUMMARY_COLUMNS, Dataset, RegionResult, analyse_region, load_dataset
from ..core.ports import port_column, read_terminals
from ..core.volumes import BBL_PER_TONNE, Assumptions
from ..frames import WGS84, add_point_features, add_table_features, fields_for, layer_to_frame
from ..layers import CALL_FIELDS, TRIP_FIELDS
from ..region import region_from_features
from ..settings import pipeline_settings
from .base import TankerWatchAlgorithm
from .import_ais import add_ais_input_parameters
from .inputs import read_input

PRODUCTS = list(BBL_PER_TONNE) + ["custom"]
# OUTPUT_TRIPS keeps the command-line contract's names for the volume columns.
ESTIMATE_NAMES = {"barrels_low": "est_barrels_low", "barrels_central": "est_barrels",
                  "barrels_high": "est_barrels_high"}
TRIP_COLUMNS = [ESTIMATE_NAMES.get(c, c) for c in TRIP_FIELDS]


def parse_date(text: str, name: str, end_of_day: bool = False) -> pd.Timestamp | None:
    """ISO date or date-time (UTC); a bare end date includes its whole day."""
    text = (text or "").strip()
    if not text:
        return None
    try:
        value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError as exc:
        raise QgsProcessingException(f"{name}: '{text}' is not an ISO date such as 2024-03-07") from exc
    stamp = pd.Timestamp(value)
    stamp = stamp.tz_localize("UTC") if stamp.tzinfo is None else stamp.tz_convert("UTC")
    if end_of_day and len(text) == 10:
        stamp = stamp + pd.Timedelta(days=1) - pd.Timedelta(seconds=1)
    return stamp


def region_wkt(source: QgsFeatureSource) -> str:
    """The union of every polygon of ``source`` in WGS84, as WKT."""
    try:
        region = region_from_features(source.getFeatures(), source.sourceCrs())
    except ValueError as exc:
        raise QgsProcessingException(str(exc)) from exc
    if region is None:
        raise QgsProcessingException("The region layer has no polygon")
    return region.asWkt()


def ports_from_source(source: QgsFeatureSource | None) -> tuple[pd.DataFrame | None, list | None]:
    """A user's own ports (points: a ``name`` field) or terminal polygons (``name``, optional ``kind``)."""
    if source is None:
        return None, None
    layer = source.materialize(QgsFeatureRequest())
    if layer.geometryType() == QgsWkbTypes.GeometryType.PolygonGeometry:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "terminals.geojson"
            options = QgsVectorFileWriter.SaveVectorOptions()
            options.driverName = "GeoJSON"
            options.ct = QgsCoordinateTransform(layer.crs(), WGS84, QgsProject.instance())
            error = QgsVectorFileWriter.writeAsVectorFormatV3(layer, str(path), QgsProject.instance()
                                                              .transformContext(), options)
            if error[0] != QgsVectorFileWriter.WriterError.NoError:
                raise QgsProcessingException(f"Could not read the terminal polygons: {error[1]}")
            try:
                return None, read_terminals(path)
            except ValueError as exc:
                raise QgsProcessingException(str(exc)) from exc
    frame = layer_to_frame(layer)
    name_column = port_column([c for c in frame.columns if c not in ("lon", "lat", "_row")], "name")
    if name_column is None:
        raise QgsProcessingException("The ports layer needs a 'name' field")
    ports = pd.DataFrame({"port_id": [f"U{i}" for i in frame["_row"]], "name": frame[name_column].astype(str),
                          "lat": frame["lat"], "lon": frame["lon"]})
    return ports.dropna(subset=["lat", "lon"]).reset_index(drop=True), None


class _AnalysisAlgorithm(TankerWatchAlgorithm):
    """Shared inputs: AIS, optional sightings, vessel particulars and ports."""

    GROUP = QT_TRANSLATE_NOOP("TankerWatchAlgorithm", "Analysis")

    def add_data_parameters(self) -> None:
        add_ais_input_parameters(self)
        self.addParameter(QgsProcessingParameterFile(
            "SIGHTINGS", self.tr("Satellite sightings CSV (time_utc,lat,lon,imo,mmsi,name,state,source)"),
            behavior=QgsProcessingParameterFile.Behavior.File, optional=True))
        self.addParameter(QgsProcessingParameterFile(
            "VESSELS", self.tr("Vessel particulars CSV (mmsi,imo,name,flag,ship_type,dwt)"),
            behavior=QgsProcessingParameterFile.Behavior.File, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            "PORTS", self.tr("Your own ports (points) or terminal polygons (blank: bundled World Port Index)"),
            [QgsProcessing.SourceType.TypeVectorPoint, QgsProcessing.SourceType.TypeVectorPolygon], optional=True))

    def dataset(self, parameters, context, feedback) -> Dataset:
        read = read_input(self.parameterAsString(parameters, "INPUT", context),
                          self.parameterAsString(parameters, "MAPPING", context), context, feedback)
        ports, terminals = ports_from_source(self.parameterAsSource(parameters, "PORTS", context))
        try:
            dataset = load_dataset(read, sightings=self.parameterAsString(parameters, "SIGHTINGS", context) or None,
                                   particulars=self.parameterAsString(parameters, "VESSELS", context) or None,
                                   ports=ports, terminals=terminals, sanctions_cache=network.sanctions_cache(),
                                   settings=dataclasses.replace(
                                       pipeline_settings(),
                                       max_speed_kn=self.parameterAsDouble(parameters, "MAX_SPEED_KN", context)),
                                   progress=feedback.setProgress, cancel=feedback.isCanceled)
        except (AisFormatError, ValueError) as exc:
            raise QgsProcessingException(str(exc)) from exc
        for line in dataset.cleaning.lines():
            feedback.pushInfo(line)
        for issue in dataset.input_issues[:50]:
            feedback.pushWarning(str(issue))
        feedback.pushInfo(dataset.sanctions_label())
        return dataset


class RegionAlgorithm(_AnalysisAlgorithm):
    """Adds the region, period, filters and volume assumptions, and runs the region analysis."""

    def add_region_parameters(self) -> None:
        self.addParameter(QgsProcessingParameterFeatureSource(
            "REGION", self.tr("Region (polygon layer or file)"), [QgsProcessing.SourceType.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterString("START", self.tr("From (ISO date, UTC)"), optional=True))
        self.addParameter(QgsProcessingParameterString("END", self.tr("To (ISO date, UTC, inclusive)"), optional=True))
        self.addParameter(QgsProcessingParameterBoolean("TANKERS_ONLY", self.tr("Tankers only"), defaultValue=True))
        self.addParameter(QgsProcessingParameterBoolean(
            "SANCTIONED_ONLY", self.tr("Sanctioned vessels only"), defaultValue=False))
        self.addParameter(QgsProcessingParameterEnum(
            "PRODUCT", self.tr("Product"), options=PRODUCTS, defaultValue=0))
        self.addParameter(QgsProcessingParameterNumber(
            "BBL_PER_T", self.tr("Barrels per tonne (product 'custom')"), QgsProcessingParameterNumber.Type.Double,
            defaultValue=7.46, minValue=1.0, maxValue=20.0))
        self.addParameter(QgsProcessingParameterNumber(
            "FILL_FACTOR", self.tr("Fill factor (central)"), QgsProcessingParameterNumber.Type.Double,
            defaultValue=0.90, minValue=0.34, maxValue=0.98))
        self.addParameter(QgsProcessingParameterNumber(
            "CARGO_SHARE", self.tr("Cargo share of deadweight"), QgsProcessingParameterNumber.Type.Double,
            defaultValue=0.95, minValue=0.5, maxValue=1.0))

    def assumptions(self, parameters, context) -> Assumptions:
        product = PRODUCTS[self.parameterAsEnum(parameters, "PRODUCT", context)]
        bbl = self.parameterAsDouble(parameters, "BBL_PER_T", context) if product == "custom" \
            else BBL_PER_TONNE[product]
        return Assumptions(product=product, bbl_per_t=bbl,
                           cargo_share=self.parameterAsDouble(parameters, "CARGO_SHARE", context),
                           fill_central=self.parameterAsDouble(parameters, "FILL_FACTOR", context))

    def region_result(self, parameters, context, feedback) -> tuple[Dataset, str, RegionResult]:
        """Load the data, then analyse the region with the chosen period, filters and assumptions."""
        region_source = self.parameterAsSource(parameters, "REGION", context)
        if region_source is None:
            raise QgsProcessingException("REGION: no polygon layer or file was given")
        region = region_wkt(region_source)
        assumptions = self.assumptions(parameters, context)
        start = parse_date(self.parameterAsString(parameters, "START", context), "START")
        end = parse_date(self.parameterAsString(parameters, "END", context), "END", end_of_day=True)
        dataset = self.dataset(parameters, context, feedback)
        result = analyse_region(
            dataset, region, start=start, end=end,
            tankers_only=self.parameterAsBoolean(parameters, "TANKERS_ONLY", context),
            sanctioned_only=self.parameterAsBoolean(parameters, "SANCTIONED_ONLY", context),
            assumptions=assumptions)
        return dataset, region, result


class DetectPortCallsAlgorithm(_AnalysisAlgorithm):
    NAME = "detectportcalls"
    DISPLAY = QT_TRANSLATE_NOOP("DetectPortCallsAlgorithm", "Detect port calls (AIS and dark)")

    def shortHelpString(self) -> str:  # noqa: N802
        return self.tr(
            "Finds port calls: AIS stops (at least 2 h below 1 knot within 2 km) at the nearest port or terminal "
            "(else 'anchorage'), and dark calls: visits that fit inside an AIS gap (reachable at 12 knots from "
            "where the AIS went off, 2 h at the port, and back to where it came on). Each call has its evidence "
            "(ais_stop, sighting, dark_gap) and a level: confirmed (AIS stop or satellite sighting), inferred "
            "(dark gap with a draught change of at least 0.5 m), possible (feasible dark gap, nothing else; "
            "listed but never counted).")

    def initAlgorithm(self, config=None) -> None:  # noqa: N802
        self.add_data_parameters()
        self.addParameter(QgsProcessingParameterFeatureSink(
            "OUTPUT", self.tr("Port calls"), QgsProcessing.SourceType.TypeVectorPoint))
        self.addOutput(QgsProcessingOutputNumber("CALLS", self.tr("Port calls")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        calls = self.dataset(parameters, context, feedback).calls
        fields = fields_for(calls, CALL_FIELDS)
        sink, dest = self.parameterAsSink(parameters, "OUTPUT", context, fields, QgsWkbTypes.Type.Point, WGS84)
        add_point_features(sink, fields, calls, is_cancelled=feedback.isCanceled)
        feedback.pushInfo(f"{len(calls):,} port calls: " + ", ".join(
            f"{n} {level}" for level, n in calls["level"].value_counts().items()))
        return {"OUTPUT": dest, "CALLS": len(calls)}


class TripsInRegionAlgorithm(RegionAlgorithm):
    NAME = "tripsinregion"
    DISPLAY = QT_TRANSLATE_NOOP("TripsInRegionAlgorithm", "Trips into a region and estimated volumes")

    def shortHelpString(self) -> str:  # noqa: N802
        lines = [self.tr(
            "Counts the trips vessels made into the region (one visit from entering to leaving with at least one "
            "port call; transits are not trips), says which left laden (draught out minus draught in of at least "
            "0.5 m, or a satellite sighting; an unchanged AIS draught is 'unknown', never 'ballast', because crews "
            "often do not update it), and estimates the volumes delivered. ESTIMATES, not facts:"),
            "",
            "tonnes = DWT x cargo share x fill factor; barrels = tonnes x barrels per tonne of the product.",
            "central: laden trips at the fill factor (default 0.90);",
            "high: laden and unknown-state trips at 0.98 (the usual maximum filling);",
            "low: laden trips only at one third (the US 2018 conservative floor).",
            "low <= central <= high always. Only confirmed and inferred trips count; possible ones are listed.",
            "DWT comes from the vessel particulars, else the sanctions lists' tonnage, else 3,000 t (flagged "
            "dwt_assumed). Barrels are compared per calendar year with the UN cap of 500,000 barrels of refined "
            "products (resolution 2397)."]
        return "\n".join(lines)

    def initAlgorithm(self, config=None) -> None:  # noqa: N802
        self.add_data_parameters()
        self.add_region_parameters()
        self.addParameter(QgsProcessingParameterFeatureSink(
            "OUTPUT_TRIPS", self.tr("Trips"), QgsProcessing.SourceType.TypeVectorPoint))
        self.addParameter(QgsProcessingParameterFeatureSink(
            "OUTPUT_VESSELS", self.tr("Vessels"), QgsProcessing.SourceType.TypeVector))
        for name, label in (("TRIPS", "Trips (confirmed and inferred)"), ("POSSIBLE_TRIPS", "Possible trips"),
                            ("LADEN_TRIPS", "Laden trips"), ("VESSELS", "Vessels with trips"),
                            ("BARRELS_LOW", "Barrels, low estimate"), ("BARRELS", "Barrels, central estimate"),
                            ("BARRELS_HIGH", "Barrels, high estimate")):
            self.addOutput(QgsProcessingOutputNumber(name, self.tr(label)))
        self.addOutput(QgsProcessingOutputString("ASSUMPTIONS", self.tr("Assumptions")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        _dataset, _region, result = self.region_result(parameters, context, feedback)
        assumptions = result.assumptions
        trips = result.trips.rename(columns=ESTIMATE_NAMES)
        fields = fields_for(trips, TRIP_COLUMNS)
        sink, trips_dest = self.parameterAsSink(parameters, "OUTPUT_TRIPS", context, fields,
                                                QgsWkbTypes.Type.Point, WGS84)
        add_point_features(sink, fields, trips, is_cancelled=feedback.isCanceled)
        vessels = result.vessels
        vessel_fields = fields_for(vessels, VESSEL_SUMMARY_COLUMNS)
        sink, vessels_dest = self.parameterAsSink(parameters, "OUTPUT_VESSELS", context, vessel_fields,
                                                  QgsWkbTypes.Type.NoGeometry)
        add_table_features(sink, vessel_fields, vessels)

        headline = result.headline()
        for line in assumptions.describe():
            feedback.pushInfo(line)
        feedback.pushInfo(
            f"{headline['trips']} trips ({headline['laden_trips']} laden, {headline['possible_trips']} possible, "
            f"not counted) by {headline['vessels']} vessels: about {headline['barrels']:,} barrels "
            f"(range {headline['barrels_low']:,} to {headline['barrels_high']:,}), ESTIMATES")
        for year, share in headline["cap_share_by_year"].items():
            feedback.pushInfo(f"{year}: {share['central']:.0%} of the UN cap (range {share['low']:.0%} to "
                              f"{share['high']:.0%})")
        return {"OUTPUT_TRIPS": trips_dest, "OUTPUT_VESSELS": vessels_dest, "TRIPS": headline["trips"],
                "POSSIBLE_TRIPS": headline["possible_trips"], "LADEN_TRIPS": headline["laden_trips"],
                "VESSELS": headline["vessels"], "BARRELS_LOW": headline["barrels_low"],
                "BARRELS": headline["barrels"], "BARRELS_HIGH": headline["barrels_high"],
                "ASSUMPTIONS": "\n".join(assumptions.describe())}
