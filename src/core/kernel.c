// SPDX-License-Identifier: GPL-2.0-only
/*
 * The table of kernel changes.  Every row after the baseline (below) is a
 * change that moves a number, with the first
 * mainline tag that has it and the first upstream stable release that
 * carries the backport.  Stable releases are read from Debian's
 * changelog.Debian.gz (linux-source-6.1 6.1.192-2), which files each
 * backport under the upstream "ChangeLog-6.1.N" it came in; the Debian
 * package that imported it (6.1.52-1 for the two powerpc fixes) is later.
 * docs/kernel-changes.md has the evidence for each row.
 *
 * Two baselines.  v4.13 (vp_v413_baseline, read in a 4.13.4 tree) with
 * the rows dated 4.14 to 5.2 plans every kernel before 5.3.  v5.3
 * (vp_v53_baseline): sub-section hot-add (the 5.3 series), nd_pfn_init
 * without section padding (a3619190d62e, with 274b924088e9's end_trunc
 * from 5.3-rc8), radix 2 MiB vmemmap blocks (89a3496e0664) and hash-4K
 * base-page blocks (78c949888549) are in; the rows from 5.4 on change it,
 * and docs/kernel-changes.md finds no other change that moves a number.
 * Each baseline takes only its own family of rows (pre53_row); the pre-5.3
 * rows are in the v5.3 baseline already.
 * Versions after 6.17 are planned as 6.17, with a caveat.
 */
#include "kernel.h"

#include <stdio.h>
#include <string.h>

/*
 * Baseline: v5.3 (the rules of the 6.1 source lines cited in layout.c,
 * vmemmap.c and altmap.c, before the rows below; the 5.3 texts are the
 * "before" sides of the 5.4 patches, docs/kernel-changes.md):
 * - nd_pfn_init aligns the data to max(align, SUBSECTION_SIZE) and checks
 *   no start (pfn_devs.c before 6acd7d5ef264, seen in its diff);
 * - a region's namespace granule is PAGE_SIZE x ways (before
 *   2522afb86a8c);
 * - nd_pfn_init reserves 64 * npfns whatever sizeof(struct page) is (the
 *   BUILD_BUG_ON comes with e96f0bf2ec92, 5.4; patch text id 12259940870);
 * - the default --align is HPAGE_PMD_SIZE and the allowed ones PAGE_SIZE
 *   and HPAGE_PMD_SIZE, by CONFIG_TRANSPARENT_HUGEPAGE alone (the "before"
 *   side of f537669978a7, id 12103738014);
 * - arch/powerpc/mm/init_64.c:vmemmap_populate has no boundary test: the
 *   altmap first, DRAM when it fails (the "before" side of cf387d9644d8,
 *   id 30279027666); when cf387d9644d8 brings altmap_cross_boundary it
 *   tests "start_pfn + nr_pfn > altmap->end_pfn", off by one;
 * - arch/powerpc/mm/init_64.c:vmemmap_free uses alt_end =
 *   base_pfn + reserve + free + alloc + align;
 * - there is no compound-page vmemmap yet;
 * - arch/powerpc/mm/init_64.c:vmemmap_populated tests pfn_valid() of
 *   section starts only (before 5f5d6e40a01e, 5.5: its diff, id
 *   30866348306, and the powerpc-5.5-1 pull, id 22125197922).
 */
static const struct vp_kbehaviour vp_v53_baseline = {
	.reserve_struct_page_size = 64,
	/* 51 bits with 64K pages, 46 with 4K (asm/book3s/64/mmu.h @5.3.1). */
	.physmem = VP_PHYSMEM_51_64K,
	.cross_boundary_off_by_one = true,
	.altmap_free_bound_loose = true,
	.compound_vmemmap = VP_COMPOUND_NONE,
};

/*
 * v4.13 as released, with Oliver O'Halloran's "powerpc/vmemmap: Add altmap
 * support": the baseline of every kernel before 5.3, read in a 4.13.4
 * tree (docs/kernel-changes.md "v4.13").  The rows dated 4.14 to 5.2
 * (and the stable backports of 5.3 rows) change it; the v5.3 baseline
 * already has all of them, so those rows are skipped from 5.3 on.
 */
static const struct vp_kbehaviour vp_v413_baseline = {
	.reserve_struct_page_size = 64,
	.compound_vmemmap = VP_COMPOUND_NONE,
	/* 9ef34630a461 (4.20) brings vmemmap_free's altmap range test with
	 * the loose bound; 6722b2571205 (6.5) tightens it. */
	.altmap_free_bound_loose = true,
	.section_layout = true,
	.altmap_lookup = VP_ALTMAP_BY_SECTION,
	.data_floor = VP_FLOOR_HPAGE,
	.aligns_any_pow2 = true,
	.release_short = true,
	.dax_label_reserve = true,
	.altmap_reserve_8k_down = true,
	.info_block_8k = true,
	.no_dram_fallback = true,
	.radix_vmemmap_base_page = true,
	.hash4k_vmemmap_64k = true,
	.physmem = VP_PHYSMEM_46,
};

