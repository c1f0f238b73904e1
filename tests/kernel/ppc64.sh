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
# MMU: radix; hash (disable_radix, 16M pages offered); hash64k (hash
# with no 16M pages: qemu's cap-hpt-max-page-size=64K, vmemplan
# --hash-16m=no).
# pseries' device memory starts right above the boot RAM (2 GiB,
# 0x80000000); addr= places the NVDIMM in it.  PAPR NVDIMMs are
# multiples of 256 MiB.  "low" cases sit at 2 GiB: their first hash
# vmemmap block (16M of struct pages map 16 GiB) is the boot RAM's,
# already populated.
CASES="
radix-fsdax-dev        radix 16G 0x400000000 fsdax  dev -
radix-fsdax-mem        radix 16G 0x400000000 fsdax  mem -
radix-devdax-dev-2M    radix 16G 0x400000000 devdax dev 2M
radix-devdax-mem-2M    radix 16G 0x400000000 devdax mem 2M
radix-fsdax-dev-1G     radix 16G 0x400000000 fsdax  dev 1G
radix-devdax-mem-1G    radix 16G 0x400000000 devdax mem 1G
radix-odd-devdax-mem-1G radix 4G 0x410000000 devdax mem 1G
radix-small-256M-dev   radix 256M 0x400000000 fsdax dev -
radix-odd-fsdax-dev    radix 4352M 0x410000000 fsdax dev -
radix-low-fsdax-dev    radix 16G 0x80000000 fsdax  dev -
hash-fsdax-dev         hash  16G 0x400000000 fsdax  dev -
hash-fsdax-mem         hash  16G 0x400000000 fsdax  mem -
hash-devdax-dev-16M    hash  16G 0x400000000 devdax dev 16M
hash-devdax-mem-16M    hash  16G 0x400000000 devdax mem 16M
hash-small-256M-dev    hash  256M 0x400000000 fsdax dev -
hash-odd-fsdax-dev     hash  4352M 0x410000000 fsdax dev -
hash-low-fsdax-dev     hash  16G 0x80000000 fsdax  dev -
hash-low-fsdax-mem     hash  16G 0x80000000 fsdax  mem -
hash-64G-fsdax-dev     hash  64G 0x400000000 fsdax  dev -
hash-mid-fsdax-dev     hash  32G 0x410000000 fsdax  dev -
hash64k-fsdax-dev      hash64k 16G 0x400000000 fsdax dev -
hash64k-fsdax-mem      hash64k 16G 0x400000000 fsdax mem -
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
	# (a list that fails, e.g. a mirror mid-sync, is left out: the
	# downloads below say whether what is there suffices)
	aptp update -qq >/dev/null 2>&1 ||
		log "apt-get update (ppc64el) reported errors; trying the downloads"
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
	cur=$todo
	todo=
	for l in $cur; do
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
printf '%s\n' '#!/bin/busybox sh' '/bin/busybox mount -t proc proc /proc' \
	'/bin/busybox --install -s /bin' '/bin/busybox umount /proc' \
	'exec /bin/sh /guest-init.sh' >"$IRD/init"
chmod 755 "$IRD/init" "$IRD/guest-init.sh"
(cd "$IRD" && find . | cpio -o -H newc --quiet | gzip -1) >"$WORK/initrd.gz"
if [ -n "$build_only" ]; then
	log "built: $VMLINUX, initramfs $(stat -c %s "$WORK/initrd.gz") bytes"
	exit 0
fi

# --- one boot per case ------------------------------------------------
. "$HERE/lib.sh"

PAGE=65536
only=" $* "
echo "kernel: $SRCPKG ($KVER, pseries_le_defconfig + NVDIMM, 64K pages), qemu $(
	qemu-system-ppc64 --version | head -n 1 | awk '{ print $4 }'), TCG POWER9"
