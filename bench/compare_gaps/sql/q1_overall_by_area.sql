-- Q1: the overall figures and the figures per area of round 2026 (docs/analytics.md).
-- One row per area; the overall figures (people, assessed, share_with_need, participation)
-- are repeated on every row. Portable: SQLite, PostgreSQL and DuckDB run this text as is.
WITH rated AS (
  SELECT x.employee_id, x.competency, c.area,
         COALESCE(x.agreed_level, x.self_level) AS level,
         CASE WHEN COALESCE(x.agreed_level, x.self_level) < f.expected THEN 1 ELSE 0 END AS need
  FROM ratings x
  JOIN participants p ON p.round = x.round AND p.employee_id = x.employee_id
  JOIN profiles f ON f.role = p.role AND f.competency = x.competency
  JOIN competencies c ON c.code = x.competency
  WHERE x.round = '2026' AND COALESCE(x.agreed_level, x.self_level) IS NOT NULL
),
person_area AS (
  SELECT employee_id, area, COUNT(*) AS ratings, SUM(level) AS level_sum, SUM(need) AS needs
  FROM rated GROUP BY employee_id, area
),
area_figures AS (
  SELECT area, SUM(ratings) AS ratings, SUM(level_sum) AS level_sum, SUM(needs) AS needs,
         COUNT(*) AS people_rated, SUM(CASE WHEN needs > 0 THEN 1 ELSE 0 END) AS people_with_need
  FROM person_area GROUP BY area
),
person_figures AS (
  SELECT COUNT(*) AS assessed, SUM(has_need) AS with_need
  FROM (SELECT employee_id, MAX(CASE WHEN needs > 0 THEN 1 ELSE 0 END) AS has_need
        FROM person_area GROUP BY employee_id) per_person
),
motivation AS (
  SELECT m.area, COUNT(*) AS answers, SUM(CASE WHEN m.motivation >= 4 THEN 1 ELSE 0 END) AS high
  FROM motivations m
  JOIN participants p ON p.round = m.round AND p.employee_id = m.employee_id
  WHERE m.round = '2026' AND m.motivation BETWEEN 1 AND 5
  GROUP BY m.area
),
applicable AS (
  SELECT f.competency, COUNT(*) AS applicable
  FROM participants p JOIN profiles f ON f.role = p.role
  WHERE p.round = '2026'
  GROUP BY f.competency
),
rated_per_competency AS (
  SELECT competency, COUNT(*) AS rated FROM rated GROUP BY competency
),
overall AS (
  SELECT (SELECT COUNT(*) FROM participants WHERE round = '2026') AS people,
         pf.assessed,
         CAST(pf.with_need AS DOUBLE PRECISION) / pf.assessed AS share_with_need,
         (SELECT AVG(CAST(COALESCE(r.rated, 0) AS DOUBLE PRECISION) / a.applicable)
          FROM applicable a LEFT JOIN rated_per_competency r ON r.competency = a.competency) AS participation
  FROM person_figures pf
)
SELECT a.code,
       COALESCE(af.ratings, 0) AS ratings,
       CAST(af.level_sum AS DOUBLE PRECISION) / af.ratings AS mean_level,
       CAST(af.needs AS DOUBLE PRECISION) / af.ratings AS need_share,
       CAST(af.people_with_need AS DOUBLE PRECISION) / af.people_rated AS people_with_need_share,
       COALESCE(m.answers, 0) AS motivation_answers,
       CAST(m.high AS DOUBLE PRECISION) / m.answers AS high_motivation_share,
       o.people, o.assessed, o.share_with_need, o.participation
FROM areas a
LEFT JOIN area_figures af ON af.area = a.code
LEFT JOIN motivation m ON m.area = a.code
CROSS JOIN overall o
ORDER BY a.ord;
