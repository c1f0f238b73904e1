// SPDX-License-Identifier: GPL-2.0-only
/*
 * The arch/powerpc/mm/init_64.c vmemmap loop, and the free path both
 * populate paths share.  Line numbers refer to Debian's linux-source-6.1
 * 6.1.192-2 ("@6.1"); the hash path of 6.12 (init_64.c:__vmemmap_populate,
 * linux-source-6.12 6.12.117) is the same text.
 *
 * The kernel loop being replayed (mm/memory_hotplug.c:__add_pages @6.1,
 * lines 302-345; mm/sparse.c:sparse_add_section/section_activate @6.1,
 * lines 829-915; arch/powerpc/mm/init_64.c:vmemmap_populate @6.1, line 201):
 *
 *   for each chunk [pfn, pfn + cur) of the range, cut at section boundaries:
 *     set the chunk's sub-section bits (section_activate)
 *     for each block a = ALIGN_DOWN(vmemmap(pfn), B) .. < vmemmap(pfn + cur):
 *       if vmemmap_populated(a, B): continue
 *       if altmap && !altmap_cross_boundary(altmap, a, B):
 *         p = altmap_alloc_block_buf(B)      (may fail: the altmap is full)
 *       if !p: p = DRAM block of order get_order(B)
 *     mark the section valid (sparse_init_one_section)
 *
 * vmemmap_populated (init_64.c line 95) asks pfn_valid() of every sub-section
 * the block describes; pfn_valid (include/linux/mmzone.h line 1840) is true
 * for a pfn whose section is valid and whose sub-section bit is set.  So a
 * chunk's own bits count only when its section was already valid before it
 * (another namespace shares the section): then its blocks look populated
 * and are skipped (kernel-model.md D9).
 *
 * Before 5f5d6e40a01e (5.5) vmemmap_populated asked pfn_valid() of section
 * starts only.  A namespace that starts inside a section then finds, at
 * its second chunk, the block it mapped at its first one "not populated"
 * (the first section's start pfn is not its own, the second section is
 * not valid yet) and maps it again, leaking the first copy.  That is not
 * replayed: mapped_twice() refuses it, naming the block.
 */
#include "vmemmap.h"

#include <errno.h>
#include <string.h>

#include "altmap.h"

#define INIT64 "arch/powerpc/mm/init_64.c:vmemmap_populate"
#define SZ_2M (2ULL << 20)

void vp_vmemmap_geom(const struct vp_arch_params *p, struct vp_vmemmap_geom *g)
{
	unsigned order = 0;

	memset(g, 0, sizeof(*g));
	g->path = p->path;
	g->page_shift = p->page_shift;
	g->block_bytes = 1ULL << p->vmemmap_block_shift;
	g->pfns_per_block = g->block_bytes / p->struct_page_size;
	g->block_pfns = g->block_bytes >> p->page_shift;
	/* mm/sparse-vmemmap.c:vmemmap_alloc_block @6.1 (line 49):
	 * alloc_pages_node(node, gfp, get_order(size)). */
	while ((p->page_size << order) < g->block_bytes)
		order++;
	g->dram_block_bytes = p->page_size << order;
	/* Radix: PMD_SIZE is 2 MiB with 4K and 64K pages
	 * (asm/book3s/64/radix-4k.h, radix-64k.h). */
	g->pmd_pfns = SZ_2M / p->struct_page_size;
	g->pmd_nr = SZ_2M >> p->page_shift;
	g->pte_pfns = p->page_size / p->struct_page_size;
	g->section_pfns = 1ULL << (p->section_shift - p->page_shift);
	g->subsection_pfns = 1ULL << (p->subsection_shift - p->page_shift);
}

/*
 * arch/powerpc/mm/init_64.c:altmap_cross_boundary @6.1 (line 186), with
 * start_pfn = the pfn the block's first struct page describes, nr_pfn = n:
 *   6.1.39+ (c8eebc4a99f1): start_pfn + nr_pfn - 1 > end_pfn || start_pfn < base_pfn
 *   6.1.0-6.1.38:           start_pfn + nr_pfn     > end_pfn || start_pfn < base_pfn
 */
