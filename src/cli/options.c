// SPDX-License-Identifier: GPL-2.0-only
#include "options.h"

#include <argp.h>
#include <stdio.h>
#include <string.h>

#include "../core/units.h"
#include "exitcodes.h"

#ifndef VERSION
#define VERSION "0.0.0"
#endif

const char *argp_program_version = "vmemplan " VERSION "\n"
	"Default kernel model: " VP_KERNEL_DEFAULT " (ppc64).\n"
	"License GPL-2.0-only: this is free software; there is NO WARRANTY.";
const char *argp_program_bug_address =
	"the vmemplan issue tracker";

enum {
	OPT_ARCH = 0x100,
	OPT_MODE,
	OPT_MAP,
	OPT_ENGINE,
};

static const char doc[] =
	"Plan the kernel's memory layout for a ZONE_DEVICE namespace (fsdax or "
	"devdax persistent memory): where its struct pages live (the device's "
	"vmem_altmap or DRAM), what is reserved, what alignment wastes, and "
	"what is left to use.  vmemplan replays the kernel's nd_pfn_init, "
	"vmemmap populate and free loops for the given kernel version."
	"\v"
	"SIZE is a whole number of bytes with an optional binary suffix K, M, G, "
	"T, P or E (or KiB ... EiB).  START is a SIZE or a 0x hexadecimal "
	"address.  Exit status: 0 planned and accepted, 1 the kernel would "
	"refuse the layout, 64 usage error, 70 internal error, 74 output error.";

static struct argp_option vp_argp_options[] = {
	{ 0, 0, 0, 0, "Namespace:", 1 },
	{ "device", 'd', "SIZE[@START]", 0,
	  "Namespace size, and its physical start (default 16G, the first "
	  "16 GiB boundary when no boot RAM is known)", 1 },
	{ "mode", OPT_MODE, "fsdax|devdax", 0, "Namespace mode (default fsdax)",
	  1 },
	{ "map", OPT_MAP, "dev|mem", 0,
	  "Where struct pages go: dev = on the device (vmem_altmap), mem = "
	  "DRAM (default dev)", 1 },
	{ "align", 'a', "SIZE", 0,
	  "ndctl --align; default: the kernel's for this MMU and page size", 1 },
	{ 0, 0, 0, 0, "Machine and kernel:", 2 },
	{ "arch", OPT_ARCH, "ppc64|ppc64le|x86_64", 0,
	  "Architecture (default ppc64; x86_64 is not modelled yet)", 2 },
	{ "page-size", 'p', "4K|64K", 0,
	  "Base page size (default 64K on ppc64)", 2 },
	{ "mmu", 'm', "radix|hash", 0, "powerpc MMU mode (default radix)", 2 },
	{ "kernel", 'k', "VERSION", 0,
	  "Kernel version MAJOR.MINOR[.PATCH][-SUFFIX] (default "
	  VP_KERNEL_DEFAULT "; modelled: 6.1.0 to 6.1.y)", 2 },
	{ 0, 0, 0, 0, "Output:", 3 },
	{ "json", 'j', 0, 0, "Print one JSON object (schema_version 1)", 3 },
	{ "bytes", 'b', 0, 0, "Print sizes in bytes instead of IEC units", 3 },
	{ "engine", OPT_ENGINE, "runlength|reference", 0,
	  "Replay engine: runlength (default, cost independent of size) or "
	  "reference (block by block, as the kernel loops)", 3 },
	{ 0 }
};

struct parse_state {
	struct vp_options *o;
	int devices;
	int page_size_given;
};

static void bad_value(struct argp_state *st, const char *opt, const char *arg,
		      const char *why, const char *expected)
{
	argp_error(st, "%s: '%s': %s; expected %s", opt, arg, why, expected);
}

/* Matches arg against a NULL-terminated list; returns its index or -1. */
static int pick(const char *arg, const char *const *names)
{
	int i;

	for (i = 0; names[i]; i++)
		if (strcmp(arg, names[i]) == 0)
			return i;
	return -1;
}

static void parse_device(struct argp_state *st, struct vp_input *in,
			 const char *arg)
{
	char buf[128];
	char *at;
	enum vp_parse_status ps;
	const char *expect = "SIZE[@START], e.g. 1T or 1T@0x40000000000";

	if (strlen(arg) >= sizeof(buf))
		bad_value(st, "--device", arg, "too long", expect);
	strcpy(buf, arg);
	at = strchr(buf, '@');
	if (at)
		*at++ = '\0';
	ps = vp_parse_size(buf, &in->size);
	if (ps != VP_PARSE_OK)
		bad_value(st, "--device", arg, vp_parse_strerror(ps), expect);
	if (in->size == 0)
		bad_value(st, "--device", arg, "size 0", expect);
	if (at) {
		ps = vp_parse_addr(at, &in->start);
		if (ps != VP_PARSE_OK)
			bad_value(st, "--device", arg, vp_parse_strerror(ps),
				  expect);
		in->start_given = true;
	}
}

