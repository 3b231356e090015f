# ruff: noqa: E501 (sentence pools: one sentence per line reads best)
"""Word and sentence pools for the benchmark data, in the site's four languages (en, sv, da, fi).

This is generated content, not interface text: it is stored as data (like what members type), so it
is not marked for translation. Everything here is written for the benchmark, kept short, and mixed
at random by bench/data.py into names, notes, follow-ups, guides and network descriptions.
"""

LANGUAGES = ("en", "sv", "da", "fi")
# How often each language is a member's preferred one (Sweden is the largest market).
LANGUAGE_WEIGHTS = (25, 40, 20, 15)

FIRST_NAMES = {
    "en": ["Emma", "Oliver", "Grace", "Daniel", "Sophie", "Lucas", "Hannah", "Adam", "Leah", "Samuel"],
    "sv": ["Elin", "Oskar", "Maja", "Erik", "Ebba", "Viktor", "Saga", "Axel", "Alva", "Linnea", "Hugo", "Ida"],
    "da": ["Mette", "Rasmus", "Freja", "Mads", "Nanna", "Jonas", "Sofie", "Magnus", "Ida", "Kasper"],
    "fi": ["Aino", "Ville", "Emilia", "Juho", "Sanni", "Mikko", "Iida", "Eetu", "Venla", "Aleksi"],
}
LAST_NAMES = {
    "en": ["Taylor", "Brown", "Wilson", "Clarke", "Hughes", "Walker", "Price", "Turner"],
    "sv": ["Lindqvist", "Berg", "Nyström", "Ek", "Holm", "Sandberg", "Lundgren", "Åberg", "Söderlund", "Falk"],
    "da": ["Nielsen", "Jensen", "Skov", "Møller", "Kristensen", "Dahl", "Bach", "Lund"],
    "fi": ["Korhonen", "Virtanen", "Mäkinen", "Nieminen", "Heikkinen", "Laine", "Koskinen", "Järvinen"],
}
COMPANIES = {
    "en": ["Northwind Analytics", "Harbour Design", "Brightpath Consulting", "Fjordline Software"],
    "sv": [
        "Nordlys Energi AB",
        "Kvarn Analytics",
        "Vindkraft Norr",
        "Havsbris Design",
        "Sjöstad Logistik AB",
        "Granit Bank",
    ],
    "da": ["Bølge Data ApS", "Fjord Logistik A/S", "Kyst Energi", "Aarhus Medico", "Hygge Games ApS"],
    "fi": ["Polar Data Oy", "Revontuli Design", "Saimaa Energia", "Koivu Software Oy", "Tunturi Logistiikka"],
}
ROLES = {
    "en": ["Data analyst", "UX designer", "Recruiter", "Project manager", "Software engineer", "Team lead"],
    "sv": ["Dataanalytiker", "UX-designer", "Rekryterare", "Projektledare", "Utvecklare", "Gruppchef"],
    "da": ["Dataanalytiker", "UX-designer", "Rekrutteringskonsulent", "Projektleder", "Udvikler", "Teamleder"],
    "fi": [
        "Data-analyytikko",
        "UX-suunnittelija",
        "Rekrytoija",
        "Projektipäällikkö",
        "Ohjelmistokehittäjä",
        "Tiiminvetäjä",
    ],
}
FIELDS_OF_WORK = [
    "Data and analytics",
    "Design",
    "Energy",
    "Finance",
    "Life science",
    "Software",
    "Marketing",
    "Logistics",
]
PHONE_PREFIX = {"en": "+44 7700 ", "sv": "+46 70 ", "da": "+45 20 ", "fi": "+358 40 "}

