from django.apps import AppConfig


class BenchConfig(AppConfig):
    """Benchmark support: `bench_data` generates data at scale, and a baseline view for `make bench`."""

    name = "bench"
    default_auto_field = "django.db.models.BigAutoField"
