/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Step 2 of a plan: the vmemmap populate (hot-add) and free (hot-remove)
 * replays over one machine state (memstate.h).  One replay per kernel code
 * path:
 *   - vmemmap.c: the arch/powerpc/mm/init_64.c loop (hash in every
 *     modelled kernel, radix before 6.6);
 *   - vmemmap_radix.c: radix__vmemmap_populate (radix from 6.6 on), with
 *     2 MiB PMD leaves and PAGE_SIZE PTE pages;
 *   - vmemmap_x86.c: arch/x86/mm/init_64.c:vmemmap_populate, with 2 MiB
 *     PMD leaves, 4K base pages, and compound pages for devdax.
 * Each has two engines that must agree:
 *   - reference: literally, section chunk by chunk and block by block, as
 *     mm/memory_hotplug.c:__add_pages and the arch code do;
 *   - runlength: over runs of blocks that the kernel treats alike, stepping
 *     over a whole run at once, so that cost does not grow with the device.
 */
#ifndef VP_VMEMMAP_H
#define VP_VMEMMAP_H

#include <stdbool.h>
#include <stdint.h>

#include "arch.h"
#include "error.h"
#include "kernel.h"
#include "layout.h"
#include "memstate.h"

/* The geometry the populate loops work in. */
struct vp_vmemmap_geom {
	enum vp_vmemmap_path path;
	unsigned page_shift;
	/* init_64.c path: one block size B (mmu_vmemmap_psize). */
	uint64_t block_bytes;		/* B */
	uint64_t pfns_per_block;	/* W = B / sizeof(struct page) */
	uint64_t block_pfns;		/* B >> PAGE_SHIFT (0 if B < PAGE_SIZE) */
	uint64_t dram_block_bytes;	/* PAGE_SIZE << get_order(B) */
	/* radix path: PMD leaves and PTE pages. */
	uint64_t pmd_pfns;		/* pfns a 2 MiB PMD leaf describes */
	uint64_t pmd_nr;		/* pfns of backing it takes */
	uint64_t pte_pfns;		/* pfns a PAGE_SIZE page describes */
	uint64_t section_pfns;
	uint64_t subsection_pfns;
};

#define VP_MAX_DEV_RUNS 16

struct vp_populate_stats {
	uint64_t blocks_touched;	/* blocks (PMDs on radix) the range spans */
	uint64_t altmap_blocks;		/* blocks / PMD leaves from the altmap */
	uint64_t dram_blocks;		/* blocks / PMD leaves from DRAM */
	uint64_t altmap_pages;		/* PTE pages (radix, x86) from the altmap */
	uint64_t dram_pages;		/* PTE pages (radix, x86) from DRAM */
	uint64_t compound_blocks;	/* compound pages whose memmap was mapped
					 * with 2 DRAM pages each (x86 devdax) */
	uint64_t shared_blocks;		/* compound-page blocks mapped only to
					 * pages populated before (no backing) */
	uint64_t cross_blocks;		/* DRAM because altmap_cross_boundary */
	uint64_t fallback_blocks;	/* DRAM because the altmap was full */
	uint64_t skipped_blocks;	/* already mapped by someone else */
	uint64_t premapped_pfns;	/* device pfns whose memmap was mapped */
	uint64_t mapped_pfns;		/* device pfns this hot-add mapped */
	uint64_t first_altmap_pfn;	/* UINT64_MAX if none */
	uint64_t dram_bytes;		/* DRAM taken for struct pages */
	struct vp_block_run runs[VP_MAX_DEV_RUNS];
	unsigned nruns;
};

struct vp_free_stats {
	uint64_t altmap_blocks;		/* given back with vmem_altmap_free */
	uint64_t altmap_pfns;
	uint64_t dram_blocks;		/* given back to the page allocator */
	uint64_t dram_bytes;
	uint64_t kept_blocks;		/* still describe valid pfns: kept */
	/* Blocks in another device's altmap that the free path hands to the
	 * page allocator as if they were DRAM (they fail the removing
	 * device's altmap bound): device memory in the buddy allocator. */
	uint64_t foreign_blocks;
	uint64_t foreign_bytes;
	/* Blocks freed although they still describe valid pfns: only with the
	 * section-granular vmemmap_populated before 5f5d6e40a01e (5.5), when
	 * another namespace's pfns sit in a section whose start is not valid;
	 * that namespace's memmap is then unmapped under it. */
	uint64_t in_use_blocks;
};

void vp_vmemmap_geom(const struct vp_arch_params *p,
		     struct vp_vmemmap_geom *g);

/* Boot RAM [start_pfn, end_pfn): early sections, valid, their vmemmap
 * mapped from memblock before any hot-add. */
enum vp_status vp_vmemmap_boot(const struct vp_vmemmap_geom *g,
			       struct vp_mem_state *st, uint64_t start_pfn,
			       uint64_t end_pfn, struct vp_error *err);

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

/* ---- shared by the two populate paths (vmemmap.c) --------------------- */

/* arch/powerpc/mm/init_64.c:altmap_cross_boundary for the block of n pfns
 * whose first struct page describes start_pfn. */
bool vp_altmap_cross_boundary(const struct vp_kbehaviour *kb,
			      const struct vp_altmap *a, uint64_t start_pfn,
			      uint64_t n);

/* What a recorded run of blocks is, for the statistics. */
enum vp_rec_kind {
	VP_REC_BLOCK,		/* a vmemmap block / PMD leaf */
	VP_REC_PAGE,		/* a PAGE_SIZE page under a PTE */
	VP_REC_COMPOUND,	/* a compound page's memmap (shared tails) */
	VP_REC_SHARED,		/* memmap mapped to pages populated before */
};

/* Records the run r (its blocks' unit, nr, backing, phys) as mapped by
 * this hot-add: in the machine state and in the device's statistics. */
enum vp_status vp_populate_record(struct vp_mem_state *st,
				  struct vp_populate_stats *out,
				  const struct vp_hotadd *h,
				  const struct vp_block_run *r,
				  enum vp_rec_kind kind, unsigned page_shift,
				  struct vp_error *err);

/* Whether the PMD m (of W pfns) is empty, a leaf (a run of unit W maps
 * it), or a table (runs of smaller units map some of it). */
enum vp_pmd_state { VP_PMD_NONE, VP_PMD_LEAF, VP_PMD_TABLE };
enum vp_pmd_state vp_pmd_state(const struct vp_mem_state *st, uint64_t W,
			       uint64_t m);

/* PMDs of [start_pfn, end_pfn) that got nothing from this hot-add. */
uint64_t vp_untouched_pmds(const struct vp_populate_stats *o, uint64_t W,
			   uint64_t start_pfn, uint64_t end_pfn);

/* One hot-add being replayed. */
struct vp_populate_ctx {
	const struct vp_vmemmap_geom *g;
	const struct vp_kbehaviour *kb;
	struct vp_mem_state *st;
	struct vp_hotadd *h;
	struct vp_populate_stats *out;
	unsigned dev;
};

/* Radix: vmemmap_radix.c. */
enum vp_status vp_radix_populate(struct vp_populate_ctx *x,
				 enum vp_engine engine, struct vp_error *err);
/* x86-64: vmemmap_x86.c. */
enum vp_status vp_x86_populate(struct vp_populate_ctx *x,
			       enum vp_engine engine, struct vp_error *err);

#endif
