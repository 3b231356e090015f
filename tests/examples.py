"""How many examples a Hypothesis property tries: the number a test asks for under the "ci" profile
(CI, or HYPOTHESIS_PROFILE=ci), a fifth of it (at least 5) under the quicker "dev" profile of a local
run. The profiles are registered in tests/conftest.py."""

from hypothesis import settings


def examples(ci: int) -> int:
    return ci if settings.get_current_profile_name() == "ci" else max(5, ci // 5)
