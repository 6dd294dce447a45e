#!/bin/sh
# Report outputs beyond the golden files: CSV parsed back (RFC 4180 quoting, five fields a
# record), -o files equal to standard output and written atomically (a failed run leaves no
# partial file and never clobbers one), and the same bytes under a comma-decimal locale.
# Prints one line per failure and ends with "N passed, N failed".
set -u
bin=${1:-./iloscore}
case "$bin" in /*) ;; *) bin="$(pwd)/$bin" ;; esac
pass=0; fail=0
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
ok() { pass=$((pass+1)); }
bad() { echo "FAIL report $1"; fail=$((fail+1)); }
D="--data tests/data/report"

# Counts the fields of each CSV record, quotes respected (a quoted field may hold commas, doubled
# quotes and line breaks). Prints "bad LINE FIELDS" for a record without 5 fields, "open" for an
# unterminated quote, and "records N" at the end.
csv_fields() {
    awk '
    { line = (pending == "" ? $0 : pending "\n" $0)
      q = 0; f = 1
      for (i = 1; i <= length(line); i++) {
          c = substr(line, i, 1)
          if (c == "\"") q = !q
          else if (c == "," && !q) f++
      }
      if (q) { pending = line; next }
      pending = ""; n++
      if (f != 5) print "bad " NR " " f
    }
    END { if (pending != "") print "open"; print "records " n }'
}

csv_case() {
    name=$1; shift
    if ! LC_ALL=C "$bin" "$@" --format csv >"$T/out.csv" 2>"$T/err"; then bad "csv $name: $(head -1 "$T/err")"; return; fi
    head -1 "$T/out.csv" | grep -qx 'country,year,method,measure,value' || { bad "csv $name: header"; return; }
    csv_fields <"$T/out.csv" >"$T/fields"
    if grep -q '^bad\|^open' "$T/fields"; then bad "csv $name: $(grep '^bad\|^open' "$T/fields" | head -3)"; return; fi
    n=$(sed -n 's/^records //p' "$T/fields")
    [ "$n" -gt 10 ] || { bad "csv $name: only $n records"; return; }
    ok
}

csv_case assess-2017 $D assess XRA --year 2017
csv_case assess-default $D assess XRA
csv_case trend $D trend XRA
csv_case trend-occurrence $D trend XRA --method occurrence --from 2010 --to 2020
# The quoted published value survives: one field, quotes doubled.
LC_ALL=C "$bin" $D trend XRA --format csv | grep -qx 'XRA,2015,sdg-8.8.2,published:ituc,"4 (""repeated"", provisional)"' \
    && ok || bad "csv quoting of a published value"

# -o: every format to its file, the same bytes as standard output, nothing else left behind.
mkdir "$T/out"
if LC_ALL=C "$bin" $D assess XRA --year 2016 -o "$T/out/r.txt" -o "$T/out/r.md" -o "$T/out/r.json" \
        -o "$T/out/r.csv" -o "$T/out/r.html" >"$T/stdout" 2>"$T/err"; then
    [ -s "$T/stdout" ] && bad "-o: standard output not empty" || ok
    for f in txt:text md:md json:json csv:csv html:html; do
        ext=${f%%:*}; fmt=${f#*:}
        LC_ALL=C "$bin" $D assess XRA --year 2016 --format "$fmt" >"$T/expect" 2>/dev/null
        cmp -s "$T/expect" "$T/out/r.$ext" && ok || bad "-o r.$ext differs from --format $fmt"
    done
    [ "$(ls -A "$T/out" | wc -l)" = 5 ] && ok || bad "-o: unexpected files: $(ls -A "$T/out")"
else
    bad "-o five files: $(head -1 "$T/err")"
fi

# A failed run keeps an existing file as it was and leaves no temporary file.
mkdir "$T/keep"
printf 'old\n' >"$T/keep/r.json"
LC_ALL=C "$bin" $D assess XRA -o "$T/keep/r.json" -o "$T/keep/new.csv" -o /dev/full >/dev/null 2>"$T/err"
rc=$?
[ $rc = 4 ] && ok || bad "write error: exit $rc, expected 4"
grep -qx 'iloscore: /dev/full: No space left on device' "$T/err" && ok || bad "write error message: $(cat "$T/err")"
[ "$(cat "$T/keep/r.json")" = old ] && ok || bad "a failed run changed an existing file"
[ "$(ls -A "$T/keep")" = r.json ] && ok || bad "a failed run left files: $(ls -A "$T/keep")"
# An unknown country writes nothing at all.
LC_ALL=C "$bin" $D assess XXX -o "$T/keep/x.json" >/dev/null 2>&1
[ ! -e "$T/keep/x.json" ] && ok || bad "unknown country created its output file"
# A missing folder is an I/O error naming the file.
LC_ALL=C "$bin" $D assess XRA -o "$T/nowhere/r.md" >/dev/null 2>"$T/err"
rc=$?
[ $rc = 4 ] && grep -qx "iloscore: $T/nowhere/r.md: No such file or directory" "$T/err" && ok \
    || bad "missing folder: exit $rc: $(cat "$T/err")"
# Replacing keeps the file's permissions.
printf 'old\n' >"$T/keep/mode.md"
chmod 640 "$T/keep/mode.md"
LC_ALL=C "$bin" $D assess XRA -o "$T/keep/mode.md" >/dev/null 2>&1
[ "$(ls -l "$T/keep/mode.md" | cut -c1-10)" = "-rw-r-----" ] && ok || bad "permissions not kept: $(ls -l "$T/keep/mode.md")"

# The same bytes whatever the locale: numbers never take a decimal comma.
# A locale the build compiled (make: LOCPATH=build/locale), else one the system has.
comma=$(locale -a 2>/dev/null | grep -i -m1 '^de_DE\.utf-\?8$')
[ -n "${LOCPATH:-}" ] && [ -d "$LOCPATH/de_DE.UTF-8" ] && comma=de_DE.UTF-8
if [ -n "$comma" ]; then
    for cmd in "assess XRA --year 2017" "trend XRA"; do
        for fmt in text md json csv html; do
            LC_ALL=C "$bin" $D $cmd --format $fmt >"$T/c" 2>&1
            LC_ALL=$comma "$bin" $D $cmd --format $fmt >"$T/de" 2>&1
            env -u LC_ALL LANG=C LC_NUMERIC=$comma "$bin" $D $cmd --format $fmt >"$T/num" 2>&1
            cmp -s "$T/c" "$T/de" && cmp -s "$T/c" "$T/num" && ok || bad "locale $comma changes $cmd --format $fmt"
        done
    done
else
    echo "skip report: no de_DE.UTF-8 locale installed (localedef -i de_DE -f UTF-8 de_DE.UTF-8)"
fi

# Twice the same run, the same bytes.
for fmt in text md json csv html; do
    LC_ALL=C "$bin" $D trend XRA --format $fmt >"$T/1"
    LC_ALL=C "$bin" $D trend XRA --format $fmt >"$T/2"
    cmp -s "$T/1" "$T/2" && ok || bad "two runs differ: trend --format $fmt"
done

echo "report: $pass passed, $fail failed"
[ $fail = 0 ]
