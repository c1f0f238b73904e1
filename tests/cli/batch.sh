#!/usr/bin/env bash
# --batch: one JSON plan per line in, one JSON result per line out.
set -u
cd "$(dirname "$0")/../.."
bin=${VMEMPLAN:-src/vmemplan}
wrap=${VMEMPLAN_WRAP:-}
status=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
check() { if [ "$2" -eq 0 ]; then echo "ok   $1"; else echo "FAIL $1"; status=1; fi; }

# Every line answered, in order, numbered; errors do not stop the batch.
cat >"$tmp/in" <<'IN'
{"device": "1T@2T", "mmu": "hash", "page_size": 65536}

{"device": "64G@0x100200000", "mmu": "hash"}
{"device": 1099511627776, "align": "3M"}
not json
{"device": "1T", "colour": "blue"}
{"device": "1T", "mmu": ["hash"]}
{"device": -1}
{"mmu": "hash"}
{"device": "1T"} {}
IN
$wrap "$bin" --batch <"$tmp/in" >"$tmp/out" 2>"$tmp/err"
rc=$?
check "mixed batch exits 1 (some lines failed)" $([ $rc -eq 1 ]; echo $?)
check "nothing on stderr" $([ ! -s "$tmp/err" ]; echo $?)
check "one output line per non-blank input line" $([ "$(wc -l <"$tmp/out")" -eq 9 ]; echo $?)
# E2 (tests/unit/test_plan.c): usable 1098421108736, alloc 16384, align 255.
jq -e -s '.[0] | .line == 1 and .totals.usable_bytes == 1098421108736 and
	.devices[0].altmap.alloc == 16384 and .devices[0].altmap.align == 255' "$tmp/out" >/dev/null
check "line 1: E2's numbers" $?
jq -e -s '.[1] | .line == 3 and .error.errno == "EINVAL" and
	.error.where == "drivers/nvdimm/pfn_devs.c:nd_pfn_init" and .config.mmu == "hash"' "$tmp/out" >/dev/null
check "line 3: the kernel's refusal, with its config" $?
jq -e -s '[.[2:][] | .line] == [4,5,6,7,8,9,10] and
	([.[2:][] | select(.error.message and .config == null and
			   .error.kind == "usage")] | length) == 7' "$tmp/out" >/dev/null
check "lines 4-10: usage errors with line numbers and null config" $?
jq -r -s '.[2:][] | .error.message' "$tmp/out" >"$tmp/msgs"
for m in "--align: '3M': not a power of two" "not one JSON object" "unknown key 'colour'" \
	 "mmu must be a string or a non-negative integer, not array" \
	 "device must not be negative" "the plan names no device" "unexpected character"; do
	grep -qF -- "$m" "$tmp/msgs"
	check "error message: $m" $?
done

# Options are the defaults for every line; results equal --json's.
printf '%s\n' '{"device":"1T"}' '{"device":"16G@64G","page_size":"4K"}' |
	$wrap "$bin" --batch --mmu hash >"$tmp/out"
check "all-good batch exits 0" $?
$wrap "$bin" --device 16G@64G --page-size 4K --mmu hash --json >"$tmp/one"
diff <(jq -s -S '.[1] | del(.line)' "$tmp/out") <(jq -S . "$tmp/one") >/dev/null
check "a batch line equals the --json document of the same plan" $?

# The inverse question in a batch line (tests/unit/test_inverse.c: hash 64K).
echo '{"usable": "1T", "mmu": "hash"}' | $wrap "$bin" --batch >"$tmp/out"
jq -e '.inverse.size == 1100602146816 and .inverse.usable == 1099511627776' "$tmp/out" >/dev/null
check "a usable line answers the inverse question" $?
echo '{"usable": "1T", "device": "1T"}' | $wrap "$bin" --batch >"$tmp/out"
jq -e '.error.message == "give one of device and usable, once"' "$tmp/out" >/dev/null
check "device and usable together are refused" $?

# x86-64 lines (tests/unit/test_x86.c: 16 GiB fsdax gives 16909336576, as
# `ndctl list` printed it), and a powerpc key on an x86 line.
printf '%s\n' '{"device":"16G","arch":"x86_64","la57":"yes"}' \
	'{"device":"16G","arch":"x86_64","mmu":"hash"}' | $wrap "$bin" --batch >"$tmp/out"
jq -s -e '.[0].totals.usable_bytes == 16909336576 and .[0].config.max_physmem_bits == 52
	and .[1].error.message == "mmu applies to powerpc (arch ppc64) only; x86_64 has one MMU mode and no hash page table"' \
	"$tmp/out" >/dev/null
check "x86_64 lines, and mmu refused on one" $?

# A line's ram replaces the command line's ranges (not adds to them).
echo '{"device":"16G","ram":["2G@0"]}' | $wrap "$bin" --batch --ram 8G@0 >"$tmp/out"
jq -e '.config.assumptions.boot_ram_bytes == 2147483648 and (.config.assumptions.ram | length) == 1' "$tmp/out" >/dev/null
check "a line's ram replaces the command line's" $?

# A 100 MB line: refused after 1 MiB with an error line, and the next
# line is still planned.
{ printf '{"device":"'; head -c 100000000 /dev/zero | tr '\0' '1'; printf '"}\n'
  echo '{"device":"1T"}'; } | $wrap "$bin" --batch >"$tmp/out"
rc=$?
jq -e -s 'length == 2 and (.[0].error.message | test("longer than 1048576")) and
	.[1].line == 2 and .[1].totals.usable_bytes > 0' "$tmp/out" >/dev/null
check "a 100 MB line is an error line and the batch goes on" $([ $? -eq 0 ] && [ $rc -eq 1 ]; echo $?)

err=$($wrap "$bin" --batch --device 1T </dev/null 2>&1 >/dev/null)
check "--batch with --device is a usage error" $([ $? -eq 64 ] && [[ $err == *"exclude each other"* ]]; echo $?)
: | $wrap "$bin" --batch >"$tmp/out"
check "empty input: no output, exit 0" $([ $? -eq 0 ] && [ ! -s "$tmp/out" ]; echo $?)
exit $status
