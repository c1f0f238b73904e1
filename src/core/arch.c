// SPDX-License-Identifier: GPL-2.0-only
/*
 * ppc64 (Book3S-64) and x86-64 constants.  Line numbers refer to Debian's
 * linux-source-6.1 6.1.192-2 ("@6.1") and linux-source-6.12 6.12.117
 * ("@6.12").
 */
#include "arch.h"

#include <errno.h>
#include <string.h>

#define SZ_2M (2ULL << 20)
#define SZ_16M (16ULL << 20)
#define SZ_8K (8ULL << 10)

/*
 * mmu_vmemmap_psize, the step of arch/powerpc/mm/init_64.c:vmemmap_populate.
 * hash: book3s64/hash_utils.c:htab_init_page_sizes @6.1 (lines 823-830):
 *   16M when the CPU has 16M pages and memblock_phys_mem_size() >= 1 GiB,
 *   else mmu_virtual_psize (= PAGE_SIZE; a 64K kernel needs 64K HPTEs).
 * radix: book3s64/radix_pgtable.c:radix__early_init_mmu @6.1 (lines 679-690):
 *   2M when ibm,processor-radix-AP-encodings lists 2M, else mmu_virtual_psize.
 */
static unsigned vmemmap_block_shift(const struct vp_input *in)
{
	/* 4.13 (hash_utils_64.c:htab_init_page_sizes @4.13): without 16M,
	 * 64K when the CPU has 64K HPTEs (every POWER from POWER6), also
	 * under a 4K PAGE_SIZE. */
	if (in->mmu == VP_MMU_HASH)
		return in->plat.hash_16m && in->plat.boot_ram_bytes >= (1ULL << 30) ?
			       24 :
		       in->kernel.b.hash4k_vmemmap_64k ? 16 :
							 in->page_shift;
	/* 4.13 to 5.2: radix__early_init_mmu overwrote the 2M choice of
	 * radix__early_init_devtree with mmu_virtual_psize (fixed by
	 * 89a3496e0664, 5.3: "This resulted in always mapping vmemmap area
	 * with 64K page size", stable copy id 9021190083). */
	if (in->kernel.b.radix_vmemmap_base_page)
		return in->page_shift;
	/* A build without CONFIG_PPC_64S_HASH_MMU skips that assignment and
	 * keeps mmu_vmemmap_psize = MMU_PAGE_4K (book3s64/pgtable.c line 31
	 * @6.1): 4 KiB blocks, smaller than a 64K page (kernel-model.md D3;
	 * from 6.6 radix does not use mmu_vmemmap_psize). */
	if (in->plat.radix_only)
		return 12;
	return in->plat.radix_2m ? 21 : in->page_shift;
}

/*
 * memremap_compat_align(): book3s64/pgtable.c:memremap_compat_align @6.1
 * (line 550): radix SUBSECTION_SIZE; hash max(SUBSECTION_SIZE, linear page).
 * The hash linear page (hash_utils.c:htab_init_page_sizes @6.1, lines
 * 776-791) is 16M when the CPU has 16M pages and neither debug_pagealloc
 * nor KFENCE is on (the kernel text is assumed 16M aligned); otherwise 1M
 * or the base page, both below SUBSECTION_SIZE.
 */
static uint64_t compat_align(const struct vp_input *in)
{
	/* Before 6acd7d5ef264 (5.7) nd_pfn_init aligned the data to
	 * max(align, SUBSECTION_SIZE) and memremap_compat_align() did not
	 * exist. */
	if (!in->kernel.b.compat_align_enforced)
		return SZ_2M;
	if (in->mmu == VP_MMU_HASH && in->plat.hash_16m && !in->plat.kfence)
		return SZ_16M;
	return SZ_2M;
}

/*
 * has_transparent_hugepage() and HPAGE_PMD_SIZE, which decide
 * drivers/nvdimm/pfn_devs.c:nd_pfn_default_alignment and
 * nd_pfn_supported_alignments @6.1 (lines 96-120):
 *   radix: radix__has_transparent_hugepage() = 2M page size present;
 *          PMD_SIZE 2M for 4K (RADIX_PTE_INDEX_SIZE 9) and 64K (5) pages.
 *   hash:  book3s64/hash_pgtable.c:hash__has_transparent_hugepage @6.1
 *          (line 370): needs 16M pages and PMD_SHIFT == 24, true for 64K
 *          pages only (H_PTE_INDEX_SIZE 8 -> 16M PMD); 4K hash has no THP.
 * powerpc 6.1 does not select HAVE_ARCH_TRANSPARENT_HUGEPAGE_PUD, so there
 * is no PUD entry.
 */
