// SPDX-License-Identifier: GPL-2.0-only
/*
 * JSON rendering (schema_version 1, documented in vmemplan(1)).  Every key
 * is always present; sizes, addresses and pfns are integers; a value that
 * does not exist in this configuration is null, never absent.
 */
#include "render.h"

#include <json-c/json.h>

#include "../core/units.h"

static json_object *u64(uint64_t v)
{
	return json_object_new_uint64(v);
}

static void put(json_object *o, const char *k, json_object *v)
{
	json_object_object_add(o, k, v);
}

static json_object *ppc_bool(bool x86, bool v)
{
	return x86 ? NULL : json_object_new_boolean(v);
}

static json_object *config(const struct vp_result *r)
{
	const struct vp_input *in = &r->in;
	const struct vp_arch_params *p = &r->arch;
	json_object *c = json_object_new_object(), *a;
	uint64_t align = in->align ? in->align : p->default_align;
	bool x86 = in->arch == VP_ARCH_X86_64;

	put(c, "arch", json_object_new_string(vp_arch_name(in->arch)));
	/* null on x86_64, which has no MMU choice. */
	put(c, "mmu", x86 ? NULL : json_object_new_string(vp_mmu_name(in->mmu)));
	put(c, "page_size", u64(1ULL << in->page_shift));
	put(c, "kernel", json_object_new_string(in->kernel.name));
	put(c, "mode", json_object_new_string(vp_mode_name(in->mode)));
	put(c, "map", json_object_new_string(vp_map_name(in->map)));
	put(c, "align", u64(align));
	put(c, "data_align",
	    u64(align > p->compat_align ? align : p->compat_align));
	put(c, "compat_align", u64(p->compat_align));
	put(c, "struct_page_size", u64(p->struct_page_size));
	put(c, "reserve_struct_page_size", u64(p->reserve_struct_page_size));
	/* null where the kernel picks the mapping size per address (radix
	 * from 6.6 and x86_64: 2 MiB PMD leaves or PAGE_SIZE pages). */
	put(c, "vmemmap_block_size", p->path != VP_PATH_INIT64 ? NULL :
				     u64(1ULL << p->vmemmap_block_shift));
	put(c, "vmemmap_path", json_object_new_string(
				       p->path == VP_PATH_RADIX ?
					       "radix__vmemmap_populate" :
				       p->path == VP_PATH_X86 ?
					       "arch/x86/mm/init_64.c:vmemmap_populate" :
					       "init_64.c:vmemmap_populate"));
	put(c, "section_size", u64(1ULL << p->section_shift));
	put(c, "subsection_size", u64(1ULL << p->subsection_shift));
	put(c, "max_physmem_bits", u64(p->max_physmem_bits));
	put(c, "engine", json_object_new_string(vp_engine_name(in->engine)));
	/* Each architecture's assumptions; the other's are null. */
	a = json_object_new_object();
	put(a, "hash_16m_pages", ppc_bool(x86, in->plat.hash_16m));
	put(a, "boot_ram_bytes", u64(in->plat.boot_ram_bytes));
	{
		json_object *ranges = json_object_new_array();
		unsigned i;

		for (i = 0; i < in->plat.nram; i++) {
			json_object *rg = json_object_new_object();

			put(rg, "start", u64(in->plat.ram[i].start));
			put(rg, "size", u64(in->plat.ram[i].size));
			json_object_array_add(ranges, rg);
		}
		put(a, "ram", ranges);
	}
	put(a, "radix_2m_pages", ppc_bool(x86, in->plat.radix_2m));
	put(a, "radix_1g_pages", ppc_bool(x86, in->plat.radix_1g));
	put(a, "kfence", ppc_bool(x86, in->plat.kfence));
	put(a, "radix_only", ppc_bool(x86, in->plat.radix_only));
	put(a, "la57", x86 ? json_object_new_boolean(in->plat.la57) : NULL);
	put(c, "assumptions", a);
	return c;
}