bool vp_altmap_cross_boundary(const struct vp_kbehaviour *kb,
			      const struct vp_altmap *a, uint64_t start_pfn,
			      uint64_t n)
{
	/* 4.13-4.15: no such test, but the altmap is the one of the pgmap
	 * that owns the block's first struct page (init_64.c:vmemmap_populate
	 * @4.13.4: to_vmem_altmap(SECTION_ALIGN_DOWN(start)), which leaves a
	 * block-aligned vmemmap address as it is).  kernel/memremap.c:
	 * find_dev_pagemap keys the pgmaps by section in 4.13 (a block that
	 * starts below the device's first section, base_pfn, gets none) and
	 * by pfn over the resource from ab1b597ee0e4 (4.14: below its first
	 * pfn).  One device: nothing else owns those pfns. */
	if (kb->altmap_lookup == VP_ALTMAP_BY_SECTION)
		return start_pfn < a->base_pfn;
	if (kb->altmap_lookup == VP_ALTMAP_BY_PFN)
		return start_pfn < a->res_start_pfn;
	/* Before cf387d9644d8 (5.4, 5.3.6) there is no such test. */
	if (!kb->cross_boundary_test)
		return false;
	if (kb->cross_boundary_off_by_one ? start_pfn + n > a->end_pfn :
					    start_pfn + n - 1 > a->end_pfn)
		return true;
	return start_pfn < a->base_pfn;
}

/* The blocks [*lo, *hi) of W pfns that do NOT cross (see above): block c
 * crosses at the top when (c+1)W - 1 > end_pfn, i.e. (c+1)W >= end_pfn + 2
 * (off by one: >= end_pfn + 1), and at the bottom when cW < base_pfn. */
static void no_cross_window(const struct vp_kbehaviour *kb,
			    const struct vp_altmap *a, uint64_t W,
			    uint64_t *lo, uint64_t *hi)
{
	uint64_t top = a->end_pfn + (kb->cross_boundary_off_by_one ? 1 : 2);

	if (kb->altmap_lookup != VP_ALTMAP_PASSED) {	/* see above */
		*lo = vp_div_up(kb->altmap_lookup == VP_ALTMAP_BY_SECTION ?
					a->base_pfn : a->res_start_pfn,
				W);
		*hi = UINT64_MAX;
		return;
	}
	if (!kb->cross_boundary_test) {
		*lo = 0;
		*hi = UINT64_MAX;
		return;
	}
	*lo = vp_div_up(a->base_pfn, W);
	*hi = vp_div_up(top, W) - 1;
	if (*hi < *lo)
		*hi = *lo;
}

enum vp_status vp_populate_record(struct vp_mem_state *st,
				  struct vp_populate_stats *out,
				  const struct vp_hotadd *h,
				  const struct vp_block_run *r,
				  enum vp_rec_kind kind, unsigned page_shift,
				  struct vp_error *err)
{
	bool alt = r->backing == VP_BACK_ALTMAP;
	uint64_t lo = vp_run_lo(r), hi = vp_run_hi(r);
	enum vp_status s;

	if (r->count == 0)
		return VP_OK;
	switch (kind) {
	case VP_REC_BLOCK:
		*(alt ? &out->altmap_blocks : &out->dram_blocks) += r->count;
		break;
	case VP_REC_PAGE:
		*(alt ? &out->altmap_pages : &out->dram_pages) += r->count;
		break;
	case VP_REC_COMPOUND:
		out->compound_blocks += r->count;
		break;
	case VP_REC_SHARED:
		out->shared_blocks += r->count;
		break;
	}
	if (alt && out->first_altmap_pfn == UINT64_MAX)
		out->first_altmap_pfn = r->phys_pfn;
	if (!alt)
		out->dram_bytes += (r->count * r->nr) << page_shift;
	if (lo < h->start_pfn)
		lo = h->start_pfn;
	if (hi > h->end_pfn)
		hi = h->end_pfn;
	if (hi > lo)	/* a page describing only pfns outside the device */
		out->mapped_pfns += hi - lo;
	if ((s = vp_state_add_run(st, r, err)))
		return s;
	return vp_runs_append(out->runs, &out->nruns, VP_MAX_DEV_RUNS, r, err);
}

