// SPDX-License-Identifier: GPL-2.0-only
/* Version grammar, the v5.7 baseline, and the 6.1.y sub-eras of the change
 * table (6e9f05dc66f9 raised the reserve to 128 in v6.1):
 *   6.1.0 - 6.1.11   MAX_STRUCT_PAGE_SIZE 128 (c91d71363084 in 6.1.12)
 *   6.1.0 - 6.1.38   altmap_cross_boundary off by one (c8eebc4a99f1, 6.1.39)
 *   6.1.0 - 6.1.44   vmemmap_free's loose altmap bound (6722b2571205, 6.1.45)
 *   6.1.0 - 6.1.183  vmemmap_can_optimize ungated (87a7ae75d738, 6.1.184)
 * Compound-page vmemmap: N none (before 4917f55b4ef9, 5.17), A on every
 * architecture, O only where the architecture opts in (87a7ae75d738).
 * Stable releases from Debian's changelog.Debian.gz "ChangeLog-6.1.N"
 * headings (docs/kernel-changes.md). */
#include "harness.h"
#include "kernel.h"

#define N VP_COMPOUND_NONE
#define A VP_COMPOUND_ALL_ARCHES
#define O VP_COMPOUND_OPT_IN

static const struct {
	const char *in;
	enum vp_kver_status st;
	unsigned reserve;
	int off_by_one, loose_free;
	enum vp_compound compound;
} vers[] = {
	{ "6.1", VP_KVER_OK, 128, 1, 1, A },
	{ "6.1.0", VP_KVER_OK, 128, 1, 1, A },
	{ "6.1.11", VP_KVER_OK, 128, 1, 1, A },
	{ "6.1.12", VP_KVER_OK, 64, 1, 1, A },
	{ "6.1.38", VP_KVER_OK, 64, 1, 1, A },
	{ "6.1.39", VP_KVER_OK, 64, 0, 1, A },
	{ "6.1.44", VP_KVER_OK, 64, 0, 1, A },
	{ "6.1.45", VP_KVER_OK, 64, 0, 0, A },
	{ "6.1.52", VP_KVER_OK, 64, 0, 0, A },
	{ "6.1.183", VP_KVER_OK, 64, 0, 0, A },
	{ "6.1.184", VP_KVER_OK, 64, 0, 0, O },
	{ "6.1.192", VP_KVER_OK, 64, 0, 0, O },
	{ "6.1.192-2", VP_KVER_OK, 64, 0, 0, O },
	{ "6.1.0-13-powerpc64le", VP_KVER_OK, 128, 1, 1, A },
	{ "4.12", VP_KVER_TOO_OLD, 0, 0, 0, N },
	{ "3.10.0", VP_KVER_TOO_OLD, 0, 0, 0, N },
	/* 4.13 to 5.2: the v4.13 baseline and its rows, with no boundary
	 * test and (for 9ef34630a461's free path, 4.20) the loose bound. */
	{ "4.13", VP_KVER_OK, 64, 0, 1, N },
	{ "4.13.16", VP_KVER_OK, 64, 0, 1, N },
	{ "4.14", VP_KVER_OK, 64, 0, 1, N },
	{ "4.15.0-20-generic", VP_KVER_OK, 64, 0, 1, N },
	{ "5.2.21", VP_KVER_OK, 64, 0, 1, N },
	/* RHEL 8: refused, it is not upstream 4.18 (kernel.c). */
	{ "4.18.0-553.el8", VP_KVER_NOT_UPSTREAM, 0, 0, 0, N },
	{ "4.18.0-553.el8_10.ppc64le", VP_KVER_NOT_UPSTREAM, 0, 0, 0, N },
	{ "4.18.20", VP_KVER_OK, 64, 0, 1, N },
	{ "5.3", VP_KVER_OK, 64, 1, 1, N },
	{ "5.3.18", VP_KVER_OK, 64, 1, 1, N },
	{ "5.4", VP_KVER_OK, 64, 1, 1, N },
	{ "5.6.19", VP_KVER_OK, 64, 1, 1, N },
	/* v5.7 baseline: 64-byte reserve, off-by-one (cf387d9644d8, 5.4),
	 * loose free bound, no compound vmemmap before 4917f55b4ef9 (5.19;
	 * 5.17's 14606001efb4 makes devdax pages compound but populates their
	 * whole memmap). */
	{ "5.7", VP_KVER_OK, 64, 1, 1, N },
	{ "5.14.0-362.el9", VP_KVER_OK, 64, 1, 1, N },
	{ "5.15.100", VP_KVER_OK, 64, 1, 1, N },
	{ "5.16", VP_KVER_OK, 64, 1, 1, N },
	{ "5.17", VP_KVER_OK, 64, 1, 1, N },	/* 14606001efb4 only */
	{ "5.18.19", VP_KVER_OK, 64, 1, 1, N },
	{ "5.19", VP_KVER_OK, 64, 1, 1, A },
	{ "6.0.19", VP_KVER_OK, 64, 1, 1, A },
	{ "6.2", VP_KVER_OK, 64, 1, 1, A },	/* 6.2: c91d71363084 only */
	{ "6.4", VP_KVER_OK, 64, 1, 1, O },	/* + 87a7ae75d738 */
	{ "6.4.10", VP_KVER_OK, 64, 1, 0, O },	/* 6722b2571205 backport */
	{ "6.5", VP_KVER_OK, 64, 0, 0, O },
	{ "6.12.117", VP_KVER_OK, 64, 0, 0, O },
	{ "6.1.2.3", VP_KVER_FOUR_PARTS, 0, 0, 0, N },
	{ "6", VP_KVER_SYNTAX, 0, 0, 0, N },
	{ "6.", VP_KVER_SYNTAX, 0, 0, 0, N },
	{ "v6.1", VP_KVER_SYNTAX, 0, 0, 0, N },
	{ "6.01", VP_KVER_SYNTAX, 0, 0, 0, N },
	{ "6.1-", VP_KVER_SYNTAX, 0, 0, 0, N },
	{ "6.1 ", VP_KVER_SYNTAX, 0, 0, 0, N },
	{ "6.1.x", VP_KVER_SYNTAX, 0, 0, 0, N },
	{ "", VP_KVER_SYNTAX, 0, 0, 0, N },
};

