"""Demo content for `seed_demo`: the demo coach with two clients, a comment and a suggestion. Idempotent.

- users["member"] shares "progress and contacts" (their tracker comes from tracker_demo);
- users["client"] (a second demo member) shares "progress" only, and gets a small tracker of
  their own here, spread over the last weeks, so the coach page's summary and chart have data.

Texts are written in each client's own language (en, sv, da or fi). Rows are keyed on stable
values (the pair of people, a title, a contact's e-mail), so a second run finds them.
"""

import datetime

from django.utils import timezone

from accounts.coaching import services as coaching_services
from accounts.models import (
    CoachComment,
    CoachGrant,
    Contact,
    FollowUp,
    Goal,
    GoalKind,
    GoalStatus,
    GoalSuggestion,
    GrantScope,
    GrantStatus,
    Interaction,
    InteractionKind,
)
from accounts.models.coaching import ActionKind, CoachingSession, CoachNote
from accounts.tracker import services as tracker_services

TEXTS = {
    "en": {
        "goal_comment": "Good start! Before the next event, write down the names of the three people you most want "
        "to meet.",
        "general": "Your follow-ups are getting quicker. Keep sending a thank-you within a day or two: people "
        "remember it.",
        "reply": "Thanks! I will try that at the meetup next week.",
        "suggestion": "Ask two contacts for an informational interview",
        "suggestion_note": "You have met interesting people lately. Half an hour with two of them will teach you "
        "more than a month of job ads.",
        "g_meet": "Talk to four new people at the Copenhagen tech meetup",
        "g_interview": "Have two informational interviews before the summer",
        "g_linkedin": "Finish my LinkedIn profile",
        "i_1": "Talked about junior roles in their data team.",
        "i_2": "Coffee: how he moved from consulting to product.",
        "i_3": "Thanked her for the tips and sent my CV.",
        "i_4": "Informational interview about the trainee programme.",
        "i_5": "Met at the alumni evening; agreed to keep in touch.",
        "i_6": "Short call about an opening in their Aarhus office.",
        "f_overdue": "Send Nanna the portfolio link",
        "f_on_time": "Thank Oskar for the interview",
        "f_late": "Reply to Ida about the alumni mentoring",
        "f_snoozed": "Ask Oskar for an introduction to the hiring manager",
        "f_next": "Book coffee with Ida",
        "r_nanna": "Data lead",
        "r_oskar": "Product manager",
        "r_ida": "Mentor coordinator",
    },
    "sv": {
        "goal_comment": "Bra början! Skriv ner namnen på de tre personer du helst vill träffa innan nästa evenemang.",
        "general": "Du följer upp allt snabbare. Fortsätt att tacka inom en dag eller två: folk kommer ihåg det.",
        "reply": "Tack! Jag provar det på träffen nästa vecka.",
        "suggestion": "Be två kontakter om en informationsintervju",
        "suggestion_note": "Du har träffat intressanta personer på sistone. En halvtimme med två av dem lär dig mer "
        "än en månad med platsannonser.",
        "g_meet": "Prata med fyra nya personer på techträffen i Köpenhamn",
        "g_interview": "Gör två informationsintervjuer före sommaren",
        "g_linkedin": "Gör klart min LinkedIn-profil",
        "i_1": "Pratade om juniortjänster i deras datateam.",
        "i_2": "Fika: hur han gick från konsultbranschen till produktutveckling.",
        "i_3": "Tackade för tipsen och skickade mitt cv.",
        "i_4": "Informationsintervju om traineeprogrammet.",
        "i_5": "Träffades på alumnikvällen; vi lovade att höras.",
        "i_6": "Kort samtal om en ledig tjänst på kontoret i Århus.",
        "f_overdue": "Skicka länken till portfolion till Nanna",
        "f_on_time": "Tacka Oskar för intervjun",
        "f_late": "Svara Ida om alumnimentorskapet",
        "f_snoozed": "Be Oskar om en introduktion till den rekryterande chefen",
        "f_next": "Boka en fika med Ida",
        "r_nanna": "Datachef",
        "r_oskar": "Produktchef",
        "r_ida": "Mentorsamordnare",
    },
    "da": {
        "goal_comment": "God start! Skriv navnene på de tre personer, du helst vil møde, ned før næste arrangement.",
        "general": "Du følger hurtigere op nu. Bliv ved med at sende en tak inden for en dag eller to: "
        "folk husker det.",
        "reply": "Tak! Det prøver jeg til mødet i næste uge.",
        "suggestion": "Bed to kontakter om et informationsinterview",
        "suggestion_note": "Du har mødt spændende mennesker på det seneste. En halv time med to af dem lærer dig mere "
        "end en måned med jobopslag.",
        "g_meet": "Tal med fire nye mennesker til tech-mødet i København",
        "g_interview": "Hav to informationsinterviews inden sommerferien",
        "g_linkedin": "Gør min LinkedIn-profil færdig",
        "i_1": "Talte om juniorstillinger i deres datateam.",
        "i_2": "Kaffe: hvordan han gik fra konsulentbranchen til produktudvikling.",
        "i_3": "Takkede for tippene og sendte mit CV.",
        "i_4": "Informationsinterview om traineeprogrammet.",
        "i_5": "Mødtes til alumneaftenen; vi aftalte at holde kontakten.",
        "i_6": "Kort opkald om en ledig stilling på kontoret i Aarhus.",
        "f_overdue": "Send Nanna linket til min portfolio",
        "f_on_time": "Tak Oskar for interviewet",
        "f_late": "Svar Ida om alumne-mentorordningen",
        "f_snoozed": "Bed Oskar om at introducere mig for den ansættende leder",
        "f_next": "Aftal en kop kaffe med Ida",
        "r_nanna": "Datachef",
        "r_oskar": "Produktchef",
        "r_ida": "Mentorkoordinator",
    },
    "fi": {
        "goal_comment": "Hyvä alku! Kirjoita ennen seuraavaa tapahtumaa muistiin niiden kolmen ihmisen nimet, jotka "
        "haluat eniten tavata.",
        "general": "Hoidat seurantatehtäväsi yhä nopeammin. Jatka kiitosviestien lähettämistä päivän tai kahden "
        "sisällä: ihmiset muistavat sen.",
        "reply": "Kiitos! Kokeilen sitä ensi viikon tapaamisessa.",
        "suggestion": "Pyydä kahdelta kontaktilta tietohaastattelua",
        "suggestion_note": "Olet tavannut viime aikoina kiinnostavia ihmisiä. Puoli tuntia kahden heistä kanssa "
        "opettaa enemmän kuin kuukausi työpaikkailmoituksia.",
        "g_meet": "Juttele neljän uuden ihmisen kanssa Kööpenhaminan tech-tapaamisessa",
        "g_interview": "Tee kaksi tietohaastattelua ennen kesää",
        "g_linkedin": "Viimeistele LinkedIn-profiilini",
        "i_1": "Juttelimme heidän datatiiminsä junioritehtävistä.",
        "i_2": "Kahvit: miten hän siirtyi konsultoinnista tuotekehitykseen.",
        "i_3": "Kiitin vinkeistä ja lähetin ansioluetteloni.",
        "i_4": "Tietohaastattelu trainee-ohjelmasta.",
        "i_5": "Tapasimme alumni-illassa; sovimme pitävämme yhteyttä.",
        "i_6": "Lyhyt puhelu avoimesta paikasta heidän Aarhusin toimistossaan.",
        "f_overdue": "Lähetä Nannalle linkki portfoliooni",
        "f_on_time": "Kiitä Oskaria haastattelusta",
        "f_late": "Vastaa Idalle alumnien mentorointiohjelmasta",
        "f_snoozed": "Pyydä Oskaria esittelemään minut rekrytoivalle esihenkilölle",
        "f_next": "Sovi kahvit Idan kanssa",
        "r_nanna": "Datatiimin vetäjä",
        "r_oskar": "Tuotepäällikkö",
        "r_ida": "Mentorointikoordinaattori",
    },
}

