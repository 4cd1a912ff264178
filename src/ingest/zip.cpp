// libzip over a memory buffer, with the zip-bomb limits of zip.hpp.
#include "zip.hpp"

#include <zip.h>

#include "extracted.hpp"

namespace qingdan {

struct ZipArchive::Impl {
    zip_t* zip = nullptr;
    std::size_t total = 0;  // bytes inflated so far, all members
};

ZipArchive::ZipArchive(std::string_view bytes) : impl_(std::make_unique<Impl>()) {
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
    if (src) impl_->zip = zip_open_from_source(src, ZIP_RDONLY, &err);
    if (!impl_->zip) {
        std::string why = zip_error_strerror(&err);
        if (src) zip_source_free(src);
        zip_error_fini(&err);
        throw InputError("corrupt-input", "not a readable zip archive (" + why + ")");
    }
    zip_error_fini(&err);
}

ZipArchive::~ZipArchive() {
    if (impl_->zip) zip_discard(impl_->zip);
}

bool ZipArchive::has(const std::string& name) const {
    return zip_name_locate(impl_->zip, name.c_str(), 0) >= 0;
}

std::vector<std::string> ZipArchive::names() const {
    std::vector<std::string> out;
    zip_int64_t n = zip_get_num_entries(impl_->zip, 0);
    for (zip_int64_t i = 0; i < n; ++i)
        if (const char* s = zip_get_name(impl_->zip, static_cast<zip_uint64_t>(i), 0)) out.emplace_back(s);
    return out;
}

std::optional<std::string> ZipArchive::read(const std::string& name) {
    zip_int64_t idx = zip_name_locate(impl_->zip, name.c_str(), 0);
    if (idx < 0) return std::nullopt;
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(impl_->zip, static_cast<zip_uint64_t>(idx), 0, &st) != 0)
        throw InputError("corrupt-input", name + ": unreadable zip entry");
    // The declared sizes may lie: the limits are checked on the bytes actually
    // inflated, chunk by chunk, so a bomb stops after at most one chunk more.
    std::size_t comp = (st.valid & ZIP_STAT_COMP_SIZE) ? static_cast<std::size_t>(st.comp_size) : 0;
    std::size_t ratio_cap = std::max<std::size_t>(comp * kMaxRatio, 1u << 20);
    zip_file_t* f = zip_fopen_index(impl_->zip, static_cast<zip_uint64_t>(idx), 0);
    if (!f) throw InputError("corrupt-input", name + ": " + zip_strerror(impl_->zip));
    std::string out;
    char buf[1 << 16];
    for (;;) {
        zip_int64_t n = zip_fread(f, buf, sizeof buf);
        if (n < 0) {
            zip_fclose(f);
            throw InputError("corrupt-input", name + ": corrupt zip entry (truncated or damaged file)");
        }
        if (n == 0) break;
        out.append(buf, static_cast<std::size_t>(n));
        impl_->total += static_cast<std::size_t>(n);
        if (out.size() > kMaxMember || out.size() > ratio_cap || impl_->total > kMaxTotal) {
            zip_fclose(f);
            throw InputError("input-too-large", name + ": inflates beyond the limits for one document (" +
                                                    std::to_string(out.size()) + " bytes read from " +
                                                    std::to_string(comp) + " compressed; a zip bomb?)");
        }
    }
    zip_fclose(f);
    return out;
}

}  // namespace qingdan
