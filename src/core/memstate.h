/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The machine state the populate and free replays run over: which pfns are
 * valid (the sub-section bits of valid sections) and which vmemmap blocks
 * are mapped, with what backing (the vmemmap_list, or the radix page
 * tables).  Both are kept as sorted intervals, so the state's size depends
 * on how many devices and edges there are, never on how large they are.
 */
#ifndef VP_MEMSTATE_H
#define VP_MEMSTATE_H

#include <stdbool.h>
#include <stdint.h>

#include "error.h"

enum vp_backing {
	VP_BACK_ALTMAP,		/* a device's vmem_altmap */
	VP_BACK_DRAM,		/* the page allocator, at hot-add */
	VP_BACK_BOOT,		/* memblock, at boot (early sections) */
};

/*
 * A run of consecutive mapped vmemmap blocks of one size and backing.  A
 * block of `unit` pfns describes pfns [i * unit, (i + 1) * unit) and takes
 * `nr` pfns of backing; altmap runs are physically contiguous from
 * phys_pfn.  (The init_64.c path has one block size; radix has 2 MiB PMD
 * leaves and PAGE_SIZE PTE pages.)
 */
struct vp_block_run {
	uint64_t first;		/* index of the first block, in `unit`s */
	uint64_t count;
	uint64_t unit;		/* pfns one block describes */
	uint64_t nr;		/* pfns of backing one block takes */
	enum vp_backing backing;
	uint64_t phys_pfn;	/* first backing pfn (altmap runs only) */
	unsigned dev;		/* which device's hot-add allocated it */
};

#define VP_MAX_INTERVALS 64
#define VP_MAX_RUNS 64

struct vp_pfn_interval {
	uint64_t lo, hi;	/* [lo, hi) */
};

struct vp_mem_state {
	struct vp_pfn_interval valid[VP_MAX_INTERVALS];
	unsigned nvalid;
	struct vp_block_run runs[VP_MAX_RUNS];	/* sorted by first pfn */
	unsigned nruns;
};

static inline uint64_t vp_div_up(uint64_t a, uint64_t b)
{
	return a / b + (a % b != 0);
}

static inline uint64_t vp_run_lo(const struct vp_block_run *r)
{
	return r->first * r->unit;
}

static inline uint64_t vp_run_hi(const struct vp_block_run *r)
{
	return (r->first + r->count) * r->unit;
}

/*
 * The end of the hot-add chunk that starts at pfn: mm/memory_hotplug.c:
 * __add_pages and __remove_pages @6.1 (lines 332-335, 536-540) cut a range
 * at section boundaries (S pfns) and at its end.
 */
static inline uint64_t vp_chunk_end(uint64_t pfn, uint64_t end, uint64_t S)
{
	uint64_t next = (pfn / S + 1) * S;

	return next < end ? next : end;
}

bool vp_valid_intersects(const struct vp_mem_state *st, uint64_t lo,
			 uint64_t hi);
enum vp_status vp_valid_add(struct vp_mem_state *st, uint64_t lo, uint64_t hi,
			    struct vp_error *err);
enum vp_status vp_valid_remove(struct vp_mem_state *st, uint64_t lo,
			       uint64_t hi, struct vp_error *err);

/*
 * Whether block c (of W pfns) describes a pfn of the sorted intervals v,
 * which is what vmemmap_populated() asks, and in *stop the first block in
 * (c, e] where the answer may change.
 */
bool vp_blocks_populated(const struct vp_pfn_interval *v, unsigned n,
			 uint64_t W, uint64_t c, uint64_t e, uint64_t *stop);

/*
 * The valid intervals as a section-granular vmemmap_populated() sees them
 * (before 5f5d6e40a01e, 5.5): it tests pfn_valid() of section starts only,
 * so [lo, hi) counts as [ALIGN(lo, S), ALIGN(hi, S)); empty ones drop out.
 * out may be v.
 */
void vp_valid_section_starts(const struct vp_pfn_interval *v, unsigned n,
			     uint64_t S, struct vp_pfn_interval *out,
			     unsigned *nout);

/* Pfns of [lo, hi) whose memmap some run of the state maps. */
uint64_t vp_state_covered(const struct vp_mem_state *st, uint64_t lo,
			  uint64_t hi);

/* The run whose blocks describe pfn, or -1. */
int vp_state_find(const struct vp_mem_state *st, uint64_t pfn);
/* The first run describing a pfn >= pfn, or -1. */
int vp_state_next(const struct vp_mem_state *st, uint64_t pfn);

/* Appends r to a sorted list of at most max runs, merging with the last. */
enum vp_status vp_runs_append(struct vp_block_run *runs, unsigned *n,
			      unsigned max, const struct vp_block_run *r,
			      struct vp_error *err);
/* Inserts r into the state's runs (sorted, merged with neighbours). */
enum vp_status vp_state_add_run(struct vp_mem_state *st,
				const struct vp_block_run *r,
				struct vp_error *err);
/* Removes blocks [first, first + count) of run i. */
enum vp_status vp_state_remove_blocks(struct vp_mem_state *st, unsigned i,
				      uint64_t first, uint64_t count,
				      struct vp_error *err);

#endif
