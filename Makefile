# iloscore: a plain Makefile. Targets: all (default), check, unit, cli-tests, bad-tests, asan,
# valgrind, fuzz, bench, validation, install, uninstall, clean. Library flags come from pkg-config; on Debian the build installs missing packages.

PREFIX ?= /usr/local
BINDIR = $(PREFIX)/bin
DATADIR = $(PREFIX)/share/iloscore
MANDIR = $(PREFIX)/share/man/man1
LIBDIR = $(PREFIX)/lib
INCLUDEDIR = $(PREFIX)/include
PKGCONFIGDIR = $(LIBDIR)/pkgconfig
VERSION = $(shell sed -n 's/^\#define ILO_VERSION "\(.*\)"/\1/p' engine/iloscore.h)
SOMAJOR = 0

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

.PHONY: all check unit cli-tests bad-tests asan valgrind fuzz install install-lib install-test uninstall clean deps report-tests html-test bench backtest backtest-test validation validation-check
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

# The engine as an installable library (make install): static, and shared from objects built
# as position-independent code; the header is engine/iloscore.h, the manual.
PIC_OBJ = $(ENGINE_SRC:%.c=$(B)/pic/%.o)
$(B)/pic/%.o: %.c | $(B)/.deps
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -MMD -MP -fPIC -c $< -o $@
$(B)/libiloscore.so.$(VERSION): $(PIC_OBJ)
	$(CC) -shared -Wl,-soname,libiloscore.so.$(SOMAJOR) $(CFLAGS) $(LDFLAGS) -o $@ $(PIC_OBJ) $(PKG_LIBS)
# libconfig and GSL are private: a program calls only the engine. Libs keeps -liloscore needed
# even where the linker drops libraries named before the objects that use them (--as-needed),
# so that `cc $$(pkg-config --cflags --libs iloscore) prog.c` links too.
$(B)/iloscore.pc: Makefile engine/iloscore.h
	@mkdir -p $(dir $@)
	printf '%s\n' 'prefix=$(PREFIX)' 'libdir=$(LIBDIR)' 'includedir=$(INCLUDEDIR)' '' \
	    'Name: iloscore' 'Description: ILO freedom-of-association compliance scoring engine' \
	    'Version: $(VERSION)' 'Requires.private: libconfig gsl' \
	    'Libs: -L$${libdir} -Wl,--push-state,--no-as-needed -liloscore -Wl,--pop-state' \
	    'Libs.private: -lm -lpthread' 'Cflags: -I$${includedir}' > $@

$(BIN): $(CLI_OBJ) $(LIBS)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(CLI_OBJ) $(LIBS) $(PKG_LIBS)

$(B)/tests/%: tests/unit/%.c $(LIBS) tests/unit/testutil.h | $(B)/.deps
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(CMOCKA_CFLAGS) -Itests/unit -o $@ $< $(LIBS) $(PKG_LIBS) $(CMOCKA_LIBS)

# A comma-decimal locale for the tests that prove no output takes the program's locale, compiled
# into build/ from glibc's locale sources (Debian package locales) so no system locale is needed;
# where the sources are missing those tests skip.
$(B)/locale/de_DE.UTF-8:
	@mkdir -p $(B)/locale
	@localedef -i de_DE -f UTF-8 $@ 2>/dev/null || echo "no de_DE locale sources: the locale tests will skip"

unit: $(TEST_BIN) $(B)/locale/de_DE.UTF-8
	@set -e; for t in $(TEST_BIN); do echo "== $$t"; LOCPATH=$(B)/locale ILO_TESTDATA=tests/data ./$$t; done

cli-tests: $(BIN)
	@sh tests/cli/run.sh ./$(BIN)
	@sh tests/cli/scale.sh ./$(BIN)
	@sh tests/cli/markers.sh ./$(BIN)

# The bad-input catalogue (exact message and exit code for every broken rule) and the truncation
# test (a valid file cut at every length must never crash the program).
bad-tests: $(BIN)
	@sh tests/bad/run.sh ./$(BIN)
	@sh tests/bad/truncate.sh ./$(BIN)

# Reports read back: every JSON output through jq with assertions on its fields, CSV parsed back,
# -o files written atomically, the same bytes under a comma-decimal locale; the renderer fuzz
# harness over its kept corpus (every report kind in every format, JSON, CSV and HTML checked).
# The -o transaction under signals and failed renames (a fault injector loaded with LD_PRELOAD),
# refused outputs, and messages that values and file names cannot forge.
report-tests: $(BIN) $(B)/tests/fail_rename.so $(B)/fuzz/render_driver $(B)/locale/de_DE.UTF-8
	@sh tests/cli/json-check.sh ./$(BIN)
	@LOCPATH=$(CURDIR)/$(B)/locale sh tests/cli/report-check.sh ./$(BIN)
	@sh tests/cli/output-check.sh ./$(BIN) $(B)/tests/fail_rename.so
	@./$(B)/fuzz/render_driver fuzz/corpus/render

