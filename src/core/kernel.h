/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Kernel versions and what they do.  A version resolves, through one table
 * of kernel changes (kernel.c), to a struct vp_kbehaviour.  The model asks
 * behaviours, never version numbers.
 */
#ifndef VP_KERNEL_H
#define VP_KERNEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct vp_kver {
	unsigned major, minor, patch;
	bool has_patch;		/* "6.1" is the tag v6.1, i.e. patch 0 */
	char suffix[48];	/* "-362.el9" etc., without the dash; "" if none */
};

enum vp_kver_status {
	VP_KVER_OK = 0,
	VP_KVER_SYNTAX,		/* not MAJOR.MINOR[.PATCH][-SUFFIX] */
	VP_KVER_FOUR_PARTS,	/* 1.2.3.4 */
	VP_KVER_TOO_OLD,	/* before the first modelled version */
	VP_KVER_NOT_UPSTREAM,	/* a distribution kernel far from its upstream
				 * version (RHEL 8's 4.18) */
};

/* Where radix__vmemmap_populate starts a chunk (vmemmap_radix.c). */
enum vp_radix_align {
	VP_RADIX_ALIGN_NONE,		/* 6.6-6.14: the chunk's own address */
	VP_RADIX_ALIGN_PAGE,		/* 9cf7e13fecba: down to PAGE_SIZE */
	VP_RADIX_ALIGN_PMD_NO_ALTMAP,	/* f5164797284d: PMD_SIZE w/o altmap */
};

/* Where the compound-page vmemmap applies (vp_kbehaviour). */
enum vp_compound {
	VP_COMPOUND_NONE,	/* before 4917f55b4ef9 (5.19): no such path */
	VP_COMPOUND_ALL_ARCHES,	/* 4917f55b4ef9: every architecture */
	VP_COMPOUND_OPT_IN,	/* 87a7ae75d738: where the arch opts in */
};

/* The value of a VP_KNOB_RESERVE_STRUCT_PAGE_SIZE row: MAX_STRUCT_PAGE_SIZE,
 * and whether a larger struct page is refused at run time. */
#define VP_MAX_SPS(size, check) ((size) | ((unsigned)(check) << 16))

/* What nd_pfn_init does about sizeof(struct page) > MAX_STRUCT_PAGE_SIZE. */
enum vp_sps_check {
	VP_SPS_NONE,	/* nothing: the reserve is 64 per pfn whatever */
	VP_SPS_BUILD,	/* e96f0bf2ec92 (5.4): BUILD_BUG_ON, no such kernel */
	VP_SPS_RUNTIME,	/* c91d71363084 (6.2, 6.1.12): map=dev -EINVAL */
};

/* Where arch/powerpc/mm/init_64.c:vmemmap_populate/vmemmap_free get a
 * block's altmap (vp_kbehaviour.altmap_lookup). */
enum vp_altmap_lookup {
	VP_ALTMAP_PASSED,	/* 7b73d978a5d0 (4.16): the caller passes it */
	VP_ALTMAP_BY_SECTION,	/* 4.13: to_vmem_altmap(), pgmap keyed by section */
	VP_ALTMAP_BY_PFN,	/* ab1b597ee0e4 (4.14): pgmap keyed by pfn */
};

/* The floor of nd_pfn_init's map=dev data alignment. */
enum vp_data_floor {
	VP_FLOOR_SUBSECTION,	/* 5.3: SUBSECTION_SIZE (memremap_compat_align from 5.7) */
	VP_FLOOR_HPAGE,		/* 4.13: HPAGE_SIZE */
	VP_FLOOR_PMD,		/* 4.14: PMD_SIZE */
};

/* book3s64 MAX_PHYSMEM_BITS (vp_kbehaviour.physmem). */
enum vp_physmem {
	VP_PHYSMEM_51,		/* 5.10 on */
	VP_PHYSMEM_46,		/* 4.13-4.18 */
	VP_PHYSMEM_47,		/* 4.19, with SPARSEMEM_VMEMMAP */
	VP_PHYSMEM_51_64K,	/* 4.20-5.9: 51 with 64K pages, else 46 */
};

