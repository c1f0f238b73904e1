// SPDX-License-Identifier: GPL-2.0-only
#include "values.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "../core/units.h"

static const struct {
	const char *option, *json, *expected;
} vp_keys[VP_KEY_COUNT] = {
	[VP_KEY_DEVICE] = { "--device", "device",
			    "SIZE[@START], e.g. 1T or 1T@0x40000000000" },
	[VP_KEY_ARCH] = { "--arch", "arch", "ppc64, ppc64le or x86_64" },
	[VP_KEY_PAGE_SIZE] = { "--page-size", "page_size", "4K or 64K" },
	[VP_KEY_MMU] = { "--mmu", "mmu", "radix or hash" },
	[VP_KEY_KERNEL] = { "--kernel", "kernel",
			    "MAJOR.MINOR[.PATCH][-SUFFIX], e.g. 6.1.192" },
	[VP_KEY_MODE] = { "--mode", "mode", "fsdax or devdax" },
	[VP_KEY_MAP] = { "--map", "map", "dev or mem" },
	[VP_KEY_ALIGN] = { "--align", "align",
			   "a power-of-two SIZE such as 64K, 2M or 16M" },
	[VP_KEY_ENGINE] = { "--engine", "engine", "runlength or reference" },
	[VP_KEY_USABLE] = { "--usable", "usable",
			    "SIZE[@START], e.g. 1T or 1T@0x40000000000" },
	[VP_KEY_REGION_ALIGN] = { "--region-align", "region_align",
				  "a power-of-two SIZE from 4K to 1P, e.g. 16M" },
	[VP_KEY_WAYS] = { "--ways", "ways", "a whole number from 1 to 256" },
	[VP_KEY_BOOT_RAM] = { "--boot-ram", "boot_ram",
			      "a SIZE below 2P, e.g. 64G" },
	[VP_KEY_HASH_16M] = { "--hash-16m", "hash_16m", "yes or no" },
	[VP_KEY_KFENCE] = { "--kfence", "kfence", "yes or no" },
	[VP_KEY_RADIX_ONLY] = { "--radix-only", "radix_only", "yes or no" },
	[VP_KEY_KERNEL_HAS] = { "--kernel-has", "kernel_has",
				"a commit id of vmemplan's kernel changes" },
	[VP_KEY_KERNEL_LACKS] = { "--kernel-lacks", "kernel_lacks",
				  "a commit id of vmemplan's kernel changes" },
	[VP_KEY_LA57] = { "--la57", "la57", "yes or no" },
	[VP_KEY_RAM] = { "--ram", "ram", "SIZE[@START], e.g. 64G@0" },
	[VP_KEY_STRUCT_PAGE_SIZE] = { "--struct-page-size", "struct_page_size",
				      "a number of bytes, a multiple of 8 from 56 to 256" },
};

int vp_value_lookup_json(const char *name)
{
	int k;

	for (k = 0; k < VP_KEY_COUNT; k++)
		if (strcmp(name, vp_keys[k].json) == 0)
			return k;
	return -1;
}

/* The value as quoted in a message: at most 48 bytes, cut before a UTF-8
 * continuation byte so that the message stays valid UTF-8. */
void vp_value_quote(char *out, size_t len, const char *text)
{
	size_t n = strlen(text), max = 48;

	if (n <= max) {
		snprintf(out, len, "%s", text);
		return;
	}
	while (max > 0 && ((unsigned char)text[max] & 0xc0) == 0x80)
		max--;
	snprintf(out, len, "%.*s...", (int)max, text);
}

static int bad(char *msg, size_t len, enum vp_value_key k, const char *text,
	       const char *why)
{
	char q[64];

	vp_value_quote(q, sizeof(q), text);
	snprintf(msg, len, "%s: '%s': %s; expected %s", vp_keys[k].option, q,
		 why, vp_keys[k].expected);
	return -1;
}

/* Index of text in a NULL-terminated list, or -1. */
static int pick(const char *text, const char *const *names)
{
	int i;

	for (i = 0; names[i]; i++)
		if (strcmp(text, names[i]) == 0)
			return i;
	return -1;
}

/* SIZE[@START] for --device (the size) and --usable (the target). */
static int set_device(struct vp_input *in, enum vp_value_key k,
		      const char *text, char *msg, size_t len)
{
	char buf[128];
	char *at;
	enum vp_parse_status ps;
	uint64_t size, start = in->start;

	if (strlen(text) >= sizeof(buf))
		return bad(msg, len, k, text, "too long");
	strcpy(buf, text);
	at = strchr(buf, '@');
	if (at)
		*at++ = '\0';
	ps = vp_parse_size(buf, &size);
	if (ps != VP_PARSE_OK)
		return bad(msg, len, k, text, vp_parse_strerror(ps));
	if (size == 0)
		return bad(msg, len, k, text, "size 0");
	if (at) {
		ps = vp_parse_addr(at, &start);
		if (ps != VP_PARSE_OK)
			return bad(msg, len, k, text, vp_parse_strerror(ps));
	}
	if (k == VP_KEY_USABLE)
		in->usable = size;
	else
		in->size = size;
	in->start = start;
	in->start_given = at != NULL;
	return 0;
}

