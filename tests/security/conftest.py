"""The world the access and fuzz tests attack: alice's objects, her coaches, and a stranger's objects.

- alice: a member; owns one of each tracker object, an evaluation, a membership, a pending network;
- bob: her coach, "progress" scope; fiona: her coach, "progress and contacts";
- dave: a coach alice invited who has not accepted yet (no access);
- charlie: a member and a stranger, with objects of his own (the "wrong ids" of the fuzz tests).
"""

import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.test import Client
from django.urls import resolve
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from accounts.models import GrantScope, GrantStatus
from accounts.signup import PendingSignup, signup_token_make
from accounts.tracker.transfers.calendar import feed_for
from accounts.tracker.transfers.reminders import opt_out_token
from articles.models import Article
from networks.models import Network
from tests.coaching.factories import CommentFactory, GrantFactory, SuggestionFactory
from tests.factories import CoachFactory
from tests.networks.factories import MembershipFactory, NetworkFactory, evaluate
from tests.tracker.factories import ContactFactory, EventFactory, FollowUpFactory, GoalFactory, InteractionFactory


def media_root():
    """Where /media/ is served from: fixed when the URLconf was first imported (an earlier test may
    have overridden MEDIA_ROOT then), so ask the resolver rather than the settings."""
    return Path(resolve(f"/{settings.MEDIA_URL.lstrip('/')}x").kwargs["document_root"])


@pytest.fixture
def world(alice, bob, charlie):
    fiona = CoachFactory(email="fiona@example.com", display_name="Fiona Fagerlund")
    dave = CoachFactory(email="dave@example.com", display_name="Dave Dahl")
    bob_grant = GrantFactory(member=alice, coach=bob, scope=GrantScope.PROGRESS)
    GrantFactory(member=alice, coach=fiona, scope=GrantScope.FULL)
    dave_invitation = GrantFactory(member=alice, coach=dave, status=GrantStatus.AWAITING_COACH)
    event = EventFactory(owner=alice)
    contact = ContactFactory(owner=alice, met_at_event=event)
    network = NetworkFactory(slug="open-network")
    pending = NetworkFactory(slug="alices-pending", status=Network.Status.PENDING, submitted_by=alice)
    guide = Article.objects.create(key="published-guide", title_en="Published", status=Article.Status.PUBLISHED)
    draft = Article.objects.create(key="draft-guide", title_en="Draft", status=Article.Status.DRAFT)
    charlie_event = EventFactory(owner=charlie)
    charlie_contact = ContactFactory(owner=charlie, met_at_event=charlie_event)
    media_file = media_root() / "security-tests" / f"{uuid.uuid4().hex}.txt"
    media_file.parent.mkdir(parents=True, exist_ok=True)
    media_file.write_text("Nothing secret.")
    values = {
        "alice": alice.pk,
        "goal": GoalFactory(owner=alice, event=event).pk,
        "contact": contact.pk,
        "interaction": InteractionFactory(contact=contact).pk,
        "follow_up": FollowUpFactory(owner=alice, contact=contact).pk,
        "event": event.pk,
        "network": network.slug,
        "pending_network": pending.slug,
        "evaluation": evaluate(alice, network, [4, 4, 4, 4, 4]).pk,
        "membership": MembershipFactory(member=alice, network=network).pk,
        "bob_grant": bob_grant.pk,
        "dave_invitation": dave_invitation.pk,
        "bob_comment": CommentFactory(member=alice, coach=bob, author=bob).pk,
        "suggestion": SuggestionFactory(member=alice, coach=bob).pk,
        "guide": guide.slug_en,
        "draft_guide": draft.slug_en,
        "calendar_token": feed_for(alice).token,
        "reminders_token": opt_out_token(alice),
        "alice_uidb64": urlsafe_base64_encode(force_bytes(alice.pk)),
        "alice_reset_token": default_token_generator.make_token(alice),
        "signup_token": signup_token_make(PendingSignup("newcomer@example.com", "Newcomer", "en")),
        "media_file": media_file.relative_to(media_root()).as_posix(),
        # charlie's: what alice must never be able to link to or touch.
        "charlie_ids": [
            charlie_event.pk,
            charlie_contact.pk,
            GoalFactory(owner=charlie).pk,
            FollowUpFactory(owner=charlie, contact=charlie_contact).pk,
            NetworkFactory(status=Network.Status.PENDING, submitted_by=charlie).pk,
            GrantFactory(member=charlie, coach=CoachFactory()).pk,
        ],
    }
    yield {"users": {"alice": alice, "bob": bob, "charlie": charlie, "fiona": fiona, "dave": dave}, **values}
    media_file.unlink(missing_ok=True)


def client_for(world, actor):
    client = Client()
    if actor != "anonymous":
        client.force_login(world["users"][actor])
    return client
