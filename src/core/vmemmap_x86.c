// SPDX-License-Identifier: GPL-2.0-only
/*
 * x86-64: arch/x86/mm/init_64.c:vmemmap_populate (Debian linux-source-6.1
 * 6.1.192, lines 1594-1615, "@6.1"; the same text in linux-source-6.12
 * 6.12.117, lines 1559-1580, "@6.12"), called per section chunk by
 * mm/sparse.c:section_activate -> mm/sparse-vmemmap.c:
 * __populate_section_memmap @6.1 (lines 376-398).  A section is 128 MiB,
 * whose memmap is exactly one 2 MiB PMD of vmemmap (Wpmd = 32768 pfns); a
 * 4K vmemmap page describes Wpte = 64 pfns.
 *
 *   section_activate: a chunk inside an early (boot) section reuses the
 *     boot memmap and populates nothing (mm/sparse.c line 874 @6.1)
 *   if vmemmap_can_optimize (devdax map=mem, compound pages of n pfns):
 *     vmemmap_populate_compound_pages (sparse-vmemmap.c lines 325-374):
 *       a chunk whose offset from the range start is not a multiple of n
 *       (n > a sub-section) maps every page to the previous section's
 *       tail page: nothing new;
 *       otherwise per compound page in the chunk: a DRAM page for the head
 *       struct page, one for the first tails, and the rest mapped to that
 *       tail page again: 2 DRAM pages per compound page
 *   else if the chunk's memmap is below one section's (a partial section):
 *     vmemmap_populate_basepages(start, end, node, NULL): 4K DRAM pages,
 *     the altmap dropped, even with map=dev
 *   else vmemmap_populate_hugepages (x86's own @6.1, lines 1530-1592; the
 *     generic one in mm/sparse-vmemmap.c @6.12, lines 316-366), per PMD:
 *       empty: altmap_alloc_block_buf(PMD_SIZE) with an altmap, failing
 *              with -ENOMEM ("no fallback"); else an order-9 DRAM block
 *       leaf:  already mapped, skipped (vmemmap_verify)
 *       table: vmemmap_populate_basepages(addr, next, node, NULL): 4K DRAM
 *              pages @6.1; from 2045a3b8911b (6.2) the generic loop passes
 *              the altmap (no DRAM fallback).  One device never gets
 *              here: a full section's PMD is only a table when another
 *              device mapped part of that section first.
 * Page-table pages are not counted (kernel-model.md D18).
 */
#include "vmemmap.h"

#include <errno.h>

#include "altmap.h"

#define HUGEPAGES "arch/x86/mm/init_64.c:vmemmap_populate_hugepages"

static enum vp_status record(struct vp_populate_ctx *x, enum vp_rec_kind k,
			     uint64_t first, uint64_t count, enum vp_backing b,
			     uint64_t phys, struct vp_error *err)
{
	const struct vp_vmemmap_geom *g = x->g;
	struct vp_block_run r = {
		.first = first, .count = count, .backing = b,
		.phys_pfn = phys, .dev = x->dev,
	};

	switch (k) {
	case VP_REC_BLOCK:
		r.unit = g->pmd_pfns;
		r.nr = g->pmd_nr;
		break;
	case VP_REC_PAGE:
		r.unit = g->pte_pfns;
		r.nr = 1;
		break;
	case VP_REC_COMPOUND:
		/* Head page plus first-tail page (VMEMMAP_RESERVE_NR, mm.h). */
		r.unit = x->h->compound_pfns;
		r.nr = 2;
		break;
	case VP_REC_SHARED:
		r.unit = x->h->compound_pfns;
		r.nr = 0;
		break;
	}
	return vp_populate_record(x->st, x->out, x->h, &r, k, g->page_shift,
				  err);
}

static enum vp_status enomem(const struct vp_populate_ctx *x, uint64_t m,
			     struct vp_error *err)
{
	return vp_fail(err, VP_REFUSED, ENOMEM, HUGEPAGES,
		       "the altmap has no room for the vmemmap PMD of pfns %#llx-%#llx (reserve %llu pfns, %llu used, %llu padding) and x86-64 has no DRAM fallback",
		       (unsigned long long)(m * x->g->pmd_pfns),
		       (unsigned long long)((m + 1) * x->g->pmd_pfns - 1),
		       (unsigned long long)x->h->altmap.free,
		       (unsigned long long)x->h->altmap.alloc,
		       (unsigned long long)x->h->altmap.align);
}

/* n empty PTE pages from p on, from the altmap: vmemmap_pte_populate ->
 * vmemmap_alloc_block_buf(PAGE_SIZE, node, altmap), which has no DRAM
 * fallback (mm/sparse-vmemmap.c line 77 @6.1); 1-pfn requests are never
 * padded. */