static error_t parse_opt(int key, char *arg, struct argp_state *st)
{
	struct parse_state *ps = st->input;
	struct vp_input *in = &ps->o->in;
	static const char *const archs[] = { "ppc64", "ppc64le", "x86_64", NULL };
	static const char *const mmus[] = { "radix", "hash", NULL };
	static const char *const modes[] = { "fsdax", "devdax", NULL };
	static const char *const maps[] = { "dev", "mem", NULL };
	static const char *const engines[] = { "runlength", "reference", NULL };
	enum vp_parse_status p;
	uint64_t v;
	int i;

	switch (key) {
	case 'd':
		if (++ps->devices > 1)
			argp_error(st, "--device given twice ('%s'); several devices are not supported yet",
				   arg);
		parse_device(st, in, arg);
		break;
	case OPT_ARCH:
		if ((i = pick(arg, archs)) < 0)
			bad_value(st, "--arch", arg, "unknown architecture",
				  "ppc64, ppc64le or x86_64");
		in->arch = i == 2 ? VP_ARCH_X86_64 : VP_ARCH_PPC64;
		break;
	case 'p':
		p = vp_parse_size(arg, &v);
		if (p != VP_PARSE_OK)
			bad_value(st, "--page-size", arg, vp_parse_strerror(p),
				  "4K or 64K");
		if (v != 4096 && v != 65536)
			bad_value(st, "--page-size", arg,
				  "not a modelled base page size", "4K or 64K");
		in->page_shift = v == 4096 ? 12 : 16;
		ps->page_size_given = 1;
		break;
	case 'm':
		if ((i = pick(arg, mmus)) < 0)
			bad_value(st, "--mmu", arg, "unknown MMU mode",
				  "radix or hash");
		in->mmu = i == 0 ? VP_MMU_RADIX : VP_MMU_HASH;
		break;
	case 'k': {
		struct vp_kver kv;
		enum vp_kver_status ks = vp_kver_parse(arg, &kv);

		if (ks == VP_KVER_OK)
			ks = vp_kernel_resolve(&kv, &in->kernel);
		if (ks != VP_KVER_OK)
			argp_error(st, "--kernel: '%s': %s", arg,
				   vp_kver_strerror(ks));
		break;
	}
	case OPT_MODE:
		if ((i = pick(arg, modes)) < 0)
			bad_value(st, "--mode", arg, "unknown mode",
				  "fsdax or devdax");
		in->mode = i == 0 ? VP_MODE_FSDAX : VP_MODE_DEVDAX;
		break;
	case OPT_MAP:
		if ((i = pick(arg, maps)) < 0)
			bad_value(st, "--map", arg, "unknown map", "dev or mem");
		in->map = i == 0 ? VP_MAP_DEV : VP_MAP_MEM;
		break;
	case 'a':
		p = vp_parse_size(arg, &v);
		if (p != VP_PARSE_OK)
			bad_value(st, "--align", arg, vp_parse_strerror(p),
				  "a power-of-two SIZE such as 64K, 2M or 16M");
		if (v == 0 || (v & (v - 1)))
			bad_value(st, "--align", arg, "not a power of two",
				  "a power-of-two SIZE such as 64K, 2M or 16M");
		in->align = v;
		break;
	case 'j':
		ps->o->json = true;
		break;
	case 'b':
		ps->o->bytes = true;
		break;
	case OPT_ENGINE:
		if ((i = pick(arg, engines)) < 0)
			bad_value(st, "--engine", arg, "unknown engine",
				  "runlength or reference");
		in->engine = i == 0 ? VP_ENGINE_RUNLENGTH : VP_ENGINE_REFERENCE;
		break;
	case ARGP_KEY_ARG:
		argp_error(st, "unexpected argument '%s'", arg);
		break;
	case ARGP_KEY_END:
		if (!ps->devices)
			argp_error(st, "--device SIZE[@START] is required");
		if (!ps->page_size_given)
			in->page_shift = in->arch == VP_ARCH_X86_64 ? 12 : 16;
		break;
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

void vp_options_parse(int argc, char **argv, struct vp_options *o)
{
	static const struct argp argp = { vp_argp_options, parse_opt, NULL, doc,
					  NULL, NULL, NULL };
	struct parse_state ps = { o, 0, 0 };

	memset(o, 0, sizeof(*o));
	vp_input_defaults(&o->in);
	argp_err_exit_status = VP_EXIT_USAGE;
	argp_parse(&argp, argc, argv, 0, NULL, &ps);
}
