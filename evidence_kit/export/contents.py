"""What the bundle holds, and sealing it: every file with its role and hash, manifest.json,
SHA256SUMS and the deterministic zip.

Files are listed as they are made (originals, exhibit renders, upload files, texts, the
PDF); `seal` then writes the manifest and the sums over them and the zip around it all.
"""

from __future__ import annotations

from pathlib import Path

from evidence_kit import __version__
from evidence_kit.claim.draft import ClaimDraft
from evidence_kit.core.hashing import sha256_file
from evidence_kit.core.model import Case, exhibit_numbers
from evidence_kit.core.store import CaseStore
from evidence_kit.core.tasks import CancelToken, ProgressFn
from evidence_kit.export import manifest as M
from evidence_kit.export.bundle import BundleEntry, write_bundle
from evidence_kit.export.exhibits import ExhibitOutput
from evidence_kit.export.naming import media_type
from evidence_kit.export.plan import Exhibit, ExportPlan


class BundleContents:
    """The files to seal (where their bytes are) and their manifest entries, in step."""

    def __init__(self, cancel: CancelToken) -> None:
        self.cancel = cancel
        self.entries: list[BundleEntry] = []
        self.listed: list[M.FileEntry] = []

    def add_originals(self, store: CaseStore, plan: ExportPlan) -> None:
        """The originals the plan seals, already checked against their recorded hashes."""
        numbers = exhibit_numbers(store.case)
        for it in plan.sealed:
            arc = plan.originals[it.id]
            self.entries.append(BundleEntry(arc, store.path_of(it), it.sha256))
            self.listed.append(
                M.FileEntry(
                    path=arc,
                    bytes=it.bytes,
                    sha256=it.sha256,
                    role="original",
                    media_type=media_type(arc),
                    item_id=it.id,
                    exhibit=numbers.get(it.id),
                    kind=it.kind,
                    parent=it.parent,
                    captured_at=it.captured_at,
                    pts_s=it.pts_s,
                    end_s=it.end_s,
                )
            )

    def add_file(
        self, arc: str, path: Path, role: str, ex: Exhibit | None = None, note: str = ""
    ) -> None:
        """A file the export made, hashed now."""
        digest = sha256_file(path, cancel=self.cancel)
        self.entries.append(BundleEntry(arc, path, digest))
        it = ex.item if ex else None
        self.listed.append(
            M.FileEntry(
                path=arc,
                bytes=path.stat().st_size,
                sha256=digest,
                role=role,
                media_type=media_type(arc),
                item_id=it.id if it else None,
                exhibit=ex.number if ex else None,
                kind=it.kind if it else None,
                parent=it.parent if it else None,
                pts_s=it.pts_s if it else None,
                end_s=it.end_s if it else None,
                note=note,
            )
        )

    def add_outputs(self, outputs: list[ExhibitOutput], upload_dir: Path) -> None:
        """Each exhibit's renders and sheets, and its upload file."""
        for o in outputs:
            for arc, path, role in o.bundle_files:
                self.add_file(arc, path, role, o.exhibit)
            if o.upload is not None:
                self.add_file(
                    f"upload/{o.upload.name}",
                    upload_dir / o.upload.name,
                    "upload",
                    o.exhibit,
                    o.upload.note,
                )

    def add_bytes(self, arc: str, data: bytes, role: str) -> None:
        """A text made in memory."""
        digest = M.sha256_hex(data)
        self.entries.append(BundleEntry(arc, data, digest))
        self.listed.append(
            M.FileEntry(
                path=arc, bytes=len(data), sha256=digest, role=role, media_type=media_type(arc)
            )
        )

    def add_texts(self, draft: ClaimDraft, bundle_name: str) -> None:
        """claim.txt (long and short) and VERIFY.txt."""
        short = draft.short or draft.text
        claim_bytes = (
            draft.text.strip() + "\n\n--- Short version ---\n\n" + short.strip() + "\n"
        ).encode("utf-8")
        self.add_bytes("claim.txt", claim_bytes, "claim")
        self.add_bytes("VERIFY.txt", verify_text(bundle_name).encode("utf-8"), "readme")

    def seal(
        self,
        case: Case,
        case_name: str,
        plan: ExportPlan,
        exported_at: str,
        zip_path: Path,
        progress: ProgressFn,
    ) -> str:
        """Add manifest.json and SHA256SUMS, write the zip; returns the manifest's hash."""
        exhibit_index = [
            {
                "exhibit": ex.number,
                "item_id": ex.item.id,
                "kind": ex.item.kind,
                "title": ex.item.title,
                "files": sorted(f.path for f in self.listed if f.item_id == ex.item.id),
            }
            for ex in plan.exhibits
        ]
        doc = M.build_manifest(
            case, case_name, plan.platform, self.listed, exhibit_index, exported_at
        )
        manifest_bytes = M.canonical_json(doc)
        manifest_digest = M.sha256_hex(manifest_bytes)
        self.entries.append(BundleEntry(M.MANIFEST_NAME, manifest_bytes, manifest_digest))
        sums_bytes = M.sums_text({e.arcname: e.sha256 for e in self.entries})
        self.entries.append(BundleEntry(M.SUMS_NAME, sums_bytes, M.sha256_hex(sums_bytes)))
        write_bundle(self.entries, zip_path, progress, self.cancel)
        return manifest_digest


def verify_text(bundle_name: str) -> str:
    """VERIFY.txt: how anyone can check the bundle, and what that proves."""
    return f"""How to verify this evidence bundle
==================================

{bundle_name} was sealed by Evidence Kit {__version__}. manifest.json lists every file
with its size, role and SHA-256 hash; SHA256SUMS lists the same hashes in the format the
standard tools read, and also covers manifest.json itself.

1. Unzip the bundle into an empty folder and open a terminal there.
2. Check every file with a standard tool (every line must end in OK):
     Linux:    sha256sum -c SHA256SUMS
     macOS:    shasum -a 256 -c SHA256SUMS
     Windows:  certutil -hashfile originals\\<file> SHA256
               (compare the output with that file's line in SHA256SUMS)
3. Or let Evidence Kit check the zip as it is (nothing is extracted):
     evidence-kit verify {bundle_name}
   It also re-checks the activity log: each entry in manifest.json "log" holds the hash
   of the entry before it, so an entry that was changed, removed or reordered is reported.

What this proves: no file in the bundle has changed since it was sealed, and the files in
originals/ are byte for byte the files imported into the case (their hashes were recorded
at import and checked again before sealing).
What it does not prove: who made the bundle or when. There is no signature or trusted
timestamp; the activity log times come from the shopper's computer clock.

Roles: originals/ untouched imports; exhibits/ annotated or masked renders and contact
sheets; upload/ exactly the files prepared for the dispute form; claim.txt the claim text;
summary.pdf the human summary.
"""
