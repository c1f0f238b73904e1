// SPDX-License-Identifier: GPL-2.0-only
/*
 * libFuzzer harness for --batch (src/cli/batch.c): the input is standard
 * input, read through a memory stream by vp_batch() with the defaults of
 * vp_input_defaults(), as `vmemplan --batch` does with no other option.
 *
 * Linked with -Wl,--wrap=vp_answer,--wrap=vp_plan, so that every answer
 * batch.c asks for (vp_answer) and every plan behind it (vp_plan, once
 * for a --device line, once per probe of the --usable search) goes through
 * the wrappers below.  Invariants:
 *  - nothing ends in VP_INTERNAL (a broken vp_check invariant, a model
 *    limit, or the inverse search contradicting itself), caught in the
 *    wrappers with the plan's inputs, and no output line is an error of
 *    kind "internal";
 *  - vp_region_align(region_align, ways), which plan.c divides by, is the
 *    product inverse.h describes (checked before each plan);
 *  - a planned result passes vp_check() again; an error has its status, a
 *    message and a known errno;
 *  - the two engines agree (status, error, every device field, totals,
 *    warnings) on every plan of at most FUZZ_REF_MAX_SECTIONS 16 MiB
 *    sections;
 *  - an inverse answer reaches its target, is a multiple of the region
 *    alignment, and the next smaller size falls short or is refused;
 *  - the output is one JSON object per non-blank input line, in order, with
 *    "line" numbering the input line and "schema_version" 1, holding either
 *    an "error" with a message and a kind (refused, usage, unsupported) or
 *    "devices", "steps" and "totals" (several with a "steps" plan, each
 *    device and step the same from both engines); the exit status is 0 when no line failed and
 *    1 otherwise (70, for an internal error, is caught before);
 *  - an output line answering a valid UTF-8 input line is valid UTF-8
 *    (JSON text is UTF-8, RFC 8259 section 8.1).  FUZZ_BATCH_UTF8=0 in the
 *    environment turns this check off.
 *
 * The block-by-block reference engine is linear in the device size (about
 * a second for 1 PiB, unsanitised; a --usable search makes ~50 plans), so a
 * plan asking for it over FUZZ_REF_MAX_SECTIONS sections is planned with
 * the run-length engine instead, to keep the fuzzer fast.
 */
#define _GNU_SOURCE
#include <stdbool.h>

#include <json-c/json.h>

#include "fuzz.h"	/* first: compare.h needs <string.h> */

#include "batch.h"
#include "check.h"
#include "compare.h"
#include "inverse.h"
#include "plan.h"

#ifndef FUZZ_REF_MAX_SECTIONS
#define FUZZ_REF_MAX_SECTIONS (1ULL << 14)	/* 256 GiB */
#endif

enum vp_status __real_vp_plan(const struct vp_input *in, struct vp_result *res,
			      struct vp_error *err);
enum vp_status __wrap_vp_plan(const struct vp_input *in, struct vp_result *res,
			      struct vp_error *err);
enum vp_status __real_vp_answer(const struct vp_input *in,
				struct vp_result *res, struct vp_error *err);
enum vp_status __wrap_vp_answer(const struct vp_input *in,
				struct vp_result *res, struct vp_error *err);

static bool check_utf8 = true;

static void describe(const struct vp_input *in, char *buf, size_t len)
{
	snprintf(buf, len,
		 "device %llu@%#llx%s usable %llu region_align %llu ways %u mmu %s page_shift %u kernel %s mode %s map %s align %llu engine %s arch %s boot_ram %llu hash_16m %d kfence %d radix_only %d",
		 (unsigned long long)in->size, (unsigned long long)in->start,
		 in->start_given ? "" : " (default start)",
		 (unsigned long long)in->usable,
		 (unsigned long long)in->region_align, in->ways,
		 vp_mmu_name(in->mmu), in->page_shift, in->kernel.name,
		 vp_mode_name(in->mode), vp_map_name(in->map),
		 (unsigned long long)in->align, vp_engine_name(in->engine),
		 vp_arch_name(in->arch),
		 (unsigned long long)in->plat.boot_ram_bytes,
		 in->plat.hash_16m, in->plat.kfence, in->plat.radix_only);
}

