/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Step 1 of a plan: where the namespace puts its info block, its memmap
 * reserve and its data (nd_pfn_init), and the vmem_altmap the driver hands
 * to memremap (__nvdimm_setup_pfn).
 */
#ifndef VP_LAYOUT_H
#define VP_LAYOUT_H

#include <stdbool.h>
#include <stdint.h>

#include "arch.h"
#include "error.h"
#include "input.h"

/* The info block as nd_pfn_init writes it, plus derived sizes. */
struct vp_layout {
	uint64_t align;		/* nd_pfn->align, recorded as sb.align */
	uint64_t data_align;	/* max(align, memremap_compat_align()) */
	uint64_t reserve_npfns;	/* PHYS_PFN(size - 8K): pfns the reserve covers */
	uint64_t page_map_bytes; /* MAX_STRUCT_PAGE_SIZE * reserve_npfns (map=dev) */
	uint64_t dataoff;	/* sb.dataoff */
	uint64_t start_pad;	/* sb.start_pad (0 since v5.x layouts) */
	uint64_t end_trunc;	/* sb.end_trunc */
	uint64_t npfns;		/* sb.npfns: data pfns */
	uint64_t usable_bytes;	/* size - start_pad - end_trunc - dataoff */
};

/* Mirrors struct vmem_altmap (include/linux/memremap.h) field for field. */
struct vp_altmap {
	uint64_t base_pfn;
	uint64_t end_pfn;	/* last pfn of the device (inclusive) */
	uint64_t reserve;
	uint64_t free;
	uint64_t alloc;
	uint64_t align;
	/* Not in struct vmem_altmap: the first pfn of the pgmap's resource,
	 * which 4.14-4.15's pfn-keyed to_vmem_altmap() lookup owns from. */
	uint64_t res_start_pfn;
};

/* The pfn range memremap hot-adds: [start_pfn, end_pfn). */
struct vp_hotadd {
	uint64_t start_pfn;
	uint64_t end_pfn;
	bool has_altmap;
	struct vp_altmap altmap;
	/* pgmap_vmemmap_nr() when the memmap is populated with compound
	 * pages (vmemmap_can_optimize), else 0. */
	uint64_t compound_pfns;
	/* 4.13: where devm_memremap_pages's release stops removing, when
	 * that is before end_pfn (it sizes the range differently); else 0. */
	uint64_t remove_end_pfn;
};

enum vp_status vp_nd_pfn_init(const struct vp_input *in,
			      const struct vp_arch_params *p,
			      struct vp_layout *out, struct vp_error *err);

enum vp_status vp_nvdimm_setup_pfn(const struct vp_input *in,
				   const struct vp_arch_params *p,
				   const struct vp_layout *lay,
				   struct vp_hotadd *out, struct vp_error *err);

#endif
