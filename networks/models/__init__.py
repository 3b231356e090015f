"""networks' models, one module per concern: places, the catalogue, evaluations, and the member's own relations."""

from networks.models.answers import ANSWERED, SuggestionAnswer
from networks.models.catalogue import (
    MEETING_MODES,
    RESERVED_SLUGS,
    SPOKEN_LANGUAGES,
    Criterion,
    Currency,
    FeePeriod,
    Formality,
    Kind,
    Network,
    Scope,
)
from networks.models.evaluations import SCORE_MAX, SCORE_MIN, CriterionStats, Evaluation, Score
from networks.models.members import DEFAULT_WEIGHT, WEIGHT_MAX, WEIGHT_MIN, Membership, MembershipStatus, Priority
from networks.models.places import Country, Place, countries_named, country_name, place_named, sort_key

__all__ = [
    "ANSWERED",
    "DEFAULT_WEIGHT",
    "MEETING_MODES",
    "RESERVED_SLUGS",
    "SCORE_MAX",
    "SCORE_MIN",
    "SPOKEN_LANGUAGES",
    "WEIGHT_MAX",
    "WEIGHT_MIN",
    "Country",
    "Criterion",
    "CriterionStats",
    "Currency",
    "Evaluation",
    "FeePeriod",
    "Formality",
    "Kind",
    "Membership",
    "MembershipStatus",
    "Network",
    "Place",
    "Priority",
    "Scope",
    "Score",
    "SuggestionAnswer",
    "countries_named",
    "country_name",
    "place_named",
    "sort_key",
]
