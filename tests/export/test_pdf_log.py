"""The activity log in words (pdf_log.py): every action the app writes reads as a sentence,
and an action it does not know yet still reads as words, never as Python."""

from __future__ import annotations

from evidence_kit.core import activity_log
from evidence_kit.core.activity_log import entry_dicts
from evidence_kit.core.model import Case, Facts, Item
from evidence_kit.export.pdf_log import log_rows


def _case() -> Case:
    video = Item("2cc669", "video", "originals/2cc669_unboxing.mp4", "9b" * 32, 119_068, "t",
                 title="Unboxing video")  # fmt: skip
    frame = Item("f00001", "frame", "derived/frames/f.png", "0a" * 32, 5000, "t", parent="2cc669",
                 pts_s=72.5, title="Crack")  # fmt: skip
    case = Case(facts=Facts(platform="ebay"), items=[video, frame])
    log = activity_log.append
    log(case, "case_created", name="Mug")
    log(case, "item_added", item="2cc669", kind="video", source="imported",
        file="originals/2cc669_unboxing.mp4", bytes=119_068, sha256="9b" * 32, parent=None,
        pts_s=None)  # fmt: skip
    log(case, "item_added", item="f00001", kind="frame", source="extracted", file="derived/f.png",
        bytes=5000, sha256="0a" * 32, parent="2cc669", pts_s=72.5)  # fmt: skip
    log(case, "annotation_added", item="f00001", positions=[0, 1, 2], types=["arrow", "redact", "redact"])  # fmt: skip
    log(case, "item_edited", item="f00001", fields=["include", "shows"])
    log(case, "facts_set", platform="ebay", order_id="42", store=None)
    log(case, "claim_set", keys=["reason", "received"])
    log(case, "item_removed", item="gone01", sha256="cd" * 32)
    log(case, "recording_stopped", file="take.mp4", reason="time_limit", duration_s=10.0,
        frames=250, dropped=0, started_at="2026-11-20 14:03:27", checklist=["sealed_parcel"])  # fmt: skip
    log(case, "exported", platform="ebay", bundle="mug-evidence.zip", bundle_sha256="ee" * 32,
        manifest_sha256="ff" * 32, upload_files=3)  # fmt: skip
    log(case, "event_added", id="ev1", kind="seller_replied", date="2026-11-25", amount=3.0,
        reply="offer", items=["2cc669"])  # fmt: skip
    log(case, "dispute_opened", item="2cc669", amount=None, tags=["a", "b"], ok=True)
    return case


def test_each_entry_is_a_sentence() -> None:
    case = _case()
    rows = log_rows(case, entry_dicts(case.log), {"2cc669": "E1", "f00001": "E2"}, str.title)
    lines = [row["text"] for row in rows]
    assert lines[0] == "Case created: Mug."
    assert lines[1] == (
        "Imported: E1 “Unboxing video”, a video, unboxing.mp4, 119 KB, SHA-256 9b9b9b9b9b9b9b9b…"
    )
    assert lines[2].startswith("Taken from the evidence: E2 “Crack”, a frame, f.png, 5 KB, from E1 “Unboxing video” at 00:01:12.500")  # fmt: skip
    assert lines[3] == "1 arrow and 2 masked areas added to E2 “Crack”; the original file is unchanged."  # fmt: skip
    assert lines[4] == "E2 “Crack”: changed whether it is exported and what it shows."
    assert lines[5] == "Order facts set: platform Ebay and order ID 42."
    assert lines[6] == "Claim choices set: the reason and whether the parcel arrived."
    assert lines[7] == (
        "item gone01 moved to the bin, SHA-256 cdcdcdcdcdcdcdcd… (its file is kept until the bin"
        " is emptied)."
    )
    assert lines[8] == (
        "Recording ended (the set time was reached): take.mp4, 00:00:10, 250 frames,"
        " started 2026-11-20 14:03:27; shown on camera: sealed parcel."
    )
    assert lines[9].startswith("Exported for Ebay: the bundle mug-evidence.zip (SHA-256 eeee")
    assert lines[9].endswith("and 3 upload files; manifest SHA-256 ffffffffffffffff…")
    # an action a newer version writes: still words, no None, no brackets
    assert lines[10] == (
        "Dispute event recorded: seller replied on 2026-11-25, amount 3, the seller's reply:"
        " offer, citing E1 “Unboxing video”."
    )
    assert lines[11] == "Dispute opened: item: E1 “Unboxing video”; ok: yes; tags: a, b."
    for line in lines:
        assert "None" not in line and "[" not in line and "=" not in line


def test_a_hand_edited_entry_still_reads_as_words() -> None:
    case = _case()
    rows = entry_dicts(case.log)
    rows[4]["details"] = {"item": "f00001", "fields": 7}  # not a list
    rows[5]["details"] = {"platform": "ebay", "order_id": "42", "step": "step-0007"}
    rows.append({"left_out": 3, "total": 20})
    lines = log_rows(case, rows, {"f00001": "E2"}, str.title)
    assert lines[4]["text"] == "Item edited: fields: 7; item: E2 “Crack”."
    assert lines[5]["text"] == "Order facts set: platform Ebay, order ID 42 and step step-0007."
    assert lines[-1] == {"left_out": 3, "total": 20}
