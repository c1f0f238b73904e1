// SPDX-License-Identifier: GPL-2.0-only
/*
 * Radix from 6.6 on: book3s64/radix_pgtable.c:radix__vmemmap_populate
 * (Debian linux-source-6.12 6.12.117, lines 1125-1221, "@6.12"; the 6.6-6.14
 * form as in the stored copy id 244579809), called per section chunk by
 * mm/sparse.c:__populate_section_memmap.  In pfn terms (a vmemmap address
 * is VMEMMAP_BASE + 64 * pfn; a PMD leaf describes Wpmd = 2M/64 pfns, a PTE
 * page Wpte = PAGE_SIZE/64):
 *
 *   x = first pfn of the chunk, aligned down (by era, see below)
 *   while x < end of the chunk:
 *     next = end of x's PMD, or the chunk end
 *     if the PMD is empty:
 *       if the PMD may be a leaf here (by era, see below):
 *         p = PMD_SIZE block: altmap (altmap_alloc_block_buf) or DRAM
 *         if p: install the leaf; x = next; continue
 *         (an altmap failure falls through to base pages; no DRAM PMD)
 *     else if the PMD is a leaf: x = next; continue
 *     base: if the PTE for x's page is empty (radix__vmemmap_pte_populate,
 *           lines 1026-1048): altmap unless altmap_cross_boundary(x, Wpte),
 *           falling back to a DRAM page; x = x + Wpte
 *
 * By era (the kernel table, kernel.c):
 *   6.6-6.14:  x not aligned; leaf when !altmap, or when x is PMD-aligned
 *              and the PMD does not cross the device boundary.
 *   9cf7e13fecba (6.15, 6.6.90, 6.12.28): x aligned down to PAGE_SIZE; leaf
 *              only when x is PMD-aligned and (no altmap or no cross).
 *   f5164797284d (6.17): without an altmap, x aligned down to PMD_SIZE.
 * There is no vmemmap_populated() test here: "already there" is a leaf or a
 * PTE in the page tables, which the machine state's runs mirror.
 */
#include "vmemmap.h"

#include <errno.h>
#include <string.h>

#include "altmap.h"

static enum vp_status record(struct vp_populate_ctx *x, bool pte, uint64_t first,
			     uint64_t count, enum vp_backing b, uint64_t phys,
			     struct vp_error *err)
{
	struct vp_block_run r = {
		.first = first, .count = count,
		.unit = pte ? x->g->pte_pfns : x->g->pmd_pfns,
		.nr = pte ? 1 : x->g->pmd_nr,
		.backing = b, .phys_pfn = phys, .dev = x->dev,
	};

	return vp_populate_record(x->st, x->out, x->h, &r,
				  pte ? VP_REC_PAGE : VP_REC_BLOCK,
				  x->g->page_shift, err);
}

/* Whether the PMD at x may become a leaf (by era, see the top). */
static bool leaf_allowed(const struct vp_populate_ctx *x, uint64_t px)
{
	bool aligned = px % x->g->pmd_pfns == 0;
	bool cross = x->h->has_altmap &&
		     vp_altmap_cross_boundary(x->kb, &x->h->altmap, px,
					      x->g->pmd_pfns);

	if (x->kb->radix_start_align == VP_RADIX_ALIGN_NONE)
		return !x->h->has_altmap || (aligned && !cross);
	return aligned && !cross;
}

/* radix__vmemmap_pte_populate for the page holding pfn px. */
static enum vp_status pte_one(struct vp_populate_ctx *x, uint64_t px,
			      struct vp_error *err)
{
	struct vp_hotadd *h = x->h;
	uint64_t p = px / x->g->pte_pfns, pfn;

	if (vp_state_find(x->st, p * x->g->pte_pfns) >= 0)
		return VP_OK;	/* pte_none() is false */
	if (!h->has_altmap)
		return record(x, true, p, 1, VP_BACK_DRAM, 0, err);
	if (vp_altmap_cross_boundary(x->kb, &h->altmap, px, x->g->pte_pfns)) {
		x->out->cross_blocks++;
		return record(x, true, p, 1, VP_BACK_DRAM, 0, err);
	}
	if (vp_altmap_alloc(&h->altmap, 1, &pfn))
		return record(x, true, p, 1, VP_BACK_ALTMAP, pfn, err);
	x->out->fallback_blocks++;
	return record(x, true, p, 1, VP_BACK_DRAM, 0, err);
}

