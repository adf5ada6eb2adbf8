#ifndef SIGHTLINE_CSQLITE_SHIM_H
#define SIGHTLINE_CSQLITE_SHIM_H
#include <sqlite3.h>
#endif
