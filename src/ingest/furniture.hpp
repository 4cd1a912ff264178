// Page furniture (private to the ingest stage): the lines normalise() drops
// because the page, not the document, printed them. See docs/normalisation.md.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace qingdan::furniture {

// `— 12 —`, `- 12 -`, `第 3 页`, `3/12`, ...
bool is_page_number(std::string_view line);
// Web navigation: breadcrumbs, 首页 > …, 上一篇/下一篇, 打印 关闭 ...
bool is_nav_line(std::string_view line);
// Web footers: 京ICP备…, 版权所有…, 主办单位…, 联系我们 ...
bool is_footer_line(std::string_view line);
// Removes 字号：大 中 小 / 分享到： widgets from a line; true when it did.
bool strip_inline_furniture(std::string& line);
// 相关链接 / 友情链接: the list of links that follows is furniture too.
bool is_related_links(std::string_view line);
// The column-header words a table's header row is made of, as views into
// `text` (blanks between them skipped, longest word first); empty when
// `text` holds anything else or fewer than `min_words` such words.
std::vector<std::string_view> table_header_words(std::string_view text, std::size_t min_words = 2);
// The kept table-header line: its header words separated by one space, or
// by tabs when the raw line separated its cells by tabs.
std::string render_table_header(std::string_view raw);

// Two header rows in a row (a name spanning sub-columns above them:
// 责任单位 over 牵头单位 | 配合单位, 序号 merged down beside them), as one:
// per column the lower row's name where it has one, else the upper's.
// Both rows tabbed, as render_table_header gives them.
std::string merge_header_rows(std::string_view upper, std::string_view lower);

}  // namespace qingdan::furniture
