#!/usr/bin/env bash
# The ppc64le counterpart of x86.sh: builds a pseries kernel with NVDIMM
# support from Debian's linux-source package (Debian's ppc64el image has
# none), boots it under qemu (pseries, POWER9, TCG) with a PAPR NVDIMM,
# creates a namespace with ndctl for each case, once with the radix MMU and
# once with hash (disable_radix), records what the kernel did (layout,
# every vmemmap block on the altmap or in DRAM) and compares it with
# `vmemplan --arch ppc64 --page-size 64K --mmu radix|hash --json`.
# Prints "ok"/"FAIL" per compared number, then "N passed, N failed";
# exits 1 on any mismatch, 2 when it cannot run.  See tests/kernel/PPC64.md.
#
#   tests/kernel/ppc64.sh [CASE...]    all cases, or only those named
#   tests/kernel/ppc64.sh --list       list the cases
#   tests/kernel/ppc64.sh --build      only fetch and build (kernel, initramfs)
#
# Environment:
#   VP_KERNEL_CACHE   downloaded .debs, the kernel build, unpacked trees
#                     (default /var/cache/vmemplan-kernel)
#   VP_KERNEL_SOURCE  the kernel source package (default linux-source-6.1)
#   VP_KERNEL_JOBS    make -j (default: number of CPUs)
#   VP_KERNEL_KEEP    keep the work directory (console logs) when set
#   VP_KERNEL_OFFLINE use only what the cache holds, never apt-get
#   VMEMPLAN          the binary under test (default src/vmemplan)
set -eu -o pipefail
cd "$(dirname "$0")/../.."
export LC_ALL=C

CACHE=${VP_KERNEL_CACHE:-/var/cache/vmemplan-kernel}
SRCPKG=${VP_KERNEL_SOURCE:-linux-source-6.1}
JOBS=${VP_KERNEL_JOBS:-$(nproc)}
VMEMPLAN=${VMEMPLAN:-src/vmemplan}
GUEST_RAM=2G          # pseries puts all of it at [0, 2G): the boot RAM
LABEL=128K            # PAPR NVDIMMs need a label area (end of the file)
HERE=tests/kernel

# NAME MMU SIZE START MODE MAP ALIGN(- = default)
# pseries' device memory starts at the first 1 GiB boundary above
# maxmem (64 GiB here: 0x1000000000); PAPR NVDIMMs are multiples of
# 256 MiB, at 256 MiB boundaries.
CASES="
radix-fsdax-dev        radix 16G 0x1000000000 fsdax  dev -
radix-fsdax-mem        radix 16G 0x1000000000 fsdax  mem -
radix-devdax-dev-2M    radix 16G 0x1000000000 devdax dev 2M
radix-devdax-mem-2M    radix 16G 0x1000000000 devdax mem 2M
radix-fsdax-dev-1G     radix 16G 0x1000000000 fsdax  dev 1G
radix-small-256M-dev   radix 256M 0x1000000000 fsdax dev -
radix-odd-fsdax-dev    radix 4352M 0x1010000000 fsdax dev -
hash-fsdax-dev         hash  16G 0x1000000000 fsdax  dev -
hash-fsdax-mem         hash  16G 0x1000000000 fsdax  mem -
hash-devdax-dev-16M    hash  16G 0x1000000000 devdax dev 16M
hash-devdax-mem-16M    hash  16G 0x1000000000 devdax mem 16M
hash-small-256M-dev    hash  256M 0x1000000000 fsdax dev -
hash-odd-fsdax-dev     hash  4352M 0x1010000000 fsdax dev -
"

if [ "${1:-}" = --list ]; then
	echo "$CASES" | awk 'NF { print $1 }'
	exit 0
fi
build_only=
if [ "${1:-}" = --build ]; then
	build_only=1
	shift
fi

log() { echo "== $*" >&2; }
die() { echo "ppc64.sh: $*" >&2; exit 2; }

