"""Typed access to the plugin's QGIS settings, all under the ``tanker_watch/`` prefix."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from qgis.core import QgsSettings

from .core.pipeline import PipelineSettings

PREFIX = "tanker_watch/"
T = TypeVar("T", int, float, str)


@dataclass(frozen=True)
class Setting(Generic[T]):
    """One setting: a key below :data:`PREFIX` and a typed default."""

    key: str
    default: T
    description: str = ""

    @property
    def full_key(self) -> str:
        return PREFIX + self.key

    def value(self) -> T:
        raw = QgsSettings().value(self.full_key, self.default)
        kind = type(self.default)
        try:
            return kind(raw)  # type: ignore[return-value]
        except (TypeError, ValueError):
            return self.default

    def set(self, value: T) -> None:
        QgsSettings().setValue(self.full_key, value)

    def reset(self) -> None:
        QgsSettings().remove(self.full_key)


SEGMENT_GAP_HOURS = Setting("tracks/segment_gap_hours", 6.0, "Split tracks at AIS gaps longer than this")
DARK_GAP_HOURS = Setting("tracks/dark_gap_hours", 12.0, "AIS gaps at least this long are dark periods")
MAX_SPEED_KNOTS = Setting("cleaning/max_speed_knots", 50.0, "Implied speeds above this are jumps")


def pipeline_settings() -> PipelineSettings:
    """The analysis thresholds the user set (Settings > Options > Advanced, ``tanker_watch/``)."""
    return PipelineSettings(max_speed_kn=MAX_SPEED_KNOTS.value(), segment_gap_h=SEGMENT_GAP_HOURS.value(),
                            dark_gap_h=DARK_GAP_HOURS.value())
