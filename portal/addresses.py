"""E-mail addresses people give us, checked with the email-validator package.

One check for every address the site will write to: the bulletin's sign-up, the contact
centre's form and the inquiries staff log for a caller (`AddressField`); a queue's shared
mailbox (`validate_address`), staff accounts' addresses (portal/staff_users.py) and the
operator's test list (a system check in newsletter/sending/trial_sends.py). An address the
site refuses in one place it refuses everywhere, so no form can be used to send an
acknowledgement to `victim@localhost`, a domain literal or a disposable domain.

Every kind of mistake has its own translated message (the seed's "Neplatný e-mail." leads
each one), likely typos of common providers get a "did you mean …?" suggestion, disposable
addresses are refused, and the domain's mail servers are looked up with a short timeout that
never blocks a sign-up when DNS is unavailable.
"""

import difflib
import re
from dataclasses import dataclass

import dns.resolver
from disposable_email_domains import blocklist as DISPOSABLE_DOMAINS
from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from email_validator import EmailNotValidError, EmailUndeliverableError, validate_email

MAX_LENGTH = 254
# RFC 5321, 4.5.3.1.1: at most 64 octets before the @ (email-validator lets 65 through).
MAX_LOCAL_OCTETS = 64
DNS_TIMEOUT_SECONDS = 2

# Providers Czech readers use most, then the international ones.
COMMON_DOMAINS = [
    "seznam.cz", "email.cz", "post.cz", "centrum.cz", "atlas.cz", "volny.cz", "tiscali.cz",
    "quick.cz", "o2active.cz", "outlook.cz", "gmail.com", "outlook.com", "hotmail.com",
    "live.com", "yahoo.com", "icloud.com", "proton.me", "protonmail.com",
]  # fmt: skip  # fmt: skip

INVALID = _("Invalid e-mail.")
MESSAGES = {
    "empty": _("Enter your e-mail address."),
    "too_long": _("The address is too long; an e-mail address has at most 254 characters."),
    "control": _("The address contains line breaks or invisible characters."),
    "several": _("Enter one e-mail address only."),
    "display_name": _(
        "Enter the address alone, without a name, for example jana.novakova@seznam.cz."
    ),
    "no_at": _("The address must contain the at sign (@)."),
    "no_local": _("Part of the address is missing before the at sign (@)."),
    "local_too_long": _(
        "The part before the at sign (@) is too long; it may have at most 64 characters."
    ),
    "no_domain": _("Part of the address is missing after the at sign (@), for example seznam.cz."),
    "dots": _("The address cannot start or end with a dot or contain two dots in a row."),
    "characters": _("The address contains characters an e-mail address cannot have."),
    "unicode_local": _("Letters with diacritics are not supported before the at sign (@)."),
    "domain": _("The part after the at sign (@) is not a valid domain, for example seznam.cz."),
    "disposable": _("We do not accept disposable addresses. Enter the address you use for good."),
    "typo": _("Did you mean %(suggestion)s?"),
    "undeliverable": _(
        "The domain %(domain)s does not receive e-mail. Check the address for typos."
    ),
}


class AddressError(ValueError):
    def __init__(self, kind: str, **params):
        super().__init__(kind)
        self.kind = kind
        self.params = params

    @property
    def message(self) -> str:
        detail = MESSAGES[self.kind]
        return f"{INVALID} {detail % self.params if self.params else detail}"


@dataclass(frozen=True)
class CheckedAddress:
    email: str  # normalised, as we store and show it (Unicode domain)
    ascii_email: str  # what goes into the envelope (IDNA-encoded domain)
    suggestion: str | None  # a likely intended address, when this looks like a typo


