"""One of every personal row for a member, built from the other apps' factories.

`personal_data(member, coach)` gives `member` a row of every kind the export and the deletion must
handle (n of each where it matters, to show that query counts do not grow with the data).
"""

import datetime

from django.utils import timezone

from accounts.models import (
    AccessKind,
    CalendarFeed,
    CoachAccessLog,
    GoalProgress,
    GrantScope,
    ReminderLog,
)
from networks.models import Criterion, Membership, Network, Priority
from tests.coaching.factories import CommentFactory, GrantFactory, SuggestionFactory
from tests.networks.factories import MembershipFactory, NetworkFactory, evaluate
from tests.tracker.factories import ContactFactory, EventFactory, FollowUpFactory, GoalFactory, InteractionFactory


def personal_data(member, coach, *, n=1, scores=(4, 4, 4, 4, 4)):
    """Rows of every kind for `member` (coach: an active FULL grant, a comment, a suggestion, a log row)."""
    today = timezone.localdate()
    rows = {"events": [], "goals": [], "contacts": [], "networks": [], "evaluations": []}
    for i in range(n):
        event = EventFactory(owner=member)
        network = NetworkFactory()
        goal = GoalFactory(owner=member, event=event, network=network)
        GoalProgress.objects.create(goal=goal, recorded_on=today - datetime.timedelta(days=1), progress=1)
        contact = ContactFactory(owner=member, met_at_event=event, met_at_network=network)
        InteractionFactory(contact=contact)
        FollowUpFactory(owner=member, contact=contact)
        MembershipFactory(member=member, network=network, status=Membership.Status.JOINED)
        rows["evaluations"].append(evaluate(member, network, list(scores), comment=f"Comment {i}", notes=None))
        NetworkFactory(submitted_by=member, status=Network.Status.PENDING)
        ReminderLog.objects.create(owner=member, sent_on=today - datetime.timedelta(days=i), follow_up_count=1)
        rows["events"].append(event)
        rows["goals"].append(goal)
        rows["contacts"].append(contact)
        rows["networks"].append(network)
    for criterion in Criterion.objects.all():
        Priority.objects.update_or_create(member=member, criterion=criterion, defaults={"weight": 4})
    CalendarFeed.objects.get_or_create(owner=member)
    rows["grant"] = GrantFactory(member=member, coach=coach, scope=GrantScope.FULL)
    comment = CommentFactory(member=member, coach=coach, author=coach, goal=rows["goals"][0])
    CommentFactory(member=member, coach=coach, author=member, parent=comment)
    SuggestionFactory(member=member, coach=coach)
    CoachAccessLog.objects.create(coach=coach, member=member, what=AccessKind.OVERVIEW)
    CoachAccessLog.objects.create(coach=coach, member=member, what=AccessKind.CONTACT, contact=rows["contacts"][0])
    return rows
