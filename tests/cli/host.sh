#!/usr/bin/env bash
# --host: defaults from the running system, each with its source; with
# --sysroot, from a captured system (tests/fixtures/sysroot-ppc64le: a
# POWER10 hash LPAR, 64K pages, 6.12.117-1-powerpc64le, 256 MiB of RAM).
set -u
cd "$(dirname "$0")/../.."
bin=${VMEMPLAN:-src/vmemplan}
wrap=${VMEMPLAN_WRAP:-}
fx=tests/fixtures/sysroot-ppc64le
status=0
check() { if [ "$2" -eq 0 ]; then echo "ok   $1"; else echo "FAIL $1"; status=1; fi; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

$wrap "$bin" --device 1T --host --sysroot $fx --json 2>"$tmp/err" >"$tmp/out"
jq -e '.host == {
	"arch": {"value": "ppc64le", "from": "proc/sys/kernel/arch"},
	"page_size": {"value": "64K", "from": "proc/self/smaps"},
	"mmu": {"value": "hash", "from": "proc/cpuinfo"},
	"kernel": {"value": "6.12.117-1-powerpc64le", "from": "proc/sys/kernel/osrelease"},
	"boot_ram": {"value": "256 MiB", "from": "proc/iomem"}}' "$tmp/out" >/dev/null
check "captured ppc64le system: every value and its source" $?
# Boot RAM 256 MiB < 1 GiB: hash maps the vmemmap with 64K blocks
# (htab_init_page_sizes); the default start stays 16 GiB; the distro
# suffix warns.
jq -e '.config.mmu == "hash" and .config.page_size == 65536 and
	.config.vmemmap_block_size == 65536 and .devices[0].start == 17179869184 and
	.config.assumptions.boot_ram_bytes == 268435456 and
	([.warnings[].code] | index("distro_kernel") != null)' "$tmp/out" >/dev/null
check "the plan uses them: hash, 64K, 64K vmemmap blocks, distro warning" $?

# What the command line gives wins, and is not reported as the host's.
$wrap "$bin" --device 1T --host --mmu radix --kernel 6.17 --sysroot $fx --json 2>/dev/null >"$tmp/out"
jq -e '.host.mmu == null and .host.kernel == null and .config.mmu == "radix" and
	.config.kernel == "6.17.0" and .host.arch.value == "ppc64le"' "$tmp/out" >/dev/null
check "explicit --mmu and --kernel win over the host" $?

$wrap "$bin" --device 1T --host --sysroot $fx 2>/dev/null >"$tmp/out"
grep -q "^Host: MMU        hash (proc/cpuinfo)$" "$tmp/out"
check "text report names each host value's source" $?

# This machine, live: a sensible answer either way.
err=$($wrap "$bin" --device 1T --host 2>&1 >"$tmp/out")
rc=$?
case $(uname -m) in
ppc64*) [ $rc -eq 0 ] && grep -q "^Host: arch" "$tmp/out" ;;
*) [ $rc -eq 64 ] && [[ $err == *"$(uname -m)"*"not modelled"* ]] ;;
esac
check "--host on this $(uname -m) machine (exit $rc)" $?
$wrap "$bin" --device 1T --json | jq -e '.host == null' >/dev/null
check "without --host nothing is read: host is null" $?
exit $status