/* Whether v is planned from the v4.13 baseline: 4.13 <= v < 5.3. */
static bool before_53(const struct vp_kver *v)
{
	return v->major < 5 || (v->major == 5 && v->minor < 3);
}

/* Rows of the pre-5.3 family: dated before 5.3, or a 5.3 change whose
 * backports to older stable lines the table records. */
static bool pre53_row(const struct vp_kchange *r)
{
	unsigned tag = r->mainline_major * 100 + r->mainline_minor;

	return tag < 503 ||
	       (tag == 503 && r->knob == VP_KNOB_RADIX_VMEMMAP_BASE_PAGE);
}

/* Whether row r belongs to the other baseline's family than a kernel that
 * is (old) or is not before 5.3: a 5.4+ row for an old kernel, or a
 * pre-5.3 row already folded into the v5.3 baseline for a new one (a 5.3
 * row kept for its older stable backports applies to both). */
static bool other_family(bool old, const struct vp_kchange *r)
{
	if (old)
		return !pre53_row(r);
	return pre53_row(r) && r->mainline_major * 100 + r->mainline_minor < 503;
}

/* What each baseline is, for --explain (one line per rule). */
static const char *const v413_rules[] = {
	"nd_pfn_init pads the namespace to sections around System RAM (start_pad, end_trunc), rounds npfns up to a section and aligns map=dev data to max(align, HPAGE_SIZE); devdax reserves 128 KiB for labels",
	"the altmap reserve is PHYS_PFN(8 KiB): none with 64K pages, where struct pages overwrite the info block",
	"devm_memremap_pages hot-adds whole sections (no sub-sections) and its release removes ALIGN(size, section) from the section below the start",
	"a vmemmap block's altmap is the pgmap of its first section (to_vmem_altmap); a full altmap fails the hot-add with -ENOMEM (no DRAM fallback)",
	"radix maps the vmemmap with PAGE_SIZE pages; hash without 16M vmemmap pages uses 64K ones, also with 4K pages",
	"--align: any power of two from PAGE_SIZE to 1 GiB, default HPAGE_SIZE (1 byte on hash without 16M pages); MAX_PHYSMEM_BITS 46",
	"the rows up to 5.2, and the stable backports of 5.3's radix fix, change these; the rows from 5.4 on belong to the v5.3 baseline",
};
static const char *const v53_rules[] = {
	"sub-section (2 MiB) hot-add; nd_pfn_init aligns data to max(align, SUBSECTION_SIZE) and cuts the end to it",
	"the altmap first, DRAM when it fails (9ef34630a461); radix 2 MiB and hash 16M or PAGE_SIZE vmemmap blocks",
	"the rows below change the rest",
};

const char *vp_kernel_baseline(const struct vp_kernel *k,
			       const char *const **rules, size_t *n)
{
	if (before_53(&k->ver)) {
		*rules = v413_rules;
		*n = sizeof(v413_rules) / sizeof(v413_rules[0]);
		return "4.13";
	}
	*rules = v53_rules;
	*n = sizeof(v53_rules) / sizeof(v53_rules[0]);
	return "5.3";
}

bool vp_kernel_before_53(const struct vp_kver *v)
{
	return before_53(v);
}

/* Whether forcing row i suits k's baseline; else -1 and why. */
static int force_fits(const struct vp_kernel *k, size_t i, char *msg,
		      size_t len)
{
	size_t n;
	const struct vp_kchange *r = &vp_kchanges(&n)[i];

	bool old = before_53(&k->ver);

	if (!other_family(old, r))
		return 0;
	if (old)
		snprintf(msg, len, "%s (%u.%u) is modelled on the v5.3 baseline; kernel %s is planned from the v4.13 baseline and the rows up to 5.2",
			 r->commit ? r->commit : "the row", r->mainline_major,
			 r->mainline_minor, k->name);
	else
		snprintf(msg, len, "%s (%u.%u) is part of the v5.3 baseline kernel %s is planned from",
			 r->commit ? r->commit : "the row", r->mainline_major,
			 r->mainline_minor, k->name);
	return -1;
}

int vp_kernel_forced_fit(const struct vp_kernel *k, char *msg, size_t len)
{
	size_t i, n;

	vp_kchanges(&n);
	for (i = 0; i < n; i++)
		if (((k->forced_on | k->forced_off) & (1ULL << i)) &&
		    force_fits(k, i, msg, len))
			return -1;
	return 0;
}

