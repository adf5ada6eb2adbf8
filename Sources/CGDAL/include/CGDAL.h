#ifndef SIGHTLINE_CGDAL_H
#define SIGHTLINE_CGDAL_H
// GDAL's vector half (OGR) and its coordinate systems (OSR), through the C API.
// libgdal is not linked: it is opened on first use (GDALLibrary.c), and the
// functions Sightline calls forward to it (GDALLoader.c, generated).
#include <gdal/gdal.h>
#include <gdal/ogr_api.h>
#include <gdal/ogr_srs_api.h>
#include <gdal/cpl_conv.h>
#include <gdal/cpl_error.h>
#include <gdal/cpl_string.h>
#include <gdal/cpl_vsi.h>

/// Opens libgdal once (dlopen); 1 when it is there, else 0 with the reason
/// in `sightline_gdal_error()`. Call before any GDAL function.
int sightline_gdal_load(void);
/// Why libgdal could not be opened, or NULL.
const char *sightline_gdal_error(void);
/// The dlopen handle of libgdal (after a successful load).
void *sightline_gdal_handle(void);
#endif