# key: (name, company, e-mail, language); the role is a text ("r_<key>") in the client's language.
CONTACTS = {
    "nanna": ("Nanna Skov", "Bølge Data ApS", "nanna@bolgedata.example", "da"),
    "oskar": ("Oskar Berg", "Øresund Mobility", "oskar@oresund.example", "sv"),
    "ida": ("Ida Lund", "Aarhus Alumni", "ida@aarhusalumni.example", "da"),
}

# contact, kind, days ago, note key: spread over the chart's twelve weeks.
INTERACTIONS = [
    ("nanna", InteractionKind.EVENT, 2, "i_1"),
    ("oskar", InteractionKind.FIKA, 10, "i_2"),
    ("nanna", InteractionKind.EMAIL, 17, "i_3"),
    ("oskar", InteractionKind.INTERVIEW, 31, "i_4"),
    ("ida", InteractionKind.EVENT, 45, "i_5"),
    ("ida", InteractionKind.CALL, 66, "i_6"),
]

# title key, contact, due in days, done days ago (None: open), first due in days (snoozed) or None
FOLLOW_UPS = [
    ("f_overdue", "nanna", -3, None, None),
    ("f_on_time", "oskar", -9, 10, None),
    ("f_late", "ida", -14, 8, None),
    ("f_snoozed", "oskar", -4, 5, -12),
    ("f_next", "ida", 4, None, None),
]