/* Sets one behaviour (struct vp_kchange.knob) to value. */
static void set_knob(struct vp_kbehaviour *b, enum vp_knob knob,
		     unsigned value)
{
	switch (knob) {
	case VP_KNOB_RESERVE_STRUCT_PAGE_SIZE:
		b->reserve_struct_page_size = value & 0xffffu;
		b->struct_page_check = (enum vp_sps_check)(value >> 16);
		break;
	case VP_KNOB_STRUCT_PAGE_CHECK:
		b->struct_page_check = (enum vp_sps_check)value;
		break;
	case VP_KNOB_CROSS_BOUNDARY_TEST:
		b->cross_boundary_test = value;
		break;
	case VP_KNOB_ALIGN_THP_RUNTIME:
		b->align_thp_runtime = value;
		break;
	case VP_KNOB_CROSS_BOUNDARY_OFF_BY_ONE:
		b->cross_boundary_off_by_one = value;
		break;
	case VP_KNOB_ALTMAP_FREE_BOUND_LOOSE:
		b->altmap_free_bound_loose = value;
		break;
	case VP_KNOB_COMPOUND_VMEMMAP:
		b->compound_vmemmap = (enum vp_compound)value;
		break;
	case VP_KNOB_RADIX_OWN_POPULATE:
		b->radix_own_populate = value;
		break;
	case VP_KNOB_RADIX_START_ALIGN:
		b->radix_start_align = (enum vp_radix_align)value;
		break;
	case VP_KNOB_RADIX_PUD_ALIGN:
		b->radix_pud_align = value;
		break;
	case VP_KNOB_RADIX_COMPOUND_VMEMMAP:
		b->radix_compound_vmemmap = value;
		break;
	case VP_KNOB_ENXIO_EXCLUDES_END_TRUNC:
		b->enxio_excludes_end_trunc = value;
		break;
	case VP_KNOB_X86_TABLE_PAGES_ALTMAP:
		b->x86_table_pages_altmap = value;
		break;
	case VP_KNOB_COMPAT_ALIGN_ENFORCED:
		b->compat_align_enforced = value;
		break;
	case VP_KNOB_REGION_ALIGN_16M:
		b->region_align_16m = value;
		break;
	case VP_KNOB_POPULATED_SUBSECTIONS:
		b->populated_subsections = value;
		break;
	case VP_KNOB_ALTMAP_LOOKUP:
		b->altmap_lookup = (enum vp_altmap_lookup)value;
		break;
	case VP_KNOB_DATA_FLOOR_PMD:
		b->data_floor = VP_FLOOR_PMD;
		b->aligns_any_pow2 = false;
		break;
	case VP_KNOB_END_TRUNC_MISALIGNED:
		b->end_trunc_misaligned = value;
		break;
	case VP_KNOB_START_PAD_TO_END:
		b->start_pad_to_end = value;
		break;
	case VP_KNOB_RELEASE_SHORT:
		b->release_short = value;
		break;
	case VP_KNOB_DAX_LABEL_RESERVE:
		b->dax_label_reserve = value;
		break;
	case VP_KNOB_INFO_BLOCK_8K:
		b->info_block_8k = value;
		break;
	case VP_KNOB_ALTMAP_RESERVE_8K_DOWN:
		b->altmap_reserve_8k_down = value;
		break;
	case VP_KNOB_NO_DRAM_FALLBACK:
		b->no_dram_fallback = value;
		break;
	case VP_KNOB_RADIX_VMEMMAP_BASE_PAGE:
		b->radix_vmemmap_base_page = value;
		break;
	case VP_KNOB_PHYSMEM:
		b->physmem = (enum vp_physmem)value;
		break;
	}
}

/* In mainline order; rows of one tag in the order they landed.  Tags
 * marked (I) in docs/kernel-changes.md are inferred from the merge window,
 * not read from a tagged tree. */
