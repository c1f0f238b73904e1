// SPDX-License-Identifier: GPL-2.0-only
/*
 * The human report: aligned "label  value  note" lines in sections that
 * follow the kernel's steps (layout, altmap, vmemmap, removal), then totals
 * and a one-line verdict.  Sizes are IEC (exact where possible, otherwise
 * truncated to two decimals) or, with --bytes, integers.
 */
#include "render.h"

#include <inttypes.h>
#include <stdarg.h>
#include <string.h>

#include "../core/units.h"

struct out {
	FILE *f;
	bool bytes;
	int err;
	char bufs[4][VP_IEC_BUFSZ];	/* sz() results; a line may hold four */
	unsigned next;
};

static void line(struct out *o, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void line(struct out *o, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	if (vfprintf(o->f, fmt, ap) < 0 || fputc('\n', o->f) == EOF)
		o->err = -1;
	va_end(ap);
}

static const char *blocks(uint64_t n)
{
	return n == 1 ? "block" : "blocks";
}

/* "3 blocks", on radix and x86 "31 PMDs + 1 page", and with compound
 * pages "512 compound pages x 2 pages". */
static void counts(char *buf, size_t len, const struct vp_result *r,
		   uint64_t blocks_n, uint64_t pages_n, uint64_t compound_n)
{
	if (compound_n && pages_n)
		snprintf(buf, len, "%" PRIu64 " compound page%s x 2 pages + %" PRIu64 " page%s",
			 compound_n, compound_n == 1 ? "" : "s", pages_n,
			 pages_n == 1 ? "" : "s");
	else if (compound_n)
		snprintf(buf, len, "%" PRIu64 " compound page%s x 2 pages",
			 compound_n, compound_n == 1 ? "" : "s");
	else if (r->geom.path == VP_PATH_INIT64)
		snprintf(buf, len, "%" PRIu64 " %s", blocks_n, blocks(blocks_n));
	else
		snprintf(buf, len, "%" PRIu64 " PMD%s + %" PRIu64 " page%s",
			 blocks_n, blocks_n == 1 ? "" : "s", pages_n,
			 pages_n == 1 ? "" : "s");
}

/*
 * The device in BAR_W characters, one letter per region (vp_device_regions):
 * to scale, except that a region too small for a character still gets
 * one, taken from the data.
 */
#define BAR_W 56

static void layout_bar(struct out *o, const struct vp_result *r,
		       const struct vp_device_result *d)
{
	struct vp_region rg[VP_NREGIONS];
	char bar[BAR_W + 1], legend[160];
	unsigned i, n[VP_NREGIONS], used = 0, at = 0, big = 3;
	size_t k = 0;

	vp_device_regions(r, d, rg);
	for (i = 0; i < VP_NREGIONS; i++) {
		uint64_t c = (uint64_t)((unsigned __int128)rg[i].bytes * BAR_W /
					d->size);

		n[i] = rg[i].bytes ? (c ? (unsigned)c : 1) : 0;
		if (rg[i].bytes > rg[big].bytes)
			big = i;
	}
	for (i = 0; i < VP_NREGIONS; i++)
		if (i != big)
			used += n[i];
	n[big] = used < BAR_W ? BAR_W - used : 1;
	legend[0] = '\0';
	for (i = 0; i < VP_NREGIONS; i++) {
		unsigned j;

		for (j = 0; j < n[i] && at < BAR_W; j++)
			bar[at++] = rg[i].letter;
		if (n[i] && k < sizeof(legend))
			k += (size_t)snprintf(legend + k, sizeof(legend) - k,
					      "%s%c %s", k ? ", " : "",
					      rg[i].letter, rg[i].name);
	}
	bar[at] = '\0';
	line(o, "  %-24s [%s]", "picture", bar);
	line(o, "  %-24s %s", "", legend);
}

static void blank(struct out *o)
{
	if (fputc('\n', o->f) == EOF)
		o->err = -1;
}

/* A size as the user asked for it. */
static const char *sz(struct out *o, uint64_t v)
{
	char *b = o->bufs[o->next++ % 4];

	if (o->bytes)
		snprintf(b, VP_IEC_BUFSZ, "%" PRIu64, v);
	else
		vp_format_iec(v, b, VP_IEC_BUFSZ);
	return b;
}

/* "  label  value  note", without trailing blanks. */
static void row(struct out *o, const char *label, const char *value,
		const char *note)
{
	if (note && *note)
		line(o, "  %-24s %-16s %s", label, value, note);
	else
		line(o, "  %-24s %s", label, value);
}

static void device(struct out *o, const struct vp_result *r,
		   const struct vp_device_result *d, unsigned idx)
{
	const struct vp_layout *l = &d->layout;
	const struct vp_altmap *a = &d->hotadd.altmap;
	const struct vp_populate_stats *s = &d->populate;
	const struct vp_arch_params *p = &r->arch;
	char num[64];
	bool pre53;

	if (r->ndev > 1)
		line(o, "Device %u (%s, %s map=%s): %s at %#" PRIx64 " (%s%s)",
		     idx, d->name, vp_mode_name(d->mode), vp_map_name(d->map),
		     sz(o, d->size), d->start, sz(o, d->start),
		     d->start_given ? "" : ", default start");
	else
		line(o, "Device %u: %s at %#" PRIx64 " (%s%s)", idx,
		     sz(o, d->size), d->start, sz(o, d->start),
		     d->start_given ? "" : ", default start");
	blank(o);
	line(o, "Layout (nd_pfn_init)");
	pre53 = r->in.kernel.b.section_layout;
	/* Before 6acd7d5ef264 (5.7): max(align, SUBSECTION_SIZE); 4.13:
	 * max(align, HPAGE_SIZE) for map=dev (PMD_SIZE from 4.14), align for
	 * map=mem. */
	row(o, "data alignment", sz(o, l->data_align),
	    pre53 ? (!d->hotadd.has_altmap ? "align" :
		    r->in.kernel.b.data_floor == VP_FLOOR_PMD ?
			    "max(align, PMD_SIZE)" : "max(align, HPAGE_SIZE)") :
	    r->in.kernel.b.compat_align_enforced ?
		    "max(align, memremap_compat_align)" :
		    "max(align, SUBSECTION_SIZE)");
	row(o, "dataoff", sz(o, l->dataoff),
	     d->hotadd.has_altmap ? "info block + memmap reserve, aligned" :
				    "info block, aligned");
	if (d->hotadd.has_altmap)
		row(o, "memmap reserve", sz(o, l->page_map_bytes),
		     pre53 ? "64 x npfns, rounded up to a section" :
			    "MAX_STRUCT_PAGE_SIZE x npfns");
	if (pre53)
		row(o, "start_pad", sz(o, l->start_pad),
		    "start moved to a section if System RAM shares it");
	row(o, "end_trunc", sz(o, l->end_trunc),
	     pre53 ? (r->in.kernel.b.end_trunc_misaligned ?
			     "end cut to a section (System RAM) or to the align" :
			     "end cut to a section if System RAM shares it") :
		    "end cut to the data alignment");
	snprintf(num, sizeof(num), "%" PRIu64 " %s (sb.npfns)", l->npfns,
		 pre53 ? "x 4 KiB" : "pfns");
	row(o, "usable", sz(o, l->usable_bytes), num);
	layout_bar(o, r, d);
	blank(o);
	if (d->hotadd.has_altmap) {
		line(o, "vmem_altmap (after hot-add)");
		line(o, "  %-24s %" PRIu64, "base_pfn", a->base_pfn);
		line(o, "  %-24s %" PRIu64, "end_pfn", a->end_pfn);
		line(o, "  %-24s %-16" PRIu64 " %s", "reserve", a->reserve,
		     "info block pfns");
		line(o, "  %-24s %-16" PRIu64 " %s", "free", a->free,
		     "pfns for struct pages");
		line(o, "  %-24s %-16" PRIu64 " %s", "alloc", a->alloc,
		     sz(o, d->altmap_bytes));
		line(o, "  %-24s %-16" PRIu64 " %s", "align", a->align,
		     sz(o, d->align_waste_bytes));
	} else {
		line(o, "vmem_altmap: none (map=mem: struct pages in DRAM)");
	}
	blank(o);
	if (d->hotadd.compound_pfns) {
		line(o, "vmemmap (vmemmap_populate_compound_pages: per %s compound page a head and a tail page, the rest shared)",
		     sz(o, d->hotadd.compound_pfns << p->page_shift));
	} else if (r->geom.path != VP_PATH_INIT64) {
		line(o, "vmemmap (%s: 2 MiB PMD leaves describing %s, %s pages describing %s)",
		     r->geom.path == VP_PATH_RADIX ? "radix__vmemmap_populate" :
						     "vmemmap_populate",
		     sz(o, r->geom.pmd_pfns << p->page_shift),
		     sz(o, p->page_size),
		     sz(o, r->geom.pte_pfns << p->page_shift));
	} else {
		line(o, "vmemmap (%s blocks, each describing %s)",
		     sz(o, r->geom.block_bytes),
		     sz(o, r->geom.pfns_per_block << p->page_shift));
	}
	snprintf(num, sizeof(num), "%" PRIu64 " pfns",
		 d->hotadd.end_pfn - d->hotadd.start_pfn);
	row(o, "struct pages", sz(o, d->memmap_bytes), num);
	counts(num, sizeof(num), r, s->altmap_blocks, s->altmap_pages, 0);
	row(o, "on the device", sz(o, d->altmap_bytes), num);
	counts(num, sizeof(num), r, s->dram_blocks, s->dram_pages,
	       s->compound_blocks);
	row(o, "in DRAM", sz(o, d->dram_bytes), num);
	if (s->cross_blocks || s->fallback_blocks)
		line(o, "  %-24s %" PRIu64 " cross the device boundary, %" PRIu64
		     " found the altmap full", "of which", s->cross_blocks,
		     s->fallback_blocks);
	if (s->skipped_blocks)
		line(o, "  %-24s %" PRIu64 " %s (boot RAM's memmap)",
		     "already mapped", s->skipped_blocks,
		     blocks(s->skipped_blocks));
	if (s->first_altmap_pfn != UINT64_MAX)
		line(o, "  %-24s %" PRIu64, "first altmap pfn",
		     s->first_altmap_pfn);
	blank(o);
	line(o, "After hot-remove (vmemmap_free)");
	row(o, "back to the altmap",
	     sz(o, d->after_free.altmap_freed_pfns << p->page_shift),
	     d->hotadd.has_altmap ? "vmem_altmap_free" : "");
	row(o, "back to DRAM", sz(o, d->after_free.dram_freed_bytes), "");
	if (d->hotadd.has_altmap)
		line(o, "  %-24s alloc %" PRIu64 ", align %" PRIu64
		     " (align is never given back)",
		     "altmap afterwards", d->after_free.alloc,
		     d->after_free.align);
	blank(o);
}

int vp_render_explain(FILE *f, const struct vp_kernel *k)
{
	struct out o = { .f = f };
	size_t i, n, nb;
	const struct vp_kchange *t = vp_kchanges(&n);
	const char *const *rules;
	const char *base = vp_kernel_baseline(k, &rules, &nb);
	char why[96];

	line(&o, "Kernel %s: planned from the v%s baseline", k->name, base);
	for (i = 0; i < nb; i++)
		line(&o, "  - %s", rules[i]);
	blank(&o);
	line(&o, "The changes vmemplan models:");
	blank(&o);
	for (i = 0; i < n; i++) {
		vp_kchange_explain(k, i, why, sizeof(why));
		line(&o, "%-12s  %s", t[i].commit ? t[i].commit : "(no id)",
		     why);
		line(&o, "              %s", t[i].subject);
		line(&o, "              effect: %s", t[i].effect);
	}
	if (k->caveat[0]) {
		blank(&o);
		line(&o, "warning: %s", k->caveat);
	}
	return o.err;
}

/* Whether a warning says the kernel would leave the machine in a bad
 * state (the hazards of several devices), rather than just waste. */
static bool hazards(const struct vp_result *r)
{
	static const char *const codes[] = { "foreign_altmap", "altmap_kept",
					     "foreign_pages_freed",
					     "unbacked_vmemmap",
					     "memmap_freed_in_use" };
	unsigned i, j;

	for (i = 0; i < r->nwarn; i++)
		for (j = 0; j < sizeof(codes) / sizeof(codes[0]); j++)
			if (strcmp(r->warn[i].code, codes[j]) == 0)
				return true;
	return false;
}

/* What each step did, and what the last one leaves behind. */
static void steps(struct out *o, const struct vp_result *r)
{
	const struct vp_arch_params *p = &r->arch;
	unsigned k, i;
	char a[96], b[96];

	line(o, "Steps (one machine, in order)");
	for (k = 0; k < r->nsteps; k++) {
		const struct vp_step_result *sr = &r->step[k];
		const struct vp_device_result *d = &r->dev[sr->dev];

		if (sr->op == VP_STEP_ADD) {
			const struct vp_populate_stats *ps = &sr->populate;

			line(o, "  %u. add %s", k + 1, d->name);
			counts(a, sizeof(a), r, ps->altmap_blocks,
			       ps->altmap_pages, 0);
			counts(b, sizeof(b), r, ps->dram_blocks, ps->dram_pages,
			       ps->compound_blocks);
			line(o, "     from its altmap %s; from DRAM %s (%s); skipped as populated %" PRIu64,
			     a, b, sz(o, ps->dram_bytes), ps->skipped_blocks);
		} else {
			const struct vp_free_stats *fs = &sr->freed;

			line(o, "  %u. remove %s", k + 1, d->name);
			line(o, "     freed to its altmap %" PRIu64 " (%s); to DRAM %" PRIu64
			     " (%s); kept %" PRIu64 " (they describe valid pfns)",
			     fs->altmap_blocks, sz(o, fs->altmap_pfns << p->page_shift),
			     fs->dram_blocks, sz(o, fs->dram_bytes), fs->kept_blocks);
			if (fs->foreign_blocks)
				line(o, "     and %" PRIu64 " from another device's altmap (%s) handed to the page allocator",
				     fs->foreign_blocks, sz(o, fs->foreign_bytes));
		}
		snprintf(a, sizeof(a), "%s", sz(o, sr->dram_in_use_bytes));
		{
			char alt[320];
			size_t n = 0;

			alt[0] = '\0';
			for (i = 0; i < r->ndev && n < sizeof(alt); i++)
				if (sr->altmap[i].has_altmap &&
				    (sr->altmap[i].live || i == sr->dev))
					n += (size_t)snprintf(alt + n, sizeof(alt) - n,
							      "%s %s alloc %" PRIu64 " align %" PRIu64,
							      n ? "," : ";",
							      r->dev[i].name,
							      sr->altmap[i].alloc,
							      sr->altmap[i].align);
			line(o, "     DRAM for memmap now %s%s", a, alt);
		}
	}
	line(o, "  left after the last step: %" PRIu64 " vmemmap blocks/pages mapped (%s of DRAM, %" PRIu64
	     " altmap pfns); altmap padding never given back: %" PRIu64 " pfns",
	     r->leftover.mapped_blocks, sz(o, r->leftover.mapped_dram_bytes),
	     r->leftover.mapped_altmap_pfns, r->leftover.align_pfns);
	blank(o);
}

int vp_render_text(FILE *f, const struct vp_result *r, bool bytes)
{
	struct out o = { .f = f, .bytes = bytes };
	const struct vp_input *in = &r->in;
	const struct vp_totals *t = &r->totals;
	uint64_t size = 0, permille;
	unsigned i;

	if (in->arch == VP_ARCH_X86_64)
		line(&o, "vmemplan: x86_64 %u-level paging, 4K pages, kernel %s",
		     in->plat.la57 ? 5 : 4, in->kernel.name);
	else
		line(&o, "vmemplan: %s %s MMU, %s pages, kernel %s",
		     vp_arch_name(in->arch), vp_mmu_name(in->mmu),
		     in->page_shift == 16 ? "64K" : "4K", in->kernel.name);
	line(&o, "%s namespace, map=%s, align %s", vp_mode_name(in->mode),
	     vp_map_name(in->map),
	     sz(&o, in->align ? in->align : r->arch.default_align));
	if (r->arch.struct_page_size != 64)
		line(&o, "sizeof(struct page) %u bytes (--struct-page-size); MAX_STRUCT_PAGE_SIZE %u",
		     r->arch.struct_page_size,
		     r->arch.reserve_struct_page_size);
	if (in->host.used) {
		const struct vp_host *hh = &in->host;
		const struct vp_host_fact *facts[] = { &hh->arch, &hh->page_size,
						       &hh->mmu, &hh->kernel,
						       &hh->boot_ram };
		const char *names[] = { "arch", "page size", "MMU", "kernel",
					"boot RAM" };
		unsigned j;

		for (j = 0; j < 5; j++)
			if (facts[j]->value[0])
				line(&o, "Host: %-10s %s (%s)", names[j],
				     facts[j]->value, facts[j]->from);
	}
	{
		/* Boot RAM: [0, size), or the --ram ranges. */
		char ram[256];
		size_t n = 0;

		if (in->plat.nram > 1 ||
		    (in->plat.nram == 1 && in->plat.ram[0].start != 0)) {
			for (i = 0; i < in->plat.nram && n < sizeof(ram); i++)
				n += (size_t)snprintf(ram + n, sizeof(ram) - n,
						      "%s%s@%#llx", i ? ", " : "",
						      sz(&o, in->plat.ram[i].size),
						      (unsigned long long)in->plat.ram[i].start);
			if (n < sizeof(ram))
				snprintf(ram + n, sizeof(ram) - n, " (%s)",
					 sz(&o, in->plat.boot_ram_bytes));
		} else {
			snprintf(ram, sizeof(ram), "[0, %s)",
				 sz(&o, in->plat.boot_ram_bytes));
		}
		line(&o, "Assuming boot RAM %s, %s", ram,
		     in->arch == VP_ARCH_X86_64 ? "a CPU with 2M pages (PSE)" :
		     in->mmu == VP_MMU_HASH ?
			     (in->plat.hash_16m ? "16M hash pages, no KFENCE" :
						  "no 16M hash pages") :
			     (in->plat.radix_2m ? "2M radix pages" :
						  "no 2M radix pages"));
	}
	blank(&o);
	if (r->has_inverse) {
		const struct vp_inverse *v = &r->inverse;
		char nd[VP_IEC_BUFSZ], cmd[96];

		vp_format_ndctl(v->size, nd, sizeof(nd));
		line(&o, "Smallest size for at least %s usable (multiples of %s)",
		     sz(&o, v->requested_usable), sz(&o, v->region_align));
		snprintf(cmd, sizeof(cmd), "ndctl create-namespace --size %s", nd);
		row(&o, "size", nd, cmd);
		row(&o, "usable", sz(&o, v->usable), "");
		if (v->smaller_size) {
			snprintf(cmd, sizeof(cmd), "%s",
				 v->smaller_refused ? "refused by the kernel" :
						      sz(&o, v->smaller_usable));
			row(&o, "one size smaller",
			    vp_format_ndctl(v->smaller_size, nd, sizeof(nd)),
			    v->smaller_refused ? cmd : "");
			if (!v->smaller_refused)
				row(&o, "  gives only", cmd, "");
		}
		blank(&o);
	}
	for (i = 0; i < r->ndev; i++) {
		device(&o, r, &r->dev[i], i);
	}
	size = t->size_bytes;
	if (r->ndev > 1 || r->nsteps > 1)
		steps(&o, r);
	line(&o, r->nsteps > r->ndev ? "Totals (after the last add)" :
				       "Totals");
	row(&o, "struct pages (memmap)", sz(&o, t->memmap_bytes), "");
	row(&o, "moved to the device", sz(&o, t->moved_to_device_bytes),
	     "");
	if (in->numa.known) {
		char share[96];

		/* Tenths of a percent, truncated: never understated by more. */
		snprintf(share, sizeof(share),
			 "%.1f%% of node %u (%s), %.1f%% of MemTotal",
			 r->dram_share_of_node * 100, in->numa.node,
			 sz(&o, in->numa.node_bytes),
			 r->dram_share_of_total * 100);
		row(&o, "in DRAM", sz(&o, t->dram_bytes), share);
	} else {
		row(&o, "in DRAM", sz(&o, t->dram_bytes), "");
	}
	line(&o, "  %-24s %" PRIu64, "reserved pfns", t->reserved_pfns);
	row(&o, "alignment waste", sz(&o, t->alignment_waste_bytes),
	     "altmap align + unused reserve + padding + end_trunc + start_pad");
	row(&o, "usable", sz(&o, t->usable_bytes), "");
	blank(&o);
	for (i = 0; i < r->nwarn; i++)
		line(&o, "warning: %s", r->warn[i].msg);
	if (r->nwarn_dropped)
		line(&o, "warning: and %u more warnings (not shown)",
		     r->nwarn_dropped);
	if (r->nwarn)
		blank(&o);
	permille = size ? (uint64_t)(((unsigned __int128)t->usable_bytes *
				      1000) / size) : 0;
	line(&o, "Verdict: accepted%s; %s of struct pages on the device, %s in DRAM; %s of %s usable (%" PRIu64
	     ".%" PRIu64 "%%).", hazards(r) ? " with hazards (see the warnings)" : "",
	     sz(&o, t->moved_to_device_bytes), sz(&o, t->dram_bytes),
	     sz(&o, t->usable_bytes), sz(&o, size), permille / 10,
	     permille % 10);
	return o.err;
}
