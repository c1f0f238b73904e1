#!/usr/bin/env bash
# Bad input and refusals, as a user meets them: each row gives the arguments,
# the exit status, and a fragment the message on stderr must contain.  On
# every row stdout must be empty, except for refusals with --json, which
# must print one JSON object with an "error" member.
set -u
cd "$(dirname "$0")/../.."
bin=${VMEMPLAN:-src/vmemplan}
wrap=${VMEMPLAN_WRAP:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0

row() { # STATUS FRAGMENT ARGS...
	local want=$1 frag=$2 rc
	shift 2
	$wrap "$bin" "$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	local ok=1
	[ "$rc" = "$want" ] || ok=0
	grep -qF -- "$frag" "$tmp/err" || ok=0
	case " $* " in
	*" --json "*)
		if [ "$want" = 1 ]; then
			jq -e '.error.message and .schema_version == 1' "$tmp/out" >/dev/null 2>&1 || ok=0
		else
			[ -s "$tmp/out" ] && ok=0
		fi ;;
	*)	[ -s "$tmp/out" ] && ok=0 ;;
	esac
	if [ $ok = 1 ]; then
		echo "ok   exit $rc: vmemplan $*"
	else
		echo "FAIL vmemplan $*: exit $rc (expected $want), stderr must contain '$frag'"
		sed 's/^/     stderr: /' "$tmp/err"
		sed 's/^/     stdout: /' "$tmp/out" | head -5
		status=1
	fi
}

