-- 01_municipality_overview: the questions of notebooks/01_municipality_overview.ipynb as SQL, without Python:
--   bin/vpr sql -f notebooks/sql/01_municipality_overview.sql
-- Written from the notebook by NotebookQueriesTest (-Dvpr.notebooks.write=true): change the notebook, not
-- this file. For another year or school, copy it and change the values below.
DECLARE OR REPLACE VARIABLE p_year INT DEFAULT 2025;
DECLARE OR REPLACE VARIABLE p_municipality STRING DEFAULT 'mo01';

-- 1. Marks per work against the region
SELECT m.subject, m.grade, m.written,
       round(m.share_2, 3) AS share_2, round(r.share_2, 3) AS region_share_2,
       round(m.share_3, 3) AS share_3, round(r.share_3, 3) AS region_share_3,
       round(m.share_4, 3) AS share_4, round(r.share_4, 3) AS region_share_4,
       round(m.share_5, 3) AS share_5, round(r.share_5, 3) AS region_share_5,
       round(m.success_share, 3) AS success, round(r.success_share, 3) AS region_success,
       round(m.quality_share, 3) AS quality, round(r.quality_share, 3) AS region_quality,
       m.small_for_distribution
FROM vpr.municipality_indicators m
JOIN vpr.region_indicators r
  ON r.year = m.year AND r.subject = m.subject AND r.grade = m.grade
WHERE m.year = p_year AND m.municipality_code = p_municipality
ORDER BY m.subject, m.grade;

-- 2. VPR marks against journal marks
SELECT m.subject, m.grade, m.with_journal,
       round(m.lowered_share, 3) AS lowered, round(r.lowered_share, 3) AS region_lowered,
       round(m.confirmed_share, 3) AS confirmed, round(r.confirmed_share, 3) AS region_confirmed,
       round(m.raised_share, 3) AS raised, round(r.raised_share, 3) AS region_raised,
       m.journal_gap_2
FROM vpr.municipality_indicators m
JOIN vpr.region_indicators r
  ON r.year = m.year AND r.subject = m.subject AND r.grade = m.grade
WHERE m.year = p_year AND m.municipality_code = p_municipality
ORDER BY m.subject, m.grade;

-- 3. Schools with low results (школы с низкими результатами)
SELECT login, school_name, subjects, works, round(max_share_2, 3) AS max_share_2, reasons_text
FROM vpr.low_result_schools
WHERE year = p_year AND municipality_code = p_municipality
ORDER BY max_share_2 DESC, login;

-- 4. The risk zone: counts for the municipality and the region
SELECT coalesce(municipality_code, 'region') AS unit, schools_scored, flagged, flagged_again,
       entered, `left`, round(slope, 2) AS slope
FROM vpr.risk_dynamics
WHERE year = p_year AND (municipality_code = p_municipality OR municipality_code IS NULL)
ORDER BY municipality_code NULLS LAST;

-- 5. Flagged schools and classes
SELECT t.login, s.name AS school_name, s.kind, t.units_scored, t.units_flagged,
       round(t.risk_score, 4) AS risk_score, t.risk_rank, t.reasons
FROM vpr.risk_school_totals t
LEFT JOIN vpr.schools s ON s.login = t.login
WHERE t.year = p_year AND t.municipality_code = p_municipality AND t.flagged
ORDER BY t.risk_rank;

SELECT login, subject, grade, class, written, round(risk_score, 4) AS risk_score, risk_rank,
       round(q_value, 4) AS q_value, reasons, rule_flagged
FROM vpr.risk_classes
WHERE year = p_year AND municipality_code = p_municipality AND flagged
ORDER BY risk_rank;
