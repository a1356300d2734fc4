// The Mustache sources of the pages. [[key]] is a text of the catalogue (ui_text.cpp);
// {{name}} is escaped view data; {{{name}}} is raw HTML, used only for page bodies inside
// the layout and for the SVG charts of report/charts.hpp.
#include "web/ui/template_engine.hpp"

namespace trappa::web {

namespace {

constexpr std::string_view kLayout = R"(<!DOCTYPE html>
<html lang="{{lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{title}} – {{organisation}}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/static/app.css?v={{asset_version}}">
<script src="/static/app.js?v={{asset_version}}" defer></script>
</head>
<body>
<a class="skip-link" href="#innehall">[[skip_to_content]]</a>
<header class="site-header">
<div class="header-inner">
<a class="brand" href="/"><span class="brand-mark" aria-hidden="true"></span><span class="brand-text"><span class="brand-org">{{organisation}}</span><span class="brand-app">[[app_tagline]]</span></span></a>
<div class="header-tools">
<a class="language-switch" href="{{language_href}}" lang="{{other_lang}}" hreflang="{{other_lang}}">{{other_language_name}}</a>
{{#signed_in}}
<span class="account-name">{{user_name}}<span class="account-role">{{user_role}}</span></span>
<a href="/konto">[[nav_account]]</a>
<form method="post" action="/logout" class="inline-form"><input type="hidden" name="csrf" value="{{csrf}}"><button type="submit" class="link-button">[[sign_out]]</button></form>
{{/signed_in}}
</div>
</div>
{{#signed_in}}
<nav class="main-nav" aria-label="[[nav_label]]"><ul>
{{#nav}}<li><a href="{{href}}"{{#current}} aria-current="page"{{/current}}>{{label}}</a></li>
{{/nav}}</ul></nav>
{{/signed_in}}
</header>
<main id="innehall" tabindex="-1">
{{#has_flash}}<div class="notice notice-success" role="status"><p>{{flash}}</p></div>{{/has_flash}}
{{{body}}}
</main>
<footer class="site-footer"><div class="footer-inner"><p>[[footer_text]]</p>{{#demo}}<p>[[footer_demo]]</p>{{/demo}}</div></footer>
</body>
</html>
)";

constexpr std::string_view kLogin = R"(<div class="narrow">
<h1>[[signin_title]]</h1>
<p class="lead">[[signin_lead]]</p>
{{#has_error}}<div class="notice notice-error" role="alert" id="signin-error"><p>{{error}}</p></div>{{/has_error}}
<form method="post" action="/login" class="card form-stack">
<input type="hidden" name="csrf" value="{{csrf}}">
<input type="hidden" name="next" value="{{next}}">
<div class="field">
<label for="username">[[signin_username]]</label>
<p class="hint" id="username-hint">[[signin_username_hint]]</p>
<input id="username" name="username" type="text" autocomplete="username" spellcheck="false" required aria-describedby="username-hint{{#has_error}} signin-error{{/has_error}}" value="{{username}}">
</div>
<div class="field">
<label for="password">[[signin_password]]</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
</div>
<div class="form-actions"><button type="submit" class="button button-primary">[[signin_button]]</button></div>
</form>
{{#demo}}
<section class="card demo-accounts" aria-labelledby="demo-heading">
<h2 id="demo-heading">[[demo_accounts_title]]</h2>
<p>[[demo_accounts_lead]]</p>
<div class="table-scroll">
<table class="data-table">
<caption class="visually-hidden">[[demo_accounts_title]]</caption>
<thead><tr><th scope="col">[[demo_col_role]]</th><th scope="col">[[demo_col_person]]</th><th scope="col">[[signin_username]]</th><th scope="col">[[signin_password]]</th></tr></thead>
<tbody>
{{#accounts}}<tr><th scope="row">{{label}}</th><td>{{name}}</td><td><code>{{employee_id}}</code></td><td><code>{{password}}</code></td></tr>
{{/accounts}}</tbody>
</table>
</div>
</section>
{{/demo}}
</div>
)";

constexpr std::string_view kHome = R"(<h1>[[home_greeting]] {{first_name}}</h1>
<p class="lead">{{lead}}</p>
<ul class="tiles">
{{#tiles}}<li class="tile"><h2><a href="{{href}}">{{title}}</a></h2><p>{{text}}</p>{{#has_status}}<p class="tile-status"><span class="badge badge-{{status_code}}">{{status}}</span></p>{{/has_status}}</li>
{{/tiles}}</ul>
)";

constexpr std::string_view kAssessment = R"(<h1>[[assessment_title]]</h1>
{{#no_round}}<div class="card"><p>[[assessment_no_round]]</p></div>{{/no_round}}
{{#not_in_round}}<div class="card"><p>[[assessment_not_in_round]]</p></div>{{/not_in_round}}
{{#has_form}}
<p class="lead">[[assessment_lead]]</p>
<dl class="facts">
<div><dt>[[label_round]]</dt><dd>{{round_name}}</dd></div>
<div><dt>[[label_role]]</dt><dd>{{role}}</dd></div>
<div><dt>[[label_status]]</dt><dd><span class="badge badge-{{status_code}}">{{status_label}}</span></dd></div>
{{#has_closes}}<div><dt>[[label_closes]]</dt><dd>{{closes}}</dd></div>{{/has_closes}}
</dl>
{{#has_summary}}
<section class="card summary" aria-labelledby="summary-heading">
<h2 id="summary-heading">[[summary_title]]</h2>
<p>[[summary_lead]]</p>
<div class="summary-columns">
<div>
<h3>[[summary_needs]] ({{need_count}})</h3>
{{#has_needs}}<ul class="plain-list">{{#needs}}<li><span class="code">{{code}}</span> {{name}} <span class="muted">– [[summary_your_level]] {{level}}, [[summary_expected]] {{expected}}</span></li>
{{/needs}}</ul>{{/has_needs}}
{{^has_needs}}<p>[[summary_no_needs]]</p>{{/has_needs}}
</div>
<div>
<h3>[[summary_strengths]] ({{strength_count}})</h3>
{{#has_strengths}}<ul class="plain-list">{{#strengths}}<li><span class="code">{{code}}</span> {{name}} <span class="muted">– [[summary_your_level]] {{level}}, [[summary_expected]] {{expected}}</span></li>
{{/strengths}}</ul>{{/has_strengths}}
{{^has_strengths}}<p>[[summary_no_strengths]]</p>{{/has_strengths}}
</div>
</div>
<p class="muted">[[summary_at_expected]]: {{at_expected_count}}.</p>
</section>
{{/has_summary}}
{{#has_errors}}
<div class="notice notice-error error-summary" role="alert" tabindex="-1" id="felsammanfattning">
<h2>[[errors_title]]</h2>
<ul>{{#errors}}<li><a href="#{{anchor}}">{{message}}</a></li>
{{/errors}}</ul>
</div>
{{/has_errors}}
{{#locked}}<div class="notice"><p>[[assessment_locked]]</p></div>{{/locked}}
<form method="post" action="/skattning" class="assessment-form" data-progress>
<input type="hidden" name="csrf" value="{{csrf}}">
<input type="hidden" name="round" value="{{round_name}}">
<details class="card scale-help">
<summary>[[scale_help_title]]</summary>
<ol class="scale-list">{{#scale}}<li><strong>{{level}}</strong> {{name}}</li>
{{/scale}}</ol>
</details>
<p class="progress muted" aria-live="polite" data-progress-output></p>
{{{areas_html}}}
{{^locked}}
<div class="form-actions sticky-actions">
<button type="submit" name="action" value="draft" class="button">[[save_draft]]</button>
<button type="submit" name="action" value="submit" class="button button-primary">[[submit_assessment]]</button>
</div>
{{/locked}}
</form>
{{/has_form}}
)";

// The questions of Min skattning. Rendered once per round, role and language with markers
// for the answers (assessment_page.cpp), so a page view only fills in the markers.
constexpr std::string_view kAssessmentAreas = R"({{#areas}}
<section class="card area" aria-labelledby="area-{{code}}">
<h2 id="area-{{code}}"><span class="code">{{code}}</span> {{name}}</h2>
<p class="area-description">{{description}}</p>
{{#competencies}}
<fieldset class="competency{{#has_error}} has-error{{/has_error}}" id="c-{{code}}"{{#has_error}} aria-describedby="c-{{code}}-error"{{/has_error}}{{{disabled_attr}}} data-question>
<legend><span class="code">{{code}}</span> {{name}}</legend>
<p class="definition">{{definition}}</p>
<p class="expected">[[expected_level_for_role]] <strong>{{expected}} – {{expected_name}}</strong></p>
{{#has_error}}<p class="field-error" id="c-{{code}}-error">{{error}}</p>{{/has_error}}
<div class="levels">
{{#levels}}<div class="level-option{{#is_expected}} is-expected{{/is_expected}}">
<input type="radio" name="level.{{code}}" id="level-{{code}}-{{level}}" value="{{level}}"{{{checked_attr}}}>
<label for="level-{{code}}-{{level}}"><span class="level-number">{{level}}</span><span class="level-text"><span class="level-name">{{name}}</span> <span class="level-descriptor">{{descriptor}}</span>{{#is_expected}} <span class="tag">[[expected_tag]]</span>{{/is_expected}}</span></label>
</div>
{{/levels}}</div>
</fieldset>
{{/competencies}}
<fieldset class="motivation{{#motivation_has_error}} has-error{{/motivation_has_error}}" id="m-{{code}}"{{#motivation_has_error}} aria-describedby="m-{{code}}-error"{{/motivation_has_error}}{{{disabled_attr}}} data-question>
<legend>{{motivation_question}}</legend>
<p class="hint">[[motivation_hint]]</p>
{{#motivation_has_error}}<p class="field-error" id="m-{{code}}-error">{{motivation_error}}</p>{{/motivation_has_error}}
<div class="scale-row">
{{#motivation}}<div class="scale-option"><input type="radio" name="motivation.{{area}}" id="motivation-{{area}}-{{value}}" value="{{value}}"{{{checked_attr}}}><label for="motivation-{{area}}-{{value}}"><span class="level-number">{{value}}</span> {{label}}</label></div>
{{/motivation}}</div>
</fieldset>
</section>
{{/areas}}
)";

constexpr std::string_view kTeam = R"(<h1>[[team_title]]</h1>
{{#no_round}}<div class="card"><p>[[team_no_round]]</p></div>{{/no_round}}
{{#has_round}}
<p class="lead">[[team_lead]]</p>
<form method="get" action="/team" class="filters">
<div class="field"><label for="team-round">[[label_round]]</label>
<select id="team-round" name="omgang">{{#rounds}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/rounds}}</select></div>
<div class="field checkbox-field"><input type="checkbox" id="team-indirect" name="alla" value="1"{{#indirect}} checked{{/indirect}}><label for="team-indirect">[[team_include_indirect]]</label></div>
<div class="form-actions"><button type="submit" class="button">[[show]]</button></div>
</form>
<ul class="key-figures">
<li><span class="kf-value">{{count}}</span><span class="kf-label">[[team_people]]</span></li>
<li><span class="kf-value">{{self_assessed}}</span><span class="kf-label">[[team_self_assessed]]</span></li>
<li><span class="kf-value">{{conversations}}</span><span class="kf-label">[[team_conversations]]</span></li>
</ul>
{{#has_reports}}
<div class="table-scroll" role="region" aria-labelledby="team-caption" tabindex="0">
<table class="data-table">
<caption id="team-caption">[[team_caption]] {{round_name}}</caption>
<thead><tr><th scope="col">[[col_name]]</th><th scope="col">[[label_role]]</th><th scope="col">[[label_unit]]</th>{{#indirect}}<th scope="col">[[col_manager]]</th>{{/indirect}}<th scope="col">[[label_status]]</th><th scope="col" class="num">[[col_needs]]</th><th scope="col" class="num">[[col_motivation]]</th></tr></thead>
<tbody>
{{#reports}}<tr><th scope="row"><a href="/team/{{employee_id}}?omgang={{round_query}}">{{name}}</a></th><td>{{role}}</td><td>{{unit}}</td>{{#indirect}}<td>{{manager}}</td>{{/indirect}}<td>{{#in_round}}<span class="badge badge-{{status_code}}">{{status}}</span>{{/in_round}}{{^in_round}}<span class="muted">[[team_not_in_round]]</span>{{/in_round}}</td><td class="num">{{needs}}</td><td class="num">{{motivation}}</td></tr>
{{/reports}}</tbody>
</table>
</div>
<p class="muted">[[team_table_note]]</p>
{{/has_reports}}
{{^has_reports}}<div class="card"><p>[[team_empty]]</p></div>{{/has_reports}}
{{/has_round}}
)";

constexpr std::string_view kConversation = R"({{#show_team_link}}<p class="breadcrumb"><a href="/team?omgang={{round_query}}">[[team_title]]</a> <span aria-hidden="true">›</span> {{name}}</p>{{/show_team_link}}
<h1>[[conversation_title]]: {{name}}</h1>
<dl class="facts">
<div><dt>[[label_round]]</dt><dd>{{round_name}}</dd></div>
<div><dt>[[label_role]]</dt><dd>{{role}}</dd></div>
<div><dt>[[label_unit]]</dt><dd>{{unit}}</dd></div>
<div><dt>[[label_status]]</dt><dd><span class="badge badge-{{status_code}}">{{status_label}}</span></dd></div>
{{#has_self_assessed_at}}<div><dt>[[label_self_assessed_at]]</dt><dd>{{self_assessed_at}}</dd></div>{{/has_self_assessed_at}}
{{#has_conversation_at}}<div><dt>[[label_conversation_at]]</dt><dd>{{conversation_at}}</dd></div>{{/has_conversation_at}}
</dl>
{{#show_person_link}}<p><a href="/personer/{{employee_id}}">[[person_link]]</a></p>{{/show_person_link}}
{{^in_round}}<div class="card"><p>[[conversation_not_in_round]]</p></div>{{/in_round}}
{{#in_round}}
<p class="lead">[[conversation_lead]]</p>
{{#read_only}}<div class="notice"><p>{{read_only_reason}}</p></div>{{/read_only}}
{{#has_errors}}
<div class="notice notice-error error-summary" role="alert" tabindex="-1" id="felsammanfattning">
<h2>[[errors_title]]</h2>
<ul>{{#errors}}<li><a href="#{{anchor}}">{{message}}</a></li>
{{/errors}}</ul>
</div>
{{/has_errors}}
<form method="post" action="/team/{{employee_id}}" class="conversation-form" data-priorities="{{max_priorities}}">
<input type="hidden" name="csrf" value="{{csrf}}">
<input type="hidden" name="round" value="{{round_name}}">
{{#areas}}
<section class="card area" aria-labelledby="area-{{code}}">
<h2 id="area-{{code}}"><span class="code">{{code}}</span> {{name}}</h2>
<p class="muted">[[col_motivation]]: {{motivation}}</p>
<div class="table-scroll" role="region" aria-labelledby="caption-{{code}}" tabindex="0">
<table class="data-table conversation-table">
<caption class="visually-hidden" id="caption-{{code}}">[[conversation_caption]] {{code}} {{name}}</caption>
<thead><tr><th scope="col">[[col_competency]]</th><th scope="col" class="num">[[col_self]]</th><th scope="col">[[col_agreed]]</th><th scope="col" class="num">[[col_expected]]</th><th scope="col">[[col_priority]]</th></tr></thead>
<tbody>
{{#competencies}}<tr{{#below}} class="is-below"{{/below}}>
<th scope="row"><span class="code">{{code}}</span> {{name}}{{#below}} <span class="tag tag-need">[[tag_need]]</span>{{/below}}</th>
<td class="num">{{self}}</td>
<td><label class="visually-hidden" for="agreed-{{code}}">[[agreed_level_for]] {{code}} {{name}}</label>
<select id="agreed-{{code}}" name="agreed.{{code}}"{{#read_only}} disabled{{/read_only}}>{{#options}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/options}}</select></td>
<td class="num">{{expected}}</td>
<td class="center"><input type="checkbox" name="priority" value="{{code}}" id="priority-{{code}}"{{#prioritised}} checked{{/prioritised}}{{#read_only}} disabled{{/read_only}}><label for="priority-{{code}}"><span class="visually-hidden">[[prioritise]] {{code}} {{name}}</span></label></td>
</tr>
{{/competencies}}</tbody>
</table>
</div>
</section>
{{/areas}}
<section class="card" aria-labelledby="wrapup-heading">
<h2 id="wrapup-heading">[[conversation_wrapup]]</h2>
<p class="hint" id="priorities-hint">[[priorities_hint]]</p>
<div class="field">
<label for="notes">[[notes_label]]</label>
<p class="hint" id="notes-hint">[[notes_hint]]</p>
<textarea id="notes" name="notes" rows="4" maxlength="2000" aria-describedby="notes-hint"{{#read_only}} disabled{{/read_only}}>{{notes}}</textarea>
</div>
<div class="field checkbox-field"><input type="checkbox" id="held" name="conversation_held" value="1"{{#held}} checked{{/held}}{{#read_only}} disabled{{/read_only}}><label for="held">[[conversation_held_label]]</label></div>
{{#may_follow_up}}<div class="field checkbox-field"><input type="checkbox" id="followed" name="followed_up" value="1"{{#followed_up}} checked{{/followed_up}}{{#read_only}} disabled{{/read_only}}><label for="followed">[[followed_up_label]]</label></div>{{/may_follow_up}}
{{^read_only}}<div class="form-actions"><button type="submit" class="button button-primary">[[conversation_save]]</button></div>{{/read_only}}
</section>
</form>
{{/in_round}}
)";

constexpr std::string_view kOverview = R"(<h1>[[overview_title]]</h1>
{{#no_round}}<div class="card"><p>[[overview_no_round]]</p></div>{{/no_round}}
{{#has_round}}
<p class="lead">{{lead}}</p>
<form method="get" action="/oversikt" class="filters card">
<div class="field"><label for="f-round">[[label_round]]</label>
<select id="f-round" name="omgang">{{#rounds}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/rounds}}</select></div>
<div class="field"><label for="f-unit">[[label_unit]]</label>
<select id="f-unit" name="enhet">{{#units}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/units}}</select></div>
<div class="field"><label for="f-role">[[label_role]]</label>
<select id="f-role" name="roll"><option value="">[[all_roles]]</option>{{#roles}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/roles}}</select></div>
<div class="field"><label for="f-gender">[[label_gender]]</label>
<select id="f-gender" name="kon">{{#genders}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/genders}}</select></div>
<div class="form-actions"><button type="submit" class="button">[[show]]</button></div>
</form>
{{#has_error}}<div class="notice notice-error" role="alert"><p>{{error}}</p></div>{{/has_error}}
{{#suppression_note}}<div class="notice"><p>{{suppression_note_text}}</p></div>{{/suppression_note}}
{{#suppressed}}<div class="card"><p>[[overview_suppressed]]</p></div>{{/suppressed}}
{{#has_report}}
<section aria-labelledby="kf-heading">
<h2 id="kf-heading" class="visually-hidden">[[overview_key_figures]]</h2>
<ul class="key-figures" data-key-figures>
<li><span class="kf-value" data-figure="people">{{people}}</span><span class="kf-label">[[kf_people]]</span></li>
<li><span class="kf-value" data-figure="assessed">{{assessed}}</span><span class="kf-label">[[kf_assessed]]</span></li>
<li><span class="kf-value" data-figure="participation">{{participation}}</span><span class="kf-label">[[kf_participation]]</span>{{#has_compare}}<span class="kf-change">{{participation_change}} [[pp_since]] {{compare_round}}</span>{{/has_compare}}</li>
<li><span class="kf-value" data-figure="share-with-need">{{share_with_need}}</span><span class="kf-label">[[kf_share_with_need]]</span>{{#has_compare}}<span class="kf-change">{{share_with_need_change}} [[pp_since]] {{compare_round}}</span>{{/has_compare}}</li>
</ul>
</section>
{{#charts}}
<section class="card chart-card" aria-labelledby="{{id}}-heading" id="{{id}}-section">
<h2 id="{{id}}-heading">{{title}}</h2>
{{#has_intro}}<p class="muted">{{intro}}</p>{{/has_intro}}
<figure class="chart">{{{svg}}}</figure>
<details class="chart-table"{{#open}} open{{/open}}>
<summary>[[show_table]]</summary>
<div class="table-scroll" role="region" aria-label="[[table_of]] {{title}}" tabindex="0">{{{table}}}</div>
</details>
<p class="download"><a href="{{csv_href}}">[[download_csv]]<span class="visually-hidden">: {{title}}</span></a></p>
</section>
{{/charts}}
{{/has_report}}
{{/has_round}}
)";

constexpr std::string_view kFigures = R"(<h1>[[figures_title]]</h1>
<p class="lead">[[figures_lead]]</p>
<form method="get" action="/nyckeltal" class="filters card">
<div class="field"><label for="f-at">[[figures_date]]</label>
<input id="f-at" name="at" type="date" value="{{at}}" required aria-describedby="f-at-hint">
<p id="f-at-hint" class="hint">[[figures_date_hint]]</p></div>
<div class="field"><label for="f-unit">[[label_unit]]</label>
<select id="f-unit" name="enhet">{{#units}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/units}}</select></div>
<div class="form-actions"><button type="submit" class="button">[[show]]</button></div>
</form>
{{#has_error}}<div class="notice notice-error" role="alert"><p>{{error}}</p></div>{{/has_error}}
{{#suppressed}}<div class="card"><p>{{suppressed_text}}</p></div>{{/suppressed}}
{{#no_data}}<div class="card"><p>[[figures_no_data]]</p></div>{{/no_data}}
{{#has_figures}}
<section aria-labelledby="kf-heading">
<h2 id="kf-heading" class="visually-hidden">[[overview_key_figures]]</h2>
<ul class="key-figures" data-key-figures>
<li><span class="kf-value" data-figure="headcount">{{headcount}}</span><span class="kf-label">[[figures_headcount]]</span><span class="kf-change">{{permanent}} [[figures_permanent_lower]], {{temporary}} [[figures_temporary_lower]]</span></li>
<li><span class="kf-value" data-figure="share-women">{{share_women}}</span><span class="kf-label">[[figures_share_women]]</span></li>
<li><span class="kf-value" data-figure="turnover">{{turnover_external}}</span><span class="kf-label">[[figures_turnover]]</span><span class="kf-change">{{turnover_wider}} [[figures_turnover_wider]] ({{period}})</span></li>
<li><span class="kf-value" data-figure="mean-age">{{mean_age}}</span><span class="kf-label">[[figures_mean_age]]</span><span class="kf-change">[[figures_tenure]] {{tenure}}</span></li>
</ul>
</section>
{{#charts}}
<section class="card chart-card" aria-labelledby="{{id}}-heading" id="{{id}}-section">
<h2 id="{{id}}-heading">{{title}}</h2>
<figure class="chart">{{{svg}}}</figure>
<details class="chart-table">
<summary>[[show_table]]</summary>
<div class="table-scroll" role="region" aria-label="[[table_of]] {{title}}" tabindex="0">{{{table}}}</div>
</details>
<p class="download"><a href="{{csv_href}}">[[download_csv]]<span class="visually-hidden">: {{title}}</span></a></p>
</section>
{{/charts}}
<p class="download"><a href="{{all_csv_href}}">[[figures_download_all]]</a></p>
{{/has_figures}}
)";

constexpr std::string_view kFramework = R"(<h1>[[framework_title]]</h1>
{{#no_framework}}<div class="card"><p>[[framework_none]]</p></div>{{/no_framework}}
{{#has_framework}}
{{#has_choice}}
<form method="get" action="/ramverk" class="filters">
<div class="field"><label for="fw">[[framework_choose]]</label>
<select id="fw" name="id">{{#frameworks}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/frameworks}}</select></div>
<div class="form-actions"><button type="submit" class="button">[[show]]</button></div>
</form>
{{/has_choice}}
<p class="lead"><strong>{{name}}</strong> · [[framework_version]] {{version}} · [[framework_revision]] {{revision}}</p>
<p>{{description}}</p>
<nav class="toc" aria-label="[[framework_toc]]"><ul>
{{#areas}}<li><a href="#omrade-{{code}}">{{code}} {{name}}</a></li>
{{/areas}}<li><a href="#roller">[[framework_matrix_title]]</a></li></ul></nav>
<section class="card" aria-labelledby="scale-heading">
<h2 id="scale-heading">[[framework_scale]]</h2>
<ol class="scale-list">{{#scale}}<li><strong>{{level}}</strong> {{name}}</li>
{{/scale}}</ol>
</section>
{{#areas}}
<section class="card area" aria-labelledby="omrade-{{code}}">
<h2 id="omrade-{{code}}"><span class="code">{{code}}</span> {{name}}</h2>
<p>{{description}}</p>
{{#restricted}}<p class="muted">[[framework_area_roles]]: {{roles}}</p>{{/restricted}}
<p class="muted">[[framework_motivation_question]]: {{motivation_question}}</p>
{{#competencies}}
<details class="competency-details">
<summary><span class="code">{{code}}</span> {{name}}</summary>
<p class="definition">{{definition}}</p>
<ol class="descriptor-list">{{#levels}}<li><strong>{{level}} {{name}}.</strong> {{descriptor}}</li>
{{/levels}}</ol>
</details>
{{/competencies}}
</section>
{{/areas}}
<section class="card" aria-labelledby="roller">
<h2 id="roller">[[framework_matrix_title]]</h2>
<p class="muted">[[framework_matrix_lead]]</p>
<div class="table-scroll" role="region" aria-labelledby="matrix-caption" tabindex="0">
<table class="data-table matrix">
<caption class="visually-hidden" id="matrix-caption">[[framework_matrix_caption]]</caption>
<thead><tr><th scope="col">[[col_competency]]</th>{{#roles}}<th scope="col" class="num"><span class="rotate">{{.}}</span></th>{{/roles}}</tr></thead>
<tbody>
{{#matrix}}<tr><th scope="row"><span class="code">{{code}}</span> {{name}}</th>{{#cells}}<td class="num level-cell level-{{value}}">{{label}}</td>{{/cells}}</tr>
{{/matrix}}</tbody>
</table>
</div>
</section>
{{/has_framework}}
)";

constexpr std::string_view kRounds = R"(<h1>[[rounds_title]]</h1>
<p class="lead">[[rounds_lead]]</p>
{{#has_errors}}
<div class="notice notice-error error-summary" role="alert" tabindex="-1" id="felsammanfattning">
<h2>[[errors_title]]</h2>
<ul>{{#errors}}<li><a href="#{{anchor}}">{{message}}</a></li>
{{/errors}}</ul>
</div>
{{/has_errors}}
<div class="table-scroll" role="region" aria-labelledby="rounds-caption" tabindex="0">
<table class="data-table">
<caption id="rounds-caption">[[rounds_caption]]</caption>
<thead><tr><th scope="col">[[label_round]]</th><th scope="col">[[rounds_framework]]</th><th scope="col">[[rounds_scope]]</th><th scope="col">[[rounds_period]]</th><th scope="col">[[label_state]]</th><th scope="col" class="num">[[kf_people]]</th><th scope="col" class="num">[[kf_participation]]</th><th scope="col">[[rounds_action]]</th></tr></thead>
<tbody>
{{#rounds}}<tr><th scope="row">{{name}}</th><td>{{framework}}</td><td>{{scope}}</td><td>{{period}}</td><td><span class="badge badge-{{state_code}}">{{state}}</span></td><td class="num">{{people}}</td><td class="num">{{participation}}</td>
<td>{{#can_open}}<form method="post" action="/omgangar/{{name_path}}/oppna" class="inline-form"><input type="hidden" name="csrf" value="{{csrf}}"><button type="submit" class="button button-small">[[rounds_open]]<span class="visually-hidden"> {{name}}</span></button></form>{{/can_open}}{{#can_close}}<form method="post" action="/omgangar/{{name_path}}/stang" class="inline-form" data-confirm="[[rounds_close_confirm]]"><input type="hidden" name="csrf" value="{{csrf}}"><button type="submit" class="button button-small">[[rounds_close]]<span class="visually-hidden"> {{name}}</span></button></form>{{/can_close}}</td></tr>
{{/rounds}}</tbody>
</table>
</div>
<section class="card" aria-labelledby="create-heading">
<h2 id="create-heading">[[rounds_create_title]]</h2>
<form method="post" action="/omgangar" class="form-grid">
<input type="hidden" name="csrf" value="{{csrf}}">
<div class="field{{#name_error}} has-error{{/name_error}}"><label for="round-name">[[rounds_name]]</label>
<p class="hint" id="round-name-hint">[[rounds_name_hint]]</p>
{{#name_error}}<p class="field-error" id="round-name-error">{{name_error}}</p>{{/name_error}}
<input id="round-name" name="name" type="text" required value="{{form_name}}" aria-describedby="round-name-hint{{#name_error}} round-name-error{{/name_error}}"></div>
<div class="field"><label for="round-framework">[[rounds_framework]]</label>
<select id="round-framework" name="framework">{{#frameworks}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/frameworks}}</select></div>
<div class="field"><label for="round-scope">[[rounds_scope]]</label>
<select id="round-scope" name="scope"><option value="">[[rounds_whole_organisation]]</option>{{#units}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/units}}</select></div>
<div class="field{{#opens_error}} has-error{{/opens_error}}"><label for="round-opens">[[rounds_opens]]</label>
{{#opens_error}}<p class="field-error" id="round-opens-error">{{opens_error}}</p>{{/opens_error}}
<input id="round-opens" name="opens" type="date" value="{{form_opens}}"{{#opens_error}} aria-describedby="round-opens-error"{{/opens_error}}></div>
<div class="field{{#closes_error}} has-error{{/closes_error}}"><label for="round-closes">[[rounds_closes]]</label>
{{#closes_error}}<p class="field-error" id="round-closes-error">{{closes_error}}</p>{{/closes_error}}
<input id="round-closes" name="closes" type="date" value="{{form_closes}}"{{#closes_error}} aria-describedby="round-closes-error"{{/closes_error}}></div>
<div class="form-actions"><button type="submit" class="button button-primary">[[rounds_create]]</button></div>
</form>
</section>
)";

constexpr std::string_view kAccount = R"(<div class="narrow">
<h1>[[account_title]]</h1>
{{#must_change}}<div class="notice"><p>[[account_must_change]]</p></div>{{/must_change}}
<dl class="facts">
<div><dt>[[col_name]]</dt><dd>{{name}}</dd></div>
<div><dt>[[signin_username]]</dt><dd>{{employee_id}}</dd></div>
<div><dt>[[account_role]]</dt><dd>{{role}}</dd></div>
</dl>
{{#has_errors}}
<div class="notice notice-error error-summary" role="alert" tabindex="-1" id="felsammanfattning">
<h2>[[errors_title]]</h2>
<ul>{{#errors}}<li><a href="#{{anchor}}">{{message}}</a></li>
{{/errors}}</ul>
</div>
{{/has_errors}}
<form method="post" action="/konto" class="card form-stack">
<h2>[[account_change_password]]</h2>
<input type="hidden" name="csrf" value="{{csrf}}">
<div class="field"><label for="current">[[account_current_password]]</label>
<input id="current" name="current" type="password" autocomplete="current-password" required></div>
<div class="field"><label for="new-password">[[account_new_password]]</label>
<p class="hint" id="new-password-hint">[[account_new_password_hint]]</p>
<input id="new-password" name="new" type="password" autocomplete="new-password" required aria-describedby="new-password-hint"></div>
<div class="field"><label for="repeat-password">[[account_repeat_password]]</label>
<input id="repeat-password" name="repeat" type="password" autocomplete="new-password" required></div>
<div class="form-actions"><button type="submit" class="button button-primary">[[account_save_password]]</button></div>
</form>
</div>
)";

constexpr std::string_view kError = R"(<div class="narrow">
<h1>{{heading}}</h1>
<p class="lead">{{message}}</p>
{{#has_request_id}}<p>[[error_request_id]] <code>{{request_id}}</code></p>{{/has_request_id}}
<p><a href="/">[[error_home]]</a></p>
</div>
)";

// Personuppgifter (person_page.cpp): the audit history as a table, and the export.
constexpr std::string_view kPerson = R"(<p class="breadcrumb"><a href="/team/{{employee_path}}">[[person_conversation_link]]</a></p>
<h1>[[person_title]]: {{name}}</h1>
<dl class="facts">
<div><dt>[[person_employee_id]]</dt><dd><code>{{employee_id}}</code></dd></div>
<div><dt>[[label_role]]</dt><dd>{{role}}</dd></div>
<div><dt>[[label_unit]]</dt><dd>{{unit}}</dd></div>
</dl>
{{#erased}}<div class="notice"><p>[[person_erased_note]] {{erased_at}}.</p></div>{{/erased}}
<section class="card" aria-labelledby="export-heading">
<h2 id="export-heading">[[person_export_heading]]</h2>
<p id="export-hint">[[person_export_text]]</p>
<form method="post" action="/personer/{{employee_path}}/export.json"><input type="hidden" name="csrf" value="{{csrf}}"><button type="submit" aria-describedby="export-hint">[[person_export_button]]</button></form>
</section>
<section aria-labelledby="history-heading">
<h2 id="history-heading">[[person_history_heading]]</h2>
<p>[[person_history_lead]]</p>
{{#has_entries}}
<div class="table-scroll" role="region" aria-labelledby="history-caption" tabindex="0">
<table class="data-table audit-table">
<caption id="history-caption">[[person_history_caption]] {{name}} ({{count}})</caption>
<thead><tr><th scope="col">[[person_col_time]]</th><th scope="col">[[person_col_actor]]</th><th scope="col">[[person_col_action]]</th><th scope="col">[[person_col_detail]]</th></tr></thead>
<tbody>
{{#entries}}<tr><th scope="row"><time datetime="{{at}}">{{at_label}}</time></th><td>{{actor}}</td><td>{{action}} <code class="muted">{{action_code}}</code></td><td>{{detail}}</td></tr>
{{/entries}}</tbody>
</table>
</div>
{{/has_entries}}
{{^has_entries}}<div class="card"><p>[[person_history_empty]]</p></div>{{/has_entries}}
</section>
)";

}  // namespace

std::string_view template_source(TemplateId id) {
  switch (id) {
    case TemplateId::kLayout: return kLayout;
    case TemplateId::kLogin: return kLogin;
    case TemplateId::kHome: return kHome;
    case TemplateId::kAssessment: return kAssessment;
    case TemplateId::kAssessmentAreas: return kAssessmentAreas;
    case TemplateId::kTeam: return kTeam;
    case TemplateId::kConversation: return kConversation;
    case TemplateId::kOverview: return kOverview;
    case TemplateId::kFramework: return kFramework;
    case TemplateId::kFigures: return kFigures;
    case TemplateId::kRounds: return kRounds;
    case TemplateId::kAccount: return kAccount;
    case TemplateId::kError: return kError;
    case TemplateId::kPerson: return kPerson;
  }
  return {};
}

}  // namespace trappa::web
