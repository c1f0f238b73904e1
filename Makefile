# vmemplan.  ./autogen.sh && ./configure && make && make check
# (tools/build.sh and tools/test.sh do all of it on a fresh Debian machine).

ifeq ($(wildcard config.mk),)
$(error config.mk is missing: run ./autogen.sh && ./configure first, or tools/build.sh)
endif
include config.mk

BUILDDIR ?= build
BIN ?= src/vmemplan
WARN = -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
       -Wformat=2 -Wvla -Wconversion -Wno-sign-conversion -Werror=implicit
ALL_CFLAGS = -std=gnu11 $(WARN) $(CFLAGS) $(EXTRA_CFLAGS)
ALL_CPPFLAGS = -DVERSION='"$(VERSION)"' $(CPPFLAGS)

# The pure core (no I/O, no json-c, no libnuma), then the CLI.
CORE_SRC = src/core/units.c src/core/error.c src/core/kernel.c \
           src/core/input.c src/core/arch.c src/core/layout.c \
           src/core/altmap.c src/core/memstate.c src/core/vmemmap.c \
           src/core/vmemmap_radix.c src/core/vmemmap_x86.c src/core/plan.c \
           src/core/inverse.c src/core/check.c
# The probe layer: the only code that reads the machine (libnuma, /proc).
PROBE_SRC = src/probe/numa.c src/probe/host.c src/probe/nd_sysfs.c
CLI_SRC = src/cli/values.c src/cli/options.c src/cli/out.c src/cli/render_text.c \
          src/cli/render_json.c src/cli/render_table.c \
          src/cli/render_svg.c src/cli/regions.c src/cli/many.c \
          src/cli/import.c \
          src/cli/batch.c \
          src/cli/main.c
UNIT_SRC = $(wildcard tests/unit/test_*.c)

CORE_OBJ = $(CORE_SRC:%.c=$(BUILDDIR)/%.o)
PROBE_OBJ = $(PROBE_SRC:%.c=$(BUILDDIR)/%.o)
CLI_OBJ = $(CLI_SRC:%.c=$(BUILDDIR)/%.o)
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=$(BUILDDIR)/tests/%)

all: $(BIN)

$(BIN): $(CORE_OBJ) $(PROBE_OBJ) $(CLI_OBJ)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ $(JSONC_LIBS) $(NUMA_LIBS) -lm

