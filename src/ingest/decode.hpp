// Stage 1: raw bytes -> UTF-8 text, whatever the input encoding.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "qingdan/model.hpp"

namespace qingdan {

// Thrown for input that is not text at all (NUL bytes, images, archives).
// The CLI reports it as `file: error: binary-input: ...` and exits 3.
class DecodeError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct DecodedText {
    std::string utf8;      // LF line ends only (CRLF / CR converted)
    std::string encoding;  // "UTF-8", "UTF-16LE", "UTF-16BE", "GB18030", "Big5"
    std::vector<Diagnostic> diagnostics;  // decode-replaced (with line), truncated-input
};

// Order: BOM, then strict UTF-8 validation, then ICU's charset detector
// (short inputs fall back to GB18030 when it decodes cleanly).
// Invalid sequences become U+FFFD with a `decode-replaced` diagnostic.
DecodedText decode(std::string_view bytes);

// Decodes with a named encoding instead of detecting it (for an explicit
// `--encoding`): "UTF-8", "UTF-16LE", "UTF-16BE", "GB18030" (also "GBK",
// "GB2312"), "Big5". A BOM matching the encoding is skipped. Throws
// DecodeError for an unknown encoding name; binary input is NOT rejected.
DecodedText decode_as(std::string_view bytes, std::string_view encoding);

// Hex SHA-256 of the raw bytes (document.sha256).
std::string sha256_hex(std::string_view bytes);

}  // namespace qingdan
