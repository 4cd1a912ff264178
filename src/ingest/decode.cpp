// Stage 1: raw bytes -> UTF-8 text (see docs/normalisation.md, "Decoding").
//
// Order of decisions:
//   1. empty input -> empty text;
//   2. magic numbers of images, archives, executables, PDF -> DecodeError;
//   3. byte-order mark (UTF-8, UTF-16LE/BE; UTF-32 is refused);
//   4. NUL bytes -> DecodeError, unless every NUL sits at the same parity and
//      the bytes decode cleanly as UTF-16 (BOM-less UTF-16 of mostly ASCII);
//   5. strict UTF-8 validation: valid UTF-8 is UTF-8; so is UTF-8 with a few
//      damaged sequences (many more valid multi-byte sequences than bad ones);
//   6. a web page (looks_like_html) declaring a legacy charset in a <meta>
//      (gb2312, gbk, gb18030, big5 ...) gets it, as in a browser;
//   7. otherwise GB18030 vs Big5: ICU's detector on a sample when it is long
//      enough and sure, else both candidates decode the sample and the one
//      with fewer errors, then more common Han characters, wins (GB18030 on
//      a tie).
// Invalid sequences become U+FFFD with a `decode-replaced` diagnostic per
// affected line (capped); an incomplete sequence at end of input gives
// `truncated-input`. CRLF and lone CR become LF.
#include "decode.hpp"

#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucsdet.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <map>
#include <memory>

#include "html.hpp"
#include "normalise.hpp"
#include "ustr.hpp"

namespace qingdan {
namespace {

// ---------------------------------------------------------------------------
// Output sink: UTF-8 with LF line ends, line counting, error bookkeeping.

constexpr std::size_t kMaxReplacedDiagnostics = 20;

class Sink {
public:
    explicit Sink(std::size_t reserve) { out_.reserve(reserve); }

    // One decoded code point (U+FFFD for a replaced sequence: see replaced()).
    void put(char32_t cp) {
        if (cp == U'\r') {
            out_.push_back('\n');
            ++line_;
            after_cr_ = true;
            return;
        }
        if (cp == U'\n') {
            if (after_cr_) {  // second half of CRLF
                after_cr_ = false;
                return;
            }
            out_.push_back('\n');
            ++line_;
            return;
        }
        after_cr_ = false;
        ustr::append(out_, cp);
    }

    // Already valid UTF-8 bytes (may contain CR).
    void put_utf8(std::string_view s) {
        std::size_t i = 0;
        while (i < s.size()) {
            std::size_t j = i;
            while (j < s.size() && s[j] != '\r' && s[j] != '\n') ++j;
            if (j > i) {
                out_.append(s.data() + i, j - i);
                after_cr_ = false;
            }
            if (j < s.size()) put(static_cast<unsigned char>(s[j]));
            i = j + 1;
        }
    }

    // A replaced (invalid) sequence: U+FFFD, remembered per line.
    void replaced() {
        put(0xFFFD);
        ++replaced_by_line_[line_];
        ++replaced_total_;
    }

    void truncated() {
        put(0xFFFD);
        truncated_ = true;
    }

    int line() const { return line_; }
    std::size_t replaced_total() const { return replaced_total_; }

