/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What a plan is asked for: the machine, the kernel and the namespace.
 * The CLI fills this from argv; the core never reads anything else.
 */
#ifndef VP_INPUT_H
#define VP_INPUT_H

#include <stdbool.h>
#include <stdint.h>

#include "kernel.h"

enum vp_arch { VP_ARCH_PPC64, VP_ARCH_X86_64 };
enum vp_mmu { VP_MMU_RADIX, VP_MMU_HASH };
enum vp_mode { VP_MODE_FSDAX, VP_MODE_DEVDAX };
enum vp_map { VP_MAP_DEV, VP_MAP_MEM };
enum vp_engine { VP_ENGINE_RUNLENGTH, VP_ENGINE_REFERENCE };

/*
 * Hardware and boot facts that change the numbers.  The defaults describe a
 * POWER9/POWER10 LPAR running a distribution kernel: the CPU offers 16M
 * hash pages and the 2M radix page size, KFENCE and debug_pagealloc are
 * off, and boot RAM is [0, 1 GiB): pseries RAM starts at physical 0, and
 * 1 GiB is the least for which hash maps the vmemmap with 16M pages
 * (hash_utils.c:htab_init_page_sizes).  Boot RAM matters twice: its
 * sections are valid early sections whose vmemmap blocks already exist, so
 * a device block sharing a window with it costs nothing new; and a device
 * overlapping it is refused.  The options --boot-ram, --hash-16m, --kfence
 * and --radix-only (or --host) change them; the JSON reports them under
 * config.assumptions.  On x86-64 only boot_ram_bytes and la57 apply; the
 * CPU is assumed to have PSE (2M pages), as every x86-64 CPU does.
 */
/* A range of boot memory (--ram SIZE@START). */
struct vp_ram {
	uint64_t start, size;
};
#define VP_MAX_RAM 8

struct vp_platform {
	bool hash_16m;		/* 16M pages in ibm,segment-page-sizes */
	bool radix_2m;		/* 2M in ibm,processor-radix-AP-encodings */
	bool radix_1g;		/* 1G in ibm,processor-radix-AP-encodings */
	bool kfence;		/* CONFIG_KFENCE or debug_pagealloc */
	bool radix_only;	/* built without CONFIG_PPC_64S_HASH_MMU */
	uint64_t boot_ram_bytes; /* boot RAM [0, boot_ram_bytes), or with
				  * ram[] the total of its ranges */
	bool la57;		/* x86-64 5-level paging (--la57) */
	/* Boot memory ranges; none: [0, boot_ram_bytes). */
	unsigned nram;
	struct vp_ram ram[VP_MAX_RAM];
};

/* Where the DRAM part of the memmap goes, when known (the probe layer or
 * a topology file fills it; the core only divides). */
struct vp_numa {
	bool known;
	unsigned node;
	uint64_t node_bytes;		/* that node's memory */
	uint64_t memtotal_bytes;	/* /proc/meminfo MemTotal */
	char source[96];		/* "libnuma", "topology FILE", ... */
};

/* --host: what the running system said, and where (for the report). */
struct vp_host_fact {
	char value[80];		/* "" when not taken from the host */
	char from[80];		/* "uname", "/proc/cpuinfo", ... */
};

struct vp_host {
	bool used;
	struct vp_host_fact arch, page_size, mmu, kernel, boot_ram;
};

/* One namespace of a multi-device plan (--device repeated, or --plan). */
#define VP_MAX_DEVICES 16
struct vp_device_spec {
	char name[32];		/* "pmem0", ... or from the plan file */
	uint64_t size;
	uint64_t start;
	bool start_given;	/* false: after RAM and the devices before */
	enum vp_mode mode;
	enum vp_map map;
	uint64_t align;		/* 0: the kernel's default */
};

/* A hot-add or hot-remove of one device, in order. */
#define VP_MAX_STEPS 32
enum vp_step_op { VP_STEP_ADD, VP_STEP_REMOVE };
struct vp_step {
	enum vp_step_op op;
	unsigned dev;		/* index into devs[] */
};

/* Warn when the memmap's DRAM takes more than this share of the node. */
#define VP_NUMA_WARN_PERMILLE 50

struct vp_input {
	enum vp_arch arch;
	enum vp_mmu mmu;
	unsigned page_shift;	/* 12 or 16; 0 = the architecture's default */
	/* sizeof(struct page) of the kernel build (--struct-page-size); 0 =
	 * 64, as on production 64-bit configurations. */
	unsigned struct_page_size;
	struct vp_kernel kernel;
	enum vp_mode mode;
	enum vp_map map;
	uint64_t align;		/* ndctl --align; 0 = the kernel's default */
	uint64_t size;		/* namespace size in bytes */
	uint64_t start;		/* physical start, when start_given */
	bool start_given;	/* false: vp_default_start() */
	struct vp_platform plat;
	enum vp_engine engine;
	/* The inverse question (inverse.c): when usable is non-zero, find the
	 * smallest size giving at least that much, ignoring size. */
	uint64_t usable;
	/* The region's namespace granule (nd_region->align): 0 = the
	 * kernel's default, 16 MiB, and the interleave ways it depends on. */
	uint64_t region_align;
	unsigned ways;
	struct vp_numa numa;
	struct vp_host host;
	/* Several devices and a sequence (issue "several devices"): none
	 * means one device from size/start/mode/map/align, added once.
	 * Without steps, every device is added in order. */
	unsigned ndevs;
	struct vp_device_spec devs[VP_MAX_DEVICES];
	unsigned nsteps;
	struct vp_step steps[VP_MAX_STEPS];
};

/* Default start: the first 16 GiB boundary above boot RAM. */
#define VP_DEFAULT_BOOT_RAM (1ULL << 30)
uint64_t vp_default_start(const struct vp_platform *plat);
/* The first 16 GiB boundary strictly above x. */
uint64_t vp_next_16g(uint64_t x);

void vp_input_defaults(struct vp_input *in);

/* Fills what the defaults leave to the architecture and the machine: the
 * page size (64K on ppc64, 4K on x86-64), the RAM ranges, the devices and
 * steps of a one-device plan, and the starts not given (the first device
 * at the first 16 GiB boundary above RAM, each next one at the first above
 * the one before). */
void vp_input_resolve(struct vp_input *in);

const char *vp_arch_name(enum vp_arch a);
const char *vp_mmu_name(enum vp_mmu m);
const char *vp_mode_name(enum vp_mode m);
const char *vp_map_name(enum vp_map m);
const char *vp_engine_name(enum vp_engine e);

#endif
