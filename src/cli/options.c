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
	OPT_STRUCT_PAGE_SIZE,
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
	OPT_FORMAT,
	OPT_COMPARE,
	OPT_SWEEP,
	OPT_RAM,
	OPT_PLAN,
	OPT_FROM_NDCTL,
	OPT_FROM_SYSFS,
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
	  "(default: the first 16 GiB boundary above boot RAM, 16G); repeat "
	  "for several devices, hot-added in order", 1 },
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
	{ "plan", OPT_PLAN, "FILE", 0,
	  "A JSON plan (\"-\": standard input): devices and add/remove steps, "
	  "replayed in order over one machine", 1 },
	{ "from-ndctl", OPT_FROM_NDCTL, "FILE", 0,
	  "Existing namespaces from `ndctl list -RNv` JSON (\"-\": standard "
	  "input): recover each raw size and plan it", 1 },
	{ "from-sysfs", OPT_FROM_SYSFS, "DIR", OPTION_ARG_OPTIONAL,
	  "Existing namespaces from DIR/sys/bus/nd/devices (default /): plan "
	  "each and compare with the kernel's numbers", 1 },
	{ 0, 0, 0, 0, "Several plans:", 2 },
	{ "compare", OPT_COMPARE, "KEY=V1,V2[,...]", 0,
	  "Plan every value of KEY (mmu, page-size, map, mode, kernel, align, "
	  "arch) side by side; repeat for a cross product", 2 },
	{ "sweep", OPT_SWEEP, "FROM..TO[:STEP|xFACTOR]", 0,
	  "Plan device sizes FROM to TO, STEP apart or growing by FACTOR "
	  "(instead of --device)", 2 },
	{ 0, 0, 0, 0, "Machine and kernel:", 3 },
	{ "arch", OPT_ARCH, "ppc64|ppc64le|x86_64", 0,
	  "Architecture (default ppc64)", 3 },
	{ "page-size", 'p', "4K|64K", 0,
	  "Base page size (default 64K on ppc64; x86_64 has 4K only)", 3 },
	{ "mmu", 'm', "radix|hash", 0, "powerpc MMU mode (default radix)", 3 },
	{ "kernel", 'k', "VERSION", 0,
	  "Kernel version MAJOR.MINOR[.PATCH][-SUFFIX] (default "
	  VP_KERNEL_DEFAULT "; modelled: 4.13 to 6.17 and their stable releases, x86_64 from 5.3)", 3 },
	{ "kernel-has", OPT_KERNEL_HAS, "COMMIT", 0,
	  "The kernel carries this change of vmemplan's table, a backport its "
	  "version does not show; repeatable", 3 },
	{ "kernel-lacks", OPT_KERNEL_LACKS, "COMMIT", 0,
	  "The kernel lacks this change of the table; repeatable", 3 },
	{ "struct-page-size", OPT_STRUCT_PAGE_SIZE, "BYTES", 0,
	  "sizeof(struct page) of the kernel build (default 64; debug options "
	  "such as KMSAN make it larger)", 3 },
	{ "explain", OPT_EXPLAIN, 0, 0,
	  "List the kernel changes vmemplan models and which apply to --kernel, "
	  "and why; no plan", 3 },
	{ "boot-ram", OPT_BOOT_RAM, "SIZE", 0,
	  "Boot RAM is [0, SIZE) (default 1G): its memmap exists, the hash "
	  "vmemmap uses 16M pages only from 1G, the default start is the first "
	  "16 GiB boundary above it", 3 },
	{ "ram", OPT_RAM, "SIZE[@START]", 0,
	  "A range of boot RAM (repeatable; instead of --boot-ram): its memmap "
	  "exists, devices may not overlap it", 3 },
	{ "hash-16m", OPT_HASH_16M, "yes|no", 0,
	  "Whether the CPU offers 16M hash pages (default yes; often no in "
	  "KVM guests)", 3 },
	{ "kfence", OPT_KFENCE, 0, 0,
	  "The kernel has KFENCE or debug_pagealloc: no 16M hash linear map, "
	  "so memremap_compat_align is 2M", 3 },
	{ "radix-only", OPT_RADIX_ONLY, 0, 0,
	  "The kernel is built without the hash MMU (CONFIG_PPC_64S_HASH_MMU=n)",
	  2 },
	{ "la57", OPT_LA57, 0, 0,
	  "x86_64 with 5-level paging: 52 physical address bits, not 46", 3 },
	{ "host", OPT_HOST, 0, 0,
	  "Take the architecture, page size, MMU, kernel version and boot RAM "
	  "from the running system (or --sysroot), where not given", 3 },
	{ "node", OPT_NODE, "N", 0,
	  "NUMA node whose DRAM takes the memmap's DRAM part; its size is read "
	  "with libnuma unless --topology or --sysroot is given", 3 },
	{ "topology", OPT_TOPOLOGY, "FILE", 0,
	  "Node sizes from FILE ('node N SIZE' lines, optional 'memtotal SIZE')",
	  2 },
	{ "sysroot", OPT_SYSROOT, "DIR", 0,
	  "Node sizes from a captured DIR/sys/devices/system/node and "
	  "DIR/proc/meminfo", 3 },
	{ 0, 0, 0, 0, "Output:", 4 },
	/* argp has -? and --help; -h is what most tools take. */
	{ 0, 'h', 0, OPTION_HIDDEN, "Give this help list", 4 },
	{ "format", OPT_FORMAT, "text|json|csv|svg", 0,
	  "Output format (default text): a report, JSON, a CSV table, or an "
	  "SVG picture of the layout (or of a --sweep)", 4 },
	{ "json", 'j', 0, 0, "Same as --format json (schema_version 1)", 4 },
	{ "output", 'o', "FILE", 0, "Write to FILE instead of standard output",
	  3 },
	{ "bytes", 'b', 0, 0, "Print sizes in bytes instead of IEC units", 4 },
	{ "batch", OPT_BATCH, 0, 0,
	  "Read one JSON plan per line on stdin, write one JSON result per "
	  "line; other options give the defaults", 4 },
	{ "engine", OPT_ENGINE, "runlength|reference", 0,
	  "Replay engine: runlength (default, cost independent of size) or "
	  "reference (block by block, as the kernel loops)", 4 },
	{ 0 }
};

