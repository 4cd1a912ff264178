// Markdown pipe-table rows as tab-separated rows (private header; a step of
// normalise(), see docs/normalisation.md).
#pragma once

#include <string>
#include <string_view>

namespace qingdan {

// `| 1 | 推进… | 市场监管总局 | 2022年底前 |` -> "1\t推进…\t市场监管总局\t2022年底前".
// True when `line` is a pipe row (starts and ends with `|` or `｜`, two or
// more cells); `out` then holds its cells, trimmed, joined by tabs, or is
// empty for the `|---|:---:|` separator row. False (out untouched) for any
// other line, so `文件号|…|` metadata bars are left alone.
bool pipe_row_to_tabs(std::string_view line, std::string& out);

}  // namespace qingdan