# Sizes: the grammar of the planner issue.
row 64 "--device: '': empty value" --device ''
row 64 "--device: '-1': not a whole decimal number" --device -1
row 64 "--device: '0': size 0" --device 0
row 64 "--device: '1.5T': not a whole decimal number" --device 1.5T
row 64 "--device: '1X': unknown unit suffix" --device 1X
row 64 "--device: '1TB': decimal unit" --device 1TB
row 64 "--device: '0x10G': not a whole decimal number" --device 0x10G
row 64 "--device: '010G': leading zero" --device 010G
row 64 "--device: '18446744073709551616': too large for 64 bits" --device 18446744073709551616
row 64 "--device: '16E': too large for 64 bits" --device 16E
row 64 "--device: ' 1T': not a whole decimal number" --device ' 1T'
row 64 "--device: '1T ': unknown unit suffix" --device '1T '
row 64 "--device: '1T@': empty value" --device 1T@
row 64 "--device: '1T@0x': not a whole decimal number" --device 1T@0x
row 64 "--device: '1T@0xfffffffffffffffff': too large for 64 bits" --device 1T@0xfffffffffffffffff
row 64 "start + size overflows 64 bits" --device 1T@0xffffff0000000000
row 64 "exceeds maximum addressable range" --device 1T@2P
row 64 "devices pmem0 and pmem1 overlap" --device 1T@16G --device 1T@512G
row 64 "--ram and --boot-ram exclude each other" --device 1T --ram 4G@0 --boot-ram 4G
row 64 "--ram: '4Q@0': unknown unit suffix" --device 1T --ram 4Q@0
row 64 "--ram: '4G@2G': overlaps another --ram range" --device 1T --ram 4G@0 --ram 4G@2G
row 64 "step 1 (add): name: expected a string" --plan tests/fixtures/plan-bad-name.json
row 64 "--compare varies one namespace's options: not with --plan or several --device" --device 1G --device 1G --compare map=dev,mem
row 64 "--explain plans nothing: not with --plan" --explain --plan tests/fixtures/plan-readd.json
row 1 "attempted on mixed region" --device 1T@16G --ram 1G@0 --ram 64G@8G
row 64 "--plan names its devices: not with --device" --device 1T --plan /dev/null
row 64 "--plan: cannot read '/nonexistent/plan.json'" --plan /nonexistent/plan.json
row 64 "step 2 (add vol1): map: --map: 'pmme': unknown map; expected dev or mem" --plan tests/fixtures/plan-bad-map.json
row 64 "step 3 (add vol0): vol0 is defined by its first add: a re-add takes only op and name" --plan tests/fixtures/plan-bad-readd.json
row 64 "--plan: 'tests/fixtures/topology-2node.txt' is not one JSON object" --plan tests/fixtures/topology-2node.txt
# Existing namespaces.
row 64 "namespace1.0: size \"15.75 GiB (16.91 GB)\" is rounded (ndctl list -u); run ndctl list without -u" --arch x86_64 --from-ndctl tests/fixtures/ndctl/x86-human-sizes.json
row 64 "--from-ndctl: 'tests/fixtures/topology-2node.txt' is not the JSON of ndctl list" --from-ndctl tests/fixtures/topology-2node.txt
row 64 "--from-ndctl: cannot read '/nonexistent.json'" --from-ndctl /nonexistent.json
row 64 "/nonexistent/sys/bus/nd/devices: No such file or directory (is libnvdimm loaded?)" --from-sysfs=/nonexistent
row 64 "--from-ndctl and --from-sysfs plan the namespaces they read" --device 1T --from-sysfs
row 64 "--from-ndctl and --from-sysfs print text or JSON" --from-sysfs --format csv
row 64 "--usable ('1T') answers for one device: not with --device" --device 1T --usable 1T
row 64 "--usable: '1.5T': not a whole decimal number" --usable 1.5T
row 64 "--ways: '0': out of range; expected a whole number from 1 to 256" --usable 1T --ways 0
row 64 "--ways: '2K': not a whole number" --usable 1T --ways 2K
row 64 "--region-align: '24M': not a power of two of at least 4K" --usable 1T --region-align 24M
row 64 "--region-align: '8E': larger than 1P" --usable 1T --region-align 8E --ways 6
row 64 "--kernel: '1.2.3-0123456789abcdefghijklmnopqrstuvwxyzABCDEF...': expected MAJOR.MINOR" --device 1T --kernel 1.2.3-0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVW
row 1 "no size reaches 2 PiB usable" --usable 2P
row 1 "returns -EINVAL: start 0x400200000 misaligned to 0x1000000" --usable 1T@0x400200000 --mmu hash
row 64 "--device SIZE[@START] (or --usable SIZE[@START]) is required"
# Closed value sets.
row 64 "--page-size: '8K': not a modelled base page size; expected 4K or 64K" --device 1T --page-size 8K
row 64 "--page-size: '16k3': unknown unit suffix" --device 1T --page-size 16k3
row 64 "--mmu: 'book3e': unknown MMU mode; expected radix or hash" --device 1T --mmu book3e
row 64 "--mode: 'sector': unknown mode; expected fsdax or devdax" --device 1T --mode sector
row 64 "--map: 'pmem': unknown map; expected dev or mem" --device 1T --map pmem
row 64 "--arch: 'arm64': unknown architecture" --device 1T --arch arm64
row 64 "page size 2^16 does not exist on x86_64, which has 4K base pages" --device 1T --arch x86_64 --page-size 64K
row 64 "--mmu applies to powerpc (arch ppc64) only" --device 1T --arch x86_64 --mmu radix
row 64 "--hash-16m applies to powerpc (arch ppc64) only" --device 1T --hash-16m no --arch x86_64
row 64 "--la57 applies to x86_64 only (5-level paging); give --arch x86_64" --device 1T --la57
row 64 "--engine: 'fast': unknown engine" --device 1T --engine fast
# Output formats, --compare and --sweep.
row 64 "--format: 'yaml': expected text, json, csv or svg" --device 1T --format yaml
row 64 "--json and --format, or two --format options, ask for different formats" --device 1T --json --format csv
row 64 "--compare: 'colour=red': expected KEY=V1,V2,... with KEY one of mmu" --device 1T --compare colour=red
row 64 "--compare mmu: --mmu: 'hsah': unknown MMU mode" --device 1T --compare mmu=radix,hsah
row 64 "--compare mmu: 'radix,,hash': expected a comma-separated list of values" --device 1T --compare mmu=radix,,hash
row 64 "--compare: 'mmu' is compared twice" --device 1T --compare mmu=radix --compare mmu=hash
row 64 "--compare mmu and the option it varies exclude each other" --device 1T --mmu hash --compare mmu=radix,hash
row 64 "--compare: 512 combinations; at most 256" --device 1T --compare kernel=5.7,5.10,5.14,5.15,6.0,6.1,6.2,6.4,6.5,6.6,6.8,6.10,6.12,6.14,6.15,6.17 --compare mode=fsdax,devdax --compare map=dev,mem --compare align=64K,2M,64K,2M,64K,2M,64K,2M
row 64 "--compare: at most 4 keys" --device 1T --compare mmu=radix --compare mode=fsdax --compare map=dev --compare align=2M --compare arch=ppc64
row 64 "--sweep: '1T..1G': FROM and TO must be sizes with 0 < FROM <= TO" --sweep 1T..1G
row 64 "--sweep: '1G..2G:x1': FACTOR must be a whole number from 2 to 1024" --sweep 1G..2G:x1
row 64 "--sweep: '1M..1T:1M': more than 4096 sizes" --sweep 1M..1T:1M
row 64 "--sweep: '1G-2G': expected FROM..TO" --sweep 1G-2G
row 64 "--sweep replaces --device and --usable" --sweep 1G..2G --device 1T
row 64 "--compare and --sweep plan from the command line" --batch --compare mmu=radix,hash
row 64 "--batch writes JSON lines: --format csv does not apply" --batch --format csv
row 64 "--bytes applies to the text report" --device 1T --format csv --bytes
row 64 "unexpected argument 'extra'" --device 1T extra
# Alignments: a power of two the kernel supports for this MMU/page size.
row 64 "--align: '3M': not a power of two" --device 1T --align 3M
row 64 "--align: '0': not a power of two" --device 1T --align 0
row 64 "align 16 MiB is not supported for ppc64 radix with 64K pages; supported: 64 KiB, 2 MiB" --device 1T --align 16M
row 64 "align 2 MiB is not supported for ppc64 hash with 4K pages; supported: 4 KiB" --device 1T --mmu hash --page-size 4K --align 2M
row 64 "--kernel-has: 'abcdef0': is not one of the modelled kernel changes" --device 1T --kernel-has abcdef0
row 64 "--kernel-lacks: 'xyz': 'xyz' is not 7 to 12 lowercase hex digits" --device 1T --kernel-lacks xyz
row 64 "--explain plans nothing" --explain --device 1T
# Machine settings.
row 64 "--hash-16m: 'maybe': not yes or no; expected yes or no" --device 1T --mmu hash --hash-16m maybe
row 64 "--boot-ram: '3P': beyond the physical address limit" --device 1T --boot-ram 3P
row 64 "has no hash MMU" --device 1T --mmu hash --radix-only
row 64 "--kfence" --device 1T --kfence=yes
# Kernel versions.
row 64 "--kernel: '4.13': cf387d9644d8 (5.4) is modelled on the v5.3 baseline; kernel 4.13.0 is planned from the v4.13 baseline and the rows up to 5.2" --device 1T --kernel-has cf387d9644d8 --kernel 4.13
row 64 "--kernel-has: 'cf387d9644d8': cf387d9644d8 (5.4) is modelled on the v5.3 baseline" --device 1T --kernel 4.18 --kernel-has cf387d9644d8
row 64 "--kernel-lacks: '9ef34630a461': 9ef34630a461 (4.20) is part of the v5.3 baseline kernel 6.1.192 is planned from" --device 1T --kernel-lacks 9ef34630a461
# Before 5.3: one ppc64 namespace at a time, no --usable or --from-ndctl.
row 64 "--kernel: '4.18.0-553.el8_10.ppc64le': RHEL 8's 4.18 carries the 5.x nvdimm and sub-section layout" --device 1T --kernel 4.18.0-553.el8_10.ppc64le
row 1 "returns -EBUSY: step 3 (add a): step 3 re-adds a: the removal left the section at pfn 0x80000 with its old pgmap key" --plan tests/fixtures/plan-readd-413.json
row 64 "kernel 4.19.0 is modelled on ppc64 only; x86_64 from 5.3" --arch x86_64 --device 16G --kernel 4.19
row 64 "several namespaces on kernel 4.20.0 are not modelled" --device 16G --device 16G --kernel 4.20
row 64 "--usable on kernel 5.2.0 is not modelled" --usable 1T --kernel 5.2
row 64 "--from-ndctl with kernel 4.13.0 is not modelled" --from-ndctl tests/fixtures/ndctl/ppc64-object-of-arrays.json --kernel 4.13
row 64 "has HPAGE_SIZE = 1 byte" --device 16G --mmu hash --hash-16m no --kernel 4.13
row 64 "align 32 KiB is not supported by kernel 4.13.0: a power of two from 64 KiB to 1 GiB" --device 16G --align 32K --kernel 4.13
row 64 "does not start and end on section boundaries and its vmemmap blocks (4096 bytes) are smaller than a section's memmap" --device 16G@0x400800000 --page-size 4K --kernel 4.14
row 64 "[0x400000000, 0x800200000) on kernel 4.14.0: the data range does not start and end on section boundaries" --device 17181966336@16G --page-size 4K --kernel 4.14
row 1 "returns -ENOMEM: the altmap cannot hold the vmemmap block of pfns 0x80000-0xbffff" --device 16G@0x400800000 --mmu hash --kernel 4.14
row 64 "devdax map=mem with align 2 MiB on ppc64 kernel 6.3.0 takes the generic compound-page vmemmap path" --device 1T --mode devdax --map mem --kernel 6.3 --page-size 4K
row 64 "depend on the addr_pfn fix (6.12.110 in the 6.12 line), which is not modelled" --device 1T --mode devdax --map mem --kernel 6.12.117 --page-size 4K
row 1 "returns -ENXIO: unable to satisfy requested alignment" --device 3M --kernel 6.6
row 64 "--struct-page-size: '81': out of range; expected a number of bytes, a multiple of 8 from 56 to 256" --device 1T --struct-page-size 81
row 64 "--struct-page-size: '1K': a plain number of bytes, without a unit" --device 1T --struct-page-size 1K
row 1 "nd_pfn_init returns -EINVAL: Memory debug options prevent using pmem for the page map" --device 1T --struct-page-size 80
row 64 "kernel 5.10.0 with 80-byte struct pages does not build with the NVDIMM pfn driver" --device 1T --struct-page-size 80 --kernel 5.10 --map mem
row 64 "80-byte struct pages are not replayed on ppc64" --device 1T --struct-page-size 80 --map mem
row 64 "maps the vmemmap block of pfns 0x40000-0x47fff a second time" --device 16G@0x401200000 --kernel 5.4
row 64 "--kernel: '4.12': powerpc has no vmem_altmap support before 4.13" --device 1T --kernel 4.12
row 64 "--kernel: '6.1.2.3': four numeric parts" --device 1T --kernel 6.1.2.3
row 64 "--kernel: 'latest': expected MAJOR.MINOR[.PATCH][-SUFFIX]" --device 1T --kernel latest
row 64 "devdax map=mem with align 2 MiB on ppc64 kernel 6.1.100 takes the generic compound-page vmemmap path" --device 1T --mode devdax --map mem --kernel 6.1.100
# Layouts the kernel refuses: exit 1, the check, the errno.
row 1 "drivers/nvdimm/pfn_devs.c:nd_pfn_init returns -EINVAL: start 0x100200000 misaligned to 0x1000000" --device 64G@0x100200000 --mmu hash
row 1 "drivers/nvdimm/pfn_devs.c:nd_pfn_init returns -EINVAL: start 0x400100000 misaligned to 0x200000" --device 1G@0x400100000
row 1 "returns -ENXIO: unable to satisfy requested alignment" --device 16M --mmu hash
row 1 "returns -ENXIO: unable to satisfy requested alignment" --device 16M --mmu hash --json
row 1 "returns -ENXIO: unable to satisfy requested alignment" --device 2M --map mem
row 1 "mm/memremap.c:pagemap_range returns -ENXIO: attempted on mixed region 0x20000000-0x5fffffff" --device 1G@512M
row 1 "returns -ENODEV: namespace size 4096 is below ND_MIN_NAMESPACE_SIZE" --device 4K
row 1 "returns -EINVAL: start 0x100200000 misaligned" --device 64G@0x100200000 --mmu hash --json
exit $status
