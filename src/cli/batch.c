// SPDX-License-Identifier: GPL-2.0-only
/*
 * --batch: one JSON plan object per input line, one JSON result per output
 * line, in order.  A plan object uses the long option names with '_' for
 * '-' as keys ({"device": "1T@0x400000000", "mmu": "hash", "page_size":
 * "64K", ...}); values are the option's text, or a non-negative integer
 * for device (the size in bytes), page_size and align.  Values are checked
 * by the same parser as the options (values.c).  A line that cannot be
 * planned gives {"line": N, "error": {...}} and the batch goes on.
 */
#include "batch.h"

#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "../core/plan.h"
#include "exitcodes.h"
#include "render.h"
#include "values.h"

#define VP_BATCH_MAX_LINE (1 << 20)
#define VP_BATCH_MAX_DEPTH 8

/* Reads one line of at most max bytes into buf (NUL-terminated, newline
 * dropped).  Returns its length, -1 at end of input, or -2 when the line
 * was longer (the rest of it is skipped). */
static long read_line(FILE *in, char *buf, long max)
{
	long n = 0;
	int c;

	while ((c = getc(in)) != EOF && c != '\n') {
		if (n == max) {
			while ((c = getc(in)) != EOF && c != '\n')
				;
			return -2;
		}
		buf[n++] = (char)c;
	}
	if (c == EOF && n == 0)
		return -1;
	buf[n] = '\0';
	return n;
}

static int input_error(struct vp_error *err, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static int input_error(struct vp_error *err, const char *fmt, ...)
{
	va_list ap;

	memset(err, 0, sizeof(*err));
	err->status = VP_BADINPUT;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	va_end(ap);
	return -1;
}

/* A step's name: 1 to 31 of [A-Za-z0-9._:-]. */
static bool good_name(const char *s)
{
	size_t n = strlen(s);

	return n > 0 && n < 32 &&
	       strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
			 "0123456789._:-") == n;
}