int main(void)
{
	unsigned i;

	for (i = 0; i < sizeof(vers) / sizeof(vers[0]); i++) {
		struct vp_kver v;
		struct vp_kernel k;
		enum vp_kver_status st = vp_kver_parse(vers[i].in, &v);

		t_case = vers[i].in;
		if (st == VP_KVER_OK)
			st = vp_kernel_resolve(&v, &k);
		EXPECT_U64(st, vers[i].st);
		if (st != VP_KVER_OK)
			continue;
		EXPECT_U64(k.b.reserve_struct_page_size, vers[i].reserve);
		EXPECT_U64(k.b.cross_boundary_off_by_one, vers[i].off_by_one);
		EXPECT_U64(k.b.altmap_free_bound_loose, vers[i].loose_free);
		EXPECT_U64(k.b.compound_vmemmap, vers[i].compound);
	}
	/* The v5.3 baseline and the 5.4 rows: cf387d9644d8 (the boundary
	 * test; 5.3.6 in the 5.3 line), f537669978a7 (run-time THP
	 * alignment), e96f0bf2ec92 (BUILD_BUG_ON on struct page size);
	 * 5f5d6e40a01e (5.5, powerpc-5.5-1 pull): vmemmap_populated by
	 * sub-section; c91d71363084 (6.2, 6.1.12): the struct page size check
	 * at run time. */
	{
		static const struct {
			const char *v;
			int subsections;
			enum vp_sps_check check;
			int cross, thp;
		} p55[] = { { "5.3", 0, VP_SPS_NONE, 0, 0 },
			    { "5.3.5", 0, VP_SPS_NONE, 0, 0 },
			    { "5.3.6", 0, VP_SPS_NONE, 1, 0 },
			    { "5.4", 0, VP_SPS_BUILD, 1, 1 },
			    { "5.4.250", 0, VP_SPS_BUILD, 1, 1 },
			    { "5.5", 1, VP_SPS_BUILD, 1, 1 },
			    { "6.1.11", 1, VP_SPS_BUILD, 1, 1 },
			    { "6.1.12", 1, VP_SPS_RUNTIME, 1, 1 },
			    { "6.2", 1, VP_SPS_RUNTIME, 1, 1 },
			    { "6.17", 1, VP_SPS_RUNTIME, 1, 1 } };

		for (i = 0; i < sizeof(p55) / sizeof(p55[0]); i++) {
			struct vp_kver v;
			struct vp_kernel k;

			t_case = p55[i].v;
			vp_kver_parse(p55[i].v, &v);
			EXPECT_U64(vp_kernel_resolve(&v, &k), VP_KVER_OK);
			EXPECT_U64(k.b.populated_subsections,
				   p55[i].subsections);
			EXPECT_U64(k.b.struct_page_check, p55[i].check);
			EXPECT_U64(k.b.cross_boundary_test, p55[i].cross);
			EXPECT_U64(k.b.align_thp_runtime, p55[i].thp);
		}
	}
	/* 5.7: 6acd7d5ef264 (compat align enforced) and 2522afb86a8c (16 MiB
	 * region granule), absent from the v5.4 baseline. */
	{
		static const struct {
			const char *v;
			int enforced, granule16m;
		} e57[] = { { "5.4", 0, 0 }, { "5.6.19", 0, 0 },
			    { "5.7", 1, 1 }, { "6.1.192", 1, 1 } };

		for (i = 0; i < sizeof(e57) / sizeof(e57[0]); i++) {
			struct vp_kver v;
			struct vp_kernel k;

			t_case = e57[i].v;
			EXPECT_U64(vp_kver_parse(e57[i].v, &v), VP_KVER_OK);
			EXPECT_U64(vp_kernel_resolve(&v, &k), VP_KVER_OK);
			EXPECT_U64(k.b.compat_align_enforced, e57[i].enforced);
			EXPECT_U64(k.b.region_align_16m, e57[i].granule16m);
		}
	}
	/* The radix and 6.6+ rows (docs/kernel-changes.md):
	 *   368a0590d954, 27af67f35631, f2b79c0d7968, e96d9a938e89: 6.6
	 *   9cf7e13fecba: 6.15, 6.6.90, 6.12.28;  f5164797284d: 6.17 */
	{
		static const struct {
			const char *v;
			int own, pud, compound, enxio;
			enum vp_radix_align al;
			int caveat;
		} radix[] = {
			{ "6.5.13", 0, 0, 0, 0, VP_RADIX_ALIGN_NONE, 0 },
			{ "6.6", 1, 1, 1, 1, VP_RADIX_ALIGN_NONE, 0 },
			{ "6.6.89", 1, 1, 1, 1, VP_RADIX_ALIGN_NONE, 0 },
			{ "6.6.90", 1, 1, 1, 1, VP_RADIX_ALIGN_PAGE, 0 },
			{ "6.8.0-45-generic", 1, 1, 1, 1, VP_RADIX_ALIGN_NONE, 0 },
			{ "6.12.27", 1, 1, 1, 1, VP_RADIX_ALIGN_NONE, 0 },
			{ "6.12.28", 1, 1, 1, 1, VP_RADIX_ALIGN_PAGE, 0 },
			{ "6.14.5", 1, 1, 1, 1, VP_RADIX_ALIGN_NONE, 1 },
			{ "6.15", 1, 1, 1, 1, VP_RADIX_ALIGN_PAGE, 0 },
			{ "6.16.3", 1, 1, 1, 1, VP_RADIX_ALIGN_PAGE, 0 },
			{ "6.17", 1, 1, 1, 1, VP_RADIX_ALIGN_PMD_NO_ALTMAP, 0 },
			{ "6.18", 1, 1, 1, 1, VP_RADIX_ALIGN_PMD_NO_ALTMAP, 1 },
			{ "7.0", 1, 1, 1, 1, VP_RADIX_ALIGN_PMD_NO_ALTMAP, 1 },
		};
		unsigned j;

		for (j = 0; j < sizeof(radix) / sizeof(radix[0]); j++) {
			struct vp_kver v;
			struct vp_kernel k;

			t_case = radix[j].v;
			EXPECT_U64(vp_kver_parse(radix[j].v, &v), VP_KVER_OK);
			EXPECT_U64(vp_kernel_resolve(&v, &k), VP_KVER_OK);
			EXPECT_U64(k.b.radix_own_populate, radix[j].own);
			EXPECT_U64(k.b.radix_pud_align, radix[j].pud);
			EXPECT_U64(k.b.radix_compound_vmemmap, radix[j].compound);
			EXPECT_U64(k.b.enxio_excludes_end_trunc, radix[j].enxio);
			EXPECT_U64(k.b.radix_start_align, radix[j].al);
			EXPECT_U64(k.caveat[0] != 0, radix[j].caveat);
			EXPECT_U64(k.b.reserve_struct_page_size, 64);
			EXPECT_U64(k.b.cross_boundary_off_by_one, 0);
		}
	}
	/* Before 5.3: the v4.13 baseline and the rows dated in 4.14.5,
	 * 4.15, 4.16.13, 4.19.1, 4.20, 5.0.1 and 5.1.0 trees
	 * (docs/kernel-changes.md): pgmap by pfn and the PMD_SIZE floor
	 * (4.14), end_trunc on a misaligned end (4.15), the altmap passed down
	 * and the release size fixed (4.16), MAX_PHYSMEM_BITS 47 (4.19), the
	 * DRAM fallback, start_pad's RAM range to the end and 51 bits with
	 * 64K pages (4.20), no label reserve and ALIGN(8K, PAGE_SIZE) (5.1). */
	{
		static const struct {
			const char *v;
			enum vp_altmap_lookup lookup;
			enum vp_data_floor floor;
			int pow2, trunc, padend, rshort, label, ib8k, nofb;
			enum vp_physmem phys;
		} pre[] = {
			{ "4.13", VP_ALTMAP_BY_SECTION, VP_FLOOR_HPAGE, 1, 0, 0, 1, 1, 1, 1, VP_PHYSMEM_46 },
			{ "4.13.16", VP_ALTMAP_BY_SECTION, VP_FLOOR_HPAGE, 1, 0, 0, 1, 1, 1, 1, VP_PHYSMEM_46 },
			{ "4.14", VP_ALTMAP_BY_PFN, VP_FLOOR_PMD, 0, 0, 0, 1, 1, 1, 1, VP_PHYSMEM_46 },
			{ "4.15", VP_ALTMAP_BY_PFN, VP_FLOOR_PMD, 0, 1, 0, 1, 1, 1, 1, VP_PHYSMEM_46 },
			{ "4.16", VP_ALTMAP_PASSED, VP_FLOOR_PMD, 0, 1, 0, 0, 1, 1, 1, VP_PHYSMEM_46 },
			{ "4.18.0-100-generic", VP_ALTMAP_PASSED, VP_FLOOR_PMD, 0, 1, 0, 0, 1, 1, 1, VP_PHYSMEM_46 },
			{ "4.19", VP_ALTMAP_PASSED, VP_FLOOR_PMD, 0, 1, 0, 0, 1, 1, 1, VP_PHYSMEM_47 },
			{ "4.20", VP_ALTMAP_PASSED, VP_FLOOR_PMD, 0, 1, 1, 0, 1, 1, 0, VP_PHYSMEM_51_64K },
			{ "5.0.21", VP_ALTMAP_PASSED, VP_FLOOR_PMD, 0, 1, 1, 0, 1, 1, 0, VP_PHYSMEM_51_64K },
			{ "5.1", VP_ALTMAP_PASSED, VP_FLOOR_PMD, 0, 1, 1, 0, 0, 0, 0, VP_PHYSMEM_51_64K },
			{ "5.2.21", VP_ALTMAP_PASSED, VP_FLOOR_PMD, 0, 1, 1, 0, 0, 0, 0, VP_PHYSMEM_51_64K },
		};
		struct vp_kver v;
		struct vp_kernel k;
		char msg[200];

		for (i = 0; i < sizeof(pre) / sizeof(pre[0]); i++) {
			t_case = pre[i].v;
			EXPECT_U64(vp_kver_parse(pre[i].v, &v), VP_KVER_OK);
			EXPECT_U64(vp_kernel_resolve(&v, &k), VP_KVER_OK);
			EXPECT_TRUE(vp_kernel_before_53(&v));
			EXPECT_TRUE(k.b.section_layout && k.b.hash4k_vmemmap_64k);
			EXPECT_U64(k.b.altmap_lookup, pre[i].lookup);
			EXPECT_U64(k.b.data_floor, pre[i].floor);
			EXPECT_U64(k.b.aligns_any_pow2, pre[i].pow2);
			EXPECT_U64(k.b.end_trunc_misaligned, pre[i].trunc);
			EXPECT_U64(k.b.start_pad_to_end, pre[i].padend);
			EXPECT_U64(k.b.release_short, pre[i].rshort);
			EXPECT_U64(k.b.dax_label_reserve, pre[i].label);
			EXPECT_U64(k.b.info_block_8k, pre[i].ib8k);
			EXPECT_U64(k.b.altmap_reserve_8k_down, pre[i].ib8k);
			EXPECT_U64(k.b.no_dram_fallback, pre[i].nofb);
			EXPECT_U64(k.b.physmem, pre[i].phys);
			/* The rows of 5.4 and later are the v5.3 baseline's. */
			EXPECT_TRUE(!k.b.cross_boundary_test &&
				    !k.b.populated_subsections &&
				    !k.b.compat_align_enforced);
			EXPECT_U64(vp_kernel_force(&k, "cf387d9644d8", true, msg,
						   sizeof(msg)),
				   (uint64_t)-1);
			EXPECT_TRUE(strstr(msg, "v5.3 baseline") != NULL);
		}
		t_case = "5.3 baseline";
		vp_kver_parse("5.3", &v);
		vp_kernel_resolve(&v, &k);
		EXPECT_TRUE(!vp_kernel_before_53(&v));
		EXPECT_TRUE(!k.b.section_layout && !k.b.no_dram_fallback &&
			    !k.b.radix_vmemmap_base_page &&
			    !k.b.hash4k_vmemmap_64k && !k.b.dax_label_reserve &&
			    !k.b.info_block_8k && !k.b.release_short);
		EXPECT_U64(k.b.altmap_lookup, VP_ALTMAP_PASSED);
		EXPECT_U64(k.b.data_floor, VP_FLOOR_SUBSECTION);
		EXPECT_U64(k.b.physmem, VP_PHYSMEM_51_64K);
		/* 51 bits with 4K pages too from "Split radix and hash
		 * MAX_PHYSMEM limit" (powerpc-5.10-1 pull). */
		t_case = "5.10 MAX_PHYSMEM_BITS";
		vp_kver_parse("5.10.262", &v);
		vp_kernel_resolve(&v, &k);
		EXPECT_U64(k.b.physmem, VP_PHYSMEM_51);
		vp_kver_parse("5.9.16", &v);
		vp_kernel_resolve(&v, &k);
		EXPECT_U64(k.b.physmem, VP_PHYSMEM_51_64K);
		vp_kver_parse("5.3", &v);
		vp_kernel_resolve(&v, &k);
		/* A pre-5.3 row is part of the 5.3 baseline: not forced. */
		EXPECT_U64(vp_kernel_force(&k, "9ef34630a461", false, msg,
					   sizeof(msg)),
			   (uint64_t)-1);
		EXPECT_TRUE(strstr(msg, "part of the v5.3 baseline") != NULL);
		/* Stable lines: 89a3496e0664 in 4.14.146 and 4.19.75 (review
		 * mails ids 9332504001, 9792728546); 9ef34630a461 and
		 * 07464e88365e in 4.19.37 (absent in the 4.19.13 tree);
		 * ae86cbfef381 in 4.19.13; bracketed releases get a caveat. */
		{
			static const struct {
				const char *v;
				int radix2m, fallback, reserve_up, caveat;
			} st[] = {
				{ "4.14.145", 0, 0, 0, 1 },
				{ "4.14.146", 1, 0, 0, 1 },
				{ "4.14.177", 1, 0, 1, 0 },
				{ "4.19.13", 0, 0, 0, 0 },
				{ "4.19.20", 0, 0, 0, 1 },
				{ "4.19.37", 0, 1, 1, 0 },
				{ "4.19.75", 1, 1, 1, 0 },
				/* 5.2.17 (Debian's ChangeLog-5.2.17 heading,
				 * deb612:73565) */
				{ "5.2.16", 0, 1, 1, 0 },
				{ "5.2.17", 1, 1, 1, 0 },
				{ "5.0.1", 0, 1, 0, 0 },
				{ "5.0.21", 0, 1, 0, 1 },
			};

			for (i = 0; i < sizeof(st) / sizeof(st[0]); i++) {
				t_case = st[i].v;
				vp_kver_parse(st[i].v, &v);
				EXPECT_U64(vp_kernel_resolve(&v, &k), VP_KVER_OK);
				EXPECT_U64(!k.b.radix_vmemmap_base_page,
					   st[i].radix2m);
				EXPECT_U64(!k.b.no_dram_fallback,
					   st[i].fallback);
				EXPECT_U64(!k.b.altmap_reserve_8k_down,
					   st[i].reserve_up);
				EXPECT_U64(k.caveat[0] != 0, st[i].caveat);
			}
		}
		/* Every row names a 12-hex commit or none (dated, not
		 * pinned), and no two name the same. */
		{
			size_t r, q, nrows;
			const struct vp_kchange *tab = vp_kchanges(&nrows);

			t_case = "row commits";
			for (r = 0; r < nrows; r++) {
				if (!tab[r].commit)
					continue;
				EXPECT_U64(strlen(tab[r].commit), 12);
				EXPECT_U64(strspn(tab[r].commit, "0123456789abcdef"),
					   12);
				for (q = r + 1; q < nrows; q++)
					EXPECT_TRUE(!tab[q].commit ||
						    strcmp(tab[q].commit,
							   tab[r].commit) != 0);
			}
		}
		/* A 4.18 with the DRAM fallback backported. */
		t_case = "4.18 --kernel-has 9ef34630a461";
		vp_kver_parse("4.18.0-100-generic", &v);
		vp_kernel_resolve(&v, &k);
		EXPECT_U64(vp_kernel_force(&k, "9ef34630a461", true, msg,
					   sizeof(msg)), 0);
		EXPECT_U64(k.b.no_dram_fallback, 0);
	}
	{
		struct vp_kver v;
		struct vp_kernel k;

		t_case = "canonical name";
		vp_kver_parse("6.1", &v);
		vp_kernel_resolve(&v, &k);
		EXPECT_STR(k.name, "6.1.0");
		vp_kver_parse("6.1.192-2", &v);
		vp_kernel_resolve(&v, &k);
		EXPECT_STR(k.name, "6.1.192-2");
		/* The longest name: 3 x 5 digits and a 47-byte suffix (a fuzz
		 * finding: the name buffer used to cut it). */
		t_case = "longest canonical name";
		EXPECT_U64(vp_kver_parse("77215.77006.79982-0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJ", &v), VP_KVER_OK);
		EXPECT_U64(vp_kernel_resolve(&v, &k), VP_KVER_OK);
		EXPECT_STR(k.name, "77215.77006.79982-0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJ");
	}
	{
		/* --kernel-has/--kernel-lacks: a RHEL-style 6.12 that carries
		 * 9cf7e13fecba at .27 and lacks 6722b2571205. */
		struct vp_kver v;
		struct vp_kernel k;
		char msg[160], why[96];
		size_t n, r, row = 0;
		const struct vp_kchange *tab = vp_kchanges(&n);

		for (r = 0; r < n; r++)
			if (tab[r].commit && strcmp(tab[r].commit, "9cf7e13fecba") == 0)
				row = r;
		t_case = "forced rows";
		vp_kver_parse("6.12.27", &v);
		vp_kernel_resolve(&v, &k);
		EXPECT_U64(k.b.radix_start_align, VP_RADIX_ALIGN_NONE);
		EXPECT_TRUE(!vp_kchange_explain(&k, row, why, sizeof(why)));
		EXPECT_STR(why, "no: backported to 6.12.28");
		EXPECT_U64(vp_kernel_force(&k, "9cf7e13", true, msg, sizeof(msg)), 0);
		EXPECT_U64(k.b.radix_start_align, VP_RADIX_ALIGN_PAGE);
		EXPECT_TRUE(vp_kchange_explain(&k, row, why, sizeof(why)));
		EXPECT_STR(why, "yes: --kernel-has");
		EXPECT_U64(vp_kernel_force(&k, "6722b2571205", false, msg,
					   sizeof(msg)), 0);
		EXPECT_U64(k.b.altmap_free_bound_loose, 1);
		EXPECT_U64(vp_kernel_force(&k, "abcdef0", true, msg, sizeof(msg)),
			   (uint64_t)-1);
		EXPECT_U64(vp_kernel_force(&k, "9cf7", true, msg, sizeof(msg)),
			   (uint64_t)-1);
		EXPECT_U64(vp_kernel_force(&k, "9CF7E13", true, msg, sizeof(msg)),
			   (uint64_t)-1);
	}
	return t_report("kernel");
}