static const struct vp_kchange vp_table[] = {
	/* Before 5.3: on the v4.13 baseline (docs/kernel-changes.md), dated
	 * by the 4.12.4 ... 5.3.1 source trees read there; stable releases
	 * from review mails and trees (4.19.13, .37, .48; 4.14.177).  A NULL
	 * commit: dated, not pinned. */
	{
		.commit = "ab1b597ee0e4",
		.subject = "mm, devm_memremap_pages: use multi-order radix for ZONE_DEVICE lookups",
		.effect = "the pgmap that owns a vmemmap block is looked up by pfn over the namespace, not by section: a block starting below the device's first pfn, not its first section, gets no altmap",
		.mainline_major = 4, .mainline_minor = 14,
		.knob = VP_KNOB_ALTMAP_LOOKUP, .value = VP_ALTMAP_BY_PFN,
	},
	{
		.commit = NULL,
		.subject = "libnvdimm, pfn: PMD_SIZE padding and supported_alignments (4.14; commit not pinned)",
		.effect = "map=dev data aligned to max(align, PMD_SIZE) instead of HPAGE_SIZE; --align is PAGE_SIZE or HPAGE_PMD_SIZE (default), not any power of two",
		.mainline_major = 4, .mainline_minor = 14,
		.knob = VP_KNOB_DATA_FLOOR_PMD, .value = 1,
	},
	{
		.commit = "41fce90f2633",
		.subject = "libnvdimm, dax: fix 1GB-aligned namespaces vs physical misalignment",
		.effect = "an end not aligned to --align is cut (end_trunc) down to min(section, align)",
		.mainline_major = 4, .mainline_minor = 15,
		.stable = { { 4, 14, 11 } },
		.knob = VP_KNOB_END_TRUNC_MISALIGNED, .value = 1,
	},
	{
		.commit = "7b73d978a5d0",
		.subject = "mm: pass the vmem_altmap to vmemmap_populate",
		.effect = "vmemmap_populate and vmemmap_free use the altmap they are passed: every block of the hot-add from the altmap, edge blocks too (no lookup by pfn)",
		.mainline_major = 4, .mainline_minor = 16,
		.knob = VP_KNOB_ALTMAP_LOOKUP, .value = VP_ALTMAP_PASSED,
	},
	{
		.commit = NULL,
		.subject = "mm: Fix memory size alignment in devm_memremap_pages_release() (commit not pinned)",
		.effect = "hot-remove removes the sections it added (before: ALIGN(size, section) from the section below the start, one short for some unaligned starts)",
		.mainline_major = 4, .mainline_minor = 16,
		.stable = { { 4, 14, 177 } },
		.knob = VP_KNOB_RELEASE_SHORT, .value = 0,
	},
	{
		.commit = NULL,
		.subject = "powerpc: MAX_PHYSMEM_BITS 47 with SPARSEMEM_VMEMMAP (4.19; commit not pinned)",
		.effect = "book3s64 MAX_PHYSMEM_BITS 46 -> 47",
		.mainline_major = 4, .mainline_minor = 19,
		.knob = VP_KNOB_PHYSMEM, .value = VP_PHYSMEM_47,
	},
	{
		.commit = "9ef34630a461",
		.subject = "powerpc/mm: Fallback to RAM if the altmap is unusable",
		.effect = "a vmemmap block the altmap cannot hold comes from DRAM instead of failing the hot-add with -ENOMEM; vmemmap_free gives a block to the altmap by where it lives",
		.mainline_major = 4, .mainline_minor = 20,
		.stable = { { 4, 19, 37 } },
		.knob = VP_KNOB_NO_DRAM_FALLBACK, .value = 0,
	},
	{
		.commit = "ae86cbfef381",
		.subject = "libnvdimm, pfn: Pad pfn namespaces relative to other regions",
		.effect = "the System RAM test for start_pad covers the namespace to its end (trim_pfn_device); its region-conflict test needs a neighbouring region, which a one-namespace plan does not have",
		.mainline_major = 4, .mainline_minor = 20,
		.stable = { { 4, 14, 177 }, { 4, 19, 13 } },
		.knob = VP_KNOB_START_PAD_TO_END, .value = 1,
	},
	{
		.commit = "4ffe713b7587",
		.subject = "powerpc/mm: Increase the max addressable memory to 2PB",
		.effect = "book3s64 MAX_PHYSMEM_BITS 51 with 64K pages (46 with 4K)",
		.mainline_major = 4, .mainline_minor = 20,
		.knob = VP_KNOB_PHYSMEM, .value = VP_PHYSMEM_51_64K,
	},
	{
		.commit = "07464e88365e",
		.subject = "libnvdimm: Fix altmap reservation size calculation",
		.effect = "the altmap reserves PFN_UP(8 KiB) pages for the info block: one 64K page, which the struct pages no longer overwrite",
		.mainline_major = 5, .mainline_minor = 1,
		.stable = { { 4, 14, 177 }, { 4, 19, 37 } },
		.knob = VP_KNOB_ALTMAP_RESERVE_8K_DOWN, .value = 0,
	},
	{
		.commit = NULL,
		.subject = "libnvdimm/pfn: Remove dax_label_reserve (commit not pinned)",
		.effect = "devdax no longer reserves 128 KiB for labels",
		.mainline_major = 5, .mainline_minor = 1,
		.knob = VP_KNOB_DAX_LABEL_RESERVE, .value = 0,
	},
	{
		.commit = NULL,
		.subject = "libnvdimm/pfn: Account for PAGE_SIZE > info-block-size in nd_pfn_init() (commit not pinned)",
		.effect = "nd_pfn_init counts the info block as ALIGN(8 KiB, PAGE_SIZE): 64 KiB with 64K pages, in the memmap reserve and the data offset",
		.mainline_major = 5, .mainline_minor = 1,
		.knob = VP_KNOB_INFO_BLOCK_8K, .value = 0,
	},
	{
		.commit = "89a3496e0664",
		.subject = "powerpc/mm/radix: Use the right page size for vmemmap mapping",
		.effect = "radix maps the vmemmap with 2 MiB pages instead of PAGE_SIZE ones (part of the v5.3 baseline; backported to older stable lines)",
		.mainline_major = 5, .mainline_minor = 3,
		.stable = { { 4, 14, 146 }, { 4, 19, 75 }, { 5, 2, 17 } },
		.knob = VP_KNOB_RADIX_VMEMMAP_BASE_PAGE, .value = 0,
	},
	/* From 5.3: on the v5.3 baseline. */
	{
		.commit = "e96f0bf2ec92",
		.subject = "libnvdimm/pfn_dev: Add a build check to make sure we notice when struct page size change",
		.effect = "a kernel whose struct page exceeds MAX_STRUCT_PAGE_SIZE (64) no longer builds with the pfn driver (BUILD_BUG_ON); before, map=dev reserved 64 bytes per pfn whatever the struct page",
		.mainline_major = 5, .mainline_minor = 4,
		.knob = VP_KNOB_STRUCT_PAGE_CHECK, .value = VP_SPS_BUILD,
	},
	{
		.commit = "f537669978a7",
		.subject = "libnvdimm/dax: Pick the right alignment default when creating dax devices",
		.effect = "default and allowed --align follow has_transparent_hugepage() at run time: hash 4K and hash without 16M pages get PAGE_SIZE; before, HPAGE_PMD_SIZE (2M, hash 64K 16M) was default and allowed",
		.mainline_major = 5, .mainline_minor = 4,
		.knob = VP_KNOB_ALIGN_THP_RUNTIME, .value = 1,
	},
	{
		.commit = "cf387d9644d8",
		.subject = "libnvdimm/altmap: Track namespace boundaries in altmap",
		.effect = "a vmemmap block that describes pfns outside the device comes from DRAM (altmap_cross_boundary, off by one at the end); before, from the altmap while it had room",
		.mainline_major = 5, .mainline_minor = 4,
		.stable = { { 5, 3, 6 } },
		.knob = VP_KNOB_CROSS_BOUNDARY_TEST, .value = 1,
	},
	{
		.commit = "5f5d6e40a01e",
		.subject = "powerpc/nvdimm: Update vmemmap_populated to check sub-section range",
		.effect = "vmemmap_populated tests every sub-section a vmemmap block describes, not only section starts: a namespace that is not section-aligned no longer maps a block twice, or frees one still in use",
		.mainline_major = 5, .mainline_minor = 5,
		.knob = VP_KNOB_POPULATED_SUBSECTIONS, .value = 1,
	},
	{
		.commit = "6acd7d5ef264",
		.subject = "libnvdimm/namespace: Enforce memremap_compat_align()",
		.effect = "data aligned to max(align, memremap_compat_align()), not max(align, 2 MiB); a start misaligned to it is refused (-EINVAL)",
		.mainline_major = 5, .mainline_minor = 7,
		.knob = VP_KNOB_COMPAT_ALIGN_ENFORCED, .value = 1,
	},
	{
		.commit = "2522afb86a8c",
		.subject = "libnvdimm/region: Introduce an 'align' attribute",
		.effect = "regions hand out namespace sizes in multiples of 16 MiB (x ways), not PAGE_SIZE x ways",
		.mainline_major = 5, .mainline_minor = 7,
		.knob = VP_KNOB_REGION_ALIGN_16M, .value = 1,
	},
	{
		.commit = NULL,
		.subject = "powerpc/mm/book3s: Split radix and hash MAX_PHYSMEM limit (commit not pinned)",
		.effect = "book3s64 MAX_PHYSMEM_BITS 51 with 4K pages too (radix's limit); before, 46 with 4K: hot-add above 64 TiB refused",
		.mainline_major = 5, .mainline_minor = 10,
		.knob = VP_KNOB_PHYSMEM, .value = VP_PHYSMEM_51,
	},
	{
		.commit = "4917f55b4ef9",
		.subject = "mm/sparse-vmemmap: improve memory savings for compound devmaps",
		.effect = "devdax map=mem with an align above PAGE_SIZE maps its memmap with compound pages (2 vmemmap pages per compound page), on every architecture (modelled on x86-64; refused on ppc64)",
		.mainline_major = 5, .mainline_minor = 19,
		.knob = VP_KNOB_COMPOUND_VMEMMAP, .value = VP_COMPOUND_ALL_ARCHES,
	},
	{
		.commit = "6e9f05dc66f9",
		.subject = "libnvdimm/pfn_dev: increase MAX_STRUCT_PAGE_SIZE",
		.effect = "map=dev reserves 128 bytes per pfn (MAX_STRUCT_PAGE_SIZE 64 -> 128, KMSAN series)",
		.mainline_major = 6, .mainline_minor = 1,
		.knob = VP_KNOB_RESERVE_STRUCT_PAGE_SIZE,
		.value = VP_MAX_SPS(128, VP_SPS_BUILD),
	},
	{
		.commit = "c91d71363084",
		.subject = "nvdimm: Support sizeof(struct page) > MAX_STRUCT_PAGE_SIZE",
		.effect = "map=dev reserve back to 64 bytes per pfn (MAX_STRUCT_PAGE_SIZE 128 -> 64); a larger struct page fails map=dev with -EINVAL at run time instead of failing the build",
		.mainline_major = 6, .mainline_minor = 2,
		.stable = { { 6, 1, 12 } },
		.knob = VP_KNOB_RESERVE_STRUCT_PAGE_SIZE,
		.value = VP_MAX_SPS(64, VP_SPS_RUNTIME),
	},
	{
		.commit = "2045a3b8911b",
		.subject = "mm/sparse-vmemmap: generalise vmemmap_populate_hugepages()",
		.effect = "x86-64: a full section whose vmemmap PMD is already a page table gets its base pages from the altmap (was DRAM); only reached when devices share a section",
		.mainline_major = 6, .mainline_minor = 2,
		.knob = VP_KNOB_X86_TABLE_PAGES_ALTMAP, .value = 1,
	},
	{
		.commit = "87a7ae75d738",
		.subject = "mm/vmemmap/devdax: fix kernel crash when probing devdax devices",
		.effect = "compound-page vmemmap only where the architecture opts in: x86-64 does, powerpc does not in 6.1.y",
		.mainline_major = 6, .mainline_minor = 4,
		.stable = { { 6, 1, 184 } },
		.knob = VP_KNOB_COMPOUND_VMEMMAP, .value = VP_COMPOUND_OPT_IN,
	},
	{
		.commit = "c8eebc4a99f1",
		.subject = "powerpc/mm/dax: Fix the condition when checking if altmap vmemap can cross-boundary",
		.effect = "the last vmemmap block of a block-aligned device may use the altmap",
		.mainline_major = 6, .mainline_minor = 5,
		.stable = { { 6, 1, 39 } },
		.knob = VP_KNOB_CROSS_BOUNDARY_OFF_BY_ONE, .value = 0,
	},
	{
		.commit = "6722b2571205",
		.subject = "powerpc/mm/altmap: Fix altmap boundary check",
		.effect = "vmemmap_free recognises altmap blocks by [base_pfn, base_pfn + reserve + free)",
		.mainline_major = 6, .mainline_minor = 5,
		.stable = { { 6, 1, 45 }, { 6, 4, 10 } },
		.knob = VP_KNOB_ALTMAP_FREE_BOUND_LOOSE, .value = 0,
	},
	{
		.commit = "368a0590d954",
		.subject = "powerpc/book3s64/vmemmap: switch radix to use a different vmemmap handling function",
		.effect = "radix maps the vmemmap with 2 MiB PMD leaves and PAGE_SIZE PTE pages, both from the altmap",
		.mainline_major = 6, .mainline_minor = 6,
		.knob = VP_KNOB_RADIX_OWN_POPULATE, .value = 1,
	},
	{
		.commit = "27af67f35631",
		.subject = "powerpc/book3s64/mm: enable transparent pud hugepage",
		.effect = "radix offers --align 1G (HPAGE_PUD_SIZE)",
		.mainline_major = 6, .mainline_minor = 6,
		.knob = VP_KNOB_RADIX_PUD_ALIGN, .value = 1,
	},
	{
		.commit = "f2b79c0d7968",
		.subject = "powerpc/book3s64/radix: add support for vmemmap optimization for radix",
		.effect = "radix devdax map=mem whose compound page memmap exceeds 2 vmemmap pages: 2 DRAM pages per compound page, heads at absolute multiples of the align (modelled with 64K pages)",
		.mainline_major = 6, .mainline_minor = 6,
		.knob = VP_KNOB_RADIX_COMPOUND_VMEMMAP, .value = 1,
	},
	{
		.commit = "e96d9a938e89",
		.subject = "nvdimm/pfn_dev: Prevent the creation of zero-sized namespaces",
		.effect = "-ENXIO when dataoff >= size - end_trunc (was: >= size)",
		.mainline_major = 6, .mainline_minor = 6,
		.knob = VP_KNOB_ENXIO_EXCLUDES_END_TRUNC, .value = 1,
	},
	{
		.commit = "9cf7e13fecba",
		.subject = "book3s64/radix : Align section vmemmap start address to PAGE_SIZE",
		.effect = "radix: a device's first page shared with memory below it comes from DRAM; no PMD leaf at an unaligned start",
		.mainline_major = 6, .mainline_minor = 15,
		.stable = { { 6, 6, 90 }, { 6, 12, 28 } },
		.knob = VP_KNOB_RADIX_START_ALIGN, .value = VP_RADIX_ALIGN_PAGE,
	},
	{
		.commit = "f5164797284d",
		.subject = "book3s64/radix : Optimize vmemmap start alignment",
		.effect = "radix without an altmap (map=mem): PMD leaves again at an unaligned start",
		.mainline_major = 6, .mainline_minor = 17,
		.knob = VP_KNOB_RADIX_START_ALIGN, .value = VP_RADIX_ALIGN_PMD_NO_ALTMAP,
	},
};

