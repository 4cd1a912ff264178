// Helpers for the Office Open XML readers (DOCX, XLSX): parsing a zip member
// with pugixml, element names without their namespace prefix.
//
// pugixml does not read DTDs: external entities (XXE) are never resolved and
// entity expansion (billion laughs) never happens. Keep parse options without
// parse_doctype so it stays that way.
#pragma once

#include <string>
#include <string_view>

#include <pugixml.hpp>

#include "zip.hpp"

namespace qingdan::ooxml {

// The member parsed; an empty document when the member is absent. Throws
// InputError (`corrupt-input`) when it is not well-formed XML.
pugi::xml_document parse(ZipArchive& zip, const std::string& member, bool required);

// The element name without its prefix: "w:p" -> "p".
std::string_view local(const pugi::xml_node& n);

// First child element with that local name (any prefix), or an empty node.
pugi::xml_node child(const pugi::xml_node& n, std::string_view name);

// The attribute with that local name (w:val, r:id ...), or "".
std::string_view attr(const pugi::xml_node& n, std::string_view name);

// attr(child(n, name), "val"): the common <w:x w:val="..."/> shape.
std::string_view val(const pugi::xml_node& n, std::string_view name);

}  // namespace qingdan::ooxml