static int step_error(struct vp_error *err, size_t k, const char *op,
		      const char *name, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

static int step_error(struct vp_error *err, size_t k, const char *op,
		      const char *name, const char *fmt, ...)
{
	char m[sizeof(err->msg)];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(m, sizeof(m), fmt, ap);
	va_end(ap);
	return input_error(err, "step %zu%s%s%s%s%s: %s", k + 1,
			   op ? " (" : "", op ? op : "", name ? " " : "",
			   name ? name : "", op ? ")" : "", m);
}

/* A string member of a step, or NULL; -1 when it is not a string. */
static int step_string(json_object *o, const char *key, const char **out)
{
	json_object *v;

	*out = NULL;
	if (!json_object_object_get_ex(o, key, &v))
		return 0;
	if (json_object_is_type(v, json_type_int)) {
		static char num[32];

		snprintf(num, sizeof(num), "%" PRIu64, json_object_get_uint64(v));
		*out = num;
		return json_object_get_int64(v) < 0 ? -1 : 0;
	}
	if (!json_object_is_type(v, json_type_string))
		return -1;
	*out = json_object_get_string(v);
	return 0;
}

/* A member that is a JSON string, or NULL. */
static const char *member_string(json_object *o, const char *key)
{
	json_object *v;

	if (!json_object_object_get_ex(o, key, &v) ||
	    !json_object_is_type(v, json_type_string))
		return NULL;
	return json_object_get_string(v);
}

/* "steps": [{"op": "add", "name": N, "device": "SIZE[@START]", "mode",
 * "map", "align"}, {"op": "remove", "name": N}, ...].  A device is defined
 * by its first add; the plan's other keys are the defaults. */
static int read_steps(json_object *arr, struct vp_input *in,
		      struct vp_error *err)
{
	static const char *const fields[] = { "device", "mode", "map", "align" };
	static const enum vp_value_key keys[] = { VP_KEY_DEVICE, VP_KEY_MODE,
						  VP_KEY_MAP, VP_KEY_ALIGN };
	size_t k, n;

	if (!json_object_is_type(arr, json_type_array))
		return input_error(err, "steps must be an array of step objects");
	n = json_object_array_length(arr);
	if (n == 0 || n > VP_MAX_STEPS)
		return input_error(err, "steps: from 1 to %d steps", VP_MAX_STEPS);
	for (k = 0; k < n; k++) {
		json_object *o = json_object_array_get_idx(arr, k);
		const char *op, *name, *val;
		unsigned d, f, nkeys = 0;
		bool add;

		if (!json_object_is_type(o, json_type_object))
			return step_error(err, k, NULL, NULL, "a step must be a JSON object");
		/* op and name are strings (step_string's number buffer is
		 * for the values only). */
		op = member_string(o, "op");
		if (!op || (strcmp(op, "add") && strcmp(op, "remove")))
			return step_error(err, k, NULL, NULL, "op: expected \"add\" or \"remove\"");
		add = strcmp(op, "add") == 0;
		name = member_string(o, "name");
		if (!name || !good_name(name))
			return step_error(err, k, op, NULL,
					  "name: expected a string of 1 to 31 letters, digits, '.', '_', ':' or '-'");
		json_object_object_foreach(o, key, v)
		{
			(void)v;
			nkeys++;
			if (strcmp(key, "op") && strcmp(key, "name") &&
			    (!add || (strcmp(key, "device") && strcmp(key, "mode") &&
				      strcmp(key, "map") && strcmp(key, "align"))))
				return step_error(err, k, op, name,
						  "unknown key '%.32s'; %s", key,
						  add ? "an add takes op, name, device, mode, map and align" :
							"a remove takes op and name");
		}
		for (d = 0; d < in->ndevs; d++)
			if (strcmp(in->devs[d].name, name) == 0)
				break;
		if (!add) {
			if (d == in->ndevs)
				return step_error(err, k, op, name, "no device of that name was added before");
		} else if (d < in->ndevs) {
			if (nkeys > 2)
				return step_error(err, k, op, name,
						  "%s is defined by its first add: a re-add takes only op and name",
						  name);
		} else {
			struct vp_input scratch = *in;
			struct vp_device_spec *ds;

			if (in->ndevs == VP_MAX_DEVICES)
				return step_error(err, k, op, name, "at most %d devices",
						  VP_MAX_DEVICES);
			scratch.start_given = false;
			for (f = 0; f < 4; f++) {
				if (step_string(o, fields[f], &val))
					return step_error(err, k, op, name,
							  "%s must be a string", fields[f]);
				if (!val && f == 0)
					return step_error(err, k, op, name,
							  "the first add of a device gives device: SIZE[@START]");
				if (val && vp_value_set(&scratch, keys[f], val,
							err->msg, sizeof(err->msg))) {
					char m[sizeof(err->msg)];

					memcpy(m, err->msg, sizeof(m));
					return step_error(err, k, op, name, "%s: %s",
							  fields[f], m);
				}
			}
			ds = &in->devs[in->ndevs];
			memset(ds, 0, sizeof(*ds));
			memcpy(ds->name, name, strlen(name) + 1);
			ds->size = scratch.size;
			ds->start = scratch.start;
			ds->start_given = scratch.start_given;
			ds->mode = scratch.mode;
			ds->map = scratch.map;
			ds->align = scratch.align;
			d = in->ndevs++;
		}
		in->steps[k].op = add ? VP_STEP_ADD : VP_STEP_REMOVE;
		in->steps[k].dev = d;
	}
	in->nsteps = (unsigned)n;
	return 0;
}

/* One plan object -> *in (starting from the defaults). */
int vp_read_plan(json_object *obj, struct vp_input *in, unsigned given,
		 struct vp_error *err)
{
	bool have_device = false;
	json_object *steps = NULL;
	char text[192];

	if (!json_object_is_type(obj, json_type_object))
		return input_error(err, "a plan must be a JSON object");
	json_object_object_foreach(obj, key, val)
	{
		int k = vp_value_lookup_json(key);
		const char *s = text;

		if (strcmp(key, "steps") == 0) {
			steps = val;
			continue;
		}
		if (k < 0) {
			char q[64];

			vp_value_quote(q, sizeof(q), key);
			return input_error(err,
					   "unknown key '%s'; expected device or usable or steps, arch, page_size, mmu, kernel, mode, map, align, region_align, ways, boot_ram or ram, hash_16m, kfence, radix_only, la57, kernel_has, kernel_lacks or engine",
					   q);
		}
		/* A plan's ram replaces the ranges it inherited. */
		if (k == VP_KEY_RAM)
			in->plat.nram = 0;
		if (k == VP_KEY_RAM && json_object_is_type(val, json_type_array)) {
			size_t i;

			for (i = 0; i < json_object_array_length(val); i++) {
				json_object *r = json_object_array_get_idx(val, i);

				if (!json_object_is_type(r, json_type_string))
					return input_error(err, "ram must be a string or an array of strings");
				if (vp_value_set(in, VP_KEY_RAM,
						 json_object_get_string(r),
						 err->msg, sizeof(err->msg))) {
					err->status = VP_BADINPUT;
					err->kerrno = 0;
					err->where = NULL;
					return -1;
				}
			}
			given |= 1u << k;
			continue;
		}
		switch (json_object_get_type(val)) {
		case json_type_string:
			s = json_object_get_string(val);
			break;
		case json_type_int:
			if (k != VP_KEY_DEVICE && k != VP_KEY_PAGE_SIZE &&
			    k != VP_KEY_ALIGN && k != VP_KEY_USABLE &&
			    k != VP_KEY_REGION_ALIGN && k != VP_KEY_WAYS &&
			    k != VP_KEY_BOOT_RAM && k != VP_KEY_STRUCT_PAGE_SIZE)
				return input_error(err, "%s must be a string, not a number",
						   key);
			if (json_object_get_int64(val) < 0)
				return input_error(err, "%s must not be negative",
						   key);
			/* json-c saturates integers beyond 64 bits. */
			if (json_object_get_uint64(val) == UINT64_MAX)
				return input_error(err, "%s is too large for 64 bits",
						   key);
			snprintf(text, sizeof(text), "%" PRIu64,
				 json_object_get_uint64(val));
			break;
		default:
			return input_error(err,
					   "%s must be a string or a non-negative integer, not %s",
					   key,
					   json_type_to_name(json_object_get_type(val)));
		}
		if (vp_value_set(in, (enum vp_value_key)k, s, err->msg,
				 sizeof(err->msg))) {
			err->status = VP_BADINPUT;
			err->kerrno = 0;
			err->where = NULL;
			return -1;
		}
		given |= 1u << k;
		if (k == VP_KEY_DEVICE || k == VP_KEY_USABLE) {
			if (have_device)
				return input_error(err, "give one of device and usable, once");
			have_device = true;
		}
	}
	if ((given & 1u << VP_KEY_RAM) && (given & 1u << VP_KEY_BOOT_RAM))
		return input_error(err, "ram and boot_ram exclude each other");
	if (steps && have_device)
		return input_error(err, "steps name their devices: not with device or usable");
	if (steps && read_steps(steps, in, err))
		return -1;
	if (!have_device && !steps)
		return input_error(err, "the plan names no device (or usable target, or steps)");
	if (vp_values_check_arch(in, given, true, text, sizeof(text)))
		return input_error(err, "%s", text);
	return 0;
}

int vp_read_plan_file(const char *path, struct vp_input *in, unsigned given,
		      struct vp_error *err)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "r");
	struct json_tokener *tok;
	json_object *obj;
	static char buf[VP_BATCH_MAX_LINE + 1];
	size_t n;
	int rc;

	if (!f)
		return input_error(err, "--plan: cannot read '%s': %s", path,
				   strerror(errno));
	n = fread(buf, 1, sizeof(buf), f);
	if (ferror(f) || n == sizeof(buf)) {
		if (f != stdin)
			fclose(f);
		return input_error(err, "--plan: '%s': %s", path,
				   n == sizeof(buf) ? "larger than 1 MiB" :
						      "read error");
	}
	if (f != stdin)
		fclose(f);
	tok = json_tokener_new_ex(VP_BATCH_MAX_DEPTH);
	if (!tok)
		return input_error(err, "out of memory");
	json_tokener_set_flags(tok, JSON_TOKENER_STRICT |
				    JSON_TOKENER_VALIDATE_UTF8);
	obj = json_tokener_parse_ex(tok, buf, (int)n);
	if (!obj || json_tokener_get_error(tok) != json_tokener_success) {
		input_error(err, "--plan: '%s' is not one JSON object: %s", path,
			    obj ? "trailing characters" :
				  json_tokener_error_desc(json_tokener_get_error(tok)));
		json_object_put(obj);
		json_tokener_free(tok);
		return -1;
	}
	/* Only white space may follow the object. */
	{
		size_t end = json_tokener_get_parse_end(tok);

		while (end < n && buf[end] && strchr(" \t\r\n", buf[end]))
			end++;
		rc = end == n ? vp_read_plan(obj, in, given, err) :
				input_error(err, "--plan: '%s': text after the JSON object",
					    path);
	}
	json_object_put(obj);
	json_tokener_free(tok);
	return rc;
}

