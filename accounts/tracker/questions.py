"""Suggested questions for an informational interview, written for Rookie's members.

UI strings (translated by the catalogue into sv, da and fi); shown on the contact page and on the
interaction form, so a member can glance at them before or during the conversation.
"""

from django.utils.translation import gettext_lazy as _

INTERVIEW_QUESTIONS = [
    _("How did you get to where you are now, and what would you do differently if you started today?"),
    _("What does a normal week in your job look like, and which part of it do you enjoy most?"),
    _("Which skills matter most in your field, and how did you learn them?"),
    _("What do you wish you had known when you were new in this industry?"),
    _("How do people in your field usually find their jobs here: ads, recruiters or their networks?"),
    _("Which associations, networks or events in your field are worth my time?"),
    _("What changes do you see coming in your industry over the next few years?"),
    _("Is there anyone else you think I should talk to, and may I mention that you suggested it?"),
]