    DecodedText finish(std::string encoding) {
        DecodedText d;
        d.encoding = std::move(encoding);
        std::size_t shown = 0;
        std::size_t hidden_count = 0, hidden_lines = 0;
        for (const auto& [line, count] : replaced_by_line_) {
            if (shown < kMaxReplacedDiagnostics) {
                d.diagnostics.push_back(
                    {"warning", "decode-replaced", line,
                     count == 1 ? std::string("an invalid ") + d.encoding +
                                      " byte sequence was replaced by U+FFFD"
                                : std::to_string(count) + " invalid " + d.encoding +
                                      " byte sequences were replaced by U+FFFD"});
                ++shown;
            } else {
                hidden_count += count;
                ++hidden_lines;
            }
        }
        if (hidden_lines > 0) {
            d.diagnostics.push_back({"warning", "decode-replaced", 0,
                                     std::to_string(hidden_count) +
                                         " more invalid byte sequences on " +
                                         std::to_string(hidden_lines) +
                                         " further lines were replaced by U+FFFD"});
        }
        if (truncated_) {
            d.diagnostics.push_back({"warning", "truncated-input", line_,
                                     "the input ends inside a multi-byte " + d.encoding +
                                         " sequence (file truncated?); replaced by U+FFFD"});
        }
        d.utf8 = std::move(out_);
        return d;
    }

private:
    std::string out_;
    int line_ = 1;
    bool after_cr_ = false;
    bool truncated_ = false;
    std::map<int, std::size_t> replaced_by_line_;
    std::size_t replaced_total_ = 0;
};

// ---------------------------------------------------------------------------
// UTF-8

struct Utf8Stats {
    std::size_t first_error = std::string_view::npos;  // byte offset, npos if none
    std::size_t errors = 0;     // ill-formed sequences (excluding a truncated tail)
    std::size_t multibyte = 0;  // well-formed sequences of 2..4 bytes
    bool truncated_tail = false;
};

// Tight validation loop: 8 ASCII bytes at a time, then byte-wise.
Utf8Stats scan_utf8(std::string_view s, bool stop_at_first_error) {
    Utf8Stats st;
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const std::size_t n = s.size();
    std::size_t i = 0;
    while (i < n) {
        i += ustr::ascii_prefix(p + i, n - i);
        if (i >= n) break;
        // Most of the text is CJK: three-byte sequences (the text layer's
        // fast path), then the full validator.
        if (ustr::plain3_at(p + i, n - i)) {
            // A run of them without going back through ascii_prefix: this
            // loop is the whole cost of decoding UTF-8 input.
            do {
                ++st.multibyte;
                i += 3;
            } while (i < n && ustr::plain3_at(p + i, n - i));
            continue;
        }
        std::size_t maximal;
        bool truncated;
        std::size_t len = ustr::utf8_sequence(p + i, n - i, &maximal, &truncated);
        if (len != 0) {
            ++st.multibyte;
            i += len;
            continue;
        }
        if (st.first_error == std::string_view::npos) st.first_error = i;
        if (truncated) {
            st.truncated_tail = true;
            break;
        }
        ++st.errors;
        if (stop_at_first_error) break;
        i += maximal;
    }
    return st;
}

// `scanned`: scan_utf8(s, true) when the caller has it already.
DecodedText decode_utf8(std::string_view s, const char* name = "UTF-8", const Utf8Stats* scanned = nullptr) {
    Utf8Stats st = scanned ? *scanned : scan_utf8(s, true);
    if (st.first_error == std::string_view::npos) {
        DecodedText d;
        d.encoding = name;
        if (s.find('\r') == std::string_view::npos) {
            d.utf8.assign(s.data(), s.size());
            return d;
        }
        Sink sink(s.size());
        sink.put_utf8(s);
        return sink.finish(name);
    }
    Sink sink(s.size() + 16);
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const std::size_t n = s.size();
    std::size_t i = 0;
    while (i < n) {
        // Copy the valid run up to the next problem in one go.
        std::size_t j = i;
        while (j < n) {
            if (p[j] < 0x80) {
                ++j;
                continue;
            }
            std::size_t maximal;
            bool truncated;
            std::size_t len = ustr::utf8_sequence(p + j, n - j, &maximal, &truncated);
            if (len == 0) break;
            j += len;
        }
        sink.put_utf8(s.substr(i, j - i));
        if (j >= n) break;
        std::size_t maximal;
        bool truncated;
        ustr::utf8_sequence(p + j, n - j, &maximal, &truncated);
        if (truncated) {
            sink.truncated();
            break;
        }
        sink.replaced();
        i = j + maximal;
    }
    return sink.finish(name);
}

// ---------------------------------------------------------------------------
// ICU converters (UTF-16, GB18030, Big5)

struct ConverterCloser {
    void operator()(UConverter* c) const { ucnv_close(c); }
};
using ConverterPtr = std::unique_ptr<UConverter, ConverterCloser>;

struct CallbackState {
    const UChar* buffer_start = nullptr;
    std::vector<std::size_t> error_offsets;  // into the current target buffer
    bool truncated = false;
};

extern "C" void record_to_u_error(const void* context, UConverterToUnicodeArgs* args,
                                  const char* /*codeUnits*/, int32_t /*length*/,
                                  UConverterCallbackReason reason, UErrorCode* err) {
    if (reason > UCNV_IRREGULAR) return;  // reset, close, clone
    auto* st = static_cast<CallbackState*>(const_cast<void*>(context));
    if (*err == U_TRUNCATED_CHAR_FOUND) {
        // End of input inside a character: the sink writes the U+FFFD.
        st->truncated = true;
        *err = U_ZERO_ERROR;
        return;
    }
    st->error_offsets.push_back(static_cast<std::size_t>(args->target - st->buffer_start));
    *err = U_ZERO_ERROR;
    static const UChar kReplacement = 0xFFFD;
    ucnv_cbToUWriteUChars(args, &kReplacement, 1, 0, err);
}

ConverterPtr open_converter(const char* icu_name, CallbackState* state) {
    UErrorCode err = U_ZERO_ERROR;
    ConverterPtr conv(ucnv_open(icu_name, &err));
    if (U_FAILURE(err) || !conv) {
        throw DecodeError(std::string("cannot open the ICU converter for ") + icu_name + ": " +
                          u_errorName(err));
    }
    err = U_ZERO_ERROR;
    ucnv_setToUCallBack(conv.get(), record_to_u_error, state, nullptr, nullptr, &err);
    return conv;
}

// Streams `bytes` through an ICU converter into the sink. With a sink of
// nullptr only counts errors (used to score candidates on a sample; `flush`
// false so a sequence cut by the sample's end is not an error).
struct IcuResult {
    std::size_t errors = 0;
    bool truncated = false;
    long score = 0;  // plausibility: common Han characters, minus oddities
    std::size_t han = 0;
};

long plausibility(char32_t cp, std::size_t* han) {
    if (cp < 0x80) return 0;
    if (cp >= 0x4E00 && cp <= 0x9FFF) {
        ++*han;
        return script::is_common_han(cp) ? 2 : -1;
    }
    if ((cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFF5E) ||
        (cp >= 0x2010 && cp <= 0x2027) || cp == 0xB7)
        return 0;  // CJK and general punctuation, full-width forms
    if (cp == 0xFFFD) return -4;
    // Kana, Hangul, Greek, Cyrillic, box drawing, PUA, extension A, compatibility
    // ideographs ...: what a wrong legacy decoding typically produces.
    return -2;
}

IcuResult run_icu(std::string_view bytes, const char* icu_name, Sink* sink, bool flush) {
    CallbackState state;
    ConverterPtr conv = open_converter(icu_name, &state);
    IcuResult res;
    constexpr std::size_t kChunk = 1 << 15;
    std::array<UChar, kChunk> buf;
    const char* src = bytes.data();
    const char* src_end = bytes.data() + bytes.size();
    UChar pending_high = 0;
    std::vector<std::size_t> carried;  // replacements left in ICU's overflow buffer
    for (;;) {
        UChar* target = buf.data();
        state.buffer_start = buf.data();
        state.error_offsets = std::move(carried);
        carried.clear();
        UErrorCode err = U_ZERO_ERROR;
        ucnv_toUnicode(conv.get(), &target, buf.data() + buf.size(), &src, src_end, nullptr,
                       flush, &err);
        if (U_FAILURE(err) && err != U_BUFFER_OVERFLOW_ERROR) {
            throw DecodeError(std::string("decoding as ") + icu_name + " failed: " +
                              u_errorName(err));
        }
        const std::size_t produced = static_cast<std::size_t>(target - buf.data());
        std::size_t next_err = 0;
        for (std::size_t off : state.error_offsets) {
            if (off >= produced) carried.push_back(off - produced);
            else ++res.errors;
        }
        for (std::size_t k = 0; k < produced; ++k) {
            UChar u = buf[k];
            bool is_error = next_err < state.error_offsets.size() &&
                            state.error_offsets[next_err] == k;
            if (is_error) ++next_err;
            char32_t cp;
            if (pending_high != 0) {
                if (u >= 0xDC00 && u <= 0xDFFF) {
                    cp = 0x10000 + ((static_cast<char32_t>(pending_high) - 0xD800) << 10) +
                         (u - 0xDC00);
                    pending_high = 0;
                } else {
                    pending_high = 0;
                    cp = 0xFFFD;
                }
            } else if (u >= 0xD800 && u <= 0xDBFF) {
                pending_high = u;
                continue;
            } else {
                cp = u;
            }
            if (sink) {
                if (is_error)
                    sink->replaced();
                else
                    sink->put(cp);
            } else {
                res.score += plausibility(cp, &res.han);
            }
        }
        if (err != U_BUFFER_OVERFLOW_ERROR && src >= src_end) break;
    }
    res.truncated = state.truncated;
    if (sink && state.truncated) sink->truncated();
    return res;
}

DecodedText decode_icu(std::string_view bytes, const char* icu_name, const char* name) {
    Sink sink(bytes.size() + bytes.size() / 2);
    run_icu(bytes, icu_name, &sink, true);
    return sink.finish(name);
}

// ---------------------------------------------------------------------------
// Binary detection

bool starts_with(std::string_view s, std::string_view prefix) {
    return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

const char* binary_magic(std::string_view s) {
    using namespace std::string_view_literals;
    struct Magic {
        std::string_view bytes;
        const char* what;
    };
    static const Magic kMagic[] = {
        {"\x89PNG\r\n\x1a\n"sv, "a PNG image"},
        {"\xFF\xD8\xFF"sv, "a JPEG image"},
        {"GIF87a"sv, "a GIF image"},
        {"GIF89a"sv, "a GIF image"},
        {"%PDF-"sv, "a PDF file (extract its text first, e.g. pdftotext -layout)"},
        {"PK\x03\x04"sv, "a ZIP archive (or an Office document)"},
        {"PK\x05\x06"sv, "an empty ZIP archive"},
        {"\x1F\x8B"sv, "gzip-compressed data"},
        {"\x7F" "ELF"sv, "an ELF executable"},
        {"BZh"sv, nullptr},  // checked below: needs a block-size digit too
        {"\xFD" "7zXZ\x00"sv, "xz-compressed data"},
        {"7z\xBC\xAF\x27\x1C"sv, "a 7-Zip archive"},
        {"Rar!\x1A\x07"sv, "a RAR archive"},
        {"\x28\xB5\x2F\xFD"sv, "zstd-compressed data"},
        {"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"sv, "an OLE2 file (old Word/Excel document)"},
        {"II*\x00"sv, "a TIFF image"},
        {"MM\x00*"sv, "a TIFF image"},
        {"RIFF"sv, nullptr},  // RIFF....WEBP / WAVE / AVI
        {"\xCA\xFE\xBA\xBE"sv, "a Mach-O/Java class file"},
        {"\xCF\xFA\xED\xFE"sv, "a Mach-O executable"},
        {"MZ"sv, nullptr},  // DOS/PE: only with a PE header, see below
    };
    for (const auto& m : kMagic) {
        if (!starts_with(s, m.bytes)) continue;
        if (m.what) return m.what;
        if (m.bytes == "BZh"sv && s.size() > 3 && s[3] >= '1' && s[3] <= '9' && s.size() > 4 &&
            s[4] == '1')
            return "bzip2-compressed data";
        if (m.bytes == "RIFF"sv && s.size() >= 12) return "a RIFF media file";
        if (m.bytes == "MZ"sv && s.size() >= 64 && s.find("PE\0\0"sv) != std::string_view::npos)
            return "a Windows executable";
    }
    return nullptr;
}

// BOM-less UTF-16 of mostly-ASCII text: NULs only at one parity and a clean
// decoding. Returns "UTF-16LE"/"UTF-16BE" or nullptr.
const char* nul_parity_utf16(std::string_view s) {
    if (s.size() % 2 != 0 || s.size() < 4) return nullptr;
    std::size_t even = 0, odd = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\0') ++((i % 2 == 0) ? even : odd);
    }
    // ASCII puts its NUL in the high byte; a few Han characters (U+4E00 一)
    // have a NUL low byte (一 is frequent), so the other parity holds some too.
    const char* name = nullptr;
    if (odd > 0 && even * 4 <= odd) name = "UTF-16LE";  // 'a' 00 'b' 00
    if (even > 0 && odd * 4 <= even) name = "UTF-16BE";  // 00 'a' 00 'b'
    if (!name) return nullptr;
    // Enough ASCII (NUL high byte: line ends, digits) to be text at all.
    if (std::max(even, odd) * 64 < s.size() / 2) return nullptr;
    IcuResult r = run_icu(s, name, nullptr, true);
    if (r.errors != 0 || r.truncated) return nullptr;
    // No control characters other than tab, LF, CR, FF.
    const bool le = name[6] == 'L';
    for (std::size_t i = 0; i + 1 < s.size(); i += 2) {
        unsigned hi = static_cast<unsigned char>(le ? s[i + 1] : s[i]);
        unsigned lo = static_cast<unsigned char>(le ? s[i] : s[i + 1]);
        if (hi == 0 && lo < 0x20 && lo != '\t' && lo != '\n' && lo != '\r' && lo != '\f')
            return nullptr;
    }
    return name;
}

// ---------------------------------------------------------------------------
// GB18030 vs Big5

// A prefix of at most `max` bytes that does not end inside an obvious
// multi-byte character (cut after an ASCII byte when one is near the end).
std::string_view sample_of(std::string_view s, std::size_t max) {
    if (s.size() <= max) return s;
    std::size_t cut = max;
    for (std::size_t k = 0; k < 64 && cut > 0; ++k, --cut) {
        if (static_cast<unsigned char>(s[cut - 1]) < 0x80) break;
    }
    if (cut == 0) cut = max;
    return s.substr(0, cut);
}

struct DetectorGuess {
    int gb18030 = 0;  // confidence 0..100, 0 when not listed
    int big5 = 0;
};

DetectorGuess run_detector(std::string_view sample) {
    DetectorGuess g;
    UErrorCode err = U_ZERO_ERROR;
    UCharsetDetector* det = ucsdet_open(&err);
    if (U_FAILURE(err)) return g;
    ucsdet_setText(det, sample.data(), static_cast<int32_t>(sample.size()), &err);
    int32_t count = 0;
    const UCharsetMatch** matches = ucsdet_detectAll(det, &count, &err);
    if (U_SUCCESS(err)) {
        for (int32_t k = 0; k < count; ++k) {
            UErrorCode e2 = U_ZERO_ERROR;
            const char* name = ucsdet_getName(matches[k], &e2);
            int conf = ucsdet_getConfidence(matches[k], &e2);
            if (U_FAILURE(e2) || !name) continue;
            if (std::strcmp(name, "GB18030") == 0) g.gb18030 = std::max(g.gb18030, conf);
            if (std::strcmp(name, "Big5") == 0) g.big5 = std::max(g.big5, conf);
        }
    }
    ucsdet_close(det);
    return g;
}

constexpr std::size_t kSampleBytes = 256 * 1024;
constexpr std::size_t kDetectorMinBytes = 512;  // the detector is unreliable below

// Chooses between GB18030 and Big5 (UTF-8 already failed).
const char* choose_legacy(std::string_view bytes) {
    std::string_view sample = sample_of(bytes, kSampleBytes);
    const bool whole = sample.size() == bytes.size();
    IcuResult gb = run_icu(sample, "GB18030", nullptr, whole);
    IcuResult b5 = run_icu(sample, "Big5", nullptr, whole);
    gb.errors += gb.truncated ? 1 : 0;
    b5.errors += b5.truncated ? 1 : 0;

    // ICU's Big5 converter maps nearly every byte pair (GBK text decodes as
    // Big5 without a single error, as gibberish), so errors alone do not
    // decide; plausibility does: common Han characters up, rare ones, kana,
    // bopomofo, PUA and U+FFFD down.
    auto too_many_errors = [](const IcuResult& r) { return r.errors * 50 > r.han + 10; };
    if (sample.size() >= kDetectorMinBytes) {
        DetectorGuess g = run_detector(sample);
        constexpr int kSure = 50;
        if (g.gb18030 >= kSure && g.gb18030 > g.big5 + 10 && !too_many_errors(gb)) return "GB18030";
        if (g.big5 >= kSure && g.big5 > g.gb18030 + 10 && !too_many_errors(b5)) return "Big5";
    }
    const long gb_score = gb.score - 8 * static_cast<long>(gb.errors);
    const long b5_score = b5.score - 8 * static_cast<long>(b5.errors);
    return b5_score > gb_score ? "Big5" : "GB18030";
}

std::string_view icu_name_for(std::string_view name) {
    std::string up;
    for (char c : name) {
        if (c == '_') c = '-';
        up.push_back(static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c));
    }
    if (up == "UTF-8" || up == "UTF8") return "UTF-8";
    if (up == "UTF-16LE" || up == "UTF16LE") return "UTF-16LE";
    if (up == "UTF-16BE" || up == "UTF16BE") return "UTF-16BE";
    if (up == "GB18030" || up == "GBK" || up == "GB2312" || up == "CP936" || up == "EUC-CN")
        return "GB18030";
    if (up == "BIG5" || up == "BIG-5" || up == "CP950") return "Big5";
    return {};
}

// The legacy charset an HTML page declares in a <meta> (WHATWG labels of the
// GBK and Big5 families), as an ICU name; nullptr when none is declared.
const char* declared_legacy(std::string_view bytes) {
    if (!looks_like_html(bytes)) return nullptr;
    const std::string label = html_meta_charset(bytes);
    if (label.empty()) return nullptr;
    static const char* const kGb[] = {"gb2312", "gbk", "gb18030", "x-gbk", "chinese", "csgb2312",
                                      "csiso58gb231280", "gb_2312", "gb_2312-80", "iso-ir-58",
                                      "cp936", "windows-936", "euc-cn", "x-euc-cn"};
    static const char* const kBig5[] = {"big5", "big5-hkscs", "cn-big5", "csbig5", "x-x-big5",
                                        "cp950", "windows-950"};
    for (const char* g : kGb)
        if (label == g) return "GB18030";
    for (const char* b : kBig5)
        if (label == b) return "Big5";
    return nullptr;
}

}  // namespace

