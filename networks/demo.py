"""Demo content for `seed_demo`: about fifteen Nordic networks, evaluations by a few demo raters,
and some memberships and priorities for the demo member. Idempotent: everything is keyed on slugs
and e-mail addresses, created only when missing, and evaluations go through the same service as the
site, so the averages are right.
"""

import datetime
from decimal import Decimal
from pathlib import Path

import yaml
from django.contrib.auth import get_user_model

from networks.models import Criterion, Evaluation, Membership, MembershipStatus, Network, Priority, place_named
from networks.services import evaluation_save

DATA_FILE = Path(__file__).with_name("demo_networks.yaml")
TRANSLATED = ("summary", "purpose", "organiser", "audience")

# Demo raters: accounts nobody logs in to (unusable passwords), there to make the averages real.
RATERS = [
    ("rater1@demo.rookie.test", "Sara Lindqvist", "sv"),
    ("rater2@demo.rookie.test", "Jonas Berg", "en"),
    ("rater3@demo.rookie.test", "Mette Holm", "da"),
    ("rater4@demo.rookie.test", "Ville Korhonen", "fi"),
    ("rater5@demo.rookie.test", "Ingrid Nyström", "sv"),
]

# The demo member's own list: (slug, status, since, hours a month, yearly cost, currency).
MEMBER_MEMBERSHIPS = [
    ("lund-tech-alumni-circle", MembershipStatus.JOINED, datetime.date(2025, 9, 1), "2", "0", "SEK"),
    ("nordic-women-in-engineering", MembershipStatus.JOINED, datetime.date(2026, 1, 15), "1.5", "25", "EUR"),
    ("goteborg-young-chamber", MembershipStatus.CONSIDERING, None, "4", "600", "SEK"),
]
# The demo member (Elin) writes in Swedish, her language.
MEMBER_EVALUATION = ("lund-tech-alumni-circle", [5, 4, 4, 4, 5], "Hittade två personer att fråga om jobb i Malmö.")
MEMBER_PRIORITIES = {"needs": 5, "purpose": 3, "goals": 4, "people": 5, "resources": 2}


def _raters():
    User = get_user_model()
    raters = []
    for email, name, language in RATERS:
        user = User.objects.filter(email=User.objects.normalize_email(email)).first()
        if user is None:
            user = User.objects.create_user(email, None, display_name=name, preferred_language=language)
        raters.append(user)
    return raters


def _network(spec, users):
    network = Network.objects.filter(slug=spec["slug"]).first()
    if network is not None:
        return network, False
    amount, currency, period = spec["fee"]
    values = {
        "name": spec["name"],
        "kind": spec["kind"],
        "scope": spec["scope"],
        # The seeded place (migration 0009) with this name in any language.
        "city": place_named(spec["city"], spec["country"]),
        "country": spec["country"],
        "languages": ",".join(spec["languages"]),
        "formality": spec["formality"],
        "fee_amount": Decimal(str(amount)),
        "fee_currency": currency,
        "fee_period": period,
        "status": spec.get("status", Network.Status.APPROVED),
        "submitted_by": users[spec["submitted_by"]] if spec.get("submitted_by") else None,
    }
    for mode in spec["meets"]:
        values[f"meets_{mode}"] = True
    for field in TRANSLATED:
        # Only the per-language columns: `summary=` would be written to the *active* language's
        # column by modeltranslation, e.g. Swedish text into summary_en.
        for code, text in spec[field].items():
            values[f"{field}_{code}"] = text
    return Network.objects.create(slug=spec["slug"], **values), True


def _scores(profile, criteria, rater_number, network_number):
    """A rater's scores: the network's profile, nudged by -1, 0 or +1 in a fixed pattern."""
    scores = {}
    for position, criterion in enumerate(criteria):
        nudge = (rater_number * 3 + position * 2 + network_number) % 3 - 1
        scores[criterion.pk] = (min(5, max(1, profile[position] + nudge)), "")
    return scores


def seed(*, users, stdout):
    specs = yaml.safe_load(DATA_FILE.read_text(encoding="utf-8"))
    criteria = list(Criterion.objects.order_by("order"))
    raters = _raters()
    created_networks = created_evaluations = 0
    networks = {}
    for number, spec in enumerate(specs):
        network, created = _network(spec, users)
        networks[spec["slug"]] = network
        created_networks += created
        if not spec.get("profile"):
            continue
        comments = dict(spec.get("comments", []))
        # Two to five raters per network, so the counts differ from one network to the next.
        for rater_number, rater in enumerate(raters[: 2 + number % 4], start=1):
            if Evaluation.objects.filter(member=rater, network=network).exists():
                continue
            evaluation_save(
                member=rater,
                network=network,
                scores=_scores(spec["profile"], criteria, rater_number, number),
                comment=comments.get(rater_number, ""),
            )
            created_evaluations += 1

    member = users["member"]
    for slug, status, since, hours, cost, currency in MEMBER_MEMBERSHIPS:
        Membership.objects.get_or_create(
            member=member,
            network=networks[slug],
            defaults={
                "status": status,
                "since": since,
                "hours_per_month": Decimal(hours),
                "yearly_cost": Decimal(cost),
                "cost_currency": currency,
            },
        )
    slug, profile, note = MEMBER_EVALUATION
    if not Evaluation.objects.filter(member=member, network=networks[slug]).exists():
        scores = {criterion.pk: (score, "") for criterion, score in zip(criteria, profile, strict=True)}
        goals = next(criterion for criterion in criteria if criterion.key == "goals")
        scores[goals.pk] = (scores[goals.pk][0], note)
        evaluation_save(member=member, network=networks[slug], scores=scores)
        created_evaluations += 1
    for criterion in criteria:
        if criterion.key in MEMBER_PRIORITIES:
            Priority.objects.get_or_create(
                member=member, criterion=criterion, defaults={"weight": MEMBER_PRIORITIES[criterion.key]}
            )
    stdout.write(f"Networks: {created_networks} networks and {created_evaluations} evaluations added.")