/* Rows are forced by bit (struct vp_kernel.forced_on/off). */
_Static_assert(sizeof(vp_table) / sizeof(vp_table[0]) <= 64,
	       "forced_on/forced_off hold one bit per row");

const struct vp_kchange *vp_kchanges(size_t *n)
{
	*n = sizeof(vp_table) / sizeof(vp_table[0]);
	return vp_table;
}

static int kver_cmp3(unsigned a1, unsigned a2, unsigned a3, unsigned b1,
		     unsigned b2, unsigned b3)
{
	if (a1 != b1)
		return a1 < b1 ? -1 : 1;
	if (a2 != b2)
		return a2 < b2 ? -1 : 1;
	if (a3 != b3)
		return a3 < b3 ? -1 : 1;
	return 0;
}

bool vp_kchange_applies(const struct vp_kchange *r, const struct vp_kver *v)
{
	unsigned i;

	if (kver_cmp3(v->major, v->minor, 0, r->mainline_major,
		      r->mainline_minor, 0) >= 0)
		return true;
	for (i = 0; i < 3 && r->stable[i].major; i++)
		if (r->stable[i].major == v->major &&
		    r->stable[i].minor == v->minor &&
		    v->patch >= r->stable[i].patch)
			return true;
	return false;
}

/* Reads 1 to 5 decimal digits; returns the end or NULL. */
static const char *read_num(const char *p, unsigned *out)
{
	unsigned v = 0;
	int n = 0;

	if (p[0] == '0' && p[1] >= '0' && p[1] <= '9')
		return NULL;
	for (; *p >= '0' && *p <= '9'; p++, n++) {
		if (n == 5)
			return NULL;
		v = v * 10 + (unsigned)(*p - '0');
	}
	if (n == 0)
		return NULL;
	*out = v;
	return p;
}

