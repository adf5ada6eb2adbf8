#ifndef SIGHTLINE_CCRYPTO_SHIM_H
#define SIGHTLINE_CCRYPTO_SHIM_H
// Only OpenSSL's one-shot SHA-256: libcrypto picks the CPU's SHA
// extensions at run time (about 2 cycles a byte where present).
#include <openssl/sha.h>
#endif
