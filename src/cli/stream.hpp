// The compile formats cut into a head, one piece per document and a tail, so
// `compile` writes each document as soon as it is ready (issue 14). The
// pieces joined are byte-identical to render(docs, format) on the whole run
// (tests/test_batch.cpp checks every format on the corpus).
#pragma once

#include <string>

#include "emit.hpp"
#include "qingdan/model.hpp"

namespace qingdan::cli {

class StreamFormat {
public:
    StreamFormat(std::string format, EmitOptions opts);
    std::string head() const;
    // One document's piece (the document is lent to the emitter, given back unchanged).
    std::string piece(Document& doc) const;
    std::string separator(bool first) const;
    std::string tail(bool empty) const;

private:
    std::string format_;
    EmitOptions opts_;
};

}  // namespace qingdan::cli