/*
 * has_transparent_pud_hugepage() (asm/book3s/64/pgtable.h line 1126 @6.12):
 * from 27af67f35631 (6.6) radix offers HPAGE_PUD_SIZE = 1 GiB when the CPU
 * has 1G pages (radix.h:radix__has_transparent_pud_hugepage, line 309);
 * hash never does.
 */
static uint64_t thp_pud_size(const struct vp_input *in)
{
	if (in->mmu == VP_MMU_RADIX && in->kernel.b.radix_pud_align &&
	    in->plat.radix_2m && in->plat.radix_1g)
		return 1ULL << 30;
	return 0;
}

static uint64_t thp_pmd_size(const struct vp_input *in)
{
	/* Before f537669978a7 (5.4): HPAGE_PMD_SIZE by configuration alone,
	 * 1 << PMD_SHIFT = PAGE_SHIFT + PTE_INDEX_SIZE: hash 64K 16M (8),
	 * hash 4K 2M (9), radix 2M (5 and 9). */
	if (!in->kernel.b.align_thp_runtime)
		return in->mmu == VP_MMU_HASH && in->page_shift == 16 ? SZ_16M :
									SZ_2M;
	if (in->mmu == VP_MMU_RADIX)
		return in->plat.radix_2m ? SZ_2M : 0;
	if (in->plat.hash_16m && in->page_shift == 16)
		return SZ_16M;
	return 0;
}

/* What both architectures share. */
static void common_params(const struct vp_input *in, struct vp_arch_params *p)
{
	p->page_shift = in->page_shift;
	p->page_size = 1ULL << in->page_shift;
	/* include/linux/mmzone.h @6.1: SUBSECTION_SHIFT 21. */
	p->subsection_shift = 21;
	/* sizeof(struct page): 64 on production 64-bit configs (kernel-model
	 * D8); debug options (KMSAN) make it larger, slimmer configs 56. */
	p->struct_page_size = in->struct_page_size ? in->struct_page_size : 64;
	/* drivers/nvdimm/nd.h: MAX_STRUCT_PAGE_SIZE, per kernel version. */
	p->reserve_struct_page_size = in->kernel.b.reserve_struct_page_size;
	/* drivers/nvdimm/nd.h:nd_info_block_reserve @6.1 (line 481):
	 * ALIGN(SZ_8K, PAGE_SIZE). */
	p->info_block_reserve = (SZ_8K + p->page_size - 1) & ~(p->page_size - 1);
}

/* drivers/nvdimm/pfn_devs.c:nd_pfn_supported_alignments and
 * nd_pfn_default_alignment @6.1 (lines 96-120): PAGE_SIZE, then the THP
 * PMD size if any, then the PUD size if any; the default is the PMD size
 * when there is one. */
static void set_aligns(struct vp_arch_params *p, uint64_t pmd, uint64_t pud)
{
	p->aligns[p->n_aligns++] = p->page_size;
	if (pmd)
		p->aligns[p->n_aligns++] = pmd;
	if (pmd && pud)
		p->aligns[p->n_aligns++] = pud;
	p->default_align = pmd ? pmd : p->page_size;
}

/*
 * book3s64 MAX_PHYSMEM_BITS (vp_kbehaviour.physmem), with the
 * SPARSEMEM_VMEMMAP and SPARSEMEM_EXTREME of every distribution config:
 *   46 (asm/sparsemem.h @4.13.4 ... @4.18); 47 (@4.19.1);
 *   51 with 64K pages, 46 with 4K (asm/mmu.h @4.20 ... @5.3.1);
 *   51 with both from "powerpc/mm/book3s: Split radix and hash
 *   MAX_PHYSMEM limit" (5.10): max(H_, R_MAX_PHYSMEM_BITS), R_ = 51
 *   (asm/book3s/64/pgtable.h line 287, radix.h line 111 @6.1).
 */
static unsigned physmem_bits(const struct vp_input *in)
{
	switch (in->kernel.b.physmem) {
	case VP_PHYSMEM_46:
		return 46;
	case VP_PHYSMEM_47:
		return 47;
	case VP_PHYSMEM_51_64K:
		return in->page_shift == 16 ? 51 : 46;
	case VP_PHYSMEM_51:
		break;
	}
	return 51;
}

