#!/usr/bin/env bash
# Boots Debian's own x86-64 kernel under qemu with an emulated NVDIMM,
# creates a namespace with ndctl for each case, records what the kernel did
# (layout, every vmemmap block on the altmap or in DRAM) and compares it
# with `vmemplan --arch x86_64 --json` for the same device.  Prints
# "ok"/"FAIL" per compared number, then "N passed, N failed"; exits 1 on
# any mismatch.  See tests/kernel/README.md.
#
#   tests/kernel/x86.sh [CASE...]      all cases, or only those named
#   tests/kernel/x86.sh --list         list the cases
#
# Environment:
#   VP_KERNEL_CACHE   downloaded .debs and unpacked trees
#                     (default /var/cache/vmemplan-kernel)
#   VP_KERNEL_IMAGE   the kernel package (default: what linux-image-amd64
#                     depends on, e.g. linux-image-6.1.0-56-amd64)
#   VP_KERNEL_ACCEL   qemu accelerator (default tcg; kvm if it works here)
#   VP_KERNEL_KEEP    keep the work directory (console logs) when set
#   VP_KERNEL_OFFLINE use only what the cache holds, never apt-get
#   VMEMPLAN          the binary under test (default src/vmemplan)
set -eu -o pipefail
cd "$(dirname "$0")/../.."
export LC_ALL=C

CACHE=${VP_KERNEL_CACHE:-/var/cache/vmemplan-kernel}
ACCEL=${VP_KERNEL_ACCEL:-tcg}
VMEMPLAN=${VMEMPLAN:-src/vmemplan}
GUEST_RAM=2G          # all of it below 4 GiB: boot RAM is [0, 2G)
LABEL=128K            # qemu keeps the label area at the end of the file
HERE=tests/kernel

# NAME SIZE START MODE MAP ALIGN(- = default)
# qemu's device memory starts at 4 GiB (0x100000000) for -m 2G.
CASES="
fsdax-dev          16G 0x100000000 fsdax  dev -
fsdax-mem          16G 0x100000000 fsdax  mem -
devdax-dev-2M      16G 0x100000000 devdax dev 2M
devdax-mem-2M      16G 0x100000000 devdax mem 2M
fsdax-dev-1G       16G 0x100000000 fsdax  dev 1G
devdax-mem-1G      16G 0x100000000 devdax mem 1G
fsdax-dev-off32M   16G 0x102000000 fsdax  dev -
fsdax-mem-off32M   16G 0x102000000 fsdax  mem -
fsdax-misaligned   16G 0x100100000 fsdax  dev -
small-144M-dev     144M 0x100000000 fsdax dev -
small-272M-dev     272M 0x101000000 fsdax dev -
small-48M-dev      48M 0x101000000 fsdax  dev -
odd-fsdax-dev      4112M 0x105000000 fsdax dev -
odd-devdax-dev-1G  4G 0x105000000 devdax dev 1G
odd-devdax-mem-2M  4112M 0x105000000 devdax mem 2M
odd-devdax-mem-1G  4G 0x105000000 devdax mem 1G
"

if [ "${1:-}" = --list ]; then
	echo "$CASES" | awk 'NF { print $1 }'
	exit 0
fi

log() { echo "== $*" >&2; }
die() { echo "x86.sh: $*" >&2; exit 2; }

# --- host tools -------------------------------------------------------
need=""
command -v qemu-system-x86_64 >/dev/null || need="$need qemu-system-x86"
command -v cpio >/dev/null || need="$need cpio"
command -v jq >/dev/null || need="$need jq"
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

# --- packages (cached) ------------------------------------------------
mkdir -p "$CACHE/debs"
if [ -z "${VP_KERNEL_IMAGE:-}" ]; then
	if [ -z "${VP_KERNEL_OFFLINE:-}" ]; then
		VP_KERNEL_IMAGE=$(apt-cache depends linux-image-amd64 2>/dev/null |
			awk '/Depends: linux-image-[0-9]/ { print $2; exit }')
		if [ -z "$VP_KERNEL_IMAGE" ]; then
			apt-get update -qq
			VP_KERNEL_IMAGE=$(apt-cache depends linux-image-amd64 |
				awk '/Depends: linux-image-[0-9]/ { print $2; exit }')
		fi
	else
		VP_KERNEL_IMAGE=$(find "$CACHE/debs" -name 'linux-image-*.deb' |
			sed 's|.*/||; s|_.*||' | sort | tail -n 1)
	fi
