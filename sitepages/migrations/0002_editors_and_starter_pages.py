"""Give the "Editors" group the site-page permissions, and create the three pages with short starter
text in every language.

The starter text is neutral and says that the operator replaces it: a real privacy notice and real
terms are the operator's to write (who they are, what they keep and for how long). The texts are
frozen here, so this migration never changes meaning; editors change the pages in the admin.
Adds to the group and never replaces its permissions; sitepages.apps grants them again after every
migrate, which covers a flushed test database. Going back removes only pages still as created here.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS_GROUP = "Editors"  # accounts.roles.EDITORS_GROUP; copied so the migration never changes meaning
CODENAMES = ["add_sitepage", "change_sitepage", "view_sitepage"]

PAGES = {
    "privacy": {
        "en": (
            "Privacy notice",
            "This notice says what personal data Rookie keeps about you, why, and for how long.\n\n"
            "## What we keep\n\n"
            "- Your account: e-mail address, name, languages and time zone.\n"
            "- What you write in your notebook: goals, contacts, notes, follow-ups and events. "
            "Only you see it, and a coach only what you choose to share.\n"
            "- Your evaluations of networks.\n\n"
            "## Your rights\n\n"
            "You can download all your data or delete your account from [your profile](/accounts/profile/) at any time.\n\n"
            "*This is starter text. The organisation running this site replaces it with its own notice: "
            "who is responsible, the legal basis, how long data is kept and how to complain.*",
        ),
        "sv": (
            "Integritetspolicy",
            "Här står vilka personuppgifter Rookie sparar om dig, varför och hur länge.\n\n"
            "## Det här sparar vi\n\n"
            "- Ditt konto: e-postadress, namn, språk och tidszon.\n"
            "- Det du skriver i din anteckningsbok: mål, kontakter, anteckningar, uppföljningar och evenemang. "
            "Bara du ser det, och en coach bara det du väljer att dela.\n"
            "- Dina bedömningar av nätverk.\n\n"
            "## Dina rättigheter\n\n"
            "Du kan när som helst ladda ner alla dina uppgifter eller radera ditt konto från [din profil](/accounts/profile/).\n\n"
            "*Det här är en utgångstext. Organisationen som driver webbplatsen ersätter den med sin egen "
            "policy: vem som är personuppgiftsansvarig, den rättsliga grunden, hur länge uppgifter sparas och "
            "hur du kan klaga.*",
        ),
        "da": (
            "Privatlivspolitik",
            "Her står, hvilke personoplysninger Rookie gemmer om dig, hvorfor og hvor længe.\n\n"
            "## Det gemmer vi\n\n"
            "- Din konto: e-mailadresse, navn, sprog og tidszone.\n"
            "- Det, du skriver i din notesbog: mål, kontakter, noter, opfølgninger og arrangementer. "
            "Kun du ser det, og en coach kun det, du vælger at dele.\n"
            "- Dine vurderinger af netværk.\n\n"
            "## Dine rettigheder\n\n"
            "Du kan når som helst downloade alle dine oplysninger eller slette din konto fra [din profil](/accounts/profile/).\n\n"
            "*Dette er en starttekst. Den organisation, der driver webstedet, erstatter den med sin egen "
            "politik: hvem der er ansvarlig, retsgrundlaget, hvor længe oplysninger gemmes, og hvordan du "
            "klager.*",
        ),
        "fi": (
            "Tietosuojaseloste",
            "Tässä kerrotaan, mitä henkilötietoja Rookie säilyttää sinusta, miksi ja kuinka kauan.\n\n"
            "## Mitä säilytämme\n\n"
            "- Tilisi: sähköpostiosoite, nimi, kielet ja aikavyöhyke.\n"
            "- Muistikirjaasi kirjoittamasi tiedot: tavoitteet, kontaktit, muistiinpanot, seurantatehtävät ja "
            "tapahtumat. Vain sinä näet ne, ja valmentaja vain sen, minkä päätät jakaa.\n"
            "- Arviosi verkostoista.\n\n"
            "## Oikeutesi\n\n"
            "Voit milloin tahansa ladata kaikki tietosi tai poistaa tilisi [profiilistasi](/accounts/profile/).\n\n"
            "*Tämä on aloitusteksti. Sivustoa ylläpitävä organisaatio korvaa sen omalla selosteellaan: "
            "kuka on rekisterinpitäjä, mihin käsittely perustuu, kuinka kauan tietoja säilytetään ja miten "
            "voit valittaa.*",
        ),
    },
    "terms": {
        "en": (
            "Terms of use",
            "Rookie is a free service for building your professional network.\n\n"
            "- Use it in good faith: write about networks honestly and treat other members with respect.\n"
            "- What you write in your notebook is yours. You can take it with you or delete it at any time.\n"
            "- The guides are general advice, not professional counselling.\n"
            "- We may change the service and these terms; we say so on this page.\n\n"
            "*This is starter text. The organisation running this site replaces it with its own terms.*",
        ),
        "sv": (
            "Användarvillkor",
            "Rookie är en kostnadsfri tjänst för att bygga ditt yrkesnätverk.\n\n"
            "- Använd den i god tro: skriv ärligt om nätverk och visa andra medlemmar respekt.\n"
            "- Det du skriver i din anteckningsbok är ditt. Du kan ta med dig det eller radera det när som "
            "helst.\n"
            "- Guiderna är allmänna råd, inte professionell rådgivning.\n"
            "- Vi kan ändra tjänsten och de här villkoren; det står i så fall på den här sidan.\n\n"
            "*Det här är en utgångstext. Organisationen som driver webbplatsen ersätter den med sina egna "
            "villkor.*",
        ),
        "da": (
            "Vilkår for brug",
            "Rookie er en gratis tjeneste til at opbygge dit professionelle netværk.\n\n"
            "- Brug den i god tro: skriv ærligt om netværk, og vis andre medlemmer respekt.\n"
            "- Det, du skriver i din notesbog, er dit. Du kan tage det med dig eller slette det når som "
            "helst.\n"
            "- Guiderne er generelle råd, ikke professionel rådgivning.\n"
            "- Vi kan ændre tjenesten og disse vilkår; det står i så fald på denne side.\n\n"
            "*Dette er en starttekst. Den organisation, der driver webstedet, erstatter den med sine egne "
            "vilkår.*",
        ),
        "fi": (
            "Käyttöehdot",
            "Rookie on maksuton palvelu ammatillisen verkostosi rakentamiseen.\n\n"
            "- Käytä palvelua hyvässä uskossa: kirjoita verkostoista rehellisesti ja kohtele muita jäseniä "
            "kunnioittavasti.\n"
            "- Muistikirjaasi kirjoittamasi tiedot ovat sinun. Voit ottaa ne mukaasi tai poistaa ne milloin "
            "tahansa.\n"
            "- Oppaat ovat yleisiä neuvoja, eivät ammatillista neuvontaa.\n"
            "- Voimme muuttaa palvelua ja näitä ehtoja; kerromme siitä tällä sivulla.\n\n"
            "*Tämä on aloitusteksti. Sivustoa ylläpitävä organisaatio korvaa sen omilla ehdoillaan.*",
        ),
    },
    "contact": {
        "en": (
            "Contact us",
            "Questions about Rookie, a network to suggest, or something on the site that is wrong? "
            "We would like to hear from you.\n\n"
            "- A network that is missing from the catalogue: [suggest it](/networks/suggest/).\n"
            "- Your data and your account: see the [privacy notice](/pages/privacy/).\n\n"
            "*This is starter text. The organisation running this site adds its e-mail address and "
            "postal address here.*",
        ),
        "sv": (
            "Kontakta oss",
            "Har du frågor om Rookie, ett nätverk att föreslå eller något på webbplatsen som är fel? "
            "Hör gärna av dig.\n\n"
            "- Ett nätverk som saknas i katalogen: [föreslå det](/networks/suggest/).\n"
            "- Dina uppgifter och ditt konto: läs [integritetspolicyn](/pages/privacy/).\n\n"
            "*Det här är en utgångstext. Organisationen som driver webbplatsen lägger till sin e-postadress "
            "och postadress här.*",
        ),
        "da": (
            "Kontakt os",
            "Har du spørgsmål om Rookie, et netværk at foreslå eller noget på webstedet, der er forkert? "
            "Vi hører gerne fra dig.\n\n"
            "- Et netværk, der mangler i kataloget: [foreslå det](/networks/suggest/).\n"
            "- Dine oplysninger og din konto: læs [privatlivspolitikken](/pages/privacy/).\n\n"
            "*Dette er en starttekst. Den organisation, der driver webstedet, tilføjer sin e-mailadresse og "
            "postadresse her.*",
        ),
        "fi": (
            "Ota yhteyttä",
            "Onko sinulla kysyttävää Rookiesta, verkosto ehdotettavaksi tai jotain virheellistä sivustolla? "
            "Kuulemme sinusta mielellämme.\n\n"
            "- Luettelosta puuttuva verkosto: [ehdota sitä](/networks/suggest/).\n"
            "- Tietosi ja tilisi: lue [tietosuojaseloste](/pages/privacy/).\n\n"
            "*Tämä on aloitusteksti. Sivustoa ylläpitävä organisaatio lisää tähän sähköposti- ja "
            "postiosoitteensa.*",
        ),
    },
}


def _fields(texts):
    fields = {}
    for code, (title, body) in texts.items():
        fields[f"title_{code}"] = title
        fields[f"body_{code}"] = body
    # The untranslated columns modeltranslation keeps hold the default language's text.
    fields["title"], fields["body"] = texts["en"]
    return fields


def _permissions(apps, using):
    app_config = apps.get_app_config("sitepages")
    app_config.models_module = True
    try:
        create_permissions(app_config, apps=apps, verbosity=0, using=using)
    finally:
        app_config.models_module = None
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.using(using).filter(content_type__app_label="sitepages", codename__in=CODENAMES)


def forwards(apps, schema_editor):
    using = schema_editor.connection.alias
    Group = apps.get_model("auth", "Group")
    group, _created = Group.objects.using(using).get_or_create(name=EDITORS_GROUP)
    group.permissions.add(*_permissions(apps, using))
    SitePage = apps.get_model("sitepages", "SitePage")
    for kind, texts in PAGES.items():
        SitePage.objects.using(using).get_or_create(kind=kind, defaults=_fields(texts))


def backwards(apps, schema_editor):
    using = schema_editor.connection.alias
    Group = apps.get_model("auth", "Group")
    group = Group.objects.using(using).filter(name=EDITORS_GROUP).first()
    if group is not None:
        group.permissions.remove(*_permissions(apps, using))
    SitePage = apps.get_model("sitepages", "SitePage")
    for kind, texts in PAGES.items():
        SitePage.objects.using(using).filter(kind=kind, **_fields(texts)).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("sitepages", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(forwards, backwards),
    ]
