// xlsxkit/verify.cc: a complete workbook passes however long its rows are (the last row of a
// sheet is found from the end of each decompressed piece, also when it is longer than a piece).
#include "xlsxkit/verify.h"

#include <gtest/gtest.h>
#include <unistd.h>
#include <zip.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "test_support.h"
#include "xlsxkit/workbook.h"

namespace eduplan::xlsxkit {
namespace {

// A path in a new directory of the test's own (once per test: the directory starts empty).
std::string temporary_workbook(const char* name) {
  return (eduplan::testing::fresh_test_directory("eduplan-verify") / name).string();
}

TEST(VerifyWorkbook, RowsLongerThanAReadPieceAreFollowed) {
  const std::string path = temporary_workbook("long-rows.xlsx");
  {
    Workbook wb(path.c_str(), kExcelRows, std::filesystem::temp_directory_path().string(),
                PrintInfo{"T", "27.11.2026"});
    lxw_worksheet* ws = wb.add_sheet("Lang");
    // Rows of 6,000 cells with text: well over the 256 KiB read per piece once decompressed.
    for (std::uint32_t r = 0; r < 5; ++r) {
      for (std::uint16_t c = 0; c < 6000; ++c)
        wb.text(ws, r, c, "Stadtbibliothek und Stadtarchiv " + std::to_string(c));
    }
    lxw_worksheet* small = wb.add_sheet("Kurz");
    wb.text(small, 0, 0, "eine Zeile");
    wb.close();
  }
  EXPECT_NO_THROW(verify_workbook(path));
  std::filesystem::remove_all(std::filesystem::path(path).parent_path());
}

// Rewrites one part of the archive as `edit` makes it of its text (with a checksum that fits the
// new text, as minizip computes it from a damaged temporary file).
template <class Edit>
void rewrite_part(const std::string& path, const char* part, Edit edit) {
  int error = 0;
  zip_t* z = zip_open(path.c_str(), 0, &error);
  ASSERT_NE(z, nullptr);
  const zip_int64_t index = zip_name_locate(z, part, 0);
  ASSERT_GE(index, 0) << part;
  zip_file_t* f = zip_fopen_index(z, static_cast<zip_uint64_t>(index), 0);
  ASSERT_NE(f, nullptr);
  zip_stat_t st;
  ASSERT_EQ(zip_stat_index(z, static_cast<zip_uint64_t>(index), 0, &st), 0);
  static std::string text;  // libzip reads the replacement when the archive is closed
  text.assign(st.size, '\0');
  ASSERT_EQ(zip_fread(f, text.data(), st.size), static_cast<zip_int64_t>(st.size));
  zip_fclose(f);
  text = edit(text);
  zip_source_t* src = zip_source_buffer(z, text.data(), text.size(), 0);
  ASSERT_NE(src, nullptr);
  ASSERT_EQ(zip_file_replace(z, static_cast<zip_uint64_t>(index), src, 0), 0);
  ASSERT_EQ(zip_close(z), 0);
}

// A temporary file that failed after its first buffers were written: its first `keep` bytes.
void cut_part(const std::string& path, const char* part, std::size_t keep) {
  rewrite_part(path, part, [keep](const std::string& t) { return t.substr(0, keep); });
}

std::string small_workbook(const char* name) {
  const std::string path = temporary_workbook(name);
  Workbook wb(path.c_str(), kExcelRows, std::filesystem::temp_directory_path().string(),
              PrintInfo{"T", "27.11.2026"});
  lxw_worksheet* ws = wb.add_sheet("Blatt");
  for (std::uint32_t r = 0; r < 200; ++r) wb.text(ws, r, 0, "Zeile " + std::to_string(r));
  wb.close();
  return path;
}

// Every part cut after 4 KiB (a full stdio buffer written, the rest lost) is found: the
// sheets by their last row, the other XML parts by their end tag.
TEST(VerifyWorkbook, PartsCutAfterTheirFirstBufferAreFound) {
  const std::string good = small_workbook("good.xlsx");
  ASSERT_NO_THROW(verify_workbook(good));
  for (const char* part : {"xl/theme/theme1.xml", "xl/worksheets/sheet1.xml"}) {
    const std::string path = (std::filesystem::path(good).parent_path() / "cut.xlsx").string();
    std::filesystem::copy_file(good, path, std::filesystem::copy_options::overwrite_existing);
    cut_part(path, part, 4096);
    try {
      verify_workbook(path);
      ADD_FAILURE() << part << " cut after 4096 bytes passed";
    } catch (const Failure& e) {
      EXPECT_NE(std::string(e.what()).find(std::string(part) + " endet mitten im Text"),
                std::string::npos)
          << e.what();
    }
  }
  std::filesystem::remove_all(std::filesystem::path(good).parent_path());
}

// A piece lost from the start of a part (a full tmpdir when its first buffer was flushed, room
// again later): the part begins mid-text; a sheet that keeps its declaration lacks <dimension>.
TEST(VerifyWorkbook, PartsThatLostTheirFirstBufferAreFound) {
  const std::string good = small_workbook("good.xlsx");
  const auto expect_broken = [](const std::string& path, const std::string& says) {
    try {
      verify_workbook(path);
      ADD_FAILURE() << "passed; expected: " << says;
    } catch (const Failure& e) {
      EXPECT_NE(std::string(e.what()).find(says), std::string::npos) << e.what();
    }
  };
  const std::string path = (std::filesystem::path(good).parent_path() / "cut.xlsx").string();
  for (const char* part : {"xl/theme/theme1.xml", "xl/worksheets/sheet1.xml", "xl/styles.xml"}) {
    std::filesystem::copy_file(good, path, std::filesystem::copy_options::overwrite_existing);
    rewrite_part(path, part, [](const std::string& t) {
      return t.substr(std::min<std::size_t>(t.size() / 2, 4096));
    });
    expect_broken(path, std::string(part) + " beginnt mitten im Text");
  }
  std::filesystem::copy_file(good, path, std::filesystem::copy_options::overwrite_existing);
  rewrite_part(path, "xl/worksheets/sheet1.xml", [](const std::string& t) {
    const auto declaration = t.find("?>") + 2;
    return t.substr(0, declaration) + t.substr(4096);
  });
  expect_broken(path, "xl/worksheets/sheet1.xml ohne <dimension>");
  std::filesystem::remove_all(std::filesystem::path(good).parent_path());
}

// The parts are inflated here, without a second CRC: compressed data that is damaged or cut
// short in the file is still found, by the inflation itself or by the part's size.
TEST(VerifyWorkbook, DamagedCompressedDataIsFound) {
  const std::string good = small_workbook("good.xlsx");
  std::string bytes;
  {
    std::ifstream in(good, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), {});
  }
  // The sheet's local header: signature, 26 bytes, its name, its extra field, then the data.
  const std::string name = "xl/worksheets/sheet1.xml";
  std::size_t header = std::string::npos;
  for (std::size_t p = bytes.find("PK\x03\x04"); p != std::string::npos;
       p = bytes.find("PK\x03\x04", p + 4)) {
    if (bytes.compare(p + 30, name.size(), name) == 0) header = p;
  }
  ASSERT_NE(header, std::string::npos);
  const auto u16 = [&](std::size_t p) {
    return static_cast<std::size_t>(static_cast<unsigned char>(bytes[p])) |
           static_cast<std::size_t>(static_cast<unsigned char>(bytes[p + 1])) << 8;
  };
  const std::size_t data = header + 30 + u16(header + 26) + u16(header + 28);
  const std::string path = (std::filesystem::path(good).parent_path() / "damaged.xlsx").string();
  for (const std::size_t from : {data + 40, data + 200}) {
    std::string damaged = bytes;
    for (std::size_t i = from; i < from + 24; ++i) damaged[i] = '\xFF';
    {
      std::ofstream out(path, std::ios::binary | std::ios::trunc);
      out << damaged;
    }
    EXPECT_THROW(verify_workbook(path), Failure) << "damaged from byte " << from - data;
  }
  std::filesystem::remove_all(std::filesystem::path(good).parent_path());
}

// A sheet of exactly `size` bytes: `text` with a comment of letters before its end tag.
std::string sheet_of_size(const std::string& text, std::size_t size) {
  const std::size_t end = text.rfind("</worksheet>");
  std::string filler = "<!--";
  std::uint32_t seed = static_cast<std::uint32_t>(size);
  while (text.size() + filler.size() + 3 < size) {
    seed = seed * 1103515245u + 12345u;
    filler += static_cast<char>('a' + (seed >> 16) % 26);
  }
  filler += "-->";
  return text.substr(0, end) + filler + text.substr(end);
}

// The parts are read in pieces of 256 KiB; parts of every size around one and two pieces pass
// (the last piece may leave the inflater after all its input is read).
TEST(VerifyWorkbook, PartsOfEverySizeAroundAReadPiecePass) {
  const std::string good = small_workbook("good.xlsx");
  const std::string path = (std::filesystem::path(good).parent_path() / "sized.xlsx").string();
  for (const std::size_t piece : {std::size_t{1} << 18, std::size_t{2} << 18}) {
    for (std::size_t size = piece - 8; size <= piece + 8; ++size) {
      std::filesystem::copy_file(good, path, std::filesystem::copy_options::overwrite_existing);
      rewrite_part(path, "xl/worksheets/sheet1.xml",
                   [size](const std::string& t) { return sheet_of_size(t, size); });
      EXPECT_NO_THROW(verify_workbook(path)) << "a sheet of " << size << " bytes";
    }
  }
  std::filesystem::remove_all(std::filesystem::path(good).parent_path());
}

// A member as it is stored: its compressed bytes, checksum and size.
struct RawMember {
  std::string name, data;
  std::uint32_t crc;
  std::uint64_t size;
};

std::vector<RawMember> raw_members(const std::string& path) {
  int error = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_RDONLY, &error);
  EXPECT_NE(z, nullptr);
  std::vector<RawMember> out;
  for (zip_int64_t i = 0; z && i < zip_get_num_entries(z, 0); ++i) {
    zip_stat_t st;
    EXPECT_EQ(zip_stat_index(z, static_cast<zip_uint64_t>(i), 0, &st), 0);
    EXPECT_EQ(st.comp_method, ZIP_CM_DEFLATE) << st.name;
    zip_file_t* f = zip_fopen_index(z, static_cast<zip_uint64_t>(i), ZIP_FL_COMPRESSED);
    std::string data(st.comp_size, '\0');
    EXPECT_EQ(zip_fread(f, data.data(), data.size()), static_cast<zip_int64_t>(data.size()));
    zip_fclose(f);
    out.push_back({st.name, std::move(data), st.crc, st.size});
  }
  if (z) zip_discard(z);
  return out;
}