while read -r name mmu size start mode map align; do
	[ -n "$name" ] || continue
	[ $# -eq 0 ] || [[ $only == *" $name "* ]] || continue
	out=$WORK/$name.log
	img=$WORK/nvdimm.img
	# the backing file holds the label area after the pmem: the NVDIMM
	# is then exactly SIZE
	rm -f "$img"
	truncate -s $(($(bytes "$size") + $(bytes $LABEL))) "$img"
	# oops=panic: after an oops the console stalls; panic and reboot
	# (-no-reboot: qemu exits) with the oops on the console instead
	cmdline="console=hvc0 panic=-1 oops=panic quiet loglevel=4 log_buf_len=8M"
	cmdline="$cmdline dyndbg=\"file mm/sparse-vmemmap.c +p\""
	vmmu=$mmu
	vargs=()
	hpt=16M
	case $mmu in
	hash) cmdline="$cmdline disable_radix" ;;
	hash64k)
		cmdline="$cmdline disable_radix"
		vmmu=hash vargs=(--hash-16m no) hpt=64K
		;;
	esac
	cmdline="$cmdline vp.init_labels=1 vp.mode=$mode vp.map=$map"
	[ "$align" = - ] || cmdline="$cmdline vp.align=$align"
	t0=$(date +%s)
	# cap-hpt-max-page-size=16M: otherwise a hash guest gets no 16M pages
	# (and the hash vmemmap and linear map use 64K ones: hash64k)
	timeout 600 qemu-system-ppc64 \
		-machine "pseries,nvdimm=on,cap-hpt-max-page-size=$hpt,accel=tcg" \
		-cpu POWER9 -m "$GUEST_RAM,slots=2,maxmem=128G" -smp 1 \
		-nographic -vga none -no-reboot -net none \
		-kernel "$VMLINUX" -initrd "$WORK/initrd.gz" -append "$cmdline" \
		-object "memory-backend-file,id=mem1,share=on,mem-path=$img,size=$(stat -c %s "$img")" \
		-device "nvdimm,id=nv1,memdev=mem1,label-size=$LABEL,addr=$start,uuid=9f3a3b6c-52b1-4a4e-8d5e-6f0c2a7e1d01" \
		</dev/null 2>&1 | tr -d '\r' >"$out" || true
	t1=$(date +%s)
	rm -f "$img"
	echo "-- $name: $mmu $size@$start $mode map=$map align=$align ($((t1 - t0)) s)"
	oopsed=
	if ! grep -q '^VP done=1' "$out" && grep -q 'Oops:' "$out"; then
		oopsed=1
	elif ! grep -q '^VP done=1' "$out"; then
		fail=$((fail + 1))
		echo "FAIL $name: the guest did not finish; its console:"
		tail -n 30 "$out" | sed 's/^/     /'
		continue
	fi
	vp() { awk -v k="$1" 'index($0, "VP " k "=") == 1 { print substr($0, length(k) + 5); exit }' "$out"; }
	raw_start=$(vp raw_start)
	raw_size=$(vp raw_size)
	create_rc=$(vp create_rc)
	[ -z "$oopsed" ] || create_rc=oops
	check "$name" "namespace start" "$((raw_start))" "$((start))"
	check "$name" "namespace size" "$raw_size" "$(bytes "$size")"
	# the MMU the guest really ran
	check "$name" "guest MMU" "$(vp mmu)" "$vmmu"

	args=(--arch ppc64 --page-size 64K --mmu "$vmmu" "${vargs[@]}" --kernel "$KVER"
		--boot-ram "$GUEST_RAM" --device "$raw_size@$raw_start"
		--mode "$mode" --map "$map" --json)
	[ "$align" = - ] || args+=(--align "$align")
	vrc=0
	"$VMEMPLAN" "${args[@]}" >"$WORK/$name.json" 2>"$WORK/$name.err" || vrc=$?
	echo "     vmemplan ${args[*]}"

	if [ "$vrc" = 64 ] && ! grep -q 'is not supported' "$WORK/$name.err"; then
		# vmemplan does not model this layout ("to be modelled", "is
		# modelled on x86_64 only"): show what the kernel did
		skip=$((skip + 1))
		echo "skip $name: $(head -n 1 "$WORK/$name.err")"
		echo "     kernel: create rc $create_rc, data at $(vp nd_resource), usable $(vp nd_size)"
		grep -E '^VP (dram|altmap_nr)' "$out" | sed 's/^VP /     kernel: /'
		continue
	fi
	if [ "$vrc" = 64 ] && grep -q 'is not supported' "$WORK/$name.err"; then
		# an alignment the kernel does not offer (supported_alignments):
		# ndctl refuses it before the kernel sees it
		check "$name" "align refused (ndctl rc, vmemplan)" \
			"$([ "$create_rc" != 0 ] && echo yes || echo no)" yes
		sed 's/^/     vmemplan: /' "$WORK/$name.err" | head -n 1
		sed -n '/^VP-BEGIN create$/,/^VP-END create$/p' "$out" |
			grep -v '^VP-' | sed 's/^/     ndctl: /' | head -n 5
		echo "     kernel supported_alignments: $(vp supported_alignments)"
		continue
	fi
	if [ "$create_rc" != 0 ] || [ "$vrc" != 0 ]; then
		kerr=$(sed -n 's/.*probe of .* failed with error -\([0-9]*\).*/\1/p' "$out")
		kerr=${kerr%%$'\n'*}
		verr=$(sed -n 's/.* returns -\([A-Z]*\).*/\1/p' "$WORK/$name.err")
		verr=${verr%%$'\n'*}
		verr=$(errno_of "${verr:-none}")
		# the probe oopsed (oops=panic ended the boot); vmemplan says
		# the kernel oopsed
		[ -z "$oopsed" ] || kerr=oops
		grep -q 'oops' "$WORK/$name.err" && verr=oops
		check "$name" "refused (ndctl rc, vmemplan rc)" \
			"$([ "$create_rc" != 0 ] && echo yes || echo no)" \
			"$([ "$vrc" = 1 ] && echo yes || echo no)"
		check "$name" "errno" "${kerr:-none}" "$verr"
		sed 's/^/     vmemplan: /' "$WORK/$name.err"
		grep -e 'misaligned' -e 'failed with error' "$out" | sed 's/^/     kernel: /' || true
		[ -z "$oopsed" ] || grep -e 'BUG:' -e 'Oops:' -e 'NIP \[' -e 'LR \[' "$out" |
			sed 's/^/     kernel: /'
		continue
	fi
	j() { jq -r "$1" "$WORK/$name.json"; }
	nd_resource=$(vp nd_resource)
	check "$name" "usable bytes (ndctl size)" "$(vp nd_size)" "$(j .totals.usable_bytes)"
	check "$name" "data start - namespace start" "$((nd_resource - raw_start))" \
		"$(j '.devices[0].layout.dataoff + .devices[0].layout.start_pad')"

	# the vmemmap block: radix 2M (PMD), hash 16M or, without 16M
	# pages, 64K; whole blocks only up to 6.1 (radix takes 64K base pages
	# for partial blocks from 6.6: vmemplan's block size is then null)
	case $mmu in
	radix) bsz=2097152 ;; hash) bsz=16777216 ;; *) bsz=$PAGE ;;
	esac
	jbsz=$(j .config.vmemmap_block_size)
	[ "$jbsz" = null ] || check "$name" "vmemmap block size" "$bsz" "$jbsz"
	bnr=$((bsz / PAGE))
	# hash prints its vmemmap page order at boot
	vo=$(sed -n 's/.*Page orders: .*vmemmap = \([0-9]*\).*/\1/p' "$out" | head -n 1)
	[ -z "$vo" ] || check "$name" "hash vmemmap page size (boot log)" "$((1 << vo))" "$bsz"
	bord=0
	while [ $((1 << bord)) -lt "$bnr" ]; do bord=$((bord + 1)); done
	altb=$(awk -v n="$(printf '%#x' "$bnr")" '$2 == "altmap_nr" && $3 == n { print $4 }' "$out")
	alto=$(awk -v n="$(printf '%#x' "$bnr")" '$2 == "altmap_nr" && $3 != n { s += $4 } END { print s + 0 }' "$out")
	check "$name" "altmap $((bsz >> 20))M blocks" "${altb:-0}" "$(j '.devices[0].vmemmap.altmap_blocks')"
	check "$name" "altmap other-size allocations" "$alto" "$(j '.devices[0].vmemmap.altmap_pages')"
	first=$(awk '$2 == "altmap_first" { print $4 }' "$out")
	check "$name" "first altmap pfn" "$([ -n "$first" ] && echo $((first)) || echo null)" \
		"$(j '.devices[0].vmemmap.first_altmap_pfn')"
	last=$(awk '$2 == "altmap_last" { print $6, $8 }' "$out")
	if [ -n "$last" ]; then
		read -r a_alloc a_align <<<"$last"
		check "$name" "altmap alloc" "$a_alloc" "$(j '.devices[0].altmap.alloc')"
		check "$name" "altmap align" "$a_align" "$(j '.devices[0].altmap.align')"
	fi

	# DRAM: "VP dram FRAME ORDER COUNT"; the memmap blocks come from
	# vmemmap_populate (6.1; radix__vmemmap_populate from 6.6) at the
	# block's order, base pages (radix from 6.6: partial blocks and
	# compound pages) at order 0 from radix__vmemmap_pte_populate or,
	# inlined, its callers; single
	# pages from vmemmap_list_alloc are the vmemmap_backing list
	# (bookkeeping, not memmap), page tables are not traced at all
	read -r dblk dpage dother <<<"$(awk -v o="$bord" '$1 == "VP" && $2 == "dram" {
		if ($3 ~ /vmemmap_populate$/ && $4 == o) b += $5
		else if ($3 ~ /vmemmap_(pte_populate|populate_address|populate_compound_pages)$/ && $4 == 0) p += $5
		else t += $5 * 2^$4 }
		END { printf "%d %d %d\n", b, p, t }' "$out")"
	check "$name" "DRAM $((bsz >> 20))M blocks" "$dblk" "$(j '.devices[0].vmemmap.dram_blocks')"
	check "$name" "DRAM memmap bytes" "$((dblk * bsz + dpage * PAGE))" \
		"$(j '.devices[0].vmemmap.dram_bytes')"
	grep -E '^VP dram' "$out" | sed 's/^VP /     kernel: /' || true
	echo "     DRAM 64K memmap pages $dpage (vmemmap.dram_pages $(j '.devices[0].vmemmap.dram_pages'), compound_pages $(j '.devices[0].vmemmap.compound_pages'))"
	echo "     skipped (already populated) blocks: vmemplan $(j '.devices[0].vmemmap.skipped_blocks')"
	# an independent, coarser look: the free pages lost while ndctl ran.
	# A vmemmap block is a pageblock-order page (radix 2M: order 5, hash
	# 16M: order 8, with THP) and such orders go through the per-cpu
	# lists, which the allocator refills two at a time: after an odd
	# number of them one more block sits in the per-cpu list, not free
	# and not traced.  So: within 64 pages (4 MiB) of the trace, or of
	# the trace plus one block.
	lost=$(($(vp nr_free_pages_raw) - $(vp nr_free_pages_after)))
	want=$((dblk * bnr + dpage + dother))
	extra=$((lost - want))
	echo "     free 64K pages lost $lost, memmap + other traced $want"
	ok=no
	if [ $extra -gt -64 ] && [ $extra -lt 64 ]; then
		ok=yes
	elif [ $((extra - bnr)) -gt -64 ] && [ $((extra - bnr)) -lt 64 ]; then
		ok=yes
		echo "     (one more $((bsz >> 20))M block held by the per-cpu list)"
	fi
	check "$name" "free-page delta within 64 pages of the trace (+ 1 per-cpu block)" \
		"$([ $ok = yes ] && echo yes || echo "no ($extra)")" yes
done <<<"$CASES"

echo "$pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ]
