"""Cached catalogue and network pages for anonymous readers (rookie/lib/pagecache.py).

They show networks, their aggregates, the checklist's criteria and evaluations' comments with the
member's display name; members' own cached pages show networks too. What makes the group stale is
in networks/signals.py. The pieces of these pages kept for readers without the page cache
(networks/fragments.py) go stale with the same generation.
"""

from networks.forms import CatalogueFilterForm
from rookie.lib.pagecache import PageGroup

GROUP = PageGroup("networks", shown_on_member_pages=True)
# The filter form's fields and the page number; a search text (q) is rendered and not stored.
CATALOGUE_PARAMS = (*(name for name in CatalogueFilterForm.base_fields if name != "q"), "page")
