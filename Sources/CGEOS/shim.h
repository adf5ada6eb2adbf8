#ifndef SIGHTLINE_CGEOS_SHIM_H
#define SIGHTLINE_CGEOS_SHIM_H
// Only the reentrant (_r) half of the GEOS C API is visible to Swift:
// every call takes an explicit context, so levels can be analysed on
// several threads at once.
#define GEOS_USE_ONLY_R_API
#include <geos_c.h>
#endif