enum vp_pmd_state vp_pmd_state(const struct vp_mem_state *st, uint64_t W,
			       uint64_t m)
{
	int i = vp_state_next(st, m * W);

	if (i < 0 || vp_run_lo(&st->runs[i]) >= (m + 1) * W)
		return VP_PMD_NONE;
	/* A leaf is a run of PMD-sized blocks; compound-page runs (unit n,
	 * 2 or 0 pages each) map with PTEs even when n >= W (4K pages, 1G). */
	return st->runs[i].unit == W && st->runs[i].nr > 2 ? VP_PMD_LEAF :
							     VP_PMD_TABLE;
}

uint64_t vp_untouched_pmds(const struct vp_populate_stats *o, uint64_t W,
			   uint64_t P0, uint64_t P1)
{
	uint64_t touched = vp_div_up(P1, W) - P0 / W, got = 0, last = UINT64_MAX;
	unsigned i;

	for (i = 0; i < o->nruns; i++) {
		uint64_t a = vp_run_lo(&o->runs[i]) / W;
		uint64_t b = vp_div_up(vp_run_hi(&o->runs[i]), W);

		if (a < P0 / W)
			a = P0 / W;
		if (b > vp_div_up(P1, W))
			b = vp_div_up(P1, W);
		if (last != UINT64_MAX && a < last)
			a = last;
		if (b > a)
			got += b - a;
		if (b > last || last == UINT64_MAX)
			last = b;
	}
	return touched - got;
}

/* ---- the init_64.c loop ------------------------------------------------ */

/*
 * The valid set as init_64.c:vmemmap_populated sees it: every sub-section
 * from 5f5d6e40a01e (5.5; @6.1 lines 95-115), section starts before it
 * (@5.4: "for (; start < end; start += PAGES_PER_SECTION * sizeof(struct
 * page)) if (pfn_valid(...))" from vmemmap_section_start(start)).
 */
static void populated_view(const struct vp_kbehaviour *kb, uint64_t S,
			   const struct vp_mem_state *st,
			   struct vp_mem_state *view)
{
	if (view != st) {
		view->nvalid = st->nvalid;
		memcpy(view->valid, st->valid,
		       st->nvalid * sizeof(st->valid[0]));
	}
	if (!kb->populated_subsections)
		vp_valid_section_starts(view->valid, view->nvalid, S,
					view->valid, &view->nvalid);
}

/* The kernel would map block c (of W pfns) although a run maps it
 * already: only with the section-granular vmemmap_populated (see top). */
static enum vp_status mapped_twice(const struct vp_populate_ctx *x,
				   uint64_t c, struct vp_error *err)
{
	uint64_t W = x->g->pfns_per_block;

	return vp_fail(err, VP_UNSUPPORTED, 0, INIT64,
		       "the kernel maps the vmemmap block of pfns %#llx-%#llx a second time and leaks the first copy: before 5f5d6e40a01e (5.5) vmemmap_populated asks only about the section-start pfns the block describes, and none of them is valid yet; a double mapping is not replayed (namespaces on section boundaries, %llu MiB, avoid it)",
		       (unsigned long long)(c * W),
		       (unsigned long long)(c * W + W - 1),
		       (unsigned long long)((x->g->section_pfns <<
					     x->g->page_shift) >> 20));
}

/* vmemmap_populated() for block c of W pfns. */
static bool block_populated(const struct vp_populate_ctx *x, uint64_t c)
{
	struct vp_mem_state view;
	uint64_t W = x->g->pfns_per_block;

	populated_view(x->kb, x->g->section_pfns, x->st, &view);
	return vp_valid_intersects(&view, c * W, c * W + W);
}

static enum vp_status record(struct vp_populate_ctx *x, uint64_t c, uint64_t n,
			     enum vp_backing b, uint64_t phys,
			     struct vp_error *err)
{
	struct vp_block_run r = { .first = c, .count = n,
				  .unit = x->g->pfns_per_block,
				  .nr = x->g->dram_block_bytes >> x->g->page_shift,
				  .backing = b, .phys_pfn = phys, .dev = x->dev };

	return vp_populate_record(x->st, x->out, x->h, &r, VP_REC_BLOCK,
				  x->g->page_shift, err);
}

/* Before 9ef34630a461 (4.20): no DRAM fallback (init_64.c:vmemmap_populate
 * @4.13.4, @4.16.13 returns -ENOMEM when the altmap allocation fails, and
 * mm/memory_hotplug.c:__add_pages passes it up: the probe fails). */
