// SPDX-License-Identifier: GPL-2.0-only
/*
 * Existing namespaces (--from-ndctl, --from-sysfs): where did the capacity
 * go, where do the struct pages live, and does the kernel agree with the
 * model?
 *
 * `ndctl list` reports an fsdax or devdax namespace's "size" net of the
 * info block, the memmap reserve and the alignment (the pfn device's
 * size_show, drivers/nvdimm/pfn_devs.c @6.1 line 239), and no physical
 * start.  So the raw size is recovered by the inverse search over the
 * region's granule (vp_inverse), at an assumed start aligned to the data
 * alignment, and must give exactly the reported size.  sysfs has the raw
 * size and the start, so there the plan is compared directly, size and
 * data start.
 */
#include "import.h"

#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "../core/plan.h"
#include "../core/units.h"
#include "exitcodes.h"
#include "render.h"

#define MAX_FILE (1 << 20)

static int err_msg(char *msg, size_t len, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int err_msg(char *msg, size_t len, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, len, fmt, ap);
	va_end(ap);
	return -1;
}

/* A member that is a non-negative integer; 1 absent, -1 another type. */
static int member_u64(json_object *o, const char *key, uint64_t *out)
{
	json_object *v;

	if (!json_object_object_get_ex(o, key, &v))
		return 1;
	if (!json_object_is_type(v, json_type_int) ||
	    json_object_get_int64(v) < 0)
		return -1;
	*out = json_object_get_uint64(v);
	return 0;
}

static const char *member_str(json_object *o, const char *key)
{
	json_object *v;

	if (!json_object_object_get_ex(o, key, &v) ||
	    !json_object_is_type(v, json_type_string))
		return NULL;
	return json_object_get_string(v);
}

/* One namespace object of `ndctl list -N [-v]`. */
static int ndctl_namespace(json_object *o, const char *region,
			   uint64_t region_align, struct vp_nd_list *out,
			   char *msg, size_t len)
{
	struct vp_nd_namespace *e;
	const char *dev = member_str(o, "dev"), *mode = member_str(o, "mode");
	const char *map = member_str(o, "map");
	uint64_t v;
	int r;

	if (out->n == VP_MAX_IMPORTS)
		return err_msg(msg, len, "more than %d namespaces",
			       VP_MAX_IMPORTS);
	e = &out->ns[out->n++];
	memset(e, 0, sizeof(*e));
	e->numa_node = -1;
	snprintf(e->name, sizeof(e->name), "%s", dev);
	snprintf(e->region, sizeof(e->region), "%s", region ? region : "");
	e->region_align = region_align;
	/* "memory" and "dax" are ndctl's names before v64. */
	if (mode && (!strcmp(mode, "fsdax") || !strcmp(mode, "memory"))) {
		e->mode = VP_MODE_FSDAX;
	} else if (mode && (!strcmp(mode, "devdax") || !strcmp(mode, "dax"))) {
		e->mode = VP_MODE_DEVDAX;
	} else {
		snprintf(e->skip, sizeof(e->skip), "mode %s: no struct pages",
			 mode ? mode : "(none)");
		return 0;
	}
	if (!map || !strcmp(map, "dev"))
		e->map = VP_MAP_DEV;
	else if (!strcmp(map, "mem"))
		e->map = VP_MAP_MEM;
	else
		return err_msg(msg, len, "%s: map '%.16s': expected dev or mem",
			       e->name, map);
	r = member_u64(o, "size", &e->size);
	if (r) {
		json_object *s;

		if (json_object_object_get_ex(o, "size", &s) &&
		    json_object_is_type(s, json_type_string))
			return err_msg(msg, len,
				       "%s: size \"%.40s\" is rounded (ndctl list -u); run ndctl list without -u for exact bytes",
				       e->name, json_object_get_string(s));
		return err_msg(msg, len, "%s: size: expected a number of bytes",
			       e->name);
	}
	if (member_u64(o, "align", &e->align) < 0)
		return err_msg(msg, len, "%s: align: expected a number", e->name);
	if (member_u64(o, "numa_node", &v) == 0 && v < 4096)
		e->numa_node = (int)v;
	e->usable = true;
	return 0;
}

