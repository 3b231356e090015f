# ruff: noqa: E501 (the guides are prose; their lines are paragraphs)
"""Demo guides for `seed_demo`, written for Rookie in English, Swedish, Danish and Finnish.

"informational-interviews" has no Finnish version on purpose: a Finnish reader gets the Swedish one
with a notice, which shows the fallback. Idempotent: guides are looked up by their identifier and
left alone when they exist (an editor may have changed them since).
"""

from datetime import timedelta

from django.utils import timezone

from articles.models import Article, Category, Status

CATEGORY = {
    "en": ("Networking basics", "networking-basics"),
    "sv": ("Grunderna i nätverkande", "grunderna-i-natverkande"),
    "da": ("Det grundlæggende om netværk", "det-grundlaeggende-om-netvaerk"),
    "fi": ("Verkostoitumisen perusteet", "verkostoitumisen-perusteet"),
}

PREPARE = {
    "en": (
        "How to prepare for a networking event",
        "prepare-for-a-networking-event",
        "A goal you can count, a short introduction and a few names: twenty minutes of preparation.",
        """Walking into a room full of strangers is easier with a plan. Spend twenty minutes on it the day before.

## Set a goal you can count

Decide to talk to **at least three new people**. A number you can count keeps you moving when the coffee queue looks safer than the crowd.

## Find out who will be there

Look at the guest list or the organiser's page. Pick two or three people or companies you would like to meet, and think of one question for each.

## Prepare a short introduction

Say who you are, what you study or do, and what you are curious about, in two or three sentences. Practise it aloud once.

## Bring what you need

- A charged phone, to save contacts
- A few notes on the people you want to meet
- Curiosity: ask more than you tell

Afterwards, [follow up within two days](/follow-up-within-two-days).
""",
    ),
    "sv": (
        "Så förbereder du dig inför en nätverksträff",
        "forbered-dig-infor-en-natverkstraff",
        "Ett mål som går att räkna, en kort presentation och några namn: tjugo minuters förberedelse.",
        """Det är lättare att gå in i ett rum fullt av främlingar om du har en plan. Lägg tjugo minuter på den dagen innan.

## Sätt ett mål som går att räkna

Bestäm dig för att prata med **minst tre nya personer**. Ett mål du kan räkna håller dig igång när kaffekön känns tryggare än minglet.

## Ta reda på vilka som kommer

Titta på deltagarlistan eller arrangörens sida. Välj ut två eller tre personer eller företag som du vill träffa och fundera ut en fråga till var och en.

## Förbered en kort presentation

Berätta vem du är, vad du studerar eller arbetar med och vad du är nyfiken på – på två eller tre meningar. Öva högt en gång.

## Ta med det du behöver

- En laddad mobil, så att du kan spara kontakter
- Några anteckningar om personerna du vill träffa
- Nyfikenhet: fråga mer än du berättar

Efteråt: [följ upp inom två dagar](/follow-up-within-two-days).
""",
    ),
    "da": (
        "Sådan forbereder du dig til et netværksarrangement",
        "forbered-dig-til-et-netvaerksarrangement",
        "Et mål, du kan tælle, en kort præsentation og et par navne: tyve minutters forberedelse.",
        """Det er lettere at gå ind i et lokale fyldt med fremmede, når du har en plan. Brug tyve minutter på den dagen før.

## Sæt et mål, du kan tælle

Beslut dig for at tale med **mindst tre nye mennesker**. Et mål, du kan tælle, holder dig i gang, når kaffekøen virker mere tryg end mængden.

## Find ud af, hvem der kommer

Kig på deltagerlisten eller arrangørens side. Vælg to eller tre personer eller virksomheder, du gerne vil møde, og find på ét spørgsmål til hver.

## Forbered en kort præsentation

Fortæl, hvem du er, hvad du læser eller arbejder med, og hvad du er nysgerrig på – i to eller tre sætninger. Øv den højt én gang.

## Tag det med, du har brug for

- En opladet telefon, så du kan gemme kontakter
- Et par noter om de personer, du vil møde
- Nysgerrighed: spørg mere, end du fortæller

Bagefter: [følg op inden for to dage](/follow-up-within-two-days).
""",
    ),
    "fi": (
        "Näin valmistaudut verkostoitumistapahtumaan",
        "valmistaudu-verkostoitumistapahtumaan",
        "Tavoite, jonka voit laskea, lyhyt esittely ja muutama nimi: kahdenkymmenen minuutin valmistelu.",
        """Vieraita ihmisiä täynnä olevaan huoneeseen on helpompi astua, kun sinulla on suunnitelma. Käytä siihen kaksikymmentä minuuttia edellisenä päivänä.

## Aseta tavoite, jonka voit laskea

Päätä jutella **vähintään kolmen uuden ihmisen** kanssa. Tavoite, jonka voit laskea, pitää sinut liikkeellä silloinkin, kun kahvijono tuntuu turvallisemmalta kuin väkijoukko.

## Selvitä, keitä paikalle tulee

Katso osallistujalista tai järjestäjän sivut. Valitse kaksi tai kolme ihmistä tai yritystä, jotka haluaisit tavata, ja mieti jokaiselle yksi kysymys.

## Valmistele lyhyt esittely

Kerro kahdella tai kolmella lauseella, kuka olet, mitä opiskelet tai teet ja mistä olet kiinnostunut. Harjoittele esittelyä kerran ääneen.

## Ota mukaan tarvittavat

- Ladattu puhelin yhteystietojen tallentamiseen
- Muutama muistiinpano ihmisistä, jotka haluat tavata
- Uteliaisuutta: kysy enemmän kuin kerrot

Tapahtuman jälkeen [ota yhteyttä kahden päivän sisällä](/follow-up-within-two-days).
""",
    ),
}

