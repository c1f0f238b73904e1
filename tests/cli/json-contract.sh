#!/usr/bin/env bash
# The JSON contract of schema_version 1 (vmemplan(1), OUTPUT): every key is
# present in every configuration, sizes/addresses/pfns are integers, names
# are strings, and a missing concept is null, never an absent key.
set -u
cd "$(dirname "$0")/../.."
bin=${VMEMPLAN:-src/vmemplan}
wrap=${VMEMPLAN_WRAP:-}
status=0

# jq program: the list of problems, empty when the document is right.
read -r -d '' contract <<'JQ'
def int: type == "number" and . == floor and . >= 0;
def need($o; $keys; test; $where):
  $keys[] as $k
  | if ($o | has($k)) | not then "\($where).\($k) missing"
    elif ($o[$k] | test) | not then "\($where).\($k) = \($o[$k] | tojson) has the wrong type"
    else empty end;
[
  need(.; ["schema_version"]; int; ""),
  (if .schema_version != 1 then "schema_version is not 1" else empty end),
  need(.config; ["arch","kernel","mode","map","engine","vmemmap_path"]; type == "string"; "config"),
  # Concepts of one architecture are null on the other.
  (if .config.arch == "x86_64" then
     need(.config; ["mmu"]; . == null; "config"),
     need(.config.assumptions; ["hash_16m_pages","radix_2m_pages","radix_1g_pages","kfence","radix_only"];
          . == null; "config.assumptions"),
     need(.config.assumptions; ["la57"]; type == "boolean"; "config.assumptions")
   else
     need(.config; ["mmu"]; type == "string"; "config"),
     need(.config.assumptions; ["hash_16m_pages","radix_2m_pages","radix_1g_pages","kfence","radix_only"];
          type == "boolean"; "config.assumptions"),
     need(.config.assumptions; ["la57"]; . == null; "config.assumptions")
   end),
  need(.config; ["vmemmap_block_size"]; . == null or int; "config"),
  need(.config; ["page_size","align","data_align","compat_align","struct_page_size",
                 "reserve_struct_page_size","section_size",
                 "subsection_size","max_physmem_bits"]; int; "config"),
  need(.config.assumptions; ["boot_ram_bytes"]; int; "config.assumptions"),
  (.devices | if type != "array" or length < 1 then "devices is not a non-empty array" else empty end),
  (.steps | if type != "array" or length < 1 then "steps is not a non-empty array" else empty end),
  (.steps[] | need(.; ["op","device"]; type == "string"; "steps[]"),
              need(.; ["dram_in_use_bytes"]; int; "steps[]"),
              need(.; ["altmaps"]; type == "array"; "steps[]"),
              (if .op == "add" then
                 need(.populated; ["altmap_blocks","dram_blocks","altmap_pages","dram_pages","compound_pages",
                                   "skipped_blocks","cross_boundary_blocks","fallback_blocks","dram_bytes"]; int; "steps[].populated")
               else
                 need(.freed; ["altmap_blocks","altmap_pfns","dram_blocks","dram_bytes","kept_blocks",
                               "foreign_blocks","foreign_bytes"]; int; "steps[].freed")
               end)),
  need(.leftover; ["mapped_blocks","mapped_dram_bytes","mapped_altmap_pfns","align_pfns"]; int; "leftover"),
  (.devices[] as $d | (
    need($d; ["name","mode","map"]; type == "string"; "device"),
    need($d; ["live","removed"]; type == "boolean"; "device"),
    need($d; ["unbacked_pfns"]; int; "device"),
    need($d; ["start","size"]; int; "device"),
    need($d; ["start_defaulted"]; type == "boolean"; "device"),
    need($d.layout; ["dataoff","end_trunc","start_pad","npfns","reserve_npfns",
                     "page_map_bytes","usable_bytes"]; int; "layout"),
    need($d; ["altmap"]; . == null or type == "object"; "device"),
    (if $d.altmap != null then need($d.altmap; ["base_pfn","end_pfn","reserve","free","alloc","align"]; int; "altmap") else empty end),
    need($d.vmemmap; ["first_pfn","end_pfn","blocks","altmap_blocks","dram_blocks","skipped_blocks",
                      "altmap_pages","dram_pages","compound_pages","premapped_pfns",
                      "cross_boundary_blocks","fallback_blocks","memmap_bytes","altmap_bytes","dram_bytes"]; int; "vmemmap"),
    need($d.vmemmap; ["first_altmap_pfn","compound_page_size"]; . == null or int; "vmemmap"),
    need($d.vmemmap; ["runs"]; type == "array"; "vmemmap"),
    ($d.vmemmap.runs[] | need(.; ["first_pfn","blocks","block_pfns","block_bytes"]; int; "vmemmap.runs[]"),
                          need(.; ["backing"]; . == "altmap" or . == "dram"; "vmemmap.runs[]"),
                          need(.; ["phys_pfn"]; . == null or int; "vmemmap.runs[]")),
    need($d.waste; ["align_bytes","unused_altmap_bytes","dataoff_pad_bytes"]; int; "waste"),
    need($d.after_free; ["alloc","align"]; . == null or int; "after_free"),
    need($d.after_free; ["altmap_freed_pfns","dram_freed_bytes","kept_blocks"]; int; "after_free"),
    # The definitions of the planner issue, as arithmetic.
    (if $d.altmap != null and $d.vmemmap.altmap_bytes != $d.altmap.alloc * .config.page_size
     then "altmap_bytes != alloc x page size" else empty end),
    (if $d.vmemmap.memmap_bytes != ($d.vmemmap.end_pfn - $d.vmemmap.first_pfn) * 64
     then "memmap_bytes != 64 x pfns hot-added" else empty end),
    (if $d.layout.usable_bytes + $d.layout.dataoff + $d.layout.end_trunc + $d.layout.start_pad != $d.size
     then "usable + dataoff + end_trunc + start_pad != size" else empty end))),
  need(.totals; ["size_bytes","memmap_bytes","moved_to_device_bytes","dram_bytes","reserved_pfns",
                 "alignment_waste_bytes","usable_bytes"]; int; "totals"),
  need(.; ["warnings"]; type == "array"; ""),
  need(.; ["warnings_dropped"]; int; ""),
  need(.; ["inverse"]; . == null or type == "object"; ""),
  need(.; ["numa"]; . == null or type == "object"; ""),
  need(.; ["host"]; . == null or type == "object"; ""),
  (if .inverse != null then
     need(.inverse; ["requested_usable","size","usable","region_align","probes"]; int; "inverse"),
     need(.inverse; ["smaller_size","smaller_usable"]; . == null or int; "inverse"),
     need(.inverse; ["smaller_refused"]; type == "boolean"; "inverse"),
     (if .inverse.usable < .inverse.requested_usable then "inverse.usable below the target" else empty end),
     (if .inverse.smaller_usable != null and .inverse.smaller_usable >= .inverse.requested_usable
      then "inverse.smaller_usable reaches the target" else empty end)
   else empty end),
  (.warnings[] | need(.; ["code","message"]; type == "string"; "warnings[]"))
] | .[]
JQ