HOW_MET = {
    "en": [
        "Career fair on campus",
        "Alumni breakfast",
        "LinkedIn, after a talk",
        "Introduced by a classmate",
        "Meetup after-work",
    ],
    "sv": [
        "Arbetsmarknadsdag på campus",
        "Alumnifrukost",
        "LinkedIn, efter ett föredrag",
        "Via en klasskompis",
        "Afterwork på en träff",
    ],
    "da": [
        "Karrieredag på campus",
        "Alumnemorgenmad",
        "LinkedIn, efter et oplæg",
        "Introduceret af en studiekammerat",
        "Fredagsbar efter et møde",
    ],
    "fi": [
        "Rekrytointipäivä kampuksella",
        "Alumniaamiainen",
        "LinkedIn, esityksen jälkeen",
        "Opiskelukaverin kautta",
        "Afterwork tapaamisen jälkeen",
    ],
}
CONTACT_NOTES = {
    "en": [
        "Happy to talk about trainee programmes.",
        "Suggested two people I should meet.",
        "Hiring juniors in the autumn.",
    ],
    "sv": [
        "Pratar gärna om traineeprogram.",
        "Tipsade om två personer jag borde träffa.",
        "Anställer juniorer i höst.",
    ],
    "da": [
        "Fortæller gerne om traineeprogrammer.",
        "Foreslog to personer, jeg bør møde.",
        "Ansætter juniorer til efteråret.",
    ],
    "fi": [
        "Kertoo mielellään trainee-ohjelmista.",
        "Ehdotti kahta ihmistä, jotka minun kannattaa tavata.",
        "Palkkaa junioreita syksyllä.",
    ],
}
TAGS = ["data", "energy", "trainee", "design", "alumni", "recruiter", "mentor", "fintech"]

INTERACTION_NOTES = {
    "en": [
        "Coffee near the office; talked about how she got her first job.",
        "Short call about openings in the team.",
        "Thanked him for the advice and sent my CV.",
        "Informational interview about career paths.",
    ],
    "sv": [
        "Fika nära kontoret; hon berättade hur hon fick sitt första jobb.",
        "Kort samtal om lediga tjänster i teamet.",
        "Tackade för rådet och skickade mitt cv.",
        "Informationsintervju om karriärvägar.",
    ],
    "da": [
        "Kaffe tæt på kontoret; hun fortalte om sit første job.",
        "Kort opkald om ledige stillinger i teamet.",
        "Takkede for rådet og sendte mit CV.",
        "Informationsinterview om karriereveje.",
    ],
    "fi": [
        "Kahvit toimiston lähellä; hän kertoi ensimmäisestä työpaikastaan.",
        "Lyhyt puhelu tiimin avoimista paikoista.",
        "Kiitin neuvosta ja lähetin ansioluetteloni.",
        "Informaatiohaastattelu urapoluista.",
    ],
}
# Follow-up titles; {name} is the contact's first name (or a general task when there is no contact).
FOLLOW_UP_TITLES = {
    "en": [
        "Send {name} a thank-you note",
        "Ask {name} for an introduction",
        "Book a coffee with {name}",
        "Send {name} the article we talked about",
        "Congratulate {name} on the new role",
    ],
    "sv": [
        "Skicka ett tack till {name}",
        "Be {name} om en introduktion",
        "Boka en fika med {name}",
        "Skicka artikeln vi pratade om till {name}",
        "Gratulera {name} till det nya jobbet",
    ],
    "da": [
        "Send en tak til {name}",
        "Bed {name} om en introduktion",
        "Aftal en kop kaffe med {name}",
        "Send {name} artiklen, vi talte om",
        "Lykønsk {name} med det nye job",
    ],
    "fi": [
        "Lähetä kiitos: {name}",
        "Pyydä esittelyä: {name}",
        "Sovi kahvit: {name}",
        "Lähetä artikkeli, josta puhuimme: {name}",
        "Onnittele uudesta työstä: {name}",
    ],
}
GENERAL_FOLLOW_UPS = {
    "en": ["Update my LinkedIn headline", "Write my two-sentence pitch", "Sign up for the next meetup"],
    "sv": ["Uppdatera min rubrik på LinkedIn", "Skriv min presentation på två meningar", "Anmäl mig till nästa träff"],
    "da": [
        "Opdatér min overskrift på LinkedIn",
        "Skriv min præsentation på to sætninger",
        "Tilmeld mig det næste møde",
    ],
    "fi": ["Päivitä LinkedIn-otsikkoni", "Kirjoita kahden lauseen esittelyni", "Ilmoittaudu seuraavaan tapaamiseen"],
}
GOAL_TITLES = {
    "meet": {
        "en": "Talk to three new people at the next event",
        "sv": "Prata med tre nya personer på nästa evenemang",
        "da": "Tal med tre nye mennesker til næste arrangement",
        "fi": "Juttele kolmen uuden ihmisen kanssa seuraavassa tapahtumassa",
    },
    "follow_up": {
        "en": "Follow up every new contact within two days",
        "sv": "Följ upp varje ny kontakt inom två dagar",
        "da": "Følg op på hver ny kontakt inden for to dage",
        "fi": "Ota yhteyttä jokaiseen uuteen kontaktiin kahden päivän sisällä",
    },
    "interviews": {
        "en": "Ask for two informational interviews this month",
        "sv": "Be om två informationsintervjuer den här månaden",
        "da": "Bed om to informationsinterviews i denne måned",
        "fi": "Pyydä kahta informaatiohaastattelua tässä kuussa",
    },
    "networks": {
        "en": "Evaluate two networks with the checklist",
        "sv": "Utvärdera två nätverk med checklistan",
        "da": "Vurdér to netværk med tjeklisten",
        "fi": "Arvioi kaksi verkostoa tarkistuslistan avulla",
    },
    "custom": {
        "en": "Reconnect with five old classmates",
        "sv": "Återknyt kontakten med fem gamla klasskompisar",
        "da": "Genoptag kontakten med fem gamle studiekammerater",
        "fi": "Ota yhteyttä viiteen vanhaan opiskelukaveriin",
    },
}
EVENT_NAMES = {
    "en": ["Career day on campus", "Data & Coffee meetup", "Alumni evening"],
    "sv": ["Arbetsmarknadsdag på campus", "Data & Fika-träff", "Alumnikväll"],
    "da": ["Karrieredag på campus", "Data & Kaffe-møde", "Alumneaften"],
    "fi": ["Rekrytointipäivä kampuksella", "Data & Kahvi -tapaaminen", "Alumni-ilta"],
}

