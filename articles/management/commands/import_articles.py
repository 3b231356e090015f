"""python manage.py import_articles PATH... — import guides from Markdown files (docs/guides.md).

import_articles guides/                          # folder layout <slug>/<lang>.md
import_articles --slug networking --lang sv a.md --lang da b.md
import_articles --lang sv essay.txt --dry-run
"""

from django.core.management.base import BaseCommand, CommandError

from articles.importing import ImportProblem, collect_sources, import_sources


class Command(BaseCommand):
    help = (
        "Import guides from Markdown files, with or without YAML front matter. Each file is one "
        "language version; nothing is written unless every file is fine."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*", metavar="PATH", help="Files, or folders laid out as <slug>/<lang>.md.")
        parser.add_argument(
            "--lang",
            nargs=2,
            action="append",
            default=[],
            metavar=("LANG", "FILE"),
            help="Import FILE as the LANG version (repeatable).",
        )
        parser.add_argument("--slug", default="", help="Import every file of this run as a version of this one guide.")
        parser.add_argument("--dry-run", action="store_true", help="Report what would change; write nothing.")
        parser.add_argument("--publish", action="store_true", help="Publish the imported guides (new ones are drafts).")

    def handle(self, *args, **options):
        if not options["paths"] and not options["lang"]:
            raise CommandError("Give at least one file or folder to import.")
        try:
            sources = collect_sources(options["paths"], options["lang"], options["slug"])
            outcomes = import_sources(
                sources, dry_run=options["dry_run"], publish=options["publish"], report=self.stdout.write
            )
        except ImportProblem as problem:
            raise CommandError(f"{problem} — nothing was imported.") from problem
        counts = {
            action: sum(1 for o in outcomes if o.action == action)
            for action in ("create", "add", "update", "unchanged")
        }
        summary = (
            f"{counts['create']} new guide(s), {counts['add']} new language version(s), "
            f"{counts['update']} updated, {counts['unchanged']} unchanged"
        )
        if options["dry_run"]:
            self.stdout.write(self.style.WARNING(f"Dry run: {summary}; nothing was written."))
        else:
            self.stdout.write(self.style.SUCCESS(f"Imported: {summary}."))
