-- 02_why_flagged: the questions of notebooks/02_why_flagged.ipynb as SQL, without Python:
--   bin/vpr sql -f notebooks/sql/02_why_flagged.sql
-- Written from the notebook by NotebookQueriesTest (-Dvpr.notebooks.write=true): change the notebook, not
-- this file. For another year or school, copy it and change the values below.
DECLARE OR REPLACE VARIABLE p_year INT DEFAULT 2025;
DECLARE OR REPLACE VARIABLE p_login STRING DEFAULT 'edu901050';
DECLARE OR REPLACE VARIABLE p_subject STRING DEFAULT 'ma';
DECLARE OR REPLACE VARIABLE p_grade INT DEFAULT 5;
DECLARE OR REPLACE VARIABLE p_class STRING DEFAULT '5Б';

-- 1. The school's total over all its works
SELECT login, municipality_code, participants, written, scored, units_scored, units_flagged,
       round(risk_score, 4) AS risk_score, risk_rank, flagged,
       round(combined_p, 5) AS combined_p, round(q_value, 4) AS q_value, reasons
FROM vpr.risk_school_totals
WHERE year = p_year AND login = p_login;

-- 2. Each work and each class of the school
SELECT subject, grade, written, units_scored, units_flagged, round(risk_score, 4) AS risk_score,
       risk_rank, flagged, round(q_value, 4) AS q_value, reasons
FROM vpr.risk_schools
WHERE year = p_year AND login = p_login
ORDER BY risk_rank NULLS LAST;

SELECT subject, grade, class, written, scored, round(risk_score, 4) AS risk_score, risk_rank,
       flagged, round(q_value, 4) AS q_value, reasons, peer_group, rule_score, rule_flagged
FROM vpr.risk_classes
WHERE year = p_year AND login = p_login
ORDER BY flagged DESC, risk_rank NULLS LAST;

-- 3. The signals behind each class (p-values)
SELECT subject, grade, class, written, peer_group, controlled,
       round(s1_p, 4) AS s1_level, round(s2_p, 4) AS s2_thresholds, round(s3_p, 4) AS s3_inversion,
       round(s4_spread_p, 4) AS s4_spread, round(s4_identical_p, 4) AS s4_identical,
       round(s5_p, 4) AS s5_rubric, round(s6_p, 4) AS s6_journal, round(s7_p, 4) AS s7_jump,
       round(s8_p, 4) AS s8_blanks, round(mahalanobis_p, 4) AS mahalanobis,
       round(mahalanobis_year_p, 4) AS mahalanobis_year, round(forest_p, 4) AS forest,
       at_threshold, in_window, identical_works, rule_markers
FROM vpr.class_signals
WHERE year = p_year AND login = p_login AND scored
ORDER BY subject, grade, class;

-- 4. Score histogram of the class against the region
SELECT primary_score, pupils, share, region_share, mark, min3, min4, min5, written
FROM vpr.score_histograms
WHERE level = 'class' AND year = p_year AND login = p_login
  AND subject = p_subject AND grade = p_grade AND class = p_class
ORDER BY primary_score;

-- 5. Re-check sample, partner schools and outcomes
SELECT subject, grade, class, code, reason, class_risk_rank, pick
FROM vpr.recheck_sample
WHERE year = p_year AND login = p_login
  AND publication_id = (SELECT max_by(publication_id, published_at) FROM vpr.publications WHERE year = p_year)
ORDER BY subject, grade, class, pick;

SELECT `rank`, partner_login, partner_name, partner_municipality_code, basis, round(level, 3) AS level
FROM vpr.partner_schools
WHERE year = p_year AND login = p_login
  AND publication_id = (SELECT max_by(publication_id, published_at) FROM vpr.publications WHERE year = p_year)
ORDER BY `rank`;

SELECT subject, grade, selected_as, works, objective_works, round(objective_share, 3) AS objective_share,
       points_removed, points_added, inflated
FROM vpr.recheck_outcomes
WHERE year = p_year AND login = p_login
ORDER BY subject, grade;
