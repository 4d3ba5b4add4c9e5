/*
 * Kiln Lite (.klite) version 1.1 — C11 description of the on-disk structures.
 *
 * The normative document is schemas/kiln-lite.md; this header mirrors it field by field so a
 * reader can be written in C without reading Kiln's Swift code. All integers are
 * little-endian; on a big-endian host, byte-swap every field after reading. Structures are
 * packed by construction (every field is naturally aligned) and their sizes are asserted.
 *
 * Never cast file bytes to these structures before checking the bounds given in the spec
 * (section 7): every offset, length, count and index comes from an untrusted file.
 */
#ifndef KILN_LITE_H
#define KILN_LITE_H

#include <assert.h>
#include <stdint.h>

#define KLITE_MAGIC "KLITE\r\n\x1a"   /* 8 bytes: 4B 4C 49 54 45 0D 0A 1A */
#define KLITE_VERSION_MAJOR 1
#define KLITE_VERSION_MINOR 1
#define KLITE_HEADER_SIZE_V1 96u
#define KLITE_NONE 0xFFFFFFFFu           /* absent optional u32 index */
#define KLITE_WEIGHT_ALIGNMENT 64u

/* Section kinds: four ASCII characters, the first in the lowest byte. */
#define KLITE_FOURCC(a, b, c, d) \
    ((uint32_t)(a) | ((uint32_t)(b) << 8) | ((uint32_t)(c) << 16) | ((uint32_t)(d) << 24))
#define KLITE_STRS KLITE_FOURCC('S', 'T', 'R', 'S') /* string table */
#define KLITE_I64S KLITE_FOURCC('I', '6', '4', 'S') /* i64 pool */
#define KLITE_U32S KLITE_FOURCC('U', '3', '2', 'S') /* u32 pool */
#define KLITE_TYPE KLITE_FOURCC('T', 'Y', 'P', 'E') /* value types */
#define KLITE_TENS KLITE_FOURCC('T', 'E', 'N', 'S') /* tensors */
#define KLITE_SPRS KLITE_FOURCC('S', 'P', 'R', 'S') /* sparse tensors */
#define KLITE_QUNT KLITE_FOURCC('Q', 'U', 'N', 'T') /* quantization parameters (optional) */
#define KLITE_VALS KLITE_FOURCC('V', 'A', 'L', 'S') /* value infos */
#define KLITE_ATTR KLITE_FOURCC('A', 'T', 'T', 'R') /* attributes */
#define KLITE_NODE KLITE_FOURCC('N', 'O', 'D', 'E') /* nodes */
#define KLITE_GRPH KLITE_FOURCC('G', 'R', 'P', 'H') /* graphs; 0 is the main graph */
#define KLITE_FUNC KLITE_FOURCC('F', 'U', 'N', 'C') /* model-local functions */
#define KLITE_MODL KLITE_FOURCC('M', 'O', 'D', 'L') /* the model record */
#define KLITE_META KLITE_FOURCC('M', 'E', 'T', 'A') /* conversion metadata (optional) */
#define KLITE_WGHT KLITE_FOURCC('W', 'G', 'H', 'T') /* weights region */

#define KLITE_SECTION_REQUIRED 0x1u
#define KLITE_SECTION_DEFLATED 0x2u       /* 1.1: stored as raw DEFLATE (RFC 1951); never WGHT */
#define KLITE_FLAG_DEFLATED_SECTIONS 0x1u /* 1.1 header required flag: some section is DEFLATED */

/* File header (96 bytes in 1.0; header_size may grow in later minor versions, and
 * header_crc32c is always the last 4 bytes of the header). */
typedef struct {
    uint8_t magic[8];
    uint16_t version_major;     /* reject anything but 1 */
    uint16_t version_minor;     /* accept any */
    uint32_t flags;             /* bits 0-15 required features (bit 0: KLITE_FLAG_DEFLATED_SECTIONS), 16-31 hints */
    uint64_t file_size;         /* equals the real file size */
    uint64_t directory_offset;  /* multiple of 8; directory ends at file_size */
    uint32_t section_count;
    uint32_t header_size;       /* 96..4096, multiple of 8 */
    uint8_t payload_sha256[32]; /* SHA-256 of bytes [header_size, file_size) */
    uint32_t directory_crc32c;  /* CRC-32C of section_count * 32 directory bytes */
    uint8_t reserved[16];       /* zero */
    uint32_t header_crc32c;     /* CRC-32C of bytes [0, header_size - 4) */
} klite_header;
static_assert(sizeof(klite_header) == 96, "klite_header");

