#include "io/frameworks/case_package.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <utility>
#include <vector>

#include <boost/json.hpp>
#include <boost/uuid/name_generator_sha1.hpp>
#include <boost/uuid/uuid_io.hpp>
#include <fmt/format.h>

#include "core/base/text_checks.hpp"
#include "io/json/json_text.hpp"

namespace trappa::io {

namespace json = boost::json;

namespace {

constexpr std::string_view kTrappaUriPrefix = "urn:trappa:framework:";

// Typed reads that record a problem (with the JSON path) instead of stopping.
class CaseReader {
 public:
  std::vector<core::Problem> problems;

  void problem(std::string where, std::string what) { problems.push_back({std::move(where), std::move(what)}); }

  const json::object* object(const json::value* value, const std::string& path, bool required = true) {
    if (value == nullptr) {
      if (required) problem(path, "is missing");
      return nullptr;
    }
    if (!value->is_object()) {
      problem(path, "must be an object");
      return nullptr;
    }
    return &value->get_object();
  }

  const json::array* array(const json::object& parent, std::string_view key, const std::string& path) {
    const json::value* value = parent.if_contains(key);
    if (value == nullptr) return nullptr;
    if (!value->is_array()) {
      problem(path, "must be a list");
      return nullptr;
    }
    return &value->get_array();
  }

  std::string text(const json::object& parent, std::string_view key, const std::string& path, bool required = false) {
    const json::value* value = parent.if_contains(key);
    if (value == nullptr || value->is_null()) {
      if (required) problem(path, "is missing");
      return {};
    }
    if (!value->is_string()) {
      problem(path, "must be a string");
      return {};
    }
    const std::string_view text = value->get_string();
    if (const auto flaw = core::find_text_flaw(text)) {
      problem(path, fmt::format("must not contain the control character U+{:04X}", static_cast<unsigned>(flaw->character)));
      return {};
    }
    if (required && text.empty()) problem(path, "must not be empty");
    return std::string(text);
  }

  std::optional<long long> integer(const json::object& parent, std::string_view key, const std::string& path) {
    const json::value* value = parent.if_contains(key);
    if (value == nullptr || value->is_null()) return std::nullopt;
    if (value->is_int64()) return value->get_int64();
    if (value->is_uint64() && value->get_uint64() < 1000000) return static_cast<long long>(value->get_uint64());
    if (value->is_double() && value->get_double() == static_cast<double>(static_cast<long long>(value->get_double()))) {
      return static_cast<long long>(value->get_double());
    }
    problem(path, "must be a whole number");
    return std::nullopt;
  }

