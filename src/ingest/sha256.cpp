// document.sha256: OpenSSL's SHA-256 (libcrypto picks SHA-NI / AVX2 code at
// run time; a portable hand-written loop cost a tenth of compile time).
#include <openssl/evp.h>

#include <stdexcept>
#include <string>
#include <string_view>

#include "decode.hpp"

namespace qingdan {

std::string sha256_hex(std::string_view bytes) {
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (EVP_Digest(bytes.data(), bytes.size(), md, &len, EVP_sha256(), nullptr) != 1 || len != 32)
        throw std::runtime_error("SHA-256 failed (OpenSSL)");
    static const char* kHex = "0123456789abcdef";
    std::string out;
    out.reserve(64);
    for (unsigned int i = 0; i < len; ++i) {
        out.push_back(kHex[md[i] >> 4]);
        out.push_back(kHex[md[i] & 0xF]);
    }
    return out;
}

}  // namespace qingdan
