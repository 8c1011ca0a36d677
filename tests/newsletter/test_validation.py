"""Addresses are checked with email-validator, with a translated message per mistake."""

import dns.exception
import dns.resolver
import pytest
from django.utils import translation

from portal.addresses import AddressError, check_address

VALID = [
    ("jana@seznam.cz", "jana@seznam.cz", None),
    ("  Jana.Novakova@SEZNAM.CZ ", "Jana.Novakova@seznam.cz", None),
    ("jana@příklad.cz", "jana@příklad.cz", None),
    ("jana@sezanm.cz", "jana@sezanm.cz", "jana@seznam.cz"),
    ("petr@gmail.con", "petr@gmail.con", "petr@gmail.com"),
]

INVALID = [
    ("", "empty", "Zadejte svou e-mailovou adresu."),
    ("jana", "no_at", "Adresa musí obsahovat zavináč (@)."),
    ("@seznam.cz", "no_local", "Před zavináčem (@) chybí část adresy."),
    ("jana@", "no_domain", "Za zavináčem (@) chybí část adresy"),
    ("jana@@seznam.cz", "several", "Zadejte jen jednu e-mailovou adresu."),
    ("a@seznam.cz, b@seznam.cz", "several", "Zadejte jen jednu e-mailovou adresu."),
    ("a@seznam.cz;b@seznam.cz", "several", "Zadejte jen jednu e-mailovou adresu."),
    ("Jana <jana@seznam.cz>", "display_name", "bez jména"),
    ('"Jana" jana@seznam.cz', "display_name", "bez jména"),
    ("jana..novakova@seznam.cz", "dots", "dvě tečky za sebou"),
    (".jana@seznam.cz", "dots", "nesmí začínat ani končit tečkou"),
    ("jána@seznam.cz", "unicode_local", "diakritikou"),
    ("ja na@seznam.cz", "characters", "znaky, které e-mailová adresa mít nemůže"),
    ("jana@localhost", "domain", "není platná doména"),
    ("jana@-seznam.cz", "domain", "není platná doména"),
    ("jana@seznam.cz\r\nBcc: obet@example.cz", "control", "zalomení řádku"),
    ("jana@seznam.cz\x00", "control", "neviditelné znaky"),
    ("x" * 250 + "@seznam.cz", "too_long", "nejvýše 254 znaků"),
    ("jana@mailinator.com", "disposable", "Jednorázové adresy nepřijímáme."),
    ("jana@gmial.com", "typo", "Nemysleli jste jana@gmail.com?"),
]


@pytest.mark.parametrize(("raw", "email", "suggestion"), VALID)
def test_valid_addresses_are_normalised(raw, email, suggestion):
    checked = check_address(raw, check_deliverability=False)
    assert checked.email == email
    assert checked.suggestion == suggestion


def test_internationalised_domains_are_sent_in_ascii():
    checked = check_address("jana@příklad.cz", check_deliverability=False)
    assert checked.ascii_email == "jana@xn--pklad-zsa96e.cz"


@pytest.mark.parametrize(("raw", "kind", "czech"), INVALID)
def test_each_mistake_has_its_own_czech_message(raw, kind, czech):
    with pytest.raises(AddressError) as caught:
        check_address(raw, check_deliverability=False)
    assert caught.value.kind == kind
    with translation.override("cs"):
        message = caught.value.message
    assert message.startswith("Neplatný e-mail. ")
    assert czech in message


@pytest.mark.parametrize(("raw", "kind", "_czech"), INVALID)
def test_each_mistake_is_explained_in_english_too(raw, kind, _czech):
    with pytest.raises(AddressError) as caught:
        check_address(raw, check_deliverability=False)
    with translation.override("en"):
        message = caught.value.message
    assert message.startswith("Invalid e-mail. ")
    assert len(message) > len("Invalid e-mail. ") + 10


class StubResolver:
    """Answers DNS questions from a table; raises what real DNS would."""

    def __init__(self, answers):
        self.answers = answers
        self.asked = []

    def resolve(self, name, record_type):
        self.asked.append((str(name), record_type))
        outcome = self.answers.get((str(name), record_type), dns.resolver.NoAnswer())
        if isinstance(outcome, Exception):
            raise outcome
        return outcome


@pytest.fixture
def resolver(monkeypatch):
    stub = StubResolver({})
    monkeypatch.setattr("portal.addresses._resolver", lambda: stub)
    return stub


def test_domain_that_does_not_exist_is_refused(resolver):
    resolver.answers[("neexistuje-domena.cz", "MX")] = dns.resolver.NXDOMAIN()
    with pytest.raises(AddressError) as caught:
        check_address("jana@neexistuje-domena.cz", check_deliverability=True)
    assert caught.value.kind == "undeliverable"
    with translation.override("cs"):
        assert "neexistuje-domena.cz nepřijímá e-maily" in caught.value.message


def test_unavailable_dns_never_blocks_a_sign_up(resolver):
    resolver.answers[("seznam.cz", "MX")] = dns.exception.Timeout()
    assert check_address("jana@seznam.cz", check_deliverability=True).email == "jana@seznam.cz"
    assert resolver.asked == [("seznam.cz", "MX")]


def test_deliverable_domain_passes(resolver):
    class Answer(list):
        pass

    class Mx:
        preference = 10
        exchange = "mx.seznam.cz."

    resolver.answers[("seznam.cz", "MX")] = Answer([Mx()])
    assert check_address("jana@seznam.cz", check_deliverability=True).email == "jana@seznam.cz"


def test_rfc_5321_allows_64_octets_before_the_at_sign_and_no_more():
    assert check_address("a" * 64 + "@seznam.cz").email == "a" * 64 + "@seznam.cz"
    with pytest.raises(AddressError) as refused:
        check_address("a" * 65 + "@seznam.cz")
    assert refused.value.kind == "local_too_long"