for args in "--device 1T --page-size 64K" "--device 1T --page-size 64K --mmu hash" \
	    "--device 16G@64G --mmu hash --page-size 4K" "--device 1T --map mem" \
	    "--device 64G@0x100200000" "--device 1T@2T --kernel 6.1.0 --mode devdax" \
	    "--device 1000M --page-size 4K" "--usable 1T --ways 6" "--usable 1 --mmu hash" \
	    "--device 64G@0x100200000 --kernel 6.12.117" "--device 1T --map mem --kernel 6.17" \
	    "--device 1T --kernel 6.18 --mmu hash" "--device 36G@0x3162000000 --arch x86_64" \
	    "--device 1T --arch x86_64 --mode devdax --map mem" "--usable 1T --arch x86_64 --align 1G --la57" \
	    "--mmu hash --ram 64G@0 --device 60G@80G --device 60G@140G --device 60G@200G" \
	    "--plan tests/fixtures/plan-readd.json" "--plan tests/fixtures/plan-foreign-altmap.json"; do
	# shellcheck disable=SC2086
	out=$($wrap "$bin" $args --json)
	problems=$(printf '%s' "$out" | jq -r "$contract" 2>&1)
	if [ -z "$problems" ] && [ -n "$out" ]; then
		echo "ok   JSON contract: $args"
	else
		echo "FAIL JSON contract: $args"
		printf '%s\n' "$problems" | sed 's/^/     /'
		status=1
	fi
done

# --from-ndctl / --from-sysfs: one entry per namespace, the recovered raw
# size an integer beside the full plan (itself a schema_version 1 document).
for args in "--arch x86_64 --from-ndctl tests/fixtures/ndctl/x86-regions.json" \
	    "--mmu hash --from-ndctl tests/fixtures/ndctl/ppc64-object-of-arrays.json" \
	    "--from-sysfs=tests/fixtures/sysfs-nd-ppc64"; do
	# shellcheck disable=SC2086
	out=$($wrap "$bin" $args --json)
	if printf '%s' "$out" | jq -e '.schema_version == 1 and (.source | type) == "string"
		and (.namespaces | length) > 0
		and all(.namespaces[]; (.raw_size | type) == "number" and .raw_size == (.raw_size | floor)
			and .match == true and .plan.schema_version == 1
			and .plan.totals.usable_bytes == .reported_size)
		and (.skipped | type) == "array"' >/dev/null; then
		echo "ok   JSON import: $args"
	else
		echo "FAIL JSON import: $args"
		status=1
	fi
done

# A refusal with --json: schema_version, config and the error object.
out=$($wrap "$bin" --device 64G@0x100200000 --mmu hash --json 2>/dev/null)
if printf '%s' "$out" | jq -e '.schema_version == 1 and .config.mmu == "hash"
	and .error.kind == "refused"
	and .error.errno == "EINVAL" and .error.errno_value == -22
	and .error.where == "drivers/nvdimm/pfn_devs.c:nd_pfn_init"
	and (.error.message | type) == "string"' >/dev/null; then
	echo "ok   JSON error object"
else
	echo "FAIL JSON error object: $out"
	status=1
fi
exit $status
