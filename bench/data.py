"""Benchmark data (`manage.py bench_data --scale N`): a large, realistic database, made quickly.

Per unit of scale: 1,000 members (each with 30 contacts, 50 follow-ups, 5 goals and a few
interactions), 200 approved networks with 20,000 evaluations, 50 guides in en/sv/da/fi, and 5
coaches with 20 clients each. Independent of scale, two well-known accounts the benchmark logs in
as: a member with a heavy dashboard and a coach with 30 clients (FIXED_ACCOUNTS).

How it stays fast and valid:
- bulk_create in batches, one Argon2 hash computed once and reused for every account, no signals
  and no per-row save(); so whatever save() or a signal would have derived is derived here:
  Contact.next_touch_due, each guide version's reading time and stored HTML, the networks'
  denormalised aggregates (recomputed in SQL after the insert, the same arithmetic as
  networks.services).
- Deterministic: one random.Random(seed); the same seed and scale give the same rows (dates are
  relative to the run's "now").
- Memory stays bounded: members are generated and written a chunk at a time.
- One transaction: a failure leaves nothing behind, and a second run on the same database is
  refused (BenchDataExists) rather than adding everything twice.
"""

import datetime
import functools
import math
import random
import time
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.auth.hashers import make_password
from django.db import connection, transaction
from django.db.models import Count, F, Sum
from django.utils import timezone, translation

from accounts.models import (
    CareerStage,
    CoachGrant,
    Contact,
    Event,
    FollowUp,
    Goal,
    GoalKind,
    GoalProgress,
    GoalStatus,
    GrantScope,
    GrantStatus,
    Interaction,
    InteractionKind,
    Role,
    User,
)
from accounts.tracker.contact_search_text import search_text
from articles.models import Article, Category, Status, derived_values, nordic_slugify
from bench import texts
from networks.models import Country, Criterion, CriterionStats, Evaluation, Kind, Network, Priority, Scope, Score
from networks.services import criterion_stats, network_aggregates
from rookie.lib.markdown import render_for_storage

DOMAIN = "bench.rookie.test"
DEFAULT_PASSWORD = "rookie-bench-2026"
DEFAULT_SEED = 2026
DEFAULT_BATCH_SIZE = 2000
CRITERIA_COUNT = 5

# Per unit of scale.
PER_SCALE = {
    "members": 1000,
    "networks": 200,
    "evaluations": 20_000,
    "guides": 50,
    "coaches": 5,
}
CONTACTS_PER_MEMBER = 30
FOLLOW_UPS_PER_MEMBER = 50
GOALS_PER_MEMBER = 5
INTERACTIONS_PER_MEMBER = (2, 8)  # "a few": between these, inclusive (about 5 on average)
CLIENTS_PER_COACH = 20
# Members written per chunk: their tracker rows (about 90 each) are built and inserted together.
MEMBERS_PER_CHUNK = 200

# The accounts the benchmark logs in as, whatever the scale.
MEMBER_EMAIL = f"bench-member@{DOMAIN}"
COACH_EMAIL = f"bench-coach@{DOMAIN}"
# A realistic heavy member: a LinkedIn import of 3,000 connections, years of interactions.
HEAVY = {"contacts": 3000, "follow_ups": 1000, "goals": 8, "interactions": 5000, "events": 3}
COACH_CLIENTS = 30


@functools.cache
def _slug(text):
    # Names and companies come from small pools: slugify each once, not once per contact.
    return nordic_slugify(text)


class BenchDataError(Exception):
    """The database cannot take benchmark data (the message says why and what to do)."""


def _count(key, scale):
    # At least one of everything, so even a tiny scale has every kind of page to show.
    return max(1, math.floor(PER_SCALE[key] * scale + 0.5))