FOLLOW_UP = {
    "en": (
        "Follow up within two days",
        "follow-up-within-two-days",
        "A conversation becomes a contact with the message you send afterwards. Here is what to write.",
        """A conversation at an event is a beginning. What turns it into a contact is the message you send afterwards, while both of you still remember it.

## Write within a day or two

Send a short message on LinkedIn or by e-mail within two days. Mention where you met and one thing you talked about.

## Give something

Share an article, a tip or a name that fits what the other person told you. Giving before you ask makes the next conversation easier.

## Suggest a next step

If it feels right, ask for a short coffee or a call. Keep it concrete: "Could we talk for twenty minutes next week?"

## Write it down

Note the person and the date [in Rookie](/me/) and set a reminder to get in touch again in a few months.
""",
    ),
    "sv": (
        "Följ upp inom två dagar",
        "folj-upp-inom-tva-dagar",
        "Ett samtal blir en kontakt genom meddelandet du skickar efteråt. Så här kan du skriva.",
        """Ett samtal på ett evenemang är en början. Det som gör det till en kontakt är meddelandet du skickar efteråt, medan ni båda fortfarande minns det.

## Skriv inom en dag eller två

Skicka ett kort meddelande på LinkedIn eller via mejl inom två dagar. Nämn var ni träffades och något ni pratade om.

## Ge något

Dela en artikel, ett tips eller ett namn som passar det den andra personen berättade. Att ge innan du ber om något gör nästa samtal lättare.

## Föreslå ett nästa steg

Om det känns rätt, föreslå en kort fika eller ett samtal. Var konkret: ”Kan vi prata i tjugo minuter nästa vecka?”

## Skriv upp det

Lägg in personen och datumet [i Rookie](/me/) och sätt en påminnelse om att höra av dig igen om några månader.
""",
    ),
    "da": (
        "Følg op inden for to dage",
        "folg-op-inden-for-to-dage",
        "En samtale bliver til en kontakt med den besked, du sender bagefter. Sådan kan du skrive den.",
        """En samtale til et arrangement er en begyndelse. Det, der gør den til en kontakt, er den besked, du sender bagefter, mens I begge stadig husker den.

## Skriv inden for en dag eller to

Send en kort besked på LinkedIn eller pr. mail inden for to dage. Nævn, hvor I mødtes, og én ting, I talte om.

## Giv noget

Del en artikel, et tip eller et navn, der passer til det, den anden fortalte dig. Når du giver, før du beder om noget, bliver den næste samtale lettere.

## Foreslå et næste skridt

Hvis det føles rigtigt, så foreslå en kort kop kaffe eller et opkald. Vær konkret: »Kan vi tale sammen i tyve minutter i næste uge?«

## Skriv det ned

Notér personen og datoen [i Rookie](/me/), og sæt en påmindelse om at tage kontakt igen om et par måneder.
""",
    ),
    "fi": (
        "Ota yhteyttä kahden päivän sisällä",
        "ota-yhteytta-kahden-paivan-sisalla",
        "Keskustelusta tulee kontakti vasta jälkeenpäin lähetetyn viestin myötä. Näin voit kirjoittaa sen.",
        """Tapahtumassa käyty keskustelu on vasta alku. Kontaktiksi sen tekee viesti, jonka lähetät jälkeenpäin, kun kumpikin vielä muistaa keskustelun.

## Kirjoita päivän tai kahden sisällä

Lähetä lyhyt viesti LinkedInissä tai sähköpostilla kahden päivän sisällä. Mainitse, missä tapasitte, ja yksi asia, josta puhuitte.

## Anna jotain

Jaa artikkeli, vinkki tai nimi, joka sopii siihen, mitä toinen kertoi. Kun annat ennen kuin pyydät, seuraava keskustelu on helpompi.

## Ehdota seuraavaa askelta

Jos se tuntuu luontevalta, ehdota lyhyttä kahvihetkeä tai puhelua. Ole konkreettinen: ”Voisimmeko jutella kaksikymmentä minuuttia ensi viikolla?”

## Kirjaa se ylös

Tallenna henkilö ja päivämäärä [Rookieen](/me/) ja aseta muistutus, jotta otat yhteyttä uudelleen muutaman kuukauden päästä.
""",
    ),
}