static bool same_warnings(const struct vp_result *a, const struct vp_result *b)
{
	unsigned i;

	if (a->nwarn != b->nwarn)
		return false;
	for (i = 0; i < a->nwarn; i++)
		if (strcmp(a->warn[i].code, b->warn[i].code) != 0 ||
		    strcmp(a->warn[i].msg, b->warn[i].msg) != 0)
			return false;
	return true;
}

/* inverse.h: vp_region_align is the base alignment (16 MiB by default),
 * multiplied by the ways when they do not divide it, or 0 (which the
 * planner refuses) when that does not fit in 64 bits; plan.c divides by
 * it. */
static void check_region_align(const struct vp_input *in, const char *what)
{
	unsigned __int128 a = in->region_align ? in->region_align : 16ULL << 20;
	unsigned __int128 want = in->ways > 1 && a % in->ways ? a * in->ways : a;
	uint64_t got = vp_region_align(in->region_align, in->ways);

	if (want > UINT64_MAX)
		want = 0;
	FUZZ_CHECK(got == want, "vp_region_align(%llu, %u) = %llu, not %llu (%s)",
		   (unsigned long long)in->region_align, in->ways,
		   (unsigned long long)got, (unsigned long long)want, what);
}

static void check_error(enum vp_status s, const struct vp_error *err,
			const char *what)
{
	FUZZ_CHECK(s != VP_INTERNAL, "internal error for %s: %s", what,
		   err->msg);
	FUZZ_CHECK(s >= VP_OK && s < VP_INTERNAL, "status %d for %s", (int)s,
		   what);
	if (s == VP_OK)
		return;
	FUZZ_CHECK(err->status == s && err->msg[0] != '\0',
		   "error without status or message for %s", what);
	FUZZ_CHECK(strcmp(vp_errno_name(err->kerrno), "E?") != 0,
		   "unknown errno %d for %s", err->kerrno, what);
}

enum vp_status __wrap_vp_plan(const struct vp_input *in, struct vp_result *res,
			      struct vp_error *err)
{
	static struct vp_result other;
	struct vp_input alt = *in;
	struct vp_error e2;
	enum vp_status s, s2;
	bool small = (in->size >> 24) <= FUZZ_REF_MAX_SECTIONS;
	char what[640];

	describe(in, what, sizeof(what));
	check_region_align(in, what);
	if (!small)
		alt.engine = VP_ENGINE_RUNLENGTH;
	s = __real_vp_plan(&alt, res, err);
	check_error(s, err, what);
	if (s == VP_OK)
		FUZZ_CHECK(vp_check(res, &e2) == VP_OK,
			   "vp_check fails on a planned result (%s): %s", what,
			   e2.msg);
	if (!small)
		return s;

	/* The other engine must say the same. */
	alt.engine = in->engine == VP_ENGINE_REFERENCE ? VP_ENGINE_RUNLENGTH :
							 VP_ENGINE_REFERENCE;
	s2 = __real_vp_plan(&alt, &other, &e2);
	FUZZ_CHECK(s2 == s, "engines disagree on the status for %s: %d vs %d (%s)",
		   what, (int)s, (int)s2, s2 ? e2.msg : err->msg);
	if (s != VP_OK) {
		FUZZ_CHECK(e2.kerrno == err->kerrno &&
				   strcmp(e2.where ? e2.where : "",
					  err->where ? err->where : "") == 0 &&
				   strcmp(e2.msg, err->msg) == 0,
			   "engines disagree on the error for %s: '%s' vs '%s'",
			   what, err->msg, e2.msg);
		return s;
	}
	FUZZ_CHECK(res->ndev == other.ndev && res->nsteps == other.nsteps,
		   "engines disagree on the devices or steps for %s", what);
	for (unsigned d = 0; d < res->ndev; d++)
		FUZZ_CHECK(same_device(&res->dev[d], &other.dev[d]),
			   "engines disagree on device %u for %s", d, what);
	for (unsigned k = 0; k < res->nsteps; k++)
		FUZZ_CHECK(same_populate(&res->step[k].populate,
					 &other.step[k].populate) &&
				   same_free(&res->step[k].freed,
					     &other.step[k].freed),
			   "engines disagree on step %u for %s", k + 1, what);
	FUZZ_CHECK(memcmp(&res->totals, &other.totals, sizeof(res->totals)) == 0,
		   "engines disagree on the totals for %s", what);
	FUZZ_CHECK(same_warnings(res, &other),
		   "engines disagree on the warnings for %s", what);
	return s;
}

