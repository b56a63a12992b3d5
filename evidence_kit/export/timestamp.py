"""Opt-in RFC 3161 trusted timestamp of a bundle's manifest.json (DESIGN §5).

Only the SHA-256 of manifest.json leaves the computer, to a timestamp authority the shopper
picked, and only when they turned it on. The authority signs "this hash existed at time T";
the signed token goes into the bundle as manifest.tsr. Because manifest.json lists the hash
of every file, the token dates the whole bundle: the unboxing video existed no later than T.
`check_token` verifies it offline: the hash, the signature, and a chain to a trusted root
(Mozilla's roots as shipped by certifi, plus any root the user names).
"""

from __future__ import annotations

import functools
import hashlib
import re
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from evidence_kit.core.errors import ExportError, InvalidValueError, NetworkError

TOKEN_NAME = "manifest.tsr"
TIMEOUT_S = 30.0


@dataclass(frozen=True)
class Authority:
    """A timestamp authority: its id for the CLI and settings, its name, where it answers."""

    id: str
    name: str
    url: str


#: public authorities that answer RFC 3161 requests without an account
AUTHORITIES = (
    Authority("digicert", "DigiCert", "http://timestamp.digicert.com"),
    Authority("sectigo", "Sectigo", "http://timestamp.sectigo.com"),
    Authority("globalsign", "GlobalSign", "http://timestamp.globalsign.com/tsa/r6advanced1"),
    Authority("sslcom", "SSL.com", "http://ts.ssl.com"),
)


def authority(choice: str) -> Authority:
    """An authority by id, or one at an http(s) URL the user gave."""
    choice = choice.strip()
    for known in AUTHORITIES:
        if choice.lower() in (known.id, known.name.lower()):
            return known
    if re.match(r"^https?://[^\s/]+", choice):
        return Authority("custom", choice.split("/")[2], choice)
    raise InvalidValueError(
        f"'{choice}' is not a timestamp authority; choose one of "
        f"{', '.join(a.id for a in AUTHORITIES)}, or give its http(s) address"
    )


@dataclass(frozen=True)
class Stamp:
    """A checked token: when the authority saw the hash, and who the authority is."""

    token: bytes
    time: datetime
    signer: str

    def line(self) -> str:
        """What verify prints for it."""
        return f"sealed no later than {self.time:%Y-%m-%d %H:%M:%S} UTC, by {self.signer}"


class TokenError(Exception):
    """The token does not prove what it should; the message says why, in one line."""


def load_roots(paths: list[Path]) -> list[Any]:
    """Extra trusted roots from PEM files (an authority that is not in the usual list)."""
    from cryptography import x509

    roots = []
    for path in paths:
        try:
            roots += x509.load_pem_x509_certificates(Path(path).read_bytes())
        except (OSError, ValueError) as exc:
            raise InvalidValueError(f"{path} is not a PEM certificate file: {exc}") from exc
    return roots


@functools.cache
def _public_roots() -> tuple[Any, ...]:
    import warnings

    import certifi
    from cryptography import x509

    end = b"-----END CERTIFICATE-----"
    roots = []
    for block in Path(certifi.where()).read_bytes().split(end)[:-1]:
        # one at a time: a root that a future cryptography refuses (an old negative
        # serial number) must not take the others with it
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                roots.append(x509.load_pem_x509_certificate(block + end))
            except ValueError:
                continue
    return tuple(roots)