/*
 * Before 5.3 (kernel.h section_layout, the v4.13 baseline and its rows):
 * - no sub-sections: hot-add and pfn_valid() work in sections, so the
 *   sub-section is the section here;
 * - the altmap's info-block reserve is PHYS_PFN(SZ_8K) pages until
 *   07464e88365e (pfn_devs.c:init_altmap_reserve @4.13.4): 2 with 4K
 *   pages, 0 with 64K; PFN_UP(SZ_8K) after (@4.19.37), then
 *   info_block_reserve() (@5.1.0), the same value;
 * - the map=dev data floor: HPAGE_SIZE in 4.13, the default huge page
 *   (hugetlbpage.c:hugetlbpage_init @4.13.4): 16M on hash with 16M pages,
 *   2M on radix, 1 byte on hash without 16M pages (HPAGE_SHIFT left 0;
 *   kernel-model.md D15 said 1 MiB); PMD_SIZE from 4.14 (pfn_devs.c
 *   @4.14.5): 1 << (PAGE_SHIFT + PTE_INDEX_SIZE), 16M on hash 64K, 2M on
 *   hash 4K and radix;
 * - --align: 4.13 any power of two from PAGE_SIZE to 1 GiB, default
 *   HPAGE_SIZE (pfn_devs.c:__align_store, nd_pfn_devinit @4.13.4); from
 *   4.14 PAGE_SIZE and HPAGE_PMD_SIZE by configuration, default
 *   HPAGE_PMD_SIZE (nd_pfn_supported_alignments, PFN_DEFAULT_ALIGNMENT
 *   @4.14.5), as ppc64_params sets them without f537669978a7;
 * - MAX_PHYSMEM_BITS: see physmem_bits().
 */
static enum vp_status pre53_params(const struct vp_input *in,
				   struct vp_arch_params *p,
				   struct vp_error *err)
{
	const struct vp_kbehaviour *b = &in->kernel.b;

	if (b->aligns_any_pow2 && in->mmu == VP_MMU_HASH &&
	    !in->plat.hash_16m && !in->align)
		return vp_fail(err, VP_UNSUPPORTED, 0, NULL,
			       "kernel %s on hash without 16M pages has HPAGE_SIZE = 1 byte (hugetlbpage_init leaves HPAGE_SHIFT 0), so the default align is 1 and the data offset is not page-aligned; give --align (a power of two from PAGE_SIZE to 1 GiB)",
			       in->kernel.name);
	if (in->plat.radix_only)
		return vp_fail(err, VP_BADINPUT, 0, NULL,
			       "--radix-only: kernel %s always builds the hash MMU (CONFIG_PPC_64S_HASH_MMU is 5.17's)",
			       in->kernel.name);
	if (p->struct_page_size != 64)
		return vp_fail(err, VP_UNSUPPORTED, 0, NULL,
			       "%u-byte struct pages on kernel %s are not modelled (its reserve is a literal 64 * npfns)",
			       p->struct_page_size, in->kernel.name);
	p->subsection_shift = p->section_shift;
	if (b->altmap_reserve_8k_down)
		p->info_block_reserve = (SZ_8K >> p->page_shift) << p->page_shift;
	if (b->data_floor == VP_FLOOR_HPAGE)
		p->data_floor = in->mmu == VP_MMU_RADIX ? SZ_2M :
				in->plat.hash_16m ? SZ_16M : 1;
	else
		p->data_floor = in->mmu == VP_MMU_HASH && in->page_shift == 16 ?
					SZ_16M : SZ_2M;
	if (b->aligns_any_pow2) {
		p->default_align = p->data_floor;
		p->aligns_pow2 = true;
	}
	return VP_OK;
}

static enum vp_status ppc64_params(const struct vp_input *in,
				   struct vp_arch_params *p,
				   struct vp_error *err)
{
	if (in->mmu == VP_MMU_HASH && in->plat.radix_only)
		return vp_fail(err, VP_BADINPUT, 0, NULL,
			       "a kernel built without CONFIG_PPC_64S_HASH_MMU (--radix-only) has no hash MMU");
	if (in->page_shift != 12 && in->page_shift != 16)
		return vp_fail(err, VP_UNSUPPORTED, 0, NULL,
			       "page size 2^%u is not modelled; ppc64 has 4K and 64K",
			       in->page_shift);
	common_params(in, p);
	/* arch/powerpc/include/asm/sparsemem.h @6.1: SECTION_SIZE_BITS 24. */
	p->section_shift = 24;
	p->vmemmap_block_shift = vmemmap_block_shift(in);
	/* arch/powerpc/mm/init_64.c:vmemmap_populate @6.12 (line 276): radix
	 * goes to radix__vmemmap_populate from 368a0590d954 (6.6) on, where
	 * it maps with PMD leaves or PTE pages per address; hash (and radix
	 * before 6.6) runs the init_64.c loop. */
	p->path = in->mmu == VP_MMU_RADIX && in->kernel.b.radix_own_populate ?
			  VP_PATH_RADIX :
			  VP_PATH_INIT64;
	p->compat_align = compat_align(in);
	set_aligns(p, thp_pmd_size(in), thp_pud_size(in));
	p->max_physmem_bits = physmem_bits(in);
	/* powerpc selects no ARCH_WANT_*_VMEMMAP option in 6.1 (arch/powerpc/
	 * Kconfig @6.1); radix opts in from 6.6 through its own
	 * vmemmap_can_optimize (kernel row f2b79c0d7968). */
	p->compound_opt_in = false;
	if (in->kernel.b.section_layout)
		return pre53_params(in, p, err);
	return VP_OK;
}

