// SPDX-License-Identifier: GPL-2.0-only
/*
 * make bench: figures and ratios, no thresholds.
 *   - compute time per plan, in process, for 1 GiB .. the largest ppc64
 *     device, with both engines, and their ratio;
 *   - peak RSS of a whole vmemplan run per size and engine (wait4);
 *   - --batch throughput, and a 10 000-point size sweep through --batch;
 *   - process start-up: vmemplan --device 1T against /bin/true.
 * Usage: bench PATH-TO-VMEMPLAN
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdint.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "plan.h"

#define G(x) ((uint64_t)(x) << 30)
#define T(x) ((uint64_t)(x) << 40)

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

struct bcase {
	const char *name;
	enum vp_mmu mmu;
	unsigned pshift;
	uint64_t size, start;
	const char *args;	/* the same plan on the command line */
	const char *kernel;	/* NULL: the default */
	bool x86;		/* --arch x86_64 (4K pages, no MMU choice) */
	uint64_t compound;	/* non-zero: devdax map=mem with this align */
};

/* The largest device: from 16 GiB to 2^MAX_PHYSMEM_BITS (51). */
#define MAXSZ ((1ULL << 51) - G(16))

static const struct bcase cases[] = {
	{ "1 GiB, radix 64K", VP_MMU_RADIX, 16, G(1), G(16), "--device 1G", NULL, false, 0 },
	{ "1 TiB, radix 64K", VP_MMU_RADIX, 16, T(1), G(16), "--device 1T", NULL, false, 0 },
	{ "64 TiB, radix 64K", VP_MMU_RADIX, 16, T(64), G(16), "--device 64T", NULL, false, 0 },
	{ "2 PiB - 16 GiB, radix 64K", VP_MMU_RADIX, 16, MAXSZ, G(16),
	  "--device 2251782633816064", NULL, false, 0 },
	{ "64 TiB, radix 4K, misaligned edges", VP_MMU_RADIX, 12, T(64),
	  G(16) + (2ULL << 20), "--device 64T@0x400200000 --page-size 4K", NULL, false, 0 },
	{ "2 PiB - 16 GiB, hash 4K", VP_MMU_HASH, 12, MAXSZ, G(16),
	  "--device 2251782633816064 --page-size 4K --mmu hash", NULL, false, 0 },
	{ "64 TiB, radix 4K, misaligned, 6.12.117", VP_MMU_RADIX, 12, T(64),
	  G(16) + (2ULL << 20),
	  "--device 64T@0x400200000 --page-size 4K --kernel 6.12.117",
	  "6.12.117", false, 0 },
	{ "2 PiB - 18 GiB, radix 64K, misaligned, 6.12.117", VP_MMU_RADIX, 16,
	  MAXSZ - G(2), G(16) + (2ULL << 20),
	  "--device 2251780486332416@0x400200000 --kernel 6.12.117",
	  "6.12.117", false, 0 },
	{ "32 TiB, x86_64, misaligned edges", VP_MMU_RADIX, 12, T(32),
	  G(16) + (2ULL << 20), "--device 32T@0x400200000 --arch x86_64",
	  NULL, true, 0 },
	{ "32 TiB, radix 64K, 4.19 (64K vmemmap pages)", VP_MMU_RADIX, 16,
	  T(32), G(16), "--device 32T --kernel 4.19", "4.19", false, 0 },
	{ "1 PiB, radix 64K devdax map=mem 1G, 6.12.117", VP_MMU_RADIX, 16,
	  1ULL << 50, 1ULL << 50,
	  "--device 1P@1P --mode devdax --map mem --align 1G --kernel 6.12.117",
	  "6.12.117", false, G(1) },
};

/* Seconds per plan: repeat until at least min_s has passed (once at least). */
static double time_plan(const struct bcase *c, enum vp_engine e, double min_s,
			unsigned max_iter, unsigned *iters)
{
	static struct vp_result res;
	struct vp_input in;
	struct vp_error err;
	double t0 = now(), t;
	unsigned n = 0;

	vp_input_defaults(&in);
	if (c->kernel) {
		struct vp_kver v;

		vp_kver_parse(c->kernel, &v);
		vp_kernel_resolve(&v, &in.kernel);
	}
	in.mmu = c->mmu;
	in.page_shift = c->pshift;
	if (c->x86)
		in.arch = VP_ARCH_X86_64;
	if (c->compound) {
		in.mode = VP_MODE_DEVDAX;
		in.map = VP_MAP_MEM;
		in.align = c->compound;
	}
	in.size = c->size;
	in.start = c->start;
	in.start_given = true;
	in.engine = e;
	do {
		if (vp_plan(&in, &res, &err) != VP_OK) {
			fprintf(stderr, "bench: %s: %s\n", c->name, err.msg);
			exit(1);
		}
		n++;
		t = now() - t0;
	} while (t < min_s && n < max_iter);
	*iters = n;
	return t / n;
}