# --- host tools -------------------------------------------------------
need=""
command -v qemu-system-ppc64 >/dev/null || need="$need qemu-system-ppc"
command -v powerpc64le-linux-gnu-gcc >/dev/null || need="$need gcc-powerpc64le-linux-gnu"
for t in cpio:cpio jq:jq make:make bc:bc flex:flex bison:bison xz:xz-utils \
	perl:perl; do
	command -v "${t%%:*}" >/dev/null || need="$need ${t#*:}"
done
[ -e /usr/include/openssl/ssl.h ] || need="$need libssl-dev"
[ -e /usr/include/libelf.h ] || need="$need libelf-dev"
command -v dpkg-deb >/dev/null || die "needs dpkg (a Debian host)"
if [ -n "$need" ]; then
	[ -z "${VP_KERNEL_OFFLINE:-}" ] || die "missing:$need (offline)"
	[ "$(id -u)" -eq 0 ] || die "missing:$need; run as root to install"
	log "installing$need"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	# shellcheck disable=SC2086
	apt-get install -y -qq --no-install-recommends $need >/dev/null
fi
[ -x "$VMEMPLAN" ] || make -s >/dev/null || die "cannot build $VMEMPLAN"

# --- ppc64el packages (cached) ----------------------------------------
# A private apt state for ppc64el, so the host's dpkg architectures and
# lists stay as they are: the host's sources, only the architecture differs.
APTDIR=$CACHE/apt-ppc64el
aptp() {
	apt-get -q -o APT::Architecture=ppc64el -o APT::Architectures=ppc64el \
		-o Dir::State="$APTDIR/state" -o Dir::State::status="$APTDIR/status" \
		-o Dir::Cache="$APTDIR/cache" "$@"
}
mkdir -p "$CACHE/debs" "$CACHE/debs-ppc64el"
fetch_deb() { # DIR PACKAGE APT-FUNCTION
	compgen -G "$1/${2}_*.deb" >/dev/null && return 0
	[ -z "${VP_KERNEL_OFFLINE:-}" ] || die "$2 is not in $CACHE (offline)"
	log "downloading $2"
	(cd "$1" && "$3" download "$2" 2>&1 |
		grep -v -e '^W: Download is performed unsandboxed' -e '^Get:' >&2) ||
		true
	compgen -G "$1/${2}_*.deb" >/dev/null || die "apt-get download $2 failed"
}
hostapt() { apt-get -q "$@"; }
deb() { find "$1" -name "${2}_*.deb" | sort | tail -n 1; }