struct parse_state {
	struct vp_options *o;
	int devices;	/* --device and --usable given */
	bool format_given;
	/* Each --device, kept for several devices. */
	unsigned ndev;
	struct vp_device_spec dev[VP_MAX_DEVICES];
};

static const struct {
	const char *name;
	enum vp_value_key key;
} compare_keys[] = {
	{ "mmu", VP_KEY_MMU }, { "page-size", VP_KEY_PAGE_SIZE },
	{ "map", VP_KEY_MAP }, { "mode", VP_KEY_MODE },
	{ "kernel", VP_KEY_KERNEL }, { "align", VP_KEY_ALIGN },
	{ "arch", VP_KEY_ARCH },
};

/* --compare KEY=V1,V2,...: every value is checked as the option would be. */
static void parse_compare(struct argp_state *st, struct vp_options *o,
			  const char *arg)
{
	const char *eq = strchr(arg, '='), *p;
	struct vp_axis *ax;
	unsigned i, k = 0, combos = 1;
	size_t klen;

	klen = eq ? (size_t)(eq - arg) : strlen(arg);
	for (i = 0; i < sizeof(compare_keys) / sizeof(compare_keys[0]); i++)
		if (strlen(compare_keys[i].name) == klen &&
		    strncmp(arg, compare_keys[i].name, klen) == 0)
			break;
	if (!eq || i == sizeof(compare_keys) / sizeof(compare_keys[0]))
		argp_error(st, "--compare: '%.48s': expected KEY=V1,V2,... with KEY one of mmu, page-size, map, mode, kernel, align, arch",
			   arg);
	for (k = 0; k < o->naxes; k++)
		if (o->axes[k].key == (unsigned)compare_keys[i].key)
			argp_error(st, "--compare: '%s' is compared twice; give its values in one --compare",
				   compare_keys[i].name);
	if (o->naxes == VP_MAX_AXES)
		argp_error(st, "--compare: at most %d keys", VP_MAX_AXES);
	ax = &o->axes[o->naxes];
	memset(ax, 0, sizeof(*ax));
	ax->name = compare_keys[i].name;
	ax->key = compare_keys[i].key;
	for (p = eq + 1;; p++) {
		const char *c = strchr(p, ',');
		size_t n = c ? (size_t)(c - p) : strlen(p);
		struct vp_input scratch;
		char msg[256];

		if (n == 0 || n >= sizeof(ax->values[0]))
			argp_error(st, "--compare %s: '%.48s': expected a comma-separated list of values",
				   ax->name, eq + 1);
		if (ax->n == VP_MAX_AXIS_VALUES)
			argp_error(st, "--compare %s: at most %d values",
				   ax->name, VP_MAX_AXIS_VALUES);
		memcpy(ax->values[ax->n], p, n);
		ax->values[ax->n][n] = '\0';
		vp_input_defaults(&scratch);
		if (vp_value_set(&scratch, (enum vp_value_key)ax->key,
				 ax->values[ax->n], msg, sizeof(msg)))
			argp_error(st, "--compare %s: %s", ax->name, msg);
		ax->n++;
		if (!c)
			break;
		p = c;
	}
	o->naxes++;
	for (k = 0; k < o->naxes; k++)
		combos *= o->axes[k].n;
	if (combos > VP_MAX_COMBINATIONS)
		argp_error(st, "--compare: %u combinations; at most %d",
			   combos, VP_MAX_COMBINATIONS);
}

