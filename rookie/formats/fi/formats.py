# Finnish has no three-letter month abbreviations a reader recognises ("Mar" is marraskuu, not
# March): short dates are numeric (27.11.2026, Django's), long ones use the genitive/partitive
# month form "E" (27. marraskuuta 2026). Django's day-and-month uses the nominative
# ("27. marraskuu"), which no Finn writes; its date-and-time spells out "kello", where Finns
# write "klo".
MONTH_DAY_FORMAT = "j. E"
DATETIME_FORMAT = r"j. E Y \k\l\o G.i"
SHORT_DATETIME_FORMAT = r"j.n.Y \k\l\o G.i"
WEEKDAY_DAY_FORMAT = "D j.n."
