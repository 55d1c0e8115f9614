"""Build ``dist/tanker_watch-<version>.zip`` from tracked files and validate it.

``git archive`` (with the ``tanker_watch/`` prefix) takes the tracked files, including
uncommitted edits to them (through ``git stash create``, which changes nothing in the
checkout); ``.gitattributes`` ``export-ignore`` keeps tests and developer files out; the
compiled translations (``i18n/*.qm``, not tracked) are added.
"""
from __future__ import annotations

import argparse
import subprocess  # nosec B404 - a developer tool calling git
import sys
import zipfile
from pathlib import Path

from zip_rules import check_zip

REPO = Path(__file__).resolve().parents[1]
PREFIX = "tanker_watch/"


def git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=REPO, check=True, capture_output=True,  # nosec B603 B607
                          text=True).stdout.strip()


def build(output: Path) -> Path:
    tree = git("stash", "create") or "HEAD"
    output.parent.mkdir(parents=True, exist_ok=True)
    tmp = output.with_suffix(".tmp.zip")
    subprocess.run(["git", "archive", "--format=zip", f"--prefix={PREFIX}", "-o", str(tmp), tree],  # nosec B603 B607
                   cwd=REPO, check=True)
    with zipfile.ZipFile(tmp, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        for qm in sorted((REPO / "i18n").glob("*.qm")):
            archive.write(qm, PREFIX + "i18n/" + qm.name)
    tmp.replace(output)
    return output


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--output", type=Path, required=True)
    args = parser.parse_args()
    path = build(args.output)
    problems = check_zip(path)
    for problem in problems:
        print(f"REJECTED by the plugin repository rules: {problem}", file=sys.stderr)
    if problems:
        return 1
    with zipfile.ZipFile(path) as archive:
        count = len(archive.namelist())
    print(f"{path} ({path.stat().st_size / 1024:.0f} KB, {count} entries) passes the upload rules")
    return 0


if __name__ == "__main__":
    sys.exit(main())
