// SPDX-License-Identifier: GPL-2.0-only
/*
 * libFuzzer harness for kernel versions (src/core/kernel.c): vp_kver_parse
 * and vp_kernel_resolve.
 *
 * The input, up to its first NUL byte, is parsed as a version; the input
 * is also read as the parts of a well-formed version (check_structured),
 * which is then checked the same way.  Invariants:
 *  - vp_kver_parse accepts exactly MAJOR.MINOR[.PATCH][-SUFFIX] (numbers of
 *    1 to 5 digits without a leading zero, a suffix of 1 to 47 characters
 *    from [A-Za-z0-9._+~-]), read independently here; "1.2.3.4" is
 *    VP_KVER_FOUR_PARTS; an accepted text is exactly the canonical
 *    rendering of what was parsed (nothing is dropped or normalised);
 *  - every status has a message (vp_kver_strerror is never "invalid");
 *  - vp_kernel_resolve refuses exactly the versions before 4.13 as
 *    TOO_OLD, resolves every 6.1.y, and never answers anything else than
 *    OK or TOO_OLD (or NOT_UPSTREAM for a RHEL 8 4.18);
 *  - a resolved kernel has a non-empty, untruncated canonical name
 *    ("MAJOR.MINOR.PATCH[-SUFFIX]") that re-parses to the same numbers and
 *    suffix and resolves again to the same name and behaviours, and a
 *    terminated caveat;
 *  - a distribution suffix and a missing patch level ("6.1" is v6.1, patch
 *    0) change nothing in the behaviours;
 *  - behaviours follow kernel.h (MAX_STRUCT_PAGE_SIZE 128 for 6.1.0 to
 *    6.1.11, else 64) and a later patch level never takes a fix back: every
 *    row of the change table that applies to a version applies to the next
 *    patch level (vp_kchange_applies), and the bugs fixed in 6.1.y
 *    (cross_boundary_off_by_one, altmap_free_bound_loose,
 *    compound_vmemmap_ungated, the 128-byte reserve) do not come back.
 */
#include <stdbool.h>

#include "fuzz.h"
#include "kernel.h"

/* 1 to 5 digits, no leading zero; returns the end or NULL. */
static const char *ref_num(const char *p, unsigned *out)
{
	unsigned v = 0;
	int n = 0;

	while (*p >= '0' && *p <= '9') {
		if (n == 5 || (n == 1 && v == 0))
			return NULL;
		v = v * 10 + (unsigned)(*p++ - '0');
		n++;
	}
	if (n == 0)
		return NULL;
	*out = v;
	return p;
}

static bool suffix_char(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	       (c >= 'A' && c <= 'Z') || c == '.' || c == '_' || c == '-' ||
	       c == '+' || c == '~';
}

/* The grammar of kernel.h, read independently. */
static enum vp_kver_status ref_kver(const char *s, struct vp_kver *v)
{
	const char *p;
	unsigned extra;
	size_t n = 0;

	memset(v, 0, sizeof(*v));
	if (!(p = ref_num(s, &v->major)) || *p++ != '.' ||
	    !(p = ref_num(p, &v->minor)))
		return VP_KVER_SYNTAX;
	if (*p == '.') {
		if (!(p = ref_num(p + 1, &v->patch)))
			return VP_KVER_SYNTAX;
		v->has_patch = true;
		if (*p == '.' && ref_num(p + 1, &extra))
			return VP_KVER_FOUR_PARTS;
	}
	if (*p == '\0')
		return VP_KVER_OK;
	if (*p++ != '-')
		return VP_KVER_SYNTAX;
	for (; p[n]; n++)
		if (!suffix_char(p[n]) || n + 1 >= sizeof(v->suffix))
			return VP_KVER_SYNTAX;
	if (n == 0)
		return VP_KVER_SYNTAX;
	memcpy(v->suffix, p, n + 1);
	return VP_KVER_OK;
}

static bool same_ver(const struct vp_kver *a, const struct vp_kver *b)
{
	return a->major == b->major && a->minor == b->minor &&
	       a->patch == b->patch && a->has_patch == b->has_patch &&
	       strcmp(a->suffix, b->suffix) == 0;
}

/* Every field, whatever the model adds: resolve memsets the struct, so
 * padding is zero in both. */
static bool same_b(const struct vp_kbehaviour *a, const struct vp_kbehaviour *b)
{
	return memcmp(a, b, sizeof(*a)) == 0;
}

