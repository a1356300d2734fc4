#include "io/json/framework_json.hpp"

#include <fstream>
#include <sstream>

#include <boost/json.hpp>
#include <fmt/format.h>

#include "core/base/text_checks.hpp"
#include "io/json/json_text.hpp"

namespace trappa::io {

namespace json = boost::json;

namespace {

// Reads typed fields out of JSON objects, collecting a problem (with the field path) for
// each one that is missing or of the wrong type instead of stopping at the first.
class FieldReader {
 public:
  explicit FieldReader(std::vector<core::Problem>& problems) : problems_(problems) {}

  std::string text(const json::object& object, std::string_view key, const std::string& path, bool required = true) {
    const json::value* value = object.if_contains(key);
    if (value == nullptr) {
      if (required) problem(join(path, key), "is missing");
      return {};
    }
    if (!value->is_string()) {
      problem(join(path, key), "must be a string");
      return {};
    }
    return checked(value->get_string(), join(path, key));
  }

  // The text of a JSON string, or a problem when it holds a control character ("\u0000").
  std::string checked(std::string_view text, const std::string& path) {
    if (const auto flaw = core::find_text_flaw(text)) {
      // Only control characters are possible here: the parser has checked the UTF-8.
      problem(path, fmt::format("must not contain the control character U+{:04X}", static_cast<unsigned>(flaw->character)));
      return {};
    }
    return std::string(text);
  }

  int integer(const json::object& object, std::string_view key, const std::string& path) {
    const json::value* value = object.if_contains(key);
    if (value == nullptr) {
      problem(join(path, key), "is missing");
      return 0;
    }
    return integer(*value, join(path, key));
  }

  int integer(const json::value& value, const std::string& path) {
    if (value.is_int64() && value.get_int64() >= -1000 && value.get_int64() <= 1000) {
      return static_cast<int>(value.get_int64());
    }
    if (value.is_uint64() && value.get_uint64() <= 1000) return static_cast<int>(value.get_uint64());
    problem(path, "must be a whole number");
    return 0;
  }

  const json::array* array(const json::object& object, std::string_view key, const std::string& path,
                           bool required = true) {
    const json::value* value = object.if_contains(key);
    if (value == nullptr) {
      if (required) problem(join(path, key), "is missing");
      return nullptr;
    }
    if (!value->is_array()) {
      problem(join(path, key), "must be a list");
      return nullptr;
    }
    return &value->get_array();
  }

  const json::object* object(const json::value& value, const std::string& path) {
    if (!value.is_object()) {
      problem(path, "must be an object");
      return nullptr;
    }
    return &value.get_object();
  }

  std::vector<std::string> strings(const json::object& object, std::string_view key, const std::string& path,
                                   bool required = true) {
    std::vector<std::string> result;
    const json::array* values = array(object, key, path, required);
    if (values == nullptr) return result;
    for (std::size_t i = 0; i < values->size(); ++i) {
      const json::value& value = (*values)[i];
      if (value.is_string()) {
        result.push_back(checked(value.get_string(), fmt::format("{}[{}]", join(path, key), i)));
      } else {
        problem(fmt::format("{}[{}]", join(path, key), i), "must be a string");
      }
    }
    return result;
  }

  void problem(std::string where, std::string what) { problems_.push_back({std::move(where), std::move(what)}); }

  static std::string join(const std::string& path, std::string_view key) {
    return path.empty() ? std::string(key) : path + "." + std::string(key);
  }