static enum vp_status pages_altmap(struct vp_populate_ctx *x, uint64_t p,
				   uint64_t n, struct vp_error *err)
{
	struct vp_altmap *a = &x->h->altmap;
	uint64_t room = vp_altmap_room(a), k = n < room ? n : room;
	uint64_t phys = a->base_pfn + a->reserve + a->alloc + a->align;
	enum vp_status s;

	if (k) {
		a->alloc += k;
		if ((s = record(x, VP_REC_PAGE, p, k, VP_BACK_ALTMAP, phys,
				err)))
			return s;
	}
	if (k < n)
		return vp_fail(err, VP_REFUSED, ENOMEM,
			       "mm/sparse-vmemmap.c:vmemmap_populate_basepages",
			       "the altmap has no room for the vmemmap page of pfns %#llx-%#llx",
			       (unsigned long long)((p + k) * x->g->pte_pfns),
			       (unsigned long long)((p + k + 1) * x->g->pte_pfns - 1));
	return VP_OK;
}

/* vmemmap_populate_basepages(lo, hi, node, altmap or NULL): a page for
 * every vmemmap page of pfns [lo, hi) whose PTE is empty. */
static enum vp_status basepages(struct vp_populate_ctx *x, uint64_t lo,
				uint64_t hi, bool altmap, struct vp_error *err)
{
	uint64_t W = x->g->pte_pfns, p = lo / W, e = vp_div_up(hi, W), stop;
	enum vp_status s;

	while (p < e) {
		int i = vp_state_next(x->st, p * W);

		stop = i < 0 ? e : vp_run_lo(&x->st->runs[i]) / W;
		if (stop > e)
			stop = e;
		if (stop > p) {
			s = altmap ? pages_altmap(x, p, stop - p, err) :
				     record(x, VP_REC_PAGE, p, stop - p,
					    VP_BACK_DRAM, 0, err);
			if (s)
				return s;
			p = stop;
			continue;
		}
		/* Pages the run i already maps: skip past it. */
		p = vp_div_up(vp_run_hi(&x->st->runs[i]), W);
	}
	return VP_OK;
}

/* vmemmap_populate_hugepages for n empty PMDs from m on. */
static enum vp_status pmds_empty(struct vp_populate_ctx *x, uint64_t m,
				 uint64_t n, struct vp_error *err)
{
	struct vp_altmap *a = &x->h->altmap;
	uint64_t nr = x->g->pmd_nr, phys, k;
	enum vp_status s;

	if (n == 0)
		return VP_OK;
	if (!x->h->has_altmap)
		return record(x, VP_REC_BLOCK, m, n, VP_BACK_DRAM, 0, err);
	/* The first request may be padded to 512-pfn alignment; the next
	 * pfn then stays aligned, so k more fit unpadded. */
	if (!vp_altmap_alloc(a, nr, &phys))
		return enomem(x, m, err);
	k = vp_altmap_room(a) / nr;
	if (k > n - 1)
		k = n - 1;
	a->alloc += k * nr;
	if ((s = record(x, VP_REC_BLOCK, m, 1 + k, VP_BACK_ALTMAP, phys, err)))
		return s;
	if (1 + k < n)
		return enomem(x, m + 1 + k, err);
	return VP_OK;
}

/* vmemmap_populate_compound_pages for the chunk [pfn, end). */
static enum vp_status compound_chunk(struct vp_populate_ctx *x, uint64_t pfn,
				     uint64_t end, struct vp_error *err)
{
	uint64_t n = x->h->compound_pfns, off = pfn - x->h->start_pfn;

	/* reuse_compound_section: the pages map the tail page the chunk
	 * holding the compound page's start populated. */
	if (off % n && n > x->g->subsection_pfns)
		return VP_OK;
	/* The compound pages starting in the chunk (their starts are
	 * range-relative; vp_plan only lets through ranges where they are
	 * also multiples of n, so block i is pfns [i n, (i+1) n)). */
	return record(x, VP_REC_COMPOUND, vp_div_up(pfn, n),
		      vp_div_up(end, n) - vp_div_up(pfn, n), VP_BACK_DRAM, 0,
		      err);
}

/* Whether every pfn of [lo, hi) already has its memmap mapped: an early
 * section's chunk (section_activate returns before populating). */
static bool premapped(const struct vp_mem_state *st, uint64_t lo, uint64_t hi)
{
	int i = vp_state_find(st, lo);

	return i >= 0 && vp_run_hi(&st->runs[i]) >= hi;
}

/* One chunk [pfn, end) of __add_pages, within one section. */
static enum vp_status populate_chunk(struct vp_populate_ctx *x, uint64_t pfn,
				     uint64_t end, struct vp_error *err)
{
	const struct vp_vmemmap_geom *g = x->g;
	uint64_t m = pfn / g->pmd_pfns;

	if (premapped(x->st, pfn, end))
		return VP_OK;
	if (x->h->compound_pfns)
		return compound_chunk(x, pfn, end, err);
	if (end - pfn < g->section_pfns)
		return basepages(x, pfn, end, false, err);
	switch (vp_pmd_state(x->st, g->pmd_pfns, m)) {
	case VP_PMD_NONE:
		return pmds_empty(x, m, 1, err);
	case VP_PMD_LEAF:
		return VP_OK;
	case VP_PMD_TABLE:
		break;
	}
	return basepages(x, pfn, end,
			 x->h->has_altmap && x->kb->x86_table_pages_altmap, err);
}