# title key, kind, target, progress, due in days
GOALS = [
    ("g_meet", GoalKind.MEET, 4, 3, 12),
    ("g_interview", GoalKind.INTERVIEWS, 2, 1, 60),
    ("g_linkedin", GoalKind.CUSTOM, 1, 0, 7),
]


def _texts(user):
    return TEXTS.get(user.preferred_language, TEXTS["en"])


def _grant(member, coach, scope):
    """An active grant, unless the pair already has one (in any state: a demo revoke stays revoked)."""
    grant = CoachGrant.objects.filter(member=member, coach=coach).order_by("-created_at").first()
    if grant is None:
        grant = CoachGrant.objects.create(
            member=member, coach=coach, scope=scope, status=GrantStatus.ACTIVE, accepted_at=timezone.now()
        )
    return grant


def _client_tracker(client, texts, today):
    now = timezone.now()
    contacts = {}
    for key, (name, company, email, language) in CONTACTS.items():
        contacts[key], _created = Contact.objects.get_or_create(
            owner=client,
            email=email,
            defaults={
                "name": name,
                "company": company,
                "role": texts[f"r_{key}"],
                "language": language,
                "keep_in_touch_days": 60,
            },
        )
    for key, kind, days_ago, note in INTERACTIONS:
        _interaction, created = Interaction.objects.get_or_create(
            owner=client,
            contact=contacts[key],
            notes=texts[note],
            defaults={"kind": kind, "occurred_on": today - datetime.timedelta(days=days_ago)},
        )
        if created:
            tracker_services.contact_touch_recompute(contacts[key])
    for title, key, due_in, done_ago, first_due_in in FOLLOW_UPS:
        FollowUp.objects.get_or_create(
            owner=client,
            title=texts[title],
            defaults={
                "contact": contacts[key],
                "due_date": today + datetime.timedelta(days=due_in),
                "done_at": now - datetime.timedelta(days=done_ago) if done_ago is not None else None,
                "original_due_date": today + datetime.timedelta(days=first_due_in) if first_due_in else None,
            },
        )
    goals = []
    for title, kind, target, progress, due_in in GOALS:
        goal = Goal.objects.filter(owner=client, title=texts[title]).first()
        if goal is None:
            goal = tracker_services.goal_create(
                owner=client,
                title=texts[title],
                kind=kind,
                target=target,
                due_date=today + datetime.timedelta(days=due_in),
                today=today - datetime.timedelta(days=40),
            )
            # A history with a few steps, so the progress chart has a shape.
            for step in range(1, progress + 1):
                tracker_services.goal_progress_set(
                    goal=goal, progress=step, today=today - datetime.timedelta(days=30 - 9 * step)
                )
        goals.append(goal)
    return goals


