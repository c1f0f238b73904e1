/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Per architecture, MMU and page size: the constants of the model.
 * Data plus small functions, one per architecture (ppc64, x86_64); each
 * value cites where the kernel sets it.
 */
#ifndef VP_ARCH_H
#define VP_ARCH_H

#include <stdint.h>

#include "error.h"
#include "input.h"

#define VP_MAX_ALIGNS 4

/* Which kernel code path populates the vmemmap. */
enum vp_vmemmap_path {
	VP_PATH_INIT64,	/* arch/powerpc/mm/init_64.c:vmemmap_populate loop */
	VP_PATH_RADIX,	/* book3s64/radix_pgtable.c:radix__vmemmap_populate */
	VP_PATH_X86,	/* arch/x86/mm/init_64.c:vmemmap_populate */
};

struct vp_arch_params {
	unsigned page_shift;
	uint64_t page_size;
	unsigned section_shift;		/* SECTION_SIZE_BITS */
	unsigned subsection_shift;	/* SUBSECTION_SHIFT */
	unsigned struct_page_size;	/* sizeof(struct page) */
	unsigned reserve_struct_page_size; /* MAX_STRUCT_PAGE_SIZE */
	/* The vmemmap mapping size (mmu_vmemmap_psize) the populate loop
	 * steps by. */
	unsigned vmemmap_block_shift;
	enum vp_vmemmap_path path;
	uint64_t compat_align;		/* memremap_compat_align() */
	uint64_t info_block_reserve;	/* nd_info_block_reserve() */
	uint64_t default_align;		/* nd_pfn_default_alignment() */
	/* Before 5.3: what nd_pfn_init aligns map=dev data to at least
	 * (HPAGE_SIZE in 4.13, PMD_SIZE from 4.14); 0 from 5.3 on, where
	 * compat_align is. */
	uint64_t data_floor;
	uint64_t aligns[VP_MAX_ALIGNS];	/* nd_pfn_supported_alignments() */
	unsigned n_aligns;
	/* 4.13: any power of two from PAGE_SIZE to 1 GiB (aligns unused). */
	bool aligns_pow2;
	unsigned max_physmem_bits;	/* MAX_PHYSMEM_BITS */
	/* The architecture selects the option that lets vmemmap_can_optimize()
	 * say yes once 87a7ae75d738 gates it (ARCH_WANT_..._VMEMMAP). */
	bool compound_opt_in;
};

enum vp_status vp_arch_params(const struct vp_input *in,
			      struct vp_arch_params *p, struct vp_error *err);

/* Whether a is in p->aligns. */
int vp_arch_align_supported(const struct vp_arch_params *p, uint64_t a);

#endif