static json_object *device(const struct vp_result *r,
			   const struct vp_device_result *d)
{
	json_object *o = json_object_new_object(), *l, *a, *v, *w, *f, *runs;
	const struct vp_altmap *am = &d->hotadd.altmap;
	const struct vp_populate_stats *s = &d->populate;
	unsigned i;

	put(o, "name", json_object_new_string(d->name));
	put(o, "mode", json_object_new_string(vp_mode_name(d->mode)));
	put(o, "map", json_object_new_string(vp_map_name(d->map)));
	put(o, "start", u64(d->start));
	put(o, "start_defaulted", json_object_new_boolean(!d->start_given));
	put(o, "live", json_object_new_boolean(d->live));
	put(o, "removed", json_object_new_boolean(d->removed));
	put(o, "unbacked_pfns", u64(d->unbacked_pfns));
	put(o, "size", u64(d->size));

	l = json_object_new_object();
	put(l, "dataoff", u64(d->layout.dataoff));
	put(l, "end_trunc", u64(d->layout.end_trunc));
	put(l, "start_pad", u64(d->layout.start_pad));
	put(l, "npfns", u64(d->layout.npfns));
	put(l, "reserve_npfns", u64(d->layout.reserve_npfns));
	put(l, "page_map_bytes", u64(d->layout.page_map_bytes));
	put(l, "usable_bytes", u64(d->layout.usable_bytes));
	put(o, "layout", l);

	if (d->hotadd.has_altmap) {
		a = json_object_new_object();
		put(a, "base_pfn", u64(am->base_pfn));
		put(a, "end_pfn", u64(am->end_pfn));
		put(a, "reserve", u64(am->reserve));
		put(a, "free", u64(am->free));
		put(a, "alloc", u64(am->alloc));
		put(a, "align", u64(am->align));
		put(o, "altmap", a);
	} else {
		put(o, "altmap", NULL);
	}

	v = json_object_new_object();
	put(v, "first_pfn", u64(d->hotadd.start_pfn));
	put(v, "end_pfn", u64(d->hotadd.end_pfn));
	put(v, "blocks", u64(s->blocks_touched));
	put(v, "altmap_blocks", u64(s->altmap_blocks));
	put(v, "dram_blocks", u64(s->dram_blocks));
	put(v, "altmap_pages", u64(s->altmap_pages));
	put(v, "dram_pages", u64(s->dram_pages));
	put(v, "compound_pages", u64(s->compound_blocks));
	put(v, "compound_page_size", d->hotadd.compound_pfns ?
		u64(d->hotadd.compound_pfns << r->arch.page_shift) : NULL);
	put(v, "premapped_pfns", u64(s->premapped_pfns));
	put(v, "skipped_blocks", u64(s->skipped_blocks));
	put(v, "cross_boundary_blocks", u64(s->cross_blocks));
	put(v, "fallback_blocks", u64(s->fallback_blocks));
	put(v, "memmap_bytes", u64(d->memmap_bytes));
	put(v, "altmap_bytes", u64(d->altmap_bytes));
	put(v, "dram_bytes", u64(d->dram_bytes));
	put(v, "first_altmap_pfn", s->first_altmap_pfn == UINT64_MAX ?
					   NULL : u64(s->first_altmap_pfn));
	runs = json_object_new_array();
	for (i = 0; i < s->nruns; i++) {
		const struct vp_block_run *run = &s->runs[i];
		json_object *j = json_object_new_object();
		bool alt = run->backing == VP_BACK_ALTMAP;

		put(j, "first_pfn", u64(vp_run_lo(run)));
		put(j, "blocks", u64(run->count));
		put(j, "block_pfns", u64(run->unit));
		put(j, "block_bytes", u64(run->nr << r->arch.page_shift));
		put(j, "backing", json_object_new_string(alt ? "altmap" : "dram"));
		put(j, "phys_pfn", alt ? u64(run->phys_pfn) : NULL);
		json_object_array_add(runs, j);
	}
	put(v, "runs", runs);
	put(o, "vmemmap", v);

	w = json_object_new_object();
	put(w, "align_bytes", u64(d->align_waste_bytes));
	put(w, "unused_altmap_bytes", u64(d->unused_altmap_bytes));
	put(w, "dataoff_pad_bytes", u64(d->dataoff_pad_bytes));
	put(o, "waste", w);

	f = json_object_new_object();
	put(f, "alloc", d->hotadd.has_altmap ? u64(d->after_free.alloc) : NULL);
	put(f, "align", d->hotadd.has_altmap ? u64(d->after_free.align) : NULL);
	put(f, "altmap_freed_pfns", u64(d->after_free.altmap_freed_pfns));
	put(f, "dram_freed_bytes", u64(d->after_free.dram_freed_bytes));
	put(f, "kept_blocks", u64(d->after_free.kept_blocks));
	put(o, "after_free", f);
	return o;
}

