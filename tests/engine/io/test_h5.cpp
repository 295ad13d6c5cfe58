#include "engine/io/h5.hpp"

#include "engine/core/error.hpp"
#include "tests/support/temp_dir.hpp"

#include <catch2/catch.hpp>

#include <array>
#include <cstdint>
#include <fstream>

namespace missionsim {

TEST_CASE("check passes results through and turns negative ones into IoError with HDF5's message") {
  CHECK(h5::check(hid_t{7}, "anything") == 7);
  CHECK(h5::check(herr_t{0}, "anything") == 0);

  test::TempDir dir;
  const auto file = h5::create_file(dir / "a.h5");
  try {
    static_cast<void>(h5::open_dataset(file, "nope"));
    FAIL("opening a missing dataset should throw");
  } catch (const IoError& e) {
    const std::string what = e.what();
    CHECK_THAT(what, Catch::Contains("opening dataset nope"));
    // The HDF5 error stack's own words come after the operation.
    CHECK(what.size() > std::string("HDF5: opening dataset nope failed: ").size());
    CHECK_THAT(what, !Catch::Contains("no detail on the HDF5 error stack"));
  }
}

TEST_CASE("Handles close what they own, once, and move ownership") {
  test::TempDir dir;
  auto file = h5::create_file(dir / "a.h5");
  h5::Group moved_to;
  {
    auto group = h5::create_group(file, "g");
    REQUIRE(group.valid());
    const hid_t id = group.id();
    moved_to = std::move(group);
    CHECK_FALSE(group.valid());  // NOLINT(bugprone-use-after-move): the point of the test
    CHECK(moved_to.id() == id);
  }
  CHECK(H5Iis_valid(moved_to) > 0);
  const hid_t id = moved_to.id();
  moved_to.reset();
  CHECK(H5Iis_valid(id) <= 0);
  file.close("closing");
  CHECK_FALSE(file.valid());
}

TEST_CASE("Attributes and string datasets round-trip, UTF-8 included") {
  test::TempDir dir;
  const auto file = h5::create_file(dir / "a.h5");
  h5::write_attribute(file, "name", std::string_view("Göteborg"));
  h5::write_attribute(file, "count", std::int64_t{42});
  h5::write_attribute(file, "count", std::int64_t{43});  // replaces
  CHECK(h5::read_string_attribute(file, "name") == "Göteborg");
  CHECK(h5::read_int_attribute(file, "count") == 43);
  CHECK(h5::attribute_exists(file, "name"));
  CHECK_FALSE(h5::attribute_exists(file, "other"));
  CHECK_THROWS_AS(h5::read_int_attribute(file, "name"), IoError);

  const std::vector<std::string> labels{"north", "süd", ""};
  const std::array<hsize_t, 1> dims{labels.size()};
  const auto type = h5::utf8_string_type();
  const auto space = h5::simple_space(dims);
  const h5::Dataset dataset(
      h5::check(H5Dcreate2(file, "labels", type, space, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT), "create"));
  h5::write_strings(dataset, labels);
  CHECK(h5::read_strings(dataset) == labels);
  CHECK(h5::shape(dataset) == std::vector<hsize_t>{3});
}

TEST_CASE("member_names lists a group in creation order if tracked, else by name, a file's root too") {
  test::TempDir dir;
  const auto file = h5::create_file(dir / "a.h5");
  const auto tracked = h5::create_group(file, "tracked", true);
  const auto plain = h5::create_group(file, "plain");
  for (const char* name : {"zeta", "alpha", "mu"}) {
    static_cast<void>(h5::create_group(tracked, name));
    static_cast<void>(h5::create_group(plain, name));
  }
  CHECK(h5::member_names(tracked) == std::vector<std::string>{"zeta", "alpha", "mu"});
  CHECK(h5::member_names(plain) == std::vector<std::string>{"alpha", "mu", "zeta"});
  CHECK(h5::member_names(file) == std::vector<std::string>{"plain", "tracked"});
}

TEST_CASE("Files are written in the HDF5 1.8 format or later, whose metadata carries checksums") {
  test::TempDir dir;
  h5::create_file(dir / "a.h5").close("closing");
  std::ifstream in(dir / "a.h5", std::ios::binary);
  std::array<char, 9> head{};
  in.read(head.data(), head.size());
  REQUIRE(std::string_view(head.data(), 8) == "\x89HDF\r\n\x1a\n");
  CHECK(static_cast<int>(head[8]) >= 2);  // superblock version 0 and 1 are the 1.6 format, unchecked
}

TEST_CASE("A damaged string length fails the read instead of allocating gigabytes for it") {
  test::TempDir dir;
  haddr_t offset = 0;
  {
    auto file = h5::create_file(dir / "a.h5");
    const std::vector<std::string> labels{"north"};
    const std::array<hsize_t, 1> dims{1};
    const auto type = h5::utf8_string_type();
    const auto space = h5::simple_space(dims);
    const h5::Dataset dataset(
        h5::check(H5Dcreate2(file, "labels", type, space, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT), "create"));
    h5::write_strings(dataset, labels);
    offset = H5Dget_offset(dataset);  // contiguous: the element's raw bytes, its length first
    REQUIRE(offset != HADDR_UNDEF);
  }
  {
    std::fstream f(dir / "a.h5", std::ios::binary | std::ios::in | std::ios::out);
    f.seekp(static_cast<std::streamoff>(offset));
    const std::array<char, 4> length{'\xf0', '\xff', '\xff', '\x7f'};  // 2 GiB, little-endian
    f.write(length.data(), length.size());
  }
  const auto file = h5::open_file_read_only(dir / "a.h5");
  CHECK_THROWS_AS(h5::read_strings(h5::open_dataset(file, "labels")), IoError);
}

TEST_CASE("Queries whose answer HDF5 cannot give fail with the object named, not with a wrong answer") {
  test::TempDir dir;
  const auto file = h5::create_file(dir / "a.h5");
  const auto group = h5::create_group(file, "metrics");
  const std::array<hsize_t, 1> dims{2};
  const auto space = h5::simple_space(dims);
  const h5::Dataset dataset(h5::check(
      H5Dcreate2(group, "deaths", H5T_IEEE_F64LE, space, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT), "create"));
  CHECK(h5::object_path(dataset) == "/metrics/deaths");
  CHECK_THROWS_WITH(h5::read_strings(dataset), "HDF5: /metrics/deaths does not hold strings");
  CHECK(h5::object_kind(file, "metrics", "/metrics") == H5I_GROUP);
  CHECK(h5::object_kind(group, "deaths", "/metrics/deaths") == H5I_DATASET);
  CHECK_THROWS_WITH(h5::object_kind(group, "births", "/metrics/births"),
                    Catch::Matchers::StartsWith("HDF5: opening /metrics/births failed"));
  // An identifier that is no longer valid: H5Tget_class answers H5T_NO_CLASS, which must not be
  // read as "some other class".
  hid_t closed = H5Tcopy(H5T_NATIVE_DOUBLE);
  REQUIRE(closed >= 0);
  REQUIRE(H5Tclose(closed) >= 0);
  CHECK_THROWS_WITH(h5::type_class(closed, "/metrics/deaths"),
                    Catch::Matchers::StartsWith("HDF5: reading the type class of /metrics/deaths failed"));
  CHECK(h5::object_path(closed) == "a dataset");
}

TEST_CASE("expect_shape and column_length say which dataset has which shape and what was expected") {
  test::TempDir dir;
  const auto file = h5::create_file(dir / "a.h5");
  const std::array<hsize_t, 2> dims{2, 3};
  const auto space = h5::simple_space(dims);
  const h5::Dataset dataset(h5::check(
      H5Dcreate2(file, "grid", H5T_IEEE_F64LE, space, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT), "create"));
  CHECK(h5::expect_shape(dataset, dims, "/grid") == std::vector<hsize_t>{2, 3});
  const std::array<hsize_t, 2> other{2, 4};
  CHECK_THROWS_WITH(h5::expect_shape(dataset, other, "/grid"), "/grid has shape [2 × 3], expected [2 × 4]");
  CHECK_THROWS_WITH(h5::column_length(dataset, "/grid"), "/grid has shape [2 × 3], expected one axis");
  CHECK_THROWS_WITH(h5::expect_class(dataset, H5T_STRING, "/grid"), "/grid does not hold strings");
  h5::expect_class(dataset, H5T_FLOAT, "/grid");
}

}  // namespace missionsim
