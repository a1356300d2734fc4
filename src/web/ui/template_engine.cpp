#include "web/ui/template_engine.hpp"

#include <array>
#include <memory>
#include <stdexcept>

namespace trappa::web {

namespace {

// In the order of the TemplateId enumerators (the per-thread cache is indexed by them).
constexpr std::array kAllTemplates{TemplateId::kLayout,       TemplateId::kLogin,     TemplateId::kHome,
                                   TemplateId::kAssessment,   TemplateId::kAssessmentAreas,
                                   TemplateId::kTeam,         TemplateId::kConversation,
                                   TemplateId::kOverview,     TemplateId::kFramework, TemplateId::kRounds,
                                   TemplateId::kAccount,      TemplateId::kError,     TemplateId::kFigures,
                                   TemplateId::kPerson};

// Replaces [[key]] with the catalogue's text; an unknown key is left visible as [[key]].
std::string expand_texts(std::string_view source, Language language, std::vector<std::string>* missing) {
  std::string expanded;
  expanded.reserve(source.size() + source.size() / 4);
  std::size_t position = 0;
  while (true) {
    const std::size_t start = source.find("[[", position);
    if (start == std::string_view::npos) break;
    const std::size_t end = source.find("]]", start + 2);
    if (end == std::string_view::npos) break;
    expanded.append(source.substr(position, start - position));
    const std::string_view key = source.substr(start + 2, end - start - 2);
    if (auto found = find_text(language, key)) {
      expanded.append(*found);
    } else {
      if (missing != nullptr) missing->emplace_back(key);
      expanded.append(source.substr(start, end + 2 - start));
    }
    position = end + 2;
  }
  expanded.append(source.substr(position));
  return expanded;
}

using Compiled = kainjow::mustache::mustache;

}  // namespace

std::string render(TemplateId id, Language language, const TemplateData& data) {
  // Rendering walks the compiled tree and is not documented as thread-safe, so each thread
  // compiles its own copy on first use.
  thread_local std::array<std::array<std::unique_ptr<Compiled>, kAllTemplates.size()>, 2> cache;
  auto& slot = cache[static_cast<std::size_t>(language)][static_cast<std::size_t>(id)];
  if (!slot) {
    slot = std::make_unique<Compiled>(expand_texts(template_source(id), language, nullptr));
    if (!slot->is_valid()) throw std::runtime_error("template " + std::to_string(static_cast<int>(id)) + ": " + slot->error_message());
  }
  return slot->render(data);
}

std::vector<std::string> missing_template_texts() {
  std::vector<std::string> problems;
  for (const Language language : {Language::kSwedish, Language::kEnglish}) {
    for (const TemplateId id : kAllTemplates) {
      std::vector<std::string> missing;
      const std::string expanded = expand_texts(template_source(id), language, &missing);
      for (const std::string& key : missing) {
        problems.push_back(std::string(language_code(language)) + " template " + std::to_string(static_cast<int>(id)) +
                           ": " + key);
      }
      Compiled compiled(expanded);
      if (!compiled.is_valid()) {
        problems.push_back("template " + std::to_string(static_cast<int>(id)) + ": " + compiled.error_message());
      }
    }
  }
  return problems;
}

}  // namespace trappa::web
