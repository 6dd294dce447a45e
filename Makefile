# iloscore: a plain Makefile. Targets: all (default), check, asan, valgrind, install, uninstall,
# clean. Library flags come from pkg-config; on Debian the build installs missing packages.

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
ENGINE_SRC = $(sort $(wildcard engine/*.c))
REPORTS_SRC = $(sort $(wildcard reports/*.c))
CLI_SRC = $(sort $(wildcard cli/*.c))
TEST_SRC = $(sort $(wildcard tests/unit/test_*.c))
ENGINE_OBJ = $(ENGINE_SRC:%.c=$(B)/%.o)
REPORTS_OBJ = $(REPORTS_SRC:%.c=$(B)/%.o)
CLI_OBJ = $(CLI_SRC:%.c=$(B)/%.o)
TEST_BIN = $(TEST_SRC:tests/unit/%.c=$(B)/tests/%)
LIBS = $(B)/libiloreports.a $(B)/libiloengine.a

.PHONY: all check unit cli-tests asan valgrind install uninstall clean deps
all: iloscore

$(B)/.deps: tools/deps.sh
	@sh tools/deps.sh
	@mkdir -p $(B) && touch $@

$(B)/%.o: %.c | $(B)/.deps
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c $< -o $@

$(B)/libiloengine.a: $(ENGINE_OBJ)
	$(AR) rcs $@ $^
$(B)/libiloreports.a: $(REPORTS_OBJ)
	$(AR) rcs $@ $^

iloscore: $(CLI_OBJ) $(LIBS)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(CLI_OBJ) $(LIBS) $(PKG_LIBS)

$(B)/tests/%: tests/unit/%.c $(LIBS) tests/unit/testutil.h | $(B)/.deps
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(CMOCKA_CFLAGS) -Itests/unit -o $@ $< $(LIBS) $(PKG_LIBS) $(CMOCKA_LIBS)

unit: $(TEST_BIN)
	@set -e; for t in $(TEST_BIN); do echo "== $$t"; ILO_TESTDATA=tests/data ./$$t; done

cli-tests: iloscore
	@sh tests/cli/run.sh ./iloscore

# Every test: unit tests (cmocka) then CLI tests (stdout, stderr, exit codes, golden files).
check: all unit cli-tests

# The whole suite under AddressSanitizer and UndefinedBehaviorSanitizer, built with clang.
asan:
	$(MAKE) B=build/asan CC=clang CFLAGS='-O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer' LDFLAGS='-fsanitize=address,undefined' check

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
