"""Where a webhook may be sent: an http(s) URL without credentials whose host resolves only to public addresses
(unless settings.MLJUDGE_WEBHOOK_ALLOW_PRIVATE). Checked when a webhook is registered and again before every
attempt; the attempt then connects to the very address that was checked (`Target.pinned_url`), so a DNS
answer that changes between the check and the connection (rebinding) cannot reach an internal host."""
from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import SplitResult, urlsplit, urlunsplit

from django.conf import settings

from mljudge.core.refusals import Reason, Refused

URL_MAX = 500
SCHEMES = ("http", "https")


@dataclass(frozen=True)
class Target:
    url: str            # as registered
    host: str           # for the Host header and TLS (SNI and certificate check)
    address: str        # the checked IP address the attempt connects to
    parts: SplitResult

    def pinned_url(self) -> str:
        host = f"[{self.address}]" if ":" in self.address else self.address
        netloc = host if self.parts.port is None else f"{host}:{self.parts.port}"
        return urlunsplit((self.parts.scheme, netloc, self.parts.path or "/", self.parts.query, ""))

    def host_header(self) -> str:
        return self.parts.netloc.rpartition("@")[2]


def _invalid(detail: str) -> Refused:
    return Refused(Reason.WEBHOOK_URL_INVALID, detail=detail)


def webhook_url_parse(*, url: str) -> SplitResult:
    """The URL's parts, or Refused for anything but an http(s) URL with a host, no credentials, ≤ URL_MAX."""
    if not isinstance(url, str) or not url.strip():
        raise _invalid("it is empty")
    if len(url) > URL_MAX:
        raise _invalid(f"it is longer than {URL_MAX} characters")
    if any(ord(ch) < 33 or ord(ch) == 127 or ch == "\\" for ch in url):
        # A backslash is read as "/" by some URL parsers and not by others: a host confusion waiting to happen.
        raise _invalid("it contains spaces, backslashes or control characters")
    if not url.isascii():
        raise _invalid("it contains non-ASCII characters (write the host in its xn-- form, percent-encode the path)")
    parts = urlsplit(url)
    if parts.scheme.lower() not in SCHEMES:
        raise _invalid("only http:// and https:// URLs are supported")
    if parts.username is not None or parts.password is not None or "@" in parts.netloc:
        raise _invalid("it must not contain a user name or password (verify the signature instead)")
    if not parts.hostname:
        raise _invalid("it has no host")
    if parts.fragment:
        raise _invalid("it must not have a #fragment")
    try:
        parts.port  # noqa: B018  (raises for a port that is not a number in range)
    except ValueError:
        raise _invalid("its port is not valid") from None
    return parts


def _kind(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    """Why an address is not public (None if it is)."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    # Most specific first: is_private also holds for loopback, link-local and unspecified addresses.
    for kind, flag in (("loopback", address.is_loopback), ("link-local", address.is_link_local),
                       ("multicast", address.is_multicast), ("unspecified", address.is_unspecified),
                       ("reserved", address.is_reserved), ("private", address.is_private)):
        if flag:
            return kind
    return None if address.is_global else "non-public"


def webhook_target(*, url: str) -> Target:
    """The checked URL and the address to connect to; Refused if the URL is malformed, does not resolve, or
    any of its host's addresses is not public (one private answer among public ones is enough to refuse)."""
    parts = webhook_url_parse(url=url)
    host = parts.hostname
    port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, OSError):
        raise _invalid(f"its host {host} does not resolve") from None
    addresses = [ipaddress.ip_address(info[4][0].split("%", 1)[0]) for info in infos]
    if not addresses:
        raise _invalid(f"its host {host} does not resolve")
    if not settings.MLJUDGE_WEBHOOK_ALLOW_PRIVATE:
        for address in addresses:
            kind = _kind(address)
            if kind is not None:
                raise Refused(Reason.WEBHOOK_URL_PRIVATE, host=host, kind=kind)
    return Target(url=url, host=host, address=str(addresses[0]), parts=parts)