/* Every shape `ndctl list` prints: a namespace, a region with
 * "namespaces", a bus with "regions", an array of any of them, or an
 * object of such arrays ({"regions": [...]}, {"namespaces": [...]}). */
static int walk(json_object *v, const char *region, uint64_t region_align,
		struct vp_nd_list *out, char *msg, size_t len, unsigned depth)
{
	const char *dev;
	size_t i;

	if (depth > 8)
		return err_msg(msg, len, "nested too deeply for ndctl list output");
	if (json_object_is_type(v, json_type_array)) {
		for (i = 0; i < json_object_array_length(v); i++)
			if (walk(json_object_array_get_idx(v, i), region,
				 region_align, out, msg, len, depth + 1))
				return -1;
		return 0;
	}
	if (!json_object_is_type(v, json_type_object))
		return 0;
	dev = member_str(v, "dev");
	if (dev && !strncmp(dev, "namespace", 9))
		return ndctl_namespace(v, region, region_align, out, msg, len);
	if (dev && !strncmp(dev, "region", 6)) {
		uint64_t a = 0;
		json_object *ns;

		member_u64(v, "align", &a);
		if (json_object_object_get_ex(v, "namespaces", &ns))
			return walk(ns, dev, a, out, msg, len, depth + 1);
		return 0;
	}
	json_object_object_foreach(v, key, val)
	{
		if (!strcmp(key, "dimms") || !strcmp(key, "mappings") ||
		    !strcmp(key, "badblocks"))
			continue;
		if (json_object_is_type(val, json_type_array) &&
		    walk(val, region, region_align, out, msg, len, depth + 1))
			return -1;
	}
	return 0;
}

int vp_parse_ndctl(const char *buf, size_t n, const char *name,
		   struct vp_nd_list *out, char *msg, size_t len)
{
	struct json_tokener *tok;
	json_object *obj;
	size_t end;
	int rc;

	memset(out, 0, sizeof(*out));
	if (n > MAX_FILE)
		return err_msg(msg, len, "--from-ndctl: '%s': larger than 1 MiB",
			       name);
	tok = json_tokener_new_ex(16);
	if (!tok)
		return err_msg(msg, len, "out of memory");
	json_tokener_set_flags(tok, JSON_TOKENER_STRICT |
				    JSON_TOKENER_VALIDATE_UTF8);
	obj = json_tokener_parse_ex(tok, buf, (int)n);
	end = json_tokener_get_parse_end(tok);
	while (end < n && buf[end] && strchr(" \t\r\n", buf[end]))
		end++;
	if (!obj || json_tokener_get_error(tok) != json_tokener_success ||
	    end != n)
		rc = err_msg(msg, len,
			     "--from-ndctl: '%s' is not the JSON of ndctl list: %s",
			     name, !obj ? json_tokener_error_desc(
						  json_tokener_get_error(tok)) :
					  "text after the JSON value");
	else
		rc = walk(obj, NULL, 0, out, msg, len, 0);
	if (!rc && out->n == 0)
		rc = err_msg(msg, len, "--from-ndctl: '%s' lists no namespaces (use ndctl list -N)",
			     name);
	json_object_put(obj);
	json_tokener_free(tok);
	return rc;
}

int vp_read_ndctl(const char *path, struct vp_nd_list *out, char *msg,
		  size_t len)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "r");
	char *buf;
	size_t n;
	int rc;

	memset(out, 0, sizeof(*out));
	if (!f)
		return err_msg(msg, len, "--from-ndctl: cannot read '%s': %s",
			       path, strerror(errno));
	buf = malloc(MAX_FILE + 1);
	if (!buf) {
		if (f != stdin)
			fclose(f);
		return err_msg(msg, len, "out of memory");
	}
	n = fread(buf, 1, MAX_FILE + 1, f);
	rc = ferror(f);
	if (f != stdin)
		fclose(f);
	if (rc)
		rc = err_msg(msg, len, "--from-ndctl: '%s': read error", path);
	else
		rc = vp_parse_ndctl(buf, n, path, out, msg, len);
	free(buf);
	return rc;
}

