// document.sha256: OpenSSL's SHA-256 (libcrypto picks SHA-NI / AVX2 code at
// run time; a portable hand-written loop cost a tenth of compile time).
//
// The low-level SHA256_Init/Update/Final, not EVP_Digest (nor the one-shot
// SHA256(), which OpenSSL 3 routes through EVP): with OpenSSL 3
// the first EVP call fetches the algorithm from the default provider, which
// initialises the library context and the provider's tables — 4.5 M
// instructions, about 7 % of a one-document run (docs/performance.md,
// "Start-up"). The low-level function calls the same assembly directly. It
// is deprecated in OpenSSL 3 (providers are the preferred road) but still
// part of its API; the same bytes come out.
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/sha.h>

#include <string>
#include <string_view>

#include "decode.hpp"

namespace qingdan {

std::string sha256_hex(std::string_view bytes) {
    unsigned char md[SHA256_DIGEST_LENGTH];
    SHA256_CTX ctx;
    SHA256_Init(&ctx);
    SHA256_Update(&ctx, bytes.data(), bytes.size());
    SHA256_Final(md, &ctx);
    static const char* kHex = "0123456789abcdef";
    std::string out;
    out.reserve(64);
    for (unsigned char b : md) {
        out.push_back(kHex[b >> 4]);
        out.push_back(kHex[b & 0xF]);
    }
    return out;
}

}  // namespace qingdan
