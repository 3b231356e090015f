import pytest


@pytest.fixture(autouse=True)
def _shared_fragments_on(settings):
    # The networks pages are tested as production serves them with a shared cache: with their kept
    # pieces (networks/fragments.py), so that every "a change shows at once" test also proves the
    # pieces are invalidated. The tests elsewhere (access, crawl, browser) render them without.
    settings.FRAGMENT_CACHE = True
