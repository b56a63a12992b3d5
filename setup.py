"""The package list for setuptools (everything else is in pyproject.toml).

The runtime assets live in the top-level resources/ folder and install as evidence_kit.resources.
pyproject's `packages.find` cannot see that folder under its installed name, so the packages are
listed here: the evidence_kit tree, plus resources/ and each folder inside it (pyproject's
package-data then takes every file in them).
"""

from setuptools import find_namespace_packages, find_packages, setup

ASSETS = [
    "evidence_kit.resources",
    *(f"evidence_kit.resources.{name}" for name in find_namespace_packages("resources")),
]

setup(packages=[*find_packages(include=["evidence_kit*"]), *ASSETS])
