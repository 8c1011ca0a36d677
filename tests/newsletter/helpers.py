import re
import time

from portal.abuse import form_started_token


def signup_data(email="jana@seznam.cz", **extra):
    """What a person's browser posts from the footer form, after a human pause."""
    return {
        "email": email,
        "language": "cs",
        "source": "footer",
        "page_path": "/metodika/",
        "website": "",
        "form_started": form_started_token(time.time() - 30),
        **extra,
    }


def link_in(message, name):
    """The first link in a message's text part that contains name."""
    match = re.search(rf"https?://\S*{name}\S*", message.body)
    assert match, message.body
    return match.group(0)


def path_of(url):
    return "/" + url.split("://", 1)[1].split("/", 1)[1]
