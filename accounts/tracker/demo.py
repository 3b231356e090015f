"""Demo content for `seed_demo`: a tracker that looks lived in. Idempotent.

The demo member gets goals, contacts, interactions, follow-ups and two events written in their
own language (en, sv, da or fi). Rows are keyed on stable values (a contact's e-mail, an event's or
goal's name, a follow-up's title), so a second run, even days later, finds them instead of
adding more. Dates are relative to the first run.
"""

import datetime
from decimal import Decimal

from django.utils import timezone

from accounts.models import (
    Contact,
    Event,
    FollowUp,
    GivingBudget,
    Goal,
    GoalCount,
    GoalKind,
    Interaction,
    InteractionKind,
)
from accounts.tracker import services
from networks.models import Network

TEXTS = {
    "en": {
        "fair": "Career day on campus",
        "fair_place": "Main building, ground floor",
        "fair_learn": "Which companies take on graduates in data and energy",
        "meetup": "Data & Coffee meetup",
        "meetup_place": "The library café",
        "meetup_learn": "How people in analytics found their first job",
        "how_alumni": "Alumni network breakfast",
        "how_linkedin": "LinkedIn, after a talk at a conference",
        "how_class": "We studied together",
        "note_sofia": "Works with grid analytics; happy to talk about trainee programmes.",
        "note_johan": "Former classmate, now a data engineer. Runs trail races.",
        "note_lars": "Gave me half an hour on careers in renewable energy.",
        "note_amira": "UX designer; told me about their summer internships.",
        "note_oskar": "Leads the data team; looking for summer interns.",
        "i_fair": "Talked about their trainee programme at the stand.",
        "i_fika": "Coffee near his office; he suggested two people to talk to.",
        "i_interview": "Informational interview: career paths in energy and what to study next.",
        "i_linkedin": "Thanked him for the talk and asked for a short call.",
        "i_call": "Short call about the logistics trainee scheme.",
        "f_article": "Send Lars the article he asked about",
        "f_date": "Ask Sofia when applications open for the trainee programme",
        "f_freja": "Book a video call with Freja",
        "f_headline": "Update my LinkedIn headline before the meetup",
        "f_mikko": "Congratulate Mikko on the new role",
        "g_meet": "Talk to three new people at the career day",
        "g_meetup": "Talk to three new people at the meetup",
        "g_interview": "Ask for one informational interview this month",
        "g_networks": "Evaluate two networks with the checklist",
        "g_pitch": "Write my two-sentence pitch and practise it aloud",
        "r_sofia": "Grid analyst",
        "r_johan": "Data engineer",
        "r_lars": "Project manager",
        "r_mikko": "Head of analytics",
        "r_freja": "HR partner",
        "r_amira": "UX designer",
        "r_oskar": "Team lead",
        "tags_energy": "energy, trainee",
    },
    "sv": {
        "fair": "Arbetsmarknadsdag på campus",
        "fair_place": "Huvudbyggnaden, entréplan",
        "fair_learn": "Vilka företag anställer nyexaminerade inom data och energi",
        "meetup": "Data & Fika-träff",
        "meetup_place": "Bibliotekets kafé",
        "meetup_learn": "Hur folk inom analys fick sitt första jobb",
        "how_alumni": "Frukost i alumninätverket",
        "how_linkedin": "LinkedIn, efter ett föredrag på en konferens",
        "how_class": "Vi pluggade ihop",
        "note_sofia": "Jobbar med analys av elnätet; pratar gärna om traineeprogram.",
        "note_johan": "Gammal klasskompis, numera dataingenjör. Springer traillopp.",
        "note_lars": "Gav mig en halvtimme om karriärvägar inom förnybar energi.",
        "note_amira": "UX-designer; berättade om deras sommarpraktik.",
        "note_oskar": "Leder dataavdelningen; söker sommarpraktikanter.",
        "i_fair": "Pratade om deras traineeprogram i montern.",
        "i_fika": "Fika nära hans kontor; han tipsade om två personer att prata med.",
        "i_interview": "Informationsintervju: karriärvägar inom energi och vad jag borde läsa härnäst.",
        "i_linkedin": "Tackade för föredraget och frågade om ett kort samtal.",
        "i_call": "Kort samtal om traineeprogrammet inom logistik.",
        "f_article": "Skicka artikeln Lars frågade efter",
        "f_date": "Fråga Sofia när ansökan till traineeprogrammet öppnar",
        "f_freja": "Boka ett videosamtal med Freja",
        "f_headline": "Uppdatera min rubrik på LinkedIn före träffen",
        "f_mikko": "Gratulera Mikko till den nya tjänsten",
        "g_meet": "Prata med tre nya personer på arbetsmarknadsdagen",
        "g_meetup": "Prata med tre nya personer på träffen",
        "g_interview": "Be om en informationsintervju den här månaden",
        "g_networks": "Bedöm två nätverk med checklistan",
        "g_pitch": "Skriv min presentation på två meningar och öva på den högt",
        "r_sofia": "Nätanalytiker",
        "r_johan": "Dataingenjör",
        "r_lars": "Projektledare",
        "r_mikko": "Analyschef",
        "r_freja": "HR-partner",
        "r_amira": "UX-designer",
        "r_oskar": "Teamledare",
        "tags_energy": "energi, trainee",
    },
    "da": {
        "fair": "Karrieredag på campus",
        "fair_place": "Hovedbygningen, stueetagen",
        "fair_learn": "Hvilke virksomheder ansætter nyuddannede inden for data og energi",
        "meetup": "Data & Kaffe-møde",
        "meetup_place": "Bibliotekets café",
        "meetup_learn": "Hvordan folk inden for dataanalyse fik deres første job",
        "how_alumni": "Morgenmad i alumnenetværket",
        "how_linkedin": "LinkedIn, efter et oplæg på en konference",
        "how_class": "Vi læste sammen",
        "note_sofia": "Arbejder med analyse af elnettet; fortæller gerne om traineeprogrammer.",
        "note_johan": "Tidligere studiekammerat, nu dataingeniør. Løber trailløb.",
        "note_lars": "Gav mig en halv time om karriereveje inden for vedvarende energi.",
        "note_amira": "UX-designer; fortalte om deres sommerpraktik.",
        "note_oskar": "Leder dataafdelingen; søger sommerpraktikanter.",
        "i_fair": "Talte om deres traineeprogram ved standen.",
        "i_fika": "Kaffe tæt på hans kontor; han foreslog to personer, jeg kunne tale med.",
        "i_interview": "Informationsinterview: karriereveje inden for energi og hvad jeg bør læse nu.",
        "i_linkedin": "Takkede for oplægget og spurgte om en kort samtale.",
        "i_call": "Kort opkald om traineeordningen inden for logistik.",
        "f_article": "Send Lars den artikel, han spurgte om",
        "f_date": "Spørg Sofia, hvornår ansøgningen til traineeprogrammet åbner",
        "f_freja": "Aftal et videoopkald med Freja",
        "f_headline": "Opdatér min overskrift på LinkedIn før mødet",
        "f_mikko": "Lykønsk Mikko med det nye job",
        "g_meet": "Tal med tre nye mennesker på karrieredagen",
        "g_meetup": "Tal med tre nye mennesker på mødet",
        "g_interview": "Bed om et informationsinterview i denne måned",
        "g_networks": "Vurdér to netværk med tjeklisten",
        "g_pitch": "Skriv min præsentation på to sætninger, og øv den højt",
        "r_sofia": "Netanalytiker",
        "r_johan": "Dataingeniør",
        "r_lars": "Projektleder",
        "r_mikko": "Analysechef",
        "r_freja": "HR-partner",
        "r_amira": "UX-designer",
        "r_oskar": "Teamleder",
        "tags_energy": "energi, trainee",
    },
    "fi": {
        "fair": "Rekrytointipäivä kampuksella",
        "fair_place": "Päärakennus, katutaso",
        "fair_learn": "Mitkä yritykset palkkaavat vastavalmistuneita data- ja energia-alalle",
        "meetup": "Data & Kahvi -tapaaminen",
        "meetup_place": "Kirjaston kahvila",
        "meetup_learn": "Miten analytiikan ammattilaiset saivat ensimmäisen työpaikkansa",
        "how_alumni": "Alumniverkoston aamiainen",
        "how_linkedin": "LinkedIn, konferenssiesityksen jälkeen",
        "how_class": "Opiskelimme yhdessä",
        "note_sofia": "Tekee sähköverkon analytiikkaa; kertoo mielellään trainee-ohjelmista.",
        "note_johan": "Entinen opiskelukaveri, nykyään datainsinööri. Juoksee polkujuoksukisoja.",
        "note_lars": "Antoi minulle puoli tuntia uusiutuvan energian urapoluista.",
        "note_amira": "UX-suunnittelija; kertoi heidän kesäharjoittelustaan.",
        "note_oskar": "Vetää datatiimiä; etsii kesäharjoittelijoita.",
        "i_fair": "Juttelimme heidän trainee-ohjelmastaan osastolla.",
        "i_fika": "Kahvit hänen toimistonsa lähellä; hän ehdotti kahta ihmistä, joille jutella.",
        "i_interview": "Tietohaastattelu: energia-alan urapolut ja mitä kannattaa opiskella seuraavaksi.",
        "i_linkedin": "Kiitin esityksestä ja pyysin lyhyttä puhelua.",
        "i_call": "Lyhyt puhelu logistiikan trainee-ohjelmasta.",
        "f_article": "Lähetä Larsille artikkeli, jota hän kysyi",
        "f_date": "Kysy Sofialta, milloin trainee-ohjelman haku aukeaa",
        "f_freja": "Sovi videopuhelu Frejan kanssa",
        "f_headline": "Päivitä LinkedIn-otsikkoni ennen tapaamista",
        "f_mikko": "Onnittele Mikkoa uudesta työpaikasta",
        "g_meet": "Juttele kolmen uuden ihmisen kanssa rekrytointipäivänä",
        "g_meetup": "Juttele kolmen uuden ihmisen kanssa tapaamisessa",
        "g_interview": "Pyydä yhtä tietohaastattelua tässä kuussa",
        "g_networks": "Arvioi kaksi verkostoa tarkistuslistan avulla",
        "g_pitch": "Kirjoita kahden lauseen esittelyni ja harjoittele sitä ääneen",
        "r_sofia": "Sähköverkkoanalyytikko",
        "r_johan": "Datainsinööri",
        "r_lars": "Projektipäällikkö",
        "r_mikko": "Analytiikkajohtaja",
        "r_freja": "HR-kumppani",
        "r_amira": "UX-suunnittelija",
        "r_oskar": "Tiiminvetäjä",
        "tags_energy": "energia, trainee",
    },
}

