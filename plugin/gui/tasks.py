"""Background work of the dock: loading a data set in a ``QgsTask`` (worker thread, core only)."""
from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

import pandas as pd
from qgis.core import QgsTask
from qgis.PyQt.QtCore import QCoreApplication

from .. import network
from ..core import ais_readers
from ..core.errors import Cancelled
from ..core.pipeline import Dataset, PipelineSettings, load_dataset
from ..core.scenario import demo_2024_config, generate
from ..settings import pipeline_settings

LOG = logging.getLogger(__name__)
DEMO_FILES = ("positions.csv.gz", "sightings.csv", "particulars.csv")


@dataclass
class LoadRequest:
    """What to load: AIS files, or a frame read from a point layer, or the demo data."""

    ais_paths: list[str] = field(default_factory=list)
    layer_frame: Optional[pd.DataFrame] = None
    layer_name: str = ""
    sightings: Optional[str] = None
    particulars: Optional[str] = None
    demo_folder: Optional[Path] = None   # demo: generated here unless the files are already there
    sanctions_cache: Optional[Path] = field(default_factory=network.sanctions_cache)
    pipeline: PipelineSettings = field(default_factory=pipeline_settings)  # read on the main thread


def demo_files_present(folder: Path) -> bool:
    return all((folder / name).is_file() for name in DEMO_FILES)


def prepare_demo(folder: Path) -> LoadRequest:
    """The request for the demo data in ``folder`` (written by :func:`write_demo` when missing)."""
    return LoadRequest(ais_paths=[str(folder / "positions.csv.gz")], sightings=str(folder / "sightings.csv"),
                       particulars=str(folder / "particulars.csv"), demo_folder=folder)


def write_demo(folder: Path) -> None:
    """Generate the seeded 2024 Vostochny scenario into ``folder`` (files already there are kept)."""
    if demo_files_present(folder):
        return
    generate(demo_2024_config()).write(folder, overwrite=True)


def run_request(request: LoadRequest, progress: Callable[[float], None] | None = None,
                cancel: Callable[[], bool] | None = None) -> Dataset:
    """Pure-Python work of a load (no QGIS objects): safe in a worker thread."""
    if request.demo_folder is not None:
        write_demo(request.demo_folder)
    if request.layer_frame is not None:
        frame = request.layer_frame
        mapping = ais_readers.guess_mapping([c for c in frame.columns if c not in ("lon", "lat")])
        mapping.update(lon="lon", lat="lat")
        ais = ais_readers.positions_from_frame(frame, mapping, source=request.layer_name)
    else:
        ais = request.ais_paths
    return load_dataset(ais, sightings=request.sightings or None, particulars=request.particulars or None,
                        sanctions_cache=request.sanctions_cache, settings=request.pipeline, progress=progress,
                        cancel=cancel)


class LoadDatasetTask(QgsTask):
    """Runs :func:`run_request` in the background; ``done(dataset | None, error_message)`` on the main thread."""

    def __init__(self, request: LoadRequest, done: Callable[[Optional[Dataset], str], None]) -> None:
        super().__init__(QCoreApplication.translate("LoadDatasetTask", "Tanker Watch: loading AIS data"),
                         QgsTask.Flag.CanCancel)
        self.request = request
        self.dataset: Optional[Dataset] = None
        self.error = ""
        self._done = done

    def run(self) -> bool:
        try:
            self.dataset = run_request(self.request, self.setProgress, self.isCanceled)
        except Cancelled:
            return False
        except Exception as exc:  # noqa: BLE001 - any failure is reported to the user in finished()
            LOG.exception("Loading the data failed")
            self.error = str(exc) or exc.__class__.__name__
            return False
        return True

    def finished(self, result: bool) -> None:
        if result:
            self._done(self.dataset, "")
        else:
            self._done(None, self.error or self.tr("Loading was cancelled."))
