"""Exceptions and the records readers return: parse issues and the read result."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Optional

import pandas as pd


class AisFormatError(ValueError):
    """Nothing at all could be read from a file; the message names the file."""


class Cancelled(Exception):  # noqa: N818 - the name is part of the public API
    """The user cancelled a long-running operation."""


@dataclass(frozen=True)
class ParseIssue:
    """One problem found while reading: where it is and what is wrong."""

    file: str
    line: Optional[int]  # 1-based physical line in the file (or feature row); None = whole file
    field: Optional[str]  # canonical column name, or None when the whole line/file is at fault
    message: str

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}, line {self.line}"
        if self.field:
            where += f", field {self.field}"
        return f"{where}: {self.message}"


@dataclass
class IssueLog:
    """Counts every issue but stores only the first ``cap`` of them."""

    cap: int = 1000
    issues: list[ParseIssue] = field(default_factory=list)
    count: int = 0

    def add(self, file: str, line: Optional[int], fld: Optional[str], message: str) -> None:
        self.count += 1
        if len(self.issues) < self.cap:
            self.issues.append(ParseIssue(file, line, fld, message))

    def add_many(self, file: str, lines: Iterable[int], fld: Optional[str],
                 messages: Iterable[str], total: int) -> None:
        """Record ``total`` issues; only as many as still fit are materialised."""
        room = self.cap - len(self.issues)
        if room > 0:
            for line, msg in zip(lines, messages):
                if room <= 0:
                    break
                self.issues.append(ParseIssue(file, int(line), fld, msg))
                room -= 1
        self.count += int(total)

    def extend(self, other: IssueLog) -> None:
        room = self.cap - len(self.issues)
        self.issues.extend(other.issues[:max(room, 0)])
        self.count += other.count


@dataclass
class ReadResult:
    """What a reader produced: canonical positions plus everything that went wrong."""

    positions: pd.DataFrame
    issues: list[ParseIssue]
    issue_count: int
    format: str
    warnings: list[str] = field(default_factory=list)
