-- Q2: need share per unit × competency of round 2026, the units being the root's children
-- (`trappa analyze gaps --by unit`: the administrations of a synthetic city). Each person
-- counts in the child whose subtree holds their unit, found by walking the tree down.
WITH RECURSIVE grouping_unit(unit, grp) AS (
  SELECT u.code, u.code
  FROM units u JOIN units root ON root.code = u.parent_code
  WHERE COALESCE(root.parent_code, '') = ''
  UNION ALL
  SELECT u.code, g.grp FROM units u JOIN grouping_unit g ON u.parent_code = g.unit
)
SELECT g.grp AS unit, x.competency,
       COUNT(*) AS rated,
       CAST(SUM(CASE WHEN COALESCE(x.agreed_level, x.self_level) < f.expected THEN 1 ELSE 0 END)
            AS DOUBLE PRECISION) / COUNT(*) AS need_share
FROM ratings x
JOIN participants p ON p.round = x.round AND p.employee_id = x.employee_id
JOIN profiles f ON f.role = p.role AND f.competency = x.competency
JOIN grouping_unit g ON g.unit = p.unit_code
WHERE x.round = '2026' AND COALESCE(x.agreed_level, x.self_level) IS NOT NULL
GROUP BY g.grp, x.competency
ORDER BY g.grp, x.competency;