/* One call of radix__vmemmap_populate for the chunk [pfn, end). */
static enum vp_status populate_chunk(struct vp_populate_ctx *x, uint64_t pfn,
				     uint64_t end, struct vp_error *err)
{
	const struct vp_vmemmap_geom *g = x->g;
	uint64_t px = pfn, next, m, phys;
	enum vp_status s;

	switch (x->kb->radix_start_align) {
	case VP_RADIX_ALIGN_NONE:
		break;
	case VP_RADIX_ALIGN_PMD_NO_ALTMAP:
		if (!x->h->has_altmap) {
			px -= px % g->pmd_pfns;
			break;
		}
		/* fall through */
	case VP_RADIX_ALIGN_PAGE:
		px -= px % g->pte_pfns;
		break;
	}
	for (; px < end; px = next) {
		m = px / g->pmd_pfns;
		next = (m + 1) * g->pmd_pfns;
		if (next > end)
			next = end;
		switch (vp_pmd_state(x->st, g->pmd_pfns, m)) {
		case VP_PMD_LEAF:
			continue;
		case VP_PMD_NONE:
			if (!leaf_allowed(x, px))
				break;
			if (!x->h->has_altmap) {
				if ((s = record(x, false, m, 1, VP_BACK_DRAM, 0,
						err)))
					return s;
				continue;
			}
			if (vp_altmap_alloc(&x->h->altmap, g->pmd_nr, &phys)) {
				if ((s = record(x, false, m, 1, VP_BACK_ALTMAP,
						phys, err)))
					return s;
				continue;
			}
			break;	/* an altmap failure: base pages */
		case VP_PMD_TABLE:
			break;
		}
		if ((s = pte_one(x, px, err)))
			return s;
		next = px + g->pte_pfns;
	}
	return VP_OK;
}

static enum vp_status compound_chunk(struct vp_populate_ctx *x, uint64_t pfn,
				     uint64_t end, struct vp_error *err);

/* The chunks of [lo, hi), one section at a time, as __add_pages cuts them,
 * each through radix__vmemmap_populate or, for compound pages,
 * vmemmap_populate_compound_pages (__populate_section_memmap). */
static enum vp_status populate_chunks(struct vp_populate_ctx *x, uint64_t lo,
				      uint64_t hi, bool mark_valid,
				      struct vp_error *err)
{
	uint64_t S = x->g->section_pfns, pfn, cur;
	enum vp_status s;

	for (pfn = lo; pfn < hi; pfn += cur) {
		cur = vp_chunk_end(pfn, hi, S) - pfn;
		s = x->h->compound_pfns ? compound_chunk(x, pfn, pfn + cur, err) :
					  populate_chunk(x, pfn, pfn + cur, err);
		if (s)
			return s;
		if (mark_valid && (s = vp_valid_add(x->st, pfn, pfn + cur, err)))
			return s;
	}
	return VP_OK;
}

/*
 * n clean PMDs from m on: empty, wholly inside the device, reached first at
 * their aligned start.  Without an altmap each is a DRAM leaf.  With one,
 * PMD requests (pmd_nr pfns, naturally aligned) succeed for a padded first
 * and k more; once one fails, every later one fails too (a PMD's worth of
 * 1-pfn PTE pages moves the next pfn by pmd_nr, keeping the pad, or uses up
 * the room), and the remaining PMDs are PTE pages: from the altmap while it
 * has room, then from DRAM.
 */
static enum vp_status populate_clean(struct vp_populate_ctx *x, uint64_t m,
				     uint64_t n, struct vp_error *err)
{
	const struct vp_vmemmap_geom *g = x->g;
	struct vp_altmap *a = &x->h->altmap;
	uint64_t ppp = g->pmd_pfns / g->pte_pfns, phys, k = 0, pages, alt;
	enum vp_status s;

	if (n == 0)
		return VP_OK;
	if (!x->h->has_altmap)
		return record(x, false, m, n, VP_BACK_DRAM, 0, err);
	if (vp_altmap_alloc(a, g->pmd_nr, &phys)) {
		k = vp_altmap_room(a) / g->pmd_nr;
		if (k > n - 1)
			k = n - 1;
		a->alloc += k * g->pmd_nr;
		if ((s = record(x, false, m, 1 + k, VP_BACK_ALTMAP, phys, err)))
			return s;
		k++;
	}
	pages = (n - k) * ppp;
	if (pages == 0)
		return VP_OK;
	alt = vp_altmap_room(a);
	if (alt > pages)
		alt = pages;
	if (alt) {
		/* 1-pfn requests are never padded: contiguous from next. */
		phys = a->base_pfn + a->reserve + a->alloc + a->align;
		a->alloc += alt;
		if ((s = record(x, true, (m + k) * ppp, alt, VP_BACK_ALTMAP,
				phys, err)))
			return s;
	}
	x->out->fallback_blocks += pages - alt;
	return record(x, true, (m + k) * ppp + alt, pages - alt, VP_BACK_DRAM,
		      0, err);
}