$(BUILDDIR)/src/probe/%.o: src/probe/%.c $(wildcard src/probe/*.h src/core/*.h)
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) $(NUMA_CFLAGS) -c -o $@ $<

$(BUILDDIR)/src/core/%.o: src/core/%.c $(wildcard src/core/*.h)
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -c -o $@ $<

$(BUILDDIR)/src/cli/%.o: src/cli/%.c $(wildcard src/cli/*.h src/core/*.h)
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) $(JSONC_CFLAGS) -c -o $@ $<

$(BUILDDIR)/tests/%: tests/unit/%.c $(wildcard tests/unit/*.h) $(CORE_OBJ)
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -Isrc/core -o $@ $< $(CORE_OBJ)

# Every test: unit tables, CLI golden transcripts, JSON contract, docs.
# Boots real kernels under qemu with an NVDIMM and compares every number
# with vmemplan: Debian's x86-64 6.1 kernel (tests/kernel/README.md;
# ~75 MB once, ~3 minutes; CI runs this part) and ppc64le 6.1 and 6.12
# kernels built from Debian's linux-source (tests/kernel/PPC64.md; about
# 15 minutes a build, once, and 4 minutes of boots per version).
check-kernel: check-kernel-x86 check-kernel-ppc64

check-kernel-x86: $(BIN)
	tests/kernel/x86.sh

check-kernel-ppc64: $(BIN)
	VP_KERNEL_SOURCE=linux-source-6.1 tests/kernel/ppc64.sh
	VP_KERNEL_SOURCE=linux-source-6.12 tests/kernel/ppc64.sh

check: $(BIN) $(UNIT_BIN)
	VMEMPLAN=$(BIN) UNIT_BINS="$(UNIT_BIN)" tests/run.sh

# The whole suite again, built with AddressSanitizer and UBSan.
SAN_FLAGS = -fsanitize=address,undefined -fno-sanitize-recover=all \
            -fno-omit-frame-pointer -g -O1
check-sanitize:
	$(MAKE) BUILDDIR=build/san BIN=build/san/vmemplan \
	        EXTRA_CFLAGS="$(SAN_FLAGS)" check

# The CLI tests under valgrind (memcheck), failing on any error.
check-valgrind: $(BIN) $(UNIT_BIN)
	VMEMPLAN_WRAP="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite" \
	VMEMPLAN=$(BIN) UNIT_BINS="$(UNIT_BIN)" tests/run.sh

# The differential engine test at full size (10 000 seeded cases).
check-long: $(UNIT_BIN)
	VP_ENGINE_CASES=10000 $(BUILDDIR)/tests/test_engines

# Figures and ratios (no thresholds): see BENCHMARKS.md.
$(BUILDDIR)/bench: tests/bench/bench.c $(CORE_OBJ)
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -O2 -Isrc/core -o $@ $< $(CORE_OBJ)

bench: $(BIN) $(BUILDDIR)/bench
	$(BUILDDIR)/bench $(BIN)

# libFuzzer harnesses (clang, libclang-rt-14-dev): FUZZ_SECONDS per
# harness; tests/fuzz/README.md.
FUZZ_SECONDS ?= 60
fuzz:
	FUZZ_SECONDS=$(FUZZ_SECONDS) bash tests/fuzz/run.sh

# Every seed and regression input once through its harness (seconds).
fuzz-replay:
	FUZZ_REPLAY=1 bash tests/fuzz/run.sh

install: $(BIN)
	$(MKDIR_P) $(DESTDIR)$(bindir) $(DESTDIR)$(mandir)/man1 \
	        $(DESTDIR)$(bashcompdir) $(DESTDIR)$(zshcompdir) \
	        $(DESTDIR)$(fishcompdir)
	$(INSTALL) -m 755 $(BIN) $(DESTDIR)$(bindir)/vmemplan
	$(INSTALL) -m 644 man/vmemplan.1 $(DESTDIR)$(mandir)/man1/vmemplan.1
	$(INSTALL) -m 644 completions/vmemplan.bash $(DESTDIR)$(bashcompdir)/vmemplan
	$(INSTALL) -m 644 completions/_vmemplan $(DESTDIR)$(zshcompdir)/_vmemplan
	$(INSTALL) -m 644 completions/vmemplan.fish $(DESTDIR)$(fishcompdir)/vmemplan.fish

uninstall:
	rm -f $(DESTDIR)$(bindir)/vmemplan $(DESTDIR)$(mandir)/man1/vmemplan.1 \
	      $(DESTDIR)$(bashcompdir)/vmemplan $(DESTDIR)$(zshcompdir)/_vmemplan \
	      $(DESTDIR)$(fishcompdir)/vmemplan.fish

# Where "make install" puts things (the install test reads this).
show-dirs:
	@echo "bindir=$(bindir)"
	@echo "man1dir=$(mandir)/man1"
	@echo "bashcompdir=$(bashcompdir)"
	@echo "zshcompdir=$(zshcompdir)"
	@echo "fishcompdir=$(fishcompdir)"

# Release tarball: the tracked files (MANIFEST inside a tarball) plus the
# generated ./configure.  distcheck builds and tests it in a scratch tree.
DISTNAME = vmemplan-$(VERSION)
dist:
	rm -rf build/dist && $(MKDIR_P) build/dist/$(DISTNAME)
	{ git ls-files 2>/dev/null || cat MANIFEST; } | grep -v '^MANIFEST$$' >build/dist/MANIFEST
	tar -cf - -T build/dist/MANIFEST | tar -xf - -C build/dist/$(DISTNAME)
	cp build/dist/MANIFEST build/dist/$(DISTNAME)/MANIFEST
	cd build/dist/$(DISTNAME) && ./autogen.sh >/dev/null 2>&1 && rm -rf autom4te.cache
	tar -czf $(DISTNAME).tar.gz -C build/dist $(DISTNAME)
	@echo "$(DISTNAME).tar.gz"

distcheck: dist
	rm -rf build/distcheck && $(MKDIR_P) build/distcheck
	tar -xzf $(DISTNAME).tar.gz -C build/distcheck
	cd build/distcheck/$(DISTNAME) && ./configure -q && $(MAKE) -s && $(MAKE) -s check
	@echo "$(DISTNAME).tar.gz is ready for distribution"

clean:
	rm -rf build $(BIN) $(DISTNAME).tar.gz

distclean: clean
	rm -rf config.mk config.log config.status configure aclocal.m4 \
	       autom4te.cache install-sh

.PHONY: all check check-sanitize check-valgrind check-long check-kernel \
        check-kernel-x86 check-kernel-ppc64 bench fuzz \
        fuzz-replay install \
        uninstall show-dirs \
        dist distcheck clean distclean
