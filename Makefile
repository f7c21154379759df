# lexpipe - see README.md.  `make demo` and `make check` work on a fresh
# Debian machine as root: missing packages are installed first.

PREFIX    ?= /usr/local
DESTDIR   ?=
BINDIR     = $(PREFIX)/bin
DATADIR    = $(PREFIX)/share/lexpipe
MANDIR     = $(PREFIX)/share/man/man1

CC        ?= cc
PKG_CONFIG ?= pkg-config
WARN       = -std=c11 -Wall -Wextra -Werror
CPPFLAGS  += -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE
CFLAGS    ?= -O2 -g
LIBS_PKG   = libpcre2-8 libutf8proc
DEPCFLAGS  = $(shell $(PKG_CONFIG) --cflags $(LIBS_PKG) 2>/dev/null)
DEPLIBS    = $(shell $(PKG_CONFIG) --libs $(LIBS_PKG) 2>/dev/null) -pthread
# iconv is in glibc; other C libraries need -liconv (ICONV_LIBS=-liconv)
ICONV_LIBS ?=

# Debian packages: to build, to test, to benchmark.
BUILD_PKGS = gcc libc6-dev make pkg-config libpcre2-dev libutf8proc-dev
TEST_PKGS  = $(BUILD_PKGS) valgrind parallel time
BENCH_PKGS = $(TEST_PKGS) uchardet enca icu-devtools pcre2-utils

SRC = pipeline/util.c pipeline/escape.c pipeline/offmap.c pipeline/record.c \
      pipeline/detect.c pipeline/script.c pipeline/lang.c pipeline/normalize.c pipeline/norm.c pipeline/rules.c \
      pipeline/rx.c pipeline/engines.c pipeline/sentence.c pipeline/tag.c pipeline/tsv.c pipeline/format.c pipeline/stats.c pipeline/show.c pipeline/progress.c pipeline/input.c \
      pipeline/parallel.c pipeline/prefilter.c \
      pipeline/numwords.c pipeline/penalty.c pipeline/restrict.c \
      pipeline/refs.c pipeline/refs_gate.c pipeline/refs_vocab.c pipeline/refs_parse.c pipeline/refs_resolve.c