enum vp_kver_status vp_kver_parse(const char *s, struct vp_kver *out)
{
	const char *p = s;
	unsigned extra;

	memset(out, 0, sizeof(*out));
	if (!s || !(p = read_num(p, &out->major)) || *p++ != '.' ||
	    !(p = read_num(p, &out->minor)))
		return VP_KVER_SYNTAX;
	if (*p == '.') {
		if (!(p = read_num(p + 1, &out->patch)))
			return VP_KVER_SYNTAX;
		out->has_patch = true;
		if (*p == '.' && read_num(p + 1, &extra))
			return VP_KVER_FOUR_PARTS;
	}
	if (*p == '-') {
		size_t len = strlen(p + 1);
		const char *c;

		if (len == 0 || len >= sizeof(out->suffix))
			return VP_KVER_SYNTAX;
		for (c = p + 1; *c; c++) {
			if (!((*c >= '0' && *c <= '9') || (*c >= 'a' && *c <= 'z') ||
			      (*c >= 'A' && *c <= 'Z') || *c == '.' || *c == '_' ||
			      *c == '-' || *c == '+' || *c == '~'))
				return VP_KVER_SYNTAX;
		}
		memcpy(out->suffix, p + 1, len + 1);
		return VP_KVER_OK;
	}
	return *p == '\0' ? VP_KVER_OK : VP_KVER_SYNTAX;
}

