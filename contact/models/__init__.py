from .answers import CannedAnswer
from .choices import (
    FINISHED_STATUSES,
    OPEN_STATUSES,
    Channel,
    Kind,
    Region,
    RequesterType,
    Status,
    allowed_next,
)
from .inquiries import (
    MAX_MESSAGE_LENGTH,
    Inquiry,
    InquiryMessage,
    InternalNote,
    ReferenceCounter,
)
from .pages import ContactPage, contact_page_for
from .queues import Queue, QueueMembership, RoutingRule
from .suggestions import ArticleSuggestion
from .topics import InquiryTopic

__all__ = [
    "FINISHED_STATUSES",
    "MAX_MESSAGE_LENGTH",
    "OPEN_STATUSES",
    "ArticleSuggestion",
    "CannedAnswer",
    "Channel",
    "ContactPage",
    "Inquiry",
    "InquiryMessage",
    "InquiryTopic",
    "InternalNote",
    "Kind",
    "Queue",
    "QueueMembership",
    "ReferenceCounter",
    "Region",
    "RequesterType",
    "RoutingRule",
    "Status",
    "allowed_next",
    "contact_page_for",
]