  // The identifier of a LinkURI object (originNodeURI, CFItemURI, ...).
  std::string link_identifier(const json::object& parent, std::string_view key, const std::string& path) {
    const json::object* link = object(parent.if_contains(key), path);
    return link == nullptr ? std::string() : text(*link, "identifier", path + ".identifier", true);
  }
};

struct Child {
  long long sequence = 0;
  std::size_t order = 0;  // position among the associations, for equal sequence numbers
  std::string identifier;
};

struct RubricLevel {
  long long score = 0;
  std::string quality;
  std::string description;
};

// Deeper trees are refused: no real framework needs more, and it bounds the recursion.
constexpr int kMaxDepth = 32;

OutlineNode build(const std::string& identifier, const std::map<std::string, OutlineNode>& items,
                  const std::map<std::string, std::vector<Child>>& children, std::set<std::string>& placed, int depth) {
  placed.insert(identifier);
  OutlineNode node = items.at(identifier);
  if (auto found = children.find(identifier); found != children.end() && depth < kMaxDepth) {
    for (const Child& child : found->second) {
      if (placed.contains(child.identifier)) continue;  // a second parent or a cycle: the first placement wins
      node.children.push_back(build(child.identifier, items, children, placed, depth + 1));
    }
  }
  return node;
}

}  // namespace

std::string name_based_uuid(std::string_view name) {
  boost::uuids::name_generator_sha1 generate(boost::uuids::ns::url());
  return boost::uuids::to_string(generate(name.data(), name.size()));
}

core::Result<ImportedFramework> parse_case_package(std::string_view text, const std::string& file_name) {
  ASSIGN_OR_RETURN(auto document, parse_json_text(text, file_name));
  CaseReader reader;
  std::vector<std::string> warnings;
  FrameworkOutline outline;
  const json::object* root = reader.object(&document, "(document)");
  std::string document_identifier;
  std::map<std::string, OutlineNode> items;
  std::map<std::string, std::string> item_paths;  // identifier → CFItems[i]
  std::vector<std::string> item_order;
  std::map<std::string, std::vector<Child>> children;
  std::set<std::string> has_parent;
  bool level_names_differ = false;

  if (root != nullptr) {
    if (const json::object* cf_document = reader.object(root->if_contains("CFDocument"), "CFDocument")) {
      document_identifier = reader.text(*cf_document, "identifier", "CFDocument.identifier", true);
      core::Framework& header = outline.header;
      header.name = reader.text(*cf_document, "title", "CFDocument.title", true);
      header.version = reader.text(*cf_document, "version", "CFDocument.version");
      header.description = reader.text(*cf_document, "description", "CFDocument.description");
      header.provenance = reader.text(*cf_document, "notes", "CFDocument.notes");
      header.language = reader.text(*cf_document, "language", "CFDocument.language");
      const std::string uri = reader.text(*cf_document, "uri", "CFDocument.uri");
      if (uri.starts_with(kTrappaUriPrefix)) header.id = uri.substr(kTrappaUriPrefix.size());
      header.scale.names.clear();
    }

    if (const json::array* cf_items = reader.array(*root, "CFItems", "CFItems")) {
      for (std::size_t i = 0; i < cf_items->size(); ++i) {
        const std::string path = fmt::format("CFItems[{}]", i);
        const json::object* item = reader.object(&(*cf_items)[i], path);
        if (item == nullptr) continue;
        OutlineNode entry;
        const std::string identifier = reader.text(*item, "identifier", path + ".identifier", true);
        const std::string full = reader.text(*item, "fullStatement", path + ".fullStatement", true);
        const std::string abbreviated = reader.text(*item, "abbreviatedStatement", path + ".abbreviatedStatement");
        entry.code = reader.text(*item, "humanCodingScheme", path + ".humanCodingScheme");
        if (entry.code.empty()) entry.code = reader.text(*item, "listEnumeration", path + ".listEnumeration");
        entry.notes = reader.text(*item, "notes", path + ".notes");
        // With a short statement, that is the name and the full one the definition; without
        // one, the full statement is the name and there is no definition.
        entry.name = abbreviated.empty() ? full : abbreviated;
        entry.statement = abbreviated.empty() ? std::string() : full;
        if (identifier.empty()) continue;
        if (items.contains(identifier)) {
          reader.problem(path + ".identifier", "another CFItem has the identifier '" + identifier + "'");
          continue;
        }
        item_order.push_back(identifier);
        item_paths.emplace(identifier, path);
        items.emplace(identifier, std::move(entry));
      }
    } else if (root->if_contains("CFItems") == nullptr) {
      reader.problem("CFItems", "is missing");
    }

    std::size_t other_associations = 0;
    if (const json::array* associations = reader.array(*root, "CFAssociations", "CFAssociations")) {
      for (std::size_t i = 0; i < associations->size(); ++i) {
        const std::string path = fmt::format("CFAssociations[{}]", i);
        const json::object* association = reader.object(&(*associations)[i], path);
        if (association == nullptr) continue;
        if (reader.text(*association, "associationType", path + ".associationType", true) != "isChildOf") {
          ++other_associations;
          continue;
        }
        const std::string child = reader.link_identifier(*association, "originNodeURI", path + ".originNodeURI");
        const std::string parent = reader.link_identifier(*association, "destinationNodeURI", path + ".destinationNodeURI");
        const auto sequence = reader.integer(*association, "sequenceNumber", path + ".sequenceNumber");
        if (child.empty() || parent.empty()) continue;
        if (!items.contains(child)) {
          reader.problem(path + ".originNodeURI.identifier", "no CFItem has the identifier '" + child + "'");
          continue;
        }
        if (parent != document_identifier && !items.contains(parent)) {
          reader.problem(path + ".destinationNodeURI.identifier",
                         "neither the CFDocument nor a CFItem has the identifier '" + parent + "'");
          continue;
        }
        if (!has_parent.insert(child).second) {
          warnings.push_back(path + ": '" + child + "' already has a parent; this second one is ignored");
          continue;
        }
        children[parent].push_back({sequence.value_or(0), i, child});
      }
    }
    if (other_associations > 0) {
      warnings.push_back(fmt::format("{} associations other than isChildOf (such as isRelatedTo) are ignored",
                                     other_associations));
    }

    // Rubrics: the levels of each criterion give the scale and the item's level descriptors.
    std::optional<std::vector<RubricLevel>> scale_levels;
    if (const json::array* rubrics = reader.array(*root, "CFRubrics", "CFRubrics")) {
      for (std::size_t r = 0; r < rubrics->size(); ++r) {
        const std::string rubric_path = fmt::format("CFRubrics[{}]", r);
        const json::object* rubric = reader.object(&(*rubrics)[r], rubric_path);
        if (rubric == nullptr) continue;
        const json::array* criteria = reader.array(*rubric, "CFRubricCriteria", rubric_path + ".CFRubricCriteria");
        if (criteria == nullptr) continue;
        for (std::size_t c = 0; c < criteria->size(); ++c) {
          const std::string path = fmt::format("{}.CFRubricCriteria[{}]", rubric_path, c);
          const json::object* criterion = reader.object(&(*criteria)[c], path);
          if (criterion == nullptr) continue;
          const std::string item = reader.link_identifier(*criterion, "CFItemURI", path + ".CFItemURI");
          auto found = items.find(item);
          if (!item.empty() && found == items.end()) {
            reader.problem(path + ".CFItemURI.identifier", "no CFItem has the identifier '" + item + "'");
            continue;
          }
          const json::array* levels = reader.array(*criterion, "CFRubricCriterionLevels", path + ".CFRubricCriterionLevels");
          if (levels == nullptr || found == items.end()) continue;
          std::vector<std::pair<long long, RubricLevel>> ordered;
          for (std::size_t l = 0; l < levels->size(); ++l) {
            const std::string level_path = fmt::format("{}.CFRubricCriterionLevels[{}]", path, l);
            const json::object* level = reader.object(&(*levels)[l], level_path);
            if (level == nullptr) continue;
            RubricLevel entry;
            const auto score = reader.integer(*level, "score", level_path + ".score");
            const auto position = reader.integer(*level, "position", level_path + ".position");
            if (!score && !position) {
              reader.problem(level_path, "needs a score or a position to place it on the scale");
              continue;
            }
            entry.score = score ? *score : *position;
            entry.quality = reader.text(*level, "quality", level_path + ".quality");
            entry.description = reader.text(*level, "description", level_path + ".description");
            ordered.emplace_back(entry.score, std::move(entry));
          }
          std::sort(ordered.begin(), ordered.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
          std::vector<RubricLevel> criterion_levels;
          for (auto& [score, level] : ordered) criterion_levels.push_back(std::move(level));
          if (criterion_levels.empty()) continue;
          bool consecutive = true;
          for (std::size_t l = 1; l < criterion_levels.size(); ++l) {
            consecutive = consecutive && criterion_levels[l].score == criterion_levels[l - 1].score + 1;
          }
          if (!consecutive) {
            reader.problem(path + ".CFRubricCriterionLevels", "the levels' scores must be consecutive whole numbers");
            continue;
          }
          if (!scale_levels) {
            scale_levels = criterion_levels;
          } else if (scale_levels->size() != criterion_levels.size() ||
                     scale_levels->front().score != criterion_levels.front().score) {
            reader.problem(path + ".CFRubricCriterionLevels",
                           fmt::format("the scores {}–{} differ from the scale {}–{} of the first criterion",
                                       criterion_levels.front().score, criterion_levels.back().score,
                                       scale_levels->front().score, scale_levels->back().score));
            continue;
          } else {
            for (std::size_t l = 0; l < criterion_levels.size(); ++l) {
              level_names_differ = level_names_differ || criterion_levels[l].quality != (*scale_levels)[l].quality;
            }
          }
          std::vector<std::string>& descriptors = found->second.level_descriptors;
          descriptors.clear();
          for (const RubricLevel& level : criterion_levels) descriptors.push_back(level.description);
        }
      }
    }
    if (scale_levels) {
      core::LevelScale& scale = outline.header.scale;
      scale.min = static_cast<int>(std::clamp(scale_levels->front().score, -1000LL, 1000LL));
      scale.max = static_cast<int>(std::clamp(scale_levels->back().score, -1000LL, 1000LL));
      for (const RubricLevel& level : *scale_levels) {
        scale.names.push_back(level.quality);
      }
    }
    if (level_names_differ) {
      warnings.push_back("the rubric criteria name their levels differently; the level names of the first criterion "
                         "are used for the scale");
    }
  }

  if (!reader.problems.empty()) {
    for (core::Problem& problem : reader.problems) problem.where = file_name + ": " + problem.where;
    return core::invalid("the CASE package has problems", std::move(reader.problems));
  }

  for (auto& [parent, list] : children) {
    std::stable_sort(list.begin(), list.end(), [](const Child& a, const Child& b) {
      return a.sequence != b.sequence ? a.sequence < b.sequence : a.order < b.order;
    });
  }
  // Top: the document's children in sequence, then items nobody names as child, in file order.
  std::set<std::string> placed;
  if (auto found = children.find(document_identifier); found != children.end()) {
    for (const Child& child : found->second) outline.top.push_back(build(child.identifier, items, children, placed, 1));
  }
  for (const std::string& identifier : item_order) {
    if (!has_parent.contains(identifier) && !placed.contains(identifier)) {
      outline.top.push_back(build(identifier, items, children, placed, 1));
    }
  }
  std::vector<core::Problem> unplaced;
  for (const std::string& identifier : item_order) {
    if (!placed.contains(identifier)) {
      unplaced.push_back({file_name + ": " + item_paths.at(identifier),
                          fmt::format("is not below the CFDocument: its isChildOf associations form a cycle or go "
                                      "deeper than {} levels", kMaxDepth)});
    }
  }
  if (!unplaced.empty()) return core::invalid("the CASE package has problems", std::move(unplaced));
  return flatten_outline(std::move(outline), "case-1.0", std::move(warnings), file_name);
}

std::string write_case_package(const core::Framework& framework, const std::string& changed_at) {
  const std::string base = std::string(kTrappaUriPrefix) + framework.id;
  auto identifier = [&](const std::string& kind, const std::string& code) {
    return name_based_uuid(code.empty() ? base : base + ":" + kind + ":" + code);
  };
  auto uri_of = [](const std::string& uuid) { return "urn:uuid:" + uuid; };
  auto link = [&](const std::string& title, const std::string& uuid, const std::string& uri) {
    return json::object{{"title", title}, {"identifier", uuid}, {"uri", uri}};
  };

  const std::string document_id = identifier("document", "");
  const json::object document_link = link(framework.name, document_id, base);

  json::object document;
  document["identifier"] = document_id;
  document["uri"] = base;
  document["creator"] = "Trappa";
  document["title"] = framework.name;
  document["lastChangeDateTime"] = changed_at;
  if (!framework.description.empty()) document["description"] = framework.description;
  if (!framework.language.empty()) document["language"] = framework.language;
  if (!framework.version.empty()) document["version"] = framework.version;
  if (!framework.provenance.empty()) document["notes"] = framework.provenance;
  document["CFPackageURI"] = link(framework.name, document_id, base);

  json::array items;
  json::array associations;
  json::array criteria;
  const std::string rubric_id = identifier("rubric", "scale");
  auto add_item = [&](const std::string& kind, const std::string& code, const std::string& name,
                      const std::string& statement, const std::string& notes, const std::string& type) {
    const std::string uuid = identifier(kind, code);
    json::object item;
    item["identifier"] = uuid;
    item["uri"] = uri_of(uuid);
    if (statement.empty()) {
      item["fullStatement"] = name;
    } else {
      item["fullStatement"] = statement;
      item["abbreviatedStatement"] = name;
    }
    item["humanCodingScheme"] = code;
    if (!notes.empty()) item["notes"] = notes;
    item["CFItemType"] = type;
    if (!framework.language.empty()) item["language"] = framework.language;
    item["lastChangeDateTime"] = changed_at;
    item["CFDocumentURI"] = document_link;
    items.emplace_back(std::move(item));
    return uuid;
  };
  auto add_child = [&](const std::string& kind, const std::string& code, const std::string& child_uuid,
                       const std::string& child_title, const json::object& parent, std::size_t sequence) {
    const std::string uuid = identifier("association-" + kind, code);
    associations.emplace_back(json::object{{"identifier", uuid},
                                           {"uri", uri_of(uuid)},
                                           {"associationType", "isChildOf"},
                                           {"sequenceNumber", sequence},
                                           {"originNodeURI", link(child_title, child_uuid, uri_of(child_uuid))},
                                           {"destinationNodeURI", parent},
                                           {"lastChangeDateTime", changed_at},
                                           {"CFDocumentURI", document_link}});
  };

  for (std::size_t a = 0; a < framework.areas.size(); ++a) {
    const core::Area& area = framework.areas[a];
    const std::string area_uuid = add_item("area", area.code, area.name, area.description, area.motivation_question, "Area");
    add_child("area", area.code, area_uuid, area.name, document_link, a + 1);
    const json::object area_link = link(area.name, area_uuid, uri_of(area_uuid));
    for (std::size_t c = 0; c < area.competencies.size(); ++c) {
      const core::Competency& competency = area.competencies[c];
      const std::string uuid = add_item("competency", competency.code, competency.name, competency.definition, "", "Competency");
      add_child("competency", competency.code, uuid, competency.name, area_link, c + 1);
      const std::string criterion_id = identifier("criterion", competency.code);
      json::array levels;
      for (int level = framework.scale.min; level <= framework.scale.max; ++level) {
        const auto index = static_cast<std::size_t>(level - framework.scale.min);
        const std::string level_id = identifier("level", competency.code + ":" + std::to_string(level));
        levels.emplace_back(json::object{
            {"identifier", level_id},
            {"uri", uri_of(level_id)},
            {"description", index < competency.level_descriptors.size() ? competency.level_descriptors[index] : ""},
            {"quality", index < framework.scale.names.size() ? framework.scale.names[index] : ""},
            {"score", level},
            {"position", static_cast<int>(index) + 1},
            {"rubricCriterionId", criterion_id},
            {"lastChangeDateTime", changed_at}});
      }
      criteria.emplace_back(json::object{{"identifier", criterion_id},
                                         {"uri", uri_of(criterion_id)},
                                         {"category", competency.code},
                                         {"description", competency.name},
                                         {"CFItemURI", link(competency.name, uuid, uri_of(uuid))},
                                         {"position", c + 1},
                                         {"rubricId", rubric_id},
                                         {"lastChangeDateTime", changed_at},
                                         {"CFRubricCriterionLevels", std::move(levels)}});
    }
  }

  json::object rubric{{"identifier", rubric_id},
                      {"uri", uri_of(rubric_id)},
                      {"title", framework.name},
                      {"description", "Level descriptors on the scale " + std::to_string(framework.scale.min) + "–" +
                                          std::to_string(framework.scale.max)},
                      {"lastChangeDateTime", changed_at},
                      {"CFRubricCriteria", std::move(criteria)}};

  json::object package;
  package["CFDocument"] = std::move(document);
  package["CFItems"] = std::move(items);
  package["CFAssociations"] = std::move(associations);
  package["CFRubrics"] = json::array{std::move(rubric)};
  return write_json_text(package);
}

}  // namespace trappa::io
