// SPDX-License-Identifier: GPL-2.0-only
/*
 * Differential test: the run-length engine against the literal
 * block-by-block reference engine, on seeded random cases covering both
 * MMUs, both page sizes, x86-64 (with devdax compound pages), map=dev/mem, every 6.1 sub-era, every legal
 * alignment, misaligned starts, odd sizes, altmap exhaustion (KFENCE hash
 * layouts), boot RAM, and machine states where other pfns are already
 * valid (neighbours sharing blocks and sections).  Every
 * output field and the machine state after populate and after free must be
 * identical.  VP_ENGINE_CASES overrides the case count (default 3000).
 */
#include <stdlib.h>

#include "harness.h"
#include "compare.h"
#include "layout.h"
#include "vmemmap.h"

static uint64_t rng_state = 0x9e3779b97f4a7c15ULL;

static uint64_t rnd(void)
{
	/* xorshift64*: small, seeded, reproducible. */
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 2685821657736338717ULL;
}

static uint64_t pick(uint64_t n)
{
	return rnd() % n;
}

static const char *const kernels[] = { "4.13", "4.14", "4.15", "4.16", "4.20",
				       "5.1", "5.3", "5.4", "5.14", "6.1.0",
				       "6.1.39", "6.1.192", "6.6", "6.12.117",
				       "6.17" };

