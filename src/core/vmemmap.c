// SPDX-License-Identifier: GPL-2.0-only
/*
 * Line numbers refer to Debian's linux-source-6.1 6.1.192-2 ("@6.1").
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
 */
#include "vmemmap.h"

#include <errno.h>
#include <string.h>

#include "altmap.h"

#define INIT64 "arch/powerpc/mm/init_64.c:vmemmap_populate"

void vp_vmemmap_geom(const struct vp_arch_params *p, struct vp_vmemmap_geom *g)
{
	unsigned order = 0;

	memset(g, 0, sizeof(*g));
	g->page_shift = p->page_shift;
	g->block_bytes = 1ULL << p->vmemmap_block_shift;
	g->pfns_per_block = g->block_bytes / p->struct_page_size;
	g->block_pfns = g->block_bytes >> p->page_shift;
	/* mm/sparse-vmemmap.c:vmemmap_alloc_block @6.1 (line 49):
	 * alloc_pages_node(node, gfp, get_order(size)). */
	while ((p->page_size << order) < g->block_bytes)
		order++;
	g->dram_block_bytes = p->page_size << order;
	g->section_pfns = 1ULL << (p->section_shift - p->page_shift);
	g->subsection_pfns = 1ULL << (p->subsection_shift - p->page_shift);
}

static uint64_t div_up(uint64_t a, uint64_t b)
{
	return a / b + (a % b != 0);
}

/* ---- the valid-pfn set ------------------------------------------------ */

static bool valid_intersects(const struct vp_mem_state *st, uint64_t lo,
			     uint64_t hi)
{
	unsigned i;

	for (i = 0; i < st->nvalid; i++)
		if (st->valid[i].lo < hi && st->valid[i].hi > lo)
			return true;
	return false;
}

static enum vp_status valid_add(struct vp_mem_state *st, uint64_t lo,
				uint64_t hi, struct vp_error *err)
{
	unsigned i = 0, j;

	while (i < st->nvalid && st->valid[i].hi < lo)
		i++;
	/* Merge every interval that touches [lo, hi). */
	j = i;
	while (j < st->nvalid && st->valid[j].lo <= hi) {
		if (st->valid[j].lo < lo)
			lo = st->valid[j].lo;
		if (st->valid[j].hi > hi)
			hi = st->valid[j].hi;
		j++;
	}
	if (j == i) {
		if (st->nvalid == VP_MAX_INTERVALS)
			return vp_fail(err, VP_INTERNAL, 0, NULL,
				       "more than %d valid pfn intervals",
				       VP_MAX_INTERVALS);
		memmove(&st->valid[i + 1], &st->valid[i],
			(st->nvalid - i) * sizeof(st->valid[0]));
		st->nvalid++;
	} else if (j > i + 1) {
		memmove(&st->valid[i + 1], &st->valid[j],
			(st->nvalid - j) * sizeof(st->valid[0]));
		st->nvalid -= j - i - 1;
	}
	st->valid[i].lo = lo;
	st->valid[i].hi = hi;
	return VP_OK;
}

static enum vp_status valid_remove(struct vp_mem_state *st, uint64_t lo,
				   uint64_t hi, struct vp_error *err)
{
	unsigned i;

	for (i = 0; i < st->nvalid; i++) {
		struct vp_pfn_interval *v = &st->valid[i];

		if (v->hi <= lo || v->lo >= hi)
			continue;
		if (v->lo < lo && v->hi > hi) {	/* split in two */
			if (st->nvalid == VP_MAX_INTERVALS)
				return vp_fail(err, VP_INTERNAL, 0, NULL,
					       "more than %d valid pfn intervals",
					       VP_MAX_INTERVALS);
			memmove(&st->valid[i + 1], &st->valid[i],
				(st->nvalid - i) * sizeof(st->valid[0]));
			st->nvalid++;
			st->valid[i].hi = lo;
			st->valid[i + 1].lo = hi;
			return VP_OK;
		}
		if (v->lo < lo) {
			v->hi = lo;
		} else if (v->hi > hi) {
			v->lo = hi;
		} else {
			memmove(&st->valid[i], &st->valid[i + 1],
				(st->nvalid - i - 1) * sizeof(st->valid[0]));
			st->nvalid--;
			i--;
		}
	}
	return VP_OK;
}

