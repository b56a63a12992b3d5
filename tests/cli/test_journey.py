"""One shopper's whole evening through the real CLI: case, import, grab, mask, claim,
export, verify. Each step uses what the one before produced."""

from __future__ import annotations

import json
import subprocess
import zipfile
from pathlib import Path

from PIL import Image

from evidence_kit.claim.rules import upload_limits
from tests.factories.cli import run_cli, run_json
from tests.factories.media import make_photo, make_video


def test_from_unboxing_to_a_verified_bundle(tmp_path: Path) -> None:
    case = tmp_path / "Заказ 8123"
    run_cli("case", "new", case, "--platform", "aliexpress", "--order-id", "8123", "--item", "Mug",
            "--price", "12.50", "--currency", "USD", "--delivered", "2026-11-20", check=True)  # fmt: skip
    video = make_video(tmp_path / "unboxing.mp4", seconds=3, audio=True)
    label = make_photo(tmp_path / "label.jpg", size=(800, 600))
    added = run_json("case", "add", case, video, label)["items"]
    video_id, label_id = added[0]["id"], added[1]["id"]

    run_cli("case", "grab", case, video_id, "--at", "1.5", check=True)
    redact = {"type": "redact", "rect": [0, 0, 400, 300], "style": "solid"}
    run_cli("case", "annotate", case, label_id, json.dumps(redact), check=True)
    run_cli("case", "set", case, "received=yes", "reason=damaged", "remedy=full_refund", check=True)

    doc = run_json("case", "show", case)
    frame = next(i for i in doc["items"] if i["kind"] == "frame")
    assert frame["parent"] == video_id and abs(frame["pts_s"] - 1.5) < 0.05
    (mask,) = doc["items"][1]["annotations"]
    assert mask["type"] == "redact" and mask["rect"] == [0, 0, 400, 300]

    claim = run_json("claim", case)
    assert "E3" in claim["text"] and "00:00:01" in claim["text"]  # the frame is cited with its time
    assert "masked" in claim["text"]
    assert len(claim["short"]) <= claim["limit"]

    out = tmp_path / "out"
    result = run_json("export", case, "-o", out)
    bundle, upload = Path(result["bundle"]), Path(result["upload_dir"])
    assert run_cli("verify", bundle).returncode == 0
    unpacked = tmp_path / "unpacked"
    zipfile.ZipFile(bundle).extractall(unpacked)
    check = subprocess.run(
        ["sha256sum", "-c", "--quiet", "SHA256SUMS"], cwd=unpacked, capture_output=True, text=True
    )
    assert check.returncode == 0, check.stdout + check.stderr

    limits = upload_limits("aliexpress")
    uploads = sorted(p for p in upload.iterdir() if p.name.startswith("E"))
    assert [p.name[:3] for p in uploads] == ["E1_", "E2_", "E3_"]
    masked = next(p for p in uploads if p.name.startswith("E2_"))
    with Image.open(masked) as img:
        assert not img.getexif()
        assert (
            max(img.convert("L").crop((0, 0, 384, 284)).getextrema()) < 8
        )  # the mask is in the pixels (JPEG ringing aside at its edge)
    for p in uploads:
        assert p.stat().st_size <= (
            limits.video_max_bytes if p.suffix == ".mp4" else limits.image_max_bytes
        )
