// qingdan: Chinese policy documents -> canonical task lists and checklists.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <exception>
#include <filesystem>
#include <iostream>

#include <CLI/CLI.hpp>

#include "commands.hpp"
#include "common.hpp"
#include "io.hpp"

#include <unistd.h>

namespace qingdan::cli {
int& exit_code() {
    static int code = kOk;
    return code;
}
}  // namespace qingdan::cli

namespace {

// Output written through std::cout (lists, reports) is checked here: a flush
// and a close of standard output that fail (`> /dev/full`, an NFS quota) are
// errors, not exit 0. EPIPE stays quiet, like head's writer.
int finish_stdout(int rc) {
    using namespace qingdan::cli;
    errno = 0;
    std::cout.flush();
    bool bad = std::cout.fail();
    int err = errno;
    if (!bad && std::fflush(stdout) != 0) bad = true, err = errno;
    if (!bad && ::close(1) != 0 && errno != EBADF) bad = true, err = errno;
    if (!bad) return rc;
    if (err == EPIPE) return kInput;
    std::cerr << "qingdan: error: standard output: write error" << (err ? std::string(": ") + std::strerror(err) : "")
              << "\n";
    return kInput;
}

}  // namespace

int main(int argc, char** argv) {
    using namespace qingdan::cli;
    CLI::App app{"qingdan — turn Chinese policy documents into checklists", "qingdan"};
    app.set_version_flag("--version", std::string("qingdan ") + QINGDAN_VERSION_STRING);
    app.require_subcommand(1);
    app.fallthrough();  // global options may follow the subcommand
    app.add_option("--diagnostics", globals().diagnostics, "Diagnostics format on stderr")
        ->check(CLI::IsMember({"text", "json"}));
    app.add_flag("-q,--quiet", globals().quiet, "Hide info-level diagnostics");
    register_compile(app);
    register_validate(app);
    register_text(app);
    register_grammars(app);
    register_checklist(app);
    register_units(app);
    register_diff(app);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int rc = app.exit(e);
        return rc == 0 ? kOk : kUsage;
    } catch (const std::invalid_argument& e) {  // a bad option value found late
        std::cerr << "qingdan: error: " << e.what() << "\n";
        return kUsage;
    } catch (const qingdan::BrokenPipe&) {  // the reader went away (`| head`): quiet, like head's writer
        return kInput;
    } catch (const qingdan::OutputError& e) {  // output side: the path and the OS reason
        std::cerr << "qingdan: error: " << e.what() << "\n";
        return kInput;
    } catch (const std::filesystem::filesystem_error& e) {  // a directory that cannot be made or listed
        std::cerr << "qingdan: error: " << e.what() << "\n";
        return kInput;
    } catch (const std::exception& e) {
        std::cerr << "qingdan: error: " << e.what() << "\n";
        return kInternal;
    }
    return finish_stdout(exit_code());
}