static void check_resolved(const char *s, const struct vp_kver *v,
			   const struct vp_kernel *k)
{
	struct vp_kver v2;
	struct vp_kernel k2;
	char want[128];
	enum vp_kver_status st;

	FUZZ_CHECK(memchr(k->name, '\0', sizeof(k->name)) != NULL,
		   "'%s': name not terminated", s);
	FUZZ_CHECK(k->name[0] != '\0', "'%s': empty canonical name", s);
	snprintf(want, sizeof(want), "%u.%u.%u%s%s", v->major, v->minor,
		 v->patch, v->suffix[0] ? "-" : "", v->suffix);
	FUZZ_CHECK(strcmp(k->name, want) == 0,
		   "'%s': canonical name '%s', expected '%s' (truncated?)", s,
		   k->name, want);
	FUZZ_CHECK(same_ver(&k->ver, v), "'%s': resolve changed the version", s);
	FUZZ_CHECK(memchr(k->caveat, '\0', sizeof(k->caveat)) != NULL,
		   "'%s': caveat not terminated", s);

	/* The suffix and the missing patch level change no behaviour. */
	if (v->suffix[0] || !v->has_patch) {
		struct vp_kver plain = *v;

		plain.suffix[0] = '\0';
		plain.has_patch = true;
		st = vp_kernel_resolve(&plain, &k2);
		FUZZ_CHECK(st == VP_KVER_OK && same_b(&k2.b, &k->b),
			   "'%s' and %u.%u.%u resolve differently", s, v->major,
			   v->minor, v->patch);
	}

	st = vp_kver_parse(k->name, &v2);
	FUZZ_CHECK(st == VP_KVER_OK, "'%s': canonical '%s' does not re-parse: %s",
		   s, k->name, vp_kver_strerror(st));
	FUZZ_CHECK(v2.major == v->major && v2.minor == v->minor &&
			   v2.patch == v->patch && v2.has_patch &&
			   strcmp(v2.suffix, v->suffix) == 0,
		   "'%s': canonical '%s' re-parses to %u.%u.%u-%s", s, k->name,
		   v2.major, v2.minor, v2.patch, v2.suffix);
	st = vp_kernel_resolve(&v2, &k2);
	FUZZ_CHECK(st == VP_KVER_OK && strcmp(k2.name, k->name) == 0 &&
			   same_b(&k2.b, &k->b),
		   "'%s': canonical '%s' resolves differently", s, k->name);

	/* kernel.h: MAX_STRUCT_PAGE_SIZE 128 in v6.1..6.1.11, else 64. */
	FUZZ_CHECK(k->b.reserve_struct_page_size ==
			   (v->major == 6 && v->minor == 1 && v->patch < 12 ?
				    128u :
				    64u),
		   "'%s': reserve_struct_page_size %u", s,
		   k->b.reserve_struct_page_size);

	/* A later patch level never takes a fix back. */
	if (v->patch < 99999) {
		struct vp_kver next = *v;
		struct vp_kernel kn;

		next.patch++;
		next.has_patch = true;
		FUZZ_CHECK(vp_kernel_resolve(&next, &kn) == VP_KVER_OK,
			   "'%s': the next patch level does not resolve", s);
		FUZZ_CHECK(kn.b.reserve_struct_page_size <=
					   k->b.reserve_struct_page_size &&
				   kn.b.cross_boundary_off_by_one <=
					   k->b.cross_boundary_off_by_one &&
				   kn.b.altmap_free_bound_loose <=
					   k->b.altmap_free_bound_loose &&
				   (kn.b.compound_vmemmap ==
				    VP_COMPOUND_ALL_ARCHES) <=
					   (k->b.compound_vmemmap ==
					    VP_COMPOUND_ALL_ARCHES),
			   "'%s': patch %u reintroduces a fixed behaviour", s,
			   next.patch);
	}
}