EVALUATION_COMMENTS = {
    "en": [
        "Friendly people and well-run events; I found two contacts for my thesis.",
        "Good talks, but hard to meet people during the breaks.",
        "The mentoring part is the real value here.",
        "Mostly senior members; fine, but few juniors.",
    ],
    "sv": [
        "Trevliga människor och välordnade träffar; jag hittade två kontakter till exjobbet.",
        "Bra föredrag, men svårt att träffa folk i pauserna.",
        "Mentorsprogrammet är det som ger mest.",
        "Mest seniora medlemmar; bra, men få juniorer.",
    ],
    "da": [
        "Venlige mennesker og velorganiserede arrangementer; jeg fandt to kontakter til specialet.",
        "Gode oplæg, men svært at møde folk i pauserne.",
        "Mentorordningen er det, der giver mest.",
        "Mest erfarne medlemmer; fint, men få juniorer.",
    ],
    "fi": [
        "Mukavia ihmisiä ja hyvin järjestettyjä tapahtumia; löysin kaksi kontaktia gradua varten.",
        "Hyviä esityksiä, mutta tauoilla oli vaikea tutustua ihmisiin.",
        "Mentorointi on tässä se todellinen arvo.",
        "Enimmäkseen kokeneita jäseniä; hyvä, mutta vähän junioreita.",
    ],
}
SCORE_NOTES = {
    "en": ["Check the fee for students.", "Ask about the mentoring programme.", "Events mostly in the evening."],
    "sv": ["Kolla studentavgiften.", "Fråga om mentorsprogrammet.", "Träffarna är mest på kvällen."],
    "da": ["Tjek studenterprisen.", "Spørg om mentorordningen.", "Arrangementerne er mest om aftenen."],
    "fi": ["Tarkista opiskelijahinta.", "Kysy mentorointiohjelmasta.", "Tapahtumat ovat enimmäkseen iltaisin."],
}