json_object *vp_json_explain(const struct vp_kernel *k)
{
	json_object *root = json_object_new_object(), *rows;
	size_t i, j, n;
	const struct vp_kchange *t = vp_kchanges(&n);
	char why[96], buf[32];

	put(root, "schema_version", u64(VP_SCHEMA_VERSION));
	put(root, "kernel", json_object_new_string(k->name));
	{
		const char *const *rules;
		size_t nb;
		json_object *b = json_object_new_array();

		put(root, "baseline", json_object_new_string(
				vp_kernel_baseline(k, &rules, &nb)));
		for (i = 0; i < nb; i++)
			json_object_array_add(b, json_object_new_string(rules[i]));
		put(root, "baseline_rules", b);
	}
	rows = json_object_new_array();
	for (i = 0; i < n; i++) {
		json_object *r = json_object_new_object(), *st;
		bool on = vp_kchange_explain(k, i, why, sizeof(why));

		put(r, "commit", t[i].commit ?
					 json_object_new_string(t[i].commit) :
					 NULL);
		put(r, "subject", json_object_new_string(t[i].subject));
		put(r, "effect", json_object_new_string(t[i].effect));
		snprintf(buf, sizeof(buf), "%u.%u", t[i].mainline_major,
			 t[i].mainline_minor);
		put(r, "mainline", json_object_new_string(buf));
		st = json_object_new_array();
		for (j = 0; j < 3 && t[i].stable[j].major; j++) {
			snprintf(buf, sizeof(buf), "%u.%u.%u", t[i].stable[j].major,
				 t[i].stable[j].minor, t[i].stable[j].patch);
			json_object_array_add(st, json_object_new_string(buf));
		}
		put(r, "stable", st);
		put(r, "applies", json_object_new_boolean(on));
		put(r, "why", json_object_new_string(why));
		json_object_array_add(rows, r);
	}
	put(root, "changes", rows);
	put(root, "caveat", k->caveat[0] ? json_object_new_string(k->caveat) :
					   NULL);
	return root;
}

int vp_json_emit(FILE *f, json_object *root, bool pretty)
{
	int flags = JSON_C_TO_STRING_NOSLASHESCAPE |
		    (pretty ? JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_SPACED :
			      JSON_C_TO_STRING_PLAIN);
	const char *s = json_object_to_json_string_ext(root, flags);
	int rc = fputs(s, f) < 0 || fputc('\n', f) == EOF ? -1 : 0;

	json_object_put(root);
	return rc;
}

/* What each step did (issue "several devices"). */
static json_object *steps(const struct vp_result *r)
{
	json_object *arr = json_object_new_array();
	unsigned k, i;

	for (k = 0; k < r->nsteps; k++) {
		const struct vp_step_result *sr = &r->step[k];
		json_object *j = json_object_new_object(), *v, *alt;

		put(j, "op", json_object_new_string(sr->op == VP_STEP_ADD ?
							    "add" : "remove"));
		put(j, "device", json_object_new_string(r->dev[sr->dev].name));
		if (sr->op == VP_STEP_ADD) {
			const struct vp_populate_stats *ps = &sr->populate;

			v = json_object_new_object();
			put(v, "altmap_blocks", u64(ps->altmap_blocks));
			put(v, "dram_blocks", u64(ps->dram_blocks));
			put(v, "altmap_pages", u64(ps->altmap_pages));
			put(v, "dram_pages", u64(ps->dram_pages));
			put(v, "compound_pages", u64(ps->compound_blocks));
			put(v, "skipped_blocks", u64(ps->skipped_blocks));
			put(v, "cross_boundary_blocks", u64(ps->cross_blocks));
			put(v, "fallback_blocks", u64(ps->fallback_blocks));
			put(v, "dram_bytes", u64(ps->dram_bytes));
			put(j, "populated", v);
			put(j, "freed", NULL);
		} else {
			const struct vp_free_stats *fs = &sr->freed;

			put(j, "populated", NULL);
			v = json_object_new_object();
			put(v, "altmap_blocks", u64(fs->altmap_blocks));
			put(v, "altmap_pfns", u64(fs->altmap_pfns));
			put(v, "dram_blocks", u64(fs->dram_blocks));
			put(v, "dram_bytes", u64(fs->dram_bytes));
			put(v, "kept_blocks", u64(fs->kept_blocks));
			put(v, "foreign_blocks", u64(fs->foreign_blocks));
			put(v, "foreign_bytes", u64(fs->foreign_bytes));
			put(j, "freed", v);
		}
		put(j, "dram_in_use_bytes", u64(sr->dram_in_use_bytes));
		alt = json_object_new_array();
		for (i = 0; i < r->ndev; i++) {
			json_object *a;

			if (!sr->altmap[i].has_altmap ||
			    !(sr->altmap[i].live || i == sr->dev))
				continue;
			a = json_object_new_object();
			put(a, "device", json_object_new_string(r->dev[i].name));
			put(a, "alloc", u64(sr->altmap[i].alloc));
			put(a, "align", u64(sr->altmap[i].align));
			json_object_array_add(alt, a);
		}
		put(j, "altmaps", alt);
		json_object_array_add(arr, j);
	}
	return arr;
}