/* What the model needs to know about a kernel.  Each field names the
 * change(s) that set it in kernel.c's table. */
struct vp_kbehaviour {
	/* MAX_STRUCT_PAGE_SIZE as used by drivers/nvdimm/pfn_devs.c:nd_pfn_init
	 * for the on-device memmap reserve: 128 in v6.1..6.1.11, else 64. */
	unsigned reserve_struct_page_size;
	/* How nd_pfn_init meets a struct page larger than that. */
	enum vp_sps_check struct_page_check;
	/* cf387d9644d8 (5.4, 5.3.6): arch/powerpc/mm/init_64.c has
	 * altmap_cross_boundary; before, a block that describes pfns outside
	 * the device is taken from the altmap like any other. */
	bool cross_boundary_test;
	/* f537669978a7 (5.4): nd_pfn_default_alignment and
	 * nd_pfn_supported_alignments ask has_transparent_hugepage() at run
	 * time; before, HPAGE_PMD_SIZE whenever CONFIG_TRANSPARENT_HUGEPAGE. */
	bool align_thp_runtime;
	/* arch/powerpc/mm/init_64.c:altmap_cross_boundary tests
	 * start_pfn + nr_pfn > end_pfn instead of ... - 1 > end_pfn. */
	bool cross_boundary_off_by_one;
	/* arch/powerpc/mm/init_64.c:vmemmap_free counts a block as altmap-backed
	 * up to base_pfn + reserve + free + alloc + align (too generous). */
	bool altmap_free_bound_loose;
	/* Which architectures populate a devdax map=mem vmemmap with compound
	 * pages (mm/sparse-vmemmap.c:vmemmap_populate_compound_pages, asked
	 * through include/linux/mm.h:vmemmap_can_optimize). */
	enum vp_compound compound_vmemmap;
	/* 368a0590d954 (6.6): radix populates through
	 * radix__vmemmap_populate, with PMD leaves and PTE pages. */
	bool radix_own_populate;
	enum vp_radix_align radix_start_align;
	/* 27af67f35631 (6.6): radix offers 1 GiB (PUD) --align. */
	bool radix_pud_align;
	/* 0b6f15824cc7 / f2b79c0d7968 (6.6): radix devdax map=mem may use the
	 * compound-page vmemmap (vmemmap_can_optimize). */
	bool radix_compound_vmemmap;
	/* 5f5d6e40a01e (5.5): arch/powerpc/mm/init_64.c:vmemmap_populated
	 * tests every sub-section the block describes; before, pfn_valid()
	 * of each section start only. */
	bool populated_subsections;
	/* e96d9a938e89 (6.6): nd_pfn_init refuses dataoff >= size - end_trunc
	 * (before: dataoff >= size). */
	bool enxio_excludes_end_trunc;
	/* 6acd7d5ef264 (5.7): nd_pfn_init aligns the data to
	 * max(align, memremap_compat_align()) and refuses a start that is not
	 * a multiple of it; before, max(align, SUBSECTION_SIZE) and no start
	 * check (only __add_pages's sub-section one). */
	bool compat_align_enforced;
	/* 2522afb86a8c (5.7): a region hands out namespace sizes in multiples
	 * of 16 MiB (x ways when they do not divide it); before, of PAGE_SIZE
	 * x ways. */
	bool region_align_16m;
	/* 2045a3b8911b (6.2): x86-64 uses the generic
	 * vmemmap_populate_hugepages, whose base-page fallback under a PMD
	 * table passes the altmap (x86's own passed NULL: DRAM). */
	bool x86_table_pages_altmap;
	/*
	 * Before 5.3 (kernel.c's v4.13 baseline and the rows up to 5.2; the
	 * v5.3 baseline has every one of these at its zero value).
	 * section_layout: drivers/nvdimm/pfn_devs.c:nd_pfn_init pads to
	 * sections around System RAM, rounds npfns up to a section and
	 * stores sb.npfns in 4 KiB units, and kernel/memremap.c:
	 * devm_memremap_pages hot-adds whole sections (no sub-sections before
	 * the 5.3 series).  The rest say which pre-5.3 rules hold.
	 */
	bool section_layout;
	/* Where arch/powerpc/mm/init_64.c gets a block's altmap. */
	enum vp_altmap_lookup altmap_lookup;
	/* The floor of the map=dev data alignment in nd_pfn_init. */
	enum vp_data_floor data_floor;
	/* pfn_devs.c:__align_store @4.13: any power of two from PAGE_SIZE to
	 * 1 GiB, default HPAGE_SIZE (the fixed list arrives in 4.14). */
	bool aligns_any_pow2;
	/* 4.15: nd_pfn_init also cuts an end not aligned to --align, down to
	 * min(section, align). */
	bool end_trunc_misaligned;
	/* 4.20 (trim_pfn_device): the System RAM test for start_pad covers
	 * [SECTION_ALIGN_DOWN(S), S + Z), not [.., SECTION_ALIGN_DOWN(S) + Z). */
	bool start_pad_to_end;
	/* 4.13-4.15: devm_memremap_pages's release removes
	 * ALIGN(size, section) from the section below the start. */
	bool release_short;
	/* 4.13-5.0: nd_pfn_init reserves 128 KiB more for devdax labels. */
	bool dax_label_reserve;
	/* 4.13-5.0: pfn_devs.c:init_altmap_reserve reserves PHYS_PFN(SZ_8K)
	 * pages for the info block, none with 64K pages (PFN_UP from
	 * 07464e88365e, 5.1 and stable). */
	bool altmap_reserve_8k_down;
	/* 4.13-5.0: nd_pfn_init counts the info block as SZ_8K, not
	 * ALIGN(SZ_8K, PAGE_SIZE) ("Account for PAGE_SIZE > info-block-size",
	 * 5.1). */
	bool info_block_8k;
	/* 4.13-4.19: a failed altmap allocation fails the hot-add
	 * (-ENOMEM); DRAM fallback from 9ef34630a461 (4.20). */
	bool no_dram_fallback;
	/* Radix maps the vmemmap with PAGE_SIZE pages (2M from
	 * 89a3496e0664, 5.3). */
	bool radix_vmemmap_base_page;
	/* Hash without 16M vmemmap pages uses 64K ones, also with 4K pages
	 * (PAGE_SIZE from 5.3). */
	bool hash4k_vmemmap_64k;
	/* book3s64 MAX_PHYSMEM_BITS. */
	enum vp_physmem physmem;
};

