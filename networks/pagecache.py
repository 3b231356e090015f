"""Cached catalogue and network pages for anonymous readers (rookie/lib/pagecache.py, group "networks").

They show networks, their aggregates, the checklist's criteria and evaluations' comments with the
member's display name, so any change to those bumps the generation (networks/signals.py, and the
admin's bulk actions and networks.services, which write with update())."""

from networks.forms import CatalogueFilterForm
from rookie.lib import pagecache

GROUP = "networks"
# The filter form's fields and the page number; a search text (q) is rendered and not stored.
CATALOGUE_PARAMS = (*(name for name in CatalogueFilterForm.base_fields if name != "q"), "page")


def networks_changed():
    pagecache.bump(GROUP)