static enum vp_status populate_runlength(struct vp_populate_ctx *x,
					 struct vp_error *err)
{
	const struct vp_vmemmap_geom *g = x->g;
	uint64_t W = g->pmd_pfns, P0 = x->h->start_pfn, P1 = x->h->end_pfn;
	uint64_t m0 = P0 / W, m1 = vp_div_up(P1, W), m;
	enum vp_status s;

	/* The first PMD, literally (the device may start inside it). */
	if ((s = populate_chunks(x, P0, (m0 + 1) * W < P1 ? (m0 + 1) * W : P1,
				 false, err)))
		return s;
	/* Interior PMDs: clean runs in bulk, the others literally. */
	for (m = m0 + 1; m + 1 < m1;) {
		int i = vp_state_next(x->st, m * W);
		uint64_t busy = i < 0 ? m1 - 1 : vp_run_lo(&x->st->runs[i]) / W;

		if (busy > m1 - 1)
			busy = m1 - 1;
		if (busy > m) {
			if ((s = populate_clean(x, m, busy - m, err)))
				return s;
			m = busy;
			continue;
		}
		if ((s = populate_chunks(x, m * W, (m + 1) * W, false, err)))
			return s;
		m++;
	}
	/* The last PMD, literally (the device may end inside it). */
	if (m1 - 1 > m0 &&
	    (s = populate_chunks(x, (m1 - 1) * W, P1, false, err)))
		return s;
	return vp_valid_add(x->st, P0, P1, err);
}

/*
 * devdax map=mem with compound pages of n pfns (f2b79c0d7968, 6.6):
 * mm/sparse-vmemmap.c:__populate_section_memmap @6.12 (line 471) calls
 * book3s64/radix_pgtable.c:vmemmap_populate_compound_pages @6.12 (lines
 * 1310-1402) per section chunk instead of radix__vmemmap_populate.  It
 * walks the chunk's vmemmap a PAGE_SIZE at a time from the chunk's own
 * (unaligned) start x, never allocating from an altmap (there is none):
 *
 *   PMD of x is a leaf: skip to the PMD's end
 *   PTE of x's page present: x += Wpte
 *   off = x mod n, counted from an ABSOLUTE multiple of n (ALIGN_DOWN of
 *   the pfn), not from the device start:
 *   off == 0 (x is a head): a DRAM page for x's page and, through
 *     radix__vmemmap_populate_address, one for the next page (the first
 *     tails); that returns NULL, and the populate -ENOMEM, if the next
 *     page's PMD is a leaf; x += 2 Wpte
 *   else vmemmap_compound_tail_page (lines 1257-1308): t = the page after
 *     the head's; if t's PMD is a leaf, or t is empty and the head's PMD
 *     is a leaf, x's page gets a DRAM page of its own; else, if t is
 *     empty, the head's page (unless present) and t get DRAM pages, and
 *     x's page maps t's page again (no memory); x += Wpte
 *
 * A compound page reached at its head with nothing mapped in its memmap
 * costs exactly its head page and first tail page: it is recorded as one
 * compound block (2 DRAM pages).  Anything else (a start inside a compound
 * page, whose head page then lies below the device; a neighbour's pages
 * in the memmap) is replayed page by page.
 */
static enum vp_status compound_record(struct vp_populate_ctx *x,
				      enum vp_rec_kind kind, uint64_t unit,
				      uint64_t nr, uint64_t first,
				      uint64_t count, struct vp_error *err)
{
	struct vp_block_run r = {
		.first = first, .count = count, .unit = unit, .nr = nr,
		.backing = VP_BACK_DRAM, .dev = x->dev,
	};

	return vp_populate_record(x->st, x->out, x->h, &r, kind,
				  x->g->page_shift, err);
}

static bool pmd_leaf(const struct vp_populate_ctx *x, uint64_t px)
{
	return vp_pmd_state(x->st, x->g->pmd_pfns, px / x->g->pmd_pfns) ==
	       VP_PMD_LEAF;
}

static bool pte_present(const struct vp_populate_ctx *x, uint64_t px)
{
	return vp_state_find(x->st, px - px % x->g->pte_pfns) >= 0;
}

/* A DRAM page of its own for the vmemmap page holding px, if empty. */
static enum vp_status own_page(struct vp_populate_ctx *x, uint64_t px,
			       struct vp_error *err)
{
	if (pte_present(x, px))
		return VP_OK;
	return record(x, true, px / x->g->pte_pfns, 1, VP_BACK_DRAM, 0, err);
}

