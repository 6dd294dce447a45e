#!/bin/sh
# HTML reports as a browser draws them: renders assess and trend pages of the report fixture with
# headless Chromium, then checks each screenshot (tests/html/pngcheck.py: not blank, the chart's
# line and the published series are there). Installs Debian's chromium when missing (as root, or
# with sudo); where it cannot be had, says so and skips. Screenshots are kept in build/html/ for
# a person to look at.
set -u
bin=${1:-./iloscore}
case "$bin" in /*) ;; *) bin="$(pwd)/$bin" ;; esac
out=${HTML_OUT:-build/html}
case "$out" in /*) ;; *) out="$(pwd)/$out" ;; esac

find_browser() {
    for b in chromium chromium-browser; do
        command -v "$b" >/dev/null 2>&1 && { echo "$b"; return; }
    done
}

browser=$(find_browser)
if [ -z "$browser" ] && [ -f /etc/debian_version ] && command -v apt-get >/dev/null 2>&1; then
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo -n"
    echo "html: installing chromium (apt-get)" >&2
    $sudo apt-get update -qq >/dev/null 2>&1
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null 2>&1
    browser=$(find_browser)
fi
if [ -z "$browser" ]; then
    echo "html: SKIP: no chromium and it could not be installed"
    exit 0
fi
command -v python3 >/dev/null 2>&1 || { echo "html: python3 is needed"; exit 1; }

mkdir -p "$out"
pass=0; fail=0
shot() {
    name=$1; flags=$2; shift 2
    if ! LC_ALL=C "$bin" "$@" -o "$out/$name.html" 2>"$out/$name.err"; then
        echo "FAIL html $name: $(head -1 "$out/$name.err")"; fail=$((fail+1)); return
    fi
    profile=$(mktemp -d)
    rm -f "$out/$name.png"
    timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync --hide-scrollbars \
        --user-data-dir="$profile" --screenshot="$out/$name.png" --window-size=1200,1600 \
        "file://$out/$name.html" >"$out/$name.log" 2>&1
    rm -rf "$profile"
    if [ ! -s "$out/$name.png" ]; then
        echo "FAIL html $name: no screenshot ($(tail -1 "$out/$name.log"))"; fail=$((fail+1)); return
    fi
    if python3 tests/html/pngcheck.py "$out/$name.png" $flags; then pass=$((pass+1)); else fail=$((fail+1)); fi
}

shot assess-xra-2017 --published --data tests/data/report assess XRA --year 2017
shot trend-xra --published --data tests/data/report trend XRA
shot trend-xra-occurrence --published --data tests/data/report trend XRA --method occurrence --from 2010 --to 2020

echo "html: $pass passed, $fail failed (screenshots in $out/)"
[ $fail = 0 ]