json_object *vp_json_result(const struct vp_result *r)
{
	json_object *root = json_object_new_object(), *devs, *t, *w;
	unsigned i;

	put(root, "schema_version", u64(VP_SCHEMA_VERSION));
	put(root, "config", config(r));
	devs = json_object_new_array();
	for (i = 0; i < r->ndev; i++)
		json_object_array_add(devs, device(r, &r->dev[i]));
	put(root, "devices", devs);
	put(root, "steps", steps(r));
	t = json_object_new_object();
	put(t, "size_bytes", u64(r->totals.size_bytes));
	put(t, "memmap_bytes", u64(r->totals.memmap_bytes));
	put(t, "moved_to_device_bytes", u64(r->totals.moved_to_device_bytes));
	put(t, "dram_bytes", u64(r->totals.dram_bytes));
	put(t, "reserved_pfns", u64(r->totals.reserved_pfns));
	put(t, "alignment_waste_bytes", u64(r->totals.alignment_waste_bytes));
	put(t, "usable_bytes", u64(r->totals.usable_bytes));
	put(root, "totals", t);
	t = json_object_new_object();
	put(t, "mapped_blocks", u64(r->leftover.mapped_blocks));
	put(t, "mapped_dram_bytes", u64(r->leftover.mapped_dram_bytes));
	put(t, "mapped_altmap_pfns", u64(r->leftover.mapped_altmap_pfns));
	put(t, "align_pfns", u64(r->leftover.align_pfns));
	put(root, "leftover", t);
	w = json_object_new_array();
	for (i = 0; i < r->nwarn; i++) {
		json_object *j = json_object_new_object();

		put(j, "code", json_object_new_string(r->warn[i].code));
		put(j, "message", json_object_new_string(r->warn[i].msg));
		json_object_array_add(w, j);
	}
	put(root, "warnings", w);
	put(root, "warnings_dropped", u64(r->nwarn_dropped));
	if (r->in.host.used) {
		const struct vp_host *hh = &r->in.host;
		const struct vp_host_fact *facts[] = { &hh->arch, &hh->page_size,
						       &hh->mmu, &hh->kernel,
						       &hh->boot_ram };
		const char *names[] = { "arch", "page_size", "mmu", "kernel",
					"boot_ram" };
		json_object *hj = json_object_new_object();
		unsigned f;

		for (f = 0; f < 5; f++) {
			json_object *fj;

			if (!facts[f]->value[0]) {
				put(hj, names[f], NULL);
				continue;
			}
			fj = json_object_new_object();
			put(fj, "value", json_object_new_string(facts[f]->value));
			put(fj, "from", json_object_new_string(facts[f]->from));
			put(hj, names[f], fj);
		}
		put(root, "host", hj);
	} else {
		put(root, "host", NULL);
	}
	if (r->in.numa.known) {
		json_object *n = json_object_new_object();

		put(n, "node", u64(r->in.numa.node));
		put(n, "node_bytes", u64(r->in.numa.node_bytes));
		put(n, "memtotal_bytes", u64(r->in.numa.memtotal_bytes));
		put(n, "dram_share_of_node",
		    json_object_new_double(r->dram_share_of_node));
		put(n, "dram_share_of_total",
		    json_object_new_double(r->dram_share_of_total));
		put(n, "source", json_object_new_string(r->in.numa.source));
		put(root, "numa", n);
	} else {
		put(root, "numa", NULL);
	}
	if (r->has_inverse) {
		const struct vp_inverse *v = &r->inverse;
		json_object *j = json_object_new_object();

		put(j, "requested_usable", u64(v->requested_usable));
		put(j, "size", u64(v->size));
		put(j, "usable", u64(v->usable));
		put(j, "region_align", u64(v->region_align));
		put(j, "smaller_size", v->smaller_size ? u64(v->smaller_size) : NULL);
		put(j, "smaller_usable", v->smaller_size && !v->smaller_refused ?
						 u64(v->smaller_usable) : NULL);
		put(j, "smaller_refused", json_object_new_boolean(v->smaller_refused));
		put(j, "probes", u64(v->probes));
		put(root, "inverse", j);
	} else {
		put(root, "inverse", NULL);
	}
	return root;
}

json_object *vp_json_error(const struct vp_result *r, const struct vp_error *e)
{
	json_object *root = json_object_new_object(), *o;

	put(root, "schema_version", u64(VP_SCHEMA_VERSION));
	put(root, "config", r ? config(r) : NULL);
	o = json_object_new_object();
	put(o, "kind", json_object_new_string(
			       e->status == VP_REFUSED ? "refused" :
			       e->status == VP_INTERNAL ? "internal" :
			       e->status == VP_UNSUPPORTED ? "unsupported" :
							     "usage"));
	put(o, "errno", e->kerrno ? json_object_new_string(
					    vp_errno_name(e->kerrno)) : NULL);
	put(o, "errno_value", e->kerrno ? json_object_new_int(-e->kerrno) :
					  NULL);
	put(o, "where", e->where ? json_object_new_string(e->where) : NULL);
	put(o, "message", json_object_new_string(e->msg));
	put(root, "error", o);
	return root;
}