# key: name, company, e-mail, language; the role ("r_<key>"), "how met", notes and tags are texts in the
# member's language, written as the member would write them.
CONTACTS = {
    "sofia": ("Sofia Lindqvist", "Nordlys Energi AB", "sofia@nordlys.example", "sv"),
    "johan": ("Johan Ek", "Kvarn Analytics", "johan@kvarn.example", "sv"),
    "lars": ("Lars Holm", "Vindkraft Norr", "lars@vindkraft.example", "sv"),
    "mikko": ("Mikko Virtanen", "Polar Data Oy", "mikko@polardata.example", "fi"),
    "freja": ("Freja Nielsen", "Fjord Logistik A/S", "freja@fjordlogistik.example", "da"),
    "amira": ("Amira Hassan", "Havsbris Design", "amira@havsbris.example", "en"),
    # Met at the career day but not debriefed yet: the debrief page has someone to offer.
    "oskar": ("Oskar Nyström", "Kvarn Analytics", "oskar@kvarn.example", "sv"),
}
KEEP_IN_TOUCH = {"sofia": 60, "johan": 30, "lars": 90, "mikko": 120, "freja": 60}
HOW_MET = {"johan": "how_class", "lars": "how_alumni", "mikko": "how_linkedin", "freja": "how_linkedin"}
NOTES = {
    "sofia": "note_sofia",
    "johan": "note_johan",
    "lars": "note_lars",
    "amira": "note_amira",
    "oskar": "note_oskar",
}
# Tags: a text key (in the member's language) or a word that is the same in all four.
TAGS = {"sofia": "tags_energy", "lars": "tags_energy", "johan": "data", "mikko": "data"}

