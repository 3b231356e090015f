#!/usr/bin/env sh
# The web process, the same in Docker and outside it: migrate (once per release, when asked), then
# gunicorn with rookie/gunicorn.conf.py.
set -eu
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python}
[ -x .venv/bin/python ] && PYTHON=.venv/bin/python
if [ "${RUN_MIGRATIONS:-0}" = "1" ]; then
  "$PYTHON" manage.py migrate --noinput
fi
exec "$PYTHON" -m gunicorn rookie.wsgi:application --config rookie/gunicorn.conf.py
