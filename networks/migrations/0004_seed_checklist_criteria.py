"""Seed the five "choose the right network" criteria in English, Swedish, Danish and Finnish.

The texts are data, not UI strings: editors may improve them in the admin afterwards, so this
migration only creates missing criteria (keyed on `key`) and never overwrites an edited text.
"""

from django.db import migrations

CRITERIA = [
    {
        "order": 1,
        "key": "needs",
        "label": {
            "en": "Professional needs",
            "sv": "Professionella behov",
            "da": "Faglige behov",
            "fi": "Ammatilliset tarpeet",
        },
        "question": {
            "en": "Does this network meet my professional needs?",
            "sv": "Motsvarar nätverket mina professionella behov?",
            "da": "Dækker netværket mine faglige behov?",
            "fi": "Vastaako verkosto ammatillisia tarpeitani?",
        },
        "help_text": {
            "en": (
                "Think about what you need right now: knowledge in your field, a way into an industry, "
                "a first job, clients or someone to test ideas on. The members need not share your "
                "background (different perspectives often help), but the network should give you "
                "something you can use."
            ),
            "sv": (
                "Tänk på vad du behöver just nu: kunskap inom ditt område, en väg in i en bransch, ett "
                "första jobb, kunder eller någon att bolla idéer med. Medlemmarna behöver inte ha samma "
                "bakgrund som du – olika perspektiv hjälper ofta – men nätverket ska ge dig något du "
                "kan använda."
            ),
            "da": (
                "Tænk over, hvad du har brug for lige nu: viden inden for dit fagområde, en vej ind i en "
                "branche, dit første job, kunder eller en sparringspartner. Medlemmerne behøver ikke have "
                "samme baggrund som dig – forskellige perspektiver hjælper ofte – men netværket skal give "
                "dig noget, du kan bruge."
            ),
            "fi": (
                "Mieti, mitä tarvitset juuri nyt: osaamista omalta alaltasi, reitin jollekin toimialalle, "
                "ensimmäisen työpaikan, asiakkaita tai jonkun, jonka kanssa pallotella ideoita. Jäsenten ei "
                "tarvitse olla taustaltaan samanlaisia kuin sinä – erilaiset näkökulmat auttavat usein – "
                "mutta verkoston pitää antaa sinulle jotain, mitä voit käyttää."
            ),
        },
    },
    {
        "order": 2,
        "key": "purpose",
        "label": {
            "en": "Purpose and goals",
            "sv": "Syfte och mål",
            "da": "Formål og mål",
            "fi": "Tarkoitus ja tavoitteet",
        },
        "question": {
            "en": "Are the network's purpose and goals clear, and do they fit mine?",
            "sv": "Är nätverkets syfte och mål tydliga, och passar de ihop med mina?",
            "da": "Er netværkets formål og mål tydelige, og passer de til mine?",
            "fi": "Ovatko verkoston tarkoitus ja tavoitteet selkeät, ja sopivatko ne omiini?",
        },
        "help_text": {
            "en": (
                "Read what the network says it is for, then look at what it actually does: talks, "
                "mentoring, job leads, socialising. A network that knows why it exists is easier to get "
                "something out of."
            ),
            "sv": (
                "Läs vad nätverket säger att det finns till för och se sedan vad det faktiskt gör: "
                "föredrag, mentorskap, jobbtips, umgänge. Ett nätverk som vet varför det finns är "
                "lättare att få ut något av."
            ),
            "da": (
                "Læs, hvad netværket selv siger, at det er til for, og se så, hvad det faktisk laver: "
                "oplæg, mentorordninger, jobtips, socialt samvær. Et netværk, der ved, hvorfor det "
                "findes, er lettere at få noget ud af."
            ),
            "fi": (
                "Lue, mitä varten verkosto kertoo olevansa olemassa, ja katso sitten, mitä se oikeasti "
                "tekee: puheenvuoroja, mentorointia, työvinkkejä, yhdessäoloa. Verkostosta, joka tietää, "
                "miksi se on olemassa, on helpompi saada hyötyä."
            ),
        },
    },
    {
        "order": 3,
        "key": "goals",
        "label": {
            "en": "My goals",
            "sv": "Mina mål",
            "da": "Mine mål",
            "fi": "Omat tavoitteet",
        },
        "question": {
            "en": "Can I set concrete goals for taking part?",
            "sv": "Kan jag sätta upp konkreta mål för mitt deltagande?",
            "da": "Kan jeg sætte konkrete mål for min deltagelse?",
            "fi": "Voinko asettaa osallistumiselleni konkreettisia tavoitteita?",
        },
        "help_text": {
            "en": (
                "Decide what you want from it before you join: for example, meet three people from the "
                "industry you are aiming for each term, or find a mentor within six months. Passive "
                "members get little back; active ones get back roughly what they put in."
            ),
            "sv": (
                "Bestäm vad du vill få ut innan du går med, till exempel att träffa tre personer från "
                "din målbransch varje termin eller att hitta en mentor inom ett halvår. Den som är "
                "passiv får lite tillbaka; den som är aktiv får ungefär tillbaka i proportion till sin "
                "insats."
            ),
            "da": (
                "Beslut, hvad du vil have ud af det, før du melder dig ind – for eksempel at møde tre "
                "personer fra den branche, du sigter mod, hvert semester, eller at finde en mentor inden "
                "for et halvt år. Passive medlemmer får lidt igen; aktive får nogenlunde det igen, som de "
                "lægger i det."
            ),
            "fi": (
                "Päätä ennen liittymistä, mitä haluat siitä saada: esimerkiksi tavata joka lukukausi "
                "kolme ihmistä alalta, jolle tähtäät, tai löytää mentorin puolen vuoden sisällä. "
                "Passiivinen jäsen saa vähän takaisin; aktiivinen saa suunnilleen sen verran kuin "
                "panostaa."
            ),
        },
    },
    {
        "order": 4,
        "key": "people",
        "label": {
            "en": "Members and organisers",
            "sv": "Medlemmar och arrangörer",
            "da": "Medlemmer og arrangører",
            "fi": "Jäsenet ja vetäjät",
        },
        "question": {
            "en": "Are the members, and the people who run it, the ones I need to know?",
            "sv": "Är medlemmarna, och de som driver nätverket, personer jag behöver känna?",
            "da": "Er medlemmerne og de folk, der driver netværket, dem, jeg har brug for at kende?",
            "fi": "Ovatko jäsenet ja verkoston vetäjät ihmisiä, jotka minun kannattaa tuntea?",
        },
        "help_text": {
            "en": (
                "Look at who comes to the meetings and who organises them. You should be able to learn "
                "from them, and have something to offer in return: knowledge flows both ways."
            ),
            "sv": (
                "Se efter vilka som kommer till träffarna och vilka som arrangerar dem. Du ska kunna lära "
                "dig av dem och ha något att ge tillbaka – kunskapen går åt båda hållen."
            ),
            "da": (
                "Se på, hvem der kommer til arrangementerne, og hvem der står bag dem. Du skal kunne lære "
                "af dem og have noget at give igen – viden går begge veje."
            ),
            "fi": (
                "Katso, ketkä tulevat tapaamisiin ja ketkä niitä järjestävät. Sinun pitäisi voida oppia "
                "heiltä ja tarjota myös itse jotain – tieto kulkee molempiin suuntiin."
            ),
        },
    },
    {
        "order": 5,
        "key": "resources",
        "label": {
            # Phrased so that a high score reads as good ("Worth the cost and time: 5 of 5");
            # 0013 renames the labels that databases seeded before got.
            "en": "Worth the cost and time",
            "sv": "Värt kostnaden och tiden",
            "da": "Prisen og tiden værd",
            "fi": "Hinnan ja ajan arvoinen",
        },
        "question": {
            "en": "Is it worth what it costs me in fees, hours and travel?",
            "sv": "Är det värt vad det kostar mig i avgifter, tid och resor?",
            "da": "Er det værd, hvad det koster mig i kontingent, timer og rejser?",
            "fi": "Onko se sen arvoinen, mitä se minulle maksaa jäsenmaksuina, tunteina ja matkoina?",
        },
        "help_text": {
            "en": (
                "Add up the fee, the evenings or hours a month and any travel. Weigh that against what "
                "you expect to get out of it, and against the other networks you are considering."
            ),
            "sv": (
                "Räkna ihop avgiften, kvällarna eller timmarna per månad och eventuella resor. Väg det "
                "mot vad du räknar med att få ut och mot de andra nätverk du funderar på."
            ),
            "da": (
                "Læg kontingentet, aftenerne eller timerne om måneden og eventuelle rejser sammen. Vej det "
                "op imod det, du regner med at få ud af det, og mod de andre netværk, du overvejer."
            ),
            "fi": (
                "Laske yhteen jäsenmaksu, illat tai tunnit kuukaudessa ja mahdolliset matkat. Vertaa "
                "summaa siihen, mitä odotat saavasi, ja muihin verkostoihin, joita harkitset."
            ),
        },
    },
]

TRANSLATED = ("label", "question", "help_text")


def seed_criteria(apps, schema_editor):
    Criterion = apps.get_model("networks", "Criterion")
    for spec in CRITERIA:
        if Criterion.objects.filter(key=spec["key"]).exists():
            continue
        values = {"order": spec["order"], "key": spec["key"]}
        for field in TRANSLATED:
            # The untranslated column holds the default language, as modeltranslation expects.
            values[field] = spec[field]["en"]
            for code, text in spec[field].items():
                values[f"{field}_{code}"] = text
        Criterion.objects.create(**values)


class Migration(migrations.Migration):
    dependencies = [
        ("networks", "0003_checklist_evaluations_memberships"),
    ]

    operations = [
        # Unapplying 0003 drops the table, so going back needs no step of its own.
        migrations.RunPython(seed_criteria, migrations.RunPython.noop),
    ]
