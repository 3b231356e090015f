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


def _work_sentence(contact):
    """The thank-you note's middle sentence, naming the contact's company and role when known."""
    company, role = contact.company.strip(), contact.role.strip()
    if company and role:
        return gettext(
            "I really enjoyed hearing about your work as %(role)s at %(company)s, and your advice gave me "
            "a lot to think about."
        ) % {"role": role, "company": company}
    if company:
        return gettext(
            "I really enjoyed hearing about your work at %(company)s, and your advice gave me a lot to think about."
        ) % {"company": company}
    if role:
        return gettext(
            "I really enjoyed hearing about your work as %(role)s, and your advice gave me a lot to think about."
        ) % {"role": role}
    return gettext("I really enjoyed hearing about your work, and your advice gave me a lot to think about.")


def _connection(contact, names, event, *, with_company):
    opening = (
        gettext("Hi %(contact)s, it was great to meet you at %(event)s.") % {**names, "event": event}
        if event
        else gettext("Hi %(contact)s, thank you for taking the time to talk with me.") % names
    )
    company = contact.company.strip()
    stay = (
        gettext("I would like to stay in touch and follow your work at %(company)s.") % {"company": company}
        if with_company and company
        else gettext("I would like to stay in touch and follow your work.")
    )
    return " ".join([opening, stay, gettext("Best regards, %(me)s") % names])


def _thanks(contact, names, event, pitch):
    opening = (
        gettext("Thank you for the conversation at %(event)s.") % {"event": event}
        if event
        else gettext("Thank you for taking the time to talk with me.")
    )
    paragraphs = [gettext("Hi %(contact)s,") % names, f"{opening} {_work_sentence(contact)}"]
    if pitch:
        paragraphs.append(gettext("A little about me: %(pitch)s") % {"pitch": pitch})
    paragraphs.append(gettext("I hope we can stay in touch."))
    closing = gettext("Best regards,")
    paragraphs.append(f"{closing}\n{names['me']}")
    return "\n\n".join(paragraphs)


def messages_for(contact, member):
    """The connection request and the thank-you note for `contact`, signed by `member`.

    Titles are in the active (member's) language; the texts in the contact's. They name the
    contact's company and role where known. The thank-you note (the connection note has no room
    under LinkedIn's limit) also carries the member's elevator pitch, but only to a contact who
    writes in the member's own language: the pitch is written in one language, and a Finnish note
    with a Swedish paragraph in the middle reads as a mistake.
    """
    names = {"contact": _first_name(contact.name), "me": member.display_name}
    event = contact.met_at_event.name if contact.met_at_event_id else ""
    pitch = member.elevator_pitch.strip() if contact.language == member.preferred_language else ""
    titles = {"connection": gettext("Connection request"), "thanks": gettext("Thank-you note")}
    language_name = translation.get_language_info(contact.language)["name_translated"]
    with translation.override(contact.language):
        connection = _connection(contact, names, event, with_company=True)
        if len(connection) > CONNECTION_NOTE_LIMIT:
            # The company is the first thing to give up for a note that fits.
            connection = _connection(contact, names, event, with_company=False)
        thanks = _thanks(contact, names, event, pitch)
    return {
        "language_name": language_name,
        "items": [
            Message("connection", titles["connection"], connection, CONNECTION_NOTE_LIMIT),
            Message("thanks", titles["thanks"], thanks),
        ],
    }
