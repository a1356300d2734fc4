-- Q3: round comparison per competency, 2026 against 2025: the change of need share in
-- percentage points and of mean level in level steps.
WITH per_round AS (
  SELECT x.round, x.competency, COUNT(*) AS rated,
         SUM(COALESCE(x.agreed_level, x.self_level)) AS level_sum,
         SUM(CASE WHEN COALESCE(x.agreed_level, x.self_level) < f.expected THEN 1 ELSE 0 END) AS needs
  FROM ratings x
  JOIN participants p ON p.round = x.round AND p.employee_id = x.employee_id
  JOIN profiles f ON f.role = p.role AND f.competency = x.competency
  WHERE x.round IN ('2025', '2026') AND COALESCE(x.agreed_level, x.self_level) IS NOT NULL
  GROUP BY x.round, x.competency
)
SELECT c.code,
       (CAST(cur.needs AS DOUBLE PRECISION) / cur.rated
        - CAST(prev.needs AS DOUBLE PRECISION) / prev.rated) * 100 AS need_share_pp,
       CAST(cur.level_sum AS DOUBLE PRECISION) / cur.rated
        - CAST(prev.level_sum AS DOUBLE PRECISION) / prev.rated AS mean_level_delta
FROM competencies c
JOIN per_round cur ON cur.competency = c.code AND cur.round = '2026'
JOIN per_round prev ON prev.competency = c.code AND prev.round = '2025'
ORDER BY c.ord;
