"""Write a zip deterministically: sorted entries, one fixed timestamp, fixed permissions.

The timestamp is the bundle's build time, not a constant: web servers derive ETag and Last-Modified
from file times, so every new bundle must give its files a newer time or browsers could keep stale
pages that happen to have the same size.
"""

from __future__ import annotations

import os
import tempfile
import zipfile
from datetime import datetime, timezone
from pathlib import Path


def _entry(path: str, moment: tuple[int, ...]) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(path, date_time=moment)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.create_system = 3  # Unix, so the permissions below are read
    info.external_attr = (0o100644 << 16)
    return info


def write_zip(target: Path, files: dict[str, bytes], built: datetime) -> None:
    """Write `files` (path in zip → bytes) to `target`, replacing it in one step."""
    moment = built.astimezone(timezone.utc).timetuple()[:6]
    moment = (max(moment[0], 1980), *moment[1:])
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    os.close(handle)
    try:
        with zipfile.ZipFile(temporary, "w") as archive:
            for path in sorted(files):
                archive.writestr(_entry(path, moment), files[path], compresslevel=9)
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
