#include "ooxml.hpp"

#include "extracted.hpp"

namespace qingdan::ooxml {

pugi::xml_document parse(ZipArchive& zip, const std::string& member, bool required) {
    pugi::xml_document doc;
    auto bytes = zip.read(member);
    if (!bytes) {
        if (required) throw InputError("corrupt-input", member + " is missing from the archive");
        return doc;
    }
    // No parse_doctype: a DOCTYPE is skipped, its entities never declared,
    // so external or recursive entities cannot be expanded.
    unsigned opts = pugi::parse_default & ~pugi::parse_doctype;
    auto r = doc.load_buffer(bytes->data(), bytes->size(), opts, pugi::encoding_utf8);
    if (!r) throw InputError("corrupt-input", member + ": not well-formed XML (" + r.description() + ")");
    return doc;
}

std::string_view local(const pugi::xml_node& n) {
    std::string_view s = n.name();
    auto p = s.find(':');
    return p == std::string_view::npos ? s : s.substr(p + 1);
}

pugi::xml_node child(const pugi::xml_node& n, std::string_view name) {
    for (auto c : n.children())
        if (c.type() == pugi::node_element && local(c) == name) return c;
    return {};
}

std::string_view attr(const pugi::xml_node& n, std::string_view name) {
    for (auto a : n.attributes()) {
        std::string_view s = a.name();
        auto p = s.find(':');
        if ((p == std::string_view::npos ? s : s.substr(p + 1)) == name) return a.value();
    }
    return {};
}

std::string_view val(const pugi::xml_node& n, std::string_view name) { return attr(child(n, name), "val"); }

}  // namespace qingdan::ooxml