int main(void)
{
	unsigned n = 3000, i, planned = 0, refused = 0, exhausted = 0;
	const char *env = getenv("VP_ENGINE_CASES");

	if (env)
		n = (unsigned)strtoul(env, NULL, 10);
	for (i = 0; i < n; i++) {
		struct vp_input in;
		struct vp_arch_params p;
		struct vp_layout lay;
		struct vp_vmemmap_geom g;
		struct vp_hotadd h1, h2;
		struct vp_mem_state s1, s2;
		struct vp_populate_stats p1, p2;
		struct vp_free_stats f1, f2;
		struct vp_error err;
		struct vp_kver v;
		char name[160];
		uint64_t unit, j, nprior;
		enum vp_status r1, r2;

		vp_input_defaults(&in);
		in.arch = pick(3) ? VP_ARCH_PPC64 : VP_ARCH_X86_64;
		in.mmu = pick(2) ? VP_MMU_HASH : VP_MMU_RADIX;
		in.page_shift = pick(2) && in.arch == VP_ARCH_PPC64 ? 16 : 12;
		in.map = pick(4) ? VP_MAP_DEV : VP_MAP_MEM;
		in.plat.hash_16m = pick(5) != 0;
		in.plat.boot_ram_bytes = pick(5) ? 1ULL << 30 : 512ULL << 20;
		/* KFENCE: hash compat align 2M under 16M vmemmap blocks, so
		 * with --align 64K the altmap runs out (kernel-model.md E9). */
		in.plat.kfence = pick(4) == 0;
		/* 128-byte struct pages (ppc64 replays powers of two): blocks
		 * then describe half as many pfns. */
		if (in.arch == VP_ARCH_PPC64 && pick(6) == 0)
			in.struct_page_size = 128;
		vp_kver_parse(kernels[pick(sizeof(kernels) / sizeof(kernels[0]))], &v);
		vp_kernel_resolve(&v, &in.kernel);
		if (vp_arch_params(&in, &p, &err))
			continue;
		in.align = p.aligns[pick(p.n_aligns)];
		/* Starts on the compat alignment, sizes in 2 MiB .. ~96 GiB
		 * steps of 2 MiB or of a random page multiple. */
		unit = p.compat_align;
		in.start = (pick(1 << 14) + 1) * unit;
		in.size = (pick(3) ? (pick(48 << 9) + 1) << 21 :
				     (pick(1 << 22) + 1) << p.page_shift);
		in.start_given = true;
		vp_input_resolve(&in);	/* the RAM ranges layout.c checks */
		vp_vmemmap_geom(&p, &g);
		snprintf(name, sizeof(name), "case %u: %s %uK %s %s %#llx+%#llx",
			 i, in.arch == VP_ARCH_X86_64 ? "x86_64" :
							vp_mmu_name(in.mmu),
			 1u << (in.page_shift - 10),
			 vp_map_name(in.map), in.kernel.name,
			 (unsigned long long)in.start,
			 (unsigned long long)in.size);
		t_case = name;
		if (vp_nd_pfn_init(&in, &p, &lay, &err) ||
		    vp_nvdimm_setup_pfn(&in, &p, &lay, &h1, &err)) {
			refused++;
			continue;
		}
		/* devdax map=mem: compound pages of the alignment, at any
		 * start (unaligned ones count from the start on x86, from
		 * absolute multiples on radix), where plan.c:compound_pfns
		 * lets them through: x86 from 5.19, radix from 6.6 when a
		 * compound page's memmap is more than 2 pages. */
		if (!h1.has_altmap && lay.align > p.page_size && pick(2) &&
		    ((in.arch == VP_ARCH_X86_64 &&
		      in.kernel.b.compound_vmemmap != VP_COMPOUND_NONE) ||
		     (in.arch == VP_ARCH_PPC64 && in.mmu == VP_MMU_RADIX &&
		      in.kernel.b.radix_own_populate &&
		      (lay.align >> p.page_shift) * p.struct_page_size >
			      2 * p.page_size)))
			h1.compound_pfns = lay.align >> p.page_shift;
		/* Neighbours: up to 3 valid sub-section aligned ranges around
		 * the device, some sharing its first or last section. */
		memset(&s1, 0, sizeof(s1));
		if (pick(2))
			vp_vmemmap_boot(&g, &s1, 0, in.plat.boot_ram_bytes >>
						 p.page_shift, &err);
		nprior = pick(4);
		for (j = 0; j < nprior; j++) {
			uint64_t ss = g.subsection_pfns, lo, len;

			len = (pick(64) + 1) * ss;
			if (pick(2)) {
				uint64_t gap = pick(4) * ss;

				if (h1.start_pfn < len + gap)
					continue;
				lo = h1.start_pfn - len - gap;
			} else {
				lo = h1.end_pfn + pick(4) * ss;
				lo = (lo + ss - 1) / ss * ss;
			}
			{
				struct vp_hotadd nb = { .start_pfn = lo,
							.end_pfn = lo + len };
				struct vp_populate_stats ps;

				/* A neighbour without an altmap, planned first
				 * with the reference engine. */
				if (vp_vmemmap_populate(&g, &in.kernel.b,
							VP_ENGINE_REFERENCE,
							&s1, 1 + (unsigned)j,
							&nb, &ps, &err))
					break;
			}
		}
		s2 = s1;
		h2 = h1;
		r1 = vp_vmemmap_populate(&g, &in.kernel.b, VP_ENGINE_RUNLENGTH,
					 &s1, 0, &h1, &p1, &err);
		r2 = vp_vmemmap_populate(&g, &in.kernel.b, VP_ENGINE_REFERENCE,
					 &s2, 0, &h2, &p2, &err);
		EXPECT_U64(r1, r2);
		if (r1 || r2)
			continue;
		planned++;
		exhausted += p1.fallback_blocks != 0;
		EXPECT_TRUE(same_populate(&p1, &p2));
		EXPECT_TRUE(same_hotadd(&h1, &h2));
		EXPECT_TRUE(same_state(&s1, &s2));
		if (!same_populate(&p1, &p2)) {
			fprintf(stderr, "  runlength: altmap %llu dram %llu skip %llu cross %llu fb %llu\n",
				(unsigned long long)p1.altmap_blocks,
				(unsigned long long)p1.dram_blocks,
				(unsigned long long)p1.skipped_blocks,
				(unsigned long long)p1.cross_blocks,
				(unsigned long long)p1.fallback_blocks);
			fprintf(stderr, "  reference: altmap %llu dram %llu skip %llu cross %llu fb %llu\n",
				(unsigned long long)p2.altmap_blocks,
				(unsigned long long)p2.dram_blocks,
				(unsigned long long)p2.skipped_blocks,
				(unsigned long long)p2.cross_blocks,
				(unsigned long long)p2.fallback_blocks);
		}
		r1 = vp_vmemmap_free(&g, &in.kernel.b, VP_ENGINE_RUNLENGTH, &s1,
				     &h1, &f1, &err);
		r2 = vp_vmemmap_free(&g, &in.kernel.b, VP_ENGINE_REFERENCE, &s2,
				     &h2, &f2, &err);
		EXPECT_U64(r1, r2);
		EXPECT_TRUE(same_free(&f1, &f2));
		EXPECT_TRUE(same_hotadd(&h1, &h2));
		EXPECT_TRUE(same_state(&s1, &s2));
	}
	printf("engines: %u cases, %u planned (%u with DRAM fallback), %u refused by nd_pfn_init\n",
	       n, planned, exhausted, refused);
	return t_report("engines");
}