# Built without the sanitizers: it is preloaded into the program, whose own runtime comes first.
$(B)/tests/fail_rename.so: tests/fault/fail_rename.c
	@mkdir -p $(dir $@)
	$(CC) -shared -fPIC -O1 $(WARNINGS) -o $@ $< -ldl

# HTML reports screenshotted by headless Chromium (installed on Debian when missing) and the
# chart found in the pixels; screenshots are left in build/html/.
html-test: $(BIN)
	@sh tests/html/run.sh ./$(BIN)
	@sh tests/html/print.sh ./$(BIN)

# The back-test of trade decisions (tools/backtest.sh): `backtest-test` (part of check) checks the
# fixture tests/data/pub, replays the decisions of the data into build/backtest.md and prints the
# summary. The replay is a section of docs/validation.md (and kept as docs/backtest.md):
# `make backtest` is `make validation`, which regenerates both.
backtest: validation

backtest-test: $(B)/tools/backtest
	@$(B)/tools/backtest tests/data/pub >$(B)/backtest-pub.md && cmp -s $(B)/backtest-pub.md tests/backtest/pub.md \
		|| { echo "backtest: fixture output differs from tests/backtest/pub.md"; diff tests/backtest/pub.md $(B)/backtest-pub.md | head -20; exit 1; }
	@echo "backtest: fixture tests/data/pub as expected"
	@sh tools/backtest.sh $(B)/tools/backtest . $(B)/backtest.md

$(B)/tools/backtest: tools/backtest.c $(B)/libiloengine.a | $(B)/.deps
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(B)/libiloengine.a $(PKG_LIBS)

# docs/validation.md: computed SDG 8.8.2 under each reading of the year window against every
# vintage of published SDG 8.8.2 values, the all-sources method against the ITUC ratings, and the
# back-test, generated from the data (tools/validation.c, tools/backtest.sh). `make validation`
# rewrites docs/validation.md and docs/backtest.md; `make validation-check` (part of check) fails
# when either committed file is stale, after checking the generator on the fixture tests/data/val
# (tests/validation/run.sh).
VALIDATION_ARGS = --ituc all-sources --backtest $(B)/backtest.md sdg-8.8.2-evidence sdg-8.8.2
validation: $(B)/tools/validation $(B)/tools/backtest
	@sh tools/backtest.sh $(B)/tools/backtest . $(B)/backtest.md
	cp $(B)/backtest.md docs/backtest.md
	$(B)/tools/validation . $(VALIDATION_ARGS) > docs/validation.md.tmp && mv docs/validation.md.tmp docs/validation.md \
		|| { rm -f docs/validation.md.tmp; exit 1; }

validation-check: $(B)/tools/validation backtest-test
	@sh tests/validation/run.sh $(B)/tools/validation
	@$(B)/tools/validation . $(VALIDATION_ARGS) > $(B)/validation.md
	@if cmp -s $(B)/backtest.md docs/backtest.md && cmp -s $(B)/validation.md docs/validation.md; then echo "validation: docs/validation.md and docs/backtest.md are up to date"; \
	 else diff docs/validation.md $(B)/validation.md | head -20; echo "validation: docs/validation.md or docs/backtest.md is stale: run make validation"; exit 1; fi

$(B)/tools/validation: tools/validation.c $(B)/libiloengine.a | $(B)/.deps
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(B)/libiloengine.a $(PKG_LIBS)

# Every test: unit tests (cmocka), CLI tests (stdout, stderr, exit codes, golden files), the
# report read-back tests, the bad-input tests, the back-test, the staleness of docs/validation.md,
# the installed library, then the HTML screenshots.
check: all unit cli-tests report-tests bad-tests backtest-test validation-check install-test html-test

# The whole suite under AddressSanitizer and UndefinedBehaviorSanitizer, built with clang.
# tests/lsan.supp silences libconfig 1.5's own leak of discarded string tokens (see the file).
asan:
	@sh tools/deps-asan.sh address,undefined
	LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 $(MAKE) B=build/asan BIN=build/asan/iloscore CC=clang CFLAGS='-O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer' LDFLAGS='-fsanitize=address,undefined' check

