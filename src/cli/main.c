// SPDX-License-Identifier: GPL-2.0-only
/*
 * vmemplan: argv -> struct vp_input -> vp_plan() -> struct vp_result ->
 * text or JSON.  The exit status follows exitcodes.h.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/plan.h"
#include "batch.h"
#include "import.h"
#include "many.h"
#include "exitcodes.h"
#include "../probe/host.h"
#include "../probe/numa.h"
#include "options.h"
#include "render.h"
#include "values.h"

/* Existing namespaces (--from-ndctl, --from-sysfs). */
static struct vp_nd_list list;

/* Where the output goes: stdout, or -o FILE. */
static FILE *out;
static const char *out_name = "standard output";

/* The output is flushed and checked, so that a full disk is an error and a
 * script never reads truncated output from a successful exit. */
static int close_output(int status)
{
	int failed = fflush(out) != 0 || ferror(out);

	if (fclose(out) != 0)
		failed = 1;
	if (!failed)
		return status;
	/* Reached only when SIGPIPE is ignored (the default action ends the
	 * process first): the reader went away, so end quietly. */
	if (errno == EPIPE)
		return VP_EXIT_IO;
	fprintf(stderr, "vmemplan: write error on %s: %s\n", out_name,
		strerror(errno));
	return VP_EXIT_IO;
}

/* A planned result in the chosen format. */
static int render(const struct vp_options *o, const struct vp_result *r)
{
	switch (o->format) {
	case VP_FMT_JSON:
		return vp_json_emit(out, vp_json_result(r), true);
	case VP_FMT_CSV: {
		struct vp_row row = { 0 };

		vp_row_fill(&row, r, VP_OK, NULL);
		return vp_render_rows_csv(out, o, &row, 1);
	}
	case VP_FMT_SVG:
		return vp_render_svg_plans(out, &r, NULL, 1);
	default:
		return vp_render_text(out, r, o->bytes);
	}
}

int main(int argc, char **argv)
{
	static struct vp_options o;
	static struct vp_result res;
	struct vp_error err;
	int status = VP_EXIT_OK;

	vp_options_parse(argc, argv, &o);
	if (o.host) {
		char msg[512];

		if (vp_probe_host(&o.in, o.given,
				  o.numa_sysroot ? o.numa_file : NULL, msg,
				  sizeof(msg))) {
			fprintf(stderr, "vmemplan: %s\n", msg);
			return VP_EXIT_USAGE;
		}
	}
	if (o.plan_file) {
		struct vp_error perr;

		if (vp_read_plan_file(o.plan_file, &o.in, o.keys_given, &perr)) {
			fprintf(stderr, "vmemplan: %s\n", perr.msg);
			return VP_EXIT_USAGE;
		}
	}
	if (!o.batch && !o.plan_file) {
		char msg[256];

		if (vp_values_check_arch(&o.in, o.keys_given, false, msg,
					 sizeof(msg))) {
			fprintf(stderr, "vmemplan: %s\n", msg);
			return VP_EXIT_USAGE;
		}
	}
	if (o.numa_wanted) {
		char msg[512], note[200];

		if (vp_probe_numa(&o.in,
				  !o.numa_file ? VP_NUMA_LIBNUMA :
				  o.numa_sysroot ? VP_NUMA_SYSROOT :
						   VP_NUMA_TOPOLOGY,
				  o.numa_file, o.numa_node, msg, sizeof(msg), note,
				  sizeof(note))) {
			fprintf(stderr, "vmemplan: %s\n", msg);
			return VP_EXIT_USAGE;
		}
		if (note[0])
			fprintf(stderr, "vmemplan: %s\n", note);
	}
	if (o.from_ndctl && o.in.kernel.b.section_layout) {
		/* import.c recovers the raw size with vp_inverse, which does
		 * not model kernels before 5.3 (inverse.c). */
		fprintf(stderr, "vmemplan: --from-ndctl with kernel %s is not modelled: recovering the raw size from ndctl's needs --usable's search, which does not hold before 5.3; use --from-sysfs or plan the raw size with --device\n",
			o.in.kernel.name);
		return VP_EXIT_USAGE;
	}
	if (o.from_ndctl || o.from_sysfs) {
		char msg[512];

		if (o.from_ndctl ? vp_read_ndctl(o.from_ndctl, &list, msg,
						 sizeof(msg)) :
				   vp_probe_nd_sysfs(o.from_sysfs, &list, msg,
						     sizeof(msg))) {
			fprintf(stderr, "vmemplan: %s\n", msg);
			return VP_EXIT_USAGE;
		}
	}
	/* The output is opened once every input is read, so that a usage
	 * error leaves an existing -o file alone. */
	out = stdout;
	if (o.output && strcmp(o.output, "-") != 0) {
		out = fopen(o.output, "w");
		if (!out) {
			fprintf(stderr, "vmemplan: cannot write '%s': %s\n",
				o.output, strerror(errno));
			return VP_EXIT_IO;
		}
		out_name = o.output;
	}
	if (o.explain)
		return close_output(
			(o.json ? vp_json_emit(out, vp_json_explain(&o.in.kernel),
					       true) :
				  vp_render_explain(out, &o.in.kernel)) ?
				VP_EXIT_IO :
				VP_EXIT_OK);
	if (o.batch)
		return close_output(vp_batch(stdin, out, &o.in, o.keys_given));
	if (o.naxes || o.sweep.on)
		return close_output(vp_run_many(&o, out));
	if (o.from_ndctl || o.from_sysfs) {
		unsigned bad, total;

		status = vp_run_import(&o, &list, o.from_sysfs != NULL,
				       o.from_ndctl ? o.from_ndctl : o.from_sysfs,
				       out, &bad, &total);
		if (bad)
			fprintf(stderr, "vmemplan: %u of %u namespaces do not match the model under kernel %s: the kernel, the options or the machine differ\n",
				bad, total, o.in.kernel.name);
		return close_output(status);
	}
	switch (vp_answer(&o.in, &res, &err)) {
	case VP_OK:
		if (render(&o, &res))
			status = VP_EXIT_IO;
		break;
	case VP_REFUSED:
		/* A refusal returns an errno; a failure without one (an oops)
		 * is no refusal. */
		if (err.where)
			fprintf(stderr, "vmemplan: the kernel would %s this layout: %s%s%s: %s\n",
				err.kerrno ? "refuse" : "fail on",
				err.where, err.kerrno ? " returns -" : "",
				vp_errno_name(err.kerrno), err.msg);
		else
			fprintf(stderr, "vmemplan: %s\n", err.msg);
		if (o.json &&
		    vp_json_emit(out, vp_json_error(&res, &err), true))
			status = VP_EXIT_IO;
		else
			status = VP_EXIT_REFUSED;
		break;
	case VP_BADINPUT:
	case VP_UNSUPPORTED:
		fprintf(stderr, "vmemplan: %s%s%s\n", err.where ? err.where : "",
			err.where ? ": " : "", err.msg);
		/* Not modelled is no usage mistake: no pointer to --help. */
		if (err.status == VP_BADINPUT)
			fprintf(stderr, "Try `vmemplan --help' or `vmemplan --usage' for more information.\n");
		status = VP_EXIT_USAGE;
		break;
	case VP_INTERNAL:
	default:
		fprintf(stderr, "vmemplan: internal error: %s; please report this with the command line\n",
			err.msg);
		status = VP_EXIT_INTERNAL;
		break;
	}
	return close_output(status);
}
