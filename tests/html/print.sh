#!/bin/sh
# The brief printed: renders trade-review briefs as HTML, prints each to PDF with headless
# Chromium (as a person does with "Print to PDF"), and checks the PDF has pages (pdfinfo) and lost
# nothing at the page edge (tests/html/pdfcheck.py: every word of the page is in the PDF's text,
# so no table was cut). A page with a table wider than the paper must fail the same check: that
# case guards the check itself. Installs chromium and poppler-utils when missing (Debian, as root
# or with sudo); where they cannot be had, says so and skips. PDFs are kept in build/html/.
set -u
bin=${1:-./iloscore}
case "$bin" in /*) ;; *) bin="$(pwd)/$bin" ;; esac
out=${HTML_OUT:-build/html}
case "$out" in /*) ;; *) out="$(pwd)/$out" ;; esac

have() { command -v "$1" >/dev/null 2>&1; }
browser=""
for b in chromium chromium-browser; do have "$b" && { browser=$b; break; }; done
if { [ -z "$browser" ] || ! have pdfinfo || ! have pdftotext; } && [ -f /etc/debian_version ] && have apt-get; then
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo -n"
    echo "print: installing chromium and poppler-utils (apt-get)" >&2
    $sudo apt-get update -qq >/dev/null 2>&1
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium poppler-utils >/dev/null 2>&1
    for b in chromium chromium-browser; do have "$b" && { browser=$b; break; }; done
fi
if [ -z "$browser" ] || ! have pdfinfo || ! have pdftotext; then
    echo "print: SKIP: chromium or poppler-utils missing and could not be installed"
    exit 0
fi
have python3 || { echo "print: python3 is needed"; exit 1; }

mkdir -p "$out"
pass=0; fail=0
# print NAME HTML: HTML printed to NAME.pdf and its text to NAME.txt; false when no PDF came out.
print_pdf() {
    profile=$(mktemp -d)
    rm -f "$out/$1.pdf"
    timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync --hide-scrollbars \
        --user-data-dir="$profile" --no-pdf-header-footer --print-to-pdf="$out/$1.pdf" \
        "file://$2" >"$out/$1.log" 2>&1
    rm -rf "$profile"
    [ -s "$out/$1.pdf" ] && pdftotext -layout "$out/$1.pdf" "$out/$1.txt"
}
brief() {
    name=$1; shift
    if ! LC_ALL=C "$bin" "$@" -o "$out/$name.html" 2>"$out/$name.err"; then
        echo "FAIL print $name: $(head -1 "$out/$name.err")"; fail=$((fail+1)); return
    fi
    if ! print_pdf "$name" "$out/$name.html"; then
        echo "FAIL print $name: no PDF ($(tail -1 "$out/$name.log"))"; fail=$((fail+1)); return
    fi
    pages=$(pdfinfo "$out/$name.pdf" | sed -n 's/^Pages: *//p')
    if [ "${pages:-0}" -lt 1 ]; then
        echo "FAIL print $name: the PDF has no pages"; fail=$((fail+1)); return
    fi
    if python3 tests/html/pdfcheck.py "$out/$name.html" "$out/$name.txt"; then pass=$((pass+1)); else fail=$((fail+1)); fi
}

brief brief-kaz-us-gsp-2019 brief KAZ --regime us-gsp --year 2019
brief brief-kaz-eu-gsp-plus-2018 brief KAZ --regime eu-gsp-plus --year 2018

# The guard: a table far wider than the paper is cut, and the check must say so.
words=""
i=0
while [ $i -lt 300 ]; do words="$words cell$i"; i=$((i+1)); done
printf '<!doctype html><html><head><title>t</title></head><body><table><tr><td style="white-space:nowrap">%s</td></tr></table></body></html>\n' \
    "$words" >"$out/print-wide.html"
if print_pdf print-wide "$out/print-wide.html" && ! python3 tests/html/pdfcheck.py "$out/print-wide.html" "$out/print-wide.txt" >/dev/null; then
    pass=$((pass+1))
else
    echo "FAIL print guard: a table wider than the page was not reported as cut"; fail=$((fail+1))
fi

echo "print: $pass passed, $fail failed (PDFs in $out/)"
[ $fail = 0 ]