# the kernel source
fetch_deb "$CACHE/debs" "$SRCPKG" hostapt
sdeb=$(deb "$CACHE/debs" "$SRCPKG")
# the upstream version vmemplan models: Debian's 6.1.192-2 is 6.1.192
KVER=$(dpkg-deb -f "$sdeb" Version | sed 's/-.*//')
KDIR=$CACHE/ppc64-linux-$KVER
VMLINUX=$KDIR/vmlinux
if [ ! -e "$KDIR/.done" ]; then
	log "unpacking $sdeb"
	rm -rf "$KDIR"
	mkdir -p "$KDIR"
	dpkg-deb --fsys-tarfile "$sdeb" | tar -xO --wildcards './usr/src/linux-source-*.tar.xz' |
		xz -dc | tar -x -C "$KDIR" --strip-components=1
	# QEMU 7.2's TCG has no ISA 3.1 persistent-flush forms (dcbstps,
	# dcbfps: dcbst/dcbf with L=6/4; phwsync: sync L=4) and takes them
	# as illegal instructions; the pmem driver uses them for every
	# flush. Plain dcbst, dcbf and hwsync instead.  Nothing else changes.
	sed -i \
		-e 's/^#define PPC_RAW_DCBFPS(a, b)\t.*/#define PPC_RAW_DCBFPS(a, b)\t\t(0x7c0000ac | ___PPC_RA(a) | ___PPC_RB(b))/' \
		-e 's/^#define PPC_RAW_DCBSTPS(a, b)\t.*/#define PPC_RAW_DCBSTPS(a, b)\t\t(0x7c00006c | ___PPC_RA(a) | ___PPC_RB(b))/' \
		-e 's/^#define PPC_RAW_PHWSYNC\t.*/#define PPC_RAW_PHWSYNC\t\t\t(0x7c0004ac)/' \
		"$KDIR/arch/powerpc/include/asm/ppc-opcode.h"
	grep -q 'DCBFPS(a, b)\t*(0x7c0000ac | ___PPC_RA(a) | ___PPC_RB(b))$' \
		"$KDIR/arch/powerpc/include/asm/ppc-opcode.h" ||
		grep -Pq 'DCBFPS\(a, b\)\t+\(0x7c0000ac \| ___PPC_RA\(a\) \| ___PPC_RB\(b\)\)$' \
			"$KDIR/arch/powerpc/include/asm/ppc-opcode.h" ||
		die "could not patch ppc-opcode.h"
	grep -Pq 'PPC_RAW_PHWSYNC\t+\(0x7c0004ac\)' \
		"$KDIR/arch/powerpc/include/asm/ppc-opcode.h" ||
		die "could not patch ppc-opcode.h (phwsync)"
	kmake() {
		make -C "$KDIR" -s ARCH=powerpc CROSS_COMPILE=powerpc64le-linux-gnu- \
			KBUILD_BUILD_USER=vmemplan KBUILD_BUILD_HOST=vmemplan "$@"
	}
	kmake pseries_le_defconfig >/dev/null
	# everything the test needs built in (no modules to load), 64K pages,
	# radix and hash, dynamic debug and the page allocator's tracepoint
	# with stack traces
	"$KDIR/scripts/config" --file "$KDIR/.config" \
		-e PPC_64K_PAGES -e PPC_RADIX_MMU -e PPC_PSERIES \
		-e SPARSEMEM_VMEMMAP -e MEMORY_HOTPLUG -e MEMORY_HOTREMOVE \
		-e ZONE_DEVICE -e LIBNVDIMM -e BLK_DEV_PMEM -e BTT \
		-e NVDIMM_PFN -e NVDIMM_DAX -e PAPR_SCM -e FS_DAX \
		-e DAX -e DEV_DAX -e DEV_DAX_PMEM \
		-e DYNAMIC_DEBUG -e DEBUG_FS -e FTRACE -e ENABLE_DEFAULT_TRACERS \
		-e STACKTRACE -e KALLSYMS -e DEVTMPFS -e BLK_DEV_INITRD -e RD_GZIP \
		-e HVC_CONSOLE \
		-d DEBUG_INFO -d DEBUG_INFO_DWARF_TOOLCHAIN_DEFAULT -d DEBUG_INFO_BTF \
		-d FUNCTION_TRACER -d MODULE_SIG -d WERROR
	kmake olddefconfig
	for o in PPC_64K_PAGES PPC_RADIX_MMU ZONE_DEVICE LIBNVDIMM BLK_DEV_PMEM \
		NVDIMM_PFN NVDIMM_DAX PAPR_SCM FS_DAX DEV_DAX DEV_DAX_PMEM \
		DYNAMIC_DEBUG TRACING STACKTRACE DEVTMPFS BLK_DEV_INITRD RD_GZIP; do
		grep -q "^CONFIG_$o=y" "$KDIR/.config" || die "CONFIG_$o is not =y"
	done
	log "building the kernel (vmlinux, make -j$JOBS; about 10 min on 2 cores)"
	kmake -j"$JOBS" vmlinux >"$KDIR/build.log" 2>&1 ||
		{ tail -n 30 "$KDIR/build.log" >&2; die "kernel build failed"; }
	touch "$KDIR/.done"
fi
[ -r "$VMLINUX" ] || die "no $VMLINUX"

