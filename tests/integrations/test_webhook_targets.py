"""SSRF guard: webhook targets must be public http(s) addresses unless an operator allows a network."""

from __future__ import annotations

import pytest

from hireloop.integrations.webhooks import UnresolvableTarget, UnsafeTarget, check_target


def _resolver(*addresses: str):  # noqa: ANN202 - a tiny fake DNS
    return lambda host, port: list(addresses)


@pytest.mark.parametrize("url", [
    "http://127.0.0.1/hook", "http://10.1.2.3/hook", "http://192.168.0.5/hook", "http://172.16.0.1/hook",
    "http://169.254.169.254/latest/meta-data", "http://224.0.0.1/", "http://0.0.0.0/", "http://[::1]/",
    "http://[::ffff:127.0.0.1]/", "http://[fc00::1]/", "http://[fe80::1]/", "http://100.64.0.1/",
    "http://240.0.0.1/", "http://[2002:7f00:1::]/",
])
def test_private_and_special_addresses_are_refused(url: str) -> None:
    with pytest.raises(UnsafeTarget, match="public address"):
        check_target(url)


def test_hostnames_are_resolved_and_every_address_checked() -> None:
    with pytest.raises(UnsafeTarget, match="resolves to 10.0.0.7"):
        check_target("https://hooks.example.com/x", resolver=_resolver("93.184.215.14", "10.0.0.7"))
    with pytest.raises(UnsafeTarget):
        check_target("http://localhost:8080/")  # the real resolver: loopback


def test_public_targets_pass_with_their_addresses() -> None:
    target = check_target("https://hooks.example.com/x?a=1", resolver=_resolver("93.184.215.14"))
    assert (target.scheme, target.host, target.port, target.addresses) == (
        "https", "hooks.example.com", 443, ("93.184.215.14",))


def test_allow_list_permits_named_networks_only() -> None:
    assert check_target("http://127.0.0.1:9000/", allow=["127.0.0.1"]).port == 9000
    assert check_target("http://10.9.8.7/", allow=["10.0.0.0/8"]).addresses == ("10.9.8.7",)
    with pytest.raises(UnsafeTarget):
        check_target("http://192.168.1.1/", allow=["10.0.0.0/8"])


@pytest.mark.parametrize(("url", "message"), [
    ("ftp://example.com/x", "must start with"), ("file:///etc/passwd", "must start with"),
    ("gopher://93.184.215.14/", "must start with"), ("https://user:pw@example.com/", "user name or password"),
    ("https:///nohost", "no host"), ("http://example.com:99999/", "cannot be parsed"),
])
def test_bad_urls_are_refused(url: str, message: str) -> None:
    with pytest.raises(UnsafeTarget, match=message):
        check_target(url, resolver=_resolver("93.184.215.14"))


def test_https_can_be_required_and_unresolvable_hosts_are_their_own_error() -> None:
    with pytest.raises(UnsafeTarget, match="https://"):
        check_target("http://hooks.example.com/", require_https=True, resolver=_resolver("93.184.215.14"))

    def failing(host: str, port: int) -> list[str]:
        raise OSError("Name or service not known")

    with pytest.raises(UnresolvableTarget):
        check_target("https://no-such-host.invalid/", resolver=failing)
