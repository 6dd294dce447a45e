# iloscore: a plain Makefile. Targets: all (default), check, unit, cli-tests, bad-tests, asan,
# valgrind, fuzz, bench, install, uninstall, clean. Library flags come from pkg-config; on Debian the build installs missing packages.

PREFIX ?= /usr/local
BINDIR = $(PREFIX)/bin
DATADIR = $(PREFIX)/share/iloscore
MANDIR = $(PREFIX)/share/man/man1

CC ?= cc
CFLAGS ?= -O2 -g
WERROR ?= 0
WARNINGS = -Wall -Wextra -Wstrict-prototypes -Wwrite-strings -Wshadow -Wno-missing-field-initializers
ifeq ($(WERROR),1)
WARNINGS += -Werror
endif
# Recursively expanded on purpose: evaluated when a recipe runs, after build/.deps installed
# whatever was missing.
PKG_CFLAGS = $(shell pkg-config --cflags libconfig gsl)
PKG_LIBS = $(shell pkg-config --libs libconfig gsl) -lm -lpthread
CMOCKA_CFLAGS = $(shell pkg-config --cflags cmocka)
CMOCKA_LIBS = $(shell pkg-config --libs cmocka)
ALL_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -Iengine -Ireports $(WARNINGS) $(CPPFLAGS) $(CFLAGS) $(PKG_CFLAGS) -DILO_DATADIR='"$(DATADIR)"'

