#!/bin/sh
# -o as one transaction: interrupted by SIGINT, SIGTERM or SIGHUP while writing, or failing at a
# rename among several outputs, a run leaves no temporary file and every existing output as it
# was; a 250-byte output name works; an output that is a data file of the run, or two outputs
# naming one file, are refused; no message line can be forged by a value or a file name.
# Usage: sh tests/cli/output-check.sh BIN FAULT_LIB (FAULT_LIB: build/tests/fail_rename.so).
# Prints one line per failure and ends with "output: N passed, N failed".
set -u
bin=${1:-./iloscore}
fault=${2:-build/tests/fail_rename.so}
case "$bin" in /*) ;; *) bin="$(pwd)/$bin" ;; esac
case "$fault" in /*) ;; *) fault="$(pwd)/$fault" ;; esac
pass=0; fail=0
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
ok() { pass=$((pass+1)); }
bad() { echo "FAIL output $1"; fail=$((fail+1)); }
D="--data tests/data/report"

# Existing outputs a.json and b.md with known bytes, a FIFO that nobody reads (writing to it
# blocks, so the run is caught after staging its files), no c.csv.
fresh() {
    rm -rf "$T/o" && mkdir "$T/o" && printf 'old a\n' >"$T/o/a.json" && printf 'old b\n' >"$T/o/b.md" &&
        mkfifo "$T/o/fifo"
}
# Checks that $T/o holds the old a.json and b.md, the FIFO, and nothing else.
unchanged() {
    [ "$(cat "$T/o/a.json")" = "old a" ] || { bad "$1: a.json changed"; return; }
    [ "$(cat "$T/o/b.md")" = "old b" ] || { bad "$1: b.md changed"; return; }
    left=$(ls -A "$T/o" | tr '\n' ' ')
    [ "$left" = "a.json b.md fifo " ] && ok || bad "$1: files left: $left"
}

# The run stages its files before it blocks on the FIFO: the temporary files (and the links
# that keep the old targets) exist then, and go with the signal.
fresh
LC_ALL=C "$bin" $D assess XRA -o "$T/o/a.json" -o "$T/o/b.md" -o "$T/o/c.csv" -o "$T/o/fifo" 2>"$T/err" &
pid=$!
i=0
while [ "$(ls -A "$T/o" | grep -c '^\.ilo-')" -lt 5 ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i+1)); done
staged=$(ls -A "$T/o" | grep -c '^\.ilo-')
[ "$staged" = 5 ] && ok || bad "staging: $staged temporary files, expected 5 (3 staged, 2 kept)"
kill -TERM $pid
{ wait $pid; } 2>/dev/null
rc=$?
[ $rc = 143 ] && ok || bad "SIGTERM: exit status $rc, expected 143"
unchanged "SIGTERM (background)"

# Each signal, sent by timeout(1) to a run blocked on the FIFO (a foreground child, so that
# SIGINT is not ignored as it is for background jobs of a script).
for sig in INT TERM HUP; do
    fresh
    LC_ALL=C timeout --preserve-status -s $sig 2 "$bin" $D assess XRA -o "$T/o/a.json" -o "$T/o/b.md" \
        -o "$T/o/c.csv" -o "$T/o/fifo" 2>"$T/err"
    rc=$?
    case $sig in INT) want=130 ;; TERM) want=143 ;; HUP) want=129 ;; esac
    [ $rc = $want ] && ok || bad "SIG$sig: exit status $rc, expected $want"
    unchanged "SIG$sig"
done

# A rename that fails, first, second or third of three: the outputs renamed before it are put
# back, nothing is left behind.
for n in 1 2 3; do
    fresh
    rm "$T/o/fifo" && mkfifo "$T/o/fifo"
    ILO_FAIL_RENAME=$n LD_PRELOAD="$fault" LC_ALL=C "$bin" $D assess XRA -o "$T/o/a.json" -o "$T/o/b.md" \
        -o "$T/o/c.csv" >/dev/null 2>"$T/err"
    rc=$?
    [ $rc = 4 ] && ok || bad "rename $n fails: exit status $rc, expected 4"
    case $n in 1) f=a.json ;; 2) f=b.md ;; 3) f=c.csv ;; esac
    [ "$(cat "$T/err")" = "iloscore: $T/o/$f: Input/output error" ] && ok || bad "rename $n fails: $(cat "$T/err")"
    unchanged "rename $n fails"
done
# The same runs without the fault write all three.
fresh
LD_PRELOAD="$fault" LC_ALL=C "$bin" $D assess XRA -o "$T/o/a.json" -o "$T/o/b.md" -o "$T/o/c.csv" 2>"$T/err"
LC_ALL=C "$bin" $D assess XRA --format json >"$T/want.json"
cmp -s "$T/want.json" "$T/o/a.json" && [ -s "$T/o/c.csv" ] && [ "$(ls -A "$T/o" | wc -l)" = 4 ] && ok ||
    bad "no fault: outputs not written: $(cat "$T/err")"

# A 250-byte file name (the longest most file systems allow is 255).
name=$(printf '%0250d' 0 | tr 0 n)
LC_ALL=C "$bin" $D assess XRA -o "$T/$name.md" >/dev/null 2>"$T/err"
rc=$?
[ $rc = 0 ] && [ -s "$T/$name.md" ] && [ -z "$(ls -A "$T" | grep '^\.ilo-')" ] && ok ||
    bad "250-byte name: exit $rc: $(cat "$T/err")"
name=$(printf '%0251d' 0 | tr 0 n)
LC_ALL=C "$bin" $D assess XRA --format json -o "$T/$name" >/dev/null 2>&1
cmp -s "$T/$name" "$T/want.json" && ok || bad "255-byte name: not written"

# An output that is a data file of the run: refused (exit 4), directly, through a symlink, and
# for a scenario file given with --scenario; the file is unchanged.
rm -rf "$T/d" && cp -R tests/data/report "$T/d"
cp "$T/d/countries/XRA.cfg" "$T/xra.cfg"
LC_ALL=C "$bin" --data "$T/d" assess XRA --format json -o "$T/d/countries/XRA.cfg" 2>"$T/err"
rc=$?
[ $rc = 4 ] && cmp -s "$T/xra.cfg" "$T/d/countries/XRA.cfg" &&
    [ "$(cat "$T/err")" = "iloscore: $T/d/countries/XRA.cfg: is the data file $T/d/countries/XRA.cfg, which this run reads; not overwritten" ] &&
    ok || bad "-o data file: exit $rc: $(cat "$T/err")"
ln -s "$T/d/countries/XRA.cfg" "$T/link.json"
LC_ALL=C "$bin" --data "$T/d" assess XRA -o "$T/link.json" 2>"$T/err"
rc=$?
[ $rc = 4 ] && cmp -s "$T/xra.cfg" "$T/d/countries/XRA.cfg" && ok || bad "-o symlink to data file: exit $rc: $(cat "$T/err")"
ls -A "$T/d/countries" | grep -q '^\.ilo-' && bad "-o data file: temporary file left" || ok
if [ -d tests/data/scen ] && ls tests/data/scen/scenarios/*.cfg >/dev/null 2>&1; then
    rm -rf "$T/s" && cp -R tests/data/scen "$T/s" && f=$(ls "$T/s/scenarios/"*.cfg | head -1) &&
        mv "$f" "$T/extra.cfg" && cp "$T/extra.cfg" "$T/extra.keep"
    c=$(ls "$T/s/countries" | head -1); c=${c%.cfg}
    LC_ALL=C "$bin" --data "$T/s" --scenario "$T/extra.cfg" assess "$c" --format json -o "$T/extra.cfg" >/dev/null 2>"$T/err"
    rc=$?
    [ $rc = 4 ] && cmp -s "$T/extra.cfg" "$T/extra.keep" && ok || bad "-o --scenario file: exit $rc: $(cat "$T/err")"
fi

# Two outputs naming one file: refused, nothing written.
rm -rf "$T/o" && mkdir "$T/o" && printf 'old\n' >"$T/o/r.md" && ln -s r.md "$T/o/l.md"
LC_ALL=C "$bin" $D assess XRA -o "$T/o/r.md" -o "$T/o/l.md" 2>"$T/err"
rc=$?
[ $rc = 2 ] && [ "$(cat "$T/o/r.md")" = old ] && [ "$(head -1 "$T/err")" = "iloscore: outputs '$T/o/r.md' and '$T/o/l.md' are the same file" ] &&
    ok || bad "symlinked outputs: exit $rc: $(cat "$T/err")"
LC_ALL=C "$bin" $D assess XRA -o "$T/o/n.md" -o "$T/o/../o/n.md" 2>"$T/err"
rc=$?
[ $rc = 2 ] && [ ! -e "$T/o/n.md" ] && ok || bad "one new file named twice: exit $rc: $(cat "$T/err")"

LC_ALL=C "$bin" $D assess XRA -o - -o - >"$T/out" 2>"$T/err"
rc=$?
[ $rc = 2 ] && [ ! -s "$T/out" ] && [ "$(head -1 "$T/err")" = "iloscore: output '-' (standard output) given twice" ] && ok ||
    bad "standard output twice: exit $rc: $(cat "$T/err")"

# Forged lines: a newline, a carriage return, an escape sequence and a C1 control in a country
# argument and in a file name print escaped, on one line.
LC_ALL=C "$bin" $D assess "$(printf 'X\niloscore: countries/KAZ.cfg:1: forged\r\033[31m\302\233')" 2>"$T/err"
rc=$?
[ $rc = 5 ] && [ "$(cat "$T/err")" = 'iloscore: unknown country "X\niloscore: countries/KAZ.cfg:1: forged\r\x1b[31m\u009b"' ] &&
    ok || bad "forged country: exit $rc: $(cat "$T/err")"
rm -rf "$T/m" && cp -R tests/data/mini "$T/m"
printf 'country = ;\n' >"$T/m/countries/$(printf 'X\nfake: line\033[2J').cfg"
LC_ALL=C "$bin" --data "$T/m" check >/dev/null 2>"$T/err"
rc=$?
[ $rc = 3 ] && [ "$(wc -l <"$T/err")" = 1 ] && grep -q "countries/X\\\\nfake: line\\\\x1b\[2J\.cfg:1: " "$T/err" &&
    ok || bad "forged file name: exit $rc: $(cat "$T/err")"
LC_ALL=C "$bin" $D assess XRA -o "$T/no/$(printf 'a\nb').md" 2>"$T/err"
rc=$?
[ $rc = 4 ] && [ "$(cat "$T/err")" = "iloscore: $T/no/a\\nb.md: No such file or directory" ] && ok ||
    bad "forged output name: exit $rc: $(cat "$T/err")"
LC_ALL=C "$bin" $D assess --year "$(printf '1\033]0;x\007')" XRA 2>"$T/err"
rc=$?
[ $rc = 2 ] && [ "$(head -1 "$T/err")" = "iloscore: assess: bad year '1\x1b]0;x\x07' (1900-2100)" ] && ok ||
    bad "forged usage error: exit $rc: $(cat "$T/err")"

echo "output: $pass passed, $fail failed"
[ $fail = 0 ]