# userspace: busybox and ndctl for ppc64el, with every library ndctl loads
PKGS="busybox-static ndctl libndctl6 libdaxctl1 libuuid1 libjson-c5
      libkeyutils1 libiniparser1 libc6 libudev1 libkmod2 libzstd1 liblzma5
      libssl3"
need_update=
for p in $PKGS; do
	compgen -G "$CACHE/debs-ppc64el/${p}_*.deb" >/dev/null || need_update=1
done
if [ -n "$need_update" ] && [ -z "${VP_KERNEL_OFFLINE:-}" ]; then
	mkdir -p "$APTDIR/state/lists/partial" "$APTDIR/cache/archives/partial"
	touch "$APTDIR/status"
	log "apt-get update (ppc64el, private lists in $APTDIR)"
	aptp update -qq >/dev/null 2>&1 || aptp update
fi
for p in $PKGS; do
	fetch_deb "$CACHE/debs-ppc64el" "$p" aptp
done
ROOT=$CACHE/root-ppc64el
if [ ! -e "$ROOT/.done" ]; then
	log "unpacking the ppc64el packages"
	rm -rf "$ROOT"
	mkdir -p "$ROOT"
	for p in $PKGS; do
		dpkg-deb -x "$(deb "$CACHE/debs-ppc64el" "$p")" "$ROOT"
	done
	touch "$ROOT/.done"
fi

# --- initramfs --------------------------------------------------------
WORK=$(mktemp -d "${TMPDIR:-/tmp}/vp-kernel.XXXXXX")
if [ -z "${VP_KERNEL_KEEP:-}" ]; then
	trap 'rm -rf "$WORK"' EXIT
else
	log "work directory $WORK"
fi
IRD=$WORK/initramfs
LIBD=lib/powerpc64le-linux-gnu
mkdir -p "$IRD"/{bin,sbin,usr/bin,lib64,$LIBD,modules,proc,sys,dev,tmp,run}
cp "$ROOT/bin/busybox" "$IRD/bin/busybox"
ln -s busybox "$IRD/bin/sh"
cp "$ROOT/usr/bin/ndctl" "$IRD/usr/bin/"
cp -L "$ROOT/lib64/ld64.so.2" "$IRD/lib64/" 2>/dev/null ||
	cp -L "$ROOT/$LIBD/ld64.so.2" "$IRD/lib64/" ||
	die "no ld64.so.2 in libc6:ppc64el"
# the libraries ndctl needs, and theirs (no ldd for a foreign binary:
# read DT_NEEDED with the cross toolchain's objdump)
needed() { powerpc64le-linux-gnu-objdump -p "$1" | awk '$1 == "NEEDED" { print $2 }'; }
todo=$(needed "$ROOT/usr/bin/ndctl")
seen=" "
while [ -n "$todo" ]; do
	set -- $todo
	todo=
	for l in "$@"; do
		case $seen in *" $l "*) continue ;; esac
		seen="$seen$l "
		[ "$l" = ld64.so.2 ] && continue
		f=
		for d in "$ROOT/$LIBD" "$ROOT/usr/$LIBD"; do
			[ -e "$d/$l" ] && f=$d/$l && break
		done
		[ -n "$f" ] || die "ndctl needs $l, not in PKGS"
		cp -L "$f" "$IRD/$LIBD/"
		todo="$todo $(needed "$f")"
	done
done
# the busybox is ppc64el and cannot list its applets here: the guest
# installs their links before guest-init.sh runs
cp "$HERE/guest-init.sh" "$IRD/guest-init.sh"
printf '%s\n' '#!/bin/busybox sh' '/bin/busybox --install -s /bin' \
	'exec /bin/sh /guest-init.sh' >"$IRD/init"
chmod 755 "$IRD/init" "$IRD/guest-init.sh"
(cd "$IRD" && find . | cpio -o -H newc --quiet | gzip -1) >"$WORK/initrd.gz"
if [ -n "$build_only" ]; then
	log "built: $VMLINUX, initramfs $(stat -c %s "$WORK/initrd.gz") bytes"
	exit 0
fi
