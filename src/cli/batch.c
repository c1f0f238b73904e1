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

/* One plan object -> *in (starting from the defaults). */
static int read_plan(json_object *obj, struct vp_input *in,
		     unsigned given, struct vp_error *err)
{
	bool have_device = false;
	char text[192];

	if (!json_object_is_type(obj, json_type_object))
		return input_error(err, "a plan must be a JSON object");
	json_object_object_foreach(obj, key, val)
	{
		int k = vp_value_lookup_json(key);
		const char *s = text;

		if (k < 0) {
			char q[64];

			vp_value_quote(q, sizeof(q), key);
			return input_error(err,
					   "unknown key '%s'; expected device or usable, arch, page_size, mmu, kernel, mode, map, align, region_align, ways, boot_ram, hash_16m, kfence, radix_only, la57, kernel_has, kernel_lacks or engine",
					   q);
		}
		switch (json_object_get_type(val)) {
		case json_type_string:
			s = json_object_get_string(val);
			break;
		case json_type_int:
			if (k != VP_KEY_DEVICE && k != VP_KEY_PAGE_SIZE &&
			    k != VP_KEY_ALIGN && k != VP_KEY_USABLE &&
			    k != VP_KEY_REGION_ALIGN && k != VP_KEY_WAYS &&
			    k != VP_KEY_BOOT_RAM)
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
	if (!have_device)
		return input_error(err, "the plan names no device (or usable target)");
	if (vp_values_check_arch(in, given, true, text, sizeof(text)))
		return input_error(err, "%s", text);
	return 0;
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
		else if (read_plan(obj, &in, given, &err) == 0)
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
