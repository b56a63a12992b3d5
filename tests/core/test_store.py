"""Case store: round trips, validation naming the field, atomic saves, migrations."""

from __future__ import annotations

import json
import os
from dataclasses import asdict, replace
from pathlib import Path

import pytest

from evidence_kit.core import activity_log, case_ops
from evidence_kit.core.errors import (
    CaseCorruptError,
    CaseExistsError,
    CaseNotFoundError,
    CaseReadOnlyError,
    DiskFullError,
    EvidenceKitError,
    InvalidValueError,
    SchemaTooNewError,
)
from evidence_kit.core.model import SCHEMA_VERSION, Case, Item, exhibit_numbers
from evidence_kit.core.store import CaseStore, new_case
from tests.factories.disk import mounted_tmpfs, remount

HASH = "ab" * 32


def _item(item_id: str, **kw: object) -> Item:
    return Item(id=item_id, kind="photo", file=f"originals/{item_id}.jpg", sha256=HASH, bytes=10,
                imported_at="2026-11-20T10:00:00Z", **kw)  # type: ignore[arg-type]  # fmt: skip


def test_new_case_has_the_design_layout_and_keys(tmp_path: Path) -> None:
    store = new_case(
        tmp_path / "Кейс заказа 1",
        platform="AliExpress",
        order_id="8123",
        price="12,50",
        currency="usd",
    )
    for sub in ("originals", "extracted", "derived", "exports"):
        assert (store.root / sub).is_dir()
    doc = json.loads((store.root / "case.json").read_text(encoding="utf-8"))
    assert {"schema_version", "facts", "items", "claim", "bin", "log_head"} <= set(doc)
    assert doc["schema_version"] == SCHEMA_VERSION
    assert doc["facts"]["platform"] == "aliexpress"
    assert doc["facts"]["price"] == 12.5 and doc["facts"]["currency"] == "USD"
    [created] = log_lines(store.root)
    assert created["action"] == "case_created"
    assert doc["log_head"] == {"entries": 1, "hash": created["hash"]}


def test_round_trip_keeps_every_field(tmp_path: Path) -> None:
    store = new_case(tmp_path / "c", platform="ebay", order_id="1")
    item = _item("a1", title="Crack", annotations=[{"type": "arrow", "points": [[1, 2], [3, 4]]}],
                 crop=[1, 2, 3, 4], rotate=90, parent=None, meta={"width": 4})  # fmt: skip
    case_ops.add_items(store.case, [item])
    case_ops.set_values(
        store.case, {"reason": "damaged", "received": "yes", "refund_percent": "40%"}
    )
    store.save()
    again = CaseStore.open(store.root)
    assert again.case.to_dict() == store.case.to_dict()
    assert again.case.claim["received"] is True and again.case.claim["refund_percent"] == 40.0


def test_create_refuses_to_overwrite(tmp_path: Path) -> None:
    new_case(tmp_path / "c", platform="ebay", order_id="1")
    with pytest.raises(CaseExistsError):
        new_case(tmp_path / "c", platform="ebay", order_id="2")


@pytest.mark.parametrize(
    ("mutate", "field"),
    [
        (lambda d: d["items"][0].update(sha256="xyz"), "items[0].sha256"),
        (lambda d: d["items"][0].update(kind="hologram"), "items[0].kind"),
        (lambda d: d["items"][0].pop("bytes"), "items[0].bytes"),
        (lambda d: d["items"][0].update(file="../../etc/passwd"), "items[0].file"),
        (lambda d: d["items"][0].update(include="yes"), "items[0].include"),
        (lambda d: d["facts"].update(platform="mars"), "facts.platform"),
        (lambda d: d["facts"].update(ordered="20 Nov"), "facts.ordered"),
        (lambda d: d["facts"].update(price="cheap"), "facts.price"),
        (lambda d: d.pop("items"), "items"),
        (lambda d: d.update(log_head={"entries": "one"}), "log_head"),
        (lambda d: d.update(log=[]), "log"),
    ],
)
def test_validation_names_the_bad_field_and_leaves_the_file(
    tmp_path: Path, mutate, field: str
) -> None:
    store = new_case(tmp_path / "c", platform="ebay", order_id="1")
    case_ops.add_items(store.case, [_item("a1")])
    store.save()
    doc = json.loads(store.case_file.read_text())
    mutate(doc)
    raw = json.dumps(doc).encode()
    store.case_file.write_bytes(raw)
    with pytest.raises(CaseCorruptError) as info:
        CaseStore.open(store.root)
    assert info.value.field == field
    assert field in str(info.value)
    assert store.case_file.read_bytes() == raw