B = build
# The program the tests run: `make asan` builds its own (build/asan/iloscore) so that the
# instrumented binary never replaces ./iloscore, which `make` would then take as up to date.
BIN = iloscore
ENGINE_SRC = $(sort $(wildcard engine/*.c))
REPORTS_SRC = $(sort $(wildcard reports/*.c reports/*/*.c))
CLI_SRC = $(sort $(wildcard cli/*.c))
TEST_SRC = $(sort $(wildcard tests/unit/test_*.c))
ENGINE_OBJ = $(ENGINE_SRC:%.c=$(B)/%.o)
REPORTS_OBJ = $(REPORTS_SRC:%.c=$(B)/%.o)
CLI_OBJ = $(CLI_SRC:%.c=$(B)/%.o)
TEST_BIN = $(TEST_SRC:tests/unit/%.c=$(B)/tests/%)
LIBS = $(B)/libiloreports.a $(B)/libiloengine.a

.PHONY: all check unit cli-tests bad-tests asan valgrind fuzz install uninstall clean deps report-tests html-test bench
all: $(BIN)

$(B)/.deps: tools/deps.sh
	@sh tools/deps.sh
	@mkdir -p $(B) && touch $@

$(B)/%.o: %.c | $(B)/.deps
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c $< -o $@

$(B)/libiloengine.a: $(ENGINE_OBJ)
	$(AR) rcs $@ $^
# Made afresh with q (append): reports/ has files of the same name in different folders
# (kinds/brief.c and brief.c), which r would replace one by the other.
$(B)/libiloreports.a: $(REPORTS_OBJ)
	rm -f $@ && $(AR) qcs $@ $^

$(BIN): $(CLI_OBJ) $(LIBS)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(CLI_OBJ) $(LIBS) $(PKG_LIBS)

$(B)/tests/%: tests/unit/%.c $(LIBS) tests/unit/testutil.h | $(B)/.deps
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(CMOCKA_CFLAGS) -Itests/unit -o $@ $< $(LIBS) $(PKG_LIBS) $(CMOCKA_LIBS)

unit: $(TEST_BIN)
	@set -e; for t in $(TEST_BIN); do echo "== $$t"; ILO_TESTDATA=tests/data ./$$t; done

cli-tests: $(BIN)
	@sh tests/cli/run.sh ./$(BIN)
	@sh tests/cli/scale.sh ./$(BIN)

# The bad-input catalogue (exact message and exit code for every broken rule) and the truncation
# test (a valid file cut at every length must never crash the program).
bad-tests: $(BIN)
	@sh tests/bad/run.sh ./$(BIN)
	@sh tests/bad/truncate.sh ./$(BIN)

# Reports read back: every JSON output through jq with assertions on its fields, CSV parsed back,
# -o files written atomically, the same bytes under a comma-decimal locale.
report-tests: $(BIN)
	@sh tests/cli/json-check.sh ./$(BIN)
	@sh tests/cli/report-check.sh ./$(BIN)

# HTML reports screenshotted by headless Chromium (installed on Debian when missing) and the
# chart found in the pixels; screenshots are left in build/html/.
html-test: $(BIN)
	@sh tests/html/run.sh ./$(BIN)

# Every test: unit tests (cmocka), CLI tests (stdout, stderr, exit codes, golden files), the
# report read-back tests, the bad-input tests, then the HTML screenshots.
check: all unit cli-tests report-tests bad-tests html-test

# The whole suite under AddressSanitizer and UndefinedBehaviorSanitizer, built with clang.
# tests/lsan.supp silences libconfig 1.5's own leak of discarded string tokens (see the file).
asan:
	@sh tools/deps-asan.sh address,undefined
	LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 $(MAKE) B=build/asan BIN=build/asan/iloscore CC=clang CFLAGS='-O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer' LDFLAGS='-fsanitize=address,undefined' check

# The loader under libFuzzer with ASan and UBSan for FUZZ_SECONDS (default 60), seeded with every
# data file of the shipped tree and of tests/data/mini. Crashes are written to build/fuzz/.
FUZZ_SECONDS ?= 60
fuzz: $(B)/.deps
	@sh tools/deps-asan.sh fuzzer,address,undefined
	@mkdir -p build/fuzz/corpus
	clang -std=c11 -D_POSIX_C_SOURCE=200809L -Iengine -O1 -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all $(PKG_CFLAGS) -o build/fuzz/fuzz_load fuzz/fuzz_load.c $(ENGINE_SRC) $(PKG_LIBS)
	@rm -rf build/fuzz/seeds && sh fuzz/seeds.sh build/fuzz/seeds
	LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 ./build/fuzz/fuzz_load -max_total_time=$(FUZZ_SECONDS) -max_len=8192 -timeout=10 -print_final_stats=1 -artifact_prefix=build/fuzz/ build/fuzz/corpus build/fuzz/seeds

# Scale benchmarks (tools/bench.sh, not part of check): synthetic worlds of 1x (190 countries x
# 30 years), 4x (760 x 30) and 16x (760 x 120) under build/bench/; for each, medians of BENCH_RUNS
# runs (default 5) of load, evaluate-all, libconfig's bare parse and peak memory; sensitivity
# --all with 10,000 draws on 1x; the scaling exponent from 1x to 16x; the targets checked.
BENCH_RUNS ?= 5
bench: $(BIN) $(B)/tools/parse_only $(B)/tools/bench_engine
	@sh tools/bench.sh ./$(BIN) $(B)/tools $(BENCH_RUNS)

$(B)/tools/parse_only: tools/parse_only.c | $(B)/.deps
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(PKG_LIBS)

$(B)/tools/bench_engine: tools/bench_engine.c $(B)/libiloengine.a | $(B)/.deps
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(B)/libiloengine.a $(PKG_LIBS)

# Every command over the shipped data under valgrind memcheck: no errors, no leaks.
valgrind: iloscore
	@sh tests/valgrind.sh ./iloscore

install: iloscore
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR) $(DESTDIR)$(MANDIR)
	install -m 755 iloscore $(DESTDIR)$(BINDIR)/iloscore
	cp -R criteria countries scenarios $(DESTDIR)$(DATADIR)/
	install -m 644 docs/iloscore.1 $(DESTDIR)$(MANDIR)/iloscore.1

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/iloscore $(DESTDIR)$(MANDIR)/iloscore.1
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf build iloscore

-include $(shell find $(B) -name '*.d' 2>/dev/null)
