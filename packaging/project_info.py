"""The facts every packaging step shares, read once from pyproject.toml and the package.

Name, version, description, licence and home page come from pyproject.toml (the version from
the attribute it names), so the spec, the installers, the notices and the tests never repeat
them. Run directly it prints them as JSON, which the CI workflow reads.
"""

from __future__ import annotations

import ast
import json
import sys
import tomllib
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"

#: what shoppers see: the windowed launcher, the Start-menu entry, the .app
DISPLAY_NAME = "Evidence Kit"
#: the console command, beside the launcher in the same bundle
CLI_NAME = "evidence-kit"


@dataclass(frozen=True)
class ProjectInfo:
    """What the packaging steps need to know about the project."""

    name: str
    version: str
    description: str
    license: str
    homepage: str
    app_id: str
    display_name: str = DISPLAY_NAME
    cli_name: str = CLI_NAME

    @property
    def version_tuple(self) -> tuple[int, int, int, int]:
        """The version as four integers, as Windows version resources want it."""
        numbers = [
            int("".join(c for c in part if c.isdigit()) or 0) for part in self.version.split(".")
        ]
        return tuple((numbers + [0, 0, 0, 0])[:4])  # type: ignore[return-value]


def _constant(attr: str) -> str:
    """Read `module.NAME` (a string constant) from the source without importing the package."""
    module, _, name = attr.rpartition(".")
    source = (ROOT / Path(*module.split(".")) / "__init__.py").read_text(encoding="utf-8")
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == name for t in node.targets
        ):
            return str(ast.literal_eval(node.value))
    raise LookupError(f"{attr} is not assigned in {module}")


def load() -> ProjectInfo:
    """The project's facts from pyproject.toml."""
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    project = data["project"]
    version = project.get("version") or _constant(
        data["tool"]["setuptools"]["dynamic"]["version"]["attr"]
    )
    return ProjectInfo(
        name=project["name"],
        version=version,
        description=project["description"],
        license=project["license"],
        homepage=project["urls"]["Homepage"],
        app_id=_constant("evidence_kit.APP_ID"),
    )


if __name__ == "__main__":
    sys.stdout.write(json.dumps(asdict(load()), indent=2) + "\n")
