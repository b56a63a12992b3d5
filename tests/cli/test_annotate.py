"""`case annotate`, `render`, `case compare` and `case suggest` through the real command line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from tests.factories.media import make_pdf, make_photo


def ek(*args: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "evidence_kit", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def case(tmp_path: Path) -> tuple[Path, str]:
    folder = tmp_path / "case"
    assert ek("case", "new", folder, "--platform", "ebay", "--order-id", "42").returncode == 0
    photo = make_photo(tmp_path / "crack.jpg", size=(320, 240))
    done = ek("case", "add", folder, photo, "--json")
    assert done.returncode == 0, done.stderr
    return folder, json.loads(done.stdout)["items"][0]["id"]


def test_annotate_then_show_and_render(case: tuple[Path, str], tmp_path: Path) -> None:
    folder, item = case
    arrow = '{"type": "arrow", "points": [[10, 10], [100, 60]], "width": 6}'
    done = ek("case", "annotate", folder, item, arrow, "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["index"] == 1
    assert (
        ek(
            "case", "annotate", folder, "E1", '{"type": "redact", "rect": [160, 120, 80, 60]}'
        ).returncode
        == 0
    )
    marker = ek("case", "annotate", folder, item, '{"type": "marker", "at": [40, 200]}', "--json")
    assert json.loads(marker.stdout)["annotation"]["number"] == 1  # numbered for you
    shown = json.loads(ek("case", "show", folder, "--json").stdout)
    anns = shown["items"][0]["annotations"]
    assert [a["type"] for a in anns] == ["arrow", "redact", "marker"]
    assert anns[1]["style"] == "solid"
    out = tmp_path / "out.png"
    done = ek("render", folder, item, "-o", out, "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["width"] == 320
    arr = np.asarray(Image.open(out).convert("RGB"))
    assert (arr[125:175, 165:235] == 0).all()  # the mask
    assert not Image.open(out).getexif() and b"TestCam" not in out.read_bytes()


def test_render_jpeg_and_preview_size(case: tuple[Path, str], tmp_path: Path) -> None:
    folder, item = case
    out = tmp_path / "small.jpg"
    assert ek("render", folder, item, "-o", out, "--max-side", "100").returncode == 0
    img = Image.open(out)
    assert img.format == "JPEG" and max(img.size) == 100 and not img.getexif()


@pytest.mark.parametrize(
    "payload",
    [
        '{"type": "arrow"',
        '{"type": "blur", "rect": [0, 0, 1, 1]}',
        '{"type": "rect", "rect": [0, 0]}',
        "[1, 2]",
    ],
)
def test_bad_annotation_is_one_line_exit_2(case: tuple[Path, str], payload: str) -> None:
    folder, item = case
    before = (folder / "case.json").read_bytes()
    done = ek("case", "annotate", folder, item, payload)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert json.loads((folder / "case.json").read_bytes())["items"] == json.loads(before)["items"]


def test_pdf_and_unknown_items_are_refused(case: tuple[Path, str], tmp_path: Path) -> None:
    folder, _ = case
    pdf = json.loads(ek("case", "add", folder, make_pdf(tmp_path / "r.pdf"), "--json").stdout)[
        "items"
    ][0]["id"]
    for args in (
        ("case", "annotate", folder, pdf, '{"type": "redact", "rect": [0, 0, 5, 5]}'),
        ("render", folder, pdf, "-o", tmp_path / "x.png"),
        ("render", folder, "E9", "-o", tmp_path / "x.png"),
    ):
        done = ek(*args)
        assert done.returncode == 2 and "Traceback" not in done.stderr and done.stderr.strip()


def test_render_refuses_unknown_suffix_and_missing_folder(
    case: tuple[Path, str], tmp_path: Path
) -> None:
    folder, item = case
    assert ek("render", folder, item, "-o", tmp_path / "x.gif").returncode == 2
    assert ek("render", folder, item, "-o", tmp_path / "nope" / "x.png").returncode == 2


def test_compare_adds_an_extracted_exhibit(case: tuple[Path, str], tmp_path: Path) -> None:
    folder, received = case
    listing = tmp_path / "listing.png"
    Image.new("RGB", (200, 150), (30, 90, 220)).save(listing)
    listed = json.loads(ek("case", "add", folder, listing, "--json").stdout)["items"][0]["id"]
    done = ek("case", "compare", folder, listed, received, "--json")
    assert done.returncode == 0, done.stderr
    new = json.loads(done.stdout)
    shown = json.loads(ek("case", "show", folder, "--json").stdout)
    item = next(it for it in shown["items"] if it["id"] == new["item"])
    assert item["kind"] == "photo" and item["source"] == "extracted" and item["parent"] == received
    assert (folder / item["file"]).is_file()


def test_suggest_lists_and_accepts(tmp_path: Path) -> None:
    import cv2

    folder = tmp_path / "case"
    ek("case", "new", folder, "--platform", "ebay", "--order-id", "42")
    canvas = np.full((500, 700, 3), 255, np.uint8)
    qr = cv2.QRCodeEncoder.create().encode("Jane Doe, 12 Example Street")
    qr = cv2.resize(qr, None, fx=8, fy=8, interpolation=cv2.INTER_NEAREST)
    canvas[100 : 100 + qr.shape[0], 100 : 100 + qr.shape[1]] = qr[..., None]
    label = tmp_path / "label.png"
    Image.fromarray(canvas).save(label)
    item = json.loads(ek("case", "add", folder, label, "--json").stdout)["items"][0]["id"]
    done = ek("case", "suggest", folder, item, "--json")
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)["suggestions"]
    qr_n = next(s["number"] for s in found if s["kind"] == "qr")
    assert json.loads(ek("case", "show", folder, "--json").stdout)["items"][0]["annotations"] == []
    assert ek("case", "suggest", folder, item, "--accept", str(qr_n)).returncode == 0
    anns = json.loads(ek("case", "show", folder, "--json").stdout)["items"][0]["annotations"]
    assert [a["type"] for a in anns] == ["redact"]
    assert ek("case", "suggest", folder, item, "--accept", "99").returncode == 2