int vp_value_set(struct vp_input *in, enum vp_value_key k, const char *text,
		 char *msg, size_t len)
{
	static const char *const archs[] = { "ppc64", "ppc64le", "x86_64", NULL };
	static const char *const mmus[] = { "radix", "hash", NULL };
	static const char *const modes[] = { "fsdax", "devdax", NULL };
	static const char *const maps[] = { "dev", "mem", NULL };
	static const char *const engines[] = { "runlength", "reference", NULL };
	static const char *const yesno[] = { "no", "yes", NULL };
	enum vp_parse_status ps;
	enum vp_kver_status ks;
	struct vp_kver kv;
	uint64_t v;
	int i;

	switch (k) {
	case VP_KEY_DEVICE:
	case VP_KEY_USABLE:
		return set_device(in, k, text, msg, len);
	case VP_KEY_REGION_ALIGN:
		ps = vp_parse_size(text, &v);
		if (ps != VP_PARSE_OK)
			return bad(msg, len, k, text, vp_parse_strerror(ps));
		if (v < 4096 || (v & (v - 1)))
			return bad(msg, len, k, text,
				   "not a power of two of at least 4K");
		/* No region is larger than the physical address space. */
		if (v > (1ULL << 50))
			return bad(msg, len, k, text, "larger than 1P");
		in->region_align = v;
		return 0;
	case VP_KEY_STRUCT_PAGE_SIZE:
		ps = vp_parse_size(text, &v);
		if (ps != VP_PARSE_OK || strpbrk(text, "KMGTPEkmgtpe"))
			return bad(msg, len, k, text,
				   ps != VP_PARSE_OK ? vp_parse_strerror(ps) :
						       "a plain number of bytes, without a unit");
		if (v < 56 || v > 256 || v % 8)
			return bad(msg, len, k, text, "out of range");
		in->struct_page_size = (unsigned)v;
		return 0;
	case VP_KEY_WAYS:
		ps = vp_parse_size(text, &v);
		if (ps != VP_PARSE_OK || strpbrk(text, "KMGTPEkmgtpe"))
			return bad(msg, len, k, text,
				   ps != VP_PARSE_OK ? vp_parse_strerror(ps) :
						       "not a whole number");
		if (v < 1 || v > 256)
			return bad(msg, len, k, text, "out of range");
		in->ways = (unsigned)v;
		return 0;
	case VP_KEY_ARCH:
		if ((i = pick(text, archs)) < 0)
			return bad(msg, len, k, text, "unknown architecture");
		in->arch = i == 2 ? VP_ARCH_X86_64 : VP_ARCH_PPC64;
		return 0;
	case VP_KEY_PAGE_SIZE:
		ps = vp_parse_size(text, &v);
		if (ps != VP_PARSE_OK)
			return bad(msg, len, k, text, vp_parse_strerror(ps));
		if (v != 4096 && v != 65536)
			return bad(msg, len, k, text,
				   "not a modelled base page size");
		in->page_shift = v == 4096 ? 12 : 16;
		return 0;
	case VP_KEY_MMU:
		if ((i = pick(text, mmus)) < 0)
			return bad(msg, len, k, text, "unknown MMU mode");
		in->mmu = i == 0 ? VP_MMU_RADIX : VP_MMU_HASH;
		return 0;
	case VP_KEY_KERNEL_HAS:
	case VP_KEY_KERNEL_LACKS: {
		char why[160];

		if (vp_kernel_force(&in->kernel, text, k == VP_KEY_KERNEL_HAS,
				    why, sizeof(why)))
			return bad(msg, len, k, text, why);
		return 0;
	}
	case VP_KEY_KERNEL: {
		/* Forced rows survive a later --kernel, whatever the order. */
		uint64_t on = in->kernel.forced_on, off = in->kernel.forced_off;

		ks = vp_kver_parse(text, &kv);
		if (ks == VP_KVER_OK)
			ks = vp_kernel_resolve(&kv, &in->kernel);
		in->kernel.forced_on = on;
		in->kernel.forced_off = off;
		vp_kernel_apply(&in->kernel);
		if (ks == VP_KVER_OK) {
			char why[200], q[64];

			if (vp_kernel_forced_fit(&in->kernel, why, sizeof(why))) {
				vp_value_quote(q, sizeof(q), text);
				snprintf(msg, len, "--kernel: '%s': %s", q, why);
				return -1;
			}
		}
		if (ks != VP_KVER_OK) {
			char q[64];

			vp_value_quote(q, sizeof(q), text);
			snprintf(msg, len, "--kernel: '%s': %s", q,
				 vp_kver_strerror(ks));
			return -1;
		}
		return 0;
	}
	case VP_KEY_MODE:
		if ((i = pick(text, modes)) < 0)
			return bad(msg, len, k, text, "unknown mode");
		in->mode = i == 0 ? VP_MODE_FSDAX : VP_MODE_DEVDAX;
		return 0;
	case VP_KEY_MAP:
		if ((i = pick(text, maps)) < 0)
			return bad(msg, len, k, text, "unknown map");
		in->map = i == 0 ? VP_MAP_DEV : VP_MAP_MEM;
		return 0;
	case VP_KEY_ALIGN:
		ps = vp_parse_size(text, &v);
		if (ps != VP_PARSE_OK)
			return bad(msg, len, k, text, vp_parse_strerror(ps));
		if (v == 0 || (v & (v - 1)))
			return bad(msg, len, k, text, "not a power of two");
		in->align = v;
		return 0;
	case VP_KEY_ENGINE:
		if ((i = pick(text, engines)) < 0)
			return bad(msg, len, k, text, "unknown engine");
		in->engine = i == 0 ? VP_ENGINE_RUNLENGTH : VP_ENGINE_REFERENCE;
		return 0;
	case VP_KEY_RAM: {
		struct vp_input scratch = *in;
		struct vp_ram *r;

		if (in->plat.nram == VP_MAX_RAM)
			return bad(msg, len, k, text, "too many RAM ranges");
		scratch.start_given = false;
		scratch.start = 0;
		if (set_device(&scratch, VP_KEY_RAM, text, msg, len))
			return -1;
		r = &in->plat.ram[in->plat.nram];
		r->start = scratch.start;
		r->size = scratch.size;
		if (r->start + r->size < r->start ||
		    r->start + r->size > 1ULL << 52)
			return bad(msg, len, k, text,
				   "beyond the physical address limit");
		for (i = 0; i < (int)in->plat.nram; i++)
			if (r->start < in->plat.ram[i].start +
					       in->plat.ram[i].size &&
			    in->plat.ram[i].start < r->start + r->size)
				return bad(msg, len, k, text,
					   "overlaps another --ram range");
		in->plat.nram++;
		return 0;
	}
	case VP_KEY_BOOT_RAM:
		ps = vp_parse_size(text, &v);
		if (ps != VP_PARSE_OK)
			return bad(msg, len, k, text, vp_parse_strerror(ps));
		if (v >= 1ULL << 51)
			return bad(msg, len, k, text,
				   "beyond the physical address limit");
		in->plat.boot_ram_bytes = v;
		return 0;
	case VP_KEY_HASH_16M:
	case VP_KEY_KFENCE:
	case VP_KEY_RADIX_ONLY:
	case VP_KEY_LA57:
		if ((i = pick(text, yesno)) < 0)
			return bad(msg, len, k, text, "not yes or no");
		*(k == VP_KEY_HASH_16M ? &in->plat.hash_16m :
		  k == VP_KEY_KFENCE ? &in->plat.kfence :
		  k == VP_KEY_LA57 ? &in->plat.la57 :
				       &in->plat.radix_only) = i == 1;
		return 0;
	case VP_KEY_COUNT:
		break;
	}
	snprintf(msg, len, "unknown option");
	return -1;
}

int vp_values_check_arch(const struct vp_input *in, unsigned given,
			 bool json, char *msg, size_t len)
{
	static const enum vp_value_key ppc_only[] = {
		VP_KEY_MMU, VP_KEY_HASH_16M, VP_KEY_KFENCE, VP_KEY_RADIX_ONLY,
	};
	unsigned i;

	for (i = 0; i < sizeof(ppc_only) / sizeof(ppc_only[0]); i++)
		if (in->arch == VP_ARCH_X86_64 && (given & 1u << ppc_only[i])) {
			snprintf(msg, len,
				 "%s applies to powerpc (arch ppc64) only; x86_64 has one MMU mode and no hash page table",
				 json ? vp_keys[ppc_only[i]].json :
					vp_keys[ppc_only[i]].option);
			return -1;
		}
	if (in->arch == VP_ARCH_PPC64 && (given & 1u << VP_KEY_LA57)) {
		snprintf(msg, len,
			 "%s applies to x86_64 only (5-level paging); give %s x86_64",
			 json ? "la57" : "--la57", json ? "arch" : "--arch");
		return -1;
	}
	return 0;
}
