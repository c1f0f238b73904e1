#!/bin/sh
# /init of the test initramfs (busybox sh, run by the guest kernel).
# Reads the case from the kernel command line:
#   vp.mode=fsdax|devdax  vp.map=dev|mem  vp.align=SIZE (optional)
# loads the libnvdimm modules, records every vmemmap allocation (altmap
# blocks by dyndbg, DRAM pages by the page allocator's tracepoint) while
# `ndctl create-namespace` runs, and prints what the kernel
# did as "VP key=value" lines (and the ndctl JSON between VP-BEGIN/VP-END),
# then powers off.  tests/kernel/x86.sh parses the console log.
# shellcheck shell=sh
export PATH=/bin:/sbin:/usr/bin:/usr/sbin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev 2>/dev/null
mount -t debugfs debugfs /sys/kernel/debug
mount -t tracefs tracefs /sys/kernel/tracing 2>/dev/null
mkdir -p /run /tmp

say() { echo "VP $*"; }
out() { # NAME COMMAND...: the command's output between markers
	n=$1
	shift
	echo "VP-BEGIN $n"
	"$@" 2>&1
	r=$?
	echo "VP-END $n"
	return $r
}
finish() {
	say "done=$1"
	sync
	poweroff -f
	sleep 10
}

mode=fsdax map=dev align=
init_labels=''
read -r cmdline </proc/cmdline
for w in $cmdline; do
	case $w in
	vp.mode=*) mode=${w#vp.mode=} ;;
	vp.map=*) map=${w#vp.map=} ;;
	vp.align=*) align=${w#vp.align=} ;;
	vp.init_labels=1) init_labels=1 ;;
	esac
done
say "kernel=$(uname -r)"
say "case mode=$mode map=$map align=${align:-default}"

# modules where the kernel has them as modules (x86: Debian's kernel);
# built in where there are none (ppc64: the test's own build)
for m in libnvdimm nd_btt nd_pmem nfit device_dax dax_pmem_core dax_pmem; do
	[ -e "/modules/$m.ko" ] || continue
	insmod "/modules/$m.ko" || say "insmod-failed=$m"
done
# powerpc: the MMU the kernel runs (radix or hash) and its page sizes
mmu=$(awk -F': *' '$1 ~ /^MMU/ { print $2; exit }' /proc/cpuinfo)
if [ -n "$mmu" ]; then
	say "mmu=$(echo "$mmu" | tr '[:upper:]' '[:lower:]')"
	out boot-mmu sh -c 'dmesg | grep -i -e "page orders" -e "page size" -e radix -e "hash" -e "segment" | head -n 20'
fi
# let the region and namespace seed devices probe
i=0
while [ ! -e /sys/bus/nd/devices/region0 ] && [ $i -lt 50 ]; do
	sleep 0.2
	i=$((i + 1))
done
sleep 1

out iomem-before grep -i -e persistent -e namespace -e pmem /proc/iomem
out region ndctl list -R -v

# Every DRAM page the vmemmap takes: vmemmap_alloc_block() asks the page
# allocator with __GFP_RETRY_MAYFAIL (0x4000), which little else does; the
# stack of each such allocation tells a data block (from
# vmemmap_populate_hugepages: a 2 MiB PMD, from vmemmap_pte_populate: a 4K
# page) from a page-table page.  The vmemmap functions are __meminit, hence
# notrace: kprobes refuse them, the page allocator's tracepoint does not.
T=/sys/kernel/tracing
if [ -d $T/events/kmem/mm_page_alloc ]; then
	echo 65536 >$T/buffer_size_kb
	echo 'gfp_flags & 0x4000' >$T/events/kmem/mm_page_alloc/filter
	echo 1 >$T/options/stacktrace
	echo 1 >$T/events/kmem/mm_page_alloc/enable
	echo >$T/trace
	say "trace=1"
else
	say "trace=0"
fi
dmesg -c >/dev/null

