#!/bin/sh
# Makes sure libconfig, GSL and cmocka are there, and jq, which `make check` reads every JSON
# report back with, and glibc's locale sources (locales), from which the unit tests build a
# comma-decimal locale. On Debian installs what is missing; elsewhere stops and names what to
# install.
missing=""
for p in libconfig:libconfig-dev gsl:libgsl-dev cmocka:libcmocka-dev; do
    pc=${p%%:*}; deb=${p#*:}
    pkg-config --exists "$pc" 2>/dev/null || missing="$missing $deb"
done
command -v pkg-config >/dev/null 2>&1 || missing="pkg-config$missing"
command -v jq >/dev/null 2>&1 || missing="$missing jq"
# glibc's locale sources: the unit tests compile a comma-decimal locale from them.
[ -f /usr/share/i18n/locales/de_DE ] || missing="$missing locales"
[ -z "$missing" ] && exit 0
if [ -f /etc/debian_version ] && command -v apt-get >/dev/null 2>&1; then
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    echo "iloscore: installing$missing" >&2
    $sudo apt-get update -qq >/dev/null 2>&1 || true
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq pkg-config $missing >/dev/null || {
        echo "iloscore: could not install:$missing" >&2; exit 1; }
    exit 0
fi
echo "iloscore: missing libraries or tools; install:$missing (or their equivalents for your system)" >&2
exit 1
