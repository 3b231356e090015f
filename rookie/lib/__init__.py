"""What every app uses: Markdown, images, caching, rate limits, look-ups, widgets, environment readers.

Nothing here imports an app (articles, networks, accounts): apps pass in what it needs. CI checks
this with import-linter (pyproject.toml).
"""
