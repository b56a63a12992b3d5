"""A local RFC 3161 timestamp authority on 127.0.0.1 for the timestamp tests.

Its keys and certificates are made by `cryptography` (a root, and a timestamping leaf
that is valid now or one that expired); the signing is OpenSSL's own `openssl ts -reply`,
so the tokens are real ones. It can misbehave on request: answer for another hash.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import subprocess
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

CONFIG = """[ tsa ]
default_tsa = tsa_config
[ tsa_config ]
serial = {serial}
signer_digest = sha256
default_policy = 1.2.3.4.1
digests = sha256, sha512
accuracy = secs:1
ess_cert_id_alg = sha256
tsa_name = no
ess_cert_id_chain = no
"""


def _name(cn: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Evidence Kit tests"),
            x509.NameAttribute(NameOID.COMMON_NAME, cn),
        ]
    )


@dataclass
class Authority:
    """A running local authority: where it answers and the root that vouches for it."""

    url: str
    root_pem: Path
    mode: list[str]  # "good" | "other-hash" | "expired"; a list so a test can switch it
    requests: list[bytes]


def _certificates(folder: Path) -> None:
    now = dt.datetime.now(dt.UTC)
    root_key = ec.generate_private_key(ec.SECP256R1())
    root = (
        x509.CertificateBuilder()
        .subject_name(_name("Test Timestamp Root"))
        .issuer_name(_name("Test Timestamp Root"))
        .public_key(root_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=30))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(False, False, False, False, False, True, True, False, False), True
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(root_key.public_key()), False)
        .sign(root_key, hashes.SHA256())
    )
    (folder / "root.pem").write_bytes(root.public_bytes(serialization.Encoding.PEM))
    for label, start, end in (
        ("good", now - dt.timedelta(days=1), now + dt.timedelta(days=1)),
        ("expired", now - dt.timedelta(days=3), now - dt.timedelta(days=2)),
    ):
        key = ec.generate_private_key(ec.SECP256R1())
        leaf = (
            x509.CertificateBuilder()
            .subject_name(_name(f"Test TSA ({label})"))
            .issuer_name(root.subject)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(start)
            .not_valid_after(end)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(
                x509.KeyUsage(True, True, False, False, False, False, False, False, False), True
            )
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), True)
            .add_extension(
                x509.AuthorityKeyIdentifier.from_issuer_public_key(root_key.public_key()), False
            )
            .sign(root_key, hashes.SHA256())
        )
        (folder / f"{label}.pem").write_bytes(leaf.public_bytes(serialization.Encoding.PEM))
        (folder / f"{label}.key").write_bytes(
            key.private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
        )


def reply(folder: Path, query: bytes, signer: str) -> bytes:
    """OpenSSL's answer to a TimeStampReq, signed by the 'good' or 'expired' leaf."""
    (folder / "query.tsq").write_bytes(query)
    subprocess.run(
        ["openssl", "ts", "-reply", "-config", str(folder / "tsa.cnf"),
         "-queryfile", str(folder / "query.tsq"), "-signer", str(folder / f"{signer}.pem"),
         "-inkey", str(folder / f"{signer}.key"), "-out", str(folder / "reply.tsr")],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    return (folder / "reply.tsr").read_bytes()


def _for_another_hash(query: bytes) -> bytes:
    """The same request (same nonce) for the hash of something else."""
    from rfc3161_client import _rust

    digest = _rust.parse_timestamp_request(query).message_imprint.message
    return query.replace(digest, hashlib.sha256(b"another manifest").digest())


@contextmanager
def local_authority() -> Iterator[Authority]:
    """Serve on 127.0.0.1 (a free port) until the block ends."""
    folder = Path(tempfile.mkdtemp(prefix="ek-tsa-"))
    _certificates(folder)
    (folder / "serial").write_text("01\n")
    (folder / "tsa.cnf").write_text(CONFIG.format(serial=folder / "serial"))
    mode = ["good"]
    requests: list[bytes] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 (http.server API)
            query = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            requests.append(query)
            if mode[0] == "other-hash":
                query = _for_another_hash(query)
            body = reply(folder, query, "expired" if mode[0] == "expired" else "good")
            self.send_response(200)
            self.send_header("Content-Type", "application/timestamp-reply")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Authority(
            f"http://127.0.0.1:{server.server_address[1]}/tsr",
            folder / "root.pem",
            mode,
            requests,
        )
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