/* Section directory entry (32 bytes). */
typedef struct {
    uint32_t kind;     /* KLITE_STRS, ... */
    uint32_t flags;    /* KLITE_SECTION_REQUIRED | KLITE_SECTION_DEFLATED */
    uint64_t offset;   /* absolute; multiple of 8 (WGHT: 64) */
    uint64_t length;   /* bytes stored in the file */
    uint32_t crc32c;   /* of the stored bytes */
    uint32_t inflated_length; /* DEFLATED: length after inflating (<= 1032 * length); else 0 */
} klite_section;
static_assert(sizeof(klite_section) == 32, "klite_section");

/* Header of every record table (all sections but STRS and WGHT). */
typedef struct {
    uint32_t count;       /* records */
    uint32_t record_size; /* >= the 1.0 size below; read the known prefix */
} klite_table;
static_assert(sizeof(klite_table) == 8, "klite_table");

/* STRS: { uint32_t count; uint32_t reserved; uint32_t end[count]; uint8_t bytes[]; }
 * string i = bytes[end[i-1] .. end[i]), end[-1] = 0; string 0 is empty. */

/* (start, count) into a pool or table. */
typedef struct {
    uint32_t start;
    uint32_t count;
} klite_range;

/* TYPE record (16 bytes). */
enum klite_type_kind {
    KLITE_TYPE_TENSOR = 1, KLITE_TYPE_SPARSE = 2, KLITE_TYPE_SEQUENCE = 3,
    KLITE_TYPE_OPTIONAL = 4, KLITE_TYPE_MAP = 5, KLITE_TYPE_OPAQUE = 6
};
#define KLITE_TYPE_HAS_SHAPE 0x1u
#define KLITE_TYPE_HAS_INNER 0x2u
typedef struct {
    uint8_t kind;
    uint8_t elem;     /* tensor/sparse element type; map key type */
    uint8_t flags;
    uint8_t reserved;
    uint32_t a;       /* dims start in I64S (2 entries per dim) | inner TYPE (< own index) | opaque domain str */
    uint32_t b;       /* rank | opaque name str */
    uint32_t reserved2;
} klite_type;
static_assert(sizeof(klite_type) == 16, "klite_type");

/* Dim tags in I64S (tag, value) pairs. */
enum { KLITE_DIM_KNOWN = 0, KLITE_DIM_SYMBOL = 1, KLITE_DIM_UNKNOWN = 2 };

/* TENS record (48 bytes). */
enum { KLITE_STORAGE_DENSE = 0, KLITE_STORAGE_SPLAT = 1, KLITE_STORAGE_STRINGS = 2 };
typedef struct {
    uint32_t name;         /* str */
    uint32_t doc;          /* str */
    uint8_t elem;          /* ONNX TensorProto.DataType */
    uint8_t storage;
    uint16_t reserved;
    uint32_t quant;        /* QUNT index or KLITE_NONE */
    klite_range dims;      /* I64S, each >= 0 */
    uint64_t data_offset;  /* WGHT-relative (dense: multiple of 64) | U32S start for strings */
    uint64_t data_length;  /* bytes | one element's bytes (splat) | element count (strings) */
    klite_range metadata;  /* pair list in U32S */
} klite_tensor;
static_assert(sizeof(klite_tensor) == 48, "klite_tensor");

/* SPRS record (16 bytes). */
typedef struct {
    uint32_t values;   /* TENS */
    uint32_t indices;  /* TENS */
    klite_range dims;  /* I64S dense shape */
} klite_sparse;
static_assert(sizeof(klite_sparse) == 16, "klite_sparse");