def check_address(raw: str, check_deliverability: bool | None = None) -> CheckedAddress:
    """Normalise an address or raise AddressError saying what is wrong with it."""
    value = (raw or "").strip()
    if not value:
        raise AddressError("empty")
    if len(value) > MAX_LENGTH:
        raise AddressError("too_long")
    if any(not ch.isprintable() or ch in "\r\n" for ch in value):
        raise AddressError("control")
    if "<" in value or ">" in value or '"' in value:
        raise AddressError("display_name")
    if value.count("@") > 1 or re.search(r"[,;\s]", value):
        raise AddressError("several" if value.count("@") > 1 else "characters")
    if "@" not in value:
        raise AddressError("no_at")
    if check_deliverability is None:
        check_deliverability = settings.NEWSLETTER_CHECK_DELIVERABILITY
    try:
        validated = validate_email(
            value,
            allow_smtputf8=False,
            allow_display_name=False,
            allow_quoted_local=False,
            allow_domain_literal=False,
            check_deliverability=check_deliverability,
            dns_resolver=_resolver() if check_deliverability else None,
        )
    except EmailUndeliverableError as error:
        raise AddressError("undeliverable", domain=value.rsplit("@", 1)[1]) from error
    except EmailNotValidError as error:
        raise AddressError(_kind_of(str(error))) from error
    if len(validated.local_part.encode("utf-8")) > MAX_LOCAL_OCTETS:
        raise AddressError("local_too_long")
    domain = validated.domain.lower()
    suggestion = suggest(validated.local_part, domain)
    if domain in DISPOSABLE_DOMAINS or validated.ascii_domain.lower() in DISPOSABLE_DOMAINS:
        # Some listed domains are typo-squats of real providers (gmial.com): say so.
        if suggestion:
            raise AddressError("typo", suggestion=suggestion)
        raise AddressError("disposable")
    return CheckedAddress(
        email=validated.normalized,
        ascii_email=validated.ascii_email or validated.normalized,
        suggestion=suggestion,
    )


def _kind_of(message: str) -> str:
    """Which of our messages fits email-validator's (English, untranslated) explanation."""
    text = message.lower()
    if "before the @-sign" in text and "internationalized" in text:
        return "unicode_local"
    if "there must be something before the @-sign" in text:
        return "no_local"
    if "there must be something after the @-sign" in text:
        return "no_domain"
    if "after the @-sign" in text or "domain" in text:
        return "domain"
    if "period" in text:
        return "dots"
    return "characters"


def suggest(local_part: str, domain: str) -> str | None:
    """jana@sezanm.cz → jana@seznam.cz; None when the domain is fine or unlike any we know."""
    if domain in COMMON_DOMAINS:
        return None
    close = difflib.get_close_matches(domain, COMMON_DOMAINS, n=1, cutoff=0.75)
    return f"{local_part}@{close[0]}" if close else None


def _resolver():
    resolver = dns.resolver.Resolver()
    resolver.lifetime = DNS_TIMEOUT_SECONDS
    resolver.timeout = DNS_TIMEOUT_SECONDS
    return resolver


class AddressField(forms.CharField):
    """A form field for an address the site will write to: `check_address`, each mistake
    with its own translated message; the cleaned value is the normalised address."""

    widget = forms.EmailInput

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", MAX_LENGTH)
        super().__init__(*args, **kwargs)
        self.widget.attrs.update({"autocomplete": "email", "spellcheck": "false"})

    def clean(self, value):
        value = super().clean(value)
        if value in self.empty_values:
            return value
        try:
            return check_address(value).email
        except AddressError as error:
            raise forms.ValidationError(error.message, code=error.kind) from error


def validate_address(value: str) -> None:
    """The same check as a model field's validator, for addresses staff enter in the admin
    (a queue's shared mailbox): Django's EmailField alone lets `someone@localhost` through."""
    if not value:
        return
    try:
        check_address(value)
    except AddressError as error:
        raise forms.ValidationError(error.message, code=error.kind) from error


def without_address(text: str, address: str) -> str:
    """The text with every spelling of the address replaced by its domain alone (…@domain):
    what an error message may keep once the person has been erased."""
    address = address.strip()
    if not text or not address:
        return text
    domain = address.rpartition("@")[2].lower()
    return re.sub(re.escape(address), f"…@{domain}", text, flags=re.IGNORECASE)