/* Runs argv with stdin from in_path (or /dev/null) and stdout to /dev/null;
 * returns the wall time, and the peak RSS in KiB in *rss. */
static double run(char *const argv[], const char *in_path, long *rss)
{
	struct rusage ru;
	int status;
	double t0 = now();
	pid_t pid = fork();

	if (pid == 0) {
		int fi = open(in_path ? in_path : "/dev/null", O_RDONLY);
		int fo = open("/dev/null", O_WRONLY);

		dup2(fi, 0);
		dup2(fo, 1);
		execv(argv[0], argv);
		_exit(127);
	}
	if (pid < 0 || wait4(pid, &status, 0, &ru) < 0) {
		perror("bench");
		exit(1);
	}
	if (!WIFEXITED(status) || WEXITSTATUS(status) > 1) {
		fprintf(stderr, "bench: %s exited with %d\n", argv[0], status);
		exit(1);
	}
	if (rss)
		*rss = ru.ru_maxrss;
	return now() - t0;
}

static long cli_rss(const char *bin, const char *args, const char *engine)
{
	char buf[256], *argv[16];
	int n = 0;
	long rss;

	snprintf(buf, sizeof(buf), "%s --engine %s", args, engine);
	argv[n++] = (char *)bin;
	for (char *tok = strtok(buf, " "); tok && n < 15; tok = strtok(NULL, " "))
		argv[n++] = tok;
	argv[n] = NULL;
	run(argv, NULL, &rss);
	return rss;
}

static void write_lines(const char *path, unsigned n, int sweep)
{
	FILE *f = fopen(path, "w");
	unsigned i;

	if (!f) {
		perror(path);
		exit(1);
	}
	for (i = 0; i < n; i++) {
		if (sweep)	/* 16 GiB .. 64 TiB in equal 16 MiB-multiple steps */
			fprintf(f, "{\"device\":%llu}\n",
				(unsigned long long)(G(16) + (T(64) - G(16)) /
						     (n - 1) * i / (16 << 20) *
						     (16 << 20)));
		else
			fprintf(f, "{\"device\":\"%uG@%uG\",\"mmu\":\"%s\"}\n",
				1 + i % 1024, 16 * (1 + i % 7),
				i % 2 ? "hash" : "radix");
	}
	fclose(f);
}

int main(int argc, char **argv)
{
	const char *bin = argc > 1 ? argv[1] : "src/vmemplan";
	char tmpl[] = "/tmp/vmemplan-bench-XXXXXX";
	char path[64];
	unsigned i, it_rl, it_ref;
	long rss;

	if (!mkdtemp(tmpl)) {
		perror("mkdtemp");
		return 1;
	}
	printf("vmemplan benchmark (compute per plan, in process; RSS of a whole run)\n\n");
	printf("%-50s %12s %12s %9s %10s %10s\n", "plan", "runlength", "reference",
	       "ratio", "RSS rl", "RSS ref");
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct bcase *c = &cases[i];
		double rl = time_plan(c, VP_ENGINE_RUNLENGTH, 0.2, 1000000, &it_rl);
		double ref = time_plan(c, VP_ENGINE_REFERENCE, 0.5, 50, &it_ref);

		printf("%-50s %9.2f us %9.0f us %8.0fx %7ld KiB %7ld KiB\n",
		       c->name, rl * 1e6, ref * 1e6, ref / rl,
		       cli_rss(bin, c->args, "runlength"),
		       cli_rss(bin, c->args, "reference"));
	}

	{
		char *argv_b[] = { (char *)bin, "--batch", NULL };
		unsigned n = 100000;
		double t;

		snprintf(path, sizeof(path), "%s/batch.jsonl", tmpl);
		write_lines(path, n, 0);
		t = run(argv_b, path, &rss);
		printf("\n--batch, %u mixed plans: %.2f s, %.0f plans/s, peak RSS %ld KiB\n",
		       n, t, n / t, rss);
		snprintf(path, sizeof(path), "%s/sweep.jsonl", tmpl);
		write_lines(path, 10000, 1);
		t = run(argv_b, path, &rss);
		printf("10 000-point size sweep (16 GiB .. 64 TiB) via --batch: %.3f s\n",
		       t);
		unlink(path);
		snprintf(path, sizeof(path), "%s/batch.jsonl", tmpl);
		unlink(path);
	}

	{
		char *argv_v[] = { (char *)bin, "--device", "1T", NULL };
		char *argv_t[] = { "/bin/true", NULL };
		unsigned n = 300, k;
		double tv = 0, tt = 0;

		for (k = 0; k < n; k++) {
			tv += run(argv_v, NULL, NULL);
			tt += run(argv_t, NULL, NULL);
		}
		printf("process: vmemplan --device 1T %.3f ms, /bin/true %.3f ms, difference %.3f ms (mean of %u)\n",
		       tv / n * 1e3, tt / n * 1e3, (tv - tt) / n * 1e3, n);
	}
	rmdir(tmpl);
	return 0;
}
