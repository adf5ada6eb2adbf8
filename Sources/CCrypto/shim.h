#ifndef SIGHTLINE_CCRYPTO_SHIM_H
#define SIGHTLINE_CCRYPTO_SHIM_H
// OpenSSL's SHA-256, one-shot and through EVP for a digest taken in
// pieces: libcrypto picks the CPU's SHA extensions at run time (about 2
// cycles a byte where present).
#include <openssl/sha.h>
#include <openssl/evp.h>
#endif