/* ---- the mapped-block runs (the vmemmap_list) ------------------------- */

static bool run_can_merge(const struct vp_block_run *a,
			  const struct vp_block_run *b, uint64_t nr)
{
	return a->first + a->count == b->first && a->backing == b->backing &&
	       a->dev == b->dev &&
	       (a->backing != VP_BACK_ALTMAP ||
		a->phys_pfn + a->count * nr == b->phys_pfn);
}

/* Appends to a sorted, merged list of runs (blocks arrive ascending). */
static enum vp_status runs_append(struct vp_block_run *runs, unsigned *n,
				  unsigned max, const struct vp_block_run *r,
				  uint64_t nr, struct vp_error *err)
{
	if (*n && run_can_merge(&runs[*n - 1], r, nr)) {
		runs[*n - 1].count += r->count;
		return VP_OK;
	}
	if (*n == max)
		return vp_fail(err, VP_INTERNAL, 0, NULL,
			       "more than %u runs of vmemmap blocks", max);
	runs[(*n)++] = *r;
	return VP_OK;
}

/* Inserts into the machine state's runs, keeping them sorted. */
static enum vp_status state_add_run(struct vp_mem_state *st,
				    const struct vp_block_run *r, uint64_t nr,
				    struct vp_error *err)
{
	unsigned i = st->nruns;

	while (i > 0 && st->runs[i - 1].first > r->first)
		i--;
	if (i > 0 && run_can_merge(&st->runs[i - 1], r, nr)) {
		st->runs[i - 1].count += r->count;
		if (i < st->nruns && run_can_merge(&st->runs[i - 1],
						   &st->runs[i], nr)) {
			st->runs[i - 1].count += st->runs[i].count;
			memmove(&st->runs[i], &st->runs[i + 1],
				(st->nruns - i - 1) * sizeof(st->runs[0]));
			st->nruns--;
		}
		return VP_OK;
	}
	if (st->nruns == VP_MAX_RUNS)
		return vp_fail(err, VP_INTERNAL, 0, NULL,
			       "more than %d runs of vmemmap blocks", VP_MAX_RUNS);
	memmove(&st->runs[i + 1], &st->runs[i],
		(st->nruns - i) * sizeof(st->runs[0]));
	st->runs[i] = *r;
	st->nruns++;
	return VP_OK;
}

/* Removes blocks [first, first + count) from the runs; they must all be
 * inside one run. */
static enum vp_status state_remove_blocks(struct vp_mem_state *st,
					  unsigned i, uint64_t first,
					  uint64_t count, uint64_t nr,
					  struct vp_error *err)
{
	struct vp_block_run *r = &st->runs[i];
	uint64_t end = first + count, rend = r->first + r->count;

	if (first == r->first && end == rend) {
		memmove(&st->runs[i], &st->runs[i + 1],
			(st->nruns - i - 1) * sizeof(st->runs[0]));
		st->nruns--;
	} else if (first == r->first) {
		if (r->backing == VP_BACK_ALTMAP)
			r->phys_pfn += count * nr;
		r->first = end;
		r->count -= count;
	} else if (end == rend) {
		r->count -= count;
	} else {
		struct vp_block_run tail = *r;

		if (st->nruns == VP_MAX_RUNS)
			return vp_fail(err, VP_INTERNAL, 0, NULL,
				       "more than %d runs of vmemmap blocks",
				       VP_MAX_RUNS);
		r->count = first - r->first;
		tail.first = end;
		tail.count = rend - end;
		if (tail.backing == VP_BACK_ALTMAP)
			tail.phys_pfn += (end - r->first) * nr;
		memmove(&st->runs[i + 2], &st->runs[i + 1],
			(st->nruns - i - 1) * sizeof(st->runs[0]));
		st->runs[i + 1] = tail;
		st->nruns++;
	}
	return VP_OK;
}

