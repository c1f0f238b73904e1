// SPDX-License-Identifier: GPL-2.0-only
#include "host.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "../core/units.h"

static void fact(struct vp_host_fact *f, const char *value, const char *from)
{
	snprintf(f->value, sizeof(f->value), "%.79s", value);
	snprintf(f->from, sizeof(f->from), "%s", from);
}

/* The first line of a file, without its newline; -1 if unreadable. */
static int first_line(const char *path, char *buf, size_t len)
{
	FILE *f = fopen(path, "r");

	if (!f)
		return -1;
	if (!fgets(buf, (int)len, f)) {
		fclose(f);
		return -1;
	}
	fclose(f);
	buf[strcspn(buf, "\n")] = '\0';
	return 0;
}

static void root_path(char *out, size_t len, const char *sysroot,
		      const char *path)
{
	snprintf(out, len, "%s%s", sysroot ? sysroot : "", path);
}

/* "MMU : Radix" in /proc/cpuinfo (powerpc). */
static int cpuinfo_mmu(const char *path, enum vp_mmu *mmu)
{
	FILE *f = fopen(path, "r");
	char line[256];
	int found = -1;

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f)) {
		if (strncmp(line, "MMU", 3) != 0 || !strchr(line, ':'))
			continue;
		if (strstr(line, "Radix"))
			*mmu = VP_MMU_RADIX, found = 0;
		else if (strstr(line, "Hash"))
			*mmu = VP_MMU_HASH, found = 0;
		break;
	}
	fclose(f);
	return found;
}

/* The end of the highest "System RAM" range of /proc/iomem (0 when the
 * addresses are hidden, as for non-root readers). */
static uint64_t iomem_ram_end(const char *path)
{
	FILE *f = fopen(path, "r");
	char line[256];
	uint64_t end = 0;

	if (!f)
		return 0;
	while (fgets(line, sizeof(line), f)) {
		unsigned long long a, b;

		if (line[0] == ' ' || !strstr(line, ": System RAM"))
			continue;	/* top level ranges only */
		if (sscanf(line, "%llx-%llx", &a, &b) == 2 && b + 1 > end)
			end = b + 1;
	}
	fclose(f);
	return end;
}

/* The first "<key>: N kB" of a /proc file, in bytes (0 if none). */
static uint64_t proc_kb(const char *path, const char *key)
{
	FILE *f = fopen(path, "r");
	char line[256];
	size_t klen = strlen(key);
	unsigned long long kb = 0;

	if (!f)
		return 0;
	while (fgets(line, sizeof(line), f))
		if (strncmp(line, key, klen) == 0 && line[klen] == ':' &&
		    sscanf(line + klen + 1, "%llu kB", &kb) == 1)
			break;
	fclose(f);
	return kb <= UINT64_MAX / 1024 ? kb * 1024 : 0;
}

int vp_probe_host(struct vp_input *in, unsigned given, const char *sysroot,
		  char *msg, size_t len)
{
	struct vp_host *h = &in->host;
	struct utsname u;
	char path[4096], buf[80], iec[VP_IEC_BUFSZ];
	const char *arch, *rel, *from;
	uint64_t v;

	memset(h, 0, sizeof(*h));
	h->used = true;
	if (uname(&u) != 0) {
		snprintf(msg, len, "--host: uname: %s", strerror(errno));
		return -1;
	}

	/* Architecture. */
	root_path(path, sizeof(path), sysroot, "/proc/sys/kernel/arch");
	if (sysroot && first_line(path, buf, sizeof(buf)) == 0)
		arch = buf, from = "proc/sys/kernel/arch";
	else
		arch = u.machine, from = "uname";
	if (!(given & VP_HOST_ARCH)) {
		if (strcmp(arch, "ppc64le") == 0 || strcmp(arch, "ppc64") == 0)
			in->arch = VP_ARCH_PPC64;
		else if (strcmp(arch, "x86_64") == 0)
			in->arch = VP_ARCH_X86_64;
		else {
			snprintf(msg, len, "--host: architecture '%.40s' (%s) is not one vmemplan knows",
				 arch, from);
			return -1;
		}
		fact(&h->arch, arch, from);
	}

	/* Page size. */
	root_path(path, sizeof(path), sysroot, "/proc/self/smaps");
	/* KernelPageSize of a captured /proc/self/smaps. */
	v = sysroot ? proc_kb(path, "KernelPageSize") : 0;
	from = v ? "proc/self/smaps" : "sysconf";
	if (!v)
		v = (uint64_t)sysconf(_SC_PAGESIZE);
	if (!(given & VP_HOST_PAGE_SIZE)) {
		if (v != 4096 && v != 65536) {
			snprintf(msg, len, "--host: page size %" PRIu64 " (%s) is not modelled",
				 v, from);
			return -1;
		}
		in->page_shift = v == 4096 ? 12 : 16;
		fact(&h->page_size, v == 4096 ? "4K" : "64K", from);
	}

	/* MMU (powerpc only). */
	if (!(given & VP_HOST_MMU) && in->arch == VP_ARCH_PPC64) {
		root_path(path, sizeof(path), sysroot, "/proc/cpuinfo");
		if (cpuinfo_mmu(path, &in->mmu) == 0)
			fact(&h->mmu, vp_mmu_name(in->mmu), "proc/cpuinfo");
	}

	/* Kernel version. */
	root_path(path, sizeof(path), sysroot, "/proc/sys/kernel/osrelease");
	if (sysroot && first_line(path, buf, sizeof(buf)) == 0)
		rel = buf, from = "proc/sys/kernel/osrelease";
	else
		rel = u.release, from = "uname -r";
	if (!(given & VP_HOST_KERNEL)) {
		struct vp_kver kv;
		enum vp_kver_status ks = vp_kver_parse(rel, &kv);
		char name[80];

		snprintf(name, sizeof(name), "%.79s", rel);
		if (ks == VP_KVER_OK)
			ks = vp_kernel_resolve(&kv, &in->kernel);
		if (ks != VP_KVER_OK) {
			snprintf(msg, len, "--host: kernel '%.60s' (%s): %s", name,
				 from, vp_kver_strerror(ks));
			return -1;
		}
		fact(&h->kernel, name, from);
	}

	/* Boot RAM: the highest System RAM address, else MemTotal. */
	if (!(given & VP_HOST_BOOT_RAM)) {
		root_path(path, sizeof(path), sysroot, "/proc/iomem");
		v = iomem_ram_end(path);
		from = "proc/iomem";
		if (!v) {
			root_path(path, sizeof(path), sysroot, "/proc/meminfo");
			v = proc_kb(path, "MemTotal");
			from = "proc/meminfo MemTotal";
		}
		if (v) {
			in->plat.boot_ram_bytes = v;
			fact(&h->boot_ram, vp_format_iec(v, iec, sizeof(iec)),
			     from);
		}
	}
	return 0;
}
