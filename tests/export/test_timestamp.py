"""The opt-in RFC 3161 timestamp (issue 14, item 12), against a real local authority.

The authority runs on 127.0.0.1 with keys made by `cryptography` and OpenSSL's own signer:
a good token, a token for another hash, an expired certificate and an untrusted one. Only
the manifest's hash is ever sent, and nothing is sent unless the shopper asked.
"""

from __future__ import annotations

import hashlib
import json
import socket
import subprocess
import zipfile
from pathlib import Path

import pytest

from evidence_kit.core.errors import ExportError, NetworkError
from evidence_kit.core.settings import Settings
from evidence_kit.export.run import export_case
from evidence_kit.export.timestamp import TOKEN_NAME, Timestamper, authority, load_roots
from evidence_kit.export.verify import verify_bundle
from tests.factories.cli import run_cli
from tests.factories.export import make_case
from tests.factories.rebundle import rebundle
from tests.factories.tsa import local_authority, reply

pytestmark = pytest.mark.localhost


@pytest.fixture(scope="module")
def tsa():
    with local_authority() as running:
        yield running


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory):
    return make_case(tmp_path_factory.mktemp("ts") / "c", frame=False)


def _stamper(tsa) -> Timestamper:
    return Timestamper(authority(tsa.url), load_roots([tsa.root_pem]))


def _export(store, tsa, out: Path, mode: str = "good"):
    tsa.mode[0] = mode
    return export_case(store, out, upload=False, record=False, timestamp=_stamper(tsa))


def _roots(tsa) -> list:
    return load_roots([tsa.root_pem])


def test_a_good_token_seals_the_bundle_and_verify_says_when(store, tsa, tmp_path: Path) -> None:
    sent_before = len(tsa.requests)
    result = _export(store, tsa, tmp_path / "out")
    with zipfile.ZipFile(result.bundle) as zf:
        manifest = zf.read("manifest.json")
        assert TOKEN_NAME in zf.namelist()
        sums = zf.read("SHA256SUMS").decode()
    assert f"  {TOKEN_NAME}\n" in sums  # sha256sum -c covers the token too
    assert json.loads(manifest)["timestamp"]["url"] == tsa.url
    # one request, and all it carried of the case is the manifest's hash
    (query,) = tsa.requests[sent_before:]
    assert hashlib.sha256(manifest).digest() in query and len(query) < 200
    report = verify_bundle(result.bundle, trust_roots=_roots(tsa))
    assert report.ok, report.lines()
    assert report.timestamp.startswith("sealed no later than ")
    assert report.timestamp.endswith(", by Test TSA (good)")
    assert result.timestamp == report.timestamp
    # the command line, offline: the line the issue asks for
    shown = run_cli("verify", result.bundle, "--tsa-root", tsa.root_pem)
    assert shown.returncode == 0 and report.timestamp in shown.stdout
    # and the VERIFY.txt command with stock OpenSSL
    folder = tmp_path / "unzipped"
    zipfile.ZipFile(result.bundle).extractall(folder)
    ossl = subprocess.run(
        ["openssl", "ts", "-verify", "-in", TOKEN_NAME, "-data", "manifest.json",
         "-CAfile", str(tsa.root_pem)],
        cwd=folder, capture_output=True, text=True,
    )  # fmt: skip
    assert "Verification: OK" in ossl.stdout, ossl.stderr
    assert "openssl ts -verify -in manifest.tsr" in (folder / "VERIFY.txt").read_text()


def test_a_token_for_another_hash_is_refused_at_export(store, tsa, tmp_path: Path) -> None:
    before = store.case_file.read_bytes()
    with pytest.raises(ExportError, match="timestamp of another file"):
        _export(store, tsa, tmp_path / "out", mode="other-hash")
    assert not (tmp_path / "out").exists()  # nothing written
    assert store.case_file.read_bytes() == before