static enum vp_status altmap_exhausted(const struct vp_populate_ctx *x,
				       uint64_t c, struct vp_error *err)
{
	const struct vp_altmap *a = &x->h->altmap;
	uint64_t W = x->g->pfns_per_block, nr = x->g->block_pfns;
	uint64_t next = a->base_pfn + a->reserve + a->alloc + a->align;
	/* vmem_altmap_alloc pads to the request's lowest set bit. */
	uint64_t low = nr & -nr, pad = nr ? (low - next % low) % low : 0;

	return vp_fail(err, VP_REFUSED, ENOMEM, INIT64,
		       "the altmap cannot hold the vmemmap block of pfns %#llx-%#llx (%llu pfns + %llu padding asked, %llu of %llu free left after alloc %llu and align %llu) and this kernel has no DRAM fallback (9ef34630a461): the hot-add fails with -ENOMEM",
		       (unsigned long long)(c * W),
		       (unsigned long long)(c * W + W - 1),
		       (unsigned long long)nr, (unsigned long long)pad,
		       (unsigned long long)vp_altmap_room(a),
		       (unsigned long long)a->free,
		       (unsigned long long)a->alloc,
		       (unsigned long long)a->align);
}

/* One block, literally as init_64.c:vmemmap_populate does it. */
static enum vp_status populate_one(struct vp_populate_ctx *x, uint64_t c,
				   struct vp_error *err)
{
	struct vp_hotadd *h = x->h;
	uint64_t W = x->g->pfns_per_block, pfn;

	if (!h->has_altmap)
		return record(x, c, 1, VP_BACK_DRAM, 0, err);
	if (vp_altmap_cross_boundary(x->kb, &h->altmap, c * W, W)) {
		x->out->cross_blocks++;
		return record(x, c, 1, VP_BACK_DRAM, 0, err);
	}
	/* altmap_alloc_block_buf refuses sizes that are not a multiple of
	 * PAGE_SIZE (mm/sparse-vmemmap.c line 111). */
	if (x->g->block_pfns && vp_altmap_alloc(&h->altmap, x->g->block_pfns,
						&pfn))
		return record(x, c, 1, VP_BACK_ALTMAP, pfn, err);
	if (x->kb->no_dram_fallback)
		return altmap_exhausted(x, c, err);
	/* "altmap block allocation failed, falling back to system memory" */
	x->out->fallback_blocks++;
	return record(x, c, 1, VP_BACK_DRAM, 0, err);
}

/*
 * n consecutive unpopulated blocks from c on, all outside the cross window
 * or all inside it.  Inside, every request asks the altmap for the same nr
 * pfns: the first may be padded to nr's natural alignment, after which the
 * next pfn stays aligned, so the run splits into at most one padded
 * allocation, k unpadded ones, and the rest falling back to DRAM.
 */
static enum vp_status populate_run(struct vp_populate_ctx *x, uint64_t c,
				   uint64_t n, bool cross,
				   struct vp_error *err)
{
	struct vp_hotadd *h = x->h;
	uint64_t nr = x->g->block_pfns, pfn, k;
	enum vp_status s;

	if (n == 0)
		return VP_OK;
	if (!h->has_altmap)
		return record(x, c, n, VP_BACK_DRAM, 0, err);
	if (cross) {
		x->out->cross_blocks += n;
		return record(x, c, n, VP_BACK_DRAM, 0, err);
	}
	if (!nr || !vp_altmap_alloc(&h->altmap, nr, &pfn)) {
		/* Nothing changed in the altmap, so every later request of
		 * the same size fails the same way. */
		if (x->kb->no_dram_fallback)
			return altmap_exhausted(x, c, err);
		x->out->fallback_blocks += n;
		return record(x, c, n, VP_BACK_DRAM, 0, err);
	}
	k = vp_altmap_room(&h->altmap) / nr;
	if (k > n - 1)
		k = n - 1;
	h->altmap.alloc += k * nr;
	s = record(x, c, 1 + k, VP_BACK_ALTMAP, pfn, err);
	if (s)
		return s;
	if (n - 1 - k && x->kb->no_dram_fallback)
		return altmap_exhausted(x, c + 1 + k, err);
	x->out->fallback_blocks += n - 1 - k;
	return record(x, c + 1 + k, n - 1 - k, VP_BACK_DRAM, 0, err);
}

