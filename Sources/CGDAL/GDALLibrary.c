// Opens libgdal on first use instead of at process start (see
// Scripts/make-gdal-loader.py for why): the development link name first,
// then the sonames GDAL 3 has used, newest first.
#include "CGDAL.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void *handle;
static char error[512];
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void open_gdal(void) {
    // SIGHTLINE_LIBGDAL names the library to open, and only that one.
    const char *override = getenv("SIGHTLINE_LIBGDAL");
    if (override && *override) {
        handle = dlopen(override, RTLD_NOW | RTLD_GLOBAL);
    } else {
        handle = dlopen("libgdal.so", RTLD_NOW | RTLD_GLOBAL);
    }
    for (int version = 40; !handle && !(override && *override) && version >= 26; version--) {
        char name[32];
        snprintf(name, sizeof name, "libgdal.so.%d", version);
        handle = dlopen(name, RTLD_NOW | RTLD_GLOBAL);
    }
    if (!handle) {
        const char *why = dlerror();
        snprintf(error, sizeof error,
                 "GDAL is needed for this (drawings, GeoPackage, coordinate systems) but libgdal could not be opened (%s); "
                 "install it (Debian: libgdal32 or libgdal-dev) or name it in SIGHTLINE_LIBGDAL",
                 why ? why : "not found");
    }
}

int sightline_gdal_load(void) {
    pthread_once(&once, open_gdal);
    return handle != NULL;
}

const char *sightline_gdal_error(void) { return handle ? NULL : error; }

void *sightline_gdal_handle(void) { return handle; }
