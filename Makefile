# satr: a plain Makefile. `make` builds lib/libsatr.a and bin/; `make check`
# builds again with AddressSanitizer and UndefinedBehaviorSanitizer and runs
# every test against both builds.

VERSION = 0.1.0
PREFIX ?= /usr/local
BINDIR = $(PREFIX)/bin
MANDIR = $(PREFIX)/share/man
COMPLETIONDIR = $(PREFIX)/share/bash-completion/completions

PKGS = icu-uc icu-i18n libutf8proc
TEST_PKGS = cmocka
DEBIAN_PACKAGES = build-essential pkg-config libicu-dev libutf8proc-dev \
	libcmocka-dev
# Not needed to build, but by the tests and scripts/bench/run; postgresql,
# miller and parallel for the tests of scripts/load-postgres, of Miller
# reading satr output and of scripts/satr-parallel.
DEBIAN_TEST_PACKAGES = gzip diffutils icu-devtools time python3 clang \
	libclang-rt-dev cppcheck clang-tidy postgresql miller parallel

CC ?= cc
CSTD = -std=c11 -D_GNU_SOURCE
WARN = -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wvla
OPT = -O2 -g
SANFLAGS = -fsanitize=address,undefined -fno-sanitize-recover=all \
	-fno-omit-frame-pointer

# SAN=1 builds the sanitizer variant beside the plain one.
ifeq ($(SAN),1)
OUT = build/asan
LIBA = $(OUT)/libsatr.a
BIN = $(OUT)/bin
XFLAGS = $(SANFLAGS)
else
OUT = build/plain
LIBA = lib/libsatr.a
BIN = bin
XFLAGS =
endif

PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
TEST_CFLAGS = $(shell pkg-config --cflags $(TEST_PKGS) 2>/dev/null)
TEST_LIBS = $(shell pkg-config --libs $(TEST_PKGS) 2>/dev/null)

ALL_CFLAGS = $(CSTD) $(WARN) $(OPT) $(XFLAGS) -Ilib $(PKG_CFLAGS) $(CFLAGS)
ALL_LDFLAGS = $(XFLAGS) $(LDFLAGS)

