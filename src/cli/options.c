// SPDX-License-Identifier: GPL-2.0-only
#include "options.h"

#include <argp.h>
#include <stdio.h>
#include <string.h>

#include "../core/units.h"
#include "../probe/host.h"
#include "exitcodes.h"
#include "values.h"

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
	OPT_BATCH,
	OPT_REGION_ALIGN,
	OPT_WAYS,
	OPT_BOOT_RAM,
	OPT_HASH_16M,
	OPT_KFENCE,
	OPT_RADIX_ONLY,
	OPT_KERNEL_HAS,
	OPT_KERNEL_LACKS,
	OPT_EXPLAIN,
	OPT_NODE,
	OPT_TOPOLOGY,
	OPT_SYSROOT,
	OPT_HOST,
	OPT_LA57,
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
	  "Namespace size (required), optionally at physical address START "
	  "(default: the first 16 GiB boundary above boot RAM, 16G)", 1 },
	{ "mode", OPT_MODE, "fsdax|devdax", 0, "Namespace mode (default fsdax)",
	  1 },
	{ "map", OPT_MAP, "dev|mem", 0,
	  "Where struct pages go: dev = on the device (vmem_altmap), mem = "
	  "DRAM (default dev)", 1 },
	{ "align", 'a', "SIZE", 0,
	  "ndctl --align; default: the kernel's for this MMU and page size", 1 },
	{ "usable", 'u', "SIZE[@START]", 0,
	  "Instead of --device: find the smallest namespace size giving at "
	  "least SIZE usable, and plan it", 1 },
	{ "region-align", OPT_REGION_ALIGN, "SIZE", 0,
	  "The region's namespace granule, nd_region->align (default 16M)", 1 },
	{ "ways", OPT_WAYS, "N", 0,
	  "Interleave ways of the region; the default granule grows to "
	  "16M x N when N does not divide 16M (default 1)", 1 },
	{ 0, 0, 0, 0, "Machine and kernel:", 2 },
	{ "arch", OPT_ARCH, "ppc64|ppc64le|x86_64", 0,
	  "Architecture (default ppc64)", 2 },
	{ "page-size", 'p', "4K|64K", 0,
	  "Base page size (default 64K on ppc64; x86_64 has 4K only)", 2 },
	{ "mmu", 'm', "radix|hash", 0, "powerpc MMU mode (default radix)", 2 },
	{ "kernel", 'k', "VERSION", 0,
	  "Kernel version MAJOR.MINOR[.PATCH][-SUFFIX] (default "
	  VP_KERNEL_DEFAULT "; modelled: 5.7 to 6.17 and their stable releases)", 2 },
	{ "kernel-has", OPT_KERNEL_HAS, "COMMIT", 0,
	  "The kernel carries this change of vmemplan's table (a backport the "
	  "version does not show); repeatable", 2 },
	{ "kernel-lacks", OPT_KERNEL_LACKS, "COMMIT", 0,
	  "The kernel lacks this change of the table; repeatable", 2 },
	{ "explain", OPT_EXPLAIN, 0, 0,
	  "List the kernel changes vmemplan models and which apply to --kernel, "
	  "and why; no plan", 2 },
	{ "boot-ram", OPT_BOOT_RAM, "SIZE", 0,
	  "Boot RAM is [0, SIZE) (default 1G): its memmap exists, the hash "
	  "vmemmap uses 16M pages only from 1G, the default start is the first "
	  "16 GiB boundary above it", 2 },
	{ "hash-16m", OPT_HASH_16M, "yes|no", 0,
	  "Whether the CPU offers 16M hash pages (default yes; often no in "
	  "KVM guests)", 2 },
	{ "kfence", OPT_KFENCE, 0, 0,
	  "The kernel has KFENCE or debug_pagealloc: no 16M hash linear map, "
	  "so memremap_compat_align is 2M", 2 },
	{ "radix-only", OPT_RADIX_ONLY, 0, 0,
	  "The kernel is built without the hash MMU (CONFIG_PPC_64S_HASH_MMU=n)",
	  2 },
	{ "la57", OPT_LA57, 0, 0,
	  "x86_64 with 5-level paging: 52 physical address bits, not 46", 2 },
	{ "host", OPT_HOST, 0, 0,
	  "Take the architecture, page size, MMU, kernel version and boot RAM "
	  "from the running system (or --sysroot), where not given", 2 },
	{ "node", OPT_NODE, "N", 0,
	  "NUMA node whose DRAM takes the memmap's DRAM part; its size is read "
	  "with libnuma unless --topology or --sysroot is given", 2 },
	{ "topology", OPT_TOPOLOGY, "FILE", 0,
	  "Node sizes from FILE ('node N SIZE' lines, optional 'memtotal SIZE')",
	  2 },
	{ "sysroot", OPT_SYSROOT, "DIR", 0,
	  "Node sizes from a captured DIR/sys/devices/system/node and "
	  "DIR/proc/meminfo", 2 },
	{ 0, 0, 0, 0, "Output:", 3 },
	/* argp has -? and --help; -h is what most tools take. */
	{ 0, 'h', 0, OPTION_HIDDEN, "Give this help list", 3 },
	{ "json", 'j', 0, 0, "Print one JSON object (schema_version 1)", 3 },
	{ "bytes", 'b', 0, 0, "Print sizes in bytes instead of IEC units", 3 },
	{ "batch", OPT_BATCH, 0, 0,
	  "Read one JSON plan per line on stdin, write one JSON result per "
	  "line; other options give the defaults", 3 },
	{ "engine", OPT_ENGINE, "runlength|reference", 0,
	  "Replay engine: runlength (default, cost independent of size) or "
	  "reference (block by block, as the kernel loops)", 3 },
	{ 0 }
};

