// SPDX-License-Identifier: GPL-2.0-only
/*
 * libFuzzer harness for --from-ndctl (src/cli/import.c): the input is the
 * JSON `ndctl list` would print.  The first byte picks the model (ppc64
 * radix, ppc64 hash, x86-64); the rest is the file.  Invariants:
 *  - vp_parse_ndctl either fails with a message or lists 1 to
 *    VP_MAX_IMPORTS namespaces, each fsdax/devdax one with a size;
 *  - vp_run_import's status is 0 or 1 (a mismatch), never 70, and its JSON
 *    output parses, with one entry per planned namespace;
 *  - a namespace marked "match" has raw sizes that are multiples of its
 *    region's granule (its align, else 16 MiB), raw_size <= raw_size_max,
 *    and a plan whose usable size is exactly the reported size.
 */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "fuzz.h"
#include "import.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct vp_options o;
	static struct vp_nd_list l;
	char msg[512], *obuf = NULL;
	size_t olen = 0, i, j, planned = 0;
	unsigned bad, total;
	json_object *doc, *arr;
	FILE *out;
	int rc;

	if (size < 1)
		return 0;
	memset(&o, 0, sizeof(o));
	vp_input_defaults(&o.in);
	o.format = VP_FMT_JSON;
	if (data[0] % 3 == 1)
		o.in.mmu = VP_MMU_HASH;
	if (data[0] % 3 == 2)
		o.in.arch = VP_ARCH_X86_64;
	if (vp_parse_ndctl((const char *)data + 1, size - 1, "fuzz", &l, msg,
			   sizeof(msg))) {
		FUZZ_CHECK(msg[0] != '\0', "a parse failure without a message");
		return 0;
	}
	FUZZ_CHECK(l.n >= 1 && l.n <= VP_MAX_IMPORTS, "%u namespaces", l.n);
	for (i = 0; i < l.n; i++)
		planned += l.ns[i].usable;
	out = open_memstream(&obuf, &olen);
	FUZZ_CHECK(out != NULL, "open_memstream");
	rc = vp_run_import(&o, &l, false, "fuzz", out, &bad, &total);
	FUZZ_CHECK(fclose(out) == 0, "closing the output stream");
	FUZZ_CHECK(rc == 0 || rc == 1, "exit status %d", rc);
	FUZZ_CHECK((rc == 1) == (bad > 0) && total == planned,
		   "status %d with %u of %u mismatched", rc, bad, total);
	doc = json_tokener_parse(obuf);
	FUZZ_CHECK(doc != NULL, "the JSON output does not parse");
	FUZZ_CHECK(json_object_object_get_ex(doc, "namespaces", &arr) &&
			   json_object_array_length(arr) == planned,
		   "namespaces[] does not list the planned namespaces");
	for (i = 0, j = 0; i < planned; i++, j++) {
		json_object *e = json_object_array_get_idx(arr, i), *v, *p, *t;
		uint64_t reported, raw, rawmax, usable, granule;

		while (!l.ns[j].usable)
			j++;
		granule = l.ns[j].region_align ? l.ns[j].region_align :
						 16ULL << 20;
		json_object_object_get_ex(e, "match", &v);
		if (!json_object_get_boolean(v))
			continue;
		json_object_object_get_ex(e, "reported_size", &v);
		reported = json_object_get_uint64(v);
		json_object_object_get_ex(e, "raw_size", &v);
		raw = json_object_get_uint64(v);
		json_object_object_get_ex(e, "raw_size_max", &v);
		rawmax = json_object_get_uint64(v);
		FUZZ_CHECK(json_object_object_get_ex(e, "plan", &p) && p &&
				   json_object_object_get_ex(p, "totals", &t) &&
				   json_object_object_get_ex(t, "usable_bytes", &v),
			   "a match without a plan");
		usable = json_object_get_uint64(v);
		FUZZ_CHECK(usable == reported,
			   "match, but the plan gives %llu for %llu",
			   (unsigned long long)usable,
			   (unsigned long long)reported);
		FUZZ_CHECK(raw <= rawmax && raw % granule == 0 &&
				   rawmax % granule == 0,
			   "raw size %llu (max %llu), granule %llu",
			   (unsigned long long)raw, (unsigned long long)rawmax,
			   (unsigned long long)granule);
	}
	json_object_put(doc);
	free(obuf);
	return 0;
}