/* ---- the rules -------------------------------------------------------- */

/*
 * arch/powerpc/mm/init_64.c:altmap_cross_boundary @6.1 (line 186), with
 * start_pfn = the first pfn the block describes, nr_pfn = B / 64:
 *   6.1.39+ (c8eebc4a99f1): start_pfn + nr_pfn - 1 > end_pfn || start_pfn < base_pfn
 *   6.1.0-6.1.38:           start_pfn + nr_pfn     > end_pfn || start_pfn < base_pfn
 * Returns the blocks [*lo, *hi) that do NOT cross.
 */
static void no_cross_window(const struct vp_vmemmap_geom *g,
			    const struct vp_kbehaviour *kb,
			    const struct vp_altmap *a, uint64_t *lo,
			    uint64_t *hi)
{
	uint64_t W = g->pfns_per_block;
	/* Block c crosses at the top when (c+1)W - 1 > end_pfn, i.e.
	 * (c+1)W >= end_pfn + 2; off by one: (c+1)W >= end_pfn + 1. */
	uint64_t top = a->end_pfn + (kb->cross_boundary_off_by_one ? 1 : 2);

	*lo = div_up(a->base_pfn, W);
	*hi = div_up(top, W) - 1;
	if (*hi < *lo)
		*hi = *lo;
}

static bool block_crosses(const struct vp_vmemmap_geom *g,
			  const struct vp_kbehaviour *kb,
			  const struct vp_altmap *a, uint64_t c)
{
	uint64_t start_pfn = c * g->pfns_per_block, n = g->pfns_per_block;

	if (kb->cross_boundary_off_by_one ? start_pfn + n > a->end_pfn :
					    start_pfn + n - 1 > a->end_pfn)
		return true;
	return start_pfn < a->base_pfn;
}

struct populate_ctx {
	const struct vp_vmemmap_geom *g;
	const struct vp_kbehaviour *kb;
	struct vp_mem_state *st;
	struct vp_hotadd *h;
	struct vp_populate_stats *out;
	unsigned dev;
};

/* Records n blocks from c on: in the machine state and the device's list. */
static enum vp_status record(struct populate_ctx *x, uint64_t c, uint64_t n,
			     enum vp_backing b, uint64_t phys,
			     struct vp_error *err)
{
	struct vp_block_run r = { .first = c, .count = n, .backing = b,
				  .phys_pfn = phys, .dev = x->dev };
	enum vp_status s;

	if (n == 0)
		return VP_OK;
	if (b == VP_BACK_ALTMAP) {
		x->out->altmap_blocks += n;
		if (x->out->first_altmap_pfn == UINT64_MAX)
			x->out->first_altmap_pfn = phys;
	} else {
		x->out->dram_blocks += n;
	}
	s = state_add_run(x->st, &r, x->g->block_pfns, err);
	if (s)
		return s;
	return runs_append(x->out->runs, &x->out->nruns, VP_MAX_DEV_RUNS, &r,
			   x->g->block_pfns, err);
}

/* One block, literally as init_64.c:vmemmap_populate does it. */
static enum vp_status populate_one(struct populate_ctx *x, uint64_t c,
				   struct vp_error *err)
{
	struct vp_hotadd *h = x->h;
	uint64_t pfn;

