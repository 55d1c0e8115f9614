"""UN Security Council Consolidated List (``consolidated.xml``): it holds NO vessels.

The file (``CONSOLIDATED_LIST`` with ``INDIVIDUALS/INDIVIDUAL`` and ``ENTITIES/ENTITY``)
lists people and organisations only. Ships designated by the 1718 (DPRK) Committee are
published separately, as the "1718 Designated Vessels List" PDF; OpenSanctions transcribes
that PDF as the ``un_1718_vessels`` dataset, which :func:`..opensanctions.read_ftm_entities`
reads. Some DPRK entity comments mention IMO *company* numbers ("IMO number: 5571322");
those are owners, not ships, and are not turned into vessels here.
"""

from __future__ import annotations

import warnings as _warnings
from pathlib import Path
from typing import Union

import pandas as pd

from ._io import read_bytes
from .table import SanctionsFormatError, empty_table
from .xmlsafe import child, children, local, parse_xml

PathLike = Union[str, Path]
NO_VESSELS_MESSAGE = (
    "The UN Security Council Consolidated List has no vessel records (only individuals and "
    "entities). UN-designated ships are published in the 1718 Committee's Designated Vessels "
    "List (a PDF); load OpenSanctions' un_1718_vessels export to match against them."
)


def read_un_consolidated_xml(path: PathLike) -> pd.DataFrame:
    """Parse the UN consolidated XML and return an empty vessel table, with a warning.

    ``attrs`` gets ``individuals``, ``entities``, ``date_generated`` and ``warnings``.
    A :class:`UserWarning` with the same explanation is emitted.
    """
    root = parse_xml(read_bytes(path), source=str(path))
    if local(root.tag) != "CONSOLIDATED_LIST":
        raise SanctionsFormatError(
            f"{path}: root element is <{local(root.tag)}>, expected <CONSOLIDATED_LIST>"
        )
    individuals = children(child(root, "INDIVIDUALS"), "INDIVIDUAL")
    entities = children(child(root, "ENTITIES"), "ENTITY")
    message = (
        f"{Path(path).name}: {len(individuals)} individuals and {len(entities)} entities "
        f"read, 0 vessels. {NO_VESSELS_MESSAGE}"
    )
    _warnings.warn(message, UserWarning, stacklevel=2)
    table = empty_table()
    table.attrs.update(
        {
            "individuals": len(individuals),
            "entities": len(entities),
            "date_generated": root.get("dateGenerated"),
            "warnings": [message],
        }
    )
    return table
