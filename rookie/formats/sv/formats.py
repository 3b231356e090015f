# Django's Swedish short date is ISO (2026-11-27): right in data, odd in running text. A Swedish
# writer abbreviates the month: "27 nov. 2026" ("N" is the abbreviated month, written the Swedish
# way in our catalogue: jan., feb., mars, apr., maj, juni, juli, aug., sep., okt., nov., dec.; see
# rookie/formats/months.py).
SHORT_DATE_FORMAT = "j N Y"
SHORT_DATETIME_FORMAT = "j N Y H:i"
WEEKDAY_DAY_FORMAT = "D j N"