struct vp_kernel {
	struct vp_kver ver;
	struct vp_kbehaviour b;
	/* canonical "6.1.192" plus "-suffix": 3 x 5 digits, 2 dots, a dash
	 * and a 47-byte suffix fit */
	char name[80];
	/* A caveat the plan must warn about ("" if none): a version newer
	 * than the newest modelled, or a stable line whose backport release
	 * is not recorded. */
	char caveat[256];
	/* Rows of the table forced in or out (--kernel-has/--kernel-lacks),
	 * as bit i for row i: for distribution kernels and backports the
	 * table does not record. */
	uint64_t forced_on, forced_off;
};

/* The behaviour a kernel change sets (one field of struct vp_kbehaviour). */
enum vp_knob {
	VP_KNOB_RESERVE_STRUCT_PAGE_SIZE,
	VP_KNOB_CROSS_BOUNDARY_OFF_BY_ONE,
	VP_KNOB_ALTMAP_FREE_BOUND_LOOSE,
	VP_KNOB_COMPOUND_VMEMMAP,
	VP_KNOB_RADIX_OWN_POPULATE,
	VP_KNOB_RADIX_START_ALIGN,
	VP_KNOB_RADIX_PUD_ALIGN,
	VP_KNOB_RADIX_COMPOUND_VMEMMAP,
	VP_KNOB_ENXIO_EXCLUDES_END_TRUNC,
	VP_KNOB_X86_TABLE_PAGES_ALTMAP,
	VP_KNOB_COMPAT_ALIGN_ENFORCED,
	VP_KNOB_REGION_ALIGN_16M,
	VP_KNOB_POPULATED_SUBSECTIONS,
	VP_KNOB_STRUCT_PAGE_CHECK,
	VP_KNOB_CROSS_BOUNDARY_TEST,
	VP_KNOB_ALIGN_THP_RUNTIME,
	VP_KNOB_ALTMAP_LOOKUP,
	VP_KNOB_DATA_FLOOR_PMD,		/* also ends aligns_any_pow2 */
	VP_KNOB_END_TRUNC_MISALIGNED,
	VP_KNOB_START_PAD_TO_END,
	VP_KNOB_RELEASE_SHORT,
	VP_KNOB_DAX_LABEL_RESERVE,
	VP_KNOB_INFO_BLOCK_8K,
	VP_KNOB_ALTMAP_RESERVE_8K_DOWN,
	VP_KNOB_NO_DRAM_FALLBACK,
	VP_KNOB_RADIX_VMEMMAP_BASE_PAGE,
	VP_KNOB_PHYSMEM,
};

