"""Forms of the coaching feature. Look-ups go through the signed-in user; the messages say plainly
what is wrong without telling more than needed about which e-mail addresses have accounts."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from accounts.models import CoachGrant, Goal, GoalKind, GoalSuggestion, GrantScope, GrantStatus, User
from accounts.models.coaching import ActionKind, CoachingSession, CoachNote
from rookie.lib.counters import counter_give_back, counter_hit
from rookie.lib.fields import ModelChoiceField
from rookie.lib.widgets import DateInput

# Each unsuccessful look-up of an address counts; past this many an hour the form stops looking,
# so the invitation form cannot be used to test a list of addresses.
LOOKUP_MISSES_PER_HOUR = 10


def _misses_key(user):
    return f"coaching:invite-misses:{user.pk}"


def _lookup_allowed(user) -> bool:
    """Count this look-up as a miss before it runs; False once the hour's allowance is spent.

    Counted first, in one atomic step, so simultaneous submissions cannot all pass a check made
    before any of them was counted. A look-up that finds someone gives its count back.
    """
    return counter_hit(_misses_key(user), window_seconds=3600) <= LOOKUP_MISSES_PER_HOUR


def _not_a_miss(user):
    counter_give_back(_misses_key(user))


class ScopeField(forms.ChoiceField):
    def __init__(self, **kwargs):
        super().__init__(
            choices=GrantScope.choices,
            widget=forms.RadioSelect,
            label=_("What you share"),
            help_text=_(
                "Progress: your goals and their history, follow-up statistics, memberships and evaluations. "
                "Progress and contacts adds your contacts, interactions and follow-ups."
            ),
            **kwargs,
        )


class _InviteForm(forms.Form):
    """Finds the other person by e-mail; subclasses say who may be invited and what to say."""

    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
    role = None
    not_found_message = None

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def _existing(self, other):
        raise NotImplementedError

    def clean_email(self):
        email = User.objects.normalize_email(self.cleaned_data["email"])
        if email == User.objects.normalize_email(self.user.email):
            raise forms.ValidationError(_("That is your own address: enter the address of someone else."))
        if not _lookup_allowed(self.user):
            raise forms.ValidationError(_("You have tried too many addresses. Please try again in an hour."))
        other = User.objects.filter(email=email, role=self.role, is_active=True).first()
        if other is None:
            # The same answer for "no account" and "an account with another role".
            raise forms.ValidationError(self.not_found_message)
        _not_a_miss(self.user)
        existing = self._existing(other)
        if existing is not None:
            raise forms.ValidationError(self.duplicate_message(existing))
        self.cleaned_data["other"] = other
        return email


class MemberInviteForm(_InviteForm):
    """A member invites their coach."""

    role = User.Role.COACH
    not_found_message = _(
        "There is no career coach on Rookie with this e-mail address. Check the address with your coach."
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].label = _("Your coach's e-mail address")
        self.fields["scope"] = ScopeField(initial=GrantScope.PROGRESS)

    def _existing(self, coach):
        return CoachGrant.objects.open().filter(member=self.user, coach=coach).first()

    @staticmethod
    def duplicate_message(grant):
        return {
            GrantStatus.ACTIVE: _("This coach already sees your progress."),
            GrantStatus.AWAITING_COACH: _("You have already invited this coach; the invitation is waiting for them."),
            GrantStatus.AWAITING_MEMBER: _("This coach has already invited you: accept the invitation below."),
        }[grant.status]


class CoachInviteForm(_InviteForm):
    """A coach invites a member, who then accepts and chooses what to share."""

    role = User.Role.MEMBER
    not_found_message = _(
        "There is no member on Rookie with this e-mail address. Ask them to sign up first, "
        "or to invite you from their Coaching page."
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].label = _("Your client's e-mail address")

    def _existing(self, member):
        return CoachGrant.objects.open().filter(member=member, coach=self.user).first()

    @staticmethod
    def duplicate_message(grant):
        return {
            GrantStatus.ACTIVE: _("This member already shares their progress with you."),
            GrantStatus.AWAITING_COACH: _("This member has already invited you: accept the invitation below."),
            GrantStatus.AWAITING_MEMBER: _("You have already invited this member; the invitation is waiting for them."),
        }[grant.status]


class ScopeForm(forms.Form):
    scope = ScopeField()


class _BodyField(forms.CharField):
    def __init__(self, *, label, max_length=2000):
        super().__init__(
            label=label, max_length=max_length, widget=forms.Textarea(attrs={"rows": 3, "maxlength": max_length})
        )


class CommentForm(forms.Form):
    """A coach's comment: on one of the client's goals, or general."""

    body = _BodyField(label=_("Comment"))
    goal = ModelChoiceField(
        # "About" alone is also a contact's details heading; the context keeps the two translatable apart.
        label=pgettext_lazy("goal a coach's comment is about", "About"),
        queryset=Goal.objects.none(),
        required=False,
        empty_label=_("General note"),
    )

    def __init__(self, *args, member, **kwargs):
        super().__init__(*args, **kwargs)
        # Only the client's own goals; any other id is "not one of the available choices".
        self.fields["goal"].queryset = Goal.objects.filter(owner=member).order_by("title", "id")


class ReplyForm(forms.Form):
    body = _BodyField(label=_("Your reply"))


def reply_form_for(thread, data=None):
    # One reply form per conversation on a page: ids carry the thread's id so labels stay unique.
    return ReplyForm(data, auto_id=f"id_reply{thread.pk}_%s")


def attach_reply_forms(threads, bound=None):
    """Give every thread a `reply_form`: the submitted one (with its errors) or an empty one."""
    for thread in threads:
        thread.reply_form = (bound or {}).get(thread.pk) or reply_form_for(thread)


class SuggestionForm(forms.ModelForm):
    class Meta:
        model = GoalSuggestion
        fields = ["title", "kind", "target", "due_date", "note"]
        widgets = {
            "due_date": DateInput(),
            "note": forms.Textarea(attrs={"rows": 2, "maxlength": 1000}),
        }
        labels = {"title": _("Suggested goal"), "note": _("Why this goal (optional)")}

    def clean_due_date(self):
        due_date = self.cleaned_data.get("due_date")
        if due_date and due_date < timezone.localdate():
            raise forms.ValidationError(_("Choose a date from today on."))
        return due_date


# --- Sessions, agreed actions, private notes ------------------------------------------------------

# A session form offers this many rows for agreed actions (no script needed to add one).
ACTION_ROWS = 3


class SessionForm(forms.ModelForm):
    class Meta:
        model = CoachingSession
        fields = ["held_on", "discussed"]
        widgets = {
            "held_on": DateInput(),
            "discussed": forms.Textarea(attrs={"rows": 4, "maxlength": 4000}),
        }

    def clean_held_on(self):
        held_on = self.cleaned_data["held_on"]
        # A session is recorded once it was held (a plan for one is a follow-up).
        if held_on > timezone.localdate():
            raise forms.ValidationError(_("A session is recorded once it was held: choose today or an earlier day."))
        return held_on


class ActionForm(forms.Form):
    """One agreed action; a row left empty is no action."""

    kind = forms.ChoiceField(label=_("Kind of action"), choices=[("", "—"), *ActionKind.choices], required=False)
    title = forms.CharField(label=_("Agreed action"), max_length=200, required=False)
    goal_kind = forms.ChoiceField(
        label=_("What the goal counts"),
        choices=GoalKind.choices,
        initial=GoalKind.CUSTOM,
        required=False,
        help_text=_("For a goal only. All but custom goals count themselves from the member's records."),
    )
    target = forms.IntegerField(label=_("Target"), min_value=1, max_value=1000, initial=1, required=False)
    due_date = forms.DateField(
        label=_("Due date"),
        required=False,
        help_text=_("Required for a follow-up, optional for a goal."),
        widget=DateInput(),
    )

    def clean(self):
        data = super().clean()
        kind, title = data.get("kind"), (data.get("title") or "").strip()
        if not kind and not title:
            return {}
        if not kind:
            self.add_error("kind", _("Choose a goal or a follow-up."))
        if not title:
            self.add_error("title", _("Say what was agreed."))
        due_date = data.get("due_date")
        if kind == ActionKind.FOLLOW_UP and not due_date:
            self.add_error("due_date", _("A follow-up needs a due date."))
        if due_date and due_date < timezone.localdate():
            self.add_error("due_date", _("Choose a date from today on."))
        if kind == ActionKind.GOAL and not data.get("goal_kind"):
            data["goal_kind"] = GoalKind.CUSTOM
        data["title"] = title
        data["target"] = data.get("target") or 1
        return data

    def action_fields(self):
        """The cleaned action for services.session_record, or None for an empty row."""
        data = self.cleaned_data
        if not data.get("kind"):
            return None
        fields = {"kind": data["kind"], "title": data["title"], "due_date": data.get("due_date")}
        if data["kind"] == ActionKind.GOAL:
            fields |= {"goal_kind": data.get("goal_kind") or GoalKind.CUSTOM, "target": data["target"]}
        return fields


ActionFormSet = forms.formset_factory(ActionForm, extra=ACTION_ROWS, max_num=ACTION_ROWS, validate_max=True)


class NoteForm(forms.ModelForm):
    class Meta:
        model = CoachNote
        fields = ["body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 4, "maxlength": 4000})}
        labels = {"body": _("New private note")}


class ActionAnswerForm(forms.Form):
    """The member's answer to an agreed action; the action's id is in the form (the access helper
    finds it among the member's own, else 404)."""

    action = forms.IntegerField(min_value=1, max_value=2**31 - 1)
    answer = forms.ChoiceField(choices=[("accept", "accept"), ("decline", "decline")])