	if (!h->has_altmap)
		return record(x, c, 1, VP_BACK_DRAM, 0, err);
	if (block_crosses(x->g, x->kb, &h->altmap, c)) {
		x->out->cross_blocks++;
		return record(x, c, 1, VP_BACK_DRAM, 0, err);
	}
	/* altmap_alloc_block_buf refuses sizes that are not a multiple of
	 * PAGE_SIZE (mm/sparse-vmemmap.c line 111). */
	if (x->g->block_pfns && vp_altmap_alloc(&h->altmap, x->g->block_pfns,
						&pfn))
		return record(x, c, 1, VP_BACK_ALTMAP, pfn, err);
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
static enum vp_status populate_run(struct populate_ctx *x, uint64_t c,
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
	x->out->fallback_blocks += n - 1 - k;
	return record(x, c + 1 + k, n - 1 - k, VP_BACK_DRAM, 0, err);
}

/*
 * Whether block c describes a pfn of the sorted intervals v (that is what
 * vmemmap_populated asks), and in *stop the first block in (c, e] where the
 * answer may change.
 */
static bool blocks_populated(const struct vp_pfn_interval *v, unsigned n,
			     uint64_t W, uint64_t c, uint64_t e,
			     uint64_t *stop)
{
	uint64_t lo = c * W;
	unsigned i;

	*stop = e;
	for (i = 0; i < n; i++) {
		if (v[i].hi <= lo)
			continue;
		if (v[i].lo < lo + W) {
			/* Blocks c .. ceil(hi/W) - 1 all describe part of it. */
			if (div_up(v[i].hi, W) < e)
				*stop = div_up(v[i].hi, W);
			return true;
		}
		if (v[i].lo / W < e)
			*stop = v[i].lo / W;
		return false;
	}
	return false;
}

/*
 * Blocks [c, e), first reached by chunks that see the valid set of the
 * machine state plus [xlo, xhi) (a chunk whose section was valid before it,
 * see the top of this file).
 */
static enum vp_status populate_segment(struct populate_ctx *x, uint64_t c,
				       uint64_t e, uint64_t xlo, uint64_t xhi,
				       struct vp_error *err)
{
	const struct vp_vmemmap_geom *g = x->g;
	uint64_t W = g->pfns_per_block, wlo = 0, whi = UINT64_MAX, stop;
	struct vp_mem_state view;
	enum vp_status s;

