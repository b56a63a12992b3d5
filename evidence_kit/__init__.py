"""Evidence Kit: prepare the evidence for an online-order dispute."""

__version__ = "0.1.0"
#: reverse-DNS id: the Linux desktop entry and metainfo (Qt's desktop file name), the macOS
#: bundle id; packaging/project_info.py reads it from here
APP_ID = "io.github.evidencekit.EvidenceKit"
