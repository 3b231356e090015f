"""Views of the tracker's I/O, one module per feature. Every view looks data up through request.user,
except the two that work without logging in: the calendar feed (its token) and the reminder opt-out
(its signed link)."""