 private:
  std::vector<core::Problem>& problems_;
};

core::Competency read_competency(FieldReader& reader, const json::object& object, const std::string& path) {
  core::Competency competency;
  competency.code = reader.text(object, "code", path);
  competency.name = reader.text(object, "name", path);
  competency.definition = reader.text(object, "definition", path, false);
  competency.level_descriptors = reader.strings(object, "levels", path);
  return competency;
}

core::Area read_area(FieldReader& reader, const json::object& object, const std::string& path) {
  core::Area area;
  area.code = reader.text(object, "code", path);
  area.name = reader.text(object, "name", path);
  area.description = reader.text(object, "description", path, false);
  area.motivation_question = reader.text(object, "motivation_question", path, false);
  area.roles = reader.strings(object, "roles", path, false);
  if (const json::array* competencies = reader.array(object, "competencies", path)) {
    for (std::size_t i = 0; i < competencies->size(); ++i) {
      const std::string item_path = fmt::format("{}.competencies[{}]", path, i);
      if (const json::object* item = reader.object((*competencies)[i], item_path)) {
        area.competencies.push_back(read_competency(reader, *item, item_path));
      }
    }
  }
  return area;
}

}  // namespace

core::Result<core::Framework> parse_framework_json(std::string_view text, const std::string& file_name) {
  ASSIGN_OR_RETURN(auto document, parse_json_text(text, file_name));

  std::vector<core::Problem> problems;
  FieldReader reader(problems);
  const json::object* root = reader.object(document, "(document)");
  core::Framework framework;
  if (root != nullptr) {
    framework.id = reader.text(*root, "id", "");
    framework.name = reader.text(*root, "name", "");
    framework.version = reader.text(*root, "version", "", false);
    framework.description = reader.text(*root, "description", "", false);
    framework.provenance = reader.text(*root, "provenance", "", false);
    framework.language = reader.text(*root, "language", "", false);
    if (const json::value* scale = root->if_contains("scale")) {
      if (const json::object* scale_object = reader.object(*scale, "scale")) {
        framework.scale.min = reader.integer(*scale_object, "min", "scale");
        framework.scale.max = reader.integer(*scale_object, "max", "scale");
        framework.scale.names = reader.strings(*scale_object, "levels", "scale");
      }
    } else {
      reader.problem("scale", "is missing");
    }
    framework.roles = reader.strings(*root, "roles", "");
    if (const json::array* areas = reader.array(*root, "areas", "")) {
      for (std::size_t i = 0; i < areas->size(); ++i) {
        const std::string path = fmt::format("areas[{}]", i);
        if (const json::object* area = reader.object((*areas)[i], path)) {
          framework.areas.push_back(read_area(reader, *area, path));
        }
      }
    }
    if (const json::value* profiles = root->if_contains("profiles")) {
      if (const json::object* profiles_object = reader.object(*profiles, "profiles")) {
        for (const auto& [role, levels] : *profiles_object) {
          const std::string path = "profiles." + std::string(role);
          core::RoleProfile& profile = framework.profiles[std::string(role)];
          if (const json::object* levels_object = reader.object(levels, path)) {
            for (const auto& [code, level] : *levels_object) {
              profile[std::string(code)] = reader.integer(level, path + "." + std::string(code));
            }
          }
        }
      }
    }
    framework.default_profile = reader.text(*root, "default_profile", "", false);
  }
  if (problems.empty()) problems = core::validate_framework(framework);
  if (!problems.empty()) {
    for (core::Problem& problem : problems) problem.where = file_name + ": " + problem.where;
    return core::invalid("the framework file has problems", std::move(problems));
  }
  return framework;
}

core::Result<core::Framework> read_framework_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return core::invalid("cannot read the file", {{path.string(), "no such file or it cannot be opened"}});
  std::ostringstream content;
  content << in.rdbuf();
  return parse_framework_json(content.str(), path.string());
}

std::string write_framework_json(const core::Framework& framework) {
  json::object root;
  root["id"] = framework.id;
  root["name"] = framework.name;
  root["version"] = framework.version;
  root["description"] = framework.description;
  if (!framework.provenance.empty()) root["provenance"] = framework.provenance;
  if (!framework.language.empty()) root["language"] = framework.language;
  json::array level_names;
  for (const std::string& name : framework.scale.names) level_names.emplace_back(name);
  root["scale"] = json::object{{"min", framework.scale.min}, {"max", framework.scale.max}, {"levels", level_names}};
  json::array roles;
  for (const std::string& role : framework.roles) roles.emplace_back(role);
  root["roles"] = roles;

  json::array areas;
  for (const core::Area& area : framework.areas) {
    json::object area_object;
    area_object["code"] = area.code;
    area_object["name"] = area.name;
    area_object["description"] = area.description;
    area_object["motivation_question"] = area.motivation_question;
    if (!area.roles.empty()) {
      json::array area_roles;
      for (const std::string& role : area.roles) area_roles.emplace_back(role);
      area_object["roles"] = area_roles;
    }
    json::array competencies;
    for (const core::Competency& competency : area.competencies) {
      json::array descriptors;
      for (const std::string& descriptor : competency.level_descriptors) descriptors.emplace_back(descriptor);
      competencies.emplace_back(json::object{{"code", competency.code},
                                             {"name", competency.name},
                                             {"definition", competency.definition},
                                             {"levels", descriptors}});
    }
    area_object["competencies"] = competencies;
    areas.emplace_back(area_object);
  }
  root["areas"] = areas;

  // Profiles in the framework's role order, competencies in framework order: the same order a
  // person reads the matrix in, and stable across runs.
  json::object profiles;
  for (const std::string& role : framework.roles) {
    const core::RoleProfile* profile = framework.own_profile_of(role);
    if (profile == nullptr) continue;
    json::object levels;
    for (const core::Area& area : framework.areas) {
      for (const core::Competency& competency : area.competencies) {
        auto found = profile->find(competency.code);
        if (found != profile->end()) levels[competency.code] = found->second;
      }
    }
    profiles[role] = levels;
  }
  root["profiles"] = profiles;
  if (!framework.default_profile.empty()) root["default_profile"] = framework.default_profile;
  return write_json_text(root);
}

}  // namespace trappa::io
