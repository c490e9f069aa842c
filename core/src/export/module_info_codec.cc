#include "export/module_info_codec.h"

#include <cstdint>
#include <cstring>
#include <stdexcept>

namespace eduplan {
namespace {

class Writer {
 public:
  void number(std::uint64_t v) { out_.append(reinterpret_cast<const char*>(&v), sizeof v); }
  void text(const std::string& s) {
    number(s.size());
    out_ += s;
  }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

class Reader {
 public:
  explicit Reader(const std::string& in) : in_(in) {}
  std::uint64_t number() {
    std::uint64_t v = 0;
    need(sizeof v);
    std::memcpy(&v, in_.data() + at_, sizeof v);
    at_ += sizeof v;
    return v;
  }
  std::string text() {
    const std::uint64_t size = number();
    need(size);
    std::string s = in_.substr(at_, size);
    at_ += size;
    return s;
  }
  bool done() const { return at_ == in_.size(); }

 private:
  void need(std::uint64_t n) const {
    if (n > in_.size() - at_) throw std::runtime_error("truncated exporter description");
  }
  const std::string& in_;
  std::size_t at_ = 0;
};

}  // namespace

std::string encode(const ExporterInfo& info) {
  Writer w;
  w.text(info.id);
  w.text(info.version);
  w.text(info.description);
  w.text(info.file_extension);
  w.text(info.path.string());
  w.number(info.writes_index);
  w.number(info.streams);
  w.number(info.options.size());
  for (const auto& o : info.options) {
    w.text(o.name);
    w.number(static_cast<std::uint64_t>(o.type));
    w.text(o.default_value);
    w.number(o.allowed.size());
    for (const auto& a : o.allowed) w.text(a);
    w.number(o.min.has_value());
    w.number(static_cast<std::uint64_t>(o.min.value_or(0)));
    w.number(o.max.has_value());
    w.number(static_cast<std::uint64_t>(o.max.value_or(0)));
    w.text(o.help);
  }
  return w.take();
}

ExporterInfo decode_exporter_info(const std::string& bytes) {
  Reader r(bytes);
  ExporterInfo info;
  info.id = r.text();
  info.version = r.text();
  info.description = r.text();
  info.file_extension = r.text();
  info.path = r.text();
  info.writes_index = r.number() != 0;
  info.streams = r.number() != 0;
  const std::uint64_t count = r.number();
  for (std::uint64_t i = 0; i < count; ++i) {
    ExporterOption o;
    o.name = r.text();
    const std::uint64_t type = r.number();
    if (type > static_cast<std::uint64_t>(OptionType::enumeration))
      throw std::runtime_error("bad option type");
    o.type = static_cast<OptionType>(type);
    o.default_value = r.text();
    const std::uint64_t allowed = r.number();
    for (std::uint64_t a = 0; a < allowed; ++a) o.allowed.push_back(r.text());
    const bool has_min = r.number() != 0;
    const auto min = static_cast<std::int64_t>(r.number());
    const bool has_max = r.number() != 0;
    const auto max = static_cast<std::int64_t>(r.number());
    if (has_min) o.min = min;
    if (has_max) o.max = max;
    o.help = r.text();
    info.options.push_back(std::move(o));
  }
  if (!r.done()) throw std::runtime_error("trailing bytes in exporter description");
  return info;
}

}  // namespace eduplan
