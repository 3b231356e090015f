#!/usr/bin/env bash
# Every catalogue complete (no untranslated or fuzzy entry) and its committed .mo up to date; then
# every message the code and templates use in each catalogue: makemessages (as `make messages`
# runs it) is run over the catalogues, a message they lack shows as untranslated or fuzzy, and the
# committed catalogues are put back afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
[ -x .venv/bin/python ] && PYTHON=.venv/bin/python
status=0

for po in locale/*/LC_MESSAGES/django.po; do
  stats=$(msgfmt --check --statistics -o /dev/null "$po" 2>&1) || { echo "$po: $stats"; status=1; continue; }
  case "$stats" in
    *untranslated*|*fuzzy*) echo "$po is incomplete: $stats"; status=1 ;;
  esac
  mo=${po%.po}.mo
  fresh=$(mktemp)
  msgfmt --check -o "$fresh" "$po"
  if ! cmp -s "$fresh" "$mo"; then
    echo "$mo is missing or stale: run 'make compilemessages' and commit it"; status=1
  fi
  rm -f "$fresh"
done

kept=$(mktemp -d)
cp -a locale "$kept/"
# Whatever happens below, the committed catalogues are put back as they were.
trap 'rm -rf locale && mv "$kept/locale" locale && rmdir "$kept"' EXIT
DEBUG=1 "$PYTHON" manage.py makemessages --all --no-obsolete --no-location --verbosity 0 \
  --ignore '.venv/*' --ignore 'staticfiles/*' --ignore 'tests/*'
for po in locale/*/LC_MESSAGES/django.po; do
  missing=$(msgattrib --untranslated --no-wrap "$po" | grep -c '^msgid "[^"]' || true)
  fuzzy=$(msgattrib --only-fuzzy --no-wrap "$po" | grep -c '^msgid "[^"]' || true)
  if [ "$missing" != 0 ] || [ "$fuzzy" != 0 ]; then
    echo "$po lacks messages the code uses ($missing new, $fuzzy guessed): run 'make messages', translate them, then 'make compilemessages'"
    { msgattrib --untranslated --no-wrap "$po"; msgattrib --only-fuzzy --no-wrap "$po"; } | grep '^msgid "[^"]' | sed 's/^/  /' || true
    status=1
  fi
done

[ $status -eq 0 ] && echo "translations: complete and compiled"
exit $status