static enum vp_status populate_chunks(struct vp_populate_ctx *x, uint64_t lo,
				      uint64_t hi, struct vp_error *err)
{
	uint64_t S = x->g->section_pfns, pfn, cur;
	enum vp_status s;

	for (pfn = lo; pfn < hi; pfn += cur) {
		cur = vp_chunk_end(pfn, hi, S) - pfn;
		if ((s = populate_chunk(x, pfn, pfn + cur, err)))
			return s;
	}
	return VP_OK;
}

/*
 * The runlength engine: the first and the last section literally, and the
 * whole sections between them in stretches that no run of the machine
 * state touches, each in one step (a section chunk is one PMD).
 */
static enum vp_status populate_runlength(struct vp_populate_ctx *x,
					 struct vp_error *err)
{
	uint64_t S = x->g->section_pfns, P0 = x->h->start_pfn;
	uint64_t P1 = x->h->end_pfn, m0 = P0 / S, m1 = vp_div_up(P1, S), m;
	enum vp_status s;

	if ((s = populate_chunks(x, P0, (m0 + 1) * S < P1 ? (m0 + 1) * S : P1,
				 err)))
		return s;
	for (m = m0 + 1; m + 1 < m1;) {
		int i = vp_state_next(x->st, m * S);
		uint64_t busy = i < 0 ? m1 - 1 : vp_run_lo(&x->st->runs[i]) / S;

		if (busy > m1 - 1)
			busy = m1 - 1;
		if (busy <= m) {
			if ((s = populate_chunk(x, m * S, (m + 1) * S, err)))
				return s;
			m++;
			continue;
		}
		s = x->h->compound_pfns ?
			    compound_chunk(x, m * S, busy * S, err) :
			    pmds_empty(x, m, busy - m, err);
		if (s)
			return s;
		m = busy;
	}
	if (m1 - 1 > m0 &&
	    (s = populate_chunks(x, (m1 - 1) * S, P1, err)))
		return s;
	return VP_OK;
}

/*
 * Compound pages counted from a start P0 that is not a multiple of their
 * size n (vmemmap_populate_compound_pages with reuse_compound_section):
 * only a chunk whose offset from P0 is a multiple of n populates, a head
 * and a tail page; every other chunk maps its memmap to the tail page of
 * the section before.  K chunks populate: the first, and, when P0 is
 * section-aligned, one every n pfns.  Their pages are recorded on the
 * absolute n-pfn blocks holding those chunk starts, [P0/n, P0/n + K) (one
 * each: the starts are n apart), and the rest of the range on blocks with
 * no pages of their own.  Measured on Debian's 6.1.192 under qemu
 * (tests/kernel/x86.sh, odd-devdax-mem-1G: 4G at 0x105000000, 2 pages).
 */
static enum vp_status compound_unaligned(struct vp_populate_ctx *x,
					 enum vp_engine engine,
					 struct vp_error *err)
{
	uint64_t n = x->h->compound_pfns, S = x->g->section_pfns;
	uint64_t P0 = x->h->start_pfn, P1 = x->h->end_pfn, k = 0, pfn, cur;
	enum vp_status s;

	if (engine == VP_ENGINE_REFERENCE) {
		for (pfn = P0; pfn < P1; pfn += cur) {
			cur = vp_chunk_end(pfn, P1, S) - pfn;
			k += (pfn - P0) % n == 0 && !premapped(x->st, pfn, pfn + cur);
		}
	} else {
		k = P0 % S ? 1 : vp_div_up(P1 - P0, n);
		k -= premapped(x->st, P0, vp_chunk_end(P0, P1, S));
	}
	if ((s = record(x, VP_REC_COMPOUND, P0 / n, k, VP_BACK_DRAM, 0, err)))
		return s;
	return record(x, VP_REC_SHARED, P0 / n + k,
		      vp_div_up(P1, n) - (P0 / n + k), VP_BACK_DRAM, 0, err);
}

enum vp_status vp_x86_populate(struct vp_populate_ctx *x,
			       enum vp_engine engine, struct vp_error *err)
{
	const struct vp_hotadd *h = x->h;
	uint64_t W = x->g->pmd_pfns;
	enum vp_status s;

	x->out->blocks_touched = vp_div_up(h->end_pfn, W) - h->start_pfn / W;
	if (h->compound_pfns && h->start_pfn % h->compound_pfns)
		s = compound_unaligned(x, engine, err);
	else if (engine == VP_ENGINE_REFERENCE)
		s = populate_chunks(x, h->start_pfn, h->end_pfn, err);
	else
		s = populate_runlength(x, err);
	if (s)
		return s;
	x->out->skipped_blocks = vp_untouched_pmds(x->out, W, h->start_pfn,
						   h->end_pfn);
	return vp_valid_add(x->st, h->start_pfn, h->end_pfn, err);
}