/*
 * Blocks [c, e), first reached by chunks that see the valid set of the
 * machine state plus [xlo, xhi) (a chunk whose section was valid before it,
 * see the top of this file).
 */
static enum vp_status populate_segment(struct vp_populate_ctx *x, uint64_t c,
				       uint64_t e, uint64_t xlo, uint64_t xhi,
				       struct vp_error *err)
{
	uint64_t W = x->g->pfns_per_block, wlo = 0, whi = UINT64_MAX, stop;
	struct vp_mem_state view;
	enum vp_status s;

	if (c >= e)
		return VP_OK;
	view.nvalid = x->st->nvalid;
	memcpy(view.valid, x->st->valid, sizeof(view.valid));
	if (xlo < xhi && (s = vp_valid_add(&view, xlo, xhi, err)))
		return s;
	populated_view(x->kb, x->g->section_pfns, &view, &view);
	if (x->h->has_altmap)
		no_cross_window(x->kb, &x->h->altmap, W, &wlo, &whi);
	for (; c < e; c = stop) {
		uint64_t a, b;

		if (vp_blocks_populated(view.valid, view.nvalid, W, c, e,
					&stop)) {
			x->out->skipped_blocks += stop - c;
			continue;
		}
		{
			int i = vp_state_next(x->st, c * W);

			if (i >= 0 && vp_run_lo(&x->st->runs[i]) < stop * W)
				return mapped_twice(
					x, vp_run_lo(&x->st->runs[i]) / W > c ?
						   vp_run_lo(&x->st->runs[i]) / W :
						   c,
					err);
		}
		/* Unpopulated blocks [c, stop): split at the cross window
		 * [wlo, whi) into crossing, inside, crossing. */
		a = c > wlo ? c : (stop < wlo ? stop : wlo);
		b = stop < whi ? stop : (a > whi ? a : whi);
		if ((s = populate_run(x, c, a - c, true, err)) ||
		    (s = populate_run(x, a, b - a, false, err)) ||
		    (s = populate_run(x, b, stop - b, true, err)))
			return s;
	}
	return VP_OK;
}

static enum vp_status populate_runlength(struct vp_populate_ctx *x,
					 struct vp_error *err)
{
	const struct vp_vmemmap_geom *g = x->g;
	uint64_t P0 = x->h->start_pfn, P1 = x->h->end_pfn;
	uint64_t W = g->pfns_per_block, S = g->section_pfns;
	uint64_t e0 = vp_chunk_end(P0, P1, S), pl = (P1 - 1) / S * S;
	uint64_t b0 = P0 / W, be = vp_div_up(P1, W), a_end, c_start;
	uint64_t x0lo = 0, x0hi = 0, xllo = 0, xlhi = 0;
	enum vp_status s;

	if (pl < P0)
		pl = P0;
	/* Edge chunks whose section was valid before them. */
	if (vp_valid_intersects(x->st, P0 / S * S, P0 / S * S + S)) {
		x0lo = P0;
		x0hi = e0;
	}
	if (vp_valid_intersects(x->st, pl / S * S, pl / S * S + S)) {
		xllo = pl;
		xlhi = P1;
	}
	/* Blocks first reached by the first chunk, by the middle chunks, and
	 * by the last chunk. */
	a_end = vp_div_up(e0, W);
	c_start = vp_div_up(pl, W);
	if (c_start < a_end)
		c_start = a_end;
	if ((s = populate_segment(x, b0, a_end, x0lo, x0hi, err)))
		return s;
	/* The block holding the second chunk's first pfn e0, when the first
	 * chunk shares it, is asked again there; only the section-granular
	 * test can find it unpopulated now (see the top of this file). */
	if (!x->kb->populated_subsections && e0 < P1 && e0 % W &&
	    vp_state_find(x->st, e0 / W * W) >= 0) {
		struct vp_mem_state view;
		uint64_t e1 = vp_chunk_end(e0, P1, S);

		view.nvalid = x->st->nvalid;
		memcpy(view.valid, x->st->valid, sizeof(view.valid));
		if ((s = vp_valid_add(&view, P0, e0, err)) ||
		    (vp_valid_intersects(x->st, e0, e0 + S) &&
		     (s = vp_valid_add(&view, e0, e1, err))))
			return s;
		populated_view(x->kb, S, &view, &view);
		if (!vp_valid_intersects(&view, e0 / W * W, e0 / W * W + W))
			return mapped_twice(x, e0 / W, err);
	}
	if ((s = populate_segment(x, a_end, c_start, 0, 0, err)) ||
	    (s = populate_segment(x, c_start, be, pl > P0 ? xllo : x0lo,
				  pl > P0 ? xlhi : x0hi, err)))
		return s;
	return vp_valid_add(x->st, P0, P1, err);
}