fi
[ -n "$VP_KERNEL_IMAGE" ] || die "no kernel image package found"
# ndctl and every library it loads (Debian 12 names), busybox for the rest
PKGS="$VP_KERNEL_IMAGE busybox-static ndctl libndctl6 libdaxctl1 libuuid1
      libjson-c5 libkeyutils1 libiniparser1 libc6 libudev1 libkmod2 libzstd1
      liblzma5 libssl3"
for p in $PKGS; do
	if ! compgen -G "$CACHE/debs/${p}_*.deb" >/dev/null; then
		[ -z "${VP_KERNEL_OFFLINE:-}" ] || die "$p is not in $CACHE (offline)"
		log "downloading $p"
		(cd "$CACHE/debs" && apt-get download -q "$p" 2>&1 |
			grep -v -e '^W: Download is performed unsandboxed' -e '^Get:' >&2) ||
			true
		compgen -G "$CACHE/debs/${p}_*.deb" >/dev/null ||
			die "apt-get download $p failed"
	fi
done
deb() { find "$CACHE/debs" -name "${1}_*.deb" | sort | tail -n 1; }
kdeb=$(deb "$VP_KERNEL_IMAGE")
# the upstream version vmemplan models: Debian's 6.1.192-2 is 6.1.192
KVER=$(dpkg-deb -f "$kdeb" Version | sed 's/-.*//')
KREL=${VP_KERNEL_IMAGE#linux-image-}
ROOT=$CACHE/root-$KREL
if [ ! -e "$ROOT/.done" ]; then
	log "unpacking $kdeb"
	rm -rf "$ROOT"
	mkdir -p "$ROOT"
	# of the kernel only the image and the six modules (the rest is 400 MB;
	# kernels before 5.14 also split dax_pmem_core out of dax_pmem)
	dpkg-deb --fsys-tarfile "$kdeb" | tar -x -C "$ROOT" --wildcards \
		'./boot/vmlinuz-*' '*/libnvdimm.ko*' '*/nd_btt.ko*' \
		'*/nd_pmem.ko*' '*/nfit.ko*' '*/device_dax.ko*' '*/dax_pmem.ko*' \
		'*/dax_pmem_core.ko*'
	for p in $PKGS; do
		[ "$p" = "$VP_KERNEL_IMAGE" ] || dpkg-deb -x "$(deb "$p")" "$ROOT"
	done
	touch "$ROOT/.done"
fi
VMLINUZ=$ROOT/boot/vmlinuz-$KREL
[ -r "$VMLINUZ" ] || die "no $VMLINUZ"

# --- initramfs --------------------------------------------------------
WORK=$(mktemp -d "${TMPDIR:-/tmp}/vp-kernel.XXXXXX")
if [ -z "${VP_KERNEL_KEEP:-}" ]; then
	trap 'rm -rf "$WORK"' EXIT
else
	log "work directory $WORK"
fi
IRD=$WORK/initramfs
mkdir -p "$IRD"/{bin,sbin,usr/bin,lib64,lib/x86_64-linux-gnu,modules,proc,sys,dev,tmp,run}
cp "$ROOT/bin/busybox" "$IRD/bin/busybox"
for a in $("$IRD/bin/busybox" --list); do
	[ -e "$IRD/bin/$a" ] || ln -s busybox "$IRD/bin/$a"
done
cp "$ROOT/usr/bin/ndctl" "$IRD/usr/bin/"
cp -L "$ROOT/lib64/ld-linux-x86-64.so.2" "$IRD/lib64/"
libpath=$ROOT/lib/x86_64-linux-gnu:$ROOT/usr/lib/x86_64-linux-gnu
libs=$(LD_LIBRARY_PATH=$libpath "$ROOT/lib64/ld-linux-x86-64.so.2" --list \
	"$ROOT/usr/bin/ndctl")
if grep -q 'not found' <<<"$libs"; then
	die "ndctl needs a library not in PKGS: $libs"
fi
awk '$2 == "=>" && $3 ~ /^\// { print $3 }' <<<"$libs" | while read -r l; do
	cp -L "$l" "$IRD/lib/x86_64-linux-gnu/"
done
for m in libnvdimm nd_btt nd_pmem nfit device_dax dax_pmem_core dax_pmem; do
	f=$(find "$ROOT/lib/modules/$KREL" -name "$m.ko*" | head -n 1)
	[ -n "$f" ] || [ "$m" != dax_pmem_core ] || continue
	[ -n "$f" ] || die "module $m not in $VP_KERNEL_IMAGE"
	case $f in
	*.xz) xz -dc "$f" >"$IRD/modules/$m.ko" ;;
	*.zst) zstd -qdc "$f" >"$IRD/modules/$m.ko" ;;
	*) cp "$f" "$IRD/modules/$m.ko" ;;
	esac