# --- Networks ----------------------------------------------------------------------------------

CITIES = {
    "SE": ["Stockholm", "Göteborg", "Malmö", "Uppsala", "Lund", "Umeå", "Linköping"],
    "DK": ["København", "Aarhus", "Odense", "Aalborg"],
    "FI": ["Helsinki", "Espoo", "Tampere", "Turku", "Oulu"],
}
COUNTRY_LANGUAGE = {"SE": "sv", "DK": "da", "FI": "fi"}
COUNTRY_CURRENCY = {"SE": "SEK", "DK": "DKK", "FI": "EUR"}
# A field of work in en, sv, da, fi (the English form also names the network).
NETWORK_FIELDS = [
    ("Data", "data", "data", "data"),
    ("Design", "design", "design", "muotoilu"),
    ("Energy", "energi", "energi", "energia"),
    ("Finance", "finans", "finans", "rahoitus"),
    ("Life Science", "life science", "life science", "life science"),
    ("Software", "mjukvara", "software", "ohjelmistot"),
    ("Marketing", "marknadsföring", "marketing", "markkinointi"),
    ("Logistics", "logistik", "logistik", "logistiikka"),
    ("Public Sector", "offentlig sektor", "den offentlige sektor", "julkinen sektori"),
    ("Game Dev", "spelutveckling", "spiludvikling", "pelikehitys"),
]
# The word a network of each kind carries in its name.
KIND_NAME = {
    "professional": "Professionals",
    "alumni": "Alumni",
    "chamber": "Young Chamber",
    "meetup": "Meetup",
    "online": "Community",
    "mentoring": "Mentoring Programme",
    "student": "Student Association",
    "social": "Afterwork Club",
    "conference": "Days",
}
NETWORK_SUMMARY = {
    "en": "{kind} for people who work with {field} in {place}.",
    "sv": "{kind} för dig som arbetar med {field} i {place}.",
    "da": "{kind} for dig, der arbejder med {field} i {place}.",
    "fi": "{kind}: {field} – {place}.",
}
NETWORK_PURPOSE = {
    "en": [
        "Members meet to share what they have learned and to help each other find work.",
        "Newcomers get a mentor for their first six months.",
        "Every meeting starts with short talks and ends with open mingling.",
    ],
    "sv": [
        "Medlemmarna träffas för att dela erfarenheter och hjälpa varandra till jobb.",
        "Nya medlemmar får en mentor under sina första sex månader.",
        "Varje träff börjar med korta föredrag och slutar med fritt mingel.",
    ],
    "da": [
        "Medlemmerne mødes for at dele erfaringer og hjælpe hinanden med at finde job.",
        "Nye medlemmer får en mentor de første seks måneder.",
        "Hvert møde starter med korte oplæg og slutter med frit netværk.",
    ],
    "fi": [
        "Jäsenet tapaavat jakaakseen kokemuksia ja auttaakseen toisiaan työnhaussa.",
        "Uudet jäsenet saavat mentorin ensimmäiseksi puoleksi vuodeksi.",
        "Jokainen tapaaminen alkaa lyhyillä esityksillä ja päättyy vapaaseen verkostoitumiseen.",
    ],
}
NETWORK_ORGANISER = {
    "en": "Volunteers from the local industry",
    "sv": "Frivilliga från branschen",
    "da": "Frivillige fra branchen",
    "fi": "Alan vapaaehtoiset",
}
NETWORK_AUDIENCE = {
    "en": "Students, graduates and people early in their careers",
    "sv": "Studenter, nyexaminerade och personer tidigt i karriären",
    "da": "Studerende, nyuddannede og folk tidligt i karrieren",
    "fi": "Opiskelijat, vastavalmistuneet ja uransa alussa olevat",
}