// A zip archive written byte by byte (deflated members, no zip64), so that a member's compressed
// data can be cut while every size in the archive agrees with it.
void write_zip(const std::string& path, const std::vector<RawMember>& members) {
  std::string out, central;
  const auto u16 = [](std::string& s, std::uint64_t v) {
    for (int i = 0; i < 2; ++i) s += static_cast<char>(v >> (8 * i) & 0xFF);
  };
  const auto u32 = [](std::string& s, std::uint64_t v) {
    for (int i = 0; i < 4; ++i) s += static_cast<char>(v >> (8 * i) & 0xFF);
  };
  for (const auto& m : members) {
    const std::size_t offset = out.size();
    u32(out, 0x04034b50);  // local header
    for (const unsigned v : {20u, 0u, 8u, 0u, 0x21u})
      u16(out, v);  // version, flags, deflate, time, date
    u32(out, m.crc);
    u32(out, m.data.size());
    u32(out, m.size);
    u16(out, m.name.size());
    u16(out, 0);
    out += m.name + m.data;
    u32(central, 0x02014b50);  // central directory header
    for (const unsigned v : {20u, 20u, 0u, 8u, 0u, 0x21u}) u16(central, v);
    u32(central, m.crc);
    u32(central, m.data.size());
    u32(central, m.size);
    u16(central, m.name.size());
    for (int i = 0; i < 4; ++i) u16(central, 0);  // extra, comment, disk, internal attributes
    u32(central, 0);                              // external attributes
    u32(central, offset);
    central += m.name;
  }
  const std::size_t central_offset = out.size();
  out += central;
  u32(out, 0x06054b50);  // end of central directory
  u16(out, 0);
  u16(out, 0);
  u16(out, members.size());
  u16(out, members.size());
  u32(out, central.size());
  u32(out, central_offset);
  u16(out, 0);
  std::ofstream(path, std::ios::binary | std::ios::trunc) << out;
}