LIB_SRC = $(wildcard lib/*.c)
CMD_SRC = $(wildcard cmd/*.c)
UNIT_SRC = $(wildcard tests/unit/test_*.c)
LIB_OBJ = $(LIB_SRC:%.c=$(OUT)/%.o)
PROGS = $(CMD_SRC:cmd/%.c=$(BIN)/%)
UNITS = $(UNIT_SRC:tests/unit/%.c=$(OUT)/unit/%)
MAN1 = $(wildcard man/*.1)
MAN7 = $(wildcard man/*.7)

.SECONDARY:
.PHONY: all units check check-deps deps deps-build demo install uninstall clean lint \
	bench-tools fuzz

all: check-deps $(LIBA) $(PROGS)

units: check-deps $(UNITS)

check-deps:
	@pkg-config --exists $(PKGS) || { \
	    echo "satr needs: $(PKGS) (pkg-config)."; \
	    echo "Run 'make deps' (as root) or: apt-get install $(DEBIAN_PACKAGES)"; \
	    exit 1; }

$(OUT)/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

$(LIBA): $(LIB_OBJ)
	@mkdir -p $(@D)
	rm -f $@
	$(AR) rcs $@ $(LIB_OBJ)

$(BIN)/%: $(OUT)/cmd/%.o $(LIBA)
	@mkdir -p $(@D)
	$(CC) $(ALL_LDFLAGS) -o $@ $< $(LIBA) $(PKG_LIBS)

$(OUT)/unit/%: tests/unit/%.c $(LIBA)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(TEST_CFLAGS) $(ALL_LDFLAGS) -o $@ $< $(LIBA) \
	    $(TEST_LIBS) $(PKG_LIBS)

# The baselines scripts/bench/run and scripts/eval-split compare with.
bench-tools: build/icu-sentences build/icu-words

build/icu-%: scripts/bench/icu-%.c
	@mkdir -p $(@D)
	$(CC) $(CSTD) $(WARN) $(OPT) $(PKG_CFLAGS) -o $@ $< $(PKG_LIBS)

-include $(LIB_OBJ:.o=.d) $(CMD_SRC:cmd/%.c=$(OUT)/cmd/%.d)

# Installs the Debian packages the build and tests need, when missing
# (deps-build: only what building and the demo need).
deps:
	@scripts/deps $(DEBIAN_PACKAGES) $(DEBIAN_TEST_PACKAGES)

deps-build:
	@scripts/deps $(DEBIAN_PACKAGES)

check: check-deps
	$(MAKE) all units
	$(MAKE) SAN=1 all units
	$(MAKE) lint
	$(MAKE) fuzz FUZZ_SECONDS=$(CHECK_FUZZ_SECONDS)
	tests/run plain=bin:build/plain/unit asan=build/asan/bin:build/asan/unit

# Static analysis: cppcheck, and clang-tidy with .clang-tidy's checks.
LINT_CFLAGS = -std=c11 -D_GNU_SOURCE -Ilib $(PKG_CFLAGS)
lint:
	cppcheck --quiet --enable=warning,performance,portability --std=c11 \
	    --error-exitcode=1 --suppress=missingIncludeSystem -Ilib lib cmd
	clang-tidy --quiet $(LIB_SRC) $(CMD_SRC) -- $(LINT_CFLAGS)

# Fuzzing with libFuzzer: each target in tests/fuzz/ runs FUZZ_SECONDS,
# from its seeds in tests/fuzz/corpus/; `make check` runs each briefly.
FUZZ_SECONDS ?= 60
CHECK_FUZZ_SECONDS = 20
FUZZ_CC = clang
FUZZ_SAN = -fsanitize=address,undefined -fno-sanitize-recover=all
FUZZ_SRC = $(wildcard tests/fuzz/fuzz_*.c)
FUZZ_BIN = $(FUZZ_SRC:tests/fuzz/%.c=build/fuzz/%)
FUZZ_LIB_OBJ = $(LIB_SRC:%.c=build/fuzz/%.o)

build/fuzz/lib/%.o: lib/%.c
	@mkdir -p $(@D)
	$(FUZZ_CC) $(CSTD) -g -O1 -fsanitize=fuzzer-no-link $(FUZZ_SAN) \
	    -Ilib $(PKG_CFLAGS) -c -o $@ $<

build/fuzz/fuzz_%: tests/fuzz/fuzz_%.c $(FUZZ_LIB_OBJ)
	$(FUZZ_CC) $(CSTD) -g -O1 -fsanitize=fuzzer $(FUZZ_SAN) -Ilib \
	    $(PKG_CFLAGS) -o $@ $< $(FUZZ_LIB_OBJ) $(PKG_LIBS)

fuzz: check-deps $(FUZZ_BIN)
	tests/fuzz/run $(FUZZ_SECONDS) $(FUZZ_BIN)

demo: deps-build all
	@scripts/demo/run bin

# bash-completion loads completions/NAME for command NAME: the one file is
# installed as satr, and each program's name links to it.
install: all
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 \
	    $(DESTDIR)$(MANDIR)/man7 $(DESTDIR)$(COMPLETIONDIR)
	cp $(PROGS) $(DESTDIR)$(BINDIR)/
	cp $(MAN1) $(DESTDIR)$(MANDIR)/man1/
	cp $(MAN7) $(DESTDIR)$(MANDIR)/man7/
	cp completion/satr.bash $(DESTDIR)$(COMPLETIONDIR)/satr
	for p in $(PROGS:$(BIN)/%=%); do \
	    ln -sf satr $(DESTDIR)$(COMPLETIONDIR)/$$p || exit 1; done

uninstall:
	rm -f $(PROGS:$(BIN)/%=$(DESTDIR)$(BINDIR)/%)
	rm -f $(MAN1:man/%=$(DESTDIR)$(MANDIR)/man1/%)
	rm -f $(MAN7:man/%=$(DESTDIR)$(MANDIR)/man7/%)
	rm -f $(DESTDIR)$(COMPLETIONDIR)/satr \
	    $(PROGS:$(BIN)/%=$(DESTDIR)$(COMPLETIONDIR)/%)

clean:
	rm -rf build bin lib/libsatr.a