def test_corrupt_json_and_missing_case(tmp_path: Path) -> None:
    store = new_case(tmp_path / "c", platform="ebay", order_id="1")
    store.case_file.write_bytes(b'{"schema_version": 2, "facts": {')
    with pytest.raises(CaseCorruptError, match="not valid JSON"):
        CaseStore.open(store.root)
    with pytest.raises(CaseNotFoundError):
        CaseStore.open(tmp_path / "nowhere")


def test_newer_schema_is_refused_untouched(tmp_path: Path) -> None:
    store = new_case(tmp_path / "c", platform="ebay", order_id="1")
    doc = json.loads(store.case_file.read_text())
    doc["schema_version"] = SCHEMA_VERSION + 1
    raw = json.dumps(doc).encode()
    store.case_file.write_bytes(raw)
    with pytest.raises(SchemaTooNewError, match="newer"):
        CaseStore.open(store.root)
    assert store.case_file.read_bytes() == raw
    assert not (store.root / "case.json.bak").exists()


def test_migration_from_v1_keeps_a_backup(tmp_path: Path) -> None:
    root = tmp_path / "old"
    (root / "originals").mkdir(parents=True)
    v1 = {"schema_version": 1, "facts": {"platform": "ebay", "order_id": "9", "price": "12,50 eur"},
          "items": [], "claim": {}, "log": []}  # fmt: skip
    raw = json.dumps(v1).encode()
    (root / "case.json").write_bytes(raw)
    store = CaseStore.open(root)
    assert store.case.facts.price == 12.5 and store.case.facts.currency == "EUR"
    assert (root / "case.json.bak").read_bytes() == raw
    doc = json.loads((root / "case.json").read_text())
    assert doc["schema_version"] == SCHEMA_VERSION
    assert log_lines(root)[-1]["action"] == "schema_migrated"
    assert activity_log.verify_chain(store.case.log) == []


def test_migration_from_v2_moves_the_log_out_of_case_json(tmp_path: Path) -> None:
    store = new_case(tmp_path / "c", platform="ebay", order_id="1")
    case_ops.set_values(store.case, {"item": "Лампа"})
    v2 = dict(store.case.to_dict(), schema_version=2)
    raw = json.dumps(v2).encode()
    store.case_file.write_bytes(raw)
    store.log_file.write_bytes(b"left over from an interrupted migration\n")
    again = CaseStore.open(store.root)
    assert (store.root / "case.json.bak").read_bytes() == raw
    assert [e["action"] for e in log_lines(store.root)] == [
        "case_created",
        "facts_set",
        "schema_migrated",
    ]
    assert "log" not in json.loads(store.case_file.read_text())
    assert CaseStore.open(store.root).case.to_dict() == again.case.to_dict()


