#!/usr/bin/env bash
# NUMA: the DRAM part of the memmap against a node's memory, from a
# topology file, a captured sysroot, or libnuma (the probe layer).
# Fixtures: tests/fixtures/.
set -u
cd "$(dirname "$0")/../.."
bin=${VMEMPLAN:-src/vmemplan}
wrap=${VMEMPLAN_WRAP:-}
fx=tests/fixtures
status=0
check() { if [ "$2" -eq 0 ]; then echo "ok   $1"; else echo "FAIL $1"; status=1; fi; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# map=mem, 1 TiB, radix 64K: 1 GiB of struct pages in DRAM (E11).
# Node 1 of the topology: 128 GiB -> 1/128; MemTotal 256 GiB -> 1/256.
$wrap "$bin" --device 1T --map mem --topology $fx/topology-2node.txt --node 1 --json >"$tmp/out"
jq -e '.numa == {"node": 1, "node_bytes": 137438953472, "memtotal_bytes": 274877906944,
	"dram_share_of_node": 0.0078125, "dram_share_of_total": 0.00390625,
	"source": "topology tests/fixtures/topology-2node.txt"}
	and ([.warnings[].code] | index("numa_share") == null)' "$tmp/out" >/dev/null
check "topology, node 1: shares 1/128 and 1/256, no warning" $?

# 4 TiB at 4K pages, map=mem: 64 GiB of struct pages, half of node 0.
$wrap "$bin" --device 4T --page-size 4K --map mem --topology $fx/topology-2node.txt >"$tmp/out"
grep -q "in DRAM                  64 GiB           50.0% of node 0 (128 GiB), 25.0% of MemTotal" "$tmp/out" &&
	grep -q "warning: the memmap takes 64 GiB of node 0's 128 GiB of DRAM, more than 5.0%" "$tmp/out"
check "topology, text: 50.0% of node 0, 25.0% of MemTotal, and the warning" $?

# map=dev: nothing in DRAM, 0% (1 TiB radix 64K, E1).
$wrap "$bin" --device 1T --topology $fx/topology-2node.txt --json >"$tmp/out"
jq -e '.numa.dram_share_of_node == 0 and .numa.node == 0' "$tmp/out" >/dev/null
check "map=dev: no DRAM, share 0" $?

# A captured sysroot: node 1 has 60 GiB, MemTotal 120 GiB.
$wrap "$bin" --device 1T --map mem --sysroot $fx/sysroot-2node --node 1 --json >"$tmp/out"
jq -e '.numa.node_bytes == 64424509440 and .numa.memtotal_bytes == 128849018880 and
	.numa.dram_share_of_node == (1073741824 / 64424509440)' "$tmp/out" >/dev/null
check "sysroot, node 1: 60 GiB of 120 GiB" $?

# No NUMA in the sysroot: one node, MemTotal 32 GiB, said in one line.
err=$($wrap "$bin" --device 1T --map mem --sysroot $fx/sysroot-nonuma --json 2>&1 >"$tmp/out")
jq -e '.numa.node_bytes == 34359738368 and .numa.memtotal_bytes == 34359738368' "$tmp/out" >/dev/null &&
	[[ $err == *"treating the machine as one node"* ]]
check "sysroot without NUMA: one node, and a note on stderr" $?

# Errors name the file and the problem (usage errors, exit 64).
row() { # WANT FRAGMENT ARGS...
	local want=$1 frag=$2
	shift 2
	err=$($wrap "$bin" "$@" 2>&1 >/dev/null)
	rc=$?
	[ $rc -eq "$want" ] && [[ $err == *"$frag"* ]]
	check "exit $want, '$frag': $*" $?
}
row 64 "topology-2node.txt: no line for node 2" --device 1T --topology $fx/topology-2node.txt --node 2
row 64 "topology-bad.txt:3: expected 'node N SIZE' or 'memtotal SIZE'" --device 1T --topology $fx/topology-bad.txt
row 64 "nonexistent.txt: No such file or directory" --device 1T --topology $fx/nonexistent.txt
row 64 "without NUMA there is only node 0" --device 1T --sysroot $fx/sysroot-nonuma --node 1
row 64 "--node: 'x': expected a node number" --device 1T --node x
row 64 "exclude each other" --device 1T --topology $fx/topology-2node.txt --sysroot $fx/sysroot-2node

# Without a NUMA option, nothing is read from the machine: numa is null.
$wrap "$bin" --device 1T --json | jq -e '.numa == null' >/dev/null
check "no NUMA option: numa is null" $?
# --node alone reads this machine through libnuma (or says there is none).
$wrap "$bin" --device 1T --map mem --node 0 --json 2>/dev/null >"$tmp/out"
jq -e '.numa.node == 0 and .numa.node_bytes > 0 and
	(.numa.source == "libnuma" or .numa.source == "/proc/meminfo (no NUMA)")' "$tmp/out" >/dev/null
check "--node 0 on this machine: libnuma" $?
# Batch lines take the NUMA defaults.
echo '{"device": "1T", "map": "mem"}' |
	$wrap "$bin" --batch --topology $fx/topology-2node.txt --node 1 >"$tmp/out"
jq -e '.numa.dram_share_of_node == 0.0078125' "$tmp/out" >/dev/null
check "batch lines carry the topology" $?
exit $status