/* *failed: 1 for a line that gave an error object, 2 for an internal
 * error (a bug: exit 70). */
static json_object *plan_line(const char *line, long len,
			      const struct vp_input *defaults, unsigned given,
			      struct vp_result *res, int *failed)
{
	struct json_tokener *tok = json_tokener_new_ex(VP_BATCH_MAX_DEPTH);
	struct vp_error err;
	struct vp_input in = *defaults;
	json_object *obj = NULL, *out;
	bool planned = false;

	if (!tok) {
		input_error(&err, "out of memory");
	} else {
		/* JSON text is UTF-8 (RFC 8259 8.1): refuse anything else, so
		 * that messages quoting the input stay valid UTF-8. */
		json_tokener_set_flags(tok, JSON_TOKENER_STRICT |
					    JSON_TOKENER_VALIDATE_UTF8);
		obj = json_tokener_parse_ex(tok, line, (int)len);
		if (!obj || json_tokener_get_error(tok) != json_tokener_success ||
		    json_tokener_get_parse_end(tok) != (size_t)len)
			input_error(&err, "not one JSON object: %s",
				    obj ? "trailing characters" :
					  json_tokener_error_desc(
						  json_tokener_get_error(tok)));
		else if (vp_read_plan(obj, &in, given, &err) == 0)
			planned = true;
	}
	if (planned && vp_answer(&in, res, &err) == VP_OK) {
		out = vp_json_result(res);
	} else {
		/* A refusal carries the configuration it was planned with. */
		out = vp_json_error(planned && err.status == VP_REFUSED ? res :
									  NULL,
				    &err);
		if (err.status == VP_INTERNAL)
			*failed = 2;
		else if (*failed < 1)
			*failed = 1;
	}
	json_object_put(obj);
	if (tok)
		json_tokener_free(tok);
	return out;
}

