// SPDX-License-Identifier: GPL-2.0-only
/*
 * mm/sparse-vmemmap.c @6.1 (lines 91-131): vmem_altmap_next_pfn,
 * vmem_altmap_nr_free, altmap_alloc_block_buf; mm/memremap.c @6.1
 * (lines 425-437): vmem_altmap_offset, vmem_altmap_free.
 */
#include "altmap.h"

/* next = base_pfn + reserve + alloc + align */
static uint64_t next_pfn(const struct vp_altmap *a)
{
	return a->base_pfn + a->reserve + a->alloc + a->align;
}

uint64_t vp_altmap_room(const struct vp_altmap *a)
{
	uint64_t used = a->alloc + a->align;

	return a->free > used ? a->free - used : 0;
}

/* nr_align = 1 << __ffs(nr); pad = ALIGN(next, nr_align) - next. */
static uint64_t pad_for(const struct vp_altmap *a, uint64_t nr)
{
	uint64_t natural = nr & -nr, next = next_pfn(a);

	return ((next + natural - 1) & ~(natural - 1)) - next;
}

bool vp_altmap_alloc(struct vp_altmap *a, uint64_t nr, uint64_t *pfn)
{
	uint64_t pad = pad_for(a, nr);

	if (nr == 0 || nr + pad > vp_altmap_room(a))
		return false;
	*pfn = next_pfn(a) + pad;
	a->alloc += nr;
	a->align += pad;
	return true;
}

void vp_altmap_free(struct vp_altmap *a, uint64_t nr)
{
	a->alloc -= nr;
}

uint64_t vp_altmap_offset(const struct vp_altmap *a)
{
	return a->reserve + a->free;
}
