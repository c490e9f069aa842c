// Running Graphviz on a DOT file: without a shell, with a time limit, its messages captured.
#pragma once

#include <string>
#include <string_view>

namespace eduplan::dot_exporter {

struct RenderJob {
  std::string format;     // "svg", "png"
  std::string_view text;  // the DOT text
  std::string output;     // the image to write
  int timeout_seconds = 60;
  std::string graph_size;  // "1200 Knoten, 3400 Kanten", for the messages
};

// Runs `dot -T<format> -o <output>` on the text, which it reads from an anonymous file (none is
// left in the target directory, whatever happens). Throws sdk::Failure, saying what to do, if dot
// is missing, fails (with its first message), dies of a signal, or runs longer than the limit (it
// is then killed). Graphviz's warnings on success are dropped: a plugin has no way to show them.
void render_with_dot(const RenderJob& job);

}  // namespace eduplan::dot_exporter
