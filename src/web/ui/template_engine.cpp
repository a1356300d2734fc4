#include "web/ui/template_engine.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <stdexcept>
#include <utility>

#include "web/ui/embedded_templates.hpp"

namespace trappa::web {

namespace {

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

std::string_view trim(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return text;
}

// The names a template uses as sections: {{#name}} and {{^name}}.
std::set<std::string, std::less<>> section_names(std::string_view source) {
  std::set<std::string, std::less<>> names;
  for (std::size_t at = source.find("{{"); at != std::string_view::npos; at = source.find("{{", at + 2)) {
    if (at + 2 >= source.size() || (source[at + 2] != '#' && source[at + 2] != '^')) continue;
    const std::size_t end = source.find("}}", at + 3);
    if (end == std::string_view::npos) break;
    names.emplace(trim(source.substr(at + 3, end - at - 3)));
  }
  return names;
}

using Compiled = kainjow::mustache::mustache;

struct Template {
  std::string name;
  Compiled compiled;
  std::set<std::string, std::less<>> sections;  // for check mode

  Template(std::string_view template_name, std::string_view source, Language language)
      : name(template_name), compiled(expand_texts(source, language, nullptr)), sections(section_names(source)) {
    if (!compiled.is_valid()) throw std::runtime_error("template " + name + ": " + compiled.error_message());
  }
};

std::atomic<bool> checking{false};
std::mutex problems_mutex;
std::vector<std::string> problems;

// A context that reports the variables it cannot resolve to text (check mode).
class CheckingContext : public kainjow::mustache::context<std::string> {
 public:
  CheckingContext(const TemplateData* data, const Template& checked) : context(data), checked_(checked) {}

  const TemplateData* get(const std::string& name) const override {
    const TemplateData* found = context::get(name);
    if (checked_.sections.contains(name)) return found;
    const char* problem = found == nullptr                                ? "resolved to nothing"
                          : !found->is_string() && !found->is_lambda() ? "is not text"
                                                                         : nullptr;
    if (problem != nullptr) {
      const std::lock_guard lock(problems_mutex);
      problems.push_back(checked_.name + ": {{" + name + "}} " + problem);
    }
    return found;
  }

 private:
  const Template& checked_;
};

std::string render_template(Template& compiled, const TemplateData& data) {
  if (!checking.load(std::memory_order_relaxed)) return compiled.compiled.render(data);
  CheckingContext context(&data, compiled);
  return compiled.compiled.render(context);
}

std::optional<std::size_t> index_of(std::string_view name) {
  const auto templates = embedded_templates();
  const auto found = std::lower_bound(templates.begin(), templates.end(), name,
                                      [](const EmbeddedTemplate& entry, std::string_view key) { return entry.name < key; });
  if (found == templates.end() || found->name != name) return std::nullopt;
  return static_cast<std::size_t>(found - templates.begin());
}

}  // namespace

std::string render(std::string_view name, Language language, const TemplateData& data) {
  const auto index = index_of(name);
  if (!index) throw std::invalid_argument("no page template named " + std::string(name));
  // Rendering walks the compiled tree and is not documented as thread-safe, so each thread
  // compiles its own copy on first use.
  thread_local std::array<std::vector<std::unique_ptr<Template>>, 2> cache;
  auto& slots = cache[static_cast<std::size_t>(language)];
  if (slots.empty()) slots.resize(embedded_templates().size());
  auto& slot = slots[*index];
  if (!slot) slot = std::make_unique<Template>(name, embedded_templates()[*index].source, language);
  return render_template(*slot, data);
}

std::string render_text(std::string_view name, std::string_view source, Language language, const TemplateData& data) {
  Template compiled(name, source, language);
  return render_template(compiled, data);
}

std::string_view template_source(std::string_view name) {
  const auto index = index_of(name);
  return index ? embedded_templates()[*index].source : std::string_view{};
}

std::vector<std::string> missing_template_texts() {
  std::vector<std::string> found;
  const auto templates = embedded_templates();
  if (!std::is_sorted(templates.begin(), templates.end(),
                      [](const EmbeddedTemplate& a, const EmbeddedTemplate& b) { return a.name < b.name; })) {
    found.emplace_back("the embedded templates are not sorted by name (cmake/embed_files.cmake)");
  }
  for (const Language language : {Language::kSwedish, Language::kEnglish}) {
    for (const EmbeddedTemplate& entry : templates) {
      std::vector<std::string> missing;
      const std::string expanded = expand_texts(entry.source, language, &missing);
      for (const std::string& key : missing) {
        found.push_back(std::string(language_code(language)) + " template " + std::string(entry.name) + ": " + key);
      }
      Compiled compiled(expanded);
      if (!compiled.is_valid()) found.push_back(std::string(entry.file) + ": " + compiled.error_message());
    }
  }
  return found;
}

void set_template_checking(bool on) { checking.store(on, std::memory_order_relaxed); }

std::vector<std::string> take_template_problems() {
  const std::lock_guard lock(problems_mutex);
  return std::exchange(problems, {});
}

}  // namespace trappa::web