# Under libFuzzer with ASan and UBSan, FUZZ_SECONDS each (default 60): the loader (fuzz_load),
# then the renderers (fuzz_render: every report kind in every format from a mutated tree, the
# JSON, CSV and HTML read back). Seeded with every data file of the shipped tree and of
# tests/data/mini, and for the renderers with the kept corpus fuzz/corpus/render (hostile text).
# New inputs go to build/fuzz/corpus*, crashes to build/fuzz/.
FUZZ_SECONDS ?= 60
FUZZ_FLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -Iengine -Ireports -O1 -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all
FUZZ_ENV = LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0
fuzz: $(B)/.deps
	@sh tools/deps-asan.sh fuzzer,address,undefined
	@mkdir -p build/fuzz/corpus build/fuzz/corpus-render
	clang $(FUZZ_FLAGS) $(PKG_CFLAGS) -o build/fuzz/fuzz_load fuzz/fuzz_load.c $(ENGINE_SRC) $(PKG_LIBS)
	clang $(FUZZ_FLAGS) $(PKG_CFLAGS) -o build/fuzz/fuzz_render fuzz/fuzz_render.c $(REPORTS_SRC) $(ENGINE_SRC) $(PKG_LIBS)
	@rm -rf build/fuzz/seeds && sh fuzz/seeds.sh build/fuzz/seeds
	$(FUZZ_ENV) ./build/fuzz/fuzz_load -max_total_time=$(FUZZ_SECONDS) -max_len=8192 -timeout=10 -print_final_stats=1 -artifact_prefix=build/fuzz/ build/fuzz/corpus build/fuzz/seeds
	$(FUZZ_ENV) ./build/fuzz/fuzz_render -max_total_time=$(FUZZ_SECONDS) -max_len=16384 -timeout=20 -print_final_stats=1 -artifact_prefix=build/fuzz/render- build/fuzz/corpus-render fuzz/corpus/render build/fuzz/seeds

# The renderer harness without libFuzzer (fuzz/driver.c), replaying the kept corpus in make check.
$(B)/fuzz/render_driver: fuzz/driver.c fuzz/fuzz_render.c fuzz/tree.h $(LIBS) | $(B)/.deps
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ fuzz/driver.c fuzz/fuzz_render.c $(LIBS) $(PKG_LIBS)

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

install: $(BIN) install-lib
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR) $(DESTDIR)$(MANDIR)
	install -m 755 $(BIN) $(DESTDIR)$(BINDIR)/iloscore
	cp -R criteria countries scenarios published $(DESTDIR)$(DATADIR)/
	install -m 644 docs/iloscore.1 $(DESTDIR)$(MANDIR)/iloscore.1

# The engine library: libiloscore.a, libiloscore.so.VERSION (with the .so.0 and .so links),
# iloscore.h and iloscore.pc.
install-lib: $(B)/libiloengine.a $(B)/libiloscore.so.$(VERSION) $(B)/iloscore.pc
	install -d $(DESTDIR)$(LIBDIR) $(DESTDIR)$(INCLUDEDIR) $(DESTDIR)$(PKGCONFIGDIR)
	install -m 644 $(B)/libiloengine.a $(DESTDIR)$(LIBDIR)/libiloscore.a
	install -m 755 $(B)/libiloscore.so.$(VERSION) $(DESTDIR)$(LIBDIR)/libiloscore.so.$(VERSION)
	ln -sf libiloscore.so.$(VERSION) $(DESTDIR)$(LIBDIR)/libiloscore.so.$(SOMAJOR)
	ln -sf libiloscore.so.$(SOMAJOR) $(DESTDIR)$(LIBDIR)/libiloscore.so
	install -m 644 engine/iloscore.h $(DESTDIR)$(INCLUDEDIR)/iloscore.h
	install -m 644 $(B)/iloscore.pc $(DESTDIR)$(PKGCONFIGDIR)/iloscore.pc

# `make install` into a scratch DESTDIR, then a small C program built against the installed
# library with pkg-config (shared, then static) and run (tests/install/run.sh).
install-test: $(BIN)
	@rm -rf $(B)/destdir
	@$(MAKE) -s install DESTDIR=$(CURDIR)/$(B)/destdir PREFIX=/usr/local >/dev/null
	@sh tests/install/run.sh $(CURDIR)/$(B)/destdir /usr/local "$(CC)" "$(CFLAGS)" "$(LDFLAGS)"

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/iloscore $(DESTDIR)$(MANDIR)/iloscore.1
	rm -rf $(DESTDIR)$(DATADIR)
	rm -f $(DESTDIR)$(LIBDIR)/libiloscore.a $(DESTDIR)$(LIBDIR)/libiloscore.so $(DESTDIR)$(LIBDIR)/libiloscore.so.$(SOMAJOR)
	rm -f $(DESTDIR)$(LIBDIR)/libiloscore.so.$(VERSION) $(DESTDIR)$(INCLUDEDIR)/iloscore.h $(DESTDIR)$(PKGCONFIGDIR)/iloscore.pc

clean:
	rm -rf build iloscore

-include $(shell find $(B) -name '*.d' 2>/dev/null)