# free pages, per-cpu vmstat deltas folded in first (the per-cpu page
# lists still hold a few hundred pages either way)
free_pages() {
	echo 1 >/proc/sys/vm/stat_refresh 2>/dev/null
	awk '$1 == "nr_free_pages" { print $2 }' /proc/vmstat
}
free_before=$(free_pages)
set -- -f -e namespace0.0 -m "$mode"
[ "$mode" = fsdax ] || [ "$mode" = devdax ] && set -- "$@" --map "$map"
[ -n "$align" ] && set -- "$@" -a "$align"
say "ndctl create-namespace $*"
# a DIMM that needs namespace labels (ppc64 papr_scm: vp.init_labels=1)
# gets an empty label index first; the seed namespace0.0 then takes a
# raw namespace of the whole region from `-r region0` (not from `-e`,
# which cannot size a label-backed seed)
if [ -n "$init_labels" ]; then
	out init-labels sh -c 'ndctl disable-region region0 &&
		ndctl init-labels -f nmem0 && ndctl enable-region region0'
	out create-raw ndctl create-namespace -r region0 -m raw
fi
# the seed namespace0.0 starts empty: create a raw namespace of the whole
# region first, then convert it in place (its size is kept)
[ "$(cat /sys/bus/nd/devices/namespace0.0/size)" = 0 ] &&
	out create-raw ndctl create-namespace -f -e namespace0.0 -m raw
out namespace-raw ndctl list -N -v
raw_size=$(cat /sys/bus/nd/devices/namespace0.0/size)
raw_start=$(cat /sys/bus/nd/devices/namespace0.0/resource)
[ -e /sys/bus/nd/devices/pfn0.0/supported_alignments ] &&
	say "supported_alignments=$(cat /sys/bus/nd/devices/pfn0.0/supported_alignments)"
say "raw_size=$raw_size"
say "raw_start=$raw_start"
free_raw=$(free_pages)
rc=0
out create ndctl create-namespace "$@" || rc=$?
sync
free_after=$(free_pages)
say "create_rc=$rc"
say "nr_free_pages_before=$free_before"
say "nr_free_pages_raw=$free_raw"
say "nr_free_pages_after=$free_after"
out namespace ndctl list -N -v
out iomem-after grep -i -e persistent -e namespace -e pmem -e dax /proc/iomem

for d in /sys/bus/nd/devices/pfn*.* /sys/bus/nd/devices/dax*.*; do
	[ -e "$d/namespace" ] || continue
	ns=$(cat "$d/namespace" 2>/dev/null)
	[ -n "$ns" ] || continue
	say "nd_dev=${d##*/}"
	for f in mode align resource size; do
		say "nd_$f=$(cat "$d/$f" 2>/dev/null)"
	done
done
for d in /sys/bus/dax/devices/dax*; do
	[ -e "$d" ] || continue
	say "dax_dev=${d##*/}"
	for f in size align resource; do
		say "dax_$f=$(cat "$d/$f" 2>/dev/null)"
	done
done

if [ -d $T/events/kmem/mm_page_alloc ]; then
	echo 0 >$T/events/kmem/mm_page_alloc/enable
	cat $T/trace >/tmp/trace
	# "VP dram KIND ORDER COUNT": KIND is the first vmemmap_* frame above
	# the allocator
	awk '
	function flush() { if (ev) n[(who == "" ? "other" : who) " " ord]++; ev = 0 }
	/mm_page_alloc:/ { flush(); ev = 1; who = ""; ord = "?"
		if ($0 !~ /__GFP_RETRY_MAYFAIL/) { ev = 0; next }
		for (i = 1; i <= NF; i++) if ($i ~ /^order=/) ord = substr($i, 7)
		next }
	/^ *=> / { f = $2; sub(/\+.*/, "", f)
		if (ev && who == "" && f ~ /^vmemmap_/ && f !~ /^vmemmap_alloc_block/) who = f
		next }
	END { flush(); for (x in n) print "VP dram " x " " n[x] }' /tmp/trace
	say "trace_lines=$(wc -l </tmp/trace)"
	say "trace_lost=$(grep -c LOST /tmp/trace)"
fi
# every altmap block: altmap_alloc_block_buf's pr_debug (dyndbg on the
# kernel command line)
dmesg >/tmp/dmesg
grep 'altmap_alloc_block_buf: pfn' /tmp/dmesg >/tmp/altmap
awk '{ n[$NF]++ } END { for (x in n) print "VP altmap_nr " x " " n[x] }' /tmp/altmap
head -n 1 /tmp/altmap | sed 's/^.*altmap_alloc_block_buf:/VP altmap_first/'
tail -n 1 /tmp/altmap | sed 's/^.*altmap_alloc_block_buf:/VP altmap_last/'
out dmesg sh -c 'grep -v altmap_alloc_block_buf /tmp/dmesg | tail -n 40'
finish 1