/* One row per kernel change that moves a number. */
struct vp_kchange {
	/* Mainline commit, 12 hex digits; NULL where the change is dated by
	 * source trees but its commit is not pinned (docs/kernel-changes.md):
	 * --kernel-has/--kernel-lacks cannot name such a row. */
	const char *commit;
	const char *subject;
	const char *effect;	/* one line: what changes in the numbers */
	unsigned mainline_major, mainline_minor;	/* first tag with it */
	/* Stable lines and the first upstream release of each that carries
	 * the backport ({0} ends the list). */
	struct {
		unsigned major, minor, patch;
	} stable[3];
	enum vp_knob knob;	/* what the change sets ... */
	unsigned value;		/* ... to what */
};

#define VP_KERNEL_DEFAULT "6.1.192"

enum vp_kver_status vp_kver_parse(const char *s, struct vp_kver *out);
/* Resolve a parsed version to behaviours; fails for unmodelled versions. */
enum vp_kver_status vp_kernel_resolve(const struct vp_kver *v,
				      struct vp_kernel *out);
const char *vp_kver_strerror(enum vp_kver_status st);
/* The oldest and the newest version whose behaviour is modelled. */
#define VP_KERNEL_OLDEST_MAJOR 4
#define VP_KERNEL_OLDEST_MINOR 13
#define VP_KERNEL_NEWEST_MAJOR 6
#define VP_KERNEL_NEWEST_MINOR 17
/* The baseline k is planned from ("4.13" or "5.3"), and its rules in
 * words (--explain). */
const char *vp_kernel_baseline(const struct vp_kernel *k,
			       const char *const **rules, size_t *n);
/* Whether v is planned from the v4.13 baseline (4.13 <= v < 5.3). */
bool vp_kernel_before_53(const struct vp_kver *v);
/* 0 when every row forced in k suits its baseline's family of rows; else
 * -1 and msg says which does not (a --kernel-has given before --kernel). */
int vp_kernel_forced_fit(const struct vp_kernel *k, char *msg, size_t len);
/* Whether row r applies to version v (exposed for --explain and tests). */
bool vp_kchange_applies(const struct vp_kchange *r, const struct vp_kver *v);
const struct vp_kchange *vp_kchanges(size_t *n);

/* Recomputes k->b from k->ver and the forced rows. */
void vp_kernel_apply(struct vp_kernel *k);

/* Forces the row whose commit starts with `commit` (7 to 12 hex digits)
 * in (has) or out; re-applies.  Returns 0, or -1 with msg when no row or
 * several rows match. */
int vp_kernel_force(struct vp_kernel *k, const char *commit, bool has,
		    char *msg, size_t len);

/* Whether row i applies to k, and why, in one line ("in mainline since
 * 6.6", "backported to 6.12.28", "not in 6.12.117", "--kernel-has"). */
bool vp_kchange_explain(const struct vp_kernel *k, size_t i, char *why,
			size_t len);

#endif