enum vp_kver_status vp_kernel_resolve(const struct vp_kver *v,
				      struct vp_kernel *out)
{
	/* The powerpc altmap support ("powerpc/vmemmap: Add altmap support")
	 * arrived in v4.13; anything older has no map=dev at all. */
	if (kver_cmp3(v->major, v->minor, 0, VP_KERNEL_OLDEST_MAJOR,
		      VP_KERNEL_OLDEST_MINOR, 0) < 0)
		return VP_KVER_TOO_OLD;
	/* RHEL 8 (and its rebuilds: "4.18.0-553.el8_10.ppc64le") carries the
	 * 5.x nvdimm and sub-section layout: the 8.5 source's pfn_devs.c
	 * aligns to memremap_compat_align() (5.7) and builds the altmap on
	 * sub-sections (wulmx/linux-4.18, docs/kernel-changes.md).  Upstream
	 * 4.18's rules would be wrong for it, and no single row corrects
	 * that. */
	if (v->major == 4 && v->minor == 18 && strstr(v->suffix, "el8"))
		return VP_KVER_NOT_UPSTREAM;
	memset(out, 0, sizeof(*out));
	out->ver = *v;
	vp_kernel_apply(out);
	snprintf(out->name, sizeof(out->name), "%u.%u.%u%s%s", v->major,
		 v->minor, v->patch, v->suffix[0] ? "-" : "", v->suffix);
	if (kver_cmp3(v->major, v->minor, 0, VP_KERNEL_NEWEST_MAJOR,
		      VP_KERNEL_NEWEST_MINOR, 0) > 0)
		snprintf(out->caveat, sizeof(out->caveat),
			 "kernel %u.%u is newer than the newest modelled; modelled as %u.%u",
			 v->major, v->minor, VP_KERNEL_NEWEST_MAJOR,
			 VP_KERNEL_NEWEST_MINOR);
	else if (v->major == 6 && v->minor == 14 && v->has_patch)
		snprintf(out->caveat, sizeof(out->caveat),
			 "9cf7e13fecba reached 6.14.y at a release not recorded here; %s is modelled without it",
			 out->name);
	/* Stable backports bracketed by trees, not pinned to a release
	 * (docs/kernel-changes.md): the releases inside the bracket are
	 * modelled without them. */
	else if (v->major == 4 && v->minor == 14 && v->has_patch &&
		 v->patch < 177)
		snprintf(out->caveat, sizeof(out->caveat),
			 "4.14.y got ae86cbfef381, 07464e88365e and the release-size fix by 4.14.177 at releases not recorded here; %s is modelled without them",
			 out->name);
	else if (v->major == 4 && v->minor == 19 && v->patch >= 14 &&
		 v->patch < 37)
		snprintf(out->caveat, sizeof(out->caveat),
			 "4.19.y got 9ef34630a461 and 07464e88365e between 4.19.14 and 4.19.37 at a release not recorded here; %s is modelled without them",
			 out->name);
	else if (v->major == 4 && v->minor == 19 && v->patch >= 2 &&
		 v->patch < 13)
		snprintf(out->caveat, sizeof(out->caveat),
			 "4.19.y got ae86cbfef381 between 4.19.2 and 4.19.13 at a release not recorded here; %s is modelled without it",
			 out->name);
	else if (v->major == 5 && v->minor == 0 && v->patch >= 2)
		snprintf(out->caveat, sizeof(out->caveat),
			 "07464e88365e (marked for stable) may have reached 5.0.y; %s is modelled without it",
			 out->name);
	return VP_KVER_OK;
}

