"""Demo content for `seed_demo`; filled in by this app's issue. Must be idempotent."""


def seed(*, users, stdout):
    return None
