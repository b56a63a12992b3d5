"""The sealed bundle: verify, sha256sum -c, determinism, tamper detection, hostile zips."""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from evidence_kit.core.errors import UnreadableFileError, UnsafeArchiveError
from evidence_kit.export import zipsafe
from evidence_kit.export.manifest import canonical_json, sha256_hex, sums_text
from evidence_kit.export.run import export_case
from evidence_kit.export.verify import verify_bundle
from tests.factories.export import copy_case, make_case

STAMP = "2026-11-25T10:00:00Z"


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("bundle")
    store = make_case(root / "a")
    pristine = copy_case(store, root / "pristine")  # before the export logs itself
    result = export_case(store, root / "out", exported_at=STAMP)
    return store, pristine, result, root


def _members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def _rezip(
    src: Path, dst: Path, replace: dict[str, bytes | None], add: dict[str, bytes] | None = None
) -> Path:
    """Copy a zip changing, dropping (None) or adding members."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        for info in zin.infolist():
            data = replace.get(info.filename, zin.read(info))
            if data is not None:
                zout.writestr(info, data)
        for name, data in (add or {}).items():
            zout.writestr(name, data)
    return dst


def test_bundle_layout_and_verify(exported) -> None:
    store, _, result, _ = exported
    names = set(_members(result.bundle))
    assert {"manifest.json", "SHA256SUMS", "claim.txt", "summary.pdf", "VERIFY.txt"} <= names
    originals = {n for n in names if n.startswith("originals/")}
    assert len(originals) == len(store.case.items)
    assert any(n.startswith("exhibits/E3_") for n in names)  # the masked render
    assert any(n.endswith("_sheet.jpg") for n in names)  # contact sheet of the video
    report = verify_bundle(result.bundle)
    assert report.ok, report.lines()
    assert report.files_checked == len(names) - 1  # every file but SHA256SUMS itself
    assert report.order_id == "8123456789012345"


def test_originals_are_byte_for_byte(exported) -> None:
    store, _, result, _ = exported
    members = _members(result.bundle)
    manifest = json.loads(members["manifest.json"])
    by_item = {f["item_id"]: f for f in manifest["files"] if f["role"] == "original"}
    for item in store.case.items:
        entry = by_item[item.id]
        assert members[entry["path"]] == store.path_of(item).read_bytes()
        assert entry["sha256"] == item.sha256


def test_sha256sum_check_passes(exported, tmp_path: Path) -> None:
    if not shutil.which("sha256sum"):
        pytest.skip("sha256sum not installed")
    _, _, result, _ = exported
    with zipfile.ZipFile(result.bundle) as zf:
        zf.extractall(tmp_path)
    run = subprocess.run(
        ["sha256sum", "-c", "SHA256SUMS"], cwd=tmp_path, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert run.stdout.count(": OK") == len(zipfile.ZipFile(result.bundle).namelist()) - 1


def test_same_case_gives_same_bytes(exported) -> None:
    _, pristine, result, root = exported
    again = export_case(pristine, root / "out2", exported_at=STAMP, record=False)
    assert again.bundle.read_bytes() == result.bundle.read_bytes()
    later = export_case(pristine, root / "out3", exported_at="2027-01-01T00:00:00Z", record=False)
    first, second = _members(result.bundle), _members(later.bundle)
    assert first.keys() == second.keys()
    differing = {n for n in first if first[n] != second[n]}
    assert differing == {"manifest.json", "SHA256SUMS"}
    m1, m2 = json.loads(first["manifest.json"]), json.loads(second["manifest.json"])
    assert m1.pop("exported_at") != m2.pop("exported_at")
    assert m1 == m2


def test_zip_has_fixed_times_and_sorted_entries(exported) -> None:
    _, _, result, _ = exported
    with zipfile.ZipFile(result.bundle) as zf:
        infos = zf.infolist()
    assert [i.filename for i in infos] == sorted(i.filename for i in infos)
    assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}


def test_one_changed_byte_is_named(exported, tmp_path: Path) -> None:
    _, _, result, _ = exported
    members = _members(result.bundle)
    target = next(n for n in members if n.startswith("originals/") and n.endswith(".jpg"))
    data = bytearray(members[target])
    data[len(data) // 2] ^= 0x01
    bad = _rezip(result.bundle, tmp_path / "bad.zip", {target: bytes(data)})
    report = verify_bundle(bad)
    assert not report.ok
    assert report.changed == [target]
    assert not report.missing and not report.extra


def test_flipped_byte_inside_zip_is_named(exported, tmp_path: Path) -> None:
    """Tampering with the zip bytes directly (bad CRC) still names the file."""
    _, _, result, _ = exported
    raw = bytearray(result.bundle.read_bytes())
    with zipfile.ZipFile(result.bundle) as zf:
        info = next(
            i
            for i in zf.infolist()
            if i.filename.startswith("originals/") and i.filename.endswith(".mp4")
        )
    header = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    raw[header + info.compress_size // 2] ^= 0xFF
    bad = tmp_path / "flipped.zip"
    bad.write_bytes(bytes(raw))
    report = verify_bundle(bad)
    assert report.changed == [info.filename]


def test_missing_and_extra_files(exported, tmp_path: Path) -> None:
    _, _, result, _ = exported
    members = _members(result.bundle)
    gone = next(n for n in members if n.startswith("upload/E2_"))
    bad = _rezip(
        result.bundle, tmp_path / "bad.zip", {gone: None}, add={"originals/planted.jpg": b"x"}
    )
    report = verify_bundle(bad)
    assert report.missing == [gone]
    assert report.extra == ["originals/planted.jpg"]


def test_rewritten_log_is_caught_even_with_fresh_hashes(exported, tmp_path: Path) -> None:
    """A forger who edits a log entry and recomputes every hash still breaks the chain."""
    _, _, result, _ = exported
    members = _members(result.bundle)
    manifest = json.loads(members["manifest.json"])
    manifest["log"][1]["details"]["file"] = "originals/other.jpg"
    new_manifest = canonical_json(manifest)
    sums = {}
    for line in members["SHA256SUMS"].decode().splitlines():
        digest, name = line.split("  ", 1)
        sums[name] = digest
    sums["manifest.json"] = sha256_hex(new_manifest)
    bad = _rezip(
        result.bundle,
        tmp_path / "bad.zip",
        {"manifest.json": new_manifest, "SHA256SUMS": sums_text(sums)},
    )
    report = verify_bundle(bad)
    assert not report.changed
    assert any("altered" in p for p in report.log_problems)


def _hostile(path: Path, name: str, data: bytes = b"x", symlink: bool = False) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("manifest.json", b"{}")
        info = zipfile.ZipInfo(name)
        if symlink:
            info.external_attr = (0o120777) << 16
        zf.writestr(info, data)
    return path


@pytest.mark.parametrize(
    ("name", "symlink", "why"),
    [
        ("/etc/evil", False, "absolute"),
        ("../../evil.txt", False, "'..'"),
        ("originals/../../evil", False, "'..'"),
        ("C:/evil.txt", False, "absolute"),
        ("originals/link", True, "symbolic link"),
    ],
)
def test_hostile_zip_is_refused_without_writing(
    tmp_path: Path, name: str, symlink: bool, why: str
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    bad = _hostile(work / "bad.zip", name, b"/etc/passwd" if symlink else b"x", symlink)
    before = sorted(p.name for p in tmp_path.rglob("*"))
    with pytest.raises(UnsafeArchiveError, match=why):
        verify_bundle(bad)
    assert sorted(p.name for p in tmp_path.rglob("*")) == before


def test_zip_bomb_ratio_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bad, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("manifest.json", b"{}")
        zf.writestr("originals/zeros.bin", b"\0" * (20 * 1024 * 1024))
    with pytest.raises(UnsafeArchiveError, match="zip bomb"):
        verify_bundle(bad)


def test_too_many_entries_and_too_big_are_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = tmp_path / "many.zip"
    with zipfile.ZipFile(bad, "w") as zf:
        for n in range(30):
            zf.writestr(f"f{n}.txt", b"abc" * 100)
    monkeypatch.setattr(zipsafe, "MAX_ENTRIES", 20)
    with pytest.raises(UnsafeArchiveError, match="entries"):
        verify_bundle(bad)
    monkeypatch.setattr(zipsafe, "MAX_ENTRIES", 1000)
    monkeypatch.setattr(zipsafe, "MAX_TOTAL_BYTES", 5000)
    with pytest.raises(UnsafeArchiveError, match="expand"):
        verify_bundle(bad)


def test_not_a_zip_or_not_a_bundle(tmp_path: Path) -> None:
    junk = tmp_path / "junk.zip"
    junk.write_bytes(b"not a zip at all")
    with pytest.raises(UnreadableFileError):
        verify_bundle(junk)
    other = tmp_path / "other.zip"
    with zipfile.ZipFile(other, "w") as zf:
        zf.writestr("readme.txt", "hello")
    with pytest.raises(UnreadableFileError, match="not an evidence bundle"):
        verify_bundle(other)
