"""Delete an account and the personal data that hangs off it, in one transaction.

What happens to each kind of row (docs/security.md has the full table):
- the tracker, coaching rows (both sides), memberships and priorities go with the user (CASCADE);
- coach grants are deleted explicitly first, so no coach keeps access for a moment longer;
- evaluations: see `_evaluations_release`; the networks' aggregates are recomputed in the same transaction;
- networks the user suggested stay, without their name (Network.submitted_by is SET_NULL);
- guides keep their author's name: Article.author_name is a string, not a link to the account;
- every session of the user is deleted from the session store;
- the confirmation e-mail goes out only once the deletion is committed.
"""

import logging
from importlib import import_module

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from accounts.models import CoachGrant, User
from networks.models import Evaluation, Score
from networks.services import evaluation_delete
from rookie.lib.email import send_templated_email

logger = logging.getLogger("rookie.auth")


def sessions_end(user):
    """Delete every stored session of `user`; returns how many.

    Sessions are not indexed by user, so each live one is decoded (fine at Rookie's size; a deletion
    is rare). With a cache-only session engine nothing can be listed: there a session of a deleted
    user resolves to no user anyway, because the user row is gone.
    """
    store_class = import_module(settings.SESSION_ENGINE).SessionStore
    if not hasattr(store_class, "get_model_class"):
        return 0
    user_id = str(user.pk)
    model = store_class.get_model_class()
    doomed = []
    for key, data in model.objects.filter(expire_date__gt=timezone.now()).values_list("session_key", "session_data"):
        if store_class().decode(data).get(SESSION_KEY) == user_id:
            doomed.append(key)
    for key in doomed:
        store_class(session_key=key).delete(key)  # also clears the cache copy with cached_db
    return len(doomed)


def evaluations_kept():
    """Whether a deleted member's evaluations stay (anonymised) or go (see _evaluations_release)."""
    return Evaluation._meta.get_field("member").null


def _evaluations_release(user):
    """Take the user's name off their evaluations, or delete them where the model cannot do without it.

    With a nullable Evaluation.member the evaluation and its scores stay (the networks' averages do
    not move) with the member detached and the free texts (public comment, private notes) cleared.
    Until networks allows that, the evaluations are deleted, and networks.signals recomputes each
    network's aggregates from the remaining scores in this same transaction.
    """
    evaluations = Evaluation.objects.filter(member=user)
    if evaluations_kept():
        Score.objects.filter(evaluation__member=user).update(note="")
        return evaluations.update(member=None, comment="")
    count = 0
    for evaluation in list(evaluations):
        # Through networks' own service: it locks the network row before the scores change.
        evaluation_delete(evaluation=evaluation)
        count += 1
    return count


def account_delete(*, user):
    """Delete `user` and their personal data; the confirmation e-mail is sent after the commit."""
    email, name, language, user_id = user.email, user.display_name, user.preferred_language, user.pk
    with transaction.atomic():
        # Lock the row: a second deletion (double click, two tabs) waits and then finds nothing.
        if not User.objects.select_for_update().filter(pk=user_id).exists():
            return False
        CoachGrant.objects.filter(Q(member=user) | Q(coach=user)).delete()
        _evaluations_release(user)
        sessions = sessions_end(user)
        user.delete()
        transaction.on_commit(lambda: send_account_deleted(email=email, name=name, language=language))
    logger.info("account deleted user_id=%s sessions_ended=%s", user_id, sessions)
    return True


def send_account_deleted(*, email: str, name: str, language: str) -> None:
    """The confirmation, in the language the member chose; the account is already gone."""
    send_templated_email(
        to=email,
        language=language,
        template="email/account_deleted",
        context={"name": name, "evaluations_kept": evaluations_kept(), "contact": settings.SECURITY_CONTACT_EMAIL},
    )
