"""Date and number formats per language, where Django's own (django/conf/locale/<lang>/formats.py)
are not what a native writer uses (FORMAT_MODULE_PATH in rookie/settings.py).

Each module sets only what it changes; everything else (input formats, separators) comes from
Django's module for the language. Besides Django's named formats, each sets
WEEKDAY_DAY_FORMAT (a day with its weekday, for the coming days), which templates reach through
the `ldate` filter of `rookie_l10n` (Django's `date` filter knows only its own names).
"""