def test_a_token_moved_from_another_bundle_fails_verify(store, tsa, tmp_path: Path) -> None:
    first = _export(store, tsa, tmp_path / "a").bundle
    second = export_case(store, tmp_path / "b", upload=False, record=False,
                         exported_at="2030-01-01T00:00:00Z", timestamp=_stamper(tsa)).bundle  # fmt: skip
    token = zipfile.ZipFile(first).read(TOKEN_NAME)
    forged = rebundle(second, tmp_path / "forged.zip", replace={TOKEN_NAME: token})
    report = verify_bundle(forged, trust_roots=_roots(tsa))
    assert f"timestamp: {TOKEN_NAME} is a timestamp of another file, not of this manifest.json" in (
        report.problems
    )
    assert not report.ok and not report.timestamp


def test_an_expired_certificate_is_refused(store, tsa, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="not valid when it signed"):
        _export(store, tsa, tmp_path / "out", mode="expired")
    # a bundle whose token a forger re-signed with the expired key fails verify the same way
    good = _export(store, tsa, tmp_path / "good").bundle
    manifest = zipfile.ZipFile(good).read("manifest.json")
    from rfc3161_client import HashAlgorithm, TimestampRequestBuilder

    query = TimestampRequestBuilder().data(manifest).hash_algorithm(HashAlgorithm.SHA256).build()
    expired = reply(tsa.root_pem.parent, query.as_bytes(), "expired")
    forged = rebundle(good, tmp_path / "forged.zip", replace={TOKEN_NAME: expired})
    report = verify_bundle(forged, trust_roots=_roots(tsa))
    assert any("was not valid when it signed" in p for p in report.problems), report.problems


def test_an_untrusted_authority_is_not_taken_on_its_word(store, tsa, tmp_path: Path) -> None:
    tsa.mode[0] = "good"
    with pytest.raises(ExportError, match="not signed by a trusted timestamp authority"):
        export_case(store, tmp_path / "out", upload=False, record=False,
                    timestamp=Timestamper(authority(tsa.url)))  # fmt: skip
    good = _export(store, tsa, tmp_path / "good").bundle
    report = verify_bundle(good)  # without the local root: only the public ones
    assert any("not signed by a trusted timestamp authority" in p for p in report.problems)
    shown = run_cli("verify", good)
    assert shown.returncode == 1 and shown.stdout.startswith("NOT VERIFIED")


def test_a_removed_token_is_missed(store, tsa, tmp_path: Path) -> None:
    good = _export(store, tsa, tmp_path / "good").bundle
    forged = rebundle(good, tmp_path / "forged.zip", drop={TOKEN_NAME})
    report = verify_bundle(forged, trust_roots=_roots(tsa))
    assert f"manifest.json says it was timestamped by 127.0.0.1:{tsa.url.split(':')[2].split('/')[0]}," \
        f" but {TOKEN_NAME} is missing" in report.problems  # fmt: skip


def test_an_unreachable_authority_stops_the_export_cleanly(store, tmp_path: Path) -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(NetworkError, match="could not be reached"):
        export_case(store, tmp_path / "out", upload=False, record=False,
                    timestamp=Timestamper(authority(f"http://127.0.0.1:{port}/")))  # fmt: skip
    assert not (tmp_path / "out").exists()


def test_off_by_default_and_through_the_cli(store, tsa, tmp_path: Path) -> None:
    assert Settings().timestamp_authority == ""
    plain = export_case(store, tmp_path / "plain", upload=False, record=False)
    assert TOKEN_NAME not in zipfile.ZipFile(plain.bundle).namelist()
    assert "timestamp" not in json.loads(zipfile.ZipFile(plain.bundle).read("manifest.json"))
    tsa.mode[0] = "good"
    out = run_cli("export", store.root, "-o", tmp_path / "cli", "--no-upload",
                  "--timestamp", tsa.url, "--tsa-root", tsa.root_pem)  # fmt: skip
    assert out.returncode == 0, out.stderr
    assert "Sealed:  sealed no later than" in out.stdout
    bad = run_cli("export", store.root, "--timestamp", "nowhere")
    assert bad.returncode == 2 and "is not a timestamp authority" in bad.stderr
