"""SSRF guard for webhook target URLs: only http(s), no credentials, and only public addresses unless allowed."""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from hireloop.errors import ValidationFailed

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], list[str]]


class UnsafeTarget(ValidationFailed):
    """A webhook URL HireLoop refuses to call."""

    code = "unsafe_webhook_target"


class UnresolvableTarget(UnsafeTarget):
    """A webhook host that does not resolve now (often transient, so a delivery retries)."""

    code = "webhook_host_unresolvable"


@dataclass(frozen=True)
class ResolvedTarget:
    """A checked URL and the addresses its host resolved to (connect to these, not to a fresh lookup)."""

    url: str
    scheme: str
    host: str
    port: int
    addresses: tuple[str, ...]


def system_resolver(host: str, port: int) -> list[str]:
    """All addresses getaddrinfo returns for host:port."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return sorted({str(info[4][0]) for info in infos})


def _embedded_ipv4(ip: IPAddress) -> IPAddress | None:
    if isinstance(ip, ipaddress.IPv6Address):
        return ip.ipv4_mapped or ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
    return None


def is_public(ip: IPAddress) -> bool:
    """True for globally routable unicast addresses (IPv4 inside IPv6 checked too)."""
    inner = _embedded_ipv4(ip)
    if inner is not None and not is_public(inner):
        return False
    return ip.is_global and not (ip.is_multicast or ip.is_reserved or ip.is_loopback or ip.is_link_local
                                 or ip.is_private or ip.is_unspecified)


def _allowed(ip: IPAddress, allow: Sequence[str]) -> bool:
    for entry in allow:
        try:
            if ip in ipaddress.ip_network(entry, strict=False):
                return True
        except ValueError:
            continue
    return False


def check_target(url: str, *, allow: Sequence[str] = (), resolver: Resolver = system_resolver,
                 require_https: bool = False) -> ResolvedTarget:
    """Validate and resolve a webhook URL; raises UnsafeTarget saying why. `allow` lists CIDRs that may be private."""
    if len(url) > 2048:
        raise UnsafeTarget("The webhook URL is longer than 2048 characters")
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        raise UnsafeTarget("The webhook URL cannot be parsed; use https://host/path") from None
    schemes = ("https",) if require_https else ("http", "https")
    if parts.scheme not in schemes:
        raise UnsafeTarget(f"The webhook URL must start with {' or '.join(s + '://' for s in schemes)}")
    if parts.username is not None or parts.password is not None:
        raise UnsafeTarget("The webhook URL must not contain a user name or password; sign requests instead")
    host = parts.hostname
    if not host:
        raise UnsafeTarget("The webhook URL has no host name")
    port = port or (443 if parts.scheme == "https" else 80)
    try:
        literal: IPAddress | None = ipaddress.ip_address(host)
    except ValueError:
        literal = None
    if literal is not None:
        addresses = [str(literal)]
    else:
        try:
            addresses = resolver(host, port)
        except (OSError, UnicodeError):
            raise UnresolvableTarget(f"The webhook host {host} does not resolve; check the URL") from None
        if not addresses:
            raise UnresolvableTarget(f"The webhook host {host} does not resolve; check the URL")
    for address in addresses:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
        if not is_public(ip) and not _allowed(ip, allow):
            raise UnsafeTarget(
                f"The webhook host {host} resolves to {ip}, a private, loopback, link-local, multicast or "
                "reserved address; use a public address (an operator can allow internal networks)"
            )
    return ResolvedTarget(url=url.strip(), scheme=parts.scheme, host=host, port=port, addresses=tuple(addresses))