/* --sweep FROM..TO[:STEP|xFACTOR] */
static void parse_sweep(struct argp_state *st, struct vp_sweep *sw,
			const char *arg)
{
	char buf[128], *dots, *to, *tail = NULL;
	uint64_t n, v;

	if (strlen(arg) >= sizeof(buf) || !(dots = strstr(arg, "..")))
		argp_error(st, "--sweep: '%.48s': expected FROM..TO[:STEP|xFACTOR], e.g. 16G..64T:16G or 16G..64T:x2",
			   arg);
	strcpy(buf, arg);
	dots = buf + (dots - arg);
	*dots = '\0';
	to = dots + 2;
	if ((tail = strchr(to, ':')))
		*tail++ = '\0';
	if (vp_parse_size(buf, &sw->from) != VP_PARSE_OK || sw->from == 0 ||
	    vp_parse_size(to, &sw->to) != VP_PARSE_OK || sw->to < sw->from)
		argp_error(st, "--sweep: '%.48s': FROM and TO must be sizes with 0 < FROM <= TO",
			   arg);
	sw->step = 0;
	sw->factor = 2;
	if (tail && (tail[0] == 'x' || tail[0] == 'X')) {
		if (vp_parse_size(tail + 1, &v) != VP_PARSE_OK ||
		    strpbrk(tail + 1, "KMGTPEkmgtpe") || v < 2 || v > 1024)
			argp_error(st, "--sweep: '%.48s': FACTOR must be a whole number from 2 to 1024",
				   arg);
		sw->factor = (unsigned)v;
	} else if (tail) {
		if (vp_parse_size(tail, &sw->step) != VP_PARSE_OK ||
		    sw->step == 0)
			argp_error(st, "--sweep: '%.48s': STEP must be a size above 0",
				   arg);
	}
	/* Count the points (stopping early: TO may be huge). */
	for (n = 0, v = sw->from; v <= sw->to; n++) {
		if (n == VP_MAX_SWEEP_POINTS)
			argp_error(st, "--sweep: '%.48s': more than %d sizes",
				   arg, VP_MAX_SWEEP_POINTS);
		if (sw->step ? __builtin_add_overflow(v, sw->step, &v) :
			       __builtin_mul_overflow(v, sw->factor, &v))
			break;
	}
	sw->on = true;
}