INTERVIEWS = {
    "en": (
        "Ask for an informational interview",
        "informational-interviews",
        "Twenty minutes with someone who does the work you are curious about: whom to ask, and what.",
        """An informational interview is a short conversation with someone who does the work you are curious about. You are not asking for a job; you are asking to learn.

## Whom to ask

Alumni from your programme, a speaker you liked, a friend's colleague. People are often glad to talk about their work for twenty minutes.

## How to ask

Keep the message short: who you are, why this person, and what you would like to know. Offer to meet when and where it suits them.

## Questions that work

1. How did you get where you are?
2. What does a normal week look like?
3. What do you wish you had known at my stage?
4. Whom else should I talk to?

## Afterwards

Thank them the same day, and tell them later what came of their advice. That is how a conversation becomes a relationship.
""",
    ),
    "sv": (
        "Be om en informationsintervju",
        "be-om-en-informationsintervju",
        "Tjugo minuter med någon som arbetar med det du är nyfiken på: vem du kan fråga, och vad.",
        """En informationsintervju är ett kort samtal med någon som arbetar med det du är nyfiken på. Du ber inte om ett jobb – du ber om att få lära dig.

## Vem kan du fråga?

Alumner från din utbildning, en talare du gillade, en väns kollega. Många berättar gärna om sitt arbete i tjugo minuter.

## Hur du frågar

Håll meddelandet kort: vem du är, varför just den personen och vad du vill veta. Erbjud dig att ses när och där det passar den andra.

## Frågor som fungerar

1. Hur hamnade du där du är i dag?
2. Hur ser en vanlig vecka ut?
3. Vad önskar du att du hade vetat när du var där jag är nu?
4. Vem mer borde jag prata med?

## Efteråt

Tacka samma dag och berätta senare vad rådet ledde till. Det är så ett samtal blir en relation.
""",
    ),
    "da": (
        "Bed om et informationsinterview",
        "bed-om-et-informationsinterview",
        "Tyve minutter med en, der arbejder med det, du er nysgerrig på: hvem du kan spørge, og om hvad.",
        """Et informationsinterview er en kort samtale med en person, der arbejder med det, du er nysgerrig på. Du beder ikke om et job – du beder om at lære noget.

## Hvem kan du spørge?

Alumner fra din uddannelse, en oplægsholder, du kunne lide, en vens kollega. Mange fortæller gerne om deres arbejde i tyve minutter.

## Sådan spørger du

Hold beskeden kort: hvem du er, hvorfor du spørger netop den person, og hvad du gerne vil vide. Tilbyd at mødes, når og hvor det passer den anden.

## Spørgsmål, der virker

1. Hvordan endte du, hvor du er i dag?
2. Hvordan ser en almindelig uge ud?
3. Hvad ville du ønske, du havde vidst, da du var, hvor jeg er nu?
4. Hvem andre burde jeg tale med?

## Bagefter

Sig tak samme dag, og fortæl senere, hvad rådene førte til. Sådan bliver en samtale til en relation.
""",
    ),
    # No Finnish version: Finnish readers get the Swedish one, with a notice.
}