/* ---- planning and reporting ------------------------------------------ */

struct outcome {
	bool planned;		/* res holds the plan for raw_size */
	bool match;
	uint64_t raw_size, raw_size_max, start;
	bool start_assumed;
	char detail[640];
};

static void input_for(const struct vp_options *o,
		      const struct vp_nd_namespace *e, struct vp_input *in)
{
	*in = o->in;
	in->ndevs = 0;
	in->nsteps = 0;
	in->usable = 0;
	in->mode = e->mode;
	in->map = e->map;
	in->align = e->align;
	if (e->region_align)
		in->region_align = e->region_align;
}

/* ndctl: the raw sizes (multiples of the granule) that give exactly the
 * reported size, at an assumed start. */
static void from_ndctl(const struct vp_options *o,
		       const struct vp_nd_namespace *e, struct vp_result *res,
		       struct outcome *out)
{
	struct vp_input in;
	struct vp_inverse inv;
	struct vp_error err;
	char a[VP_IEC_BUFSZ], b[VP_IEC_BUFSZ];
	uint64_t R;

	input_for(o, e, &in);
	R = vp_region_granule(&in);
	out->start_assumed = true;
	if (vp_inverse(&in, e->size, R, &inv, res, &err) != VP_OK) {
		snprintf(out->detail, sizeof(out->detail),
			 "no raw size gives %" PRIu64 " bytes under kernel %s: %s",
			 e->size, in.kernel.name, err.msg);
		return;
	}
	out->planned = true;
	out->raw_size = inv.size;
	out->start = res->dev[0].start;
	if (inv.usable != e->size) {
		snprintf(out->detail, sizeof(out->detail),
			 "no raw size gives exactly %" PRIu64 " bytes under kernel %s: %s (the smallest that reaches it) gives %s; the running kernel or the machine differs from the model",
			 e->size, in.kernel.name,
			 vp_format_ndctl(inv.size, a, sizeof(a)),
			 vp_format_iec(inv.usable, b, sizeof(b)));
		return;
	}
	out->match = true;
	/* Larger raw sizes whose data ends at the same place give the same
	 * size while the data offset does not grow: within that group the
	 * answer only turns from yes to no, so bisect for the last yes. */
	{
		uint64_t A = res->dev[0].layout.data_align, S = out->start;
		uint64_t group_end = ((S + inv.size) / A + 1) * A - S;
		uint64_t lo = 0, hi = (group_end - 1 - inv.size) / R, mid;
		struct vp_result *r2 = malloc(sizeof(*r2));

		while (r2 && hi > lo) {
			mid = lo + (hi - lo + 1) / 2;
			in.size = inv.size + mid * R;
			if (vp_plan(&in, r2, &err) == VP_OK &&
			    r2->totals.usable_bytes == e->size)
				lo = mid;
			else
				hi = mid - 1;
		}
		free(r2);
		out->raw_size_max = inv.size + lo * R;
	}
	/* res holds the plan of the smallest (vp_inverse leaves it). */
	snprintf(out->detail, sizeof(out->detail), "matches");
}

/* sysfs: the raw size and the start are known: plan and compare. */
static void from_sysfs(const struct vp_options *o,
		       const struct vp_nd_namespace *e, struct vp_result *res,
		       struct outcome *out)
{
	struct vp_input in;
	struct vp_error err;
	uint64_t data_start;

	input_for(o, e, &in);
	in.size = e->raw_size;
	in.start = e->start;
	in.start_given = true;
	out->raw_size = out->raw_size_max = e->raw_size;
	out->start = e->start;
	if (vp_plan(&in, res, &err) != VP_OK) {
		snprintf(out->detail, sizeof(out->detail),
			 "the model refuses this namespace (%s%s%s); the kernel accepted it",
			 err.where ? err.where : "", err.where ? ": " : "",
			 err.msg);
		return;
	}
	out->planned = true;
	data_start = e->start + res->dev[0].layout.start_pad +
		     res->dev[0].layout.dataoff;
	if (res->totals.usable_bytes != e->size)
		snprintf(out->detail, sizeof(out->detail),
			 "the kernel's %s size is %" PRIu64 ", the model's %" PRIu64,
			 e->claim, e->size, res->totals.usable_bytes);
	else if (e->data_start_known && data_start != e->data_start)
		snprintf(out->detail, sizeof(out->detail),
			 "the kernel's %s data starts at %#" PRIx64 ", the model's at %#" PRIx64,
			 e->claim, e->data_start, data_start);
	else {
		out->match = true;
		snprintf(out->detail, sizeof(out->detail), "matches");
	}
}

