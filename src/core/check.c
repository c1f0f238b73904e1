// SPDX-License-Identifier: GPL-2.0-only
#include "check.h"

#include "altmap.h"
#include "plan.h"

#define BROKEN(...) vp_fail(err, VP_INTERNAL, 0, NULL, __VA_ARGS__)

static enum vp_status check_device(const struct vp_result *r,
				   const struct vp_device_result *d,
				   struct vp_error *err)
{
	const struct vp_layout *l = &d->layout;
	const struct vp_altmap *a = &d->hotadd.altmap;
	const struct vp_populate_stats *s = &d->populate;
	uint64_t W = r->geom.pfns_per_block, nr = r->geom.block_pfns;
	uint64_t b0 = d->hotadd.start_pfn / W, next = b0, sum = 0;
	uint64_t win_lo = a->base_pfn + a->reserve, win_hi = win_lo + a->free;
	unsigned i;

	if (l->usable_bytes + l->dataoff + l->end_trunc + l->start_pad !=
	    d->size)
		return BROKEN("usable + dataoff + end_trunc + start_pad != size");
	if ((l->npfns << r->arch.page_shift) != l->usable_bytes)
		return BROKEN("sb.npfns does not match the usable bytes");
	if (d->hotadd.has_altmap) {
		if (a->alloc + a->align > a->free)
			return BROKEN("altmap alloc + align > free");
		if (s->altmap_blocks * nr != a->alloc)
			return BROKEN("altmap blocks do not add up to alloc");
	} else if (s->altmap_blocks) {
		return BROKEN("altmap blocks without an altmap");
	}
	/* Every hot-added pfn's struct page is backed exactly once: the
	 * device's runs, plus the blocks it found populated, tile its span. */
	for (i = 0; i < s->nruns; i++) {
		const struct vp_block_run *run = &s->runs[i];

		if (run->first < next)
			return BROKEN("vmemmap runs overlap or are unsorted");
		next = run->first + run->count;
		sum += run->count;
		if (run->backing == VP_BACK_ALTMAP &&
		    (run->phys_pfn < win_lo ||
		     run->phys_pfn + run->count * nr > win_hi))
			return BROKEN("an altmap block lies outside [base_pfn + reserve, + free)");
	}
	if (next > b0 + s->blocks_touched)
		return BROKEN("vmemmap runs extend past the device's blocks");
	if (sum != s->altmap_blocks + s->dram_blocks ||
	    sum + s->skipped_blocks != s->blocks_touched)
		return BROKEN("vmemmap blocks do not cover the device exactly once");
	if (d->after_free.altmap_freed_pfns > a->alloc ||
	    d->after_free.dram_freed_bytes > d->dram_bytes)
		return BROKEN("the removal gives back more than the add took");
	if (d->after_free.alloc + d->after_free.altmap_freed_pfns != a->alloc)
		return BROKEN("altmap alloc after removal does not match what was freed");
	return VP_OK;
}

enum vp_status vp_check(const struct vp_result *r, struct vp_error *err)
{
	uint64_t usable = 0, dram = 0, moved = 0;
	unsigned i;
	enum vp_status s;

	for (i = 0; i < r->ndev; i++) {
		if ((s = check_device(r, &r->dev[i], err)))
			return s;
		usable += r->dev[i].layout.usable_bytes;
		dram += r->dev[i].dram_bytes;
		moved += r->dev[i].altmap_bytes;
	}
	if (usable != r->totals.usable_bytes || dram != r->totals.dram_bytes ||
	    moved != r->totals.moved_to_device_bytes)
		return BROKEN("totals do not add up");
	return VP_OK;
}
