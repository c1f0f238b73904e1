/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The vmem_altmap allocator: how vmemmap blocks are carved out of the
 * device's reserve, and how they are given back.
 */
#ifndef VP_ALTMAP_H
#define VP_ALTMAP_H

#include <stdbool.h>
#include <stdint.h>

#include "layout.h"

/* altmap_alloc_block_buf for a block of nr pfns (its size >> PAGE_SHIFT),
 * padded to nr's natural alignment.  On success sets *pfn to the first pfn
 * handed out and returns true; on failure changes nothing. */
bool vp_altmap_alloc(struct vp_altmap *a, uint64_t nr, uint64_t *pfn);

/* Pfns still free for allocation (vmem_altmap_nr_free). */
uint64_t vp_altmap_room(const struct vp_altmap *a);

/* vmem_altmap_free: alloc -= nr. */
void vp_altmap_free(struct vp_altmap *a, uint64_t nr);

/* vmem_altmap_offset: the pfns the device holds back from data. */
uint64_t vp_altmap_offset(const struct vp_altmap *a);

#endif
