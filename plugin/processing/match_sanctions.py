"""``tankerwatch:matchsanctions`` and ``tankerwatch:updatesanctions``."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterAuthConfig,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP

from .. import network
from ..core.cleaning import clean_positions
from ..core.errors import AisFormatError
from ..core.http import DownloadError
from ..core.particulars import looks_like_particulars, read_particulars
from ..core.sanctions import SOURCES, load_sanctions, match_vessels, sanctions_label, update_source
from ..core.vessels import vessels_from_positions
from ..frames import add_table_features, fields_for
from ..network import api_key, qgis_proxies
from .base import TankerWatchAlgorithm
from .inputs import read_input

MATCH_COLUMNS = ["mmsi", "imo", "name", "listed", "lists", "programmes", "listed_name", "listed_imo",
                 "match_reason", "score", "warnings"]


class MatchSanctionsAlgorithm(TankerWatchAlgorithm):
    NAME = "matchsanctions"
    DISPLAY = QT_TRANSLATE_NOOP("MatchSanctionsAlgorithm", "Match vessels against sanctions lists")
    GROUP = QT_TRANSLATE_NOOP("TankerWatchAlgorithm", "Sanctions")

    def shortHelpString(self) -> str:  # noqa: N802
        return self.tr(
            "For every vessel of the input (a vessel list CSV with mmsi, imo, name columns, or AIS "
            "positions whose vessels are taken), says whether it is listed (UN 1718 as transposed by "
            "the EU, US OFAC SDN, EU, UK), on which lists and programmes, why the match was made "
            "(IMO, MMSI, name, former name, fuzzy name) and with what score. One-digit-off IMO numbers "
            "and identity conflicts are flagged as warnings. Works offline from the bundled snapshot "
            "(its date is reported); run 'Update sanctions lists' to refresh it. Note: the UN's own "
            "consolidated XML has no vessel records."
        )

    def initAlgorithm(self, config=None) -> None:  # noqa: N802
        self.addParameter(QgsProcessingParameterFile(
            "INPUT", self.tr("Vessels (vessel list CSV, AIS file or layer)"),
            behavior=QgsProcessingParameterFile.Behavior.File))
        self.addParameter(QgsProcessingParameterNumber(
            "NAME_THRESHOLD", self.tr("Fuzzy name match threshold (0-100)"),
            QgsProcessingParameterNumber.Type.Double, defaultValue=90.0, minValue=50.0, maxValue=100.0))
        self.addParameter(QgsProcessingParameterFeatureSink(
            "OUTPUT", self.tr("Sanctions matches"), QgsProcessing.SourceType.TypeVector))
        self.addOutput(QgsProcessingOutputNumber("LISTED", self.tr("Listed vessels")))
        self.addOutput(QgsProcessingOutputString("SNAPSHOT", self.tr("Sanctions data used")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        value = self.parameterAsString(parameters, "INPUT", context)
        vessels = self._vessels(value, context, feedback)
        listed = load_sanctions(network.sanctions_cache())
        label = sanctions_label(listed)
        feedback.pushInfo(label)
        for warning in listed.attrs.get("warnings", []):
            feedback.pushWarning(warning)
        matches = match_vessels(vessels, listed, self.parameterAsDouble(parameters, "NAME_THRESHOLD", context))
        for warning in matches.attrs.get("warnings", []):
            feedback.pushWarning(warning)
        table = pd.concat([vessels[["mmsi", "imo", "name"]].astype(object).reset_index(drop=True),
                           matches.drop(columns=[c for c in ("match_type",) if c in matches])
                           .reset_index(drop=True)], axis=1)[MATCH_COLUMNS]
        fields = fields_for(table, MATCH_COLUMNS)
        sink, dest = self.parameterAsSink(parameters, "OUTPUT", context, fields, QgsWkbTypes.Type.NoGeometry)
        add_table_features(sink, fields, table)
        listed_count = int(table["listed"].sum())
        feedback.pushInfo(f"{listed_count} of {len(table)} vessels are listed")
        return {"OUTPUT": dest, "LISTED": listed_count, "SNAPSHOT": label}

    @staticmethod
    def _vessels(value: str, context, feedback) -> pd.DataFrame:
        path = Path(value)
        if path.is_file() and path.suffix.lower() in (".csv", ".txt"):
            header = path.read_text(encoding="utf-8-sig", errors="replace").splitlines()[:1]
            if header and looks_like_particulars(header[0].split(",")):
                try:
                    vessels, issues = read_particulars(path)
                except AisFormatError as exc:
                    raise QgsProcessingException(str(exc)) from exc
                for issue in issues[:50]:
                    feedback.pushWarning(str(issue))
                return vessels
        result = read_input(value, "", context, feedback)
        positions, _report = clean_positions(result.positions, parse_failures=result.issue_count)
        return vessels_from_positions(positions)


class UpdateSanctionsAlgorithm(TankerWatchAlgorithm):
    NAME = "updatesanctions"
    DISPLAY = QT_TRANSLATE_NOOP("UpdateSanctionsAlgorithm", "Update sanctions lists")
    GROUP = QT_TRANSLATE_NOOP("TankerWatchAlgorithm", "Sanctions")
    CHOICES = list(SOURCES)

    def shortHelpString(self) -> str:  # noqa: N802
        lines = [self.tr(
            "Downloads the chosen lists into the plugin's cache (in your QGIS profile) with "
            "QGIS's proxy settings. A download is parsed and checked (schema intact, vessel count "
            "not collapsing) before it replaces the cache; on any failure the previous data stay "
            "and the reason is reported. Sources and licences:")]
        lines += [f"- {spec.title}: {spec.licence}" for spec in SOURCES.values()]
        return "\n".join(lines)

    def initAlgorithm(self, config=None) -> None:  # noqa: N802
        self.addParameter(QgsProcessingParameterEnum(
            "SOURCES", self.tr("Lists to update"), options=[SOURCES[s].title for s in self.CHOICES],
            allowMultiple=True, defaultValue=[0]))
        self.addParameter(QgsProcessingParameterAuthConfig(
            "AUTHCFG", self.tr("API key for sources that need one (from the QGIS authentication manager)"),
            optional=True))
        self.addOutput(QgsProcessingOutputString("STATUS", self.tr("What happened")))
        self.addOutput(QgsProcessingOutputNumber("FAILED", self.tr("Lists that could not be updated")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        chosen = [self.CHOICES[i] for i in self.parameterAsEnums(parameters, "SOURCES", context)]
        authcfg = self.parameterAsString(parameters, "AUTHCFG", context)
        key = api_key(authcfg)
        if authcfg and key is None:
            raise QgsProcessingException(f"No API key could be read from authentication configuration '{authcfg}'")
        status, failed = [], 0
        for n, source_id in enumerate(chosen):
            try:
                def progress(received: int, total: int | None, n: int = n) -> None:
                    share = received / total if total else 0.0
                    feedback.setProgress(100.0 * (n + share) / len(chosen))

                headers = {"Authorization": f"ApiKey {key}"} if key and SOURCES[source_id].accepts_key else None
                result = update_source(source_id, network.sanctions_cache(), proxies=qgis_proxies(), headers=headers,
                                       cancel=feedback.isCanceled, progress=progress)
                line = f"{SOURCES[source_id].title}: {result.status}"
            except DownloadError as exc:
                failed += 1
                line = f"{SOURCES[source_id].title}: not updated, the previous data are kept ({exc})"
                feedback.reportError(line)
            feedback.pushInfo(line)
            status.append(line)
        return {"STATUS": "\n".join(status), "FAILED": failed}