	if (c >= e)
		return VP_OK;
	view.nvalid = x->st->nvalid;
	memcpy(view.valid, x->st->valid, sizeof(view.valid));
	if (xlo < xhi && (s = valid_add(&view, xlo, xhi, err)))
		return s;
	if (x->h->has_altmap)
		no_cross_window(g, x->kb, &x->h->altmap, &wlo, &whi);
	for (; c < e; c = stop) {
		uint64_t a, b;

		if (blocks_populated(view.valid, view.nvalid, W, c, e, &stop)) {
			x->out->skipped_blocks += stop - c;
			continue;
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

static enum vp_status populate_runlength(struct populate_ctx *x,
					 struct vp_error *err)
{
	const struct vp_vmemmap_geom *g = x->g;
	uint64_t P0 = x->h->start_pfn, P1 = x->h->end_pfn;
	uint64_t W = g->pfns_per_block, S = g->section_pfns;
	uint64_t e0 = (P0 / S + 1) * S, pl = (P1 - 1) / S * S;
	uint64_t b0 = P0 / W, be = div_up(P1, W), a_end, c_start;
	uint64_t x0lo = 0, x0hi = 0, xllo = 0, xlhi = 0;
	enum vp_status s;

	if (e0 > P1)
		e0 = P1;
	if (pl < P0)
		pl = P0;
	/* Edge chunks whose section was valid before them. */
	if (valid_intersects(x->st, P0 / S * S, P0 / S * S + S)) {
		x0lo = P0;
		x0hi = e0;
	}
	if (valid_intersects(x->st, pl / S * S, pl / S * S + S)) {
		xllo = pl;
		xlhi = P1;
	}
	/* Blocks first reached by the first chunk, by the middle chunks, and
	 * by the last chunk. */
	a_end = div_up(e0, W);
	c_start = div_up(pl, W);
	if (c_start < a_end)
		c_start = a_end;
	if ((s = populate_segment(x, b0, a_end, x0lo, x0hi, err)) ||
	    (s = populate_segment(x, a_end, c_start, 0, 0, err)) ||
	    (s = populate_segment(x, c_start, be, pl > P0 ? xllo : x0lo,
				  pl > P0 ? xlhi : x0hi, err)))
		return s;
	return valid_add(x->st, P0, P1, err);
}

static enum vp_status populate_reference(struct populate_ctx *x,
					 struct vp_error *err)
{
	const struct vp_vmemmap_geom *g = x->g;
	uint64_t W = g->pfns_per_block, S = g->section_pfns;
	uint64_t pfn, cur, end = x->h->end_pfn, c;
	enum vp_status s;

	for (pfn = x->h->start_pfn; pfn < end; pfn += cur) {
		uint64_t sec = pfn / S * S;
		bool sec_valid = valid_intersects(x->st, sec, sec + S);

		cur = (sec + S < end ? sec + S : end) - pfn;
		if (sec_valid && (s = valid_add(x->st, pfn, pfn + cur, err)))
			return s;
		for (c = pfn / W; c * W < pfn + cur; c++) {
			if (valid_intersects(x->st, c * W, c * W + W)) {
				/* counted below, from what was allocated */
				continue;
			}
			if ((s = populate_one(x, c, err)))
				return s;
		}
		if (!sec_valid && (s = valid_add(x->st, pfn, pfn + cur, err)))
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
	struct populate_ctx x = { g, kb, st, h, out, dev };

	memset(out, 0, sizeof(*out));
	out->first_altmap_pfn = UINT64_MAX;
	if (h->end_pfn <= h->start_pfn)
		return vp_fail(err, VP_INTERNAL, 0, INIT64, "empty hot-add range");
	out->blocks_touched = div_up(h->end_pfn, g->pfns_per_block) -
			      h->start_pfn / g->pfns_per_block;
	/* mm/memory_hotplug.c:__add_pages @6.1 (line 324): altmap->alloc = 0 */
	if (h->has_altmap)
		h->altmap.alloc = 0;
	return engine == VP_ENGINE_REFERENCE ? populate_reference(&x, err) :
					       populate_runlength(&x, err);
}

/*
 * mm/sparse.c:sparse_init @6.1: boot memory's memmap is populated during
 * boot (from memblock), and its sections are early sections, for which
 * pfn_valid() is true throughout.
 */
enum vp_status vp_vmemmap_boot(const struct vp_vmemmap_geom *g,
			       struct vp_mem_state *st, uint64_t end_pfn,
			       struct vp_error *err)
{
	struct vp_block_run r = { .first = 0, .backing = VP_BACK_BOOT,
				  .dev = UINT32_MAX };
	enum vp_status s;

	if (end_pfn == 0)
		return VP_OK;
	r.count = div_up(end_pfn, g->pfns_per_block);
	if ((s = valid_add(st, 0, end_pfn, err)))
		return s;
	return state_add_run(st, &r, g->block_pfns, err);
}

/* ---- free ------------------------------------------------------------- */

/*
 * arch/powerpc/mm/init_64.c:vmemmap_free @6.1 (line 306), called per chunk
 * by mm/sparse.c:section_deactivate @6.1 (line 780) after the chunk's
 * sub-section bits are cleared.  A block still describing a valid pfn is
 * kept; otherwise it leaves the vmemmap_list and goes back:
 *   to the altmap (vmem_altmap_free, alloc -= 2^get_order(B) pfns) when
 *   its physical pfn lies in [base_pfn, base_pfn + reserve + free)
 *   (6.1.0-6.1.44, before 6722b2571205: up to ... + alloc + align, with
 *   the values when the removal starts);
 *   else to the page allocator.
 */
static bool altmap_backed(const struct vp_kbehaviour *kb,
			  const struct vp_hotadd *h, uint64_t phys)
{
	const struct vp_altmap *a = &h->altmap;
	uint64_t end = a->base_pfn + a->reserve + a->free;

	if (!h->has_altmap)
		return false;
	if (kb->altmap_free_bound_loose)
		end += a->alloc + a->align;
	return phys >= a->base_pfn && phys < end;
}

/* Frees the mapped blocks [c, e) that no longer describe a valid pfn. */
static enum vp_status free_blocks(const struct vp_vmemmap_geom *g,
				  const struct vp_kbehaviour *kb,
				  struct vp_mem_state *st, struct vp_hotadd *h,
				  uint64_t c, uint64_t e,
				  struct vp_free_stats *out,
				  struct vp_error *err)
{
	/* vmem_altmap_free is given 1 << get_order(B) pages per block. */
	uint64_t nr = g->dram_block_bytes >> g->page_shift;
	uint64_t W = g->pfns_per_block, stop, phys;
	enum vp_status s;
	unsigned i;

	while (c < e) {
		struct vp_block_run *r;

		for (i = 0; i < st->nruns; i++)
			if (st->runs[i].first + st->runs[i].count > c)
				break;
		if (i == st->nruns || st->runs[i].first >= e)
			return VP_OK;	/* vmemmap_list_free() finds nothing */
		r = &st->runs[i];
		if (r->first > c) {
			c = r->first;
			continue;
		}
		if (blocks_populated(st->valid, st->nvalid, W, c,
				     r->first + r->count < e ?
					     r->first + r->count : e,
				     &stop)) {
			out->kept_blocks += stop - c;
			c = stop;
			continue;
		}
		phys = r->phys_pfn + (c - r->first) * g->block_pfns;
		if (r->backing == VP_BACK_ALTMAP && altmap_backed(kb, h, phys)) {
			out->altmap_blocks += stop - c;
			out->altmap_pfns += (stop - c) * nr;
			vp_altmap_free(&h->altmap, (stop - c) * nr);
		} else {
			out->dram_blocks += stop - c;
		}
		if ((s = state_remove_blocks(st, i, c, stop - c,
					     g->block_pfns, err)))
			return s;
		c = stop;
	}
	return VP_OK;
}

enum vp_status vp_vmemmap_free(const struct vp_vmemmap_geom *g,
			       const struct vp_kbehaviour *kb,
			       enum vp_engine engine, struct vp_mem_state *st,
			       struct vp_hotadd *h, struct vp_free_stats *out,
			       struct vp_error *err)
{
	uint64_t W = g->pfns_per_block, S = g->section_pfns;
	uint64_t P0 = h->start_pfn, P1 = h->end_pfn, pfn, cur;
	enum vp_status s;

	memset(out, 0, sizeof(*out));
	if (engine == VP_ENGINE_RUNLENGTH) {
		/* A block is examined at every chunk it describes and is kept
		 * while a later chunk of the same device is still valid, so
		 * the outcome is decided at its last chunk, against what
		 * remains valid once the whole device is gone. */
		if ((s = valid_remove(st, P0, P1, err)))
			return s;
		return free_blocks(g, kb, st, h, P0 / W, div_up(P1, W), out,
				   err);
	}
	for (pfn = P0; pfn < P1; pfn += cur) {
		uint64_t sec = pfn / S * S, c;

		cur = (sec + S < P1 ? sec + S : P1) - pfn;
		if ((s = valid_remove(st, pfn, pfn + cur, err)))
			return s;
		for (c = pfn / W; c * W < pfn + cur; c++) {
			struct vp_free_stats one = { 0 };

			if ((s = free_blocks(g, kb, st, h, c, c + 1, &one,
					     err)))
				return s;
			out->altmap_blocks += one.altmap_blocks;
			out->altmap_pfns += one.altmap_pfns;
			out->dram_blocks += one.dram_blocks;
		}
	}
	/* Kept: blocks of the device's span still mapped afterwards. */
	{
		unsigned i;
		uint64_t c0 = P0 / W, c1 = div_up(P1, W);

		for (i = 0; i < st->nruns; i++) {
			uint64_t lo = st->runs[i].first;
			uint64_t hi = lo + st->runs[i].count;

			if (lo < c0)
				lo = c0;
			if (hi > c1)
				hi = c1;
			if (hi > lo)
				out->kept_blocks += hi - lo;
		}
	}
	return VP_OK;
}
