#include "json_writer.hpp"

#include <charconv>
#include <cmath>

#include <nlohmann/json.hpp>

#include "ustr.hpp"

namespace qingdan {

void JsonWriter::indent(size_t depth) {
    out_.push_back('\n');
    out_.append(2 * depth, ' ');
}

void JsonWriter::item() {
    if (after_key_) {
        after_key_ = false;
        return;
    }
    if (counts_.empty()) return;
    if (counts_.back()++ > 0) out_.push_back(',');
    if (pretty_) indent(counts_.size());
}

void JsonWriter::open(char c) {
    item();
    out_.push_back(c);
    counts_.push_back(0);
}

void JsonWriter::close(char c) {
    const bool empty = counts_.back() == 0;
    counts_.pop_back();
    if (pretty_ && !empty) indent(counts_.size());
    out_.push_back(c);
}

void JsonWriter::key(std::string_view k) {
    item();
    put_string(k);
    out_ += pretty_ ? ": " : ":";
    after_key_ = true;
}

void JsonWriter::string(std::string_view s) {
    item();
    put_string(s);
}

void JsonWriter::put_string(std::string_view s) {
    // One pass: bytes are copied in runs; ASCII is checked for escapes, a
    // multi-byte sequence for well-formedness (CJK three-byte sequences on a
    // fast path). An ill-formed string is left to nlohmann's replacing dump.
    const size_t mark = out_.size();
    out_.push_back('"');
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const size_t n = s.size();
    size_t run = 0;  // start of the pending run of bytes copied as they are
    for (size_t i = 0; i < n;) {
        const unsigned char c = p[i];
        if (c >= 0x80) {
            if (ustr::plain3_at(p + i, n - i)) {
                i += 3;
                continue;
            }
            size_t maximal;
            bool truncated;
            const size_t len = ustr::utf8_sequence(p + i, n - i, &maximal, &truncated);
            if (len == 0) {
                out_.resize(mark);
                out_ += nlohmann::json(std::string(s)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
                return;
            }
            i += len;
            continue;
        }
        if (c >= 0x20 && c != '"' && c != '\\') {
            ++i;
            continue;
        }
        out_.append(s.data() + run, i - run);
        run = ++i;
        switch (c) {
            case '"': out_ += "\\\""; break;
            case '\\': out_ += "\\\\"; break;
            case '\b': out_ += "\\b"; break;
            case '\f': out_ += "\\f"; break;
            case '\n': out_ += "\\n"; break;
            case '\r': out_ += "\\r"; break;
            case '\t': out_ += "\\t"; break;
            default: {
                static const char* kHex = "0123456789abcdef";
                out_ += "\\u00";
                out_.push_back(kHex[c >> 4]);
                out_.push_back(kHex[c & 0xF]);
            }
        }
    }
    out_.append(s.data() + run, n - run);
    out_.push_back('"');
}

void JsonWriter::integer(long long v) {
    item();
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    out_.append(buf, r.ptr);
}

void JsonWriter::number(double v) {
    if (std::isfinite(v) && v == static_cast<double>(static_cast<long long>(v))) {
        integer(static_cast<long long>(v));
        return;
    }
    item();
    out_ += nlohmann::json(v).dump();
}

void JsonWriter::null() {
    item();
    out_ += "null";
}

}  // namespace qingdan