done
cp "$HERE/guest-init.sh" "$IRD/init"
chmod 755 "$IRD/init"
(cd "$IRD" && find . | cpio -o -H newc --quiet | gzip -1) >"$WORK/initrd.gz"

# --- one boot per case ------------------------------------------------
. "$HERE/lib.sh"

only=" $* "
echo "kernel: $VP_KERNEL_IMAGE ($KVER), qemu $(qemu-system-x86_64 --version |
	head -n 1 | awk '{ print $4 }'), accel $ACCEL"
while read -r name size start mode map align; do
	[ -n "$name" ] || continue
	[ $# -eq 0 ] || [[ $only == *" $name "* ]] || continue
	out=$WORK/$name.log
	img=$WORK/nvdimm.img
	# the backing file holds the label area after the pmem: the NVDIMM
	# is then exactly SIZE
	rm -f "$img"
	truncate -s $(($(bytes "$size") + $(bytes $LABEL))) "$img"
	cmdline="console=ttyS0 panic=-1 nokaslr quiet loglevel=4 log_buf_len=8M"
	cmdline="$cmdline dyndbg=\"file mm/sparse-vmemmap.c +p\""
	cmdline="$cmdline vp.mode=$mode vp.map=$map"
	[ "$align" = - ] || cmdline="$cmdline vp.align=$align"
	t0=$(date +%s)
	timeout 300 qemu-system-x86_64 -machine "pc,nvdimm=on,accel=$ACCEL" \
		-m "$GUEST_RAM,slots=2,maxmem=64G" -smp 1 -nographic -no-reboot \
		-net none -kernel "$VMLINUZ" -initrd "$WORK/initrd.gz" \
		-append "$cmdline" \
		-object "memory-backend-file,id=mem1,share=on,mem-path=$img,size=$(stat -c %s "$img")" \
		-device "nvdimm,id=nv1,memdev=mem1,label-size=$LABEL,addr=$start" \
		</dev/null 2>&1 | tr -d '\r' >"$out" || true
	t1=$(date +%s)
	rm -f "$img"
	echo "-- $name: $size@$start $mode map=$map align=$align ($((t1 - t0)) s)"
	if ! grep -q '^VP done=1' "$out"; then
		fail=$((fail + 1))
		echo "FAIL $name: the guest did not finish; its console:"
		tail -n 30 "$out" | sed 's/^/     /'
		continue
	fi
	vp() { awk -v k="$1" 'index($0, "VP " k "=") == 1 { print substr($0, length(k) + 5); exit }' "$out"; }
	raw_start=$(vp raw_start)
	raw_size=$(vp raw_size)
	create_rc=$(vp create_rc)
	check "$name" "namespace start" "$((raw_start))" "$((start))"
	check "$name" "namespace size" "$raw_size" "$(bytes "$size")"

	args=(--arch x86_64 --kernel "$KVER" --boot-ram "$GUEST_RAM"
		--device "$raw_size@$raw_start" --mode "$mode" --map "$map" --json)
	[ "$align" = - ] || args+=(--align "$align")
	vrc=0
	"$VMEMPLAN" "${args[@]}" >"$WORK/$name.json" 2>"$WORK/$name.err" || vrc=$?
	echo "     vmemplan ${args[*]}"

	if [ "$vrc" = 64 ] && grep -q 'to be modelled' "$WORK/$name.err"; then
		# vmemplan says it does not model this layout: show what the
		# kernel did, for whoever models it next
		skip=$((skip + 1))
		echo "skip $name: $(head -n 1 "$WORK/$name.err")"
		echo "     kernel: create rc $create_rc, data at $(vp nd_resource), usable $(vp nd_size)"
		grep -E '^VP (dram|altmap_nr)' "$out" | sed 's/^VP /     kernel: /'
		continue
	fi
	if [ "$create_rc" != 0 ] || [ "$vrc" != 0 ]; then
		# a refusal: both must refuse, with the same errno
		kerr=$(sed -n 's/.*probe of .* failed with error -\([0-9]*\).*/\1/p' "$out")
		kerr=${kerr%%$'\n'*}
		verr=$(sed -n 's/.* returns -\([A-Z]*\).*/\1/p' "$WORK/$name.err")
		verr=${verr%%$'\n'*}
		check "$name" "refused (ndctl rc, vmemplan rc)" \
			"$([ "$create_rc" != 0 ] && echo yes || echo no)" \
			"$([ "$vrc" = 1 ] && echo yes || echo no)"
		check "$name" "errno" "${kerr:-none}" "$(errno_of "${verr:-none}")"
		sed 's/^/     vmemplan: /' "$WORK/$name.err"
		grep -e 'misaligned' -e 'failed with error' "$out" | sed 's/^/     kernel: /' || true
		continue
	fi
	j() { jq -r "$1" "$WORK/$name.json"; }
	nd_resource=$(vp nd_resource)
	check "$name" "usable bytes (ndctl size)" "$(vp nd_size)" "$(j .totals.usable_bytes)"
	check "$name" "data start - namespace start" "$((nd_resource - raw_start))" \
		"$(j '.devices[0].layout.dataoff + .devices[0].layout.start_pad')"

	# altmap: altmap_alloc_block_buf's pr_debug, one line per block,
	# counted by size in the guest ("VP altmap_nr 0x200 COUNT")
	alt2m=$(awk '$2 == "altmap_nr" && $3 == "0x200" { print $4 }' "$out")
	alt4k=$(awk '$2 == "altmap_nr" && $3 == "0x1" { print $4 }' "$out")
	check "$name" "altmap 2M blocks" "${alt2m:-0}" "$(j '.devices[0].vmemmap.altmap_blocks')"
	check "$name" "altmap 4K pages" "${alt4k:-0}" "$(j '.devices[0].vmemmap.altmap_pages')"
	# "VP altmap_first pfn: 0x100200 alloc: 512 align: 510 nr: 0x200"
	first=$(awk '$2 == "altmap_first" { print $4 }' "$out")
	check "$name" "first altmap pfn" "$([ -n "$first" ] && echo $((first)) || echo null)" \
		"$(j '.devices[0].vmemmap.first_altmap_pfn')"
	last=$(awk '$2 == "altmap_last" { print $6, $8 }' "$out")
	if [ -n "$last" ]; then
		read -r a_alloc a_align <<<"$last"
		check "$name" "altmap alloc" "$a_alloc" "$(j '.devices[0].altmap.alloc')"
		check "$name" "altmap align" "$a_align" "$(j '.devices[0].altmap.align')"
	fi

	# DRAM: "VP dram FRAME ORDER COUNT" from the page allocator's
	# tracepoint; page-table pages are not memmap and vmemplan leaves them out
	read -r dpmd dpage dpt <<<"$(awk '$1 == "VP" && $2 == "dram" {
		if ($3 ~ /^vmemmap_(pmd|pud|p4d|pgd)_populate$/) t += $5 * 2^$4
		else if ($4 == 9) p += $5
		else if ($4 == 0) q += $5
		else o += $5 }
		END { printf "%d %d %d\n", p, q, t + o * 1000000 }' "$out")"
	check "$name" "DRAM 2M blocks" "$dpmd" "$(j '.devices[0].vmemmap.dram_blocks')"
	check "$name" "DRAM memmap bytes" "$((dpmd * 2097152 + dpage * 4096))" \
		"$(j '.devices[0].vmemmap.dram_bytes')"
	echo "     DRAM 4K memmap pages $dpage (vmemmap.dram_pages $(j '.devices[0].vmemmap.dram_pages'), compound_pages $(j '.devices[0].vmemmap.compound_pages')), page-table pages $dpt"
	# an independent, coarser look: the free pages lost while ndctl ran
	# are the memmap and page tables seen above plus about 64 pages of the
	# namespace's own setup, give or take what the per-cpu page lists hold
	# (a few hundred pages): a 2 MiB class of allocations the trace missed
	# would show here
	lost=$(($(vp nr_free_pages_raw) - $(vp nr_free_pages_after)))
	want=$(((dpmd * 2097152 + dpage * 4096) / 4096 + dpt))
	extra=$((lost - want))
	echo "     free pages lost $lost, memmap + page tables $want"
	check "$name" "free-page delta within 1024 pages of the trace" \
		"$([ $extra -gt -1024 ] && [ $extra -lt 1024 ] && echo yes || echo "no ($extra)")" yes
done <<<"$CASES"

echo "$pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ]
