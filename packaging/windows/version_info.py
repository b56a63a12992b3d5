"""The version resource of the Windows executables (Properties → Details in Explorer).

PyInstaller reads it from a text file of Python expressions (its `VSVersionInfo` format); this
renders that text from the project's facts, so the version is written in one place only.
"""

from __future__ import annotations

import project_info


def version_info_text(info: project_info.ProjectInfo, exe_name: str, description: str) -> str:
    """The PyInstaller version-file text for one executable."""
    numbers = info.version_tuple
    strings = {
        "CompanyName": "The Evidence Kit developers",
        "FileDescription": description,
        "FileVersion": info.version,
        "InternalName": exe_name,
        "LegalCopyright": "MIT licence (the build: GPL-3.0-or-later, see SOURCE-OFFER.txt)",
        "OriginalFilename": f"{exe_name}.exe",
        "ProductName": info.display_name,
        "ProductVersion": info.version,
    }
    rows = ",\n".join(f"          StringStruct({k!r}, {v!r})" for k, v in strings.items())
    return f"""VSVersionInfo(
  ffi=FixedFileInfo(
    filevers={numbers!r},
    prodvers={numbers!r},
    mask=0x3f,
    flags=0x0,
    OS=0x40004,
    fileType=0x1,
    subtype=0x0,
    date=(0, 0)
  ),
  kids=[
    StringFileInfo([
      StringTable(
        '040904B0',
        [
{rows}
        ])
    ]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])])
  ]
)
"""
