/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * One parser for every option value, shared by argp (options.c) and the
 * batch reader (batch.c), so that "--mmu hash" and {"mmu": "hash"} accept
 * and refuse exactly the same things with the same messages.
 */
#ifndef VP_VALUES_H
#define VP_VALUES_H

#include <stdbool.h>
#include <stddef.h>

#include "../core/input.h"

enum vp_value_key {
	VP_KEY_DEVICE,
	VP_KEY_ARCH,
	VP_KEY_PAGE_SIZE,
	VP_KEY_MMU,
	VP_KEY_KERNEL,
	VP_KEY_MODE,
	VP_KEY_MAP,
	VP_KEY_ALIGN,
	VP_KEY_ENGINE,
	VP_KEY_USABLE,
	VP_KEY_REGION_ALIGN,
	VP_KEY_WAYS,
	VP_KEY_BOOT_RAM,
	VP_KEY_HASH_16M,
	VP_KEY_KFENCE,
	VP_KEY_RADIX_ONLY,
	VP_KEY_KERNEL_HAS,
	VP_KEY_KERNEL_LACKS,
	VP_KEY_LA57,
	VP_KEY_RAM,
	VP_KEY_STRUCT_PAGE_SIZE,
	VP_KEY_COUNT
};

/* The key of a batch plan's member ("page_size"), or -1 when unknown. */
int vp_value_lookup_json(const char *name);

/* text as a message quotes it: at most 48 bytes, cut on a UTF-8 character
 * boundary, with "..." when cut; out needs 64 bytes. */
void vp_value_quote(char *out, size_t len, const char *text);

/*
 * Sets one value of *in from its text.  On a bad value returns -1 and
 * writes "--OPTION: 'TEXT': why; expected FORM" to msg.
 */
int vp_value_set(struct vp_input *in, enum vp_value_key k, const char *text,
		 char *msg, size_t len);

/*
 * Values that belong to one architecture (--mmu, --hash-16m, --kfence and
 * --radix-only to ppc64; --la57 to x86_64) given, as bits 1u << key in
 * `given`, for the other one: returns -1 with a message naming the option
 * (json: the batch key) and the architecture.
 */
int vp_values_check_arch(const struct vp_input *in, unsigned given,
			 bool json, char *msg, size_t len);

#endif