static enum vp_status populate_reference(struct vp_populate_ctx *x,
					 struct vp_error *err)
{
	const struct vp_vmemmap_geom *g = x->g;
	uint64_t W = g->pfns_per_block, S = g->section_pfns;
	uint64_t pfn, cur, end = x->h->end_pfn, c;
	enum vp_status s;

	for (pfn = x->h->start_pfn; pfn < end; pfn += cur) {
		uint64_t sec = pfn / S * S;
		bool sec_valid = vp_valid_intersects(x->st, sec, sec + S);

		cur = vp_chunk_end(pfn, end, S) - pfn;
		if (sec_valid && (s = vp_valid_add(x->st, pfn, pfn + cur, err)))
			return s;
		for (c = pfn / W; c * W < pfn + cur; c++) {
			if (block_populated(x, c))
				continue;	/* counted below */
			if (vp_state_find(x->st, c * W) >= 0)
				return mapped_twice(x, c, err);
			if ((s = populate_one(x, c, err)))
				return s;
		}
		if (!sec_valid &&
		    (s = vp_valid_add(x->st, pfn, pfn + cur, err)))
			return s;
	}
	x->out->skipped_blocks = x->out->blocks_touched -
				 x->out->altmap_blocks - x->out->dram_blocks;
	return VP_OK;
}

enum vp_status vp_vmemmap_populate(const struct vp_vmemmap_geom *g,
				   const struct vp_kbehaviour *kb,
				   enum vp_engine engine,
				   struct vp_mem_state *st, unsigned dev,
				   struct vp_hotadd *h,
				   struct vp_populate_stats *out,
				   struct vp_error *err)
{
	struct vp_populate_ctx x = { g, kb, st, h, out, dev };


	memset(out, 0, sizeof(*out));
	out->first_altmap_pfn = UINT64_MAX;
	if (h->end_pfn <= h->start_pfn)
		return vp_fail(err, VP_INTERNAL, 0, INIT64, "empty hot-add range");
	out->premapped_pfns = vp_state_covered(st, h->start_pfn, h->end_pfn);
	/* mm/memory_hotplug.c:__add_pages @6.1 (line 324): altmap->alloc = 0 */
	if (h->has_altmap)
		h->altmap.alloc = 0;
	if (g->path == VP_PATH_RADIX)
		return vp_radix_populate(&x, engine, err);
	if (g->path == VP_PATH_X86)
		return vp_x86_populate(&x, engine, err);
	out->blocks_touched = vp_div_up(h->end_pfn, g->pfns_per_block) -
			      h->start_pfn / g->pfns_per_block;
	return engine == VP_ENGINE_REFERENCE ? populate_reference(&x, err) :
					       populate_runlength(&x, err);
}

/*
 * mm/sparse.c:sparse_init @6.1: boot memory's memmap is populated during
 * boot (from memblock), a whole section at a time, and its sections are
 * early sections, for which pfn_valid() is true throughout, even past the
 * end of RAM in a partly filled last section (include/linux/mmzone.h
 * line 1840: early_section() answers before the sub-section map).  Radix
 * and x86-64 map it with PMD leaves (the boot range starts at 0, so every
 * PMD is aligned; x86: vmemmap_populate_hugepages).
 */