// Compressed data that stops before its end while the archive's sizes agree with it (a part
// written short by the zip writer) is found by the inflation running out of input.
TEST(VerifyWorkbook, CompressedDataThatStopsEarlyIsFound) {
  const std::string good = small_workbook("good.xlsx");
  const std::string path = (std::filesystem::path(good).parent_path() / "short.xlsx").string();
  auto members = raw_members(good);
  write_zip(path, members);
  ASSERT_NO_THROW(verify_workbook(path)) << "the archive written by hand";
  const std::string sheet = "xl/worksheets/sheet1.xml";
  for (auto& m : members) {
    if (m.name == sheet) m.data.resize(m.data.size() / 2);
  }
  write_zip(path, members);
  try {
    verify_workbook(path);
    ADD_FAILURE() << "a sheet with half its compressed data passed";
  } catch (const Failure& e) {
    EXPECT_NE(std::string(e.what()).find(sheet + " endet mitten im Text"), std::string::npos)
        << e.what();
  }
  std::filesystem::remove_all(std::filesystem::path(good).parent_path());
}

TEST(VerifyWorkbook, NotAnArchiveIsReported) {
  const std::string path = temporary_workbook("empty.xlsx");
  {
    std::FILE* f = std::fopen(path.c_str(), "w");
    ASSERT_NE(f, nullptr);
    std::fclose(f);
  }
  try {
    verify_workbook(path);
    FAIL() << "an empty file passed";
  } catch (const Failure& e) {
    EXPECT_NE(std::string(e.what()).find("unvollständig"), std::string::npos) << e.what();
  }
  std::filesystem::remove_all(std::filesystem::path(path).parent_path());
}

}  // namespace
}  // namespace eduplan::xlsxkit
