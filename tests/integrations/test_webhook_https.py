"""HTTPS delivery pinned to the checked address still verifies the certificate against the URL's host name."""

from __future__ import annotations

import datetime as dt
import ssl
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest

from hireloop.integrations.webhooks import build_message, deliver, generate_secret

x509 = pytest.importorskip("cryptography.x509")
from cryptography.hazmat.primitives import hashes, serialization  # noqa: E402
from cryptography.hazmat.primitives.asymmetric import ec  # noqa: E402
from cryptography.x509.oid import NameOID  # noqa: E402

HOST = "hooks.example.test"


def _cert(subject: str, issuer_key, issuer_name, key, *, ca: bool):  # noqa: ANN001, ANN202
    now = dt.datetime.now(dt.UTC)
    builder = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, subject)]))
        .issuer_name(issuer_name or x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, subject)]))
        .public_key(key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5)).not_valid_after(now + dt.timedelta(hours=1))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
    )
    if not ca:
        builder = builder.add_extension(x509.SubjectAlternativeName([x509.DNSName(HOST)]), critical=False)
    return builder.sign(issuer_key, hashes.SHA256())


class Answer(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def do_POST(self) -> None:  # noqa: N802
        self.rfile.read(int(self.headers.get("content-length", 0)))
        body = f"host={self.headers.get('host')}".encode()
        self.send_response(200)
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def tls(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[int, ssl.SSLContext]]:
    folder: Path = tmp_path_factory.mktemp("tls")
    ca_key, leaf_key = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(ec.SECP256R1())
    ca_cert = _cert("HireLoop test CA", ca_key, None, ca_key, ca=True)
    leaf = _cert(HOST, ca_key, ca_cert.subject, leaf_key, ca=False)
    (folder / "leaf.pem").write_bytes(leaf.public_bytes(serialization.Encoding.PEM))
    (folder / "leaf.key").write_bytes(leaf_key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    server_ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_ctx.load_cert_chain(folder / "leaf.pem", folder / "leaf.key")
    server = ThreadingHTTPServer(("127.0.0.1", 0), Answer)
    server.daemon_threads = True
    server.socket = server_ctx.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    client_ctx = ssl.create_default_context(cadata=ca_cert.public_bytes(serialization.Encoding.PEM).decode())
    yield server.server_address[1], client_ctx
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


def _send(url: str, ctx: ssl.SSLContext):  # noqa: ANN202
    secret = generate_secret()
    _, body, headers = build_message(secret, "ping", {}, dt.datetime.now(dt.UTC), now=time.time())
    with httpx.Client(verify=ctx, trust_env=False) as client:
        return deliver(url, body, headers, allow=["127.0.0.1"], resolver=lambda h, p: ["127.0.0.1"], client=client)


def test_https_to_a_pinned_address_uses_the_host_name_for_sni_and_the_certificate(
        tls: tuple[int, ssl.SSLContext]) -> None:
    port, ctx = tls
    result = _send(f"https://{HOST}:{port}/hook", ctx)
    assert result.ok, result.error
    assert result.address == "127.0.0.1"
    assert result.response_excerpt == f"host={HOST}:{port}"


def test_a_certificate_for_another_name_is_refused(tls: tuple[int, ssl.SSLContext]) -> None:
    port, ctx = tls
    result = _send(f"https://other.example.test:{port}/hook", ctx)
    assert result.retryable and result.status_code is None
    assert "CERTIFICATE_VERIFY_FAILED" in (result.error or "") or "certificate" in (result.error or "").lower()
