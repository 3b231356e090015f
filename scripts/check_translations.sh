#!/usr/bin/env bash
# Every catalogue complete (no untranslated or fuzzy entry) and its committed .mo up to date.
set -euo pipefail
cd "$(dirname "$0")/.."
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
[ $status -eq 0 ] && echo "translations: complete and compiled"
exit $status
