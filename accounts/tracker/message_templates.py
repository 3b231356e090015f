"""Ready-to-send messages (a LinkedIn connection request and a thank-you note) in the contact's language.

The texts are UI strings: rendering them inside translation.override(contact.language) lets the
catalogue translate them, so a Finnish contact gets Finnish text whatever language the member
reads Rookie in. The member copies the text (a readonly textarea; tracker.js adds a copy button).
"""

from dataclasses import dataclass

from django.utils import translation
from django.utils.translation import gettext

# LinkedIn's limit for the note attached to a connection request.
CONNECTION_NOTE_LIMIT = 300


@dataclass(frozen=True)
class Message:
    key: str
    title: str
    text: str
    limit: int | None = None

    @property
    def length(self):
        return len(self.text)

    @property
    def too_long(self):
        return self.limit is not None and self.length > self.limit


def _first_name(name):
    return name.split()[0] if name.split() else name


def messages_for(contact, member):
    """The connection request and the thank-you note for `contact`, signed by `member`.

    Titles are in the active (member's) language; the texts in the contact's.
    """
    names = {"contact": _first_name(contact.name), "me": member.display_name}
    event = contact.met_at_event.name if contact.met_at_event_id else ""
    titles = {"connection": gettext("Connection request"), "thanks": gettext("Thank-you note")}
    language_name = translation.get_language_info(contact.language)["name_translated"]
    with translation.override(contact.language):
        if event:
            connection = gettext(
                "Hi %(contact)s, it was great to meet you at %(event)s. I would like to stay in touch "
                "and follow your work. Best regards, %(me)s"
            ) % {**names, "event": event}
            thanks = gettext(
                "Hi %(contact)s,\n\nThank you for the conversation at %(event)s. I really enjoyed "
                "hearing about your work, and your advice gave me a lot to think about.\n\n"
                "I hope we can stay in touch.\n\nBest regards,\n%(me)s"
            ) % {**names, "event": event}
        else:
            connection = (
                gettext(
                    "Hi %(contact)s, thank you for taking the time to talk with me. I would like to stay "
                    "in touch and follow your work. Best regards, %(me)s"
                )
                % names
            )
            thanks = (
                gettext(
                    "Hi %(contact)s,\n\nThank you for taking the time to talk with me. I really "
                    "enjoyed hearing about your work, and your advice gave me a lot to think about.\n\n"
                    "I hope we can stay in touch.\n\nBest regards,\n%(me)s"
                )
                % names
            )
    return {
        "language_name": language_name,
        "items": [
            Message("connection", titles["connection"], connection, CONNECTION_NOTE_LIMIT),
            Message("thanks", titles["thanks"], thanks),
        ],
    }