# contact key, kind, days ago, note key
INTERACTIONS = [
    ("sofia", InteractionKind.EVENT, 9, "i_fair"),
    ("amira", InteractionKind.EVENT, 9, "i_fair"),
    ("johan", InteractionKind.FIKA, 48, "i_fika"),
    ("lars", InteractionKind.INTERVIEW, 3, "i_interview"),
    ("mikko", InteractionKind.LINKEDIN, 130, "i_linkedin"),
    ("freja", InteractionKind.CALL, 20, "i_call"),
]

# contact key (or None), title key, due in days (negative: overdue), done
FOLLOW_UPS = [
    ("lars", "f_article", -1, False),
    ("sofia", "f_date", 0, False),
    ("freja", "f_freja", 4, False),
    (None, "f_headline", 2, False),
    ("mikko", "f_mikko", -20, True),
]


# How long before a past demo event the member planned it (its goal's first history point).
PLANNED_DAYS_BEFORE = 14
# When the member set their other goals (a counted goal counts from that day).
GOALS_SET_DAYS_AGO = 7


def seed(*, users, stdout):
    member = users["member"]
    texts = TEXTS.get(member.preferred_language, TEXTS["en"])
    # Their card at events (event mode, "Show my card") shares a phone and a LinkedIn profile.
    member.phone = "+46 70 123 45 67"
    member.linkedin_url = "https://www.linkedin.com/in/elin-demo"
    member.card_email = member.card_phone = member.card_linkedin = True
    member.save(update_fields=["phone", "linkedin_url", "card_email", "card_phone", "card_linkedin"])
    today = timezone.localdate()
    network = Network.objects.filter(status=Network.Status.APPROVED).order_by("name").first()

    fair = _event(member, texts, "fair", today - datetime.timedelta(days=9), "g_meet", today)
    _event(member, texts, "meetup", today + datetime.timedelta(days=5), "g_meetup", today)

    contacts = {}
    for key, (name, company, email, language) in CONTACTS.items():
        contact, _created = Contact.objects.get_or_create(
            owner=member,
            email=email,
            defaults={
                "name": name,
                "company": company,
                "role": texts[f"r_{key}"],
                "language": language,
                "keep_in_touch_days": KEEP_IN_TOUCH.get(key),
                "how_met": texts[HOW_MET[key]] if key in HOW_MET else "",
                "notes": texts[NOTES[key]] if key in NOTES else "",
                "met_at_event": fair if key in ("sofia", "amira", "oskar") else None,
                "met_at_network": network if key == "lars" else None,
                "tags": texts.get(TAGS.get(key, ""), TAGS.get(key, "")),
            },
        )
        contacts[key] = contact

    for key, kind, days_ago, note in INTERACTIONS:
        _interaction, created = Interaction.objects.get_or_create(
            owner=member,
            contact=contacts[key],
            kind=kind,
            notes=texts[note],
            defaults={"occurred_on": today - datetime.timedelta(days=days_ago)},
        )
        if created:
            services.contact_touch_recompute(contacts[key])

    for key, title, due_in, done in FOLLOW_UPS:
        FollowUp.objects.get_or_create(
            owner=member,
            contact=contacts[key] if key else None,
            title=texts[title],
            defaults={
                "due_date": today + datetime.timedelta(days=due_in),
                "done_at": timezone.now() if done else None,
            },
        )

    # The interview and networks goals count themselves: Lars's interview three days ago and the
    # member's evaluation (networks.demo) fall in their periods, so they show 1 of 1 and 1 of 2.
    # The pitch is a manual goal, moved by the member's taps.
    for title, kind, counts, target, due_in in [
        ("g_interview", GoalKind.INTERVIEWS, GoalCount.INTERVIEWS, 1, 20),
        ("g_networks", GoalKind.NETWORKS, GoalCount.EVALUATIONS, 2, 25),
        ("g_pitch", GoalKind.CUSTOM, GoalCount.MANUAL, 1, 3),
    ]:
        if not Goal.objects.filter(owner=member, title=texts[title]).exists():
            services.goal_create(
                owner=member,
                title=texts[title],
                kind=kind,
                counts=counts,
                target=target,
                due_date=today + datetime.timedelta(days=due_in),
                today=today - datetime.timedelta(days=GOALS_SET_DAYS_AGO),
            )
    # What she will give to networks (the checklist's fifth point), in her language's currency.
    GivingBudget.objects.get_or_create(
        owner=member,
        defaults={"hours_per_month": Decimal("4"), "money_per_year": Decimal("1500"), "currency": "SEK"},
    )
    stdout.write(f"Tracker demo: {len(contacts)} contacts, events and goals for {member.email}")


def _event(member, texts, key, date, goal_key, today):
    """The event and its "meet new people" goal, titled in the member's language."""
    event = Event.objects.filter(owner=member, name=texts[key]).first()
    if event is None:
        # A past event was planned before it took place: its goal starts at 0 on the day it was
        # planned and reaches 2 on the event's day. Recording the start "today" instead would date
        # the 0 after the 2, a drop that never happened.
        planned_on = min(today, date - datetime.timedelta(days=PLANNED_DAYS_BEFORE))
        event = services.event_create(
            owner=member,
            name=texts[key],
            date=date,
            location=texts[f"{key}_place"],
            people_to_meet=3,
            learning_goal=texts[f"{key}_learn"],
            today=planned_on,
        )
        goal = event.goals.get()
        goal.title = texts[goal_key]
        goal.save(update_fields=["title"])
        if date < today:
            services.goal_progress_set(goal=goal, progress=2, today=date)
    return event
