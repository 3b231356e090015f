# Danish: "27. nov. 2026" in lists, as Danish sites write it (Django's short date is 27.11.2026).
SHORT_DATE_FORMAT = "j. N Y"
SHORT_DATETIME_FORMAT = "j. N Y H:i"
WEEKDAY_DAY_FORMAT = "D j. N"