static void text_one(FILE *f, const struct vp_options *o,
		     const struct vp_nd_namespace *e,
		     const struct vp_result *r, const struct outcome *oc,
		     bool sysfs, int *werr)
{
	char a[VP_IEC_BUFSZ], b[VP_IEC_BUFSZ], c[VP_IEC_BUFSZ], nd[VP_IEC_BUFSZ];
	const struct vp_device_result *d = &r->dev[0];
	int w = 0;

	w |= fprintf(f, "%s%s%s%s: %s, map=%s, align %s; %s size %" PRIu64 " (%s)\n",
		     e->name, e->region[0] ? " (" : "", e->region,
		     e->region[0] ? ")" : "", vp_mode_name(e->mode),
		     vp_map_name(e->map),
		     e->align ? vp_format_iec(e->align, a, sizeof(a)) :
				"default",
		     sysfs ? e->claim : "ndctl", e->size,
		     vp_format_iec(e->size, b, sizeof(b))) < 0;
	if (oc->planned) {
		if (sysfs)
			w |= fprintf(f, "  %-16s %s at %#" PRIx64 " (sysfs)\n",
				     "raw size",
				     vp_format_iec(oc->raw_size, a, sizeof(a)),
				     oc->start) < 0;
		else if (oc->raw_size_max > oc->raw_size)
			w |= fprintf(f, "  %-16s %s to %s (any multiple of %s between; ndctl create-namespace --size %s)\n",
				     "raw size",
				     vp_format_iec(oc->raw_size, a, sizeof(a)),
				     vp_format_iec(oc->raw_size_max, b, sizeof(b)),
				     vp_format_iec(vp_region_granule(&r->in), c, sizeof(c)),
				     vp_format_ndctl(oc->raw_size, nd, sizeof(nd))) < 0;
		else
			w |= fprintf(f, "  %-16s %s = %" PRIu64 " (ndctl create-namespace --size %s)\n",
				     "raw size",
				     vp_format_iec(oc->raw_size, a, sizeof(a)),
				     oc->raw_size,
				     vp_format_ndctl(oc->raw_size, nd, sizeof(nd))) < 0;
		w |= fprintf(f, "  %-16s %s: info block %s, memmap %s, padding %s\n",
			     "dataoff",
			     vp_format_iec(d->layout.dataoff, a, sizeof(a)),
			     vp_format_iec(r->arch.info_block_reserve, b, sizeof(b)),
			     vp_format_iec(d->altmap_bytes, c, sizeof(c)),
			     vp_format_iec(d->layout.dataoff - d->altmap_bytes -
						   r->arch.info_block_reserve,
					   nd, sizeof(nd))) < 0;
		snprintf(c, sizeof(c), " (node %d)", e->numa_node);
		w |= fprintf(f, "  %-16s %s on the device, %s in DRAM%s\n",
			     "struct pages",
			     vp_format_iec(d->altmap_bytes, a, sizeof(a)),
			     vp_format_iec(d->dram_bytes, b, sizeof(b)),
			     e->numa_node >= 0 ? c : "") < 0;
		if (!sysfs)
			w |= fprintf(f, "  %-16s %#" PRIx64 " assumed, aligned to %s (ndctl list gives none: the sizes do not depend on it, the device/DRAM split may)\n",
				     "start", oc->start,
				     vp_format_iec(d->layout.data_align, a, sizeof(a))) < 0;
	}
	w |= fprintf(f, "  %-16s %s%s\n\n", "verdict",
		     oc->match ? "" : "MISMATCH: ", oc->detail) < 0;
	(void)o;
	if (w)
		*werr = -1;
}