/*
 * x86-64 (kernel-model.md §8), 4K pages only.
 * - arch/x86/include/asm/sparsemem.h @6.1 (lines 28-29): SECTION_SIZE_BITS
 *   27 (128 MiB sections, whose memmap is one 2 MiB PMD of vmemmap) and
 *   MAX_PHYSMEM_BITS pgtable_l5_enabled() ? 52 : 46.
 * - memremap_compat_align(): x86 does not select
 *   ARCH_HAS_MEMREMAP_COMPAT_ALIGN, so mm/memremap.c's generic one returns
 *   SUBSECTION_SIZE (2 MiB).
 * - aligns: has_transparent_hugepage() is boot_cpu_has(X86_FEATURE_PSE)
 *   (arch/x86/include/asm/pgtable.h line 325 @6.12), HPAGE_PMD_SIZE 2 MiB;
 *   1 GiB from CONFIG_HAVE_ARCH_TRANSPARENT_HUGEPAGE_PUD, which x86-64
 *   selects (arch/x86/Kconfig line 187 @6.1, 204 @6.12; pfn_devs.c tests
 *   IS_ENABLED() of it @6.1, has_transparent_pud_hugepage() = IS_BUILTIN()
 *   of it @6.12, include/linux/pgtable.h line 1877).
 * - compound pages: x86-64 selects ARCH_WANT_HUGETLB_PAGE_OPTIMIZE_VMEMMAP
 *   (arch/x86/Kconfig line 128 @6.1), the gate of vmemmap_can_optimize
 *   there (include/linux/mm.h line 3410 @6.1), and ARCH_WANT_OPTIMIZE_DAX_
 *   VMEMMAP (line 143 @6.12, include/linux/mm.h line 3941 @6.12).
 */
static enum vp_status x86_64_params(const struct vp_input *in,
				    struct vp_arch_params *p,
				    struct vp_error *err)
{
	if (in->page_shift != 12)
		return vp_fail(err, VP_BADINPUT, 0, NULL,
			       "page size 2^%u does not exist on x86_64, which has 4K base pages",
			       in->page_shift);
	if (in->kernel.b.section_layout)
		return vp_fail(err, VP_UNSUPPORTED, 0, NULL,
			       "kernel %s is modelled on ppc64 only; x86_64 from 5.3",
			       in->kernel.name);
	common_params(in, p);
	p->section_shift = 27;
	/* One PMD of vmemmap: vmemmap_populate_hugepages steps by PMD_SIZE. */
	p->vmemmap_block_shift = 21;
	p->path = VP_PATH_X86;
	p->compat_align = SZ_2M;
	set_aligns(p, SZ_2M, 1ULL << 30);
	p->max_physmem_bits = in->plat.la57 ? 52 : 46;
	p->compound_opt_in = true;
	return VP_OK;
}

enum vp_status vp_arch_params(const struct vp_input *in,
			      struct vp_arch_params *p, struct vp_error *err)
{
	enum vp_status s;

	memset(p, 0, sizeof(*p));
	s = in->arch == VP_ARCH_X86_64 ? x86_64_params(in, p, err) :
					 ppc64_params(in, p, err);
	if (s)
		return s;
	/* drivers/nvdimm/pfn_devs.c:nd_pfn_init, e96f0bf2ec92 (5.4) until
	 * c91d71363084 (6.2, 6.1.12): BUILD_BUG_ON(sizeof(struct page) >
	 * MAX_STRUCT_PAGE_SIZE) -- such a kernel does not build with the
	 * pfn driver (patch texts ids 12259940870, 5926458290). */
	if (p->struct_page_size > p->reserve_struct_page_size &&
	    in->kernel.b.struct_page_check == VP_SPS_BUILD)
		return vp_fail(err, VP_BADINPUT, 0,
			       "drivers/nvdimm/pfn_devs.c:nd_pfn_init",
			       "kernel %s with %u-byte struct pages does not build with the NVDIMM pfn driver: BUILD_BUG_ON(sizeof(struct page) > MAX_STRUCT_PAGE_SIZE), which is %u there (e96f0bf2ec92; a run-time check from c91d71363084, 6.2 and 6.1.12)",
			       in->kernel.name, p->struct_page_size,
			       p->reserve_struct_page_size);
	return VP_OK;
}

int vp_arch_align_supported(const struct vp_arch_params *p, uint64_t a)
{
	unsigned i;

	if (p->aligns_pow2)
		return a >= p->page_size && a <= (1ULL << 30) && !(a & (a - 1));

	for (i = 0; i < p->n_aligns; i++)
		if (p->aligns[i] == a)
			return 1;
	return 0;
}
