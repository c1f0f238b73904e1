/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Step 3: a whole plan.  vp_plan() runs layout -> hot-add (populate) ->
 * hot-remove (free) for the device over one machine state, and fills a
 * struct vp_result that every output format renders as it is.
 */
#ifndef VP_PLAN_H
#define VP_PLAN_H

#include <stdint.h>

#include "arch.h"
#include "error.h"
#include "input.h"
#include "inverse.h"
#include "layout.h"
#include "vmemmap.h"

/* State after the device is hot-removed again (devm_memunmap_pages). */
struct vp_after_free {
	uint64_t alloc;			/* altmap->alloc afterwards (0 expected) */
	uint64_t align;			/* altmap->align: never given back */
	uint64_t altmap_freed_pfns;	/* returned with vmem_altmap_free */
	uint64_t dram_freed_bytes;	/* returned to the page allocator */
	uint64_t kept_blocks;		/* still mapped: describe other pfns */
};

struct vp_device_result {
	char name[32];
	uint64_t start, size;
	bool start_given;
	enum vp_mode mode;
	enum vp_map map;
	bool live;			/* added and not removed at the end */
	bool removed;			/* a step removed it (after_free is real) */
	uint64_t unbacked_pfns;		/* pfns whose memmap no block maps
					 * after its add (kernel-model D9) */
	struct vp_layout layout;
	struct vp_hotadd hotadd;	/* the hot-added range and the altmap
					 * as populate left it */
	struct vp_populate_stats populate;
	uint64_t memmap_bytes;		/* 64 x pfns hot-added */
	uint64_t altmap_bytes;		/* alloc x PAGE_SIZE */
	uint64_t dram_bytes;		/* DRAM blocks x 2^order pages */
	uint64_t reserved_pfns;		/* vmem_altmap_offset; PFN(dataoff)
					 * without an altmap */
	uint64_t align_waste_bytes;	/* altmap align x PAGE_SIZE */
	uint64_t unused_altmap_bytes;	/* (free - alloc - align) x PAGE_SIZE */
	uint64_t dataoff_pad_bytes;	/* map=mem: dataoff - info block */
	struct vp_after_free after_free;
};

struct vp_totals {
	uint64_t size_bytes;		/* the devices live after the last add */
	uint64_t memmap_bytes;
	uint64_t moved_to_device_bytes;
	uint64_t dram_bytes;
	uint64_t reserved_pfns;
	uint64_t alignment_waste_bytes;
	uint64_t usable_bytes;
};

#define VP_MAX_WARNINGS 24

struct vp_warning {
	const char *code;	/* stable identifier, e.g. "edge_blocks_dram" */
	char msg[320];
};

/* What one step did (steps of vp_input, in order). */
struct vp_step_result {
	enum vp_step_op op;
	unsigned dev;
	struct vp_populate_stats populate;	/* add */
	struct vp_free_stats freed;		/* remove */
	uint64_t dram_in_use_bytes;	/* DRAM mapped for memmap afterwards */
	/* Every device's altmap afterwards (live ones; has_altmap). */
	struct {
		bool live, has_altmap;
		uint64_t alloc, align;
	} altmap[VP_MAX_DEVICES];
};

/* What is left once the last step is done. */
struct vp_leftover {
	uint64_t mapped_blocks;		/* vmemmap blocks/pages still mapped */
	uint64_t mapped_dram_bytes;	/* of which DRAM (not boot memory) */
	uint64_t mapped_altmap_pfns;	/* of which in some altmap */
	uint64_t align_pfns;		/* altmap padding never given back */
};

struct vp_result {
	struct vp_input in;
	struct vp_arch_params arch;
	struct vp_vmemmap_geom geom;
	unsigned ndev;
	struct vp_device_result dev[VP_MAX_DEVICES];
	unsigned nsteps;
	struct vp_step_result step[VP_MAX_STEPS];
	struct vp_leftover leftover;
	struct vp_totals totals;		/* after the last add */
	unsigned nwarn;
	unsigned nwarn_dropped;		/* warnings past VP_MAX_WARNINGS */
	struct vp_warning warn[VP_MAX_WARNINGS];
	/* The DRAM part of the memmap against its NUMA node (in.numa). */
	double dram_share_of_node, dram_share_of_total;
	bool has_inverse;		/* answered an inverse question */
	struct vp_inverse inverse;
};

/*
 * Plans in->size bytes at in->start, or the devices and steps of in.  VP_OK: res is complete and passed
 * vp_check().  Otherwise err says why (a kernel refusal, an unsupported
 * combination or an internal error); res then holds the inputs and the
 * architecture parameters only.
 */
enum vp_status vp_plan(const struct vp_input *in, struct vp_result *res,
		       struct vp_error *err);

#endif
