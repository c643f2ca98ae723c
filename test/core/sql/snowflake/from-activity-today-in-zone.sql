WITH hs_s0_1 AS (
  SELECT     TRIM(CAST(hs__t."Account" AS VARCHAR), CHR(9) || CHR(10) || CHR(11) || CHR(12) || CHR(13) || '                  　﻿') AS hs_c0,
    TRIM(CAST(hs__t."Date" AS VARCHAR), CHR(9) || CHR(10) || CHR(11) || CHR(12) || CHR(13) || '                  　﻿') AS hs_c1,
    TO_CHAR(CONVERT_TIMEZONE('Europe/Berlin', CURRENT_TIMESTAMP()), 'YYYY-MM-DD') AS hs_today,
    TRIM(CAST(hs__t."User" AS VARCHAR), CHR(9) || CHR(10) || CHR(11) || CHR(12) || CHR(13) || '                  　﻿') AS hs_c2
  FROM ANALYTICS.PUBLIC.LOGINS AS hs__t
),
hs_s0_2 AS (
  SELECT *,
    (hs_c0 IS NULL OR LOWER(hs_c0) IN ('', 'n/a', 'na', '-', '—', '–') OR CASE WHEN SUBSTR(hs_c0, 1, 1) = '#' THEN REGEXP_LIKE(hs_c0, $$#[A-Za-z0-9/]+[!?]?$$) ELSE FALSE END) AS hs_m2,
    CASE WHEN REGEXP_LIKE(hs_c1, $$[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]+)?)?(Z|[+-][0-9]{2}:?[0-9]{2})?)?$$) THEN TRY_CAST(SUBSTR(hs_c1, 1, 4) AS INTEGER) END AS hs_yr3,
    CASE WHEN REGEXP_LIKE(hs_c1, $$[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]+)?)?(Z|[+-][0-9]{2}:?[0-9]{2})?)?$$) THEN TRY_CAST(SUBSTR(hs_c1, 6, 2) AS INTEGER) END AS hs_mo3,
    CASE WHEN REGEXP_LIKE(hs_c1, $$[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]+)?)?(Z|[+-][0-9]{2}:?[0-9]{2})?)?$$) THEN TRY_CAST(SUBSTR(hs_c1, 9, 2) AS INTEGER) END AS hs_dd3,
    CASE WHEN REGEXP_LIKE(hs_today, $$[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]+)?)?(Z|[+-][0-9]{2}:?[0-9]{2})?)?$$) THEN TRY_CAST(SUBSTR(hs_today, 1, 4) AS INTEGER) END AS hs_yr4,
    CASE WHEN REGEXP_LIKE(hs_today, $$[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]+)?)?(Z|[+-][0-9]{2}:?[0-9]{2})?)?$$) THEN TRY_CAST(SUBSTR(hs_today, 6, 2) AS INTEGER) END AS hs_mo4,
    CASE WHEN REGEXP_LIKE(hs_today, $$[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]+)?)?(Z|[+-][0-9]{2}:?[0-9]{2})?)?$$) THEN TRY_CAST(SUBSTR(hs_today, 9, 2) AS INTEGER) END AS hs_dd4,
    (hs_c2 IS NULL OR LOWER(hs_c2) IN ('', 'n/a', 'na', '-', '—', '–') OR CASE WHEN SUBSTR(hs_c2, 1, 1) = '#' THEN REGEXP_LIKE(hs_c2, $$#[A-Za-z0-9/]+[!?]?$$) ELSE FALSE END) AS hs_m7
  FROM hs_s0_1
),
hs_s0_3 AS (
  SELECT *,
    CASE WHEN hs_mo3 BETWEEN 1 AND 12 AND hs_dd3 BETWEEN 1 AND CASE WHEN hs_mo3 = 2 THEN CASE WHEN (((hs_yr3) - FLOOR((hs_yr3) / 4::DOUBLE) * 4::DOUBLE) = 0 AND ((hs_yr3) - FLOOR((hs_yr3) / 100::DOUBLE) * 100::DOUBLE) <> 0 OR ((hs_yr3) - FLOOR((hs_yr3) / 400::DOUBLE) * 400::DOUBLE) = 0) THEN 29 ELSE 28 END WHEN hs_mo3 IN (4, 6, 9, 11) THEN 30 ELSE 31 END
    THEN FLOOR(((hs_yr3 - CASE WHEN hs_mo3 <= 2 THEN 1 ELSE 0 END)) / 400::DOUBLE) * 146097::DOUBLE + ((hs_yr3 - CASE WHEN hs_mo3 <= 2 THEN 1 ELSE 0 END) - FLOOR(((hs_yr3 - CASE WHEN hs_mo3 <= 2 THEN 1 ELSE 0 END)) / 400::DOUBLE) * 400::DOUBLE) * 365 + FLOOR((((hs_yr3 - CASE WHEN hs_mo3 <= 2 THEN 1 ELSE 0 END) - FLOOR(((hs_yr3 - CASE WHEN hs_mo3 <= 2 THEN 1 ELSE 0 END)) / 400::DOUBLE) * 400::DOUBLE)) / 4::DOUBLE) - FLOOR((((hs_yr3 - CASE WHEN hs_mo3 <= 2 THEN 1 ELSE 0 END) - FLOOR(((hs_yr3 - CASE WHEN hs_mo3 <= 2 THEN 1 ELSE 0 END)) / 400::DOUBLE) * 400::DOUBLE)) / 100::DOUBLE) + FLOOR((153::DOUBLE * (hs_mo3 + CASE WHEN hs_mo3 > 2 THEN -3 ELSE 9 END) + 2) / 5::DOUBLE) + hs_dd3 - 1 - 719468 END AS hs_day3,
    CASE WHEN hs_mo4 BETWEEN 1 AND 12 AND hs_dd4 BETWEEN 1 AND CASE WHEN hs_mo4 = 2 THEN CASE WHEN (((hs_yr4) - FLOOR((hs_yr4) / 4::DOUBLE) * 4::DOUBLE) = 0 AND ((hs_yr4) - FLOOR((hs_yr4) / 100::DOUBLE) * 100::DOUBLE) <> 0 OR ((hs_yr4) - FLOOR((hs_yr4) / 400::DOUBLE) * 400::DOUBLE) = 0) THEN 29 ELSE 28 END WHEN hs_mo4 IN (4, 6, 9, 11) THEN 30 ELSE 31 END
    THEN FLOOR(((hs_yr4 - CASE WHEN hs_mo4 <= 2 THEN 1 ELSE 0 END)) / 400::DOUBLE) * 146097::DOUBLE + ((hs_yr4 - CASE WHEN hs_mo4 <= 2 THEN 1 ELSE 0 END) - FLOOR(((hs_yr4 - CASE WHEN hs_mo4 <= 2 THEN 1 ELSE 0 END)) / 400::DOUBLE) * 400::DOUBLE) * 365 + FLOOR((((hs_yr4 - CASE WHEN hs_mo4 <= 2 THEN 1 ELSE 0 END) - FLOOR(((hs_yr4 - CASE WHEN hs_mo4 <= 2 THEN 1 ELSE 0 END)) / 400::DOUBLE) * 400::DOUBLE)) / 4::DOUBLE) - FLOOR((((hs_yr4 - CASE WHEN hs_mo4 <= 2 THEN 1 ELSE 0 END) - FLOOR(((hs_yr4 - CASE WHEN hs_mo4 <= 2 THEN 1 ELSE 0 END)) / 400::DOUBLE) * 400::DOUBLE)) / 100::DOUBLE) + FLOOR((153::DOUBLE * (hs_mo4 + CASE WHEN hs_mo4 > 2 THEN -3 ELSE 9 END) + 2) / 5::DOUBLE) + hs_dd4 - 1 - 719468 END AS hs_day4
  FROM hs_s0_2
),
hs_s0_4 AS (
  SELECT *,
    LOWER(hs_c0) AS hs_k
  FROM hs_s0_3
),
hs_s0 AS (
  SELECT hs_k,
    CAST(SUM(CASE WHEN hs_day4 - hs_day3 < 30::DOUBLE THEN 1 ELSE 0 END) AS DOUBLE) AS hs_a0,
    CAST(SUM(CASE WHEN hs_day4 - hs_day3 >= 30::DOUBLE AND hs_day4 - hs_day3 < 60::DOUBLE THEN 1 ELSE 0 END) AS DOUBLE) AS hs_b1,
    CAST(COUNT(DISTINCT CASE WHEN hs_day4 - hs_day3 < 30::DOUBLE THEN CASE WHEN NOT hs_m7 THEN LOWER(hs_c2) END END) AS DOUBLE) AS hs_a2,
    SUBSTR(MAX(CAST(CAST(hs_day3 + 20000000::DOUBLE AS BIGINT) AS VARCHAR) || COALESCE(hs_c1, '')), 9) AS hs_a3
  FROM hs_s0_4
  WHERE NOT hs_m2 AND hs_day3 IS NOT NULL AND hs_day3 <= hs_day4
  GROUP BY hs_k
),
hs_s1_1 AS (
  SELECT     TRIM(CAST(hs__t."Account" AS VARCHAR), CHR(9) || CHR(10) || CHR(11) || CHR(12) || CHR(13) || '                  　﻿') AS hs_c0,
    TRIM(CAST(hs__t."Date" AS VARCHAR), CHR(9) || CHR(10) || CHR(11) || CHR(12) || CHR(13) || '                  　﻿') AS hs_c1,
    TO_CHAR(CONVERT_TIMEZONE('Europe/Berlin', CURRENT_TIMESTAMP()), 'YYYY-MM-DD') AS hs_today,
    TRIM(CAST(hs__t."Score" AS VARCHAR), CHR(9) || CHR(10) || CHR(11) || CHR(12) || CHR(13) || '                  　﻿') AS hs_c2
  FROM nps AS hs__t
),
hs_s1_2 AS (
  SELECT *,
    (hs_c0 IS NULL OR LOWER(hs_c0) IN ('', 'n/a', 'na', '-', '—', '–') OR CASE WHEN SUBSTR(hs_c0, 1, 1) = '#' THEN REGEXP_LIKE(hs_c0, $$#[A-Za-z0-9/]+[!?]?$$) ELSE FALSE END) AS hs_m10,
    CASE WHEN REGEXP_LIKE(hs_c1, $$[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]+)?)?(Z|[+-][0-9]{2}:?[0-9]{2})?)?$$) THEN TRY_CAST(SUBSTR(hs_c1, 1, 4) AS INTEGER) END AS hs_yr11,
    CASE WHEN REGEXP_LIKE(hs_c1, $$[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]+)?)?(Z|[+-][0-9]{2}:?[0-9]{2})?)?$$) THEN TRY_CAST(SUBSTR(hs_c1, 6, 2) AS INTEGER) END AS hs_mo11,
    CASE WHEN REGEXP_LIKE(hs_c1, $$[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]+)?)?(Z|[+-][0-9]{2}:?[0-9]{2})?)?$$) THEN TRY_CAST(SUBSTR(hs_c1, 9, 2) AS INTEGER) END AS hs_dd11,
    CASE WHEN REGEXP_LIKE(hs_today, $$[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]+)?)?(Z|[+-][0-9]{2}:?[0-9]{2})?)?$$) THEN TRY_CAST(SUBSTR(hs_today, 1, 4) AS INTEGER) END AS hs_yr12,
    CASE WHEN REGEXP_LIKE(hs_today, $$[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]+)?)?(Z|[+-][0-9]{2}:?[0-9]{2})?)?$$) THEN TRY_CAST(SUBSTR(hs_today, 6, 2) AS INTEGER) END AS hs_mo12,
    CASE WHEN REGEXP_LIKE(hs_today, $$[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]+)?)?(Z|[+-][0-9]{2}:?[0-9]{2})?)?$$) THEN TRY_CAST(SUBSTR(hs_today, 9, 2) AS INTEGER) END AS hs_dd12
  FROM hs_s1_1
),
hs_s1_3 AS (
  SELECT *,
    CASE WHEN hs_mo11 BETWEEN 1 AND 12 AND hs_dd11 BETWEEN 1 AND CASE WHEN hs_mo11 = 2 THEN CASE WHEN (((hs_yr11) - FLOOR((hs_yr11) / 4::DOUBLE) * 4::DOUBLE) = 0 AND ((hs_yr11) - FLOOR((hs_yr11) / 100::DOUBLE) * 100::DOUBLE) <> 0 OR ((hs_yr11) - FLOOR((hs_yr11) / 400::DOUBLE) * 400::DOUBLE) = 0) THEN 29 ELSE 28 END WHEN hs_mo11 IN (4, 6, 9, 11) THEN 30 ELSE 31 END
    THEN FLOOR(((hs_yr11 - CASE WHEN hs_mo11 <= 2 THEN 1 ELSE 0 END)) / 400::DOUBLE) * 146097::DOUBLE + ((hs_yr11 - CASE WHEN hs_mo11 <= 2 THEN 1 ELSE 0 END) - FLOOR(((hs_yr11 - CASE WHEN hs_mo11 <= 2 THEN 1 ELSE 0 END)) / 400::DOUBLE) * 400::DOUBLE) * 365 + FLOOR((((hs_yr11 - CASE WHEN hs_mo11 <= 2 THEN 1 ELSE 0 END) - FLOOR(((hs_yr11 - CASE WHEN hs_mo11 <= 2 THEN 1 ELSE 0 END)) / 400::DOUBLE) * 400::DOUBLE)) / 4::DOUBLE) - FLOOR((((hs_yr11 - CASE WHEN hs_mo11 <= 2 THEN 1 ELSE 0 END) - FLOOR(((hs_yr11 - CASE WHEN hs_mo11 <= 2 THEN 1 ELSE 0 END)) / 400::DOUBLE) * 400::DOUBLE)) / 100::DOUBLE) + FLOOR((153::DOUBLE * (hs_mo11 + CASE WHEN hs_mo11 > 2 THEN -3 ELSE 9 END) + 2) / 5::DOUBLE) + hs_dd11 - 1 - 719468 END AS hs_day11,
    CASE WHEN hs_mo12 BETWEEN 1 AND 12 AND hs_dd12 BETWEEN 1 AND CASE WHEN hs_mo12 = 2 THEN CASE WHEN (((hs_yr12) - FLOOR((hs_yr12) / 4::DOUBLE) * 4::DOUBLE) = 0 AND ((hs_yr12) - FLOOR((hs_yr12) / 100::DOUBLE) * 100::DOUBLE) <> 0 OR ((hs_yr12) - FLOOR((hs_yr12) / 400::DOUBLE) * 400::DOUBLE) = 0) THEN 29 ELSE 28 END WHEN hs_mo12 IN (4, 6, 9, 11) THEN 30 ELSE 31 END
    THEN FLOOR(((hs_yr12 - CASE WHEN hs_mo12 <= 2 THEN 1 ELSE 0 END)) / 400::DOUBLE) * 146097::DOUBLE + ((hs_yr12 - CASE WHEN hs_mo12 <= 2 THEN 1 ELSE 0 END) - FLOOR(((hs_yr12 - CASE WHEN hs_mo12 <= 2 THEN 1 ELSE 0 END)) / 400::DOUBLE) * 400::DOUBLE) * 365 + FLOOR((((hs_yr12 - CASE WHEN hs_mo12 <= 2 THEN 1 ELSE 0 END) - FLOOR(((hs_yr12 - CASE WHEN hs_mo12 <= 2 THEN 1 ELSE 0 END)) / 400::DOUBLE) * 400::DOUBLE)) / 4::DOUBLE) - FLOOR((((hs_yr12 - CASE WHEN hs_mo12 <= 2 THEN 1 ELSE 0 END) - FLOOR(((hs_yr12 - CASE WHEN hs_mo12 <= 2 THEN 1 ELSE 0 END)) / 400::DOUBLE) * 400::DOUBLE)) / 100::DOUBLE) + FLOOR((153::DOUBLE * (hs_mo12 + CASE WHEN hs_mo12 > 2 THEN -3 ELSE 9 END) + 2) / 5::DOUBLE) + hs_dd12 - 1 - 719468 END AS hs_day12
  FROM hs_s1_2
),
hs_s1_4 AS (
  SELECT *,
    LOWER(hs_c0) AS hs_k
  FROM hs_s1_3
),
hs_s1 AS (
  SELECT hs_k,
    SUBSTR(MAX(CAST(CAST(hs_day11 + 20000000::DOUBLE AS BIGINT) AS VARCHAR) || COALESCE(hs_c2, '')), 9) AS hs_a4
  FROM hs_s1_4
  WHERE NOT hs_m10 AND hs_day11 IS NOT NULL AND hs_day11 <= hs_day12
  GROUP BY hs_k
),
hs_s2_1 AS (
  SELECT     TRIM(CAST(hs__t."Account" AS VARCHAR), CHR(9) || CHR(10) || CHR(11) || CHR(12) || CHR(13) || '                  　﻿') AS hs_c0,
    TRIM(CAST(hs__t."Opened" AS VARCHAR), CHR(9) || CHR(10) || CHR(11) || CHR(12) || CHR(13) || '                  　﻿') AS hs_c1,
    TO_CHAR(CONVERT_TIMEZONE('Europe/Berlin', CURRENT_TIMESTAMP()), 'YYYY-MM-DD') AS hs_today,
    TRIM(CAST(hs__t."Priority" AS VARCHAR), CHR(9) || CHR(10) || CHR(11) || CHR(12) || CHR(13) || '                  　﻿') AS hs_c2,
    TRIM(CAST(hs__t."Status" AS VARCHAR), CHR(9) || CHR(10) || CHR(11) || CHR(12) || CHR(13) || '                  　﻿') AS hs_c3
  FROM tickets AS hs__t
),
hs_s2_2 AS (
  SELECT *,
    (hs_c0 IS NULL OR LOWER(hs_c0) IN ('', 'n/a', 'na', '-', '—', '–') OR CASE WHEN SUBSTR(hs_c0, 1, 1) = '#' THEN REGEXP_LIKE(hs_c0, $$#[A-Za-z0-9/]+[!?]?$$) ELSE FALSE END) AS hs_m15,
    CASE WHEN REGEXP_LIKE(hs_c1, $$[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]+)?)?(Z|[+-][0-9]{2}:?[0-9]{2})?)?$$) THEN TRY_CAST(SUBSTR(hs_c1, 1, 4) AS INTEGER) END AS hs_yr16,
    CASE WHEN REGEXP_LIKE(hs_c1, $$[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]+)?)?(Z|[+-][0-9]{2}:?[0-9]{2})?)?$$) THEN TRY_CAST(SUBSTR(hs_c1, 6, 2) AS INTEGER) END AS hs_mo16,
    CASE WHEN REGEXP_LIKE(hs_c1, $$[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]+)?)?(Z|[+-][0-9]{2}:?[0-9]{2})?)?$$) THEN TRY_CAST(SUBSTR(hs_c1, 9, 2) AS INTEGER) END AS hs_dd16,
    CASE WHEN REGEXP_LIKE(hs_today, $$[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]+)?)?(Z|[+-][0-9]{2}:?[0-9]{2})?)?$$) THEN TRY_CAST(SUBSTR(hs_today, 1, 4) AS INTEGER) END AS hs_yr17,
    CASE WHEN REGEXP_LIKE(hs_today, $$[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]+)?)?(Z|[+-][0-9]{2}:?[0-9]{2})?)?$$) THEN TRY_CAST(SUBSTR(hs_today, 6, 2) AS INTEGER) END AS hs_mo17,
    CASE WHEN REGEXP_LIKE(hs_today, $$[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]+)?)?(Z|[+-][0-9]{2}:?[0-9]{2})?)?$$) THEN TRY_CAST(SUBSTR(hs_today, 9, 2) AS INTEGER) END AS hs_dd17
  FROM hs_s2_1
),
hs_s2_3 AS (
  SELECT *,
    CASE WHEN hs_mo16 BETWEEN 1 AND 12 AND hs_dd16 BETWEEN 1 AND CASE WHEN hs_mo16 = 2 THEN CASE WHEN (((hs_yr16) - FLOOR((hs_yr16) / 4::DOUBLE) * 4::DOUBLE) = 0 AND ((hs_yr16) - FLOOR((hs_yr16) / 100::DOUBLE) * 100::DOUBLE) <> 0 OR ((hs_yr16) - FLOOR((hs_yr16) / 400::DOUBLE) * 400::DOUBLE) = 0) THEN 29 ELSE 28 END WHEN hs_mo16 IN (4, 6, 9, 11) THEN 30 ELSE 31 END
    THEN FLOOR(((hs_yr16 - CASE WHEN hs_mo16 <= 2 THEN 1 ELSE 0 END)) / 400::DOUBLE) * 146097::DOUBLE + ((hs_yr16 - CASE WHEN hs_mo16 <= 2 THEN 1 ELSE 0 END) - FLOOR(((hs_yr16 - CASE WHEN hs_mo16 <= 2 THEN 1 ELSE 0 END)) / 400::DOUBLE) * 400::DOUBLE) * 365 + FLOOR((((hs_yr16 - CASE WHEN hs_mo16 <= 2 THEN 1 ELSE 0 END) - FLOOR(((hs_yr16 - CASE WHEN hs_mo16 <= 2 THEN 1 ELSE 0 END)) / 400::DOUBLE) * 400::DOUBLE)) / 4::DOUBLE) - FLOOR((((hs_yr16 - CASE WHEN hs_mo16 <= 2 THEN 1 ELSE 0 END) - FLOOR(((hs_yr16 - CASE WHEN hs_mo16 <= 2 THEN 1 ELSE 0 END)) / 400::DOUBLE) * 400::DOUBLE)) / 100::DOUBLE) + FLOOR((153::DOUBLE * (hs_mo16 + CASE WHEN hs_mo16 > 2 THEN -3 ELSE 9 END) + 2) / 5::DOUBLE) + hs_dd16 - 1 - 719468 END AS hs_day16,
    CASE WHEN hs_mo17 BETWEEN 1 AND 12 AND hs_dd17 BETWEEN 1 AND CASE WHEN hs_mo17 = 2 THEN CASE WHEN (((hs_yr17) - FLOOR((hs_yr17) / 4::DOUBLE) * 4::DOUBLE) = 0 AND ((hs_yr17) - FLOOR((hs_yr17) / 100::DOUBLE) * 100::DOUBLE) <> 0 OR ((hs_yr17) - FLOOR((hs_yr17) / 400::DOUBLE) * 400::DOUBLE) = 0) THEN 29 ELSE 28 END WHEN hs_mo17 IN (4, 6, 9, 11) THEN 30 ELSE 31 END
    THEN FLOOR(((hs_yr17 - CASE WHEN hs_mo17 <= 2 THEN 1 ELSE 0 END)) / 400::DOUBLE) * 146097::DOUBLE + ((hs_yr17 - CASE WHEN hs_mo17 <= 2 THEN 1 ELSE 0 END) - FLOOR(((hs_yr17 - CASE WHEN hs_mo17 <= 2 THEN 1 ELSE 0 END)) / 400::DOUBLE) * 400::DOUBLE) * 365 + FLOOR((((hs_yr17 - CASE WHEN hs_mo17 <= 2 THEN 1 ELSE 0 END) - FLOOR(((hs_yr17 - CASE WHEN hs_mo17 <= 2 THEN 1 ELSE 0 END)) / 400::DOUBLE) * 400::DOUBLE)) / 4::DOUBLE) - FLOOR((((hs_yr17 - CASE WHEN hs_mo17 <= 2 THEN 1 ELSE 0 END) - FLOOR(((hs_yr17 - CASE WHEN hs_mo17 <= 2 THEN 1 ELSE 0 END)) / 400::DOUBLE) * 400::DOUBLE)) / 100::DOUBLE) + FLOOR((153::DOUBLE * (hs_mo17 + CASE WHEN hs_mo17 > 2 THEN -3 ELSE 9 END) + 2) / 5::DOUBLE) + hs_dd17 - 1 - 719468 END AS hs_day17
  FROM hs_s2_2
),
hs_s2_4 AS (
  SELECT *,
    LOWER(hs_c0) AS hs_k,
    COALESCE(LOWER(COALESCE(hs_c2, '')) = 'p1', FALSE) AS hs_w9,
    COALESCE(LOWER(COALESCE(hs_c3, '')) = 'open', FALSE) AS hs_w10,
    (COALESCE(LOWER(COALESCE(hs_c3, '')) = 'open', FALSE) OR COALESCE(LOWER(COALESCE(hs_c3, '')) = 'pending', FALSE)) AS hs_w11
  FROM hs_s2_3
),
hs_s2 AS (
  SELECT hs_k,
    CAST(SUM(CASE WHEN hs_w9 AND hs_w10 THEN 1 ELSE 0 END) AS DOUBLE) AS hs_a5,
    CAST(SUM(CASE WHEN hs_w11 THEN 1 ELSE 0 END) AS DOUBLE) AS hs_a6
  FROM hs_s2_4
  WHERE NOT hs_m15 AND hs_day16 IS NOT NULL AND hs_day16 <= hs_day17
  GROUP BY hs_k
),
hs__1 AS (
  SELECT hs__t.*,
    TRIM(CAST(hs__t."Seat utilisation" AS VARCHAR), CHR(9) || CHR(10) || CHR(11) || CHR(12) || CHR(13) || '                  　﻿') AS hs_c0,
    TRIM(CAST(hs__t."Account" AS VARCHAR), CHR(9) || CHR(10) || CHR(11) || CHR(12) || CHR(13) || '                  　﻿') AS hs_c1,
    hs_s0.hs_a0 AS hs_s0a0,
    hs_s0.hs_b1 AS hs_s0b1,
    hs_s0.hs_a2 AS hs_s0a2,
    hs_s0.hs_a3 AS hs_s0a3,
    hs_s1.hs_a4 AS hs_s1a4,
    hs_s2.hs_a5 AS hs_s2a5,
    hs_s2.hs_a6 AS hs_s2a6,
    TO_CHAR(CONVERT_TIMEZONE('Europe/Berlin', CURRENT_TIMESTAMP()), 'YYYY-MM-DD') AS hs_today
  FROM ANALYTICS.PUBLIC.ACCOUNTS AS hs__t
  LEFT JOIN hs_s0 ON hs_s0.hs_k = LOWER(TRIM(CAST(hs__t."Account" AS VARCHAR), CHR(9) || CHR(10) || CHR(11) || CHR(12) || CHR(13) || '                  　﻿'))
  LEFT JOIN hs_s1 ON hs_s1.hs_k = LOWER(TRIM(CAST(hs__t."Account" AS VARCHAR), CHR(9) || CHR(10) || CHR(11) || CHR(12) || CHR(13) || '                  　﻿'))
  LEFT JOIN hs_s2 ON hs_s2.hs_k = LOWER(TRIM(CAST(hs__t."Account" AS VARCHAR), CHR(9) || CHR(10) || CHR(11) || CHR(12) || CHR(13) || '                  　﻿'))
),
hs__2 AS (
  SELECT *,
    (hs_c1 IS NULL OR LOWER(hs_c1) IN ('', 'n/a', 'na', '-', '—', '–') OR CASE WHEN SUBSTR(hs_c1, 1, 1) = '#' THEN REGEXP_LIKE(hs_c1, $$#[A-Za-z0-9/]+[!?]?$$) ELSE FALSE END) AS hs_m1,
    (hs_c0 IS NULL OR LOWER(hs_c0) IN ('', 'n/a', 'na', '-', '—', '–') OR CASE WHEN SUBSTR(hs_c0, 1, 1) = '#' THEN REGEXP_LIKE(hs_c0, $$#[A-Za-z0-9/]+[!?]?$$) ELSE FALSE END) AS hs_m0,
    CASE WHEN REGEXP_LIKE(hs_c0, $$[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?0*[0-9]{1,2})?$$) AND LENGTH(hs_c0) <= 200 THEN TRY_CAST(hs_c0 AS DOUBLE)
    WHEN REGEXP_LIKE(hs_c0, $$[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?$$) THEN CASE WHEN REGEXP_LIKE(hs_c0, $$[+-]?0*[.]?0*([eE][+-]?[0-9]+)?|[^eE]*[eE]-[0-9]+$$) THEN 0::DOUBLE WHEN NOT REGEXP_LIKE(hs_c0, $$[^eE]*[eE][+]?0*([4-9][0-9]{2}|[1-9][0-9]{3,})$$) THEN 1e+300::DOUBLE END
    WHEN REGEXP_LIKE(hs_c0, $$[+-]?[(]?[\s   -     　﻿]*[$€£¥]?[\s   -     　﻿]*[+-]?([0-9]{1,3}(,[0-9]{3})+|[0-9]*)([.][0-9]+)?[\s   -     　﻿]*[)]?[\s   -     　﻿]*%?$$) AND REGEXP_LIKE(hs_c0, $$.*[0-9].*$$) AND NOT REGEXP_LIKE(hs_c0, $$.*[-+(].*[-+(].*$$)
      AND (POSITION('(', hs_c0) > 0) = (POSITION(')', hs_c0) > 0) THEN CASE WHEN (POSITION('-', hs_c0) > 0 OR POSITION('(', hs_c0) > 0) THEN -1 ELSE 1 END * CASE WHEN LENGTH(REGEXP_REPLACE(hs_c0, $$[^0-9.]$$, '')) > 300 THEN 1e+300::DOUBLE ELSE TRY_CAST('0' || REGEXP_REPLACE(hs_c0, $$[^0-9.]$$, '') AS DOUBLE) END / CASE WHEN POSITION('%', hs_c0) > 0 THEN 100::DOUBLE ELSE 1::DOUBLE END END AS hs_n0,
    CASE LOWER(hs_c0) WHEN 'true' THEN 1 WHEN 'false' THEN 0 END AS hs_b0,
    (hs_s0a3 IS NULL OR LOWER(hs_s0a3) IN ('', 'n/a', 'na', '-', '—', '–') OR CASE WHEN SUBSTR(hs_s0a3, 1, 1) = '#' THEN REGEXP_LIKE(hs_s0a3, $$#[A-Za-z0-9/]+[!?]?$$) ELSE FALSE END) AS hs_m9,
    CASE WHEN REGEXP_LIKE(hs_s0a3, $$[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]+)?)?(Z|[+-][0-9]{2}:?[0-9]{2})?)?$$) THEN TRY_CAST(SUBSTR(hs_s0a3, 1, 4) AS INTEGER) END AS hs_yr9,
    CASE WHEN REGEXP_LIKE(hs_s0a3, $$[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]+)?)?(Z|[+-][0-9]{2}:?[0-9]{2})?)?$$) THEN TRY_CAST(SUBSTR(hs_s0a3, 6, 2) AS INTEGER) END AS hs_mo9,
    CASE WHEN REGEXP_LIKE(hs_s0a3, $$[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]+)?)?(Z|[+-][0-9]{2}:?[0-9]{2})?)?$$) THEN TRY_CAST(SUBSTR(hs_s0a3, 9, 2) AS INTEGER) END AS hs_dd9,
    CASE WHEN REGEXP_LIKE(hs_today, $$[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]+)?)?(Z|[+-][0-9]{2}:?[0-9]{2})?)?$$) THEN TRY_CAST(SUBSTR(hs_today, 1, 4) AS INTEGER) END AS hs_yr22,
    CASE WHEN REGEXP_LIKE(hs_today, $$[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]+)?)?(Z|[+-][0-9]{2}:?[0-9]{2})?)?$$) THEN TRY_CAST(SUBSTR(hs_today, 6, 2) AS INTEGER) END AS hs_mo22,
    CASE WHEN REGEXP_LIKE(hs_today, $$[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]+)?)?(Z|[+-][0-9]{2}:?[0-9]{2})?)?$$) THEN TRY_CAST(SUBSTR(hs_today, 9, 2) AS INTEGER) END AS hs_dd22,
    (hs_s1a4 IS NULL OR LOWER(hs_s1a4) IN ('', 'n/a', 'na', '-', '—', '–') OR CASE WHEN SUBSTR(hs_s1a4, 1, 1) = '#' THEN REGEXP_LIKE(hs_s1a4, $$#[A-Za-z0-9/]+[!?]?$$) ELSE FALSE END) AS hs_m14,
    CASE WHEN REGEXP_LIKE(hs_s1a4, $$[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?0*[0-9]{1,2})?$$) AND LENGTH(hs_s1a4) <= 200 THEN TRY_CAST(hs_s1a4 AS DOUBLE)
    WHEN REGEXP_LIKE(hs_s1a4, $$[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?$$) THEN CASE WHEN REGEXP_LIKE(hs_s1a4, $$[+-]?0*[.]?0*([eE][+-]?[0-9]+)?|[^eE]*[eE]-[0-9]+$$) THEN 0::DOUBLE WHEN NOT REGEXP_LIKE(hs_s1a4, $$[^eE]*[eE][+]?0*([4-9][0-9]{2}|[1-9][0-9]{3,})$$) THEN 1e+300::DOUBLE END
    WHEN REGEXP_LIKE(hs_s1a4, $$[+-]?[(]?[\s   -     　﻿]*[$€£¥]?[\s   -     　﻿]*[+-]?([0-9]{1,3}(,[0-9]{3})+|[0-9]*)([.][0-9]+)?[\s   -     　﻿]*[)]?[\s   -     　﻿]*%?$$) AND REGEXP_LIKE(hs_s1a4, $$.*[0-9].*$$) AND NOT REGEXP_LIKE(hs_s1a4, $$.*[-+(].*[-+(].*$$)
      AND (POSITION('(', hs_s1a4) > 0) = (POSITION(')', hs_s1a4) > 0) THEN CASE WHEN (POSITION('-', hs_s1a4) > 0 OR POSITION('(', hs_s1a4) > 0) THEN -1 ELSE 1 END * CASE WHEN LENGTH(REGEXP_REPLACE(hs_s1a4, $$[^0-9.]$$, '')) > 300 THEN 1e+300::DOUBLE ELSE TRY_CAST('0' || REGEXP_REPLACE(hs_s1a4, $$[^0-9.]$$, '') AS DOUBLE) END / CASE WHEN POSITION('%', hs_s1a4) > 0 THEN 100::DOUBLE ELSE 1::DOUBLE END END AS hs_n14,
    CASE LOWER(hs_s1a4) WHEN 'true' THEN 1 WHEN 'false' THEN 0 END AS hs_b14
  FROM hs__1
),
hs__3 AS (
  SELECT *,
    CASE WHEN hs_mo9 BETWEEN 1 AND 12 AND hs_dd9 BETWEEN 1 AND CASE WHEN hs_mo9 = 2 THEN CASE WHEN (((hs_yr9) - FLOOR((hs_yr9) / 4::DOUBLE) * 4::DOUBLE) = 0 AND ((hs_yr9) - FLOOR((hs_yr9) / 100::DOUBLE) * 100::DOUBLE) <> 0 OR ((hs_yr9) - FLOOR((hs_yr9) / 400::DOUBLE) * 400::DOUBLE) = 0) THEN 29 ELSE 28 END WHEN hs_mo9 IN (4, 6, 9, 11) THEN 30 ELSE 31 END
    THEN FLOOR(((hs_yr9 - CASE WHEN hs_mo9 <= 2 THEN 1 ELSE 0 END)) / 400::DOUBLE) * 146097::DOUBLE + ((hs_yr9 - CASE WHEN hs_mo9 <= 2 THEN 1 ELSE 0 END) - FLOOR(((hs_yr9 - CASE WHEN hs_mo9 <= 2 THEN 1 ELSE 0 END)) / 400::DOUBLE) * 400::DOUBLE) * 365 + FLOOR((((hs_yr9 - CASE WHEN hs_mo9 <= 2 THEN 1 ELSE 0 END) - FLOOR(((hs_yr9 - CASE WHEN hs_mo9 <= 2 THEN 1 ELSE 0 END)) / 400::DOUBLE) * 400::DOUBLE)) / 4::DOUBLE) - FLOOR((((hs_yr9 - CASE WHEN hs_mo9 <= 2 THEN 1 ELSE 0 END) - FLOOR(((hs_yr9 - CASE WHEN hs_mo9 <= 2 THEN 1 ELSE 0 END)) / 400::DOUBLE) * 400::DOUBLE)) / 100::DOUBLE) + FLOOR((153::DOUBLE * (hs_mo9 + CASE WHEN hs_mo9 > 2 THEN -3 ELSE 9 END) + 2) / 5::DOUBLE) + hs_dd9 - 1 - 719468 END AS hs_day9,
    CASE WHEN hs_mo22 BETWEEN 1 AND 12 AND hs_dd22 BETWEEN 1 AND CASE WHEN hs_mo22 = 2 THEN CASE WHEN (((hs_yr22) - FLOOR((hs_yr22) / 4::DOUBLE) * 4::DOUBLE) = 0 AND ((hs_yr22) - FLOOR((hs_yr22) / 100::DOUBLE) * 100::DOUBLE) <> 0 OR ((hs_yr22) - FLOOR((hs_yr22) / 400::DOUBLE) * 400::DOUBLE) = 0) THEN 29 ELSE 28 END WHEN hs_mo22 IN (4, 6, 9, 11) THEN 30 ELSE 31 END
    THEN FLOOR(((hs_yr22 - CASE WHEN hs_mo22 <= 2 THEN 1 ELSE 0 END)) / 400::DOUBLE) * 146097::DOUBLE + ((hs_yr22 - CASE WHEN hs_mo22 <= 2 THEN 1 ELSE 0 END) - FLOOR(((hs_yr22 - CASE WHEN hs_mo22 <= 2 THEN 1 ELSE 0 END)) / 400::DOUBLE) * 400::DOUBLE) * 365 + FLOOR((((hs_yr22 - CASE WHEN hs_mo22 <= 2 THEN 1 ELSE 0 END) - FLOOR(((hs_yr22 - CASE WHEN hs_mo22 <= 2 THEN 1 ELSE 0 END)) / 400::DOUBLE) * 400::DOUBLE)) / 4::DOUBLE) - FLOOR((((hs_yr22 - CASE WHEN hs_mo22 <= 2 THEN 1 ELSE 0 END) - FLOOR(((hs_yr22 - CASE WHEN hs_mo22 <= 2 THEN 1 ELSE 0 END)) / 400::DOUBLE) * 400::DOUBLE)) / 100::DOUBLE) + FLOOR((153::DOUBLE * (hs_mo22 + CASE WHEN hs_mo22 > 2 THEN -3 ELSE 9 END) + 2) / 5::DOUBLE) + hs_dd22 - 1 - 719468 END AS hs_day22
  FROM hs__2
),
hs__4 AS (
  SELECT *,
    CASE WHEN hs_m1 THEN NULL ELSE COALESCE(hs_s0a0, 0::DOUBLE) END AS hs_s0x0,
    CASE WHEN hs_s0b1 = 0 THEN NULL ELSE (hs_s0a0 - hs_s0b1) / hs_s0b1 * 100::DOUBLE END AS hs_s0x1,
    CASE WHEN hs_m1 THEN NULL ELSE COALESCE(hs_s0a2, 0::DOUBLE) END AS hs_s0x2,
    CASE WHEN hs_m1 THEN NULL ELSE COALESCE(hs_s2a5, 0::DOUBLE) END AS hs_s2x5,
    CASE WHEN hs_m1 THEN NULL ELSE COALESCE(hs_s2a6, 0::DOUBLE) END AS hs_s2x6
  FROM hs__3
),
hs__5 AS (
  SELECT *,
    CASE WHEN hs_m0 THEN NULL WHEN hs_n0 IS NOT NULL THEN CASE WHEN ABS(hs_n0) <= 1000000000000000::DOUBLE THEN hs_n0 END ELSE hs_b0 END AS hs_r0m0v,
    CASE WHEN hs_m0 THEN NULL WHEN hs_n0 IS NOT NULL THEN CASE WHEN ABS(hs_n0) > 1000000000000000::DOUBLE THEN '"' || CASE WHEN LENGTH(hs_c0) > 40 THEN SUBSTR(hs_c0, 1, 39) || '…' ELSE hs_c0 END || '"' || ' is too large to score' END WHEN hs_b0 IS NULL THEN '"' || CASE WHEN LENGTH(hs_c0) > 40 THEN SUBSTR(hs_c0, 1, 39) || '…' ELSE hs_c0 END || '"' || '' || CASE WHEN (REGEXP_LIKE(hs_c0, $$[+-]?[\s   -     　﻿]*[$€£¥]?[\s   -     　﻿]*[(+-][\s   -     　﻿]*[$€£¥]?[\s   -     　﻿]*[(+-]?[\s   -     　﻿]*[0-9.].*$$) AND REGEXP_LIKE(hs_c0, $$.*[-+(].*[-+(].*$$)) THEN ' is not a number: a number carries at most one sign' ELSE ' is not a number' END END AS hs_r0m0x,
    CASE WHEN (hs_s0x0 IS NULL) THEN NULL WHEN hs_s0x0 IS NOT NULL THEN CASE WHEN ABS(hs_s0x0) <= 1000000000000000::DOUBLE THEN hs_s0x0 END ELSE NULL END AS hs_r0m1v,
    CASE WHEN (hs_s0x0 IS NULL) THEN NULL WHEN hs_s0x0 IS NOT NULL THEN CASE WHEN ABS(hs_s0x0) > 1000000000000000::DOUBLE THEN '"' || CASE WHEN LENGTH(CAST(hs_s0x0 AS VARCHAR)) > 40 THEN SUBSTR(CAST(hs_s0x0 AS VARCHAR), 1, 39) || '…' ELSE CAST(hs_s0x0 AS VARCHAR) END || '"' || ' is too large to score' END WHEN NULL IS NULL THEN '"' || CASE WHEN LENGTH(CAST(hs_s0x0 AS VARCHAR)) > 40 THEN SUBSTR(CAST(hs_s0x0 AS VARCHAR), 1, 39) || '…' ELSE CAST(hs_s0x0 AS VARCHAR) END || '"' || '' || CASE WHEN (REGEXP_LIKE(CAST(hs_s0x0 AS VARCHAR), $$[+-]?[\s   -     　﻿]*[$€£¥]?[\s   -     　﻿]*[(+-][\s   -     　﻿]*[$€£¥]?[\s   -     　﻿]*[(+-]?[\s   -     　﻿]*[0-9.].*$$) AND REGEXP_LIKE(CAST(hs_s0x0 AS VARCHAR), $$.*[-+(].*[-+(].*$$)) THEN ' is not a number: a number carries at most one sign' ELSE ' is not a number' END END AS hs_r0m1x,
    CASE WHEN (hs_s0x1 IS NULL) THEN NULL WHEN hs_s0x1 IS NOT NULL THEN CASE WHEN ABS(hs_s0x1) <= 1000000000000000::DOUBLE THEN hs_s0x1 END ELSE NULL END AS hs_r0m2v,
    CASE WHEN (hs_s0x1 IS NULL) THEN NULL WHEN hs_s0x1 IS NOT NULL THEN CASE WHEN ABS(hs_s0x1) > 1000000000000000::DOUBLE THEN '"' || CASE WHEN LENGTH(CAST(hs_s0x1 AS VARCHAR)) > 40 THEN SUBSTR(CAST(hs_s0x1 AS VARCHAR), 1, 39) || '…' ELSE CAST(hs_s0x1 AS VARCHAR) END || '"' || ' is too large to score' END WHEN NULL IS NULL THEN '"' || CASE WHEN LENGTH(CAST(hs_s0x1 AS VARCHAR)) > 40 THEN SUBSTR(CAST(hs_s0x1 AS VARCHAR), 1, 39) || '…' ELSE CAST(hs_s0x1 AS VARCHAR) END || '"' || '' || CASE WHEN (REGEXP_LIKE(CAST(hs_s0x1 AS VARCHAR), $$[+-]?[\s   -     　﻿]*[$€£¥]?[\s   -     　﻿]*[(+-][\s   -     　﻿]*[$€£¥]?[\s   -     　﻿]*[(+-]?[\s   -     　﻿]*[0-9.].*$$) AND REGEXP_LIKE(CAST(hs_s0x1 AS VARCHAR), $$.*[-+(].*[-+(].*$$)) THEN ' is not a number: a number carries at most one sign' ELSE ' is not a number' END END AS hs_r0m2x,
    CASE WHEN (hs_s0x2 IS NULL) THEN NULL WHEN hs_s0x2 IS NOT NULL THEN CASE WHEN ABS(hs_s0x2) <= 1000000000000000::DOUBLE THEN hs_s0x2 END ELSE NULL END AS hs_r0m3v,
    CASE WHEN (hs_s0x2 IS NULL) THEN NULL WHEN hs_s0x2 IS NOT NULL THEN CASE WHEN ABS(hs_s0x2) > 1000000000000000::DOUBLE THEN '"' || CASE WHEN LENGTH(CAST(hs_s0x2 AS VARCHAR)) > 40 THEN SUBSTR(CAST(hs_s0x2 AS VARCHAR), 1, 39) || '…' ELSE CAST(hs_s0x2 AS VARCHAR) END || '"' || ' is too large to score' END WHEN NULL IS NULL THEN '"' || CASE WHEN LENGTH(CAST(hs_s0x2 AS VARCHAR)) > 40 THEN SUBSTR(CAST(hs_s0x2 AS VARCHAR), 1, 39) || '…' ELSE CAST(hs_s0x2 AS VARCHAR) END || '"' || '' || CASE WHEN (REGEXP_LIKE(CAST(hs_s0x2 AS VARCHAR), $$[+-]?[\s   -     　﻿]*[$€£¥]?[\s   -     　﻿]*[(+-][\s   -     　﻿]*[$€£¥]?[\s   -     　﻿]*[(+-]?[\s   -     　﻿]*[0-9.].*$$) AND REGEXP_LIKE(CAST(hs_s0x2 AS VARCHAR), $$.*[-+(].*[-+(].*$$)) THEN ' is not a number: a number carries at most one sign' ELSE ' is not a number' END END AS hs_r0m3x,
    CASE WHEN NOT hs_m9 THEN CASE WHEN hs_day22 - hs_day9 < 0 THEN 0::DOUBLE ELSE hs_day22 - hs_day9 END END AS hs_r0m4v,
    CASE WHEN NOT hs_m9 AND hs_day9 IS NULL THEN '"' || CASE WHEN LENGTH(hs_s0a3) > 40 THEN SUBSTR(hs_s0a3, 1, 39) || '…' ELSE hs_s0a3 END || '"' || ' is not a date (use YYYY-MM-DD)' END AS hs_r0m4x,
    CASE WHEN hs_m14 THEN NULL WHEN hs_n14 IS NOT NULL THEN CASE WHEN ABS(hs_n14) <= 1000000000000000::DOUBLE THEN hs_n14 END ELSE hs_b14 END AS hs_r0m5v,
    CASE WHEN hs_m14 THEN NULL WHEN hs_n14 IS NOT NULL THEN CASE WHEN ABS(hs_n14) > 1000000000000000::DOUBLE THEN '"' || CASE WHEN LENGTH(hs_s1a4) > 40 THEN SUBSTR(hs_s1a4, 1, 39) || '…' ELSE hs_s1a4 END || '"' || ' is too large to score' END WHEN hs_b14 IS NULL THEN '"' || CASE WHEN LENGTH(hs_s1a4) > 40 THEN SUBSTR(hs_s1a4, 1, 39) || '…' ELSE hs_s1a4 END || '"' || '' || CASE WHEN (REGEXP_LIKE(hs_s1a4, $$[+-]?[\s   -     　﻿]*[$€£¥]?[\s   -     　﻿]*[(+-][\s   -     　﻿]*[$€£¥]?[\s   -     　﻿]*[(+-]?[\s   -     　﻿]*[0-9.].*$$) AND REGEXP_LIKE(hs_s1a4, $$.*[-+(].*[-+(].*$$)) THEN ' is not a number: a number carries at most one sign' ELSE ' is not a number' END END AS hs_r0m5x,
    CASE WHEN (hs_s2x5 IS NULL) THEN NULL WHEN hs_s2x5 IS NOT NULL THEN CASE WHEN ABS(hs_s2x5) <= 1000000000000000::DOUBLE THEN hs_s2x5 END ELSE NULL END AS hs_r0m6v,
    CASE WHEN (hs_s2x5 IS NULL) THEN NULL WHEN hs_s2x5 IS NOT NULL THEN CASE WHEN ABS(hs_s2x5) > 1000000000000000::DOUBLE THEN '"' || CASE WHEN LENGTH(CAST(hs_s2x5 AS VARCHAR)) > 40 THEN SUBSTR(CAST(hs_s2x5 AS VARCHAR), 1, 39) || '…' ELSE CAST(hs_s2x5 AS VARCHAR) END || '"' || ' is too large to score' END WHEN NULL IS NULL THEN '"' || CASE WHEN LENGTH(CAST(hs_s2x5 AS VARCHAR)) > 40 THEN SUBSTR(CAST(hs_s2x5 AS VARCHAR), 1, 39) || '…' ELSE CAST(hs_s2x5 AS VARCHAR) END || '"' || '' || CASE WHEN (REGEXP_LIKE(CAST(hs_s2x5 AS VARCHAR), $$[+-]?[\s   -     　﻿]*[$€£¥]?[\s   -     　﻿]*[(+-][\s   -     　﻿]*[$€£¥]?[\s   -     　﻿]*[(+-]?[\s   -     　﻿]*[0-9.].*$$) AND REGEXP_LIKE(CAST(hs_s2x5 AS VARCHAR), $$.*[-+(].*[-+(].*$$)) THEN ' is not a number: a number carries at most one sign' ELSE ' is not a number' END END AS hs_r0m6x,
    COALESCE(hs_s0x0 IS NOT NULL AND hs_s0x0 <= 0::DOUBLE, FALSE) AS hs_r0f0,
    COALESCE(hs_s2x6 IS NOT NULL AND hs_s2x6 >= 4::DOUBLE, FALSE) AS hs_r0f1
  FROM hs__4
),
hs__6 AS (
  SELECT *,
    CASE WHEN hs_r0m0v IS NOT NULL THEN 1 ELSE 0 END AS hs_r0m0p,
    CASE WHEN hs_r0m0v IS NOT NULL THEN CASE WHEN CASE WHEN (hs_r0m0v - 0.1::DOUBLE) / '0.7000000000000001'::DOUBLE > 1::DOUBLE THEN 1::DOUBLE WHEN (hs_r0m0v - 0.1::DOUBLE) / '0.7000000000000001'::DOUBLE < 0::DOUBLE THEN 0::DOUBLE ELSE (hs_r0m0v - 0.1::DOUBLE) / '0.7000000000000001'::DOUBLE END * 100::DOUBLE > 100::DOUBLE THEN 100::DOUBLE WHEN CASE WHEN (hs_r0m0v - 0.1::DOUBLE) / '0.7000000000000001'::DOUBLE > 1::DOUBLE THEN 1::DOUBLE WHEN (hs_r0m0v - 0.1::DOUBLE) / '0.7000000000000001'::DOUBLE < 0::DOUBLE THEN 0::DOUBLE ELSE (hs_r0m0v - 0.1::DOUBLE) / '0.7000000000000001'::DOUBLE END * 100::DOUBLE < 0::DOUBLE THEN 0::DOUBLE ELSE CASE WHEN (hs_r0m0v - 0.1::DOUBLE) / '0.7000000000000001'::DOUBLE > 1::DOUBLE THEN 1::DOUBLE WHEN (hs_r0m0v - 0.1::DOUBLE) / '0.7000000000000001'::DOUBLE < 0::DOUBLE THEN 0::DOUBLE ELSE (hs_r0m0v - 0.1::DOUBLE) / '0.7000000000000001'::DOUBLE END * 100::DOUBLE END ELSE NULL END AS hs_r0m0s,
    CASE WHEN ABS(hs_r0m0v) <= 1000000000000000::DOUBLE THEN FLOOR(hs_r0m0v * 100::DOUBLE + 0.5::DOUBLE) END AS hs_r0m0c,
    CASE WHEN hs_r0m1v IS NOT NULL THEN 1 ELSE 0 END AS hs_r0m1p,
    CASE WHEN hs_r0m1v IS NOT NULL THEN CASE WHEN CASE WHEN (hs_r0m1v - 0::DOUBLE) / 150::DOUBLE > 1::DOUBLE THEN 1::DOUBLE WHEN (hs_r0m1v - 0::DOUBLE) / 150::DOUBLE < 0::DOUBLE THEN 0::DOUBLE ELSE (hs_r0m1v - 0::DOUBLE) / 150::DOUBLE END * 100::DOUBLE > 100::DOUBLE THEN 100::DOUBLE WHEN CASE WHEN (hs_r0m1v - 0::DOUBLE) / 150::DOUBLE > 1::DOUBLE THEN 1::DOUBLE WHEN (hs_r0m1v - 0::DOUBLE) / 150::DOUBLE < 0::DOUBLE THEN 0::DOUBLE ELSE (hs_r0m1v - 0::DOUBLE) / 150::DOUBLE END * 100::DOUBLE < 0::DOUBLE THEN 0::DOUBLE ELSE CASE WHEN (hs_r0m1v - 0::DOUBLE) / 150::DOUBLE > 1::DOUBLE THEN 1::DOUBLE WHEN (hs_r0m1v - 0::DOUBLE) / 150::DOUBLE < 0::DOUBLE THEN 0::DOUBLE ELSE (hs_r0m1v - 0::DOUBLE) / 150::DOUBLE END * 100::DOUBLE END ELSE NULL END AS hs_r0m1s,
    CASE WHEN ABS(hs_r0m1v) <= 1000000000000000::DOUBLE THEN FLOOR(hs_r0m1v * 100::DOUBLE + 0.5::DOUBLE) END AS hs_r0m1c,
    CASE WHEN hs_r0m2v IS NOT NULL THEN 1 ELSE 0 END AS hs_r0m2p,
    CASE WHEN hs_r0m2v IS NOT NULL THEN CASE WHEN CASE WHEN hs_r0m2v >= -10::DOUBLE THEN 100::DOUBLE WHEN hs_r0m2v >= -30::DOUBLE THEN 60::DOUBLE ELSE 20::DOUBLE END > 100::DOUBLE THEN 100::DOUBLE WHEN CASE WHEN hs_r0m2v >= -10::DOUBLE THEN 100::DOUBLE WHEN hs_r0m2v >= -30::DOUBLE THEN 60::DOUBLE ELSE 20::DOUBLE END < 0::DOUBLE THEN 0::DOUBLE ELSE CASE WHEN hs_r0m2v >= -10::DOUBLE THEN 100::DOUBLE WHEN hs_r0m2v >= -30::DOUBLE THEN 60::DOUBLE ELSE 20::DOUBLE END END ELSE NULL END AS hs_r0m2s,
    CASE WHEN ABS(hs_r0m2v) <= 1000000000000000::DOUBLE THEN FLOOR(hs_r0m2v * 100::DOUBLE + 0.5::DOUBLE) END AS hs_r0m2c,
    CASE WHEN hs_r0m3v IS NOT NULL THEN 1 ELSE 0 END AS hs_r0m3p,
    CASE WHEN hs_r0m3v IS NOT NULL THEN CASE WHEN CASE WHEN (hs_r0m3v - 1::DOUBLE) / 19::DOUBLE > 1::DOUBLE THEN 1::DOUBLE WHEN (hs_r0m3v - 1::DOUBLE) / 19::DOUBLE < 0::DOUBLE THEN 0::DOUBLE ELSE (hs_r0m3v - 1::DOUBLE) / 19::DOUBLE END * 100::DOUBLE > 100::DOUBLE THEN 100::DOUBLE WHEN CASE WHEN (hs_r0m3v - 1::DOUBLE) / 19::DOUBLE > 1::DOUBLE THEN 1::DOUBLE WHEN (hs_r0m3v - 1::DOUBLE) / 19::DOUBLE < 0::DOUBLE THEN 0::DOUBLE ELSE (hs_r0m3v - 1::DOUBLE) / 19::DOUBLE END * 100::DOUBLE < 0::DOUBLE THEN 0::DOUBLE ELSE CASE WHEN (hs_r0m3v - 1::DOUBLE) / 19::DOUBLE > 1::DOUBLE THEN 1::DOUBLE WHEN (hs_r0m3v - 1::DOUBLE) / 19::DOUBLE < 0::DOUBLE THEN 0::DOUBLE ELSE (hs_r0m3v - 1::DOUBLE) / 19::DOUBLE END * 100::DOUBLE END ELSE NULL END AS hs_r0m3s,
    CASE WHEN ABS(hs_r0m3v) <= 1000000000000000::DOUBLE THEN FLOOR(hs_r0m3v * 100::DOUBLE + 0.5::DOUBLE) END AS hs_r0m3c,
    CASE WHEN hs_r0m4v IS NOT NULL THEN 1 ELSE 0 END AS hs_r0m4p,
    CASE WHEN hs_r0m4v IS NOT NULL THEN CASE WHEN CASE WHEN hs_r0m4v <= 7::DOUBLE THEN 100::DOUBLE WHEN hs_r0m4v <= 14::DOUBLE THEN 70::DOUBLE WHEN hs_r0m4v <= 30::DOUBLE THEN 30::DOUBLE ELSE 0::DOUBLE END > 100::DOUBLE THEN 100::DOUBLE WHEN CASE WHEN hs_r0m4v <= 7::DOUBLE THEN 100::DOUBLE WHEN hs_r0m4v <= 14::DOUBLE THEN 70::DOUBLE WHEN hs_r0m4v <= 30::DOUBLE THEN 30::DOUBLE ELSE 0::DOUBLE END < 0::DOUBLE THEN 0::DOUBLE ELSE CASE WHEN hs_r0m4v <= 7::DOUBLE THEN 100::DOUBLE WHEN hs_r0m4v <= 14::DOUBLE THEN 70::DOUBLE WHEN hs_r0m4v <= 30::DOUBLE THEN 30::DOUBLE ELSE 0::DOUBLE END END ELSE NULL END AS hs_r0m4s,
    CASE WHEN ABS(hs_r0m4v) <= 1000000000000000::DOUBLE THEN FLOOR(hs_r0m4v * 100::DOUBLE + 0.5::DOUBLE) END AS hs_r0m4c,
    CASE WHEN hs_r0m5v IS NOT NULL THEN 1 ELSE 0 END AS hs_r0m5p,
    CASE WHEN hs_r0m5v IS NOT NULL THEN CASE WHEN CASE WHEN hs_r0m5v >= 9::DOUBLE THEN 100::DOUBLE WHEN hs_r0m5v >= 7::DOUBLE THEN 60::DOUBLE ELSE 10::DOUBLE END > 100::DOUBLE THEN 100::DOUBLE WHEN CASE WHEN hs_r0m5v >= 9::DOUBLE THEN 100::DOUBLE WHEN hs_r0m5v >= 7::DOUBLE THEN 60::DOUBLE ELSE 10::DOUBLE END < 0::DOUBLE THEN 0::DOUBLE ELSE CASE WHEN hs_r0m5v >= 9::DOUBLE THEN 100::DOUBLE WHEN hs_r0m5v >= 7::DOUBLE THEN 60::DOUBLE ELSE 10::DOUBLE END END ELSE NULL END AS hs_r0m5s,
    CASE WHEN ABS(hs_r0m5v) <= 1000000000000000::DOUBLE THEN FLOOR(hs_r0m5v * 100::DOUBLE + 0.5::DOUBLE) END AS hs_r0m5c,
    CASE WHEN hs_r0m6v IS NOT NULL THEN 1 ELSE 0 END AS hs_r0m6p,
    CASE WHEN hs_r0m6v IS NOT NULL THEN CASE WHEN CASE WHEN hs_r0m6v <= 0::DOUBLE THEN 100::DOUBLE WHEN hs_r0m6v <= 1::DOUBLE THEN 60::DOUBLE WHEN hs_r0m6v <= 3::DOUBLE THEN 30::DOUBLE ELSE 0::DOUBLE END > 100::DOUBLE THEN 100::DOUBLE WHEN CASE WHEN hs_r0m6v <= 0::DOUBLE THEN 100::DOUBLE WHEN hs_r0m6v <= 1::DOUBLE THEN 60::DOUBLE WHEN hs_r0m6v <= 3::DOUBLE THEN 30::DOUBLE ELSE 0::DOUBLE END < 0::DOUBLE THEN 0::DOUBLE ELSE CASE WHEN hs_r0m6v <= 0::DOUBLE THEN 100::DOUBLE WHEN hs_r0m6v <= 1::DOUBLE THEN 60::DOUBLE WHEN hs_r0m6v <= 3::DOUBLE THEN 30::DOUBLE ELSE 0::DOUBLE END END ELSE NULL END AS hs_r0m6s,
    CASE WHEN ABS(hs_r0m6v) <= 1000000000000000::DOUBLE THEN FLOOR(hs_r0m6v * 100::DOUBLE + 0.5::DOUBLE) END AS hs_r0m6c
  FROM hs__5
),
hs__7 AS (
  SELECT *,
    ABS(hs_r0m0c) - FLOOR(ABS(hs_r0m0c) / 100::DOUBLE) * 100::DOUBLE AS hs_r0m0f,
    ABS(hs_r0m1c) - FLOOR(ABS(hs_r0m1c) / 100::DOUBLE) * 100::DOUBLE AS hs_r0m1f,
    ABS(hs_r0m2c) - FLOOR(ABS(hs_r0m2c) / 100::DOUBLE) * 100::DOUBLE AS hs_r0m2f,
    ABS(hs_r0m3c) - FLOOR(ABS(hs_r0m3c) / 100::DOUBLE) * 100::DOUBLE AS hs_r0m3f,
    ABS(hs_r0m4c) - FLOOR(ABS(hs_r0m4c) / 100::DOUBLE) * 100::DOUBLE AS hs_r0m4f,
    ABS(hs_r0m5c) - FLOOR(ABS(hs_r0m5c) / 100::DOUBLE) * 100::DOUBLE AS hs_r0m5f,
    ABS(hs_r0m6c) - FLOOR(ABS(hs_r0m6c) / 100::DOUBLE) * 100::DOUBLE AS hs_r0m6f,
    COALESCE(3::DOUBLE * hs_r0m0s, 0::DOUBLE) + COALESCE(2::DOUBLE * hs_r0m1s, 0::DOUBLE) + COALESCE(1::DOUBLE * hs_r0m2s, 0::DOUBLE) + COALESCE(1::DOUBLE * hs_r0m3s, 0::DOUBLE) + COALESCE(1::DOUBLE * hs_r0m4s, 0::DOUBLE) + COALESCE(2::DOUBLE * hs_r0m5s, 0::DOUBLE) + COALESCE(1::DOUBLE * hs_r0m6s, 0::DOUBLE) AS hs_r0g0s,
    CASE WHEN hs_r0m0s IS NULL THEN 0::DOUBLE ELSE 3::DOUBLE END + CASE WHEN hs_r0m1s IS NULL THEN 0::DOUBLE ELSE 2::DOUBLE END + CASE WHEN hs_r0m2s IS NULL THEN 0::DOUBLE ELSE 1::DOUBLE END + CASE WHEN hs_r0m3s IS NULL THEN 0::DOUBLE ELSE 1::DOUBLE END + CASE WHEN hs_r0m4s IS NULL THEN 0::DOUBLE ELSE 1::DOUBLE END + CASE WHEN hs_r0m5s IS NULL THEN 0::DOUBLE ELSE 2::DOUBLE END + CASE WHEN hs_r0m6s IS NULL THEN 0::DOUBLE ELSE 1::DOUBLE END AS hs_r0g0w,
    CASE WHEN hs_r0m0p = 1 OR hs_r0m1p = 1 OR hs_r0m2p = 1 OR hs_r0m3p = 1 OR hs_r0m4p = 1 OR hs_r0m5p = 1 OR hs_r0m6p = 1 THEN 1 ELSE 0 END AS hs_r0g0p,
    CASE WHEN hs_r0m0p = 1 OR hs_r0m1p = 1 OR hs_r0m2p = 1 OR hs_r0m3p = 1 OR hs_r0m4p = 1 OR hs_r0m5p = 1 OR hs_r0m6p = 1 THEN 1 ELSE 0 END AS hs_r0p,
    CASE WHEN hs_r0m0p = 1 THEN '0.2727272727272727'::DOUBLE ELSE 0::DOUBLE END + CASE WHEN hs_r0m1p = 1 THEN '0.18181818181818182'::DOUBLE ELSE 0::DOUBLE END + CASE WHEN hs_r0m2p = 1 THEN '0.09090909090909091'::DOUBLE ELSE 0::DOUBLE END + CASE WHEN hs_r0m3p = 1 THEN '0.09090909090909091'::DOUBLE ELSE 0::DOUBLE END + CASE WHEN hs_r0m4p = 1 THEN '0.09090909090909091'::DOUBLE ELSE 0::DOUBLE END + CASE WHEN hs_r0m5p = 1 THEN '0.18181818181818182'::DOUBLE ELSE 0::DOUBLE END + CASE WHEN hs_r0m6p = 1 THEN '0.09090909090909091'::DOUBLE ELSE 0::DOUBLE END AS hs_r0cov
  FROM hs__6
),
hs__8 AS (
  SELECT *,
    CASE WHEN hs_r0m0p = 1 THEN CASE WHEN hs_r0m0c IS NULL THEN CAST(hs_r0m0v AS VARCHAR) ELSE CASE WHEN hs_r0m0c < 0 THEN '-' ELSE '' END || CAST(CAST(FLOOR(ABS(hs_r0m0c) / 100::DOUBLE) AS BIGINT) AS VARCHAR) || CASE WHEN hs_r0m0f = 0 THEN '' WHEN hs_r0m0f - FLOOR(hs_r0m0f / 10::DOUBLE) * 10::DOUBLE = 0 THEN '.' || CAST(CAST(hs_r0m0f / 10::DOUBLE AS BIGINT) AS VARCHAR) WHEN hs_r0m0f < 10 THEN '.0' || CAST(CAST(hs_r0m0f AS BIGINT) AS VARCHAR) ELSE '.' || CAST(CAST(hs_r0m0f AS BIGINT) AS VARCHAR) END END ELSE 'missing' END AS hs_r0m0w,
    CASE WHEN hs_r0m1p = 1 THEN CASE WHEN hs_r0m1c IS NULL THEN CAST(hs_r0m1v AS VARCHAR) ELSE CASE WHEN hs_r0m1c < 0 THEN '-' ELSE '' END || CAST(CAST(FLOOR(ABS(hs_r0m1c) / 100::DOUBLE) AS BIGINT) AS VARCHAR) || CASE WHEN hs_r0m1f = 0 THEN '' WHEN hs_r0m1f - FLOOR(hs_r0m1f / 10::DOUBLE) * 10::DOUBLE = 0 THEN '.' || CAST(CAST(hs_r0m1f / 10::DOUBLE AS BIGINT) AS VARCHAR) WHEN hs_r0m1f < 10 THEN '.0' || CAST(CAST(hs_r0m1f AS BIGINT) AS VARCHAR) ELSE '.' || CAST(CAST(hs_r0m1f AS BIGINT) AS VARCHAR) END END ELSE 'missing' END AS hs_r0m1w,
    CASE WHEN hs_r0m2p = 1 THEN CASE WHEN hs_r0m2c IS NULL THEN CAST(hs_r0m2v AS VARCHAR) ELSE CASE WHEN hs_r0m2c < 0 THEN '-' ELSE '' END || CAST(CAST(FLOOR(ABS(hs_r0m2c) / 100::DOUBLE) AS BIGINT) AS VARCHAR) || CASE WHEN hs_r0m2f = 0 THEN '' WHEN hs_r0m2f - FLOOR(hs_r0m2f / 10::DOUBLE) * 10::DOUBLE = 0 THEN '.' || CAST(CAST(hs_r0m2f / 10::DOUBLE AS BIGINT) AS VARCHAR) WHEN hs_r0m2f < 10 THEN '.0' || CAST(CAST(hs_r0m2f AS BIGINT) AS VARCHAR) ELSE '.' || CAST(CAST(hs_r0m2f AS BIGINT) AS VARCHAR) END END ELSE 'missing' END AS hs_r0m2w,
    CASE WHEN hs_r0m3p = 1 THEN CASE WHEN hs_r0m3c IS NULL THEN CAST(hs_r0m3v AS VARCHAR) ELSE CASE WHEN hs_r0m3c < 0 THEN '-' ELSE '' END || CAST(CAST(FLOOR(ABS(hs_r0m3c) / 100::DOUBLE) AS BIGINT) AS VARCHAR) || CASE WHEN hs_r0m3f = 0 THEN '' WHEN hs_r0m3f - FLOOR(hs_r0m3f / 10::DOUBLE) * 10::DOUBLE = 0 THEN '.' || CAST(CAST(hs_r0m3f / 10::DOUBLE AS BIGINT) AS VARCHAR) WHEN hs_r0m3f < 10 THEN '.0' || CAST(CAST(hs_r0m3f AS BIGINT) AS VARCHAR) ELSE '.' || CAST(CAST(hs_r0m3f AS BIGINT) AS VARCHAR) END END ELSE 'missing' END AS hs_r0m3w,
    CASE WHEN hs_r0m4p = 1 THEN CASE WHEN hs_r0m4c IS NULL THEN CAST(hs_r0m4v AS VARCHAR) ELSE CASE WHEN hs_r0m4c < 0 THEN '-' ELSE '' END || CAST(CAST(FLOOR(ABS(hs_r0m4c) / 100::DOUBLE) AS BIGINT) AS VARCHAR) || CASE WHEN hs_r0m4f = 0 THEN '' WHEN hs_r0m4f - FLOOR(hs_r0m4f / 10::DOUBLE) * 10::DOUBLE = 0 THEN '.' || CAST(CAST(hs_r0m4f / 10::DOUBLE AS BIGINT) AS VARCHAR) WHEN hs_r0m4f < 10 THEN '.0' || CAST(CAST(hs_r0m4f AS BIGINT) AS VARCHAR) ELSE '.' || CAST(CAST(hs_r0m4f AS BIGINT) AS VARCHAR) END END ELSE 'missing' END AS hs_r0m4w,
    CASE WHEN hs_r0m5p = 1 THEN CASE WHEN hs_r0m5c IS NULL THEN CAST(hs_r0m5v AS VARCHAR) ELSE CASE WHEN hs_r0m5c < 0 THEN '-' ELSE '' END || CAST(CAST(FLOOR(ABS(hs_r0m5c) / 100::DOUBLE) AS BIGINT) AS VARCHAR) || CASE WHEN hs_r0m5f = 0 THEN '' WHEN hs_r0m5f - FLOOR(hs_r0m5f / 10::DOUBLE) * 10::DOUBLE = 0 THEN '.' || CAST(CAST(hs_r0m5f / 10::DOUBLE AS BIGINT) AS VARCHAR) WHEN hs_r0m5f < 10 THEN '.0' || CAST(CAST(hs_r0m5f AS BIGINT) AS VARCHAR) ELSE '.' || CAST(CAST(hs_r0m5f AS BIGINT) AS VARCHAR) END END ELSE 'missing' END AS hs_r0m5w,
    CASE WHEN hs_r0m6p = 1 THEN CASE WHEN hs_r0m6c IS NULL THEN CAST(hs_r0m6v AS VARCHAR) ELSE CASE WHEN hs_r0m6c < 0 THEN '-' ELSE '' END || CAST(CAST(FLOOR(ABS(hs_r0m6c) / 100::DOUBLE) AS BIGINT) AS VARCHAR) || CASE WHEN hs_r0m6f = 0 THEN '' WHEN hs_r0m6f - FLOOR(hs_r0m6f / 10::DOUBLE) * 10::DOUBLE = 0 THEN '.' || CAST(CAST(hs_r0m6f / 10::DOUBLE AS BIGINT) AS VARCHAR) WHEN hs_r0m6f < 10 THEN '.0' || CAST(CAST(hs_r0m6f AS BIGINT) AS VARCHAR) ELSE '.' || CAST(CAST(hs_r0m6f AS BIGINT) AS VARCHAR) END END ELSE 'missing' END AS hs_r0m6w,
    CASE WHEN (hs_r0g0p = 1 AND hs_r0g0w > 0) THEN 1::DOUBLE * hs_r0g0s / hs_r0g0w ELSE 0::DOUBLE END AS hs_r0tot,
    CASE WHEN (hs_r0g0p = 1 AND hs_r0g0w > 0) THEN 1::DOUBLE ELSE 0::DOUBLE END AS hs_r0wt
  FROM hs__7
),
hs__9 AS (
  SELECT *,
    CASE WHEN hs_r0p = 1 AND hs_r0wt > 0 THEN hs_r0tot / hs_r0wt END AS hs_r0raw,
    CASE WHEN (hs_r0g0p = 1 AND hs_r0g0w > 0) AND hs_r0m0s IS NOT NULL THEN -(1::DOUBLE / hs_r0wt * (3::DOUBLE / hs_r0g0w)) * (100::DOUBLE - hs_r0m0s) END AS hs_r0m0i,
    CASE WHEN (hs_r0g0p = 1 AND hs_r0g0w > 0) AND hs_r0m1s IS NOT NULL THEN -(1::DOUBLE / hs_r0wt * (2::DOUBLE / hs_r0g0w)) * (100::DOUBLE - hs_r0m1s) END AS hs_r0m1i,
    CASE WHEN (hs_r0g0p = 1 AND hs_r0g0w > 0) AND hs_r0m2s IS NOT NULL THEN -(1::DOUBLE / hs_r0wt * (1::DOUBLE / hs_r0g0w)) * (100::DOUBLE - hs_r0m2s) END AS hs_r0m2i,
    CASE WHEN (hs_r0g0p = 1 AND hs_r0g0w > 0) AND hs_r0m3s IS NOT NULL THEN -(1::DOUBLE / hs_r0wt * (1::DOUBLE / hs_r0g0w)) * (100::DOUBLE - hs_r0m3s) END AS hs_r0m3i,
    CASE WHEN (hs_r0g0p = 1 AND hs_r0g0w > 0) AND hs_r0m4s IS NOT NULL THEN -(1::DOUBLE / hs_r0wt * (1::DOUBLE / hs_r0g0w)) * (100::DOUBLE - hs_r0m4s) END AS hs_r0m4i,
    CASE WHEN (hs_r0g0p = 1 AND hs_r0g0w > 0) AND hs_r0m5s IS NOT NULL THEN -(1::DOUBLE / hs_r0wt * (2::DOUBLE / hs_r0g0w)) * (100::DOUBLE - hs_r0m5s) END AS hs_r0m5i,
    CASE WHEN (hs_r0g0p = 1 AND hs_r0g0w > 0) AND hs_r0m6s IS NOT NULL THEN -(1::DOUBLE / hs_r0wt * (1::DOUBLE / hs_r0g0w)) * (100::DOUBLE - hs_r0m6s) END AS hs_r0m6i,
    CASE WHEN hs_r0f0 THEN 39::DOUBLE WHEN hs_r0f1 THEN 59::DOUBLE END AS hs_r0cap
  FROM hs__8
),
hs__10 AS (
  SELECT *,
    CASE WHEN hs_r0raw > hs_r0cap THEN hs_r0cap ELSE hs_r0raw END AS hs_r0sc,
    CASE WHEN hs_r0m1i < hs_r0m0i THEN 1 ELSE 0 END + CASE WHEN hs_r0m2i < hs_r0m0i THEN 1 ELSE 0 END + CASE WHEN hs_r0m3i < hs_r0m0i THEN 1 ELSE 0 END + CASE WHEN hs_r0m4i < hs_r0m0i THEN 1 ELSE 0 END + CASE WHEN hs_r0m5i < hs_r0m0i THEN 1 ELSE 0 END + CASE WHEN hs_r0m6i < hs_r0m0i THEN 1 ELSE 0 END AS hs_r0m0k,
    CASE WHEN hs_r0m0i <= hs_r0m1i THEN 1 ELSE 0 END + CASE WHEN hs_r0m2i < hs_r0m1i THEN 1 ELSE 0 END + CASE WHEN hs_r0m3i < hs_r0m1i THEN 1 ELSE 0 END + CASE WHEN hs_r0m4i < hs_r0m1i THEN 1 ELSE 0 END + CASE WHEN hs_r0m5i < hs_r0m1i THEN 1 ELSE 0 END + CASE WHEN hs_r0m6i < hs_r0m1i THEN 1 ELSE 0 END AS hs_r0m1k,
    CASE WHEN hs_r0m0i <= hs_r0m2i THEN 1 ELSE 0 END + CASE WHEN hs_r0m1i <= hs_r0m2i THEN 1 ELSE 0 END + CASE WHEN hs_r0m3i < hs_r0m2i THEN 1 ELSE 0 END + CASE WHEN hs_r0m4i < hs_r0m2i THEN 1 ELSE 0 END + CASE WHEN hs_r0m5i < hs_r0m2i THEN 1 ELSE 0 END + CASE WHEN hs_r0m6i < hs_r0m2i THEN 1 ELSE 0 END AS hs_r0m2k,
    CASE WHEN hs_r0m0i <= hs_r0m3i THEN 1 ELSE 0 END + CASE WHEN hs_r0m1i <= hs_r0m3i THEN 1 ELSE 0 END + CASE WHEN hs_r0m2i <= hs_r0m3i THEN 1 ELSE 0 END + CASE WHEN hs_r0m4i < hs_r0m3i THEN 1 ELSE 0 END + CASE WHEN hs_r0m5i < hs_r0m3i THEN 1 ELSE 0 END + CASE WHEN hs_r0m6i < hs_r0m3i THEN 1 ELSE 0 END AS hs_r0m3k,
    CASE WHEN hs_r0m0i <= hs_r0m4i THEN 1 ELSE 0 END + CASE WHEN hs_r0m1i <= hs_r0m4i THEN 1 ELSE 0 END + CASE WHEN hs_r0m2i <= hs_r0m4i THEN 1 ELSE 0 END + CASE WHEN hs_r0m3i <= hs_r0m4i THEN 1 ELSE 0 END + CASE WHEN hs_r0m5i < hs_r0m4i THEN 1 ELSE 0 END + CASE WHEN hs_r0m6i < hs_r0m4i THEN 1 ELSE 0 END AS hs_r0m4k,
    CASE WHEN hs_r0m0i <= hs_r0m5i THEN 1 ELSE 0 END + CASE WHEN hs_r0m1i <= hs_r0m5i THEN 1 ELSE 0 END + CASE WHEN hs_r0m2i <= hs_r0m5i THEN 1 ELSE 0 END + CASE WHEN hs_r0m3i <= hs_r0m5i THEN 1 ELSE 0 END + CASE WHEN hs_r0m4i <= hs_r0m5i THEN 1 ELSE 0 END + CASE WHEN hs_r0m6i < hs_r0m5i THEN 1 ELSE 0 END AS hs_r0m5k,
    CASE WHEN hs_r0m0i <= hs_r0m6i THEN 1 ELSE 0 END + CASE WHEN hs_r0m1i <= hs_r0m6i THEN 1 ELSE 0 END + CASE WHEN hs_r0m2i <= hs_r0m6i THEN 1 ELSE 0 END + CASE WHEN hs_r0m3i <= hs_r0m6i THEN 1 ELSE 0 END + CASE WHEN hs_r0m4i <= hs_r0m6i THEN 1 ELSE 0 END + CASE WHEN hs_r0m5i <= hs_r0m6i THEN 1 ELSE 0 END AS hs_r0m6k,
    CASE WHEN hs_r0m0i + 0.5::DOUBLE < 0 THEN 'Seat utilisation ' || hs_r0m0w || ' (−' || CAST(CAST(FLOOR(ABS(hs_r0m0i) + 0.5::DOUBLE) AS BIGINT) AS VARCHAR) || ')' END AS hs_r0m0d,
    CASE WHEN hs_r0m1i + 0.5::DOUBLE < 0 THEN 'Logins, last 30 days ' || hs_r0m1w || ' (−' || CAST(CAST(FLOOR(ABS(hs_r0m1i) + 0.5::DOUBLE) AS BIGINT) AS VARCHAR) || ')' END AS hs_r0m1d,
    CASE WHEN hs_r0m2i + 0.5::DOUBLE < 0 THEN 'Logins vs the 30 days before (%) ' || hs_r0m2w || ' (−' || CAST(CAST(FLOOR(ABS(hs_r0m2i) + 0.5::DOUBLE) AS BIGINT) AS VARCHAR) || ')' END AS hs_r0m2d,
    CASE WHEN hs_r0m3i + 0.5::DOUBLE < 0 THEN 'Users who logged in, last 30 days ' || hs_r0m3w || ' (−' || CAST(CAST(FLOOR(ABS(hs_r0m3i) + 0.5::DOUBLE) AS BIGINT) AS VARCHAR) || ')' END AS hs_r0m3d,
    CASE WHEN hs_r0m4i + 0.5::DOUBLE < 0 THEN 'Days since last login ' || hs_r0m4w || ' (−' || CAST(CAST(FLOOR(ABS(hs_r0m4i) + 0.5::DOUBLE) AS BIGINT) AS VARCHAR) || ')' END AS hs_r0m4d,
    CASE WHEN hs_r0m5i + 0.5::DOUBLE < 0 THEN 'Latest NPS answer ' || hs_r0m5w || ' (−' || CAST(CAST(FLOOR(ABS(hs_r0m5i) + 0.5::DOUBLE) AS BIGINT) AS VARCHAR) || ')' END AS hs_r0m5d,
    CASE WHEN hs_r0m6i + 0.5::DOUBLE < 0 THEN 'Open P1 tickets ' || hs_r0m6w || ' (−' || CAST(CAST(FLOOR(ABS(hs_r0m6i) + 0.5::DOUBLE) AS BIGINT) AS VARCHAR) || ')' END AS hs_r0m6d
  FROM hs__9
),
hs__11 AS (
  SELECT *,
    CASE WHEN hs_r0sc < 0::DOUBLE THEN 0::DOUBLE WHEN hs_r0sc > 100::DOUBLE THEN 100::DOUBLE ELSE hs_r0sc END AS hs_r0s01
  FROM hs__10
),
hs__12 AS (
  SELECT *,
    CASE WHEN hs_r0s01 < 0 THEN 0::DOUBLE - FLOOR(ABS(hs_r0s01) * 10::DOUBLE + '1e-9'::DOUBLE + 0.5::DOUBLE) / 10::DOUBLE ELSE FLOOR(ABS(hs_r0s01) * 10::DOUBLE + '1e-9'::DOUBLE + 0.5::DOUBLE) / 10::DOUBLE END AS hs_r0s
  FROM hs__11
),
hs__13 AS (
  SELECT *,
    SUBSTR(COALESCE('; ' || CASE WHEN hs_r0s IS NULL THEN CASE WHEN hs_r0p = 1 THEN 'No data: every metric with a value weighs 0 (or is in a group that does), so none counts' ELSE 'No data: no metric has a value' END END, '') || COALESCE('; ' || CASE WHEN hs_r0s IS NOT NULL THEN CASE WHEN hs_r0m0k = 0 AND hs_r0m0d IS NOT NULL THEN hs_r0m0d WHEN hs_r0m1k = 0 AND hs_r0m1d IS NOT NULL THEN hs_r0m1d WHEN hs_r0m2k = 0 AND hs_r0m2d IS NOT NULL THEN hs_r0m2d WHEN hs_r0m3k = 0 AND hs_r0m3d IS NOT NULL THEN hs_r0m3d WHEN hs_r0m4k = 0 AND hs_r0m4d IS NOT NULL THEN hs_r0m4d WHEN hs_r0m5k = 0 AND hs_r0m5d IS NOT NULL THEN hs_r0m5d WHEN hs_r0m6k = 0 AND hs_r0m6d IS NOT NULL THEN hs_r0m6d END END, '') || COALESCE('; ' || CASE WHEN hs_r0s IS NOT NULL THEN CASE WHEN hs_r0m0k = 1 AND hs_r0m0d IS NOT NULL THEN hs_r0m0d WHEN hs_r0m1k = 1 AND hs_r0m1d IS NOT NULL THEN hs_r0m1d WHEN hs_r0m2k = 1 AND hs_r0m2d IS NOT NULL THEN hs_r0m2d WHEN hs_r0m3k = 1 AND hs_r0m3d IS NOT NULL THEN hs_r0m3d WHEN hs_r0m4k = 1 AND hs_r0m4d IS NOT NULL THEN hs_r0m4d WHEN hs_r0m5k = 1 AND hs_r0m5d IS NOT NULL THEN hs_r0m5d WHEN hs_r0m6k = 1 AND hs_r0m6d IS NOT NULL THEN hs_r0m6d END END, '') || COALESCE('; ' || CASE WHEN hs_r0s IS NOT NULL THEN CASE WHEN hs_r0m0k = 2 AND hs_r0m0d IS NOT NULL THEN hs_r0m0d WHEN hs_r0m1k = 2 AND hs_r0m1d IS NOT NULL THEN hs_r0m1d WHEN hs_r0m2k = 2 AND hs_r0m2d IS NOT NULL THEN hs_r0m2d WHEN hs_r0m3k = 2 AND hs_r0m3d IS NOT NULL THEN hs_r0m3d WHEN hs_r0m4k = 2 AND hs_r0m4d IS NOT NULL THEN hs_r0m4d WHEN hs_r0m5k = 2 AND hs_r0m5d IS NOT NULL THEN hs_r0m5d WHEN hs_r0m6k = 2 AND hs_r0m6d IS NOT NULL THEN hs_r0m6d END END, '') || COALESCE('; ' || CASE WHEN hs_r0f0 THEN 'flag: No login in 30 days (cap 39)' END, '') || COALESCE('; ' || CASE WHEN hs_r0f1 THEN 'flag: 4+ unresolved tickets (cap 59)' END, '') || COALESCE('; ' || 'Seat utilisation: ' || hs_r0m0x, '') || COALESCE('; ' || 'count of logins, last 30 days: ' || hs_r0m1x, '') || COALESCE('; ' || 'count of logins, last 30 days, % change from the previous 30 days: ' || hs_r0m2x, '') || COALESCE('; ' || 'distinct User in logins, last 30 days: ' || hs_r0m3x, '') || COALESCE('; ' || 'latest Date in logins: ' || hs_r0m4x, '') || COALESCE('; ' || 'latest Score in nps: ' || hs_r0m5x, '') || COALESCE('; ' || 'count of tickets, where Priority is P1 and Status is Open: ' || hs_r0m6x, ''), 3) AS hs_r0drivers,
    NULLIF(SUBSTR(COALESCE('; ' || CASE WHEN hs_r0f0 THEN 'No login in 30 days' END, '') || COALESCE('; ' || CASE WHEN hs_r0f1 THEN '4+ unresolved tickets' END, ''), 3), '') AS hs_r0flags
  FROM hs__12
)
SELECT * EXCLUDE (hs_c0, hs_c1, hs_s0a0, hs_m1, hs_s0x0, hs_s0b1, hs_s0x1, hs_s0a2, hs_s0x2, hs_s0a3, hs_s1a4, hs_s2a5, hs_s2x5, hs_s2a6, hs_s2x6, hs_m0, hs_n0, hs_b0, hs_r0m0v, hs_r0m0x, hs_r0m0p, hs_r0m0s, hs_r0m0c, hs_r0m0f, hs_r0m0w, hs_r0m1v, hs_r0m1x, hs_r0m1p, hs_r0m1s, hs_r0m1c, hs_r0m1f, hs_r0m1w, hs_r0m2v, hs_r0m2x, hs_r0m2p, hs_r0m2s, hs_r0m2c, hs_r0m2f, hs_r0m2w, hs_r0m3v, hs_r0m3x, hs_r0m3p, hs_r0m3s, hs_r0m3c, hs_r0m3f, hs_r0m3w, hs_m9, hs_yr9, hs_mo9, hs_dd9, hs_day9, hs_today, hs_yr22, hs_mo22, hs_dd22, hs_day22, hs_r0m4v, hs_r0m4x, hs_r0m4p, hs_r0m4s, hs_r0m4c, hs_r0m4f, hs_r0m4w, hs_m14, hs_n14, hs_b14, hs_r0m5v, hs_r0m5x, hs_r0m5p, hs_r0m5s, hs_r0m5c, hs_r0m5f, hs_r0m5w, hs_r0m6v, hs_r0m6x, hs_r0m6p, hs_r0m6s, hs_r0m6c, hs_r0m6f, hs_r0m6w, hs_r0f0, hs_r0f1, hs_r0g0s, hs_r0g0w, hs_r0g0p, hs_r0p, hs_r0cov, hs_r0tot, hs_r0wt, hs_r0raw, hs_r0m0i, hs_r0m1i, hs_r0m2i, hs_r0m3i, hs_r0m4i, hs_r0m5i, hs_r0m6i, hs_r0cap, hs_r0sc, hs_r0s01, hs_r0s, hs_r0m0k, hs_r0m1k, hs_r0m2k, hs_r0m3k, hs_r0m4k, hs_r0m5k, hs_r0m6k, hs_r0m0d, hs_r0m1d, hs_r0m2d, hs_r0m3d, hs_r0m4d, hs_r0m5d, hs_r0m6d, hs_r0drivers, hs_r0flags),
  hs_r0s AS health_score,
  CASE WHEN hs_r0s IS NULL THEN 'No data' WHEN hs_r0s >= 70::DOUBLE THEN 'Green' WHEN hs_r0s >= 40::DOUBLE THEN 'Yellow' ELSE 'Red' END AS health_band,
  CASE WHEN hs_r0s IS NULL THEN '#e8eaed' WHEN hs_r0s >= 70::DOUBLE THEN '#b7e1cd' WHEN hs_r0s >= 40::DOUBLE THEN '#fce8b2' ELSE '#f4c7c3' END AS health_color,
  CASE WHEN hs_r0cov > 1 THEN 1::DOUBLE ELSE hs_r0cov END AS health_coverage,
  hs_r0flags AS health_flags,
  hs_r0drivers AS health_drivers
FROM hs__13