CHOOSE = {
    "en": (
        "Choose the right network",
        "choose-the-right-network",
        "Five questions to ask before you join a network, and why taking part matters more than joining.",
        """Networks are local, national or international; some are informal, others have members and a fee. Passive members get little out of any of them; active ones get back in proportion to what they put in. So choose a few and take part.

## Five questions before you join

1. **Your needs:** what do you want to learn, and whom do you need to know?
2. **The network's purpose:** is it clear, and does it fit yours?
3. **Your goals for taking part:** can you set a concrete goal, such as two events this term?
4. **The members and the organisers:** are they the people you need to meet?
5. **Your time and money:** are the fee, the travel and the hours worth it?

## Compare before you decide

Rookie's [network catalogue](/networks/) rates groups against these five questions. Read what other members think, then go to one meeting before you pay a fee.

Getting ready for that first meeting? Read [how to prepare for a networking event](/prepare-for-a-networking-event).
""",
    ),
    "sv": (
        "Välj rätt nätverk",
        "valj-ratt-natverk",
        "Fem frågor att ställa innan du går med i ett nätverk, och varför det viktiga är att delta.",
        """Nätverk kan vara lokala, nationella eller internationella, lösa eller formella med medlemsavgift. Passiva medlemmar får ut lite av alla nätverk; aktiva får tillbaka i förhållande till vad de ger. Välj därför några få och var med på riktigt.

## Fem frågor innan du går med

1. **Dina behov:** vad vill du lära dig, och vilka behöver du känna?
2. **Nätverkets syfte:** är det tydligt, och passar det ditt?
3. **Dina mål med att delta:** kan du sätta ett konkret mål, till exempel två träffar den här terminen?
4. **Medlemmarna och de som driver nätverket:** är det de personerna du behöver träffa?
5. **Din tid och dina pengar:** är avgiften, resorna och timmarna värda det?

## Jämför innan du bestämmer dig

I Rookies [nätverkskatalog](/networks/) bedöms grupper utifrån de här fem frågorna. Läs vad andra medlemmar tycker och gå på en träff innan du betalar en avgift.

Ska du förbereda dig inför den första träffen? Läs [så förbereder du dig inför en nätverksträff](/prepare-for-a-networking-event).
""",
    ),
    "da": (
        "Vælg det rigtige netværk",
        "vaelg-det-rigtige-netvaerk",
        "Fem spørgsmål, du bør stille, før du melder dig ind i et netværk – og hvorfor det vigtige er at deltage.",
        """Netværk kan være lokale, nationale eller internationale, uformelle eller formelle med kontingent. Passive medlemmer får ikke meget ud af noget netværk; aktive får igen i forhold til det, de lægger i det. Vælg derfor nogle få, og deltag for alvor.

## Fem spørgsmål, før du melder dig ind

1. **Dine behov:** hvad vil du lære, og hvem har du brug for at kende?
2. **Netværkets formål:** er det tydeligt, og passer det til dit?
3. **Dine mål med at deltage:** kan du sætte et konkret mål, for eksempel to arrangementer i dette semester?
4. **Medlemmerne og dem, der driver netværket:** er det de mennesker, du har brug for at møde?
5. **Din tid og dine penge:** er kontingentet, rejserne og timerne det værd?

## Sammenlign, før du beslutter dig

I Rookies [netværkskatalog](/networks/) bliver grupper vurderet ud fra de fem spørgsmål. Læs, hvad andre medlemmer mener, og tag til et enkelt møde, før du betaler kontingent.

Skal du forberede dig til det første møde? Læs [sådan forbereder du dig til et netværksarrangement](/prepare-for-a-networking-event).
""",
    ),
    "fi": (
        "Valitse oikea verkosto",
        "valitse-oikea-verkosto",
        "Viisi kysymystä ennen kuin liityt verkostoon – ja miksi osallistuminen on tärkeämpää kuin liittyminen.",
        """Verkostot voivat olla paikallisia, kansallisia tai kansainvälisiä, vapaamuotoisia tai virallisia ja maksullisia. Passiivinen jäsen saa mistä tahansa verkostosta vähän irti; aktiivinen saa takaisin sen mukaan, mitä itse antaa. Valitse siis muutama ja osallistu kunnolla.

## Viisi kysymystä ennen liittymistä

1. **Omat tarpeesi:** mitä haluat oppia, ja keitä sinun pitää tuntea?
2. **Verkoston tarkoitus:** onko se selvä, ja sopiiko se omaasi?
3. **Osallistumisesi tavoitteet:** voitko asettaa konkreettisen tavoitteen, esimerkiksi kaksi tapaamista tällä lukukaudella?
4. **Jäsenet ja verkoston vetäjät:** ovatko he ihmisiä, jotka sinun pitää tavata?
5. **Aikasi ja rahasi:** ovatko jäsenmaksu, matkat ja käytetyt tunnit sen arvoisia?

## Vertaile ennen kuin päätät

Rookien [verkostoluettelossa](/networks/) ryhmiä arvioidaan näiden viiden kysymyksen pohjalta. Lue, mitä muut jäsenet ajattelevat, ja käy yhdessä tapaamisessa ennen kuin maksat jäsenmaksun.

Valmistaudutko ensimmäiseen tapaamiseen? Lue [näin valmistaudut verkostoitumistapahtumaan](/prepare-for-a-networking-event).
""",
    ),
}