def _feedback(member, coach, texts, *, reply):
    """A comment on the member's first active goal, a general note, and one suggested goal."""
    if not CoachComment.objects.filter(member=member, coach=coach).exists():
        goal = Goal.objects.filter(owner=member, status=GoalStatus.ACTIVE).order_by("due_date", "id").first()
        first = CoachComment.objects.create(
            member=member, coach=coach, author=coach, goal=goal, body=texts["goal_comment"]
        )
        if reply:
            CoachComment.objects.create(member=member, coach=coach, author=member, parent=first, body=texts["reply"])
        CoachComment.objects.create(member=member, coach=coach, author=coach, body=texts["general"])
    GoalSuggestion.objects.get_or_create(
        member=member,
        coach=coach,
        title=texts["suggestion"],
        defaults={
            "kind": GoalKind.INTERVIEWS,
            "target": 2,
            "due_date": timezone.localdate() + datetime.timedelta(days=30),
            "note": texts["suggestion_note"],
        },
    )


def seed(*, users, stdout):
    coach, member, client = users["coach"], users["member"], users["client"]
    today = timezone.localdate()
    member_grant = _grant(member, coach, GrantScope.FULL)
    _grant(client, coach, GrantScope.PROGRESS)
    _client_tracker(client, _texts(client), today)
    _feedback(member, coach, _texts(member), reply=True)
    _feedback(client, coach, _texts(client), reply=False)
    if member_grant.status == GrantStatus.ACTIVE:
        _session(member_grant, member.preferred_language, today)
    stdout.write(f"Coaching demo: {coach.email} coaches {member.email} (contacts too) and {client.email} (progress)")


# A recorded session with the member (one goal and one follow-up agreed, both waiting) and the
# coach's private note, in the member's language (the "member" client only: the other client's
# single suggestion is what the demo tests expect of them).
SESSION_TEXTS = {
    "en": {
        "session": "We went through the career fair next week: which three companies "
        "to visit first and how to open a conversation in two sentences.",
        "a_goal": "Talk to three new people at the career fair",
        "a_follow_up": "Send the recruiter you meet at the fair a thank-you",
        "note": "Prepares well but hesitates to start conversations; practise the opening line together next time.",
    },
    "sv": {
        "session": "Vi gick igenom arbetsmarknadsdagen nästa vecka: vilka tre företag du ska "
        "besöka först och hur du inleder ett samtal med två meningar.",
        "a_goal": "Prata med tre nya personer på arbetsmarknadsdagen",
        "a_follow_up": "Skicka ett tack till rekryteraren du träffar på mässan",
        "note": "Förbereder sig väl men tvekar att ta första kontakten; öva inledningsfrasen tillsammans nästa gång.",
    },
    "da": {
        "session": "Vi gennemgik karrieremessen i næste uge: hvilke tre virksomheder du "
        "besøger først, og hvordan du indleder en samtale med to sætninger.",
        "a_goal": "Tal med tre nye mennesker på karrieremessen",
        "a_follow_up": "Send en tak til den rekrutterer, du møder på messen",
        "note": "Forbereder sig godt, men tøver med at tage første kontakt; øv åbningsreplikken sammen næste gang.",
    },
    "fi": {
        "session": "Kävimme läpi ensi viikon rekrytointimessut: mitkä kolme yritystä "
        "käyt tapaamassa ensin ja miten aloitat keskustelun kahdella lauseella.",
        "a_goal": "Juttele kolmen uuden ihmisen kanssa rekrytointimessuilla",
        "a_follow_up": "Lähetä kiitos messuilla tapaamallesi rekrytoijalle",
        "note": "Valmistautuu hyvin mutta epäröi aloittaa "
        "keskustelun; harjoitellaan avauslausetta yhdessä ensi kerralla.",
    },
}


def _session(grant, language, today):
    texts = SESSION_TEXTS.get(language, SESSION_TEXTS["en"])
    if CoachingSession.objects.filter(member_id=grant.member_id, coach_id=grant.coach_id).exists():
        return
    coaching_services.session_record(
        grant=grant,
        notify=False,  # demo data e-mails nobody
        held_on=today - datetime.timedelta(days=2),
        discussed=texts["session"],
        actions=[
            {"kind": ActionKind.GOAL, "title": texts["a_goal"], "goal_kind": GoalKind.MEET, "target": 3},
            {
                "kind": ActionKind.FOLLOW_UP,
                "title": texts["a_follow_up"],
                "due_date": today + datetime.timedelta(days=5),
            },
        ],
    )
    CoachNote.objects.get_or_create(coach_id=grant.coach_id, member_id=grant.member_id, body=texts["note"])
