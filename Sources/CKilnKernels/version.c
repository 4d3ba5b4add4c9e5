#include "CKilnKernels.h"
int ckiln_version(void) { return 1; }
