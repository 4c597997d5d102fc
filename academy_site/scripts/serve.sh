#!/bin/sh
# Serves the academy on 127.0.0.1:$1 with a django-q2 worker beside it.
set -eu
port=${1:-8000}
python=.venv/bin/python

# The worker runs in a session of its own, so stopping this script's process
# group stops it through the trap below: django-q2 shuts down cleanly only
# when its main process alone gets the signal.
setsid $python manage.py qcluster &
worker=$!
trap 'kill $worker 2>/dev/null || true' EXIT
trap 'exit 143' INT TERM

cat <<TEXT

Citizens' Academy is starting at http://127.0.0.1:$port/
Admin: http://127.0.0.1:$port/admin/

TEXT
$python manage.py demo_logins
echo
$python manage.py runserver --noreload "127.0.0.1:$port"