static void set_format(struct argp_state *st, struct parse_state *ps,
		       enum vp_format f)
{
	if (ps->format_given && ps->o->format != f)
		argp_error(st, "--json and --format, or two --format options, ask for different formats");
	ps->format_given = true;
	ps->o->format = f;
}

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
	case OPT_STRUCT_PAGE_SIZE:
		return VP_KEY_STRUCT_PAGE_SIZE;
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
	case OPT_RAM:
		return VP_KEY_RAM;
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
				k == VP_KEY_BOOT_RAM || k == VP_KEY_RAM ?
					VP_HOST_BOOT_RAM : 0;
		if (k == VP_KEY_USABLE && ps->devices)
			argp_error(st, "--usable ('%s') answers for one device: not with --device or a second --usable",
				   arg);
		if (k == VP_KEY_DEVICE && (ps->o->keys_given & 1u << VP_KEY_USABLE))
			argp_error(st, "--device ('%s') and --usable exclude each other",
				   arg);
		if (k == VP_KEY_DEVICE && ps->ndev == VP_MAX_DEVICES)
			argp_error(st, "--device: at most %d devices",
				   VP_MAX_DEVICES);
		if (k == VP_KEY_DEVICE || k == VP_KEY_USABLE)
			ps->devices++;
		/* --kfence, --radix-only, --la57 are flags: "yes" to the parser. */
		if (vp_value_set(&ps->o->in, k, arg ? arg : "yes", msg,
				 sizeof(msg)))
			argp_error(st, "%s", msg);
		if (k == VP_KEY_DEVICE) {
			struct vp_device_spec *d = &ps->dev[ps->ndev];

			snprintf(d->name, sizeof(d->name), "pmem%u", ps->ndev);
			d->size = ps->o->in.size;
			d->start = ps->o->in.start;
			d->start_given = ps->o->in.start_given;
			ps->ndev++;
		}
		return 0;
	}
	switch (key) {
	case 'h':
		argp_state_help(st, stdout, ARGP_HELP_STD_HELP);
		break;
	case 'j':
		set_format(st, ps, VP_FMT_JSON);
		break;
	case OPT_FORMAT: {
		static const char *const names[] = { "text", "json", "csv",
						     "svg" };
		unsigned i;

		for (i = 0; i < 4; i++)
			if (strcmp(arg, names[i]) == 0)
				break;
		if (i == 4)
			argp_error(st, "--format: '%.48s': expected text, json, csv or svg",
				   arg);
		set_format(st, ps, (enum vp_format)i);
		break;
	}
	case 'o':
		if (ps->o->output)
			argp_error(st, "-o/--output is given once");
		if (!*arg)
			argp_error(st, "-o/--output: expected a file name");
		ps->o->output = arg;
		break;
	case OPT_COMPARE:
		parse_compare(st, ps->o, arg);
		break;
	case OPT_FROM_NDCTL:
	case OPT_FROM_SYSFS:
		if (ps->o->from_ndctl || ps->o->from_sysfs)
			argp_error(st, "--from-ndctl and --from-sysfs are given once, one of them");
		if (key == OPT_FROM_NDCTL)
			ps->o->from_ndctl = arg;
		else
			ps->o->from_sysfs = arg ? arg : "/";
		break;
	case OPT_PLAN:
		if (ps->o->plan_file)
			argp_error(st, "--plan is given once");
		ps->o->plan_file = arg;
		break;
	case OPT_SWEEP:
		if (ps->o->sweep.on)
			argp_error(st, "--sweep is given once");
		parse_sweep(st, &ps->o->sweep, arg);
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
	case ARGP_KEY_END: {
		struct vp_options *o = ps->o;
		unsigned ax;

		o->json = o->format == VP_FMT_JSON;
		for (ax = 0; ax < o->naxes; ax++)
			if (o->keys_given & 1u << o->axes[ax].key)
				argp_error(st, "--compare %s and the option it varies exclude each other",
					   o->axes[ax].name);
		if ((o->keys_given & 1u << VP_KEY_RAM) &&
		    (o->keys_given & 1u << VP_KEY_BOOT_RAM))
			argp_error(st, "--ram and --boot-ram exclude each other: --ram gives the ranges, their total is the boot RAM");
		if ((o->from_ndctl || o->from_sysfs) &&
		    (ps->devices || o->batch || o->sweep.on || o->naxes ||
		     o->plan_file || o->explain))
			argp_error(st, "--from-ndctl and --from-sysfs plan the namespaces they read: not with --device, --usable, --plan, --batch, --compare or --sweep");
		if ((o->from_ndctl || o->from_sysfs) &&
		    (o->format == VP_FMT_CSV || o->format == VP_FMT_SVG))
			argp_error(st, "--from-ndctl and --from-sysfs print text or JSON");
		if (o->from_ndctl || o->from_sysfs)
			break;
		if (o->naxes && (o->plan_file || ps->ndev > 1))
			argp_error(st, "--compare varies one namespace's options: not with --plan or several --device");
		if (o->plan_file && o->explain)
			argp_error(st, "--explain plans nothing: not with --plan");
		if (o->plan_file && (ps->devices || o->batch || o->sweep.on))
			argp_error(st, "--plan names its devices: not with --device, --usable, --batch or --sweep");
		if (o->sweep.on && ps->devices)
			argp_error(st, "--sweep replaces --device and --usable: give one of them");
		/* Several --device: the options' mode, map and align apply to
		 * each, whatever their order. */
		if (ps->ndev > 1) {
			for (ax = 0; ax < ps->ndev; ax++) {
				ps->dev[ax].mode = o->in.mode;
				ps->dev[ax].map = o->in.map;
				ps->dev[ax].align = o->in.align;
				o->in.devs[ax] = ps->dev[ax];
			}
			o->in.ndevs = ps->ndev;
		}
		if (o->plan_file)
			break;
		if ((o->sweep.on || o->naxes) && (o->batch || o->explain))
			argp_error(st, "--compare and --sweep plan from the command line: not with --batch or --explain");
		if (o->batch && o->format != VP_FMT_JSON && ps->format_given)
			argp_error(st, "--batch writes JSON lines: --format %s does not apply",
				   o->format == VP_FMT_CSV ? "csv" :
				   o->format == VP_FMT_SVG ? "svg" : "text");
		if (o->explain && (o->format == VP_FMT_CSV ||
				   o->format == VP_FMT_SVG))
			argp_error(st, "--explain prints text or JSON");
		if (o->bytes && (o->format == VP_FMT_CSV ||
				 o->format == VP_FMT_SVG))
			argp_error(st, "--bytes applies to the text report (CSV and JSON give bytes)");
		if (o->sweep.on)
			break;
		if (o->batch && ps->devices)
			argp_error(st, "--device/--usable and --batch exclude each other: with --batch every input line names its device");
		if (ps->o->explain && (ps->o->batch || ps->devices))
			argp_error(st, "--explain plans nothing: give it without --device, --usable or --batch");
		if (!ps->o->batch && !ps->o->explain && !ps->devices)
			argp_error(st, "--device SIZE[@START] (or --usable SIZE[@START]) is required");
		if (ps->o->batch && ps->o->bytes)
			argp_error(st, "--bytes applies to the text report; --batch writes JSON");
		break;
	}
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

void vp_options_parse(int argc, char **argv, struct vp_options *o)
{
	static const struct argp argp = { vp_argp_options, parse_opt, NULL, doc,
					  NULL, NULL, NULL };
	static struct parse_state ps;

	memset(&ps, 0, sizeof(ps));
	ps.o = o;

	memset(o, 0, sizeof(*o));
	vp_input_defaults(&o->in);
	argp_err_exit_status = VP_EXIT_USAGE;
	argp_parse(&argp, argc, argv, 0, NULL, &ps);
}