enum vp_status __wrap_vp_answer(const struct vp_input *in,
				struct vp_result *res, struct vp_error *err)
{
	const struct vp_inverse *v = &res->inverse;
	enum vp_status s;
	char what[640];

	describe(in, what, sizeof(what));
	s = __real_vp_answer(in, res, err);
	check_error(s, err, what);
	if (s != VP_OK || !in->usable)
		return s;
	FUZZ_CHECK(res->has_inverse, "no inverse answer for %s", what);
	FUZZ_CHECK(v->requested_usable == in->usable && v->region_align &&
			   v->size && v->size % v->region_align == 0,
		   "inverse size %llu for %s", (unsigned long long)v->size,
		   what);
	FUZZ_CHECK(v->usable >= v->requested_usable &&
			   v->usable == res->totals.usable_bytes &&
			   res->dev[0].size == v->size,
		   "inverse answer %llu gives %llu usable for %s",
		   (unsigned long long)v->size, (unsigned long long)v->usable,
		   what);
	if (v->size > v->region_align)
		FUZZ_CHECK(v->smaller_size == v->size - v->region_align &&
				   (v->smaller_refused ||
				    v->smaller_usable < v->requested_usable),
			   "inverse answer %llu is not minimal for %s",
			   (unsigned long long)v->size, what);
	return s;
}

/* RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF. */
static bool valid_utf8(const unsigned char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		unsigned c = s[i], need, cp, min;

		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf) {
			need = 1;
			cp = c & 0x1f;
			min = 0x80;
		} else if (c >= 0xe0 && c <= 0xef) {
			need = 2;
			cp = c & 0x0f;
			min = 0x800;
		} else if (c >= 0xf0 && c <= 0xf4) {
			need = 3;
			cp = c & 0x07;
			min = 0x10000;
		} else {
			return false;
		}
		if (n - i - 1 < need)
			return false;
		for (i++; need; need--, i++) {
			if ((s[i] & 0xc0) != 0x80)
				return false;
			cp = cp << 6 | (s[i] & 0x3f);
		}
		if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
			return false;
	}
	return true;
}

struct line {
	const unsigned char *p;
	size_t n;
};

/* The next '\n'-terminated line (the last one may lack it); false at the
 * end, as batch.c's read_line. */
static bool next_line(const unsigned char **cur, const unsigned char *end,
		      struct line *l)
{
	const unsigned char *nl;

	if (*cur >= end)
		return false;
	nl = memchr(*cur, '\n', (size_t)(end - *cur));
	l->p = *cur;
	l->n = (size_t)((nl ? nl : end) - *cur);
	*cur = nl ? nl + 1 : end;
	return true;
}

static bool blank(const struct line *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (l->p[i] != ' ' && l->p[i] != '\t' && l->p[i] != '\r')
			return false;
	return true;
}

