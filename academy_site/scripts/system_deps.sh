#!/bin/sh
# Checks for the Debian packages the academy needs, and installs them when run
# as root. Usage: system_deps.sh run|test
set -eu
purpose=${1:-run}
packages="libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-noto-core fonts-noto-cjk fonts-noto-color-emoji gettext"
[ "$purpose" = test ] && packages="$packages chromium"

missing=""
for package in $packages; do
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  case "$status" in
    *"install ok installed"*) ;;
    *) missing="$missing $package" ;;
  esac
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing system packages:$missing"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
  exit 0
fi
echo "Missing system packages:$missing"
echo "WeasyPrint needs Pango and HarfBuzz; browser tests need chromium. Install them with:"
echo "  sudo apt-get install$missing"
exit 1