int vp_run_import(const struct vp_options *o, const struct vp_nd_list *l,
		  bool sysfs, const char *source, FILE *f, unsigned *bad,
		  unsigned *total)
{
	struct vp_result *res = malloc(sizeof(*res));
	json_object *doc = NULL, *arr = NULL, *skipped = NULL;
	unsigned i, matched = 0, mismatched = 0, skips = 0;
	int werr = 0;

	if (!res) {
		fprintf(stderr, "vmemplan: out of memory\n");
		return VP_EXIT_INTERNAL;
	}
	if (o->format == VP_FMT_JSON) {
		doc = json_object_new_object();
		json_object_object_add(doc, "schema_version",
				       json_object_new_int(VP_SCHEMA_VERSION));
		json_object_object_add(doc, "source",
				       json_object_new_string(sysfs ? "sysfs" : "ndctl"));
		json_object_object_add(doc, "from", json_object_new_string(source));
		arr = json_object_new_array();
		skipped = json_object_new_array();
	}
	for (i = 0; i < l->n; i++) {
		const struct vp_nd_namespace *e = &l->ns[i];
		struct outcome oc;

		memset(&oc, 0, sizeof(oc));
		if (!e->usable) {
			skips++;
			if (doc) {
				json_object *s = json_object_new_object();

				json_object_object_add(s, "namespace", json_object_new_string(e->name));
				json_object_object_add(s, "reason", json_object_new_string(e->skip));
				json_object_array_add(skipped, s);
			} else if (fprintf(f, "%s: skipped: %s\n\n", e->name,
					   e->skip) < 0) {
				werr = -1;
			}
			continue;
		}
		if (sysfs)
			from_sysfs(o, e, res, &oc);
		else
			from_ndctl(o, e, res, &oc);
		if (oc.match)
			matched++;
		else
			mismatched++;
		if (!doc) {
			text_one(f, o, e, res, &oc, sysfs, &werr);
			continue;
		}
		{
			json_object *j = json_object_new_object();

			json_object_object_add(j, "namespace", json_object_new_string(e->name));
			json_object_object_add(j, "region", json_object_new_string(e->region));
			json_object_object_add(j, "claim", sysfs ? json_object_new_string(e->claim) : NULL);
			json_object_object_add(j, "mode", json_object_new_string(vp_mode_name(e->mode)));
			json_object_object_add(j, "map", json_object_new_string(vp_map_name(e->map)));
			json_object_object_add(j, "align", e->align ? json_object_new_uint64(e->align) : NULL);
			json_object_object_add(j, "numa_node", e->numa_node >= 0 ? json_object_new_int(e->numa_node) : NULL);
			json_object_object_add(j, "reported_size", json_object_new_uint64(e->size));
			json_object_object_add(j, "raw_size", oc.planned ? json_object_new_uint64(oc.raw_size) : NULL);
			json_object_object_add(j, "raw_size_max", oc.planned && oc.match ? json_object_new_uint64(oc.raw_size_max) : NULL);
			json_object_object_add(j, "start", oc.planned ? json_object_new_uint64(oc.start) : NULL);
			json_object_object_add(j, "start_assumed", json_object_new_boolean(oc.start_assumed));
			json_object_object_add(j, "match", json_object_new_boolean(oc.match));
			json_object_object_add(j, "detail", json_object_new_string(oc.detail));
			json_object_object_add(j, "plan", oc.planned ? vp_json_result(res) : NULL);
			json_object_array_add(arr, j);
		}
	}
	if (doc) {
		json_object_object_add(doc, "namespaces", arr);
		json_object_object_add(doc, "skipped", skipped);
		werr = vp_json_emit(f, doc, true);
	} else if (fprintf(f, "%u namespace%s: %u match%s the model, %u do%s not, %u skipped\n",
			   matched + mismatched,
			   matched + mismatched == 1 ? "" : "s", matched,
			   matched == 1 ? "es" : "", mismatched,
			   mismatched == 1 ? "es" : "", skips) < 0) {
		werr = -1;
	}
	free(res);
	*bad = mismatched;
	*total = matched + mismatched;
	if (werr)
		return VP_EXIT_IO;
	return mismatched ? VP_EXIT_REFUSED : VP_EXIT_OK;
}
