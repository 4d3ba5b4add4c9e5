// zlib, for the DEFLATE-compressed table sections of Kiln Lite 1.1 (schemas/kiln-lite.md §4.2).
#include <zlib.h>