void vp_kernel_apply(struct vp_kernel *k)
{
	size_t i, n;
	const struct vp_kchange *t = vp_kchanges(&n);

	bool old = before_53(&k->ver);

	k->b = old ? vp_v413_baseline : vp_v53_baseline;
	for (i = 0; i < n; i++) {
		bool on = vp_kchange_applies(&t[i], &k->ver);

		/* Each baseline takes its own family of rows;
		 * vp_kernel_force refuses a row of the other. */
		if (other_family(old, &t[i]))
			continue;

		if (k->forced_on & (1ULL << i))
			on = true;
		if (k->forced_off & (1ULL << i))
			on = false;
		if (on)
			set_knob(&k->b, t[i].knob, t[i].value);
	}
}

int vp_kernel_force(struct vp_kernel *k, const char *commit, bool has,
		    char *msg, size_t len)
{
	size_t i, n, clen = strlen(commit), hit = 0, matches = 0;
	const struct vp_kchange *t = vp_kchanges(&n);

	if (clen < 7 || clen > 12 || strspn(commit, "0123456789abcdef") != clen) {
		snprintf(msg, len, "'%.40s' is not 7 to 12 lowercase hex digits of a commit id",
			 commit);
		return -1;
	}
	for (i = 0; i < n; i++)
		if (t[i].commit && strncmp(t[i].commit, commit, clen) == 0) {
			hit = i;
			matches++;
		}
	if (matches != 1) {
		snprintf(msg, len, "%s of the modelled kernel changes (vmemplan --explain lists them)",
			 matches ? "matches more than one" : "is not one");
		return -1;
	}
	if (force_fits(k, hit, msg, len))
		return -1;
	if (has) {
		k->forced_on |= 1ULL << hit;
		k->forced_off &= ~(1ULL << hit);
	} else {
		k->forced_off |= 1ULL << hit;
		k->forced_on &= ~(1ULL << hit);
	}
	vp_kernel_apply(k);
	return 0;
}

bool vp_kchange_explain(const struct vp_kernel *k, size_t i, char *why,
			size_t len)
{
	size_t n, j;
	const struct vp_kchange *r = &vp_kchanges(&n)[i];
	const struct vp_kver *v = &k->ver;

	if (other_family(before_53(v), r)) {
		if (!before_53(v)) {
			snprintf(why, len, "yes: folded into the v5.3 baseline");
			return true;
		}
		snprintf(why, len, "no: a row of the v5.3 baseline's family (mainline %u.%u)",
			 r->mainline_major, r->mainline_minor);
		return false;
	}
	if (k->forced_on & (1ULL << i)) {
		snprintf(why, len, "yes: --kernel-has");
		return true;
	}
	if (k->forced_off & (1ULL << i)) {
		snprintf(why, len, "no: --kernel-lacks");
		return false;
	}
	if (kver_cmp3(v->major, v->minor, 0, r->mainline_major,
		      r->mainline_minor, 0) >= 0) {
		snprintf(why, len, "yes: in mainline since %u.%u",
			 r->mainline_major, r->mainline_minor);
		return true;
	}
	for (j = 0; j < 3 && r->stable[j].major; j++)
		if (r->stable[j].major == v->major &&
		    r->stable[j].minor == v->minor) {
			bool in = v->patch >= r->stable[j].patch;

			snprintf(why, len, "%s: backported to %u.%u.%u",
				 in ? "yes" : "no", r->stable[j].major,
				 r->stable[j].minor, r->stable[j].patch);
			return in;
		}
	snprintf(why, len, "no: mainline %u.%u, no %u.%u.y backport recorded",
		 r->mainline_major, r->mainline_minor, v->major, v->minor);
	return false;
}

const char *vp_kver_strerror(enum vp_kver_status st)
{
	switch (st) {
	case VP_KVER_OK:
		return "ok";
	case VP_KVER_SYNTAX:
		return "expected MAJOR.MINOR[.PATCH][-SUFFIX], e.g. 6.1.192";
	case VP_KVER_FOUR_PARTS:
		return "four numeric parts; expected MAJOR.MINOR[.PATCH][-SUFFIX]";
	case VP_KVER_NOT_UPSTREAM:
		return "RHEL 8's 4.18 carries the 5.x nvdimm and sub-section layout (its pfn_devs.c aligns to memremap_compat_align, a 5.7 change), so upstream 4.18's rules do not apply and it is not modelled";
	case VP_KVER_TOO_OLD:
		return "powerpc has no vmem_altmap support before 4.13";
	}
	return "invalid";
}