/* Whether nothing maps any of the compound page [h, h + n)'s memmap. */
static bool compound_clean(const struct vp_populate_ctx *x, uint64_t h)
{
	int i = vp_state_next(x->st, h);

	return i < 0 || vp_run_lo(&x->st->runs[i]) >= h + x->h->compound_pfns;
}

static enum vp_status compound_chunk(struct vp_populate_ctx *x, uint64_t pfn,
				     uint64_t end, struct vp_error *err)
{
	const struct vp_vmemmap_geom *g = x->g;
	uint64_t W = g->pte_pfns, n = x->h->compound_pfns, px, next, h, t;
	enum vp_status s;

	for (px = pfn; px < end; px = next) {
		next = px + W;
		if (pmd_leaf(x, px)) {
			next = (px / g->pmd_pfns + 1) * g->pmd_pfns;
			continue;
		}
		if (pte_present(x, px))
			continue;
		h = px - px % n;
		if (px == h) {
			next = px + 2 * W;
			if (compound_clean(x, h)) {
				s = compound_record(x, VP_REC_COMPOUND, n, 2,
						    h / n, 1, err);
				if (s)
					return s;
				continue;
			}
			if ((s = own_page(x, px, err)))
				return s;
			if (pmd_leaf(x, px + W))
				return vp_fail(err, VP_REFUSED, ENOMEM,
					       "arch/powerpc/mm/book3s64/radix_pgtable.c:vmemmap_populate_compound_pages",
					       "the first tail vmemmap page of the compound page at pfn %#llx is under a PMD leaf (radix__vmemmap_populate_address returns NULL)",
					       (unsigned long long)h);
			if ((s = own_page(x, px + W, err)))
				return s;
			continue;
		}
		t = h + W;
		if (pmd_leaf(x, t) ||
		    (!pte_present(x, t) && pmd_leaf(x, h))) {
			if ((s = own_page(x, px, err)))
				return s;
			continue;
		}
		if (!pte_present(x, t) &&
		    ((s = own_page(x, h, err)) || (s = own_page(x, t, err))))
			return s;
		if (!pte_present(x, px) &&
		    (s = compound_record(x, VP_REC_SHARED, W, 0, px / W, 1,
					 err)))
			return s;
	}
	return VP_OK;
}

/* The runlength engine: a start inside a compound page literally, then
 * clean compound pages in stretches, the others literally.  The range
 * ends on a multiple of n (nd_pfn_init's end_trunc aligns it to align). */
static enum vp_status compound_runlength(struct vp_populate_ctx *x,
					 struct vp_error *err)
{
	uint64_t n = x->h->compound_pfns, P0 = x->h->start_pfn;
	uint64_t P1 = x->h->end_pfn, c = vp_div_up(P0, n), c1 = vp_div_up(P1, n);
	enum vp_status s;

	if (P0 % n &&
	    (s = populate_chunks(x, P0, c * n < P1 ? c * n : P1, false, err)))
		return s;
	while (c < c1) {
		int i = vp_state_next(x->st, c * n);
		uint64_t busy = i < 0 ? c1 : vp_run_lo(&x->st->runs[i]) / n;

		if (busy > c1)
			busy = c1;
		if (busy > c && (c + 1) * n <= P1) {
			if (busy * n > P1)
				busy = P1 / n;
			if ((s = compound_record(x, VP_REC_COMPOUND, n, 2, c,
						 busy - c, err)))
				return s;
			c = busy;
			continue;
		}
		if ((s = populate_chunks(x, c * n, (c + 1) * n < P1 ?
							   (c + 1) * n : P1,
					 false, err)))
			return s;
		c++;
	}
	return vp_valid_add(x->st, P0, P1, err);
}

enum vp_status vp_radix_populate(struct vp_populate_ctx *x,
				 enum vp_engine engine, struct vp_error *err)
{
	const struct vp_hotadd *h = x->h;
	enum vp_status s;

	x->out->blocks_touched = vp_div_up(h->end_pfn, x->g->pmd_pfns) -
				 h->start_pfn / x->g->pmd_pfns;
	if (engine == VP_ENGINE_REFERENCE)
		s = populate_chunks(x, h->start_pfn, h->end_pfn, true, err);
	else if (h->compound_pfns)
		s = compound_runlength(x, err);
	else
		s = populate_runlength(x, err);
	if (s)
		return s;
	x->out->skipped_blocks = vp_untouched_pmds(x->out, x->g->pmd_pfns,
						   h->start_pfn, h->end_pfn);
	return VP_OK;
}
