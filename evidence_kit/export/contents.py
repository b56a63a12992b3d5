"""What the bundle holds, and sealing it: every file with its role and hash, manifest.json,
SHA256SUMS and the deterministic zip.

Files are listed as they are made (originals, exhibit renders, upload files, texts, the
PDF); `seal` then writes the manifest and the sums over them and the zip around it all.
"""

from __future__ import annotations

from pathlib import Path

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
from evidence_kit.export.timestamp import TOKEN_NAME, Stamp, Timestamper


class BundleContents:
    """The files to seal (where their bytes are) and their manifest entries, in step."""

    def __init__(self, cancel: CancelToken, timestamper: Timestamper | None = None) -> None:
        self.cancel = cancel
        self.entries: list[BundleEntry] = []
        self.listed: list[M.FileEntry] = []
        self.timestamper = timestamper  # the authority the shopper chose, if any
        self.stamp: Stamp | None = None  # its checked token, once sealed

    def add_originals(self, store: CaseStore, plan: ExportPlan) -> None:
        """The originals the plan seals, already checked against their recorded hashes."""
        numbers = exhibit_numbers(store.case)
        for it in plan.sealed:
            arc = plan.originals[it.id]
            self.entries.append(BundleEntry(arc, store.checked(it, cancel=self.cancel), it.sha256))
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
                    original_name=it.original_name,
                )
            )

    def withheld(self) -> list[dict[str, object]]:
        """The originals as a shareable bundle lists them: exhibit, kind and hash, no name."""
        return [
            {k: v for k, v in (("exhibit", f.exhibit), ("item_id", f.item_id), ("kind", f.kind),
                               ("bytes", f.bytes), ("sha256", f.sha256)) if v is not None}
            for f in self.listed
            if f.role == "original"
        ]  # fmt: skip

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

    def add_outputs(
        self, outputs: list[ExhibitOutput], upload_dir: Path, shareable: bool = False
    ) -> None:
        """Each exhibit's renders and sheets, and its upload file; for a shareable bundle
        also the stand-ins for what only an original holds."""
        for o in outputs:
            for arc, path, role in o.bundle_files + (o.share_files if shareable else []):
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

    def add_texts(self, draft: ClaimDraft, verify: str) -> None:
        """claim.txt (long and short) and VERIFY.txt."""
        short = draft.short or draft.text
        claim_bytes = (
            draft.text.strip() + "\n\n--- Short version ---\n\n" + short.strip() + "\n"
        ).encode("utf-8")
        self.add_bytes("claim.txt", claim_bytes, "claim")
        self.add_bytes("VERIFY.txt", verify.encode("utf-8"), "readme")

    def seal(
        self,
        case: Case,
        case_name: str,
        plan: ExportPlan,
        exported_at: str,
        zip_path: Path,
        progress: ProgressFn,
        withheld: list[dict[str, object]] | None = None,
    ) -> str:
        """Add manifest.json and SHA256SUMS, write the zip; returns the manifest's hash.
        withheld: the originals a shareable bundle lists instead of holding."""
        exhibit_index = [
            {
                "exhibit": ex.number,
                "item_id": ex.item.id,
                "kind": ex.item.kind,
                # a shareable bundle never repeats a title that is still a file's name
                "title": ex.item.title if withheld is None else ex.item.public_title,
                "files": sorted(f.path for f in self.listed if f.item_id == ex.item.id),
            }
            for ex in plan.exhibits
        ]
        doc = M.build_manifest(
            case, case_name, plan.platform, self.listed, exhibit_index, exported_at, withheld
        )
        if self.timestamper is not None:
            # named before hashing, so a bundle whose token was taken out says so
            chosen = self.timestamper.authority
            doc["timestamp"] = {"authority": chosen.name, "url": chosen.url, "token": TOKEN_NAME}
        manifest_bytes = M.canonical_json(doc)
        manifest_digest = M.sha256_hex(manifest_bytes)
        self.entries.append(BundleEntry(M.MANIFEST_NAME, manifest_bytes, manifest_digest))
        if self.timestamper is not None:
            self.cancel.check()
            progress(0.0, f"Asking {self.timestamper.authority.name} for a timestamp")
            self.stamp = self.timestamper.stamp(manifest_bytes)
            token = self.stamp.token
            self.entries.append(BundleEntry(TOKEN_NAME, token, M.sha256_hex(token)))
        sums_bytes = M.sums_text({e.arcname: e.sha256 for e in self.entries})
        self.entries.append(BundleEntry(M.SUMS_NAME, sums_bytes, M.sha256_hex(sums_bytes)))
        write_bundle(self.entries, zip_path, progress, self.cancel)
        return manifest_digest
