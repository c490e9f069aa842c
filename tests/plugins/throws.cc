// C++ exporters that throw: one through the SDK helper (caught there), one whose raw run
// function lets the exception escape (caught by the host as a last resort).
#include <cstdio>
#include <eduplan/exporter_sdk.hpp>

namespace {

void throw_after_writing(const eduplan::sdk::Request& request) {
  eduplan::sdk::OutputFile out(request.output_path());
  out.write("partial");
  throw std::runtime_error("Absicht: Ausnahme im Exporter");
}

#ifdef TEST_RAW
eduplan_status raw_run(const eduplan_export_request* request) {
  std::FILE* f = std::fopen(request->output_path, "wb");
  if (f) std::fclose(f);
  throw 42;
}
const eduplan_exporter kExporter =
    eduplan::sdk::describe("raw-throws", "0.0.1", "throws raw", "txt", nullptr, 0, raw_run);
#else
const eduplan_exporter kExporter = eduplan::sdk::describe(
    "throws", "0.0.1", "throws", "txt", nullptr, 0, eduplan::sdk::run<throw_after_writing>);
#endif

}  // namespace

extern "C" EDUPLAN_EXPORTER_ENTRY { return &kExporter; }
