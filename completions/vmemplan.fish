# fish completion for vmemplan(1)
# SPDX-License-Identifier: GPL-2.0-only
#
# tests/docs/check-options.sh checks that every option of "vmemplan --help"
# is listed here.

# vmemplan takes no file operands.
complete -c vmemplan -f

# Namespace
complete -c vmemplan -s d -l device -x -d 'Namespace SIZE[@START], e.g. 1T or 1T@0x40000000000'
complete -c vmemplan -l mode -x -d 'Namespace mode' \
    -a "fsdax\t'Filesystem DAX (default)' devdax\t'Device DAX'"
complete -c vmemplan -l map -x -d 'Where struct pages go' \
    -a "dev\t'On the device, in a vmem_altmap (default)' mem\t'In DRAM'"
complete -c vmemplan -s a -l align -x -d 'Namespace alignment (ndctl --align)' \
    -a "4K\t'Base page size, 4K pages' 64K\t'Base page size, 64K pages' 2M\t'Radix huge page' 16M\t'Hash huge page, 64K pages'"

# Machine and kernel
complete -c vmemplan -l arch -x -d 'Architecture' \
    -a "ppc64\t'64-bit powerpc (default)' ppc64le\t'64-bit little-endian powerpc' x86_64\t'x86-64, 4K pages'"
complete -c vmemplan -s k -l kernel -x -d 'Kernel version MAJOR.MINOR[.PATCH][-SUFFIX]' \
    -a "6.1.192\t'Default, Debian 12' 6.1.184\t'No compound-page vmemmap on powerpc' 6.1.45\t'Both altmap fixes' 6.1.39\t'Cross-boundary fix' 6.1.12\t'First with a 64-byte reserve' 6.1.0\t'128-byte reserve, off-by-one' 4.13\t'Oldest modelled, first powerpc altmap code, no DRAM fallback' 4.14\t'pgmap by pfn, PMD_SIZE padding' 4.16\t'Altmap passed down' 4.19\t'4.19 LTS, no DRAM fallback' 4.20\t'DRAM fallback' 5.1\t'One-page info block reserve' 5.3\t'Sub-section hot-add, no altmap boundary test' 5.4\t'Section-granular vmemmap_populated, before memremap_compat_align' 5.14\t'RHEL 9, SLES 15' 5.15\t'Ubuntu 22.04' 6.6\t'Radix PMD and PTE vmemmap path' 6.8\t'Ubuntu 24.04' 6.12.117\t'Debian 12 backports' 6.15\t'Radix start aligned to PAGE_SIZE' 6.17\t'Newest modelled'"
complete -c vmemplan -s m -l mmu -x -d 'powerpc MMU mode' \
    -a "radix\t'Radix MMU (default)' hash\t'Hashed page table MMU'"
complete -c vmemplan -s p -l page-size -x -d 'Base page size' \
    -a "4K\t'4 KiB pages' 64K\t'64 KiB pages (default)'"

complete -c vmemplan -s u -l usable -x -d 'Smallest size giving at least SIZE usable (SIZE[@START])'
complete -c vmemplan -l region-align -x -d 'Region namespace granule (default 16M)' -a "16M 32M 64M"
complete -c vmemplan -l ways -x -d 'Interleave ways of the region' -a "1 2 4 6 8 12 16"

complete -c vmemplan -l boot-ram -x -d 'Boot RAM is [0, SIZE)' -a "1G 4G 16G 64G 256G"
complete -c vmemplan -l hash-16m -x -d 'Whether the CPU offers 16M hash pages' -a "yes no"
complete -c vmemplan -l kernel-has -x -d 'The kernel carries this change' -a "6acd7d5ef264 2522afb86a8c 4917f55b4ef9 6e9f05dc66f9 c91d71363084 2045a3b8911b 87a7ae75d738 c8eebc4a99f1 6722b2571205 368a0590d954 27af67f35631 f2b79c0d7968 e96d9a938e89 9cf7e13fecba f5164797284d"
complete -c vmemplan -l kernel-lacks -x -d 'The kernel lacks this change' -a "6acd7d5ef264 2522afb86a8c 4917f55b4ef9 6e9f05dc66f9 c91d71363084 2045a3b8911b 87a7ae75d738 c8eebc4a99f1 6722b2571205 368a0590d954 27af67f35631 f2b79c0d7968 e96d9a938e89 9cf7e13fecba f5164797284d"
complete -c vmemplan -l host -d 'Take defaults from the running system'
complete -c vmemplan -l node -x -d 'NUMA node that takes the DRAM part of the memmap' -a "0 1 2 3"
complete -c vmemplan -l topology -r -F -d 'Node sizes from a topology file'
complete -c vmemplan -l sysroot -x -a '(__fish_complete_directories)' -d 'Node sizes from a captured sys/proc tree'
complete -c vmemplan -l explain -d 'List the modelled kernel changes and which apply'
complete -c vmemplan -l kfence -d 'The kernel has KFENCE or debug_pagealloc'
complete -c vmemplan -l radix-only -d 'The kernel is built without the hash MMU'
complete -c vmemplan -l struct-page-size -x -d 'sizeof(struct page) of the kernel build' -a "64 80 128 256"
complete -c vmemplan -l la57 -d 'x86_64 with 5-level paging'
complete -c vmemplan -l ram -x -d 'A range of boot RAM, SIZE@START' -a "1G@0 4G@0 64G@0"
complete -c vmemplan -l plan -r -F -d 'A JSON plan of devices and add/remove steps'
complete -c vmemplan -l from-ndctl -r -F -d 'Existing namespaces from ndctl list -RNv JSON'
complete -c vmemplan -l from-sysfs -x -a '(__fish_complete_directories)' -d 'Existing namespaces from DIR/sys/bus/nd/devices'

# Output
complete -c vmemplan -l batch -d 'Read JSON plans on stdin, one per line'
complete -c vmemplan -s b -l bytes -d 'Print sizes in bytes instead of IEC units'
complete -c vmemplan -l engine -x -d 'Replay engine' \
    -a "runlength\t'Run by run (default)' reference\t'Block by block, as the kernel loops'"
complete -c vmemplan -s j -l json -d 'Same as --format json'
complete -c vmemplan -l format -x -d 'Output format' \
    -a "text\t'Report (default)' json\t'JSON, schema_version 1' csv\t'CSV table, sizes in bytes' svg\t'SVG picture'"
complete -c vmemplan -s o -l output -r -F -d 'Write to FILE instead of standard output'

# Several plans
complete -c vmemplan -l compare -x -d 'Plan every value of KEY side by side (KEY=V1,V2)' \
    -a "mmu=radix,hash page-size=4K,64K map=dev,mem mode=fsdax,devdax kernel=6.1.192,6.12.117 align=2M,1G arch=ppc64,x86_64"
complete -c vmemplan -l sweep -x -d 'Plan device sizes FROM..TO[:STEP|xFACTOR]' -a "16G..64T:x2 1G..1T:x4"


# Help
complete -c vmemplan -s '?' -l help -d 'Give the help list'
complete -c vmemplan -s h -d 'Give the help list'
complete -c vmemplan -l usage -d 'Give a short usage message'
complete -c vmemplan -s V -l version -d 'Print the program version'