struct parse_state {
	struct vp_options *o;
	int devices;	/* --device and --usable given */
};

static enum vp_value_key value_key(int key)
{
	switch (key) {
	case 'd':
		return VP_KEY_DEVICE;
	case OPT_ARCH:
		return VP_KEY_ARCH;
	case 'p':
		return VP_KEY_PAGE_SIZE;
	case 'm':
		return VP_KEY_MMU;
	case 'k':
		return VP_KEY_KERNEL;
	case OPT_MODE:
		return VP_KEY_MODE;
	case OPT_MAP:
		return VP_KEY_MAP;
	case 'a':
		return VP_KEY_ALIGN;
	case OPT_ENGINE:
		return VP_KEY_ENGINE;
	case 'u':
		return VP_KEY_USABLE;
	case OPT_REGION_ALIGN:
		return VP_KEY_REGION_ALIGN;
	case OPT_WAYS:
		return VP_KEY_WAYS;
	case OPT_BOOT_RAM:
		return VP_KEY_BOOT_RAM;
	case OPT_HASH_16M:
		return VP_KEY_HASH_16M;
	case OPT_KFENCE:
		return VP_KEY_KFENCE;
	case OPT_RADIX_ONLY:
		return VP_KEY_RADIX_ONLY;
	case OPT_KERNEL_HAS:
		return VP_KEY_KERNEL_HAS;
	case OPT_KERNEL_LACKS:
		return VP_KEY_KERNEL_LACKS;
	case OPT_LA57:
		return VP_KEY_LA57;
	}
	return VP_KEY_COUNT;
}

static error_t parse_opt(int key, char *arg, struct argp_state *st)
{
	struct parse_state *ps = st->input;
	enum vp_value_key k = value_key(key);
	char msg[256];

	if (k != VP_KEY_COUNT) {
		ps->o->keys_given |= 1u << k;
		ps->o->given |= k == VP_KEY_ARCH ? VP_HOST_ARCH :
				k == VP_KEY_PAGE_SIZE ? VP_HOST_PAGE_SIZE :
				k == VP_KEY_MMU ? VP_HOST_MMU :
				k == VP_KEY_KERNEL ? VP_HOST_KERNEL :
				k == VP_KEY_BOOT_RAM ? VP_HOST_BOOT_RAM : 0;
		if ((k == VP_KEY_DEVICE || k == VP_KEY_USABLE) &&
		    ++ps->devices > 1)
			argp_error(st, "a second --device or --usable ('%s'): one device per plan (several devices are not supported yet)",
				   arg);
		/* --kfence, --radix-only, --la57 are flags: "yes" to the parser. */
		if (vp_value_set(&ps->o->in, k, arg ? arg : "yes", msg,
				 sizeof(msg)))
			argp_error(st, "%s", msg);
		return 0;
	}
	switch (key) {
	case 'h':
		argp_state_help(st, stdout, ARGP_HELP_STD_HELP);
		break;
	case 'j':
		ps->o->json = true;
		break;
	case 'b':
		ps->o->bytes = true;
		break;
	case OPT_BATCH:
		ps->o->batch = true;
		break;
	case OPT_EXPLAIN:
		ps->o->explain = true;
		break;
	case OPT_HOST:
		ps->o->host = true;
		break;
	case OPT_NODE: {
		uint64_t v;

		if (vp_parse_size(arg, &v) != VP_PARSE_OK ||
		    strpbrk(arg, "KMGTPEkmgtpe") || v > 4095)
			argp_error(st, "--node: '%s': expected a node number from 0 to 4095",
				   arg);
		ps->o->numa_node = (unsigned)v;
		ps->o->numa_wanted = true;
		break;
	}
	case OPT_TOPOLOGY:
	case OPT_SYSROOT:
		if (ps->o->numa_file)
			argp_error(st, "--topology and --sysroot exclude each other and are given once");
		ps->o->numa_file = arg;
		ps->o->numa_sysroot = key == OPT_SYSROOT;
		ps->o->numa_wanted = true;
		break;
	case ARGP_KEY_ARG:
		argp_error(st, "unexpected argument '%s'", arg);
		break;
	case ARGP_KEY_END:
		if (ps->o->batch && ps->devices)
			argp_error(st, "--device/--usable and --batch exclude each other: with --batch every input line names its device");
		if (ps->o->explain && (ps->o->batch || ps->devices))
			argp_error(st, "--explain plans nothing: give it without --device, --usable or --batch");
		if (!ps->o->batch && !ps->o->explain && !ps->devices)
			argp_error(st, "--device SIZE[@START] (or --usable SIZE[@START]) is required");
		if (ps->o->batch && ps->o->bytes)
			argp_error(st, "--bytes applies to the text report; --batch writes JSON");
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
	struct parse_state ps = { o, 0 };

	memset(o, 0, sizeof(*o));
	vp_input_defaults(&o->in);
	argp_err_exit_status = VP_EXIT_USAGE;
	argp_parse(&argp, argc, argv, 0, NULL, &ps);
}
