"""Bulk changes to a member's contacts (the contact list's actions on a selection or on every match).

Each function takes the owner and a queryset of contacts already narrowed to the owner's (the view
builds it from the owner's contacts, so a forged id of someone else's contact is never in it), and
writes in one transaction with a fixed number of queries whatever the number of contacts: UPDATEs
with SQL expressions instead of a save() per row. Nothing here sends post_save/post_delete signals,
so each function makes the member's cached pages stale itself (member_data_changed).
"""

import datetime

from django.db import transaction
from django.db.models import Case, DateField, F, IntegerField, QuerySet, Value, When
from django.db.models.functions import Cast, Coalesce, Concat, Length, Replace, Substr, TruncDate
from django.utils import timezone

from accounts.models import Contact, FollowUp, Interaction, User
from accounts.models.coaching import CoachAccessLog
from accounts.signals import member_data_changed
from accounts.tracker import queries
from accounts.tracker.services import owner_lock

TAGS_MAX_LENGTH: int = getattr(Contact._meta.get_field("tags"), "max_length", 200)
SEP = queries.TAG_SEPARATOR


def _owned(owner: User, contacts: QuerySet[Contact]) -> QuerySet[Contact]:
    """The rows to write: the owner's, among `contacts` (a subquery, so filters on annotations travel)."""
    return Contact.objects.filter(owner=owner, pk__in=contacts.order_by().values("pk"))


def _done(owner: User, count: int) -> int:
    if count:
        member_data_changed([owner.pk])
    return count


def contacts_tag_add(*, owner: User, contacts: QuerySet[Contact], tag: str) -> int:
    """Adds `tag` to the contacts that lack it and have room for it (tags are at most 200 characters
    in all); returns how many changed."""
    with transaction.atomic():
        owner_lock(owner)
        lacking = _owned(owner, contacts).exclude(
            pk__in=queries.contacts_with_tag(queries.contacts_of(owner), tag).values("pk")
        )
        count = (
            lacking.annotate(_tags_length=Length("tags"))
            .filter(_tags_length__lte=TAGS_MAX_LENGTH - len(SEP) - len(tag))
            .update(
                tags=Case(When(tags="", then=Value(tag)), default=Concat(F("tags"), Value(SEP), Value(tag))),
                updated_at=timezone.now(),
            )
        )
        return _done(owner, count)


def contacts_tag_remove(*, owner: User, contacts: QuerySet[Contact], tag: str) -> int:
    """Removes exactly `tag` (not a tag that merely contains it); returns how many changed."""
    with transaction.atomic():
        owner_lock(owner)
        carrying = _owned(owner, contacts).filter(
            pk__in=queries.contacts_with_tag(queries.contacts_of(owner), tag).values("pk")
        )
        # ", a, tag, b, " → ", a, b, ": then the separators added at both ends are cut off again.
        padded = Replace(Concat(Value(SEP), F("tags"), Value(SEP)), Value(f"{SEP}{tag}{SEP}"), Value(SEP))
        count = carrying.update(
            tags=Case(
                When(tags=tag, then=Value("")),
                default=Substr(padded, len(SEP) + 1, Length(padded) - 2 * len(SEP)),
            ),
            updated_at=timezone.now(),
        )
        return _done(owner, count)


def contacts_keep_in_touch(*, owner: User, contacts: QuerySet[Contact], days: int | None) -> int:
    """Sets the keep-in-touch interval (None: no reminders) and moves each contact's next touch date
    as Contact.compute_next_touch_due would: last contact (or the day it was added) + the interval."""
    with transaction.atomic():
        owner_lock(owner)
        if days:
            start = Coalesce(F("last_contacted_on"), TruncDate("created_at", tzinfo=timezone.get_current_timezone()))
            due = Cast(start + datetime.timedelta(days=days), DateField())
        else:
            due = None
        count = _owned(owner, contacts).update(
            keep_in_touch_days=Value(days, output_field=IntegerField()) if days else None,
            next_touch_due=due,
            updated_at=timezone.now(),
        )
        return _done(owner, count)


def contacts_language(*, owner: User, contacts: QuerySet[Contact], language: str) -> int:
    with transaction.atomic():
        owner_lock(owner)
        count = _owned(owner, contacts).update(language=language, updated_at=timezone.now())
        return _done(owner, count)


def contacts_delete(*, owner: User, contacts: QuerySet[Contact]) -> int:
    """Deletes the contacts with their interactions and follow-ups; returns how many contacts went.

    QuerySet.delete() would load every row and send a post_delete signal for each (the tracker
    listens to them), thousands of queries for a large selection; the cascade is done here instead,
    as the models declare it: interactions and follow-ups go, coaches' access log rows keep their
    entry without the contact (SET_NULL).
    """
    with transaction.atomic():
        owner_lock(owner)
        ids = _owned(owner, contacts).values("pk")
        CoachAccessLog.objects.filter(contact__in=ids).update(contact=None)
        FollowUp.objects.filter(owner=owner, contact__in=ids)._raw_delete(FollowUp.objects.db)
        Interaction.objects.filter(owner=owner, contact__in=ids)._raw_delete(Interaction.objects.db)
        count = Contact.objects.filter(owner=owner, pk__in=ids)._raw_delete(Contact.objects.db)
        return _done(owner, count)
