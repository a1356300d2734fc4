// The text catalogue: every text of the web interface, Swedish first, then English.
// Texts may hold {{mustache}} tags of the template they are used in, and simple inline
// markup (they are written here, never taken from users).
#include "i18n/ui_text.hpp"

#include <array>
#include <unordered_map>

#include "core/base/date.hpp"

namespace trappa::i18n {

namespace {

struct Entry {
  std::string_view key;
  std::string_view swedish;
  std::string_view english;
};

constexpr Entry kTexts[] = {
    // Layout and navigation
    {"skip_to_content", "Hoppa till innehållet", "Skip to content"},
    {"app_tagline", "Kompetensförsörjning", "Competence supply"},
    {"nav_label", "Huvudmeny", "Main menu"},
    {"nav_home", "Start", "Home"},
    {"nav_assessment", "Min skattning", "My assessment"},
    {"nav_team", "Mitt team", "My team"},
    {"nav_overview", "Översikt", "Overview"},
    {"nav_framework", "Ramverk", "Framework"},
    {"nav_figures", "Nyckeltal", "Key figures"},
    {"nav_rounds", "Omgångar", "Rounds"},
    {"nav_account", "Mitt konto", "My account"},
    {"sign_out", "Logga ut", "Sign out"},
    {"footer_text", "Trappa – strategisk kompetensförsörjning. Uppgifterna används för att planera kompetensutveckling, aldrig som underlag för lön.",
     "Trappa – strategic competence supply. The data is used to plan competence development, never as a basis for pay."},
    {"footer_demo", "Demoläge: organisationen och personerna är påhittade.", "Demo mode: the organisation and its people are invented."},
    {"language_name_sv", "Svenska", "Svenska"},
    {"language_name_en", "English", "English"},
    {"show", "Visa", "Show"},

    // Roles of accounts
    {"role_employee", "Medarbetare", "Employee"},
    {"role_manager", "Chef", "Manager"},
    {"role_hr", "HR", "HR"},
    {"role_admin", "Administratör", "Administrator"},
    {"role_observer", "Observatör", "Observer"},

    // Sign-in
    {"signin_title", "Logga in", "Sign in"},
    {"signin_lead", "Logga in med ditt anställningsnummer och lösenord för att skatta din kompetens, hålla samtal med dina medarbetare eller följa upp resultaten.",
     "Sign in with your employee number and password to assess your competence, hold conversations with your staff or follow the results."},
    {"signin_username", "Användarnamn", "User name"},
    {"signin_username_hint", "Ditt anställningsnummer, till exempel E000123, eller din e-postadress.", "Your employee number, for example E000123, or your e-mail address."},
    {"signin_password", "Lösenord", "Password"},
    {"signin_button", "Logga in", "Sign in"},
    {"signin_failed", "Fel användarnamn eller lösenord. Försök igen.", "Wrong user name or password. Please try again."},
    // Sign-in hardening: throttled attempts, sign-in through the city's single sign-on
    {"signin_throttled_account", "För många misslyckade inloggningsförsök med det här användarnamnet. Av säkerhetsskäl kan du försöka igen om {wait}.",
     "Too many failed sign-in attempts with this user name. For your security, you can try again in {wait}."},
    {"signin_throttled_address", "För många misslyckade inloggningsförsök från din nätverksadress. Du kan försöka igen om {wait}.",
     "Too many failed sign-in attempts from your network address. You can try again in {wait}."},
    {"account_password_throttled", "För många felaktiga lösenord. Av säkerhetsskäl kan du försöka igen om {wait}.",
     "Too many wrong passwords. For your security, you can try again in {wait}."},
    {"signin_wait_second", "1 sekund", "1 second"},
    {"signin_wait_seconds", "{n} sekunder", "{n} seconds"},
    {"signin_wait_minute", "1 minut", "1 minute"},
    {"signin_wait_minutes", "{n} minuter", "{n} minutes"},
    {"proxy_unknown_user", "Du är inloggad via stadens gemensamma inloggning, men Trappa har inget konto för dig. Kontakta din HR-funktion eller administratören för Trappa.",
     "You are signed in through the city's single sign-on, but Trappa has no account for you. Contact your HR function or the Trappa administrator."},
    {"signin_expired_form", "Formuläret hade gått ut. Logga in igen.", "The form had expired. Please sign in again."},
    {"signed_out", "Du är utloggad.", "You have signed out."},
    {"demo_accounts_title", "Demokonton", "Demo accounts"},
    {"demo_accounts_lead", "Servern körs i demoläge. Prova Trappa med något av kontona nedan.", "The server runs in demo mode. Try Trappa with one of the accounts below."},
    {"demo_col_role", "Roll", "Role"},
    {"demo_col_person", "Person", "Person"},
    {"demo_employee", "Medarbetare som inte har skattat 2026", "Employee who has not yet assessed 2026"},
    {"demo_manager", "Medarbetarens chef", "The employee's manager"},
    {"demo_hr", "HR", "HR"},
    {"demo_observer", "Observatör (t.ex. facklig företrädare)", "Observer (e.g. union representative)"},

    // Home
    {"home_greeting", "Välkommen,", "Welcome,"},
    {"home_lead", "Här gör du årets kompetensarbete: skattning, samtal och uppföljning.", "This is where you do the year's competence work: assessment, conversation and follow-up."},
    {"home_assessment_text", "Skatta din egen nivå i varje delkompetens och din motivation per område.", "Rate your own level in each competency and your motivation per area."},
    {"home_team_text", "Se hur det går för dina medarbetare och håll utvecklingssamtalen.", "See how your staff are doing and hold the development conversations."},
    {"home_overview_text", "Deltagande, kompetensbehov och motivation i organisationen.", "Participation, competence needs and motivation in the organisation."},
    {"home_framework_text", "Kompetensområden, nivåer och vad varje roll förväntas kunna.", "Competence areas, levels and what each role is expected to master."},
    {"home_figures_text", "Personalomsättning, anställningsformer, åldrar och pensionsavgångar.", "Turnover, forms of employment, ages and retirements."},
    {"home_rounds_text", "Skapa, öppna och stäng skattningsomgångar.", "Create, open and close assessment rounds."},

    // Common labels
    {"label_round", "Omgång", "Round"},
    {"label_role", "Roll", "Role"},
    {"label_unit", "Enhet", "Unit"},
    {"label_gender", "Kön", "Gender"},
    {"label_status", "Status", "Status"},
    {"label_state", "Läge", "State"},
    {"label_closes", "Sista dag", "Closes"},
    {"label_self_assessed_at", "Skattning inskickad", "Assessment submitted"},
    {"label_conversation_at", "Samtal hållet", "Conversation held"},
    {"label_followed_up_at", "Uppföljt", "Followed up on"},
    {"col_name", "Namn", "Name"},
    {"col_manager", "Närmaste chef", "Manager"},
    {"col_needs", "Behov", "Needs"},
    {"col_motivation", "Motivation", "Motivation"},
    {"col_competency", "Delkompetens", "Competency"},
    {"col_self", "Egen nivå", "Own level"},
    {"col_agreed", "Överenskommen", "Agreed"},
    {"col_expected", "Förväntad", "Expected"},
    {"col_priority", "Prioritera", "Priority"},
    {"errors_title", "Något behöver rättas", "Something needs correcting"},
    {"not_answered", "Ej besvarad", "Not answered"},

    // Assessment statuses and round states. status_<code> is the one word for each state of
    // the status model (core/assessment/assessment_progress.hpp, docs/web.md "Statuses").
    {"status_not_started", "Ej påbörjad", "Not started"},
    {"status_draft", "Utkast sparat", "Draft saved"},
    {"status_self_assessed", "Självskattad", "Self-assessed"},
    {"status_conversation_held", "Samtal hållet", "Conversation held"},
    {"status_followed_up", "Uppföljd", "Followed up"},
    {"state_draft", "Utkast", "Draft"},
    {"state_open", "Öppen", "Open"},
    {"state_closed", "Stängd", "Closed"},

    // Min skattning
    {"assessment_title", "Min skattning", "My assessment"},
    {"assessment_lead", "Välj för varje delkompetens den nivå som bäst beskriver hur du arbetar i dag, och svara på hur motiverad du är att utvecklas inom varje område. Du kan spara ett utkast och fortsätta senare. Skattningen är underlag för samtalet med din chef.",
     "For each competency, choose the level that best describes how you work today, and answer how motivated you are to develop in each area. You can save a draft and continue later. The assessment prepares the conversation with your manager."},
    {"assessment_no_round", "Det finns ingen öppen skattningsomgång just nu.", "There is no open assessment round right now."},
    {"assessment_not_in_round", "Du ingår inte i den öppna skattningsomgången. Kontakta HR om du tror att det är fel.", "You are not part of the open assessment round. Contact HR if you believe this is wrong."},
    {"assessment_locked", "Samtalet med din chef är hållet, så skattningen kan inte längre ändras.", "The conversation with your manager has been held, so the assessment can no longer change."},
    {"assessment_round_closed", "Omgången är stängd och skattningen kan inte längre ändras.", "The round is closed and the assessment can no longer change."},
    {"scale_help_title", "Så fungerar nivåerna", "How the levels work"},
    {"expected_level_for_role", "Förväntad nivå för din roll:", "Expected level for your role:"},
    {"expected_tag", "Förväntad nivå", "Expected level"},
    {"motivation_hint", "1 betyder inte alls motiverad, 5 mycket motiverad.", "1 means not motivated at all, 5 very motivated."},
    {"motivation_1", "Inte alls", "Not at all"},
    {"motivation_2", "Lite", "A little"},
    {"motivation_3", "Ganska", "Fairly"},
    {"motivation_4", "Mycket", "Very"},
    {"motivation_5", "Väldigt mycket", "Extremely"},
    {"save_draft", "Spara utkast", "Save draft"},
    {"submit_assessment", "Skicka in skattningen", "Submit the assessment"},
    {"assessment_saved_draft", "Utkastet är sparat.", "The draft is saved."},
    {"assessment_submitted", "Tack! Din skattning är inskickad. Din chef ser den inför ert samtal.", "Thank you! Your assessment is submitted. Your manager will see it before your conversation."},
    // Answers kept through sign-in after the session ended (issue 13, item 1)
    {"assessment_restored", "Du hann bli utloggad innan svaren sparades. Nu är de sparade som utkast – kontrollera dem och skicka in när du är klar.",
     "You were signed out before your answers were saved. They are now saved as a draft – check them and submit when you are ready."},
    {"assessment_not_restored", "Svaren du skickade innan du loggades ut kunde inte sparas, eftersom skattningen inte längre kan ändras.",
     "The answers you sent before you were signed out could not be saved, because the assessment can no longer change."},
    {"assessment_from_earlier_session", "Formuläret kom från en tidigare inloggning, så svaren är inte sparade än. De visas här – kontrollera dem och spara igen.",
     "The form came from an earlier sign-in, so the answers are not saved yet. They are shown here – check them and save again."},
    {"held_answers_title", "Du har blivit utloggad", "You have been signed out"},
    {"held_answers_text", "Dina svar är inte förlorade. Logga in igen med samma konto, så sparas de som utkast.",
     "Your answers are not lost. Sign in again with the same account and they are saved as a draft."},
    {"session_warning_text", "Du har ändringar som inte är sparade, och du loggas snart ut eftersom du inte har varit aktiv. Spara nu för att behålla dem.",
     "You have changes that are not saved, and you will soon be signed out for inactivity. Save now to keep them."},
    // The conversation's outcome on Min skattning (issue 13, item 3)
    {"outcome_title", "Resultat av samtalet", "Outcome of the conversation"},
    {"outcome_lead", "Det här kom du och din chef överens om. Din egen skattning står bredvid den överenskomna nivån. Skattningen kan inte längre ändras.",
     "This is what you and your manager agreed. Your own rating is shown beside the agreed level. The assessment can no longer change."},
    {"outcome_priorities", "Prioriterade delkompetenser", "Prioritised competencies"},
    {"outcome_no_priorities", "Inga delkompetenser prioriterades.", "No competencies were prioritised."},
    {"outcome_notes", "Chefens anteckning", "Your manager's note"},
    {"outcome_no_notes", "Ingen anteckning.", "No note."},
    {"outcome_caption", "Egen, överenskommen och förväntad nivå inom", "Own, agreed and expected level in"},
    {"outcome_prioritised", "Prioriterad", "Prioritised"},
    {"outcome_adjusted", "justerad i samtalet", "adjusted in the conversation"},
    {"error_choose_level", "Välj en nivå för {code} {name}.", "Choose a level for {code} {name}."},
    {"error_choose_motivation", "Svara på hur motiverad du är inom {name}.", "Answer how motivated you are in {name}."},
    {"error_invalid_value", "Ogiltigt värde för {field}.", "Invalid value for {field}."},
    {"summary_title", "Sammanfattning av din skattning", "Summary of your assessment"},
    {"summary_lead", "Jämfört med den förväntade nivån för din roll.", "Compared with the expected level of your role."},
    {"summary_needs", "Utvecklingsbehov", "Development needs"},
    {"summary_strengths", "Styrkor", "Strengths"},
    {"summary_no_needs", "Inga delkompetenser under förväntad nivå.", "No competencies below the expected level."},
    {"summary_no_strengths", "Inga delkompetenser över förväntad nivå.", "No competencies above the expected level."},
    {"summary_your_level", "din nivå", "your level"},
    {"summary_agreed_level", "överenskommen nivå", "agreed level"},
    {"summary_expected", "förväntad", "expected"},
    {"summary_at_expected", "Delkompetenser på förväntad nivå", "Competencies at the expected level"},

    // Mitt team and the conversation
    {"team_title", "Mitt team", "My team"},
    {"team_lead", "Dina medarbetare i omgången: status, antal kompetensbehov och genomsnittlig motivation. Välj en person för att förbereda och dokumentera samtalet.",
     "Your staff in the round: status, number of competence needs and mean motivation. Choose a person to prepare and record the conversation."},
    {"team_no_round", "Det finns ingen skattningsomgång än.", "There is no assessment round yet."},
    {"team_include_indirect", "Ta med indirekta medarbetare", "Include indirect reports"},
    {"team_people", "medarbetare", "people"},
    {"team_self_assessed", "har skattat sig", "have self-assessed"},
    {"team_conversations", "samtal hållna", "conversations held"},
    {"team_caption", "Medarbetare i omgång", "Staff in round"},
    {"team_not_in_round", "Ingår inte", "Not included"},
    {"team_table_note", "Behov räknas mot den förväntade nivån för rollen, med överenskommen nivå där den finns och annars självskattad nivå. Motivation är medelvärdet av svaren 1–5.",
     "Needs are counted against the role's expected level, using the agreed level where there is one and the self-assessed level otherwise. Motivation is the mean of the 1–5 answers."},
    {"team_empty", "Du har inga medarbetare i organisationsdata.", "You have no staff in the organisation data."},
    {"conversation_title", "Samtal", "Conversation"},
    {"conversation_lead", "Gå igenom skattningen tillsammans. Justera överenskommen nivå där ni landar i en annan nivå, välj upp till tre delkompetenser att prioritera och markera när samtalet är hållet.",
     "Go through the assessment together. Adjust the agreed level where you land on another level, choose up to three competencies to prioritise and mark when the conversation has been held."},
    {"conversation_not_in_round", "Personen ingår inte i omgången.", "The person is not part of the round."},
    {"conversation_caption", "Nivåer inom", "Levels in"},
    {"conversation_read_only_indirect", "Du ser samtalet som indirekt chef. Bara närmaste chef och HR kan ändra det.", "You see this conversation as an indirect manager. Only the direct manager and HR can change it."},
    {"conversation_read_only_closed", "Omgången är stängd. Samtalet kan läsas men inte ändras.", "The round is closed. The conversation can be read but not changed."},
    {"agreed_level_for", "Överenskommen nivå för", "Agreed level for"},
    {"prioritise", "Prioritera", "Prioritise"},
    {"tag_need", "Behov", "Need"},
    {"conversation_wrapup", "Prioriteringar och avslut", "Priorities and wrap-up"},
    {"priorities_hint", "Välj högst tre delkompetenser i tabellerna ovan att prioritera i utvecklingsplanen.", "Choose at most three competencies in the tables above to prioritise in the development plan."},
    {"notes_label", "Anteckning (frivillig)", "Note (optional)"},
    {"notes_hint", "Kort och sakligt. Skriv aldrig känsliga uppgifter som hälsa eller privatliv – medarbetaren kan läsa anteckningen.", "Short and factual. Never write sensitive data such as health or private life – the employee can read the note."},
    {"conversation_held_label", "Samtalet är hållet och nivåerna är överenskomna", "The conversation has been held and the levels are agreed"},
    {"followed_up_label", "Uppföljningen är gjord", "The follow-up is done"},
    {"conversation_save", "Spara samtalet", "Save the conversation"},
    {"conversation_saved", "Samtalet är sparat.", "The conversation is saved."},
    {"error_too_many_priorities", "Välj högst tre delkompetenser att prioritera.", "Choose at most three competencies to prioritise."},
    {"agreed_none", "– ej satt –", "– not set –"},
    // Recording a conversation with something missing (issue 13, item 2)
    {"conversation_confirm_error", "Bekräfta att samtalet ska registreras trots att något saknas.", "Confirm that the conversation is to be recorded although something is missing."},
    {"conversation_confirm_title", "Det här saknas", "This is missing"},
    {"conversation_confirm_not_submitted", "Medarbetaren har inte skickat in någon självskattning.", "The employee has not submitted a self-assessment."},
    {"conversation_confirm_missing_levels", "Delkompetenser utan någon nivå", "Competencies without any level"},
    {"conversation_confirm_consequence", "När samtalet är registrerat kan medarbetaren inte längre ändra sin skattning, och den som saknar nivåer räknas inte som skattad.",
     "Once the conversation is recorded the employee can no longer change their assessment, and someone without levels is not counted as assessed."},
    {"conversation_confirm_label", "Registrera samtalet ändå", "Record the conversation anyway"},

    // Översikt
    {"overview_title", "Översikt", "Overview"},
    {"overview_no_round", "Det finns ingen skattningsomgång att visa.", "There is no assessment round to show."},
    {"overview_lead", "Omgång {round}, {unit}. Nivåer räknas som överenskomna där samtalet är hållet och annars som självskattade.",
     "Round {round}, {unit}. Levels count as agreed where the conversation has been held and as self-assessed otherwise."},
    // Small groups (docs/analytics.md): {k} is the threshold of `trappa serve --min-group`.
    {"observer_suppression_note", "Grupper med färre än {k} skattade personer visas inte, och inte heller grupper som annars skulle kunna räknas fram ur de som visas. Så kan ingen enskild pekas ut.",
     "Groups with fewer than {k} assessed people are not shown, nor groups that could otherwise be worked out from those shown. So no individual can be singled out."},
    {"suppressed_marker", "visas inte: för få", "not shown: too few"},
    {"overview_suppressed", "Urvalet har för få skattade personer för att visas.", "The selection has too few assessed people to be shown."},
    {"overview_key_figures", "Nyckeltal", "Key figures"},
    {"kf_people", "Personer i omgången", "People in the round"},
    {"kf_assessed", "Har skattat", "Assessed"},
    {"kf_participation", "Deltagande", "Participation"},
    {"kf_share_with_need", "Andel med minst ett behov", "Share with at least one need"},
    {"pp_since", "procentenheter sedan", "percentage points since"},
    {"all_roles", "Alla roller", "All roles"},
    {"all_genders", "Alla", "All"},
    {"gender_K", "Kvinnor", "Women"},
    {"gender_M", "Män", "Men"},
    {"gender_X", "Annat eller ej angivet", "Other or not stated"},
    {"show_table", "Visa siffrorna som tabell", "Show the figures as a table"},
    {"download_csv", "Ladda ner som CSV", "Download as CSV"},
    {"chart_status", "Deltagande efter status", "Participation by status"},
    {"chart_status_intro", "Var i årets cykel personerna i urvalet befinner sig.", "Where the people of the selection are in this year's cycle."},
    {"chart_need_share", "Andel skattningar under förväntad nivå per område", "Share of ratings below the expected level per area"},
    {"chart_need_share_intro", "Jämfört med föregående omgång där den finns.", "Compared with the previous round where there is one."},
    {"chart_mean_level", "Medelnivå per område", "Mean level per area"},
    {"chart_mean_level_intro", "På skalan 1–5.", "On the scale 1–5."},
    {"chart_motivation", "Andel med hög motivation (4–5) per område", "Share with high motivation (4–5) per area"},
    {"chart_heatmap", "Andel med behov per enhet och delkompetens", "Share with a need per unit and competency"},
    {"chart_heatmap_intro", "Enheterna direkt under det valda urvalet. Mörkare ruta betyder större andel under förväntad nivå.", "The units directly below the selection. A darker cell means a larger share below the expected level."},
    {"chart_competencies", "Andel med behov per delkompetens", "Share with a need per competency"},
    {"chart_area", "Område", "Area"},
    {"chart_unit", "Enhet", "Unit"},
    {"chart_share", "Andel", "Share"},
    {"chart_count", "Antal", "Count"},
    {"chart_level", "Medelnivå", "Mean level"},
    {"chart_competency", "Delkompetens", "Competency"},

    // Charts and their tables (src/report): headings, legends and the descriptions screen
    // readers read. {name} marks a value the report fills in.
    {"report_value", "Värde", "Value"},
    {"report_comparison", "Jämförelse", "Comparison"},
    {"report_category", "Kategori", "Category"},
    {"report_reference", "Referens", "Reference"},
    {"report_status", "Status", "Status"},
    {"report_count", "Antal", "Count"},
    {"report_share", "Andel", "Share"},
    {"report_total", "Totalt", "Total"},
    {"report_group", "Grupp", "Group"},
    {"report_women", "Kvinnor", "Women"},
    {"report_men", "Män", "Men"},
    {"report_other_gender", "Annat/ej angivet", "Other/not stated"},
    {"report_age", "Ålder", "Age"},
    {"report_year", "År", "Year"},
    {"report_no_data", "ingen uppgift", "no data"},
    {"report_no_data_legend", "Ingen uppgift (saknas eller för få svar)", "No data (missing or too few answers)"},
    {"report_table_dash_note", "Ett streck (–) betyder ingen uppgift: saknas eller för få svar.", "A dash (–) means no data: missing or too few answers."},
    {"report_csv_share_heading", "{heading} (andel 0–1)", "{heading} (share 0–1)"},
    {"report_desc_all_in_table", "Alla värden finns i tabellen.", "All values are in the table."},
    {"report_desc_values", "Värden:", "Values:"},
    {"report_desc_highest_lowest", "Högst: {highest}. Lägst: {lowest}.", "Highest: {highest}. Lowest: {lowest}."},
    {"report_bar_desc_one", "Liggande stapeldiagram med {n} stapel.", "Horizontal bar chart with {n} bar."},
    {"report_bar_desc_many", "Liggande stapeldiagram med {n} staplar.", "Horizontal bar chart with {n} bars."},
    {"report_bar_desc_comparison", "Tunnare grå staplar visar {label}.", "Thinner grey bars show {label}."},
    {"report_bar_desc_reference", "Referenslinje {label}: {value}.", "Reference line {label}: {value}."},
    {"report_heatmap_desc", "Värmekarta med {rows} rader och {columns} kolumner, andelar i procent; mörkare färg betyder högre andel.",
     "Heatmap with {rows} rows and {columns} columns, shares in per cent; a darker colour means a higher share."},
    {"report_heatmap_missing_one", "{n} cell saknar uppgift.", "{n} cell has no data."},
    {"report_heatmap_missing_many", "{n} celler saknar uppgift.", "{n} cells have no data."},
    {"report_heatmap_columns", "Kolumner:", "Columns:"},
    {"report_line_desc_one", "Linjediagram med {n} serie över {periods} perioder", "Line chart with {n} series over {periods} periods"},
    {"report_line_desc_many", "Linjediagram med {n} serier över {periods} perioder", "Line chart with {n} series over {periods} periods"},
    {"report_line_change", "{change} från {first} till {last}", "{change} from {first} to {last}"},
    {"report_change_none", "oförändrat", "unchanged"},
    {"report_change_up", "ökning med {amount}", "up by {amount}"},
    {"report_change_down", "minskning med {amount}", "down by {amount}"},
    {"report_percentage_points", "{amount} procentenheter", "{amount} percentage points"},
    {"report_pyramid_desc", "Befolkningspyramid med {n} åldersgrupper, {left} till vänster och {right} till höger, äldst överst.",
     "Population pyramid with {n} age groups, {left} on the left and {right} on the right, oldest at the top."},
    {"report_pyramid_totals", "Totalt {total}: {women} och {men}", "Total {total}: {women} and {men}"},
    {"report_pyramid_totals_other", ", samt {other}", ", and {other}"},
    {"report_pyramid_largest", "Största gruppen: {group} {band} år, {value}.", "Largest group: {group} aged {band}, {value}."},
    {"report_pyramid_other_note", "{label}: {value} (visas inte i figuren, se tabellen)", "{label}: {value} (not drawn, see the table)"},
    {"report_stacked_empty", "Stapel utan värden: totalt {total}.", "Bar without values: total {total}."},
    {"report_stacked_desc_one", "En stapel uppdelad i {n} del, totalt {total}:", "One bar split into {n} part, total {total}:"},
    {"report_stacked_desc_many", "En stapel uppdelad i {n} delar, totalt {total}:", "One bar split into {n} parts, total {total}:"},
    {"report_gap_summary", "Omgång {round}, {basis}.", "Round {round}, {basis}."},
    {"report_gap_basis_agreed", "överenskommen nivå", "agreed level"},
    {"report_gap_basis_self", "självskattad nivå", "self-assessed level"},
    {"report_gap_suppressed", "Uppgifterna visas inte eftersom gruppen är för liten.", "The figures are not shown because the group is too small."},
    {"report_expected_level", "Förväntad nivå", "Expected level"},
    {"error_unknown_unit", "Enheten finns inte.", "The unit does not exist."},
    {"error_unit_outside_scope", "Enheten ligger utanför det du har behörighet att se.", "The unit is outside what you may see."},

    // Ramverk
    {"framework_title", "Ramverk", "Framework"},
    // Nyckeltal
    {"figures_title", "Nyckeltal", "Key figures"},
    {"figures_lead", "Personalens sammansättning och rörlighet, beräknade ur anställningshistoriken: antal anställda, personalomsättning, ålder, anställningstid, pensionsavgångar och de vanligaste befattningarna.",
     "The workforce's make-up and movement, computed from the employment history: headcount, turnover, age, tenure, retirements and the most common positions."},
    {"figures_date", "Per datum", "As of"},
    {"figures_date_hint", "Årsredovisningar brukar räkna per den 31 december. Personalomsättningen gäller året fram till datumet.",
     "Annual reports usually count as of 31 December. Turnover covers the year up to the date."},
    {"figures_suppressed", "Nyckeltalen för den här enheten visas inte: den har färre än {k} anställda, eller så skulle en mindre grupp kunna räknas fram ur dem. Så kan ingen enskild urskiljas.",
     "The key figures of this unit are not shown: it has fewer than {k} employees, or a smaller group could be worked out from them. So no individual can be singled out."},
    {"figures_no_data", "Det finns inga anställningar detta datum. Importera anställningshistoriken med trappa import employments, eller välj ett annat datum.",
     "There are no employments on this date. Import the employment history with trappa import employments, or choose another date."},
    {"figures_headcount", "anställda (tillsvidare och visstid)", "employees (permanent and temporary)"},
    {"figures_permanent_lower", "tillsvidare", "permanent"},
    {"figures_temporary_lower", "visstid", "temporary"},
    {"figures_share_women", "andel kvinnor", "share of women"},
    {"figures_turnover", "extern personalomsättning (tillsvidare)", "external turnover (permanent)"},
    {"figures_turnover_wider", "med byten till och från andra förvaltningar", "including moves to and from other administrations"},
    {"figures_mean_age", "medelålder", "mean age"},
    {"figures_tenure", "Genomsnittlig anställningstid i år:", "Mean tenure in years:"},
    {"figures_chart_headcount", "Antal anställda tre år", "Headcount over three years"},
    {"figures_chart_age", "Åldersfördelning per kön", "Age distribution by gender"},
    {"figures_chart_positions", "Vanligaste befattningarna i årsarbetare", "Most common positions in full-time equivalents"},
    {"figures_chart_retirements", "Pensionsavgångar de kommande fem åren", "Retirements in the next five years"},
    {"figures_all", "Alla", "All"},
    {"figures_permanent", "Tillsvidare", "Permanent"},
    {"figures_temporary", "Visstid", "Temporary"},
    {"figures_position", "Befattning", "Position"},
    {"figures_people", "Personer", "People"},
    {"figures_year", "År", "Year"},
    {"figures_download_all", "Ladda ner alla nyckeltal som CSV", "Download all key figures as CSV"},
    {"framework_none", "Inget ramverk är inläst än.", "No framework has been loaded yet."},
    {"framework_choose", "Ramverk", "Framework"},
    {"framework_version", "version", "version"},
    {"framework_revision", "revision", "revision"},
    {"framework_toc", "Innehåll", "Contents"},
    {"framework_scale", "Kompetenstrappan", "The level scale"},
    {"framework_area_roles", "Gäller bara rollerna", "Applies only to the roles"},
    {"framework_motivation_question", "Motivationsfråga", "Motivation question"},
    {"framework_matrix_title", "Förväntad nivå per roll", "Expected level per role"},
    {"framework_matrix_caption", "Förväntad nivå per delkompetens (rader) och roll (kolumner)", "Expected level per competency (rows) and role (columns)"},
    {"table_of", "Tabell:", "Table:"},
    {"framework_matrix_lead", "Tomt fält betyder att delkompetensen inte ingår i rollens profil.", "An empty cell means the competency is not part of the role's profile."},

    // Omgångar
    {"rounds_title", "Omgångar", "Rounds"},
    {"rounds_lead", "En omgång låser den version av ramverket den skapas med. Öppna omgången när medarbetarna ska skatta sig och stäng den när årets samtal är klara; en stängd omgång kan inte öppnas igen.",
     "A round locks the framework revision it is created with. Open the round when staff are to assess themselves and close it when the year's conversations are done; a closed round cannot be reopened."},
    {"rounds_caption", "Alla omgångar", "All rounds"},
    {"rounds_framework", "Ramverk", "Framework"},
    {"rounds_scope", "Omfattning", "Scope"},
    {"rounds_period", "Period", "Period"},
    {"rounds_action", "Åtgärd", "Action"},
    {"rounds_open", "Öppna", "Open"},
    {"rounds_close", "Stäng", "Close"},
    {"rounds_close_confirm", "Stänga omgången? Den kan inte öppnas igen.", "Close the round? It cannot be reopened."},
    {"rounds_create_title", "Ny omgång", "New round"},
    {"rounds_name", "Namn", "Name"},
    {"rounds_name_hint", "Oftast året, till exempel 2027.", "Usually the year, for example 2027."},
    {"rounds_whole_organisation", "Hela organisationen", "The whole organisation"},
    {"rounds_opens", "Öppnar", "Opens"},
    {"rounds_closes", "Stänger", "Closes"},
    {"rounds_create", "Skapa omgång", "Create round"},
    {"rounds_created", "Omgången är skapad som utkast.", "The round is created as a draft."},
    {"rounds_opened", "Omgången är öppen för skattning.", "The round is open for assessment."},
    {"rounds_closed", "Omgången är stängd.", "The round is closed."},
    {"error_round_name", "Ge omgången ett namn (högst 40 tecken).", "Give the round a name (at most 40 characters)."},
    {"error_round_exists", "Det finns redan en omgång med det namnet.", "A round with that name already exists."},
    {"error_date", "Ange datumet som ÅÅÅÅ-MM-DD.", "Give the date as YYYY-MM-DD."},
    {"error_closes_before_opens", "Omgången kan inte stänga innan den öppnar.", "The round cannot close before it opens."},
    {"error_round_state", "Omgången kan inte byta till det läget.", "The round cannot change to that state."},

    // Mitt konto
    {"account_title", "Mitt konto", "My account"},
    {"account_role", "Behörighet", "Access"},
    {"account_must_change", "Du loggade in med ett engångslösenord. Välj ett eget lösenord innan du fortsätter.", "You signed in with a one-time password. Choose your own password before you continue."},
    {"account_change_password", "Byt lösenord", "Change password"},
    {"account_current_password", "Nuvarande lösenord", "Current password"},
    {"account_new_password", "Nytt lösenord", "New password"},
    {"account_new_password_hint", "Minst 10 tecken. En fras med flera ord är lätt att minnas och svår att gissa.", "At least 10 characters. A phrase of several words is easy to remember and hard to guess."},
    {"account_repeat_password", "Upprepa det nya lösenordet", "Repeat the new password"},
    {"account_save_password", "Byt lösenord", "Change password"},
    {"account_password_changed", "Lösenordet är bytt. Andra inloggningar med kontot är avslutade.", "The password is changed. Other sessions of the account have been ended."},
    {"error_current_password", "Det nuvarande lösenordet stämmer inte.", "The current password is not correct."},
    {"error_password_short", "Det nya lösenordet måste ha minst 10 tecken.", "The new password must have at least 10 characters."},
    {"error_password_repeat", "Lösenorden är inte lika.", "The passwords do not match."},
    {"error_password_same", "Välj ett annat lösenord än det nuvarande.", "Choose a password other than the current one."},

    // Error pages
    {"error_request_id", "Ange felkoden om du kontaktar supporten:", "Quote this code if you contact support:"},
    {"error_home", "Till startsidan", "To the home page"},
    {"error_404_title", "Sidan finns inte", "Page not found"},
    {"error_404_text", "Vi hittar ingen sida på den adressen. Kontrollera länken eller gå till startsidan.", "There is no page at that address. Check the link or go to the home page."},
    {"error_403_title", "Du saknar behörighet", "Access denied"},
    {"error_403_text", "Ditt konto har inte behörighet att se den här sidan.", "Your account may not see this page."},
    {"error_csrf_title", "Formuläret kunde inte skickas", "The form could not be sent"},
    {"error_csrf_text", "Formuläret saknade sin säkerhetskod eller hade gått ut. Ladda om sidan och försök igen.", "The form lacked its security code or had expired. Reload the page and try again."},
    {"error_500_title", "Något gick fel", "Something went wrong"},
    {"error_500_text", "Ett oväntat fel inträffade och ingenting har sparats. Försök igen om en stund.", "An unexpected error occurred and nothing was saved. Please try again in a while."},
    {"error_405_title", "Metoden stöds inte", "Method not allowed"},
    {"error_405_text", "Adressen kan inte användas på det sättet.", "The address cannot be used that way."},
    {"error_409_title", "Det gick inte att spara", "Could not save"},
    {"error_429_title", "För många förfrågningar", "Too many requests"},
    {"error_429_text", "Servern räknar redan fram nyckeltal åt dig eller andra. Vänta en sekund och försök igen.",
     "The server is already computing key figures for you or others. Please wait a second and try again."},
    {"error_400_title", "Felaktig begäran", "Bad request"},
    {"error_400_text", "Begäran gick inte att tolka.", "The request could not be understood."},
    // Bad input through the doors (input_checks.hpp, docs/security-input.md)
    {"error_bad_target", "Adressen går inte att läsa: den har en felaktig %-kodning, ogiltig UTF-8 eller styrtecken. Kontrollera länken.",
     "The address cannot be read: it has a bad %-escape, invalid UTF-8 or control characters. Check the link."},
    {"error_bad_form", "Formuläret gick inte att läsa (felaktig %-kodning). Ingenting sparades.",
     "The form could not be read (a bad %-escape). Nothing was saved."},
    {"error_bad_form_field", "Fältet {field} innehåller ogiltig UTF-8 eller styrtecken, som inte kan sparas. Ingenting sparades.",
     "The field {field} holds invalid UTF-8 or control characters, which cannot be stored. Nothing was saved."},
    {"error_form_content_type", "Formuläret måste skickas som application/x-www-form-urlencoded. Ingenting sparades.",
     "The form must be sent as application/x-www-form-urlencoded. Nothing was saved."},

    // Personuppgifter: a person's audit history and export (person_page.cpp)
    {"person_title", "Personuppgifter", "Personal data"},
    {"person_conversation_link", "Till samtalet", "To the conversation"},
    {"person_employee_id", "Anställningsnummer", "Employee number"},
    {"person_erased_note", "Personens namn, e-post, konto och fritexter raderades", "The person's name, e-mail, account and free texts were erased on"},
    {"person_export_heading", "Registerutdrag", "Data export"},
    {"person_export_text", "Filen innehåller allt Trappa lagrar om personen: uppgifter om personen, anställningar, skattningar med anteckningar, konto (utan lösenord) och historiken nedan. Hämtningen loggas i historiken. Lämna filen bara till personen själv eller den som har rätt att ta del av den.",
     "The file holds everything Trappa stores about the person: personal details, employments, assessments with notes, the account (without password) and the history below. The download is recorded in the history. Hand the file only to the person or to whoever has the right to see it."},
    {"person_export_button", "Exportera personuppgifter (JSON)", "Export personal data (JSON)"},
    {"person_history_heading", "Historik", "History"},
    {"person_history_lead", "Varje ändring av personens skattningar, uppgifter, anställningar och konto, med vem som gjorde den och när. Tider anges i UTC.",
     "Every change to the person's assessments, details, employments and account, with who made it and when. Times are in UTC."},
    {"person_history_caption", "Historik för", "History of"},
    {"person_history_empty", "Inga händelser är registrerade för personen.", "No events are recorded for the person."},
    {"person_col_time", "Tid (UTC)", "Time (UTC)"},
    {"person_col_actor", "Vem", "Who"},
    {"person_col_action", "Händelse", "Event"},
    {"person_col_detail", "Ändring", "Change"},
    {"person_link", "Personuppgifter och historik", "Personal data and history"},
    {"audit_action_assessment_save", "Skattning sparad", "Assessment saved"},
    {"audit_action_assessment_import", "Skattning importerad", "Assessment imported"},
    {"audit_action_person_create", "Person tillagd", "Person added"},
    {"audit_action_person_update", "Personuppgifter ändrade", "Personal details changed"},
    {"audit_action_employment_update", "Anställningar ändrade", "Employments changed"},
    {"audit_action_account_create", "Konto skapat", "Account created"},
    {"audit_action_account_update", "Konto ändrat", "Account changed"},
    {"audit_action_person_export", "Personuppgifter exporterade", "Personal data exported"},
    {"audit_action_person_erase", "Personuppgifter raderade", "Personal data erased"},
};

constexpr std::array<std::string_view, 12> kSwedishMonths{"januari", "februari", "mars",      "april",   "maj",      "juni",
                                                          "juli",    "augusti",  "september", "oktober", "november", "december"};
constexpr std::array<std::string_view, 12> kEnglishMonths{"January", "February", "March",     "April",   "May",      "June",
                                                          "July",    "August",   "September", "October", "November", "December"};

const std::unordered_map<std::string_view, const Entry*>& index() {
  static const auto* built = [] {
    auto* map = new std::unordered_map<std::string_view, const Entry*>();
    for (const Entry& entry : kTexts) map->emplace(entry.key, &entry);
    return map;
  }();
  return *built;
}

}  // namespace

std::string_view language_code(Language language) { return language == Language::kEnglish ? "en" : "sv"; }

std::optional<std::string_view> find_text(Language language, std::string_view key) {
  const auto& map = index();
  auto found = map.find(key);
  if (found == map.end()) return std::nullopt;
  return language == Language::kEnglish ? found->second->english : found->second->swedish;
}

std::string_view text(Language language, std::string_view key) {
  auto found = find_text(language, key);
  return found ? *found : key;
}

std::string format_date(Language language, std::string_view iso) {
  if (iso.size() < 10) return std::string(iso);
  const auto date = core::parse_iso_date(iso.substr(0, 10));
  if (!date) return std::string(iso);
  const int year = std::stoi(std::string(iso.substr(0, 4)));
  const int month = std::stoi(std::string(iso.substr(5, 2)));
  const int day = std::stoi(std::string(iso.substr(8, 2)));
  const auto& months = language == Language::kEnglish ? kEnglishMonths : kSwedishMonths;
  // Timestamps are stored in UTC; the day is what people need, so the time is left out.
  std::string text = std::to_string(day) + " " + std::string(months[static_cast<std::size_t>(month - 1)]) + " " +
                     std::to_string(year);
  return text;
}

}  // namespace trappa::i18n
