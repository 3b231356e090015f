"""The abbreviated month names the "N" format character prints, as each language writes them.

Django translates these itself (django/utils/dates.py, MONTHS_AP), but not the way Swedish, Danish
and Finnish abbreviate: Swedish "april" and "nov" where Svenska skrivregler and CLDR write "apr."
and "nov.". Listing the same (context, msgid) pairs here puts them in our catalogues
(`make messages` finds them), and the project's catalogue takes precedence over Django's. Nothing
imports this module; English keeps Django's names (and its formats use "M", not "N").
"""

from django.utils.translation import pgettext_lazy

MONTHS_ABBREVIATED = (
    pgettext_lazy("abbrev. month", "Jan."),
    pgettext_lazy("abbrev. month", "Feb."),
    pgettext_lazy("abbrev. month", "March"),
    pgettext_lazy("abbrev. month", "April"),
    pgettext_lazy("abbrev. month", "May"),
    pgettext_lazy("abbrev. month", "June"),
    pgettext_lazy("abbrev. month", "July"),
    pgettext_lazy("abbrev. month", "Aug."),
    pgettext_lazy("abbrev. month", "Sept."),
    pgettext_lazy("abbrev. month", "Oct."),
    pgettext_lazy("abbrev. month", "Nov."),
    pgettext_lazy("abbrev. month", "Dec."),
)
