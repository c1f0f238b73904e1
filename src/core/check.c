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
	uint64_t next = 0, sum = 0, alt_pfns = 0;
	uint64_t win_lo = a->base_pfn + a->reserve, win_hi = win_lo + a->free;
	unsigned i;

	if (l->usable_bytes + l->dataoff + l->end_trunc + l->start_pad !=
	    d->size)
		return BROKEN("usable + dataoff + end_trunc + start_pad != size");
	/* Before 5.3 sb.npfns counts 4 KiB units and the end is not always
	 * cut to the alignment (layout.c:nd_pfn_init_sections). */
	if (r->in.kernel.b.section_layout ?
		    (l->npfns << 12) != (l->usable_bytes & ~4095ULL) :
		    (l->npfns << r->arch.page_shift) != l->usable_bytes)
		return BROKEN("sb.npfns does not match the usable bytes");
	if (d->hotadd.has_altmap && a->alloc + a->align > a->free)
		return BROKEN("altmap alloc + align > free");
	/* Every hot-added pfn's struct page is backed exactly once: the
	 * device's runs, plus the blocks it found populated, tile its span. */
	for (i = 0; i < s->nruns; i++) {
		const struct vp_block_run *run = &s->runs[i];

		if (vp_run_lo(run) < next)
			return BROKEN("vmemmap runs overlap or are unsorted");
		next = vp_run_hi(run);
		sum += run->count;
		if (run->backing == VP_BACK_ALTMAP) {
			alt_pfns += run->count * run->nr;
			if (!d->hotadd.has_altmap || run->phys_pfn < win_lo ||
			    run->phys_pfn + run->count * run->nr > win_hi)
				return BROKEN("an altmap block lies outside [base_pfn + reserve, + free)");
		}
	}
	if (d->hotadd.has_altmap && alt_pfns != a->alloc)
		return BROKEN("altmap blocks do not add up to alloc");
	if (sum != s->altmap_blocks + s->dram_blocks + s->altmap_pages +
			   s->dram_pages + s->compound_blocks + s->shared_blocks)
		return BROKEN("vmemmap runs do not add up to the block counts");
	/* unbacked_pfns comes from the machine state, the other two from the
	 * engine's own accounting. */
	if (s->mapped_pfns + s->premapped_pfns + d->unbacked_pfns !=
	    d->hotadd.end_pfn - d->hotadd.start_pfn)
		return BROKEN("the device's struct pages are not backed exactly once");
	/* With several devices a removal may free what another's add
	 * allocated. */
	if (r->ndev == 1 &&
	    (d->after_free.altmap_freed_pfns > a->alloc ||
	     d->after_free.dram_freed_bytes > d->dram_bytes))
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

	bool adds_only = true;

	for (i = 0; i < r->nsteps; i++)
		adds_only &= r->step[i].op == VP_STEP_ADD;
	for (i = 0; i < r->ndev; i++) {
		if ((s = check_device(r, &r->dev[i], err)))
			return s;
		usable += r->dev[i].layout.usable_bytes;
		dram += r->dev[i].dram_bytes;
		moved += r->dev[i].altmap_bytes;
	}
	/* Without removals every device is live after the last add, and the
	 * DRAM in use is what the adds allocated. */
	if (adds_only && r->nsteps == r->ndev &&
	    (usable != r->totals.usable_bytes || dram != r->totals.dram_bytes ||
	     moved != r->totals.moved_to_device_bytes))
		return BROKEN("totals do not add up");
	return VP_OK;
}