/* QUNT record (16 bytes, informational). */
#define KLITE_QUANT_PER_AXIS 0x1u
typedef struct {
    uint32_t scale;       /* TENS */
    uint32_t zero_point;  /* TENS or KLITE_NONE */
    int32_t axis;
    uint32_t flags;
} klite_quant;
static_assert(sizeof(klite_quant) == 16, "klite_quant");

/* VALS record (32 bytes). */
typedef struct {
    uint32_t name;
    uint32_t type;             /* TYPE or KLITE_NONE */
    uint32_t doc;
    uint32_t type_denotation;
    klite_range dim_denotations; /* U32S of str */
    klite_range metadata;        /* pair list */
} klite_value_info;
static_assert(sizeof(klite_value_info) == 32, "klite_value_info");

/* ATTR record (32 bytes). kind: ONNX AttributeProto.AttributeType. */
#define KLITE_ATTR_HAS_REF 0x1u
typedef struct {
    uint32_t name;
    uint32_t ref_name;   /* str, when flags & KLITE_ATTR_HAS_REF */
    uint32_t doc;
    uint8_t kind;
    uint8_t flags;
    uint16_t reserved;
    uint64_t value;      /* i64 | f32 bits | str | TENS | GRPH | SPRS | TYPE */
    klite_range list;    /* I64S (ints) or U32S (floats bits, strs, indices) */
} klite_attribute;
static_assert(sizeof(klite_attribute) == 32, "klite_attribute");

/* NODE record (56 bytes). */
typedef struct {
    uint32_t op;          /* op code (schemas/kiln-lite.md section 10) or 0 = custom */
    uint32_t name;
    uint32_t op_type;     /* str, custom only */
    uint32_t domain;      /* str, custom only */
    uint32_t overload;
    uint32_t doc;
    klite_range inputs;   /* U32S of str; 0 = omitted */
    klite_range outputs;  /* U32S of str */
    klite_range attributes; /* ATTR */
    klite_range metadata; /* pair list */
} klite_node;
static_assert(sizeof(klite_node) == 56, "klite_node");

/* GRPH record (80 bytes). Graph 0 is main; others referenced by exactly one attribute. */
typedef struct {
    uint32_t name;
    uint32_t doc;
    klite_range inputs;        /* VALS */
    klite_range outputs;       /* VALS */
    klite_range value_info;    /* VALS */
    klite_range initializers;  /* U32S of TENS */
    klite_range sparse_initializers; /* U32S of SPRS */
    klite_range nodes;         /* NODE, topological */
    klite_range quantization_annotations; /* U32S: name, n, n x (key, value) */
    klite_range metadata;      /* pair list */
    uint32_t reserved[2];
} klite_graph;
static_assert(sizeof(klite_graph) == 80, "klite_graph");

/* FUNC record (80 bytes). */
typedef struct {
    uint32_t name;
    uint32_t domain;
    uint32_t overload;
    uint32_t doc;
    klite_range inputs;             /* U32S of str */
    klite_range outputs;            /* U32S of str */
    klite_range attribute_names;    /* U32S of str */
    klite_range attribute_defaults; /* ATTR */
    klite_range nodes;              /* NODE */
    klite_range opsets;             /* I64S pairs (domain str, version) */
    klite_range value_info;         /* VALS */
    klite_range metadata;           /* pair list */
} klite_function;
static_assert(sizeof(klite_function) == 80, "klite_function");

/* MODL record (56 bytes, exactly one). */
typedef struct {
    int64_t ir_version;
    int64_t model_version;
    uint32_t producer_name;
    uint32_t producer_version;
    uint32_t domain;
    uint32_t doc;
    klite_range opsets;    /* I64S pairs (domain str, version) */
    klite_range metadata;  /* pair list */
    uint32_t graph;        /* 0 */
    uint32_t reserved;
} klite_model;
static_assert(sizeof(klite_model) == 56, "klite_model");

/* META record (8 bytes). */
typedef struct {
    uint32_t key;   /* str: producer, kiln_version, source_sha256, convert_options */
    uint32_t value; /* str */
} klite_meta;
static_assert(sizeof(klite_meta) == 8, "klite_meta");

#endif /* KILN_LITE_H */