@dataclass(frozen=True)
class Plan:
    """How many rows of each kind a scale gives (the fixed accounts come on top)."""

    scale: float
    members: int
    networks: int
    evaluations: int
    guides: int
    coaches: int
    clients_per_coach: int

    @classmethod
    def for_scale(cls, scale):
        members = _count("members", scale)
        networks = _count("networks", scale)
        coaches = _count("coaches", scale)
        return cls(
            scale=scale,
            members=members,
            networks=networks,
            # One evaluation per member and network at most: tiny scales are capped by that.
            evaluations=min(math.floor(PER_SCALE["evaluations"] * scale + 0.5), members * networks),
            guides=_count("guides", scale),
            coaches=coaches,
            clients_per_coach=min(CLIENTS_PER_COACH, members // coaches),
        )


def bench_data_exists():
    return User.objects.filter(email__iendswith=f"@{DOMAIN}").exists()


def generate(*, scale, seed=DEFAULT_SEED, password=DEFAULT_PASSWORD, batch_size=DEFAULT_BATCH_SIZE, log=None):
    """Write the benchmark data for `scale`; returns {what: rows written}. Raises BenchDataError."""
    criteria = list(Criterion.objects.order_by("order").values_list("pk", flat=True))
    if len(criteria) != CRITERIA_COUNT:
        raise BenchDataError(
            f"Expected the {CRITERIA_COUNT} checklist criteria, found {len(criteria)}: "
            "run `manage.py migrate` (networks migration 0004 seeds them) before bench_data."
        )
    plan = Plan.for_scale(scale)
    # Translated labels (network kinds and countries) go into the descriptions of every language;
    # English is the base, so the untranslated `summary` column gets English, like the demo data.
    with transaction.atomic(), translation.override("en"):
        if bench_data_exists():
            raise BenchDataError(
                f"This database already has benchmark data (accounts @{DOMAIN}). "
                "bench_data never adds it twice: use a fresh database (createdb + migrate)."
            )
        generator = _Generator(plan, criteria, seed=seed, password=password, batch_size=batch_size, log=log)
        generator.run()
    return generator.written


class _Generator:
    def __init__(self, plan, criteria, *, seed, password, batch_size, log):
        self.plan = plan
        self.criteria = criteria
        self.rng = random.Random(seed)  # noqa: S311 (repeatable data, not secrets)
        self.batch_size = batch_size
        self.log = log or (lambda message: None)
        self.now = timezone.now()
        self.today = timezone.localdate(self.now)
        # The one expensive hash, reused by every account (the hasher is never called per user).
        self.password_hash = make_password(password)
        self.written = {}
        self.network_ids = []
        self._next_ids = {}
        self._midnights = {}

    # --- helpers ---------------------------------------------------------------------------------

    def _insert(self, model, objs):
        """bulk_create in batches; returns the objects (with primary keys on SQLite and PostgreSQL)."""
        if not objs:
            return objs
        created = model.objects.bulk_create(objs, batch_size=self.batch_size)
        key = model._meta.label
        self.written[key] = self.written.get(key, 0) + len(created)
        return created

    def _write(self, model, rows, *, with_ids=False):
        """Insert dicts of field values without model instances or the ORM's SQL compiler: COPY on
        PostgreSQL, executemany on SQLite. Used for the big tables (millions of rows at scale 10),
        where building a model instance per row would take most of the time.

        Missing fields get their model default; auto_now(_add) fields must be in the rows (they are
        made realistic here, not "now"). with_ids=True allocates primary keys first and returns them.
        """
        if not rows:
            return []
        opts = model._meta
        fields = [field for field in opts.concrete_fields if not field.primary_key]
        defaults = {field.name: field.get_default() for field in fields}
        unknown = set(rows[0]) - set(defaults)
        if unknown:  # a misspelt key would silently become the default
            raise ValueError(f"{opts.label} has no field {', '.join(sorted(unknown))}")
        values = [tuple(row.get(name, default) for name, default in defaults.items()) for row in rows]
        ids = []
        if with_ids:
            ids = self._allocate_ids(model, len(rows))
            fields = [opts.pk, *fields]
            values = [(pk, *row) for pk, row in zip(ids, values, strict=True)]
        quote = connection.ops.quote_name
        table, columns = quote(opts.db_table), ", ".join(quote(field.column) for field in fields)
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                    for row in values:
                        copy.write_row(row)
            else:
                # SQLite stores dates and datetimes as text: adapt them as the ORM would.
                adapters = [self._sqlite_adapter(field) for field in fields]
                placeholders = ", ".join(["%s"] * len(fields))
                sql = f"INSERT INTO {table} ({columns}) VALUES ({placeholders})"  # noqa: S608 (quoted model names)
                for start in range(0, len(values), self.batch_size):
                    cursor.executemany(
                        sql,
                        [
                            tuple(
                                value if adapt is None else adapt(value)
                                for adapt, value in zip(adapters, row, strict=True)
                            )
                            for row in values[start : start + self.batch_size]
                        ],
                    )
        key = opts.label
        self.written[key] = self.written.get(key, 0) + len(rows)
        return ids

    @staticmethod
    def _sqlite_adapter(field):
        if field.get_internal_type() in ("DateField", "DateTimeField"):
            return lambda value: field.get_db_prep_save(value, connection)
        return None

    def _allocate_ids(self, model, count):
        """Primary keys for `count` new rows: from the table's sequence on PostgreSQL (safe beside
        concurrent writers); after the largest id on SQLite, whose write lock this transaction holds."""
        table = model._meta.db_table
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute(
                    "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                    [table, model._meta.pk.column, count],
                )
                return [row[0] for row in cursor.fetchall()]
            if table not in self._next_ids:
                # AUTOINCREMENT never reuses an id, even a deleted one: start after both.
                quoted, pk = connection.ops.quote_name(table), connection.ops.quote_name(model._meta.pk.column)
                cursor.execute(
                    f"SELECT MAX(COALESCE((SELECT MAX({pk}) FROM {quoted}), 0), "  # noqa: S608 (quoted model names)
                    "COALESCE((SELECT seq FROM sqlite_sequence WHERE name = %s), 0))",
                    [table],
                )
                self._next_ids[table] = cursor.fetchone()[0] + 1
        first = self._next_ids[table]
        self._next_ids[table] = first + count
        return list(range(first, first + count))

    def _language(self):
        return self.rng.choices(texts.LANGUAGES, weights=texts.LANGUAGE_WEIGHTS)[0]

    def _name(self, language):
        return f"{self.rng.choice(texts.FIRST_NAMES[language])} {self.rng.choice(texts.LAST_NAMES[language])}"

    def _days_ago(self, low, high):
        return self.today - datetime.timedelta(days=self.rng.randint(low, high))

    def _moment(self, day):
        """A time during the working day of `day`, never later than now."""
        minutes = self.rng.randint(8 * 60, 18 * 60 + 59)
        return min(self._start_of(day) + datetime.timedelta(minutes=minutes), self.now)

    def _start_of(self, day):
        # make_aware is slow next to everything else here, and there are only a few hundred days.
        if day not in self._midnights:
            self._midnights[day] = timezone.make_aware(datetime.datetime.combine(day, datetime.time()))
        return self._midnights[day]

    def _step(self, message, started):
        self.log(f"{message} ({time.monotonic() - started:.1f} s)")

    # --- the run ---------------------------------------------------------------------------------

    def run(self):
        started = time.monotonic()
        members = self._users("member", self.plan.members, Role.MEMBER)
        self._step(f"{len(members)} members", started)
        self._networks()
        self._step(f"{len(self.network_ids)} networks", started)
        self._evaluations(members)
        self._network_stats()
        self._step(f"{self.written.get('networks.Evaluation', 0)} evaluations, aggregates recomputed", started)
        self._guides()
        self._step(f"{self.plan.guides} guides", started)
        for start in range(0, len(members), MEMBERS_PER_CHUNK):
            self._trackers(members[start : start + MEMBERS_PER_CHUNK])
        self._step("trackers of the members", started)
        coaches = self._users("coach", self.plan.coaches, Role.COACH)
        clients = self.rng.sample(members, self.plan.coaches * self.plan.clients_per_coach)
        for number, coach in enumerate(coaches):
            chunk = clients[number * self.plan.clients_per_coach : (number + 1) * self.plan.clients_per_coach]
            self._grants(coach, chunk)
        self._step(f"{len(coaches)} coaches with {self.plan.clients_per_coach} clients each", started)
        self._fixed_accounts()
        self._step("the benchmark's own accounts", started)

    # --- users -----------------------------------------------------------------------------------

    def _user(self, email, role, language, name=None):
        return User(
            email=email,
            password=self.password_hash,
            display_name=name or self._name(language),
            preferred_language=language,
            role=role,
            field_of_work=self.rng.choice(texts.FIELDS_OF_WORK) if role == Role.MEMBER else "",
            career_stage=self.rng.choice(CareerStage.values) if role == Role.MEMBER else "",
            date_joined=self._moment(self._days_ago(0, 720)),
        )

    def _users(self, prefix, count, role):
        """`count` accounts <prefix>00001@bench.rookie.test…; returns [(id, language)]."""
        made = []
        for start in range(0, count, self.batch_size):
            batch = [
                self._user(f"{prefix}{number:05d}@{DOMAIN}", role, self._language())
                for number in range(start + 1, min(count, start + self.batch_size) + 1)
            ]
            made += [(user.pk, user.preferred_language) for user in self._insert(User, batch)]
        return made

    # --- networks and evaluations ----------------------------------------------------------------

    def _network(self, number, taken_slugs):
        rng = self.rng
        kind = rng.choice(Kind.values)
        country = rng.choices(["SE", "DK", "FI"], weights=[5, 3, 3])[0]
        scope = rng.choices(Scope.values, weights=[6, 3, 1])[0]
        city = rng.choice(texts.CITIES[country]) if scope == Scope.LOCAL or rng.random() < 0.3 else ""
        field = rng.choice(texts.NETWORK_FIELDS)
        base_name = f"{city or Country(country).label} {field[0]} {texts.KIND_NAME[kind]}"
        name, slug = base_name, nordic_slugify(base_name, 130)
        if slug in taken_slugs:
            name, slug = f"{base_name} {number}", f"{slug}-{number}"
        taken_slugs.add(slug)
        local = texts.COUNTRY_LANGUAGE[country]
        languages = [local, "en"] if rng.random() < 0.6 else [local]
        free = rng.random() < 0.4
        values = {
            "name": name,
            "slug": slug,
            "kind": kind,
            "scope": scope,
            "city": city,
            "country": country,
            "languages": ",".join(languages),
            "formality": rng.choice(["informal", "formal"]),
            "fee_amount": Decimal(0) if free else Decimal(rng.choice([50, 100, 150, 250, 400, 600])),
            "fee_currency": texts.COUNTRY_CURRENCY[country],
            "fee_period": rng.choices(["year", "month", "one_off"], weights=[7, 2, 1])[0],
            "website": f"https://{slug}.example.org/",
            "status": Network.Status.APPROVED,
        }
        modes = rng.sample(["in_person", "online", "phone_email", "social_media"], rng.randint(1, 3))
        for mode in modes:
            values[f"meets_{mode}"] = True
        for index, code in enumerate(texts.LANGUAGES):
            with translation.override(code):
                place = city or str(Country(country).label)
                values[f"summary_{code}"] = texts.NETWORK_SUMMARY[code].format(
                    kind=str(Kind(kind).label),
                    field=field[index].lower() if code != "en" else field[0].lower(),
                    place=place,
                )
            values[f"organiser_{code}"] = texts.NETWORK_ORGANISER[code]
            values[f"audience_{code}"] = texts.NETWORK_AUDIENCE[code]
        # The purpose is written in English and the network's own language; others fall back.
        for code in dict.fromkeys(["en", local]):  # ordered: the run must be deterministic
            values[f"purpose_{code}"] = " ".join(rng.sample(texts.NETWORK_PURPOSE[code], 2))
        return Network(**values)

    def _networks(self):
        taken = set(Network.objects.values_list("slug", flat=True))
        networks = [self._network(number, taken) for number in range(1, self.plan.networks + 1)]
        self.network_ids = [network.pk for network in self._insert(Network, networks)]

    def _evaluation_counts(self):
        """Evaluations per network: skewed (a few popular networks), summing exactly to the plan."""
        total, cap = self.plan.evaluations, self.plan.members
        weights = [self.rng.lognormvariate(0, 0.8) for _ in self.network_ids]
        scale = total / sum(weights)
        counts = [min(cap, int(weight * scale)) for weight in weights]
        missing = total - sum(counts)
        while missing:
            for index in range(len(counts)):
                if missing and counts[index] < cap:
                    counts[index] += 1
                    missing -= 1
        return counts

    def _evaluations(self, members):
        rng = self.rng
        member_ids = [pk for pk, _language in members]
        languages = dict(members)
        evaluations, scores = [], []  # one batch of rows, written when full

        def flush():
            ids = self._write(Evaluation, evaluations, with_ids=True)
            for evaluation_id, values in zip(ids, scores, strict=True):
                for criterion_id, (score, note) in zip(self.criteria, values, strict=True):
                    score_rows.append(
                        {"evaluation": evaluation_id, "criterion": criterion_id, "score": score, "note": note}
                    )
            self._write(Score, score_rows)
            evaluations.clear()
            scores.clear()
            score_rows.clear()

        score_rows = []
        for network_id, count in zip(self.network_ids, self._evaluation_counts(), strict=True):
            # A network has a character: its own typical score on each criterion.
            profile = [rng.uniform(1.8, 4.6) for _ in self.criteria]
            for member_id in rng.sample(member_ids, count):
                language = languages[member_id]
                values = []
                for typical in profile:
                    score = min(5, max(1, round(rng.gauss(typical, 0.8))))
                    note = rng.choice(texts.SCORE_NOTES[language]) if rng.random() < 0.1 else ""
                    values.append((score, note))
                created = self._moment(self._days_ago(0, 540))
                evaluations.append(
                    {
                        "member": member_id,
                        "network": network_id,
                        "comment": rng.choice(texts.EVALUATION_COMMENTS[language]) if rng.random() < 0.15 else "",
                        "created_at": created,
                        # Some members came back and changed their scores later.
                        "updated_at": created
                        if rng.random() < 0.8
                        else max(created, self._moment(self._days_ago(0, 30))),
                    }
                )
                scores.append(values)
                if len(evaluations) >= self.batch_size:
                    flush()
        flush()

    def _network_stats(self):
        """The denormalised aggregates, recomputed from the Score rows in SQL, a chunk of networks at a
        time, with the arithmetic of networks.services.network_stats_refresh (so they compare equal)."""
        for start in range(0, len(self.network_ids), 500):
            chunk = self.network_ids[start : start + 500]
            rows = (
                Score.objects.filter(evaluation__network_id__in=chunk)
                .values("evaluation__network_id", "criterion_id")
                .annotate(n=Count("id"), total=Sum("score"))
                .order_by()
            )
            sums = {}
            for row in rows:
                sums.setdefault(row["evaluation__network_id"], {})[row["criterion_id"]] = (row["n"], row["total"])
            evaluation_counts = dict(
                Evaluation.objects.filter(network_id__in=chunk)
                .values("network_id")
                .annotate(n=Count("id"))
                .order_by()
                .values_list("network_id", "n")
            )
            stats, networks = [], []
            for network_id in chunk:
                network_stats, _average = criterion_stats(network_id, self.criteria, sums.get(network_id, {}))
                stats.extend(network_stats)
                # The same aggregate columns as the site writes (the catalogue's fit reads them).
                networks.append(
                    Network(
                        pk=network_id,
                        evaluation_count=evaluation_counts.get(network_id, 0),
                        **network_aggregates(network_stats),
                    )
                )
            self._insert(CriterionStats, stats)
            Network.objects.bulk_update(
                networks,
                ["evaluation_count", "score_average", "criterion_averages", "rated_criteria"],
                batch_size=self.batch_size,
            )

    # --- guides ----------------------------------------------------------------------------------

    def _categories(self):
        categories = []
        for names in texts.CATEGORIES:
            slug_en = nordic_slugify(names["en"], 100)
            category = Category.objects.filter(slug_en=slug_en).first()
            if category is None:
                values = {}
                for code, name in names.items():
                    values[f"name_{code}"] = name
                    values[f"slug_{code}"] = nordic_slugify(name, 100)
                category = Category.objects.create(**values)
            categories.append(category)
        return categories

    def _guide_body(self, language, links):
        rng = self.rng
        sentences = texts.GUIDE_SENTENCES[language]
        parts = [" ".join(rng.sample(sentences, 4))]
        headings = rng.sample(texts.GUIDE_HEADINGS[language], 6)
        for index, heading in enumerate(headings):
            parts.append(f"## {heading}")
            parts.append(" ".join(rng.sample(sentences, 5)))
            if index % 2 == 0:
                parts.append("\n".join(f"- {item}" for item in rng.sample(texts.GUIDE_LIST_ITEMS[language], 3)))
            parts.append(" ".join(rng.sample(sentences, 4)))
            if index < len(links):
                parts.append(f"[{texts.GUIDE_LINK_TEXT[language].capitalize()}](/{links[index]}).")
        url, label = rng.choice(texts.EXTERNAL_LINKS)
        parts.append(f"**{label}**: <{url}>")
        return "\n\n".join(parts) + "\n"

    def _guides(self):
        rng = self.rng
        categories = self._categories()
        taken = set()
        for article in Article.objects.values("key", *[f"slug_{code}" for code in texts.LANGUAGES]):
            taken.update(value for value in article.values() if value)
        topics, angles = len(texts.GUIDE_TOPICS["en"]), len(texts.GUIDE_ANGLES["en"])
        # Titles and slugs first: the bodies link to other guides by their slugs.
        plans = []
        for number in range(self.plan.guides):
            topic, angle, part = number % topics, (number // topics) % angles, number // (topics * angles)
            version = {}
            for code in texts.LANGUAGES:
                title = f"{texts.GUIDE_TOPICS[code][topic]}: {texts.GUIDE_ANGLES[code][angle]}"
                if part:
                    title += f" ({texts.GUIDE_PART[code].format(n=part + 1)})"
                slug = nordic_slugify(title)
                if slug in taken:
                    slug = f"{slug[:190]}-{number + 1}"
                taken.add(slug)
                version[code] = (title, slug)
            plans.append(version)
        guides = []
        for number, version in enumerate(plans):
            others = [plans[index] for index in rng.sample(range(len(plans)), min(3, len(plans))) if index != number]
            values = {}
            for code, (title, slug) in version.items():
                body = self._guide_body(code, [other[code][1] for other in others])
                values.update(
                    {
                        f"title_{code}": title,
                        f"slug_{code}": slug,
                        f"description_{code}": texts.GUIDE_DESCRIPTIONS[code],
                        f"body_{code}": body,
                        f"keywords_{code}": texts.GUIDE_KEYWORDS[code],
                        # What Article.save() would derive (bulk_create does not call it).
                        **{
                            f"{name}_{code}": value
                            for name, value in derived_values(render_for_storage(body, language=code)).items()
                        },
                    }
                )
            key = f"bench-guide-{number + 1:04d}"
            guides.append(
                Article(
                    key=key,
                    category=categories[number % len(categories)],
                    author_name=rng.choice(texts.AUTHORS),
                    status=Status.PUBLISHED,
                    published_at=self._moment(self._days_ago(0, 720)) - datetime.timedelta(hours=1),
                    suggested_goals=rng.sample(
                        ["meet-three", "follow-up-two-days", "interview-this-month"], rng.randint(0, 2)
                    ),
                    **values,
                )
            )
            if len(guides) >= self.batch_size // 10:  # bodies are large: keep batches (and memory) small
                self._insert(Article, guides)
                guides = []
        self._insert(Article, guides)

    # --- trackers --------------------------------------------------------------------------------

    def _trackers(self, owners, *, contacts=CONTACTS_PER_MEMBER, follow_ups=FOLLOW_UPS_PER_MEMBER,
                  goals=GOALS_PER_MEMBER, interactions=None, events=0):  # fmt: skip
        """Contacts, interactions, follow-ups, goals (with history) and events for [(id, language)]."""
        rng = self.rng
        contact_rows, interaction_rows, plans = [], [], []
        for owner_id, language in owners:
            count = interactions if interactions is not None else rng.randint(*INTERACTIONS_PER_MEMBER)
            # Interactions first (on paper): a contact's last interaction is its "last contact", and
            # the contact was saved before the first one.
            occurred = [(rng.randrange(contacts), self._days_ago(0, 180)) for _ in range(count)]
            first, last = {}, {}
            for index, day in occurred:
                first[index] = min(day, first.get(index, day))
                last[index] = max(day, last.get(index, day))
            for index in range(contacts):
                contact_rows.append(self._contact(owner_id, language, first.get(index), last.get(index)))
            plans.append((owner_id, language, occurred))
        contact_ids = self._write(Contact, contact_rows, with_ids=True)

        contact_names = {}  # owner -> [(contact id, first name)]
        for contact_id, row in zip(contact_ids, contact_rows, strict=True):
            contact_names.setdefault(row["owner"], []).append((contact_id, row["name"].split()[0]))
        for owner_id, language, occurred in plans:
            own = contact_names[owner_id]
            for index, day in occurred:
                interaction_rows.append(
                    {
                        "owner": owner_id,
                        "contact": own[index][0],
                        "kind": rng.choice(InteractionKind.values),
                        "occurred_on": day,
                        "notes": rng.choice(texts.INTERACTION_NOTES[language]) if rng.random() < 0.6 else "",
                        "created_at": self._moment(day),
                    }
                )
        self._write(Interaction, interaction_rows)

        rows = []
        for owner_id, language in owners:
            rows += [self._follow_up(owner_id, language, contact_names[owner_id]) for _ in range(follow_ups)]
        self._write(FollowUp, rows)

        event_rows = []
        for owner_id, language in owners:
            for number in range(events):
                day = self.today + datetime.timedelta(days=[-20, 6, 13, 27][number % 4])
                event_rows.append(
                    Event(
                        owner_id=owner_id,
                        name=texts.EVENT_NAMES[language][number % len(texts.EVENT_NAMES[language])],
                        date=day,
                        location=rng.choice(texts.CITIES["SE"]),
                        people_to_meet=3,
                        debriefed_at=self._moment(day) if day < self.today else None,
                    )
                )
        goal_rows = []
        for event in self._insert(Event, event_rows):
            # Event mode's "meet new people" goal, as services.event_create makes it.
            language = dict(owners)[event.owner_id]
            goal_rows.append(
                self._goal_row(
                    event.owner_id,
                    texts.GOAL_TITLES["meet"][language],
                    GoalKind.MEET,
                    GoalStatus.ACTIVE,
                    target=3,
                    progress=2 if event.date < self.today else 0,
                    due=event.date,
                    event=event.pk,
                    event_name=event.name,
                    event_date=event.date,
                )  # fmt: skip
            )
        for owner_id, language in owners:
            goal_rows += [self._goal(owner_id, language, number) for number in range(goals)]
        history = []
        for goal_id, row in zip(self._write(Goal, goal_rows, with_ids=True), goal_rows, strict=True):
            # As services.goal_create and goal_progress_set record it: a first point, then the latest.
            history.append({"goal": goal_id, "recorded_on": timezone.localdate(row["created_at"]), "progress": 0})
            if row["progress"]:
                history.append({"goal": goal_id, "recorded_on": self._days_ago(0, 6), "progress": row["progress"]})
        self._write(GoalProgress, history)

    def _contact(self, owner_id, language, first_contact, last_contact):
        rng = self.rng
        contact_language = language if rng.random() < 0.6 else self._language()
        first = rng.choice(texts.FIRST_NAMES[contact_language])
        last = rng.choice(texts.LAST_NAMES[contact_language])
        company = rng.choice(texts.COMPANIES[contact_language])
        domain = _slug(company).split("-")[0]
        keep = rng.choice([None, None, 30, 60, 90, 180])
        created_on = first_contact or self._days_ago(0, 365)
        if first_contact and rng.random() < 0.5:
            created_on = first_contact - datetime.timedelta(days=rng.randint(0, 60))
        created_at = self._moment(created_on)
        phone = f"{rng.randint(100, 999)} {rng.randint(10, 99)} {rng.randint(10, 99)}"
        linkedin = f"https://www.linkedin.com/in/{_slug(first)}-{_slug(last)}-{rng.randint(1000, 9999)}"
        name = f"{first} {last}"
        role = rng.choice(texts.ROLES[contact_language])
        email = f"{_slug(first)}.{_slug(last)}@{domain}.example" if rng.random() < 0.7 else ""
        return {
            "owner": owner_id,
            "name": name,
            "company": company,
            "search_text": search_text(name, company, email),  # rows are written without Contact.save()
            "role": role,
            "email": email,
            "phone": f"{texts.PHONE_PREFIX[contact_language]}{phone}" if rng.random() < 0.3 else "",
            "linkedin_url": linkedin if rng.random() < 0.5 else "",
            "language": contact_language,
            "how_met": rng.choice(texts.HOW_MET[language]),
            "met_at_network": rng.choice(self.network_ids) if rng.random() < 0.2 else None,
            "tags": ", ".join(rng.sample(texts.TAGS, rng.randint(0, 2))),
            "notes": rng.choice(texts.CONTACT_NOTES[language]) if rng.random() < 0.4 else "",
            "keep_in_touch_days": keep,
            "last_contacted_on": last_contact,
            # What Contact.save() derives (compute_next_touch_due): last contact, else creation, + interval.
            "next_touch_due": (last_contact or timezone.localdate(created_at)) + datetime.timedelta(days=keep)
            if keep
            else None,
            "created_at": created_at,
            "updated_at": max(created_at, self._moment(last_contact)) if last_contact else created_at,
        }

    def _follow_up(self, owner_id, language, contacts):
        """Done (55%), overdue (10%), due this week (10%) or later (25%), like a real member's list."""
        rng = self.rng
        contact_id = None
        if rng.random() < 0.8:
            contact_id, first_name = rng.choice(contacts)
            title = rng.choice(texts.FOLLOW_UP_TITLES[language]).format(name=first_name)
        else:
            title = rng.choice(texts.GENERAL_FOLLOW_UPS[language])
        kind = rng.random()
        done_at = original = None
        if kind < 0.55:
            due = self._days_ago(1, 120)
            done_at = self._moment(min(self.today, due + datetime.timedelta(days=rng.randint(-3, 4))))
        elif kind < 0.65:
            due = self._days_ago(1, 30)
        elif kind < 0.75:
            due = self.today + datetime.timedelta(days=rng.randint(0, 6))
        else:
            due = self.today + datetime.timedelta(days=rng.randint(7, 90))
        if rng.random() < 0.1:
            original = due - datetime.timedelta(days=rng.randint(2, 10))  # snoozed once
        created_on = min(self.today, (original or due) - datetime.timedelta(days=rng.randint(1, 14)))
        return {
            "owner": owner_id,
            "contact": contact_id,
            "title": title,
            "due_date": due,
            "done_at": done_at,
            "original_due_date": original,
            "created_at": min(self._moment(created_on), done_at or self.now),
        }

    def _goal_row(self, owner_id, title, kind, status, *, target, progress, due, **extra):
        created_at = self._moment(self._days_ago(7, 90))
        return {
            "owner": owner_id,
            "title": title,
            "kind": kind,
            "target": target,
            "progress": progress,
            "status": status,
            "due_date": due,
            "created_at": created_at,
            "updated_at": self._moment(self._days_ago(0, 6)) if progress else created_at,
            **extra,
        }

    def _goal(self, owner_id, language, number):
        rng = self.rng
        kind = GoalKind.values[number % len(GoalKind.values)]
        status = rng.choices(GoalStatus.values, weights=[7, 2, 1])[0]
        target = rng.randint(1, 10)
        progress = target if status == GoalStatus.DONE else rng.randint(0, target - 1)
        if status == GoalStatus.ACTIVE:
            due = self.today + datetime.timedelta(days=rng.randint(-10, 60))
        else:
            due = self._days_ago(0, 90)
        return self._goal_row(
            owner_id,
            texts.GOAL_TITLES[kind][language],
            kind,
            status,
            target=target,
            progress=progress,
            due=due if rng.random() < 0.9 else None,
            network=rng.choice(self.network_ids) if kind == GoalKind.NETWORKS else None,
        )

    # --- coaching --------------------------------------------------------------------------------

    def _grants(self, coach, clients):
        """Active grants: each client agreed (member's invitation, accepted by the coach)."""
        rows = []
        for member_id, _language in clients:
            accepted = self._moment(self._days_ago(1, 200))
            rows.append(
                CoachGrant(
                    member_id=member_id,
                    coach_id=coach[0],
                    scope=self.rng.choice(GrantScope.values),
                    status=GrantStatus.ACTIVE,
                    accepted_at=accepted,
                )
            )
        created = self._insert(CoachGrant, rows)
        # created_at is "now" (auto_now_add); the invitation came shortly before it was accepted.
        CoachGrant.objects.filter(pk__in=[grant.pk for grant in created]).update(
            created_at=F("accepted_at") - datetime.timedelta(hours=20)
        )

    # --- the benchmark's own accounts ------------------------------------------------------------

    def _fixed_accounts(self):
        member = self._insert(User, [self._user(MEMBER_EMAIL, Role.MEMBER, "en", name="Bench Member")])[0]
        self._trackers(
            [(member.pk, "en")],
            contacts=HEAVY["contacts"],
            follow_ups=HEAVY["follow_ups"],
            goals=HEAVY["goals"],
            interactions=HEAVY["interactions"],
            events=HEAVY["events"],
        )
        # Priorities on every criterion, so that the member's catalogue sorts by "fit for me".
        self._insert(
            Priority,
            [
                Priority(member_id=member.pk, criterion_id=criterion_id, weight=weight)
                for criterion_id, weight in zip(self.criteria, (3, 1, 2, 3, 2), strict=False)
            ],
        )
        coach = self._insert(User, [self._user(COACH_EMAIL, Role.COACH, "en", name="Bench Coach")])[0]
        clients = [
            (user.pk, user.preferred_language)
            for user in self._insert(
                User,
                [
                    self._user(f"bench-client-{number:02d}@{DOMAIN}", Role.MEMBER, self._language())
                    for number in range(1, COACH_CLIENTS + 1)
                ],
            )
        ]
        self._trackers(clients)
        self._grants((coach.pk, "en"), clients)


def fixed_accounts():
    """The accounts a benchmark logs in as: (what, e-mail)."""
    return [
        ("member with a heavy dashboard", MEMBER_EMAIL),
        (f"coach with {COACH_CLIENTS} clients", COACH_EMAIL),
        ("any generated member", f"member00001@{DOMAIN}"),
        ("any generated coach", f"coach00001@{DOMAIN}"),
    ]