def test_save_is_atomic_when_the_write_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = new_case(tmp_path / "c", platform="ebay", order_id="1")
    before = store.case_file.read_bytes()
    case_ops.set_values(store.case, {"item": "changed"})

    def boom(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", boom)
    with pytest.raises(DiskFullError):
        store.save()
    assert store.case_file.read_bytes() == before
    assert [p.name for p in store.root.iterdir() if p.name.startswith(".case.")] == []


def test_full_disk_on_a_real_tmpfs(tmp_path: Path) -> None:
    with mounted_tmpfs(tmp_path / "disk", size="64k") as disk:
        store = new_case(disk / "c", platform="ebay", order_id="1")
        before = store.case_file.read_bytes()
        case_ops.set_values(store.case, {"item": "x" * 200_000})
        with pytest.raises(DiskFullError):
            store.save()
        assert store.case_file.read_bytes() == before
        assert CaseStore.open(store.root).case.facts.item == ""


def test_read_only_disk_gives_a_named_error(tmp_path: Path) -> None:
    with mounted_tmpfs(tmp_path / "disk", size="1m") as disk:
        store = new_case(disk / "c", platform="ebay", order_id="1")
        remount(disk, read_only=True)
        reopened = CaseStore.open(store.root)  # reading still works
        with pytest.raises(CaseReadOnlyError):
            reopened.check_writable()
        case_ops.set_values(reopened.case, {"item": "x"})
        with pytest.raises(CaseReadOnlyError):
            reopened.save()
        remount(disk, read_only=False)


def test_exhibit_numbers_follow_order_and_skip_excluded() -> None:
    case = Case()
    case_ops.add_items(case, [_item("a"), _item("b"), _item("c")])
    case_ops.set_item_fields(case, "b", include=False)
    case_ops.move_item(case, "c", 0)
    assert exhibit_numbers(case) == {"c": "E1", "a": "E2"}
    assert case.item("E2").id == "a"


def log_lines(root: Path) -> list[dict]:
    return [json.loads(line) for line in (root / "activity-log.jsonl").read_text().splitlines()]


def test_a_save_appends_only_its_new_log_entries(tmp_path: Path) -> None:
    store = new_case(tmp_path / "c", platform="ebay", order_id="1")
    for n in range(3):
        before = store.log_file.read_bytes()
        case_ops.set_values(store.case, {"item": f"Лампа {n}"})
        store.save()
        after = store.log_file.read_bytes()
        assert after.startswith(before) and after.count(b"\n") == before.count(b"\n") + 1
    assert log_lines(store.root) == [asdict(e) for e in store.case.log]
    assert activity_log.verify_chain(log_lines(store.root)) == []
    assert CaseStore.open(store.root).case.to_dict() == store.case.to_dict()


def test_lines_an_interrupted_save_left_are_never_read_and_then_cut(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = new_case(tmp_path / "c", platform="ebay", order_id="1")
    named = store.case_file.read_bytes()
    case_ops.set_values(store.case, {"item": "lost in the crash"})
    real = os.replace
    monkeypatch.setattr(os, "replace", lambda *a: (_ for _ in ()).throw(OSError(5, "I/O error")))
    with pytest.raises(EvidenceKitError):
        store.save()  # the log line is on disk, case.json was not replaced
    monkeypatch.setattr(os, "replace", real)
    assert store.case_file.read_bytes() == named and len(log_lines(store.root)) == 2
    again = CaseStore.open(store.root)
    assert [e.action for e in again.case.log] == ["case_created"]
    case_ops.set_values(again.case, {"item": "kept"})
    again.save()
    assert [e["details"] for e in log_lines(store.root)][1:] == [{"item": "kept"}]


@pytest.mark.parametrize(
    ("damage", "field"),
    [
        (lambda p: p.unlink(), "log"),
        (lambda p: p.write_bytes(p.read_bytes()[:-1]), "log[1]"),
        (lambda p: p.write_bytes(p.read_bytes().replace(b'"seq": 2', b'"seq": 2,,')), "log[1]"),
        (lambda p: p.write_bytes(p.read_bytes().replace(b'"hash": "', b'"hush": "', 1)), "log[0].hash"),
    ],
)  # fmt: skip
def test_a_damaged_log_file_is_named_and_left_alone(tmp_path: Path, damage, field: str) -> None:
    store = new_case(tmp_path / "c", platform="ebay", order_id="1")
    case_ops.set_values(store.case, {"item": "x"})
    store.save()
    damage(store.log_file)
    before = (
        store.case_file.read_bytes(),
        store.log_file.read_bytes() if store.log_file.exists() else b"",
    )
    with pytest.raises(CaseCorruptError) as info:
        CaseStore.open(store.root)
    assert info.value.field == field
    assert "activity-log.jsonl" in str(info.value)
    after = (
        store.case_file.read_bytes(),
        store.log_file.read_bytes() if store.log_file.exists() else b"",
    )
    assert after == before


def test_the_log_in_memory_can_only_grow(tmp_path: Path) -> None:
    store = new_case(tmp_path / "c", platform="ebay", order_id="1")
    store.case.log[0] = replace(store.case.log[0], action="rewritten", hash="0" * 64)
    with pytest.raises(EvidenceKitError, match="only grow"):
        store.save()


@pytest.mark.parametrize(
    ("key", "value"),
    [("price", "abc"), ("currency", "dollars"), ("ordered", "yesterday"), ("platform", "wish"),
     ("received", "maybe"), ("reason", "angry"), ("refund_percent", "150"), ("colour", "red")],
)  # fmt: skip
def test_bad_values_change_nothing(key: str, value: str) -> None:
    case = Case()
    before = case.to_dict()
    with pytest.raises(InvalidValueError):
        case_ops.set_values(case, {"item": "ok", key: value})
    assert case.to_dict() == before
