from .bulletin import BulletinIndexPage, BulletinPage
from .sending import Delivery, Send, SendContent
from .subscribers import Subscriber, SuppressedAddress

__all__ = [
    "BulletinIndexPage",
    "BulletinPage",
    "Delivery",
    "Send",
    "SendContent",
    "Subscriber",
    "SuppressedAddress",
]
