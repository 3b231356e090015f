# One British style throughout (day before month, 24-hour clock), as English is read here by
# Nordic members: "27 November 2026", "27 Nov 2026", never "Nov. 27, 2026" or "11/27/2026".
DATE_FORMAT = "j F Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j F Y, H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "j M Y"
SHORT_DATETIME_FORMAT = "j M Y, H:i"
WEEKDAY_DAY_FORMAT = "D j M"
FIRST_DAY_OF_WEEK = 1