# --- Guides ------------------------------------------------------------------------------------

CATEGORIES = [
    {
        "en": "Events and fairs",
        "sv": "Evenemang och mässor",
        "da": "Arrangementer og messer",
        "fi": "Tapahtumat ja messut",
    },
    {"en": "Keeping in touch", "sv": "Att hålla kontakten", "da": "At holde kontakten", "fi": "Yhteydenpito"},
    {
        "en": "Interviews and coffee",
        "sv": "Intervjuer och fika",
        "da": "Interviews og kaffe",
        "fi": "Haastattelut ja kahvit",
    },
    {
        "en": "Networks and communities",
        "sv": "Nätverk och gemenskaper",
        "da": "Netværk og fællesskaber",
        "fi": "Verkostot ja yhteisöt",
    },
]
GUIDE_TOPICS = {
    "en": [
        "Your first career fair",
        "Following up after a meeting",
        "The informational interview",
        "Choosing a network",
        "Networking online",
        "Talking to recruiters",
        "Keeping in touch",
        "Your elevator pitch",
        "Asking for an introduction",
        "Mentors and sponsors",
    ],
    "sv": [
        "Din första arbetsmarknadsdag",
        "Att följa upp efter ett möte",
        "Informationsintervjun",
        "Att välja nätverk",
        "Att nätverka på nätet",
        "Att prata med rekryterare",
        "Att hålla kontakten",
        "Din hisspresentation",
        "Att be om en introduktion",
        "Mentorer och sponsorer",
    ],
    "da": [
        "Din første karrieremesse",
        "At følge op efter et møde",
        "Informationsinterviewet",
        "At vælge netværk",
        "At netværke online",
        "At tale med rekrutteringsfolk",
        "At holde kontakten",
        "Din elevatortale",
        "At bede om en introduktion",
        "Mentorer og sponsorer",
    ],
    "fi": [
        "Ensimmäiset rekrytointimessusi",
        "Yhteydenotto tapaamisen jälkeen",
        "Informaatiohaastattelu",
        "Verkoston valinta",
        "Verkostoituminen verkossa",
        "Keskustelu rekrytoijan kanssa",
        "Yhteydenpito",
        "Hissipuheesi",
        "Esittelyn pyytäminen",
        "Mentorit ja sponsorit",
    ],
}
GUIDE_ANGLES = {
    "en": ["a checklist", "for students", "step by step", "common mistakes", "in ten minutes"],
    "sv": ["en checklista", "för studenter", "steg för steg", "vanliga misstag", "på tio minuter"],
    "da": ["en tjekliste", "for studerende", "trin for trin", "almindelige fejl", "på ti minutter"],
    "fi": ["tarkistuslista", "opiskelijoille", "vaihe vaiheelta", "yleiset virheet", "kymmenessä minuutissa"],
}
GUIDE_PART = {"en": "part {n}", "sv": "del {n}", "da": "del {n}", "fi": "osa {n}"}
GUIDE_DESCRIPTIONS = {
    "en": "Practical advice you can use this week, with a short list to take with you.",
    "sv": "Praktiska råd som du kan använda redan i veckan, med en kort lista att ta med dig.",
    "da": "Praktiske råd, du kan bruge allerede i denne uge, med en kort liste at tage med.",
    "fi": "Käytännön neuvoja, joita voit käyttää jo tällä viikolla, ja lyhyt muistilista mukaan.",
}
GUIDE_KEYWORDS = {
    "en": "networking, career, follow-up, students",
    "sv": "nätverkande, karriär, uppföljning, studenter",
    "da": "netværk, karriere, opfølgning, studerende",
    "fi": "verkostoituminen, ura, yhteydenpito, opiskelijat",
}
GUIDE_HEADINGS = {
    "en": [
        "Start with a goal",
        "Prepare a few questions",
        "Listen more than you talk",
        "Write it down the same day",
        "Follow up within two days",
        "Give something back",
        "Keep the conversation going",
        "Know when to stop",
    ],
    "sv": [
        "Börja med ett mål",
        "Förbered några frågor",
        "Lyssna mer än du pratar",
        "Skriv ner det samma dag",
        "Följ upp inom två dagar",
        "Ge något tillbaka",
        "Håll samtalet vid liv",
        "Vet när du ska sluta",
    ],
    "da": [
        "Start med et mål",
        "Forbered et par spørgsmål",
        "Lyt mere, end du taler",
        "Skriv det ned samme dag",
        "Følg op inden for to dage",
        "Giv noget igen",
        "Hold samtalen i gang",
        "Vid, hvornår du skal stoppe",
    ],
    "fi": [
        "Aloita tavoitteesta",
        "Valmistele muutama kysymys",
        "Kuuntele enemmän kuin puhut",
        "Kirjoita muistiin samana päivänä",
        "Ota yhteyttä kahden päivän sisällä",
        "Anna jotain takaisin",
        "Pidä keskustelu käynnissä",
        "Tiedä, milloin lopettaa",
    ],
}
GUIDE_SENTENCES = {
    "en": [
        "Most people are glad to help someone who is curious and well prepared.",
        "A goal you can count, such as three new conversations, keeps you moving when the room feels crowded.",
        "Ask about the path that led them to their current role rather than about open positions.",
        "Write two lines about each person you met before you go to sleep, or the names will blur together.",
        "A short thank-you message within two days is remembered far longer than a perfect one sent a week later.",
        "Offer something in return: an article, a contact, or simply what you learned from their advice.",
        "It is fine to leave a conversation politely once you have exchanged contact details.",
        "Keep your introduction to two sentences: who you are and what you are curious about.",
        "Small, regular contact builds more trust than a long message once a year.",
        "If someone does not answer, one friendly reminder after a week is enough.",
        "Networks differ a lot; look at who the members are before you pay a fee.",
        "Practise aloud once, so the first sentence comes out naturally.",
    ],
    "sv": [
        "De flesta hjälper gärna någon som är nyfiken och väl förberedd.",
        "Ett mål som går att räkna, till exempel tre nya samtal, håller dig igång när rummet känns fullt.",
        "Fråga om vägen till deras nuvarande jobb hellre än om lediga tjänster.",
        "Skriv två rader om varje person du träffat innan du somnar, annars flyter namnen ihop.",
        "Ett kort tack inom två dagar minns man mycket längre än ett perfekt som kommer en vecka senare.",
        "Ge något tillbaka: en artikel, en kontakt eller bara vad du lärde dig av deras råd.",
        "Det är helt okej att artigt avsluta ett samtal när ni har bytt kontaktuppgifter.",
        "Håll presentationen till två meningar: vem du är och vad du är nyfiken på.",
        "Små och regelbundna kontakter bygger mer förtroende än ett långt meddelande en gång om året.",
        "Om någon inte svarar räcker det med en vänlig påminnelse efter en vecka.",
        "Nätverk skiljer sig mycket åt; titta på vilka medlemmarna är innan du betalar en avgift.",
        "Öva högt en gång, så kommer den första meningen naturligt.",
    ],
    "da": [
        "De fleste hjælper gerne en, der er nysgerrig og godt forberedt.",
        "Et mål, du kan tælle, for eksempel tre nye samtaler, holder dig i gang, når lokalet føles fyldt.",
        "Spørg om vejen til deres nuværende job frem for om ledige stillinger.",
        "Skriv to linjer om hver person, du har mødt, før du går i seng, ellers flyder navnene sammen.",
        "En kort tak inden for to dage huskes meget længere end en perfekt, der kommer en uge senere.",
        "Giv noget igen: en artikel, en kontakt eller bare det, du lærte af deres råd.",
        "Det er helt i orden at afslutte en samtale høfligt, når I har udvekslet kontaktoplysninger.",
        "Hold din præsentation på to sætninger: hvem du er, og hvad du er nysgerrig på.",
        "Små, regelmæssige kontakter skaber mere tillid end en lang besked en gang om året.",
        "Hvis nogen ikke svarer, er én venlig påmindelse efter en uge nok.",
        "Netværk er meget forskellige; se på, hvem medlemmerne er, før du betaler kontingent.",
        "Øv dig højt én gang, så kommer den første sætning naturligt.",
    ],
    "fi": [
        "Useimmat auttavat mielellään uteliasta ja hyvin valmistautunutta ihmistä.",
        "Laskettava tavoite, esimerkiksi kolme uutta keskustelua, pitää sinut liikkeellä, kun huone tuntuu täydeltä.",
        "Kysy mieluummin heidän polustaan nykyiseen työhön kuin avoimista paikoista.",
        "Kirjoita kaksi riviä jokaisesta tapaamastasi ihmisestä ennen nukkumaanmenoa, muuten nimet sekoittuvat.",
        "Lyhyt kiitos kahden päivän sisällä muistetaan paljon pidempään kuin täydellinen viikkoa myöhemmin.",
        "Anna jotain takaisin: artikkeli, kontakti tai vain se, mitä opit heidän neuvostaan.",
        "Keskustelun saa lopettaa kohteliaasti, kun olette vaihtaneet yhteystiedot.",
        "Pidä esittelysi kahdessa lauseessa: kuka olet ja mistä olet kiinnostunut.",
        "Pienet ja säännölliset yhteydenotot rakentavat enemmän luottamusta kuin pitkä viesti kerran vuodessa.",
        "Jos joku ei vastaa, yksi ystävällinen muistutus viikon kuluttua riittää.",
        "Verkostot eroavat paljon toisistaan; katso, keitä jäsenet ovat, ennen kuin maksat jäsenmaksun.",
        "Harjoittele ääneen kerran, niin ensimmäinen lause tulee luontevasti.",
    ],
}
GUIDE_LIST_ITEMS = {
    "en": [
        "A charged phone, to save contacts",
        "Two or three names you want to meet",
        "One question for each of them",
        "A notebook, or the tracker open",
        "Time in your calendar for the follow-ups",
    ],
    "sv": [
        "En laddad mobil, för att spara kontakter",
        "Två eller tre namn du vill träffa",
        "En fråga till var och en",
        "Ett anteckningsblock, eller trackern öppen",
        "Tid i kalendern för uppföljningarna",
    ],
    "da": [
        "En opladet telefon til at gemme kontakter",
        "To eller tre navne, du vil møde",
        "Ét spørgsmål til hver af dem",
        "En notesbog eller trackeren åben",
        "Tid i kalenderen til opfølgningerne",
    ],
    "fi": [
        "Ladattu puhelin kontaktien tallentamiseen",
        "Kaksi tai kolme nimeä, jotka haluat tavata",
        "Yksi kysymys kullekin",
        "Muistivihko tai muistikirja auki",
        "Aikaa kalenterissa yhteydenotoille",
    ],
}
GUIDE_LINK_TEXT = {
    "en": "read more in this guide",
    "sv": "läs mer i den här guiden",
    "da": "læs mere i denne guide",
    "fi": "lue lisää tästä oppaasta",
}
EXTERNAL_LINKS = [
    ("https://www.linkedin.com/help/linkedin", "LinkedIn Help"),
    ("https://europa.eu/europass/en", "Europass"),
    ("https://www.arbetsformedlingen.se/", "Arbetsförmedlingen"),
    ("https://www.jobnet.dk/", "Jobnet"),
    ("https://tyomarkkinatori.fi/", "Työmarkkinatori"),
]
AUTHORS = ["Karin Sjöberg", "Anders Møller", "Leena Aalto", "Jonas Berg", "Sara Lindqvist"]
