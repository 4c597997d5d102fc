"""What rate limits count by: the visitor's address, as allauth finds it."""

from django.test import RequestFactory

from academy_web.ratelimit import UNKNOWN_ADDRESS, client_address

PROXY = "10.0.0.1"
VISITOR = "203.0.113.7"


def address_of(**meta) -> str:
    return client_address(RequestFactory().get("/", **meta))


def test_behind_one_proxy_the_address_it_appended_counts(settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    assert address_of(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=VISITOR) == VISITOR
    spoofed = address_of(
        REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=f"198.51.100.1, 192.0.2.2, {VISITOR}"
    )
    assert spoofed == VISITOR


def test_without_a_trusted_proxy_forwarded_for_is_ignored(settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0
    assert address_of(REMOTE_ADDR=VISITOR, HTTP_X_FORWARDED_FOR="198.51.100.1") == (
        VISITOR
    )


def test_an_ipv6_address_counts_as_its_network(settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0
    first = address_of(REMOTE_ADDR="2001:db8:7:9::1")
    assert first == address_of(REMOTE_ADDR="2001:db8:7:9:ffff:1:2:3")
    assert first != address_of(REMOTE_ADDR="2001:db8:7:a::1")


def test_an_unreadable_address_is_counted_as_unknown():
    assert address_of(REMOTE_ADDR="not an address") == UNKNOWN_ADDRESS