enum vp_status vp_vmemmap_boot(const struct vp_vmemmap_geom *g,
			       struct vp_mem_state *st, uint64_t start_pfn,
			       uint64_t end_pfn, struct vp_error *err)
{
	struct vp_block_run r = { .backing = VP_BACK_BOOT, .dev = UINT32_MAX };
	uint64_t lo, hi, c, e;
	enum vp_status s;
	int i;

	if (end_pfn <= start_pfn)
		return VP_OK;
	/* Whole early sections. */
	lo = start_pfn / g->section_pfns * g->section_pfns;
	hi = vp_div_up(end_pfn, g->section_pfns) * g->section_pfns;
	r.unit = g->path != VP_PATH_INIT64 ? g->pmd_pfns : g->pfns_per_block;
	r.nr = g->path != VP_PATH_INIT64 ? g->pmd_nr :
					   g->dram_block_bytes >> g->page_shift;
	if ((s = vp_valid_add(st, lo, hi, err)))
		return s;
	/* The blocks describing them, where not mapped already (by another
	 * range sharing a block). */
	for (c = lo / r.unit, e = vp_div_up(hi, r.unit); c < e;) {
		uint64_t stop = e;

		i = vp_state_next(st, c * r.unit);
		if (i >= 0 && vp_run_lo(&st->runs[i]) < e * r.unit) {
			stop = vp_run_lo(&st->runs[i]) / r.unit;
			if (stop <= c) {
				c = vp_div_up(vp_run_hi(&st->runs[i]), r.unit);
				continue;
			}
		}
		r.first = c;
		r.count = stop - c;
		if ((s = vp_state_add_run(st, &r, err)))
			return s;
		c = stop;
	}
	return VP_OK;
}

/* ---- free ------------------------------------------------------------- */

/*
 * arch/powerpc/mm/init_64.c:vmemmap_free @6.1 (line 306), called per chunk
 * by mm/sparse.c:section_deactivate @6.1 (line 780) after the chunk's
 * sub-section bits are cleared, and book3s64/radix_pgtable.c:
 * remove_pagetable @6.12 (radix from 6.6 on: PMD leaves and PTE pages,
 * lines 766-870).  Both keep a block that still describes a valid pfn
 * (vmemmap_populated), and otherwise give it back:
 *   to the altmap (vmem_altmap_free, alloc -= the block's pages) when its
 *   physical pfn lies in [base_pfn, base_pfn + reserve + free)
 *   (6.1.0-6.1.44, before 6722b2571205: up to ... + alloc + align, with
 *   the values when the removal starts);
 *   else to the page allocator.
 */
static bool altmap_backed(const struct vp_kbehaviour *kb,
			  const struct vp_hotadd *h, uint64_t bound_extra,
			  uint64_t phys)
{
	const struct vp_altmap *a = &h->altmap;
	uint64_t end = a->base_pfn + a->reserve + a->free;

	if (!h->has_altmap)
		return false;
	if (kb->altmap_free_bound_loose)
		end += bound_extra;
	return phys >= a->base_pfn && phys < end;
}

/* Frees the mapped blocks describing pfns of [lo, hi) that no longer
 * describe a valid pfn.  S != 0: powerpc's init_64.c vmemmap_populated,
 * section-granular before 5f5d6e40a01e (populated_view). */
static enum vp_status free_range(const struct vp_kbehaviour *kb, uint64_t S,
				 struct vp_mem_state *st, struct vp_hotadd *h,
				 uint64_t bound_extra, uint64_t lo, uint64_t hi,
				 unsigned page_shift,
				 struct vp_free_stats *out,
				 struct vp_error *err)
{
	uint64_t pfn = lo;
	struct vp_mem_state view;
	enum vp_status s;