static void check_text(const char *s)
{
	struct vp_kver v, ref;
	struct vp_kernel k;
	enum vp_kver_status st, want, rs;
	const struct vp_kchange *t;
	size_t i, n;

	memset(&v, 0x5a, sizeof(v));
	st = vp_kver_parse(s, &v);
	want = ref_kver(s, &ref);
	FUZZ_CHECK(st >= VP_KVER_OK && st <= VP_KVER_NOT_UPSTREAM,
		   "vp_kver_parse('%s') returned %d", s, (int)st);
	FUZZ_CHECK(strcmp(vp_kver_strerror(st), "invalid") != 0,
		   "status %d has no message", (int)st);
	FUZZ_CHECK(st == want, "vp_kver_parse('%s') = %s, the grammar says %s",
		   s, vp_kver_strerror(st), vp_kver_strerror(want));
	if (st != VP_KVER_OK)
		return;

	FUZZ_CHECK(same_ver(&v, &ref), "vp_kver_parse('%s') = %u.%u.%u%s-%s", s,
		   v.major, v.minor, v.patch, v.has_patch ? "" : "(no patch)",
		   v.suffix);
	FUZZ_CHECK(v.has_patch || v.patch == 0, "'%s': patch without has_patch",
		   s);
	{
		char text[128];

		if (v.has_patch)
			snprintf(text, sizeof(text), "%u.%u.%u%s%s", v.major,
				 v.minor, v.patch, v.suffix[0] ? "-" : "",
				 v.suffix);
		else
			snprintf(text, sizeof(text), "%u.%u%s%s", v.major,
				 v.minor, v.suffix[0] ? "-" : "", v.suffix);
		FUZZ_CHECK(strcmp(text, s) == 0,
			   "'%s' parses to something that prints as '%s'", s,
			   text);
	}

	/* Every change row: monotonic in the patch level. */
	t = vp_kchanges(&n);
	for (i = 0; i < n; i++) {
		struct vp_kver next = v;

		if (v.patch == 99999)
			break;
		next.patch++;
		FUZZ_CHECK(!vp_kchange_applies(&t[i], &v) ||
				   vp_kchange_applies(&t[i], &next),
			   "row %zu (%s) applies to '%s' but not to patch %u", i,
			   t[i].subject, s, next.patch);
	}

	memset(&k, 0x5a, sizeof(k));
	rs = vp_kernel_resolve(&v, &k);
	FUZZ_CHECK(rs >= VP_KVER_OK && rs <= VP_KVER_NOT_UPSTREAM &&
			   strcmp(vp_kver_strerror(rs), "invalid") != 0,
		   "vp_kernel_resolve('%s') returned %d", s, (int)rs);
	FUZZ_CHECK(rs == VP_KVER_OK || rs == VP_KVER_TOO_OLD ||
			   (rs == VP_KVER_NOT_UPSTREAM && v.major == 4 &&
			    v.minor == 18),
		   "vp_kernel_resolve('%s') = %s", s, vp_kver_strerror(rs));
	FUZZ_CHECK((rs == VP_KVER_TOO_OLD) ==
			   (v.major < 4 || (v.major == 4 && v.minor < 13)),
		   "'%s' resolves to %s", s, vp_kver_strerror(rs));
	if (v.major == 6 && v.minor == 1)
		FUZZ_CHECK(rs == VP_KVER_OK, "'%s' resolves to %s", s,
			   vp_kver_strerror(rs));
	if (rs == VP_KVER_OK)
		check_resolved(s, &v, &k);
}

/*
 * The same input read as a version's parts: byte 0 picks the form, three
 * 3-byte numbers (mod 100000), a suffix length (mod 48) and suffix
 * characters follow.  Raw text rarely grows long numbers and a long suffix
 * at once; this reaches every well-formed version, so the name and suffix
 * limits are exercised.
 */
static void check_structured(const uint8_t *d, size_t size)
{
	static const char sfx[] = "0123456789abcdefghijklmnopqrstuvwxyz"
				  "ABCDEFGHIJKLMNOPQRSTUVWXYZ._-+~";
	unsigned num[3], i, len;
	char text[128];
	int pos;

	if (size < 11)
		return;
	for (i = 0; i < 3; i++)
		num[i] = ((unsigned)d[1 + 3 * i] << 16 |
			  (unsigned)d[2 + 3 * i] << 8 | d[3 + 3 * i]) % 100000;
	pos = d[0] & 1 ?
		      snprintf(text, sizeof(text), "%u.%u.%u", num[0], num[1],
			       num[2]) :
		      snprintf(text, sizeof(text), "%u.%u", num[0], num[1]);
	len = d[0] & 2 ? d[10] % 48 : 0;
	if (len) {
		text[pos++] = '-';
		for (i = 0; i < len; i++)
			text[pos++] = sfx[11 + i < size ?
						  d[11 + i] % (sizeof(sfx) - 1) :
						  i % (sizeof(sfx) - 1)];
		text[pos] = '\0';
	}
	check_text(text);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_cstring(data, size);

	if (!s)
		return 0;
	check_text(s);
	free(s);
	check_structured(data, size);
	return 0;
}
