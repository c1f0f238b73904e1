/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Step 2 of a plan: the vmemmap populate (hot-add) and free (hot-remove)
 * replays of arch/powerpc/mm/init_64.c over one machine state.
 *
 * The machine state is kept as intervals (valid pfn ranges, runs of mapped
 * vmemmap blocks), so its size does not grow with the device.  Two engines
 * replay the same kernel loop:
 *   - reference: literally, section chunk by section chunk and block by
 *     block, as mm/memory_hotplug.c:__add_pages and init_64.c do;
 *   - runlength: over runs of blocks that the kernel treats identically
 *     (same "populated" answer, same altmap_cross_boundary answer, altmap
 *     requests of the same size), stepping over a whole run at once.
 * Both must give identical results; tests compare them.
 */
#ifndef VP_VMEMMAP_H
#define VP_VMEMMAP_H

#include <stdbool.h>
#include <stdint.h>

#include "arch.h"
#include "error.h"
#include "kernel.h"
#include "layout.h"

enum vp_backing {
	VP_BACK_ALTMAP,		/* a device's vmem_altmap */
	VP_BACK_DRAM,		/* the page allocator, at hot-add */
	VP_BACK_BOOT,		/* memblock, at boot (early sections) */
};

/* A run of consecutive vmemmap blocks with the same backing.  Altmap runs
 * are physically contiguous from phys_pfn. */
struct vp_block_run {
	uint64_t first;		/* index of the first block (block i describes
				 * pfns [i*W, (i+1)*W), W = block bytes / 64) */
	uint64_t count;
	enum vp_backing backing;
	uint64_t phys_pfn;	/* first backing pfn (altmap runs only) */
	unsigned dev;		/* which device's hot-add allocated it */
};

#define VP_MAX_INTERVALS 64
#define VP_MAX_RUNS 64

struct vp_pfn_interval {
	uint64_t lo, hi;	/* [lo, hi) */
};

/* What the kernel knows: which pfns are valid (sub-section bits of valid
 * sections), and which vmemmap blocks are mapped (the vmemmap_list). */
struct vp_mem_state {
	struct vp_pfn_interval valid[VP_MAX_INTERVALS];
	unsigned nvalid;
	struct vp_block_run runs[VP_MAX_RUNS];
	unsigned nruns;
};

/* The geometry the populate loop works in. */
struct vp_vmemmap_geom {
	unsigned page_shift;
	uint64_t block_bytes;		/* B */
	uint64_t pfns_per_block;	/* W = B / sizeof(struct page) */
	uint64_t block_pfns;		/* nr = B >> PAGE_SHIFT (0 if B < PAGE_SIZE) */
	uint64_t dram_block_bytes;	/* PAGE_SIZE << get_order(B) */
	uint64_t section_pfns;
	uint64_t subsection_pfns;
};

#define VP_MAX_DEV_RUNS 16

struct vp_populate_stats {
	uint64_t blocks_touched;	/* blocks the device's range spans */
	uint64_t altmap_blocks;		/* populated from the device's altmap */
	uint64_t dram_blocks;		/* populated from DRAM */
	uint64_t cross_blocks;		/* of those, by altmap_cross_boundary */
	uint64_t fallback_blocks;	/* of those, because the altmap was full */
	uint64_t skipped_blocks;	/* already populated by someone else */
	uint64_t first_altmap_pfn;	/* UINT64_MAX if none */
	struct vp_block_run runs[VP_MAX_DEV_RUNS];
	unsigned nruns;
};

struct vp_free_stats {
	uint64_t altmap_blocks;		/* given back with vmem_altmap_free */
	uint64_t altmap_pfns;
	uint64_t dram_blocks;		/* given back to the page allocator */
	uint64_t kept_blocks;		/* still describe valid pfns: not freed */
};

void vp_vmemmap_geom(const struct vp_arch_params *p,
		     struct vp_vmemmap_geom *g);

/* Boot RAM [0, end_pfn): early sections, valid, their vmemmap mapped from
 * memblock before any hot-add. */
enum vp_status vp_vmemmap_boot(const struct vp_vmemmap_geom *g,
			       struct vp_mem_state *st, uint64_t end_pfn,
			       struct vp_error *err);

enum vp_status vp_vmemmap_populate(const struct vp_vmemmap_geom *g,
				   const struct vp_kbehaviour *kb,
				   enum vp_engine engine,
				   struct vp_mem_state *st, unsigned dev,
				   struct vp_hotadd *h,
				   struct vp_populate_stats *out,
				   struct vp_error *err);

enum vp_status vp_vmemmap_free(const struct vp_vmemmap_geom *g,
			       const struct vp_kbehaviour *kb,
			       enum vp_engine engine, struct vp_mem_state *st,
			       struct vp_hotadd *h, struct vp_free_stats *out,
			       struct vp_error *err);

#endif