# (identifier, versions, days since publication, suggested goal templates)
GUIDES = [
    ("prepare-for-a-networking-event", PREPARE, 21, ["meet-three", "follow-up-two-days"]),
    ("follow-up-within-two-days", FOLLOW_UP, 14, ["follow-up-two-days", "reconnect-five"]),
    ("informational-interviews", INTERVIEWS, 7, ["interview-this-month"]),
    ("choose-the-right-network", CHOOSE, 3, ["evaluate-two-networks", "give-first"]),
]


def seed(*, users, stdout):
    category = Category.objects.filter(slug_en=CATEGORY["en"][1]).first()
    if category is None:
        category = Category()
        for code, (name, slug) in CATEGORY.items():
            setattr(category, f"name_{code}", name)
            setattr(category, f"slug_{code}", slug)
        category.save()
    created = 0
    for key, versions, days, goals in GUIDES:
        if Article.objects.filter(key=key).exists():
            continue
        article = Article(
            key=key,
            category=category,
            author_name="Rookie",
            status=Status.PUBLISHED,
            published_at=timezone.now() - timedelta(days=days),
            suggested_goals=goals,
        )
        for code, (title, slug, description, body) in versions.items():
            setattr(article, f"title_{code}", title)
            setattr(article, f"slug_{code}", slug)
            setattr(article, f"description_{code}", description)
            setattr(article, f"body_{code}", body)
        article.save()
        created += 1
    stdout.write(f"Guides: {created} demo guide(s) created, {len(GUIDES) - created} already there.")
