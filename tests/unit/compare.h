/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Field-by-field equality of engine outputs (memcmp would also compare
 * struct padding, which carries no meaning).
 */
#ifndef VP_COMPARE_H
#define VP_COMPARE_H

#include <stdbool.h>
#include <string.h>

#include "plan.h"

static inline bool same_runs(const struct vp_block_run *a, const struct vp_block_run *b,
		      unsigned n)
{
	unsigned i;

	for (i = 0; i < n; i++)
		if (a[i].first != b[i].first || a[i].count != b[i].count ||
		    a[i].unit != b[i].unit || a[i].nr != b[i].nr ||
		    a[i].backing != b[i].backing || a[i].dev != b[i].dev ||
		    (a[i].backing == VP_BACK_ALTMAP &&
		     a[i].phys_pfn != b[i].phys_pfn))
			return false;
	return true;
}

static inline bool same_hotadd(const struct vp_hotadd *a, const struct vp_hotadd *b)
{
	return a->start_pfn == b->start_pfn && a->end_pfn == b->end_pfn &&
	       a->has_altmap == b->has_altmap &&
	       a->compound_pfns == b->compound_pfns &&
	       !memcmp(&a->altmap, &b->altmap, sizeof(a->altmap));
}

static inline bool same_populate(const struct vp_populate_stats *a,
			  const struct vp_populate_stats *b)
{
	return a->blocks_touched == b->blocks_touched &&
	       a->altmap_blocks == b->altmap_blocks &&
	       a->dram_blocks == b->dram_blocks &&
	       a->altmap_pages == b->altmap_pages &&
	       a->dram_pages == b->dram_pages &&
	       a->compound_blocks == b->compound_blocks &&
	       a->shared_blocks == b->shared_blocks &&
	       a->premapped_pfns == b->premapped_pfns &&
	       a->mapped_pfns == b->mapped_pfns &&
	       a->dram_bytes == b->dram_bytes &&
	       a->cross_blocks == b->cross_blocks &&
	       a->fallback_blocks == b->fallback_blocks &&
	       a->skipped_blocks == b->skipped_blocks &&
	       a->first_altmap_pfn == b->first_altmap_pfn &&
	       a->nruns == b->nruns && same_runs(a->runs, b->runs, a->nruns);
}

static inline bool same_free(const struct vp_free_stats *a,
		      const struct vp_free_stats *b)
{
	return !memcmp(a, b, sizeof(*a));	/* all uint64_t: no padding */
}

static inline bool same_state(const struct vp_mem_state *a,
		       const struct vp_mem_state *b)
{
	return a->nvalid == b->nvalid && a->nruns == b->nruns &&
	       !memcmp(a->valid, b->valid, a->nvalid * sizeof(a->valid[0])) &&
	       same_runs(a->runs, b->runs, a->nruns);
}

static inline bool same_device(const struct vp_device_result *a,
			const struct vp_device_result *b)
{
	return a->start == b->start && a->size == b->size &&
	       !memcmp(&a->layout, &b->layout, sizeof(a->layout)) &&
	       same_hotadd(&a->hotadd, &b->hotadd) &&
	       same_populate(&a->populate, &b->populate) &&
	       a->memmap_bytes == b->memmap_bytes &&
	       a->altmap_bytes == b->altmap_bytes &&
	       a->dram_bytes == b->dram_bytes &&
	       a->reserved_pfns == b->reserved_pfns &&
	       a->align_waste_bytes == b->align_waste_bytes &&
	       a->unused_altmap_bytes == b->unused_altmap_bytes &&
	       a->dataoff_pad_bytes == b->dataoff_pad_bytes &&
	       !memcmp(&a->after_free, &b->after_free, sizeof(a->after_free));
}

#endif
