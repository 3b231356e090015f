"""The site pages, under the language prefix: /<lang>/pages/privacy/, /terms/ and /contact/.

These addresses are stable: the footer, the sign-up page and editors' texts link to them (a guide or
site page links to `/pages/contact/` and the reader gets it in their language). docs/site-pages.md.
"""

from django.urls import path

from sitepages.models import Kind
from sitepages.views import site_page

app_name = "sitepages"

urlpatterns = [path(f"{kind}/", site_page, {"kind": kind}, name=kind) for kind in Kind.values]