int vp_batch(FILE *in, FILE *out, const struct vp_input *defaults,
	     unsigned given)
{
	static char buf[VP_BATCH_MAX_LINE + 1];
	static struct vp_result res;
	unsigned long lineno = 0;
	int failed = 0;
	long len;

	while ((len = read_line(in, buf, VP_BATCH_MAX_LINE)) != -1) {
		json_object *o;
		long i;

		lineno++;
		for (i = 0; i < len && (buf[i] == ' ' || buf[i] == '\t' ||
					buf[i] == '\r');
		     i++)
			;
		if (i == len && len >= 0)
			continue;	/* blank line */
		if (len == -2) {
			struct vp_error err;

			input_error(&err, "line longer than %d bytes",
				    VP_BATCH_MAX_LINE);
			o = vp_json_error(NULL, &err);
			if (failed < 1)
				failed = 1;
		} else {
			o = plan_line(buf, len, defaults, given, &res, &failed);
		}
		json_object_object_add(o, "line", json_object_new_uint64(lineno));
		if (vp_json_emit(out, o, false))
			return VP_EXIT_IO;
	}
	if (ferror(in)) {
		fprintf(stderr, "vmemplan: error reading standard input\n");
		return VP_EXIT_IO;
	}
	return failed == 2 ? VP_EXIT_INTERNAL :
	       failed ? VP_EXIT_REFUSED : VP_EXIT_OK;
}