static void check_output(const uint8_t *data, size_t size, const char *out,
			 size_t outlen, int rc)
{
	const unsigned char *in = data, *inend = data + size;
	const unsigned char *o = (const unsigned char *)out, *oend = o + outlen;
	struct line il, ol;
	unsigned long lineno = 0, nout = 0;
	bool any_error = false;

	FUZZ_CHECK(outlen == 0 || out[outlen - 1] == '\n',
		   "output does not end with a newline");
	while (next_line(&in, inend, &il)) {
		json_object *root, *v, *e;
		enum json_tokener_error jerr;
		struct json_tokener *tok;

		lineno++;
		if (blank(&il))
			continue;
		FUZZ_CHECK(next_line(&o, oend, &ol),
			   "no output line for input line %lu", lineno);
		nout++;
		tok = json_tokener_new();
		FUZZ_CHECK(tok != NULL, "json_tokener_new");
		root = json_tokener_parse_ex(tok, (const char *)ol.p, (int)ol.n);
		jerr = json_tokener_get_error(tok);
		FUZZ_CHECK(root && jerr == json_tokener_success &&
				   json_tokener_get_parse_end(tok) == ol.n,
			   "output line %lu is not one JSON value: %.*s", nout,
			   (int)(ol.n > 300 ? 300 : ol.n), (const char *)ol.p);
		json_tokener_free(tok);
		FUZZ_CHECK(json_object_is_type(root, json_type_object),
			   "output line %lu is not an object", nout);
		FUZZ_CHECK(json_object_object_get_ex(root, "line", &v) &&
				   json_object_is_type(v, json_type_int) &&
				   json_object_get_uint64(v) == lineno,
			   "output line %lu does not carry \"line\": %lu", nout,
			   lineno);
		FUZZ_CHECK(json_object_object_get_ex(root, "schema_version", &v) &&
				   json_object_get_int(v) == 1,
			   "output line %lu: no schema_version 1", nout);
		if (json_object_object_get_ex(root, "error", &e)) {
			const char *kind;

			any_error = true;
			FUZZ_CHECK(json_object_is_type(e, json_type_object) &&
					   json_object_object_get_ex(e, "message",
								     &v) &&
					   json_object_is_type(v, json_type_string) &&
					   json_object_get_string_len(v) > 0,
				   "output line %lu: error without a message",
				   nout);
			FUZZ_CHECK(json_object_object_get_ex(e, "kind", &v) &&
					   json_object_is_type(v, json_type_string),
				   "output line %lu: error without a kind", nout);
			kind = json_object_get_string(v);
			FUZZ_CHECK(strcmp(kind, "internal") != 0,
				   "output line %lu is an internal error: %s",
				   nout, json_object_get_string(e));
			FUZZ_CHECK(strcmp(kind, "refused") == 0 ||
					   strcmp(kind, "usage") == 0 ||
					   strcmp(kind, "unsupported") == 0,
				   "output line %lu: error kind '%s'", nout,
				   kind);
		} else {
			FUZZ_CHECK(json_object_object_get_ex(root, "devices", &v) &&
					   json_object_array_length(v) >= 1 &&
					   json_object_object_get_ex(root, "steps",
								     &v) &&
					   json_object_array_length(v) >= 1 &&
					   json_object_object_get_ex(root,
								     "totals",
								     &v),
				   "output line %lu: neither error nor result",
				   nout);
		}
		json_object_put(root);
		if (check_utf8 && valid_utf8(il.p, il.n))
			FUZZ_CHECK(valid_utf8(ol.p, ol.n),
				   "output line %lu (for valid UTF-8 input line %lu) is not valid UTF-8: %.*s",
				   nout, lineno,
				   (int)(ol.n > 600 ? 600 : ol.n),
				   (const char *)ol.p);
	}
	FUZZ_CHECK(o == oend, "more output lines than non-blank input lines");
	FUZZ_CHECK(rc == (any_error ? 1 : 0),
		   "exit status %d with%s error lines", rc,
		   any_error ? "" : " no");
}

int LLVMFuzzerInitialize(int *argc, char ***argv);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *e = getenv("FUZZ_BATCH_UTF8");

	(void)argc;
	(void)argv;
	check_utf8 = !(e && strcmp(e, "0") == 0);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char empty[1];
	struct vp_input defaults;
	FILE *in, *out;
	char *obuf = NULL;
	size_t olen = 0;
	int rc;

	vp_input_defaults(&defaults);
	/* glibc's fmemopen refuses a zero size. */
	in = fmemopen(size ? (void *)data : (void *)empty, size, "r");
	if (!in && size == 0)
		in = fopen("/dev/null", "r");
	FUZZ_CHECK(in != NULL, "fmemopen");
	out = open_memstream(&obuf, &olen);
	FUZZ_CHECK(out != NULL, "open_memstream");
	rc = vp_batch(in, out, &defaults, 0);
	fclose(in);
	FUZZ_CHECK(fclose(out) == 0, "closing the output stream");
	check_output(data, size, obuf, olen, rc);
	free(obuf);
	return 0;
}