HDR = $(wildcard pipeline/*.h)
OBJ = $(SRC:pipeline/%.c=build/%.o)
ASAN_OBJ = $(SRC:pipeline/%.c=build/asan/%.o)
UNIT = $(patsubst tests/unit/%.c,build/unit/%,$(wildcard tests/unit/*.c))

ALLCFLAGS = $(WARN) $(CFLAGS) $(CPPFLAGS) $(DEPCFLAGS)
SANFLAGS  = -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer -O1 -g

.PHONY: fuzz fuzz-deps fuzz-brief FORCE all deps test-deps bench-deps check demo install uninstall clean asan bench eval memcheck

all: lexpipe

# Install what is missing (as root, with apt-get); a no-op once present.
deps:
	@sh tests/need.sh $(BUILD_PKGS)
test-deps:
	@sh tests/need.sh $(TEST_PKGS)
bench-deps:
	@sh tests/need.sh $(BENCH_PKGS)

lexpipe: $(OBJ) build/main.o
	$(CC) $(WARN) $(CFLAGS) -o $@ $(OBJ) build/main.o $(DEPLIBS) $(ICONV_LIBS)

build/%.o: pipeline/%.c $(HDR) | build/.dir
	$(CC) $(ALLCFLAGS) -c -o $@ $<

# Where the installed binary finds its patterns.  Rewritten only when PREFIX
# changes, so `make install PREFIX=...` rebuilds main.o and nothing else.
build/config.h: FORCE | build/.dir
	@echo '#define LP_PATTERNS_DIR "$(DATADIR)/patterns"' >$@.tmp
	@cmp -s $@.tmp $@ || mv $@.tmp $@
	@rm -f $@.tmp
build/main.o: pipeline/main.c build/config.h $(HDR)
	$(CC) $(ALLCFLAGS) -Ibuild -c -o $@ $<
build/asan/main.o: pipeline/main.c build/config.h $(HDR)
	$(CC) $(WARN) $(SANFLAGS) $(CPPFLAGS) $(DEPCFLAGS) -Ibuild -c -o $@ $<
FORCE:

build/asan/%.o: pipeline/%.c $(HDR) | build/.dir
	$(CC) $(WARN) $(SANFLAGS) $(CPPFLAGS) $(DEPCFLAGS) -Ibuild -c -o $@ $<

build/asan/lexpipe: $(ASAN_OBJ) build/asan/main.o
	$(CC) $(SANFLAGS) -o $@ $^ $(DEPLIBS) $(ICONV_LIBS)

build/unit/%: tests/unit/%.c $(OBJ) $(HDR) | build/.dir
	$(CC) $(ALLCFLAGS) -Ipipeline -o $@ $< $(OBJ) $(DEPLIBS) $(ICONV_LIBS)

build/.dir:
	mkdir -p build/asan build/unit
	touch $@

# The detector's own test program runs over a generated set (tests/detect/run.sh).
build/detect_test: tests/detect/detect_test.c pipeline/detect.c pipeline/detect.h | build/.dir
	$(CC) $(ALLCFLAGS) -Ipipeline -o $@ tests/detect/detect_test.c pipeline/detect.c
build/asan/detect_test: tests/detect/detect_test.c pipeline/detect.c pipeline/detect.h | build/.dir
	$(CC) $(WARN) $(SANFLAGS) $(CPPFLAGS) -Ipipeline -o $@ tests/detect/detect_test.c pipeline/detect.c

# Fuzzing (tests/fuzz/, README there).  Each harness is a libFuzzer target
# built with clang (`make fuzz`: FUZZ_SECONDS each) and, linked with
# tests/fuzz/driver.c instead, a replay program built with $(CC) and the
# sanitizers: `make check` replays the seeds and reproducers even without
# clang, and when clang is there also fuzzes each harness for FUZZ_BRIEF s
# (build/unit/fuzz-brief, which tests/run.sh runs like a unit program).
FUZZ_PKGS    = clang libclang-rt-14-dev
FUZZ_CC      ?= clang
FUZZ_SECONDS ?= 60
FUZZ_BRIEF   ?= 5
FUZZ_NAMES   = $(patsubst tests/fuzz/fuzz_%.c,%,$(wildcard tests/fuzz/fuzz_*.c))
FUZZ_REPLAY  = $(FUZZ_NAMES:%=build/unit/fuzz-%)
FUZZ_BIN     = $(FUZZ_NAMES:%=build/fuzz/fuzz-%)
FUZZ_OBJ     = $(SRC:pipeline/%.c=build/fuzz/obj/%.o)
FUZZ_SAN     = -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer -O1 -g
FUZZ_DEF     = -Ipipeline -DFZ_TOP='"$(CURDIR)"'
FUZZ_SUPPORT = tests/fuzz/fuzzutil.c tests/fuzz/fuzz.h
# kept between runs (make would delete them as intermediate files)
.SECONDARY: $(FUZZ_OBJ)

build/unit/fuzz-%: tests/fuzz/fuzz_%.c tests/fuzz/driver.c $(FUZZ_SUPPORT) $(ASAN_OBJ) $(HDR) | build/.dir
	$(CC) $(WARN) $(SANFLAGS) $(CPPFLAGS) $(DEPCFLAGS) $(FUZZ_DEF) -DFZ_NAME='"$*"' -o $@ \
	    $< tests/fuzz/driver.c tests/fuzz/fuzzutil.c $(ASAN_OBJ) $(DEPLIBS) $(ICONV_LIBS)
build/fuzz/obj/%.o: pipeline/%.c $(HDR)
	@mkdir -p build/fuzz/obj
	$(FUZZ_CC) $(WARN) $(FUZZ_SAN) -fsanitize=fuzzer-no-link $(CPPFLAGS) $(DEPCFLAGS) -c -o $@ $<
build/fuzz/fuzz-%: tests/fuzz/fuzz_%.c $(FUZZ_SUPPORT) $(FUZZ_OBJ)
	$(FUZZ_CC) $(WARN) $(FUZZ_SAN) -fsanitize=fuzzer $(CPPFLAGS) $(DEPCFLAGS) $(FUZZ_DEF) -o $@ \
	    $< tests/fuzz/fuzzutil.c $(FUZZ_OBJ) $(DEPLIBS) $(ICONV_LIBS)

fuzz-deps:
	@sh tests/need.sh $(FUZZ_PKGS)
fuzz: fuzz-deps
	@$(MAKE) --no-print-directory $(FUZZ_BIN) $(FUZZ_REPLAY)
	@sh tests/fuzz/brief.sh "$(CURDIR)" $(FUZZ_SECONDS) keep
# The brief run inside check: skipped, with a note, where clang cannot be had.
fuzz-brief:
	@if sh tests/need.sh $(FUZZ_PKGS) && $(MAKE) --no-print-directory $(FUZZ_BIN); then \
	    printf '#!/bin/sh\nexec sh "$$1/tests/fuzz/brief.sh" "$$1" $(FUZZ_BRIEF)\n' >build/unit/fuzz-brief; \
	    chmod +x build/unit/fuzz-brief; \
	else rm -f build/unit/fuzz-brief; echo "lexpipe: no clang: the fuzzers replay their seeds only" >&2; fi

asan: build/asan/lexpipe

check: test-deps
	@$(MAKE) --no-print-directory lexpipe build/asan/lexpipe $(UNIT) build/detect_test build/asan/detect_test $(FUZZ_REPLAY)
	@$(MAKE) --no-print-directory fuzz-brief
	@sh tests/run.sh ./lexpipe build/asan/lexpipe

demo: deps
	@$(MAKE) --no-print-directory lexpipe
	@echo '$$ ./lexpipe run corpus/ | head -25 | cut -f1,2,4,5,7,8,9,10,14'
	@./lexpipe run corpus/ | head -25 | cut -f1,2,4,5,7,8,9,10,14
	@echo '$$ ./lexpipe run corpus/ | tail -n +2 | cut -f7,8 | sort | uniq -c'
	@./lexpipe run corpus/ | tail -n +2 | cut -f7,8 | sort | uniq -c

eval: deps
	@$(MAKE) --no-print-directory lexpipe
	@echo "== gold corpus (tests/gold)"
	@sh tests/eval.sh ./lexpipe patterns tests/gold
	@echo "== held-out check (tests/holdout, never used for tuning)"
	@sh tests/eval.sh ./lexpipe patterns tests/holdout

bench: bench-deps
	@$(MAKE) --no-print-directory lexpipe
	@sh tests/bench.sh ./lexpipe

# t-memory.sh with its 1 GiB line and 2 GiB file (too slow for check)
memcheck: test-deps
	@$(MAKE) --no-print-directory lexpipe
	@MEMCHECK_BIG=1 LEXPIPE=$(CURDIR)/lexpipe sh tests/t-memory.sh

install: lexpipe
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR) $(DESTDIR)$(MANDIR)
	cp lexpipe $(DESTDIR)$(BINDIR)/lexpipe
	rm -rf $(DESTDIR)$(DATADIR)/patterns
	cp -R patterns $(DESTDIR)$(DATADIR)/patterns
	cp pipeline/lexpipe.1 $(DESTDIR)$(MANDIR)/lexpipe.1

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/lexpipe $(DESTDIR)$(MANDIR)/lexpipe.1
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf build lexpipe
