-- 03_trends: the questions of notebooks/03_trends.ipynb as SQL, without Python:
--   bin/vpr sql -f notebooks/sql/03_trends.sql
-- Written from the notebook by NotebookQueriesTest (-Dvpr.notebooks.write=true): change the notebook, not
-- this file. For another year or school, copy it and change the values below.
DECLARE OR REPLACE VARIABLE p_municipality STRING DEFAULT 'mo01';
DECLARE OR REPLACE VARIABLE p_subject STRING DEFAULT 'ma';
DECLARE OR REPLACE VARIABLE p_grade INT DEFAULT 5;

-- 1. Share of mark 2 and quality per work, municipality and region
SELECT m.subject, m.grade, m.year, m.written,
       round(m.share_2, 3) AS share_2, round(r.share_2, 3) AS region_share_2,
       round(m.quality_share, 3) AS quality, round(r.quality_share, 3) AS region_quality
FROM vpr.municipality_indicators m
JOIN vpr.region_indicators r
  ON r.year = m.year AND r.subject = m.subject AND r.grade = m.grade
WHERE m.municipality_code = p_municipality
ORDER BY m.subject, m.grade, m.year;

SELECT year, level, written, share_2, quality_share
FROM vpr.unit_indicators
WHERE subject = p_subject AND grade = p_grade
  AND (level = 'region' OR (level = 'municipality' AND municipality_code = p_municipality))
ORDER BY year, level;

-- 2. The risk zone over the years
SELECT year, coalesce(municipality_code, 'region') AS unit, schools_scored, flagged, flagged_again,
       entered, `left`, round(slope, 2) AS slope
FROM vpr.risk_dynamics
WHERE municipality_code = p_municipality OR municipality_code IS NULL
ORDER BY unit, year;

-- 3. Flagged schools per year in the municipality
SELECT t.year, count(*) AS flagged_schools,
       concat_ws(', ', sort_array(collect_list(concat(t.login, ' ', coalesce(s.name, ''))))) AS schools
FROM vpr.risk_school_totals t
LEFT JOIN vpr.schools s ON s.login = t.login
WHERE t.municipality_code = p_municipality AND t.flagged
GROUP BY t.year
ORDER BY t.year;

-- 4. Precision of the re-checks
SELECT year, coalesce(municipality_code, 'region') AS unit, selected_as, schools, inflated,
       round(share, 3) AS share
FROM vpr.recheck_precision
WHERE municipality_code = p_municipality OR municipality_code IS NULL
ORDER BY year, unit, selected_as;