	view.nvalid = st->nvalid;
	memcpy(view.valid, st->valid, st->nvalid * sizeof(st->valid[0]));
	if (S)
		populated_view(kb, S, &view, &view);
	while (pfn < hi) {
		int i = vp_state_next(st, pfn);
		struct vp_block_run *r;
		uint64_t c, e, stop, phys;

		if (i < 0 || vp_run_lo(&st->runs[i]) >= hi)
			return VP_OK;	/* vmemmap_list_free() finds nothing */
		r = &st->runs[i];
		c = (vp_run_lo(r) > pfn ? vp_run_lo(r) : pfn) / r->unit;
		e = vp_div_up(hi, r->unit);
		if (e > r->first + r->count)
			e = r->first + r->count;
		if (vp_blocks_populated(view.valid, view.nvalid, r->unit, c, e,
					&stop)) {
			pfn = stop * r->unit;
			continue;
		}
		if (S) {	/* blocks of [c, stop) that still describe valid pfns */
			uint64_t b = c, bs;

			while (b < stop) {
				if (vp_blocks_populated(st->valid, st->nvalid,
							r->unit, b, stop, &bs))
					out->in_use_blocks += bs - b;
				b = bs > b ? bs : b + 1;
			}
		}
		phys = r->phys_pfn + (c - r->first) * r->nr;
		/* Before 9ef34630a461 (4.20) init_64.c:vmemmap_free does not
		 * ask where a block lives: it asks to_vmem_altmap() of the
		 * section the block's first struct page lies in (4.13 to
		 * 4.15), or frees every block to the altmap it is passed
		 * (4.16 to 4.19).  With one device (plan.c), the blocks from
		 * its altmap are exactly the ones it owns (populate's
		 * vp_altmap_cross_boundary; plan.c refuses the 4.14-4.15
		 * layouts where the populate and free lookups differ), so
		 * the backing answers for those kernels too. */
		if (r->backing == VP_BACK_ALTMAP &&
		    (kb->no_dram_fallback ||
				     kb->altmap_lookup != VP_ALTMAP_PASSED ?
			     h->has_altmap :
			     altmap_backed(kb, h, bound_extra, phys))) {
			out->altmap_blocks += stop - c;
			out->altmap_pfns += (stop - c) * r->nr;
			vp_altmap_free(&h->altmap, (stop - c) * r->nr);
		} else if (r->backing == VP_BACK_ALTMAP) {
			out->foreign_blocks += stop - c;
			out->foreign_bytes += ((stop - c) * r->nr) << page_shift;
		} else {
			out->dram_blocks += stop - c;
			out->dram_bytes += ((stop - c) * r->nr) << page_shift;
		}
		pfn = stop * r->unit;
		if ((s = vp_state_remove_blocks(st, (unsigned)i, c, stop - c,
						err)))
			return s;
	}
	return VP_OK;
}

enum vp_status vp_vmemmap_free(const struct vp_vmemmap_geom *g,
			       const struct vp_kbehaviour *kb,
			       enum vp_engine engine, struct vp_mem_state *st,
			       struct vp_hotadd *h, struct vp_free_stats *out,
			       struct vp_error *err)
{
	uint64_t S = g->section_pfns, P0 = h->start_pfn;
	/* 4.13-4.15: the release may stop a section short (layout.h). */
	uint64_t P1 = h->remove_end_pfn ? h->remove_end_pfn : h->end_pfn;
	uint64_t pop_S = g->path == VP_PATH_INIT64 ? S : 0;
	uint64_t extra = h->altmap.alloc + h->altmap.align, pfn, cur;
	unsigned i;
	enum vp_status s = VP_OK;

	memset(out, 0, sizeof(*out));
	if (engine == VP_ENGINE_RUNLENGTH) {
		/* A block is examined at every chunk it describes and is kept
		 * while a later chunk of the same device is still valid, so
		 * the outcome is decided at its last chunk, against what
		 * remains valid once the whole device is gone. */
		if ((s = vp_valid_remove(st, P0, P1, err)))
			return s;
		s = free_range(kb, pop_S, st, h, extra, P0, P1, g->page_shift, out,
			       err);
	} else {
		for (pfn = P0; pfn < P1 && !s; pfn += cur) {
			cur = vp_chunk_end(pfn, P1, S) - pfn;
			if ((s = vp_valid_remove(st, pfn, pfn + cur, err)))
				return s;
			s = free_range(kb, pop_S, st, h, extra, pfn, pfn + cur,
				       g->page_shift, out, err);
		}
	}
	if (s)
		return s;
	/* Kept: blocks describing the device's pfns still mapped after. */
	for (i = 0; i < st->nruns; i++) {
		const struct vp_block_run *r = &st->runs[i];
		uint64_t a = r->first, b = r->first + r->count;

		if (a < P0 / r->unit)
			a = P0 / r->unit;
		if (b > vp_div_up(h->end_pfn, r->unit))
			b = vp_div_up(h->end_pfn, r->unit);
		if (b > a)
			out->kept_blocks += b - a;
	}
	return VP_OK;
}