DecodedText decode_as(std::string_view bytes, std::string_view encoding) {
    std::string_view name = icu_name_for(encoding);
    if (name.empty()) {
        throw DecodeError("unsupported encoding '" + std::string(encoding) +
                          "' (supported: UTF-8, UTF-16LE, UTF-16BE, GB18030, Big5)");
    }
    using namespace std::string_view_literals;
    if (name == "UTF-8"sv) {
        if (starts_with(bytes, "\xEF\xBB\xBF"sv)) bytes.remove_prefix(3);
        return decode_utf8(bytes);
    }
    if (name == "UTF-16LE"sv && starts_with(bytes, "\xFF\xFE"sv)) bytes.remove_prefix(2);
    if (name == "UTF-16BE"sv && starts_with(bytes, "\xFE\xFF"sv)) bytes.remove_prefix(2);
    std::string n(name);
    return decode_icu(bytes, n.c_str(), n.c_str());
}

DecodedText decode(std::string_view bytes) {
    using namespace std::string_view_literals;
    if (bytes.empty()) {
        DecodedText d;
        d.encoding = "UTF-8";
        return d;
    }
    if (const char* what = binary_magic(bytes)) {
        throw DecodeError(std::string("binary input: this looks like ") + what +
                          ", not a text document");
    }
    // Byte-order marks (UTF-32 first: its LE mark starts like UTF-16LE's).
    if (starts_with(bytes, "\xFF\xFE\x00\x00"sv) || starts_with(bytes, "\x00\x00\xFE\xFF"sv)) {
        throw DecodeError("UTF-32 input is not supported; convert it to UTF-8 first");
    }
    if (starts_with(bytes, "\xEF\xBB\xBF"sv)) return decode_utf8(bytes.substr(3));
    if (starts_with(bytes, "\xFF\xFE"sv)) return decode_icu(bytes.substr(2), "UTF-16LE", "UTF-16LE");
    if (starts_with(bytes, "\xFE\xFF"sv)) return decode_icu(bytes.substr(2), "UTF-16BE", "UTF-16BE");

    if (std::memchr(bytes.data(), '\0', bytes.size()) != nullptr) {
        if (const char* utf16 = nul_parity_utf16(bytes)) return decode_icu(bytes, utf16, utf16);
        const void* nul = std::memchr(bytes.data(), '\0', bytes.size());
        auto offset = static_cast<const char*>(nul) - bytes.data();
        throw DecodeError("binary input: NUL byte at offset " + std::to_string(offset) +
                          " (text files other than UTF-16 with a BOM contain none)");
    }

    Utf8Stats st = scan_utf8(bytes, true);
    if (st.first_error == std::string_view::npos || st.truncated_tail) {
        // Valid UTF-8, or valid up to a sequence cut off by the end of input.
        return decode_utf8(bytes, "UTF-8", &st);
    }
    // Damaged UTF-8 or a legacy encoding: count the damage in a window
    // around the first error (a whole-file count would cost as much as
    // decoding it).
    {
        constexpr std::size_t kWindow = 128 * 1024;
        std::size_t from = st.first_error > kWindow ? st.first_error - kWindow : 0;
        // Start the window on a character boundary (not on a continuation byte).
        while (from > 0 && from < st.first_error &&
               ustr::is_trail(static_cast<unsigned char>(bytes[from])))
            ++from;
        std::string_view window = bytes.substr(from, 2 * kWindow);
        st = scan_utf8(window, false);
    }
    if (st.multibyte >= 8 * st.errors) return decode_utf8(bytes);

    // Not UTF-8: a web page's own <meta charset> wins over guessing.
    if (const char* declared = declared_legacy(bytes)) return decode_icu(bytes, declared, declared);

    const char* legacy = choose_legacy(bytes);
    // Pure ASCII with a stray byte or two: UTF-8 replacement beats a legacy guess
    // that has errors too.
    if (st.multibyte == 0 && st.errors <= 2) {
        std::string_view sample = sample_of(bytes, kSampleBytes);
        IcuResult r = run_icu(sample, legacy, nullptr, sample.size() == bytes.size());
        if (r.errors > 0 || r.truncated) return decode_utf8(bytes);
    }
    return decode_icu(bytes, legacy, legacy);
}

}  // namespace qingdan
