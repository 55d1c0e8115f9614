"""Forward Python ``logging`` records of the plugin to the QGIS message log."""
from __future__ import annotations

import logging

from qgis.core import Qgis, QgsMessageLog

LOG_TAG = "Tanker Watch"
LOGGER_NAME = "tanker_watch"


class QgsMessageLogHandler(logging.Handler):
    """A logging handler writing to ``QgsMessageLog`` under the tag "Tanker Watch"."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            message = self.format(record)
        except Exception:  # noqa: BLE001 - a logging handler must never raise
            self.handleError(record)
            return
        if record.levelno >= logging.ERROR:
            level = Qgis.Critical
        elif record.levelno >= logging.WARNING:
            level = Qgis.Warning
        else:
            level = Qgis.Info
        QgsMessageLog.logMessage(message, LOG_TAG, level, notifyUser=False)


def install() -> QgsMessageLogHandler:
    """Attach a handler to the ``tanker_watch`` logger and return it (for :func:`remove`)."""
    handler = QgsMessageLogHandler()
    handler.setFormatter(logging.Formatter("%(name)s: %(message)s"))
    logger = logging.getLogger(LOGGER_NAME)
    logger.addHandler(handler)
    if logger.level == logging.NOTSET:
        logger.setLevel(logging.INFO)
    return handler


def remove(handler: QgsMessageLogHandler) -> None:
    logging.getLogger(LOGGER_NAME).removeHandler(handler)