def check_token(
    token: bytes,
    manifest: bytes,
    extra_roots: list[Any] | None = None,
    nonce: int | None = None,
) -> Stamp:
    """Verify a token for these manifest bytes, offline; TokenError says what is wrong.

    nonce: the one our request carried, when the token has just come back from the authority.
    """
    from cryptography import x509
    from rfc3161_client import VerificationError, VerifierBuilder, decode_timestamp_response

    try:
        response = decode_timestamp_response(token)
    except ValueError as exc:
        raise TokenError(f"{TOKEN_NAME} is not a timestamp token ({exc})") from None
    if response.status not in (0, 1):  # granted, granted with changes
        said = "; ".join(response.status_string) or f"status {response.status}"
        raise TokenError(f"the authority refused to timestamp ({said})")
    try:
        info = response.tst_info
    except ValueError as exc:
        raise TokenError(f"{TOKEN_NAME} holds no timestamp ({exc})") from None
    if nonce is not None and info.nonce != nonce:
        raise TokenError("it answers another request (the nonce differs)")
    if info.message_imprint.message not in (
        hashlib.sha256(manifest).digest(),
        hashlib.sha512(manifest).digest(),
    ):
        raise TokenError(f"{TOKEN_NAME} is a timestamp of another file, not of this manifest.json")
    builder = VerifierBuilder()
    for root in [*_public_roots(), *(extra_roots or [])]:
        builder = builder.add_root_certificate(root)
    try:
        builder.build().verify_message(response, manifest)
    except VerificationError as exc:
        raise TokenError(f"{TOKEN_NAME} cannot be trusted: {_why(str(exc))}") from None
    signer = _signer_name(response, x509)
    return Stamp(token, info.gen_time, signer)


def _why(detail: str) -> str:
    found = re.search(r'Verify error: ([^"]+)', detail)
    reason = found.group(1) if found else detail
    if "expired" in reason or "not yet valid" in reason:
        return f"the authority's certificate was not valid when it signed ({reason})"
    if "issuer" in reason or "self-signed" in reason or "self signed" in reason:
        return f"it is not signed by a trusted timestamp authority ({reason})"
    return reason


def _signer_name(response: Any, x509: Any) -> str:
    signer = next(iter(response.signed_data.signer_infos))
    for der in response.signed_data.certificates:
        cert = x509.load_der_x509_certificate(der)
        if cert.issuer == signer.issuer and cert.serial_number == signer.serial_number:
            for oid in (x509.NameOID.COMMON_NAME, x509.NameOID.ORGANIZATION_NAME):
                names = cert.subject.get_attributes_for_oid(oid)
                if names:
                    return str(names[0].value)
            return str(cert.subject.rfc4514_string())
    return str(signer.issuer.rfc4514_string())


class Timestamper:
    """Asks one authority for a token over a manifest; the export runs it once, at sealing."""

    def __init__(self, chosen: Authority, extra_roots: list[Any] | None = None) -> None:
        self.authority = chosen
        self.extra_roots = extra_roots or []

    def stamp(self, manifest: bytes) -> Stamp:
        """Send the hash (never the manifest) and check the token that comes back."""
        from rfc3161_client import HashAlgorithm, TimestampRequestBuilder

        # the builder hashes here; the request it encodes holds the hash and a nonce only
        request = (
            TimestampRequestBuilder()
            .data(manifest)
            .hash_algorithm(HashAlgorithm.SHA256)
            .cert_request(cert_request=True)
            .build()
        )
        body = self._post(request.as_bytes())
        try:
            return check_token(body, manifest, self.extra_roots, request.nonce)
        except TokenError as exc:
            raise ExportError(
                f"{self.authority.name} sent a timestamp that does not check out: {exc}; "
                "nothing was exported. Try again, or choose another authority."
            ) from None

    def _post(self, der: bytes) -> bytes:
        req = urllib.request.Request(
            self.authority.url,
            data=der,
            headers={"Content-Type": "application/timestamp-query"},
            method="POST",
        )
        try:
            with urllib.request.urlopen(req, timeout=TIMEOUT_S) as answer:  # noqa: S310
                return bytes(answer.read(1_000_000))
        except (urllib.error.URLError, OSError, ValueError) as exc:
            reason = getattr(exc, "reason", None) or exc
            raise NetworkError(
                f"The timestamp authority {self.authority.name} could not be reached ({reason});"
                " nothing was exported. Check the connection, or export without a timestamp."
            ) from exc
