WITH hs__1 AS (
  SELECT hs__t.*,
    TRIM(CAST(hs__t."Years as customer" AS VARCHAR), CHR(9) || CHR(10) || CHR(11) || CHR(12) || CHR(13) || '                  　﻿') AS hs_c0,
    TRIM(CAST(hs__t."CSAT" AS VARCHAR), CHR(9) || CHR(10) || CHR(11) || CHR(12) || CHR(13) || '                  　﻿') AS hs_c1,
    TRIM(CAST(hs__t."Exec sponsor" AS VARCHAR), CHR(9) || CHR(10) || CHR(11) || CHR(12) || CHR(13) || '                  　﻿') AS hs_c2,
    TRIM(CAST(hs__t."Last touchpoint" AS VARCHAR), CHR(9) || CHR(10) || CHR(11) || CHR(12) || CHR(13) || '                  　﻿') AS hs_c3,
    TRIM(CAST(hs__t."Onboarding progress" AS VARCHAR), CHR(9) || CHR(10) || CHR(11) || CHR(12) || CHR(13) || '                  　﻿') AS hs_c4,
    TRIM(CAST(hs__t."Unresolved tickets" AS VARCHAR), CHR(9) || CHR(10) || CHR(11) || CHR(12) || CHR(13) || '                  　﻿') AS hs_c5,
    TRIM(CAST(hs__t."Company news" AS VARCHAR), CHR(9) || CHR(10) || CHR(11) || CHR(12) || CHR(13) || '                  　﻿') AS hs_c6,
    TRIM(CAST(hs__t."Risk tags" AS VARCHAR), CHR(9) || CHR(10) || CHR(11) || CHR(12) || CHR(13) || '                  　﻿') AS hs_c7,
    TRIM(CAST(hs__t."Logins 30d" AS VARCHAR), CHR(9) || CHR(10) || CHR(11) || CHR(12) || CHR(13) || '                  　﻿') AS hs_c8
  FROM crm.accounts AS hs__t
),
hs__2 AS (
  SELECT *,
    (hs_c0 IS NULL OR LOWER(hs_c0) IN ('', 'n/a', 'na', '-', '—', '–') OR CASE WHEN SUBSTR(hs_c0, 1, 1) = '#' THEN REGEXP_LIKE(hs_c0, $$#[A-Za-z0-9/]+[!?]?$$) ELSE FALSE END) AS hs_m0,
    CASE WHEN REGEXP_LIKE(hs_c0, $$[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?0*[0-9]{1,2})?$$) AND LENGTH(hs_c0) <= 200 THEN TRY_CAST(hs_c0 AS DOUBLE)
    WHEN REGEXP_LIKE(hs_c0, $$[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?$$) THEN CASE WHEN REGEXP_LIKE(hs_c0, $$[+-]?0*[.]?0*([eE][+-]?[0-9]+)?|[^eE]*[eE]-[0-9]+$$) THEN 0::DOUBLE WHEN NOT REGEXP_LIKE(hs_c0, $$[^eE]*[eE][+]?0*([4-9][0-9]{2}|[1-9][0-9]{3,})$$) THEN 1e+300::DOUBLE END
    WHEN REGEXP_LIKE(hs_c0, $$[+-]?[(]?[\s   -     　﻿]*[$€£¥]?[\s   -     　﻿]*[+-]?([0-9]{1,3}(,[0-9]{3})+|[0-9]*)([.][0-9]+)?[\s   -     　﻿]*[)]?[\s   -     　﻿]*%?$$) AND REGEXP_LIKE(hs_c0, $$.*[0-9].*$$) AND NOT REGEXP_LIKE(hs_c0, $$.*[-+(].*[-+(].*$$)
      AND (POSITION('(', hs_c0) > 0) = (POSITION(')', hs_c0) > 0) THEN CASE WHEN (POSITION('-', hs_c0) > 0 OR POSITION('(', hs_c0) > 0) THEN -1 ELSE 1 END * CASE WHEN LENGTH(REGEXP_REPLACE(hs_c0, $$[^0-9.]$$, '')) > 300 THEN 1e+300::DOUBLE ELSE TRY_CAST('0' || REGEXP_REPLACE(hs_c0, $$[^0-9.]$$, '') AS DOUBLE) END / CASE WHEN POSITION('%', hs_c0) > 0 THEN 100::DOUBLE ELSE 1::DOUBLE END END AS hs_n0,
    CASE LOWER(hs_c0) WHEN 'true' THEN 1 WHEN 'false' THEN 0 END AS hs_b0,
    (hs_c1 IS NULL OR LOWER(hs_c1) IN ('', 'n/a', 'na', '-', '—', '–') OR CASE WHEN SUBSTR(hs_c1, 1, 1) = '#' THEN REGEXP_LIKE(hs_c1, $$#[A-Za-z0-9/]+[!?]?$$) ELSE FALSE END) AS hs_m1,
    (hs_c2 IS NULL OR LOWER(hs_c2) IN ('', 'n/a', 'na', '-', '—', '–') OR CASE WHEN SUBSTR(hs_c2, 1, 1) = '#' THEN REGEXP_LIKE(hs_c2, $$#[A-Za-z0-9/]+[!?]?$$) ELSE FALSE END) AS hs_m2,
    CASE WHEN LOWER(hs_c2) IN ('true', 'yes', 'y', '1') THEN 1 WHEN LOWER(hs_c2) IN ('false', 'no', 'n', '0') THEN 0 END AS hs_y2,
    (hs_c3 IS NULL OR LOWER(hs_c3) IN ('', 'n/a', 'na', '-', '—', '–') OR CASE WHEN SUBSTR(hs_c3, 1, 1) = '#' THEN REGEXP_LIKE(hs_c3, $$#[A-Za-z0-9/]+[!?]?$$) ELSE FALSE END) AS hs_m3,
    CASE WHEN REGEXP_LIKE(hs_c3, $$[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]+)?)?(Z|[+-][0-9]{2}:?[0-9]{2})?)?$$) THEN TRY_CAST(SUBSTR(hs_c3, 1, 4) AS INTEGER) END AS hs_yr3,
    CASE WHEN REGEXP_LIKE(hs_c3, $$[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]+)?)?(Z|[+-][0-9]{2}:?[0-9]{2})?)?$$) THEN TRY_CAST(SUBSTR(hs_c3, 6, 2) AS INTEGER) END AS hs_mo3,
    CASE WHEN REGEXP_LIKE(hs_c3, $$[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]+)?)?(Z|[+-][0-9]{2}:?[0-9]{2})?)?$$) THEN TRY_CAST(SUBSTR(hs_c3, 9, 2) AS INTEGER) END AS hs_dd3,
    (hs_c4 IS NULL OR LOWER(hs_c4) IN ('', 'n/a', 'na', '-', '—', '–') OR CASE WHEN SUBSTR(hs_c4, 1, 1) = '#' THEN REGEXP_LIKE(hs_c4, $$#[A-Za-z0-9/]+[!?]?$$) ELSE FALSE END) AS hs_m4,
    (hs_c5 IS NULL OR LOWER(hs_c5) IN ('', 'n/a', 'na', '-', '—', '–') OR CASE WHEN SUBSTR(hs_c5, 1, 1) = '#' THEN REGEXP_LIKE(hs_c5, $$#[A-Za-z0-9/]+[!?]?$$) ELSE FALSE END) AS hs_m5,
    CASE WHEN REGEXP_LIKE(hs_c5, $$[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?0*[0-9]{1,2})?$$) AND LENGTH(hs_c5) <= 200 THEN TRY_CAST(hs_c5 AS DOUBLE)
    WHEN REGEXP_LIKE(hs_c5, $$[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?$$) THEN CASE WHEN REGEXP_LIKE(hs_c5, $$[+-]?0*[.]?0*([eE][+-]?[0-9]+)?|[^eE]*[eE]-[0-9]+$$) THEN 0::DOUBLE WHEN NOT REGEXP_LIKE(hs_c5, $$[^eE]*[eE][+]?0*([4-9][0-9]{2}|[1-9][0-9]{3,})$$) THEN 1e+300::DOUBLE END
    WHEN REGEXP_LIKE(hs_c5, $$[+-]?[(]?[\s   -     　﻿]*[$€£¥]?[\s   -     　﻿]*[+-]?([0-9]{1,3}(,[0-9]{3})+|[0-9]*)([.][0-9]+)?[\s   -     　﻿]*[)]?[\s   -     　﻿]*%?$$) AND REGEXP_LIKE(hs_c5, $$.*[0-9].*$$) AND NOT REGEXP_LIKE(hs_c5, $$.*[-+(].*[-+(].*$$)
      AND (POSITION('(', hs_c5) > 0) = (POSITION(')', hs_c5) > 0) THEN CASE WHEN (POSITION('-', hs_c5) > 0 OR POSITION('(', hs_c5) > 0) THEN -1 ELSE 1 END * CASE WHEN LENGTH(REGEXP_REPLACE(hs_c5, $$[^0-9.]$$, '')) > 300 THEN 1e+300::DOUBLE ELSE TRY_CAST('0' || REGEXP_REPLACE(hs_c5, $$[^0-9.]$$, '') AS DOUBLE) END / CASE WHEN POSITION('%', hs_c5) > 0 THEN 100::DOUBLE ELSE 1::DOUBLE END END AS hs_n5,
    CASE LOWER(hs_c5) WHEN 'true' THEN 1 WHEN 'false' THEN 0 END AS hs_b5,
    CASE WHEN REGEXP_LIKE(hs_c8, $$[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?0*[0-9]{1,2})?$$) AND LENGTH(hs_c8) <= 200 THEN TRY_CAST(hs_c8 AS DOUBLE)
    WHEN REGEXP_LIKE(hs_c8, $$[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?$$) THEN CASE WHEN REGEXP_LIKE(hs_c8, $$[+-]?0*[.]?0*([eE][+-]?[0-9]+)?|[^eE]*[eE]-[0-9]+$$) THEN 0::DOUBLE WHEN NOT REGEXP_LIKE(hs_c8, $$[^eE]*[eE][+]?0*([4-9][0-9]{2}|[1-9][0-9]{3,})$$) THEN 1e+300::DOUBLE END
    WHEN REGEXP_LIKE(hs_c8, $$[+-]?[(]?[\s   -     　﻿]*[$€£¥]?[\s   -     　﻿]*[+-]?([0-9]{1,3}(,[0-9]{3})+|[0-9]*)([.][0-9]+)?[\s   -     　﻿]*[)]?[\s   -     　﻿]*%?$$) AND REGEXP_LIKE(hs_c8, $$.*[0-9].*$$) AND NOT REGEXP_LIKE(hs_c8, $$.*[-+(].*[-+(].*$$)
      AND (POSITION('(', hs_c8) > 0) = (POSITION(')', hs_c8) > 0) THEN CASE WHEN (POSITION('-', hs_c8) > 0 OR POSITION('(', hs_c8) > 0) THEN -1 ELSE 1 END * CASE WHEN LENGTH(REGEXP_REPLACE(hs_c8, $$[^0-9.]$$, '')) > 300 THEN 1e+300::DOUBLE ELSE TRY_CAST('0' || REGEXP_REPLACE(hs_c8, $$[^0-9.]$$, '') AS DOUBLE) END / CASE WHEN POSITION('%', hs_c8) > 0 THEN 100::DOUBLE ELSE 1::DOUBLE END END AS hs_n8
  FROM hs__1
),
hs__3 AS (
  SELECT *,
    CASE WHEN hs_mo3 BETWEEN 1 AND 12 AND hs_dd3 BETWEEN 1 AND CASE WHEN hs_mo3 = 2 THEN CASE WHEN (((hs_yr3) - FLOOR((hs_yr3) / 4::DOUBLE) * 4::DOUBLE) = 0 AND ((hs_yr3) - FLOOR((hs_yr3) / 100::DOUBLE) * 100::DOUBLE) <> 0 OR ((hs_yr3) - FLOOR((hs_yr3) / 400::DOUBLE) * 400::DOUBLE) = 0) THEN 29 ELSE 28 END WHEN hs_mo3 IN (4, 6, 9, 11) THEN 30 ELSE 31 END
    THEN FLOOR(((hs_yr3 - CASE WHEN hs_mo3 <= 2 THEN 1 ELSE 0 END)) / 400::DOUBLE) * 146097::DOUBLE + ((hs_yr3 - CASE WHEN hs_mo3 <= 2 THEN 1 ELSE 0 END) - FLOOR(((hs_yr3 - CASE WHEN hs_mo3 <= 2 THEN 1 ELSE 0 END)) / 400::DOUBLE) * 400::DOUBLE) * 365 + FLOOR((((hs_yr3 - CASE WHEN hs_mo3 <= 2 THEN 1 ELSE 0 END) - FLOOR(((hs_yr3 - CASE WHEN hs_mo3 <= 2 THEN 1 ELSE 0 END)) / 400::DOUBLE) * 400::DOUBLE)) / 4::DOUBLE) - FLOOR((((hs_yr3 - CASE WHEN hs_mo3 <= 2 THEN 1 ELSE 0 END) - FLOOR(((hs_yr3 - CASE WHEN hs_mo3 <= 2 THEN 1 ELSE 0 END)) / 400::DOUBLE) * 400::DOUBLE)) / 100::DOUBLE) + FLOOR((153::DOUBLE * (hs_mo3 + CASE WHEN hs_mo3 > 2 THEN -3 ELSE 9 END) + 2) / 5::DOUBLE) + hs_dd3 - 1 - 719468 END AS hs_day3
  FROM hs__2
),
hs__4 AS (
  SELECT *,
    CASE WHEN hs_m0 THEN NULL WHEN hs_n0 IS NOT NULL THEN CASE WHEN ABS(hs_n0) <= 1000000000000000::DOUBLE THEN hs_n0 END ELSE hs_b0 END AS hs_r0m0v,
    CASE WHEN hs_m0 THEN NULL WHEN hs_n0 IS NOT NULL THEN CASE WHEN ABS(hs_n0) > 1000000000000000::DOUBLE THEN '"' || CASE WHEN LENGTH(hs_c0) > 40 THEN SUBSTR(hs_c0, 1, 39) || '…' ELSE hs_c0 END || '"' || ' is too large to score' END WHEN hs_b0 IS NULL THEN '"' || CASE WHEN LENGTH(hs_c0) > 40 THEN SUBSTR(hs_c0, 1, 39) || '…' ELSE hs_c0 END || '"' || '' || CASE WHEN (REGEXP_LIKE(hs_c0, $$[+-]?[\s   -     　﻿]*[$€£¥]?[\s   -     　﻿]*[(+-][\s   -     　﻿]*[$€£¥]?[\s   -     　﻿]*[(+-]?[\s   -     　﻿]*[0-9.].*$$) AND REGEXP_LIKE(hs_c0, $$.*[-+(].*[-+(].*$$)) THEN ' is not a number: a number carries at most one sign' ELSE ' is not a number' END END AS hs_r0m0x,
    CASE WHEN NOT hs_m1 THEN hs_c1 END AS hs_r0m1t,
    CASE WHEN NOT hs_m2 THEN CASE hs_y2 WHEN 1 THEN 'true' WHEN 0 THEN 'false' END END AS hs_r0m2t,
    CASE WHEN NOT hs_m2 AND hs_y2 IS NULL THEN '"' || CASE WHEN LENGTH(hs_c2) > 40 THEN SUBSTR(hs_c2, 1, 39) || '…' ELSE hs_c2 END || '"' || ' is not yes or no (TRUE/FALSE, yes/no, y/n or 1/0)' END AS hs_r0m2x,
    CASE WHEN NOT hs_m2 THEN hs_y2 END AS hs_r0m3v,
    CASE WHEN NOT hs_m2 AND hs_y2 IS NULL THEN '"' || CASE WHEN LENGTH(hs_c2) > 40 THEN SUBSTR(hs_c2, 1, 39) || '…' ELSE hs_c2 END || '"' || ' is not yes or no (TRUE/FALSE, yes/no, y/n or 1/0)' END AS hs_r0m3x,
    CASE WHEN NOT hs_m3 THEN CASE WHEN 20783::DOUBLE - hs_day3 < 0 THEN 0::DOUBLE ELSE 20783::DOUBLE - hs_day3 END END AS hs_r0m4v,
    CASE WHEN NOT hs_m3 AND hs_day3 IS NULL THEN '"' || CASE WHEN LENGTH(hs_c3) > 40 THEN SUBSTR(hs_c3, 1, 39) || '…' ELSE hs_c3 END || '"' || ' is not a date (use YYYY-MM-DD)' END AS hs_r0m4x,
    CASE WHEN NOT hs_m4 THEN hs_c4 END AS hs_r0m5t,
    CASE WHEN hs_m5 THEN NULL WHEN hs_n5 IS NOT NULL THEN CASE WHEN ABS(hs_n5) <= 1000000000000000::DOUBLE THEN hs_n5 END ELSE hs_b5 END AS hs_r0m6v,
    CASE WHEN hs_m5 THEN NULL WHEN hs_n5 IS NOT NULL THEN CASE WHEN ABS(hs_n5) > 1000000000000000::DOUBLE THEN '"' || CASE WHEN LENGTH(hs_c5) > 40 THEN SUBSTR(hs_c5, 1, 39) || '…' ELSE hs_c5 END || '"' || ' is too large to score' END WHEN hs_b5 IS NULL THEN '"' || CASE WHEN LENGTH(hs_c5) > 40 THEN SUBSTR(hs_c5, 1, 39) || '…' ELSE hs_c5 END || '"' || '' || CASE WHEN (REGEXP_LIKE(hs_c5, $$[+-]?[\s   -     　﻿]*[$€£¥]?[\s   -     　﻿]*[(+-][\s   -     　﻿]*[$€£¥]?[\s   -     　﻿]*[(+-]?[\s   -     　﻿]*[0-9.].*$$) AND REGEXP_LIKE(hs_c5, $$.*[-+(].*[-+(].*$$)) THEN ' is not a number: a number carries at most one sign' ELSE ' is not a number' END END AS hs_r0m6x,
    COALESCE(LOWER(COALESCE(hs_c6, '')) = 'layoffs', FALSE) AS hs_r0f0,
    COALESCE(POSITION('org', LOWER(COALESCE(hs_c7, ''))) > 0, FALSE) AS hs_r0f1,
    COALESCE(hs_n8 IS NOT NULL AND hs_n8 <= 10::DOUBLE, FALSE) AS hs_r0f2
  FROM hs__3
),
hs__5 AS (
  SELECT *,
    CASE WHEN hs_r0m0v IS NOT NULL THEN 1 ELSE 0 END AS hs_r0m0p,
    CASE WHEN hs_r0m0v IS NOT NULL THEN CASE WHEN hs_r0m0v * 10::DOUBLE > 30::DOUBLE THEN 30::DOUBLE WHEN hs_r0m0v * 10::DOUBLE < -30::DOUBLE THEN -30::DOUBLE ELSE hs_r0m0v * 10::DOUBLE END ELSE 0::DOUBLE END AS hs_r0m0s,
    CASE WHEN ABS(hs_r0m0v) <= 1000000000000000::DOUBLE THEN FLOOR(hs_r0m0v * 100::DOUBLE + 0.5::DOUBLE) END AS hs_r0m0c,
    CASE WHEN hs_r0m1t IS NOT NULL THEN 1 ELSE 0 END AS hs_r0m1p,
    CASE WHEN hs_r0m1t IS NOT NULL THEN CASE WHEN LOWER(hs_r0m1t) = '1' THEN -20::DOUBLE WHEN LOWER(hs_r0m1t) = '2' THEN -10::DOUBLE WHEN LOWER(hs_r0m1t) = '4' THEN 10::DOUBLE WHEN LOWER(hs_r0m1t) = '5' THEN 20::DOUBLE ELSE 0::DOUBLE END ELSE 0::DOUBLE END AS hs_r0m1s,
    CASE WHEN hs_r0m2t IS NOT NULL THEN 1 ELSE 0 END AS hs_r0m2p,
    CASE WHEN hs_r0m2t IS NOT NULL THEN CASE WHEN LOWER(hs_r0m2t) = 'true' THEN 15::DOUBLE WHEN LOWER(hs_r0m2t) = 'false' THEN -5::DOUBLE ELSE 0::DOUBLE END ELSE 0::DOUBLE END AS hs_r0m2s,
    CASE WHEN hs_r0m3v IS NOT NULL THEN 1 ELSE 0 END AS hs_r0m3p,
    CASE WHEN hs_r0m3v IS NOT NULL THEN CASE WHEN hs_r0m3v >= 1::DOUBLE THEN 5::DOUBLE ELSE -5::DOUBLE END ELSE 0::DOUBLE END AS hs_r0m3s,
    CASE WHEN ABS(hs_r0m3v) <= 1000000000000000::DOUBLE THEN FLOOR(hs_r0m3v * 100::DOUBLE + 0.5::DOUBLE) END AS hs_r0m3c,
    CASE WHEN hs_r0m4v IS NOT NULL THEN 1 ELSE 0 END AS hs_r0m4p,
    CASE WHEN hs_r0m4v IS NOT NULL THEN CASE WHEN (hs_r0m4v - 90::DOUBLE) / -90::DOUBLE > 1::DOUBLE THEN 1::DOUBLE WHEN (hs_r0m4v - 90::DOUBLE) / -90::DOUBLE < 0::DOUBLE THEN 0::DOUBLE ELSE (hs_r0m4v - 90::DOUBLE) / -90::DOUBLE END * 25::DOUBLE ELSE 0::DOUBLE END AS hs_r0m4s,
    CASE WHEN ABS(hs_r0m4v) <= 1000000000000000::DOUBLE THEN FLOOR(hs_r0m4v * 100::DOUBLE + 0.5::DOUBLE) END AS hs_r0m4c,
    CASE WHEN hs_r0m5t IS NOT NULL THEN 1 ELSE 0 END AS hs_r0m5p,
    CASE WHEN hs_r0m5t IS NOT NULL THEN CASE WHEN LOWER(hs_r0m5t) = '1' THEN 10::DOUBLE WHEN LOWER(hs_r0m5t) = '0.5' THEN 0::DOUBLE ELSE -3::DOUBLE END ELSE 0::DOUBLE END AS hs_r0m5s,
    CASE WHEN hs_r0m6v IS NOT NULL THEN 1 ELSE 0 END AS hs_r0m6p,
    CASE WHEN hs_r0m6v IS NOT NULL THEN 0::DOUBLE + (hs_r0m6v - 1::DOUBLE) * -4::DOUBLE ELSE 0::DOUBLE END AS hs_r0m6s,
    CASE WHEN ABS(hs_r0m6v) <= 1000000000000000::DOUBLE THEN FLOOR(hs_r0m6v * 100::DOUBLE + 0.5::DOUBLE) END AS hs_r0m6c
  FROM hs__4
),
hs__6 AS (
  SELECT *,
    ABS(hs_r0m0c) - FLOOR(ABS(hs_r0m0c) / 100::DOUBLE) * 100::DOUBLE AS hs_r0m0f,
    ABS(hs_r0m3c) - FLOOR(ABS(hs_r0m3c) / 100::DOUBLE) * 100::DOUBLE AS hs_r0m3f,
    ABS(hs_r0m4c) - FLOOR(ABS(hs_r0m4c) / 100::DOUBLE) * 100::DOUBLE AS hs_r0m4f,
    ABS(hs_r0m6c) - FLOOR(ABS(hs_r0m6c) / 100::DOUBLE) * 100::DOUBLE AS hs_r0m6f,
    COALESCE(1::DOUBLE * hs_r0m0s, 0::DOUBLE) + COALESCE(1::DOUBLE * hs_r0m1s, 0::DOUBLE) + COALESCE(1::DOUBLE * hs_r0m2s, 0::DOUBLE) + COALESCE(2::DOUBLE * hs_r0m3s, 0::DOUBLE) + COALESCE(1::DOUBLE * hs_r0m4s, 0::DOUBLE) + COALESCE(1::DOUBLE * hs_r0m5s, 0::DOUBLE) + COALESCE(1.5::DOUBLE * hs_r0m6s, 0::DOUBLE) AS hs_r0g0s,
    CASE WHEN hs_r0m0s IS NULL THEN 0::DOUBLE ELSE 1::DOUBLE END + CASE WHEN hs_r0m1s IS NULL THEN 0::DOUBLE ELSE 1::DOUBLE END + CASE WHEN hs_r0m2s IS NULL THEN 0::DOUBLE ELSE 1::DOUBLE END + CASE WHEN hs_r0m3s IS NULL THEN 0::DOUBLE ELSE 2::DOUBLE END + CASE WHEN hs_r0m4s IS NULL THEN 0::DOUBLE ELSE 1::DOUBLE END + CASE WHEN hs_r0m5s IS NULL THEN 0::DOUBLE ELSE 1::DOUBLE END + CASE WHEN hs_r0m6s IS NULL THEN 0::DOUBLE ELSE 1.5::DOUBLE END AS hs_r0g0w,
    CASE WHEN hs_r0m0p = 1 OR hs_r0m1p = 1 OR hs_r0m2p = 1 OR hs_r0m3p = 1 OR hs_r0m4p = 1 OR hs_r0m5p = 1 OR hs_r0m6p = 1 THEN 1 ELSE 0 END AS hs_r0g0p,
    CASE WHEN hs_r0m0p = 1 OR hs_r0m1p = 1 OR hs_r0m2p = 1 OR hs_r0m3p = 1 OR hs_r0m4p = 1 OR hs_r0m5p = 1 OR hs_r0m6p = 1 THEN 1 ELSE 0 END AS hs_r0p,
    CASE WHEN hs_r0m0p = 1 THEN '0.11764705882352941'::DOUBLE ELSE 0::DOUBLE END + CASE WHEN hs_r0m1p = 1 THEN '0.11764705882352941'::DOUBLE ELSE 0::DOUBLE END + CASE WHEN hs_r0m2p = 1 THEN '0.11764705882352941'::DOUBLE ELSE 0::DOUBLE END + CASE WHEN hs_r0m3p = 1 THEN '0.23529411764705882'::DOUBLE ELSE 0::DOUBLE END + CASE WHEN hs_r0m4p = 1 THEN '0.11764705882352941'::DOUBLE ELSE 0::DOUBLE END + CASE WHEN hs_r0m5p = 1 THEN '0.11764705882352941'::DOUBLE ELSE 0::DOUBLE END + CASE WHEN hs_r0m6p = 1 THEN '0.17647058823529413'::DOUBLE ELSE 0::DOUBLE END AS hs_r0cov
  FROM hs__5
),
hs__7 AS (
  SELECT *,
    CASE WHEN hs_r0m0p = 1 THEN CASE WHEN hs_r0m0c IS NULL THEN CAST(hs_r0m0v AS VARCHAR) ELSE CASE WHEN hs_r0m0c < 0 THEN '-' ELSE '' END || CAST(CAST(FLOOR(ABS(hs_r0m0c) / 100::DOUBLE) AS BIGINT) AS VARCHAR) || CASE WHEN hs_r0m0f = 0 THEN '' WHEN hs_r0m0f - FLOOR(hs_r0m0f / 10::DOUBLE) * 10::DOUBLE = 0 THEN '.' || CAST(CAST(hs_r0m0f / 10::DOUBLE AS BIGINT) AS VARCHAR) WHEN hs_r0m0f < 10 THEN '.0' || CAST(CAST(hs_r0m0f AS BIGINT) AS VARCHAR) ELSE '.' || CAST(CAST(hs_r0m0f AS BIGINT) AS VARCHAR) END END ELSE 'missing' END AS hs_r0m0w,
    CASE WHEN hs_r0m1p = 1 THEN CASE WHEN hs_r0m1t IS NOT NULL THEN '"' || hs_r0m1t || '"' ELSE 'missing' END ELSE 'missing' END AS hs_r0m1w,
    CASE WHEN hs_r0m2p = 1 THEN CASE WHEN hs_r0m2t IS NOT NULL THEN '"' || hs_r0m2t || '"' ELSE 'missing' END ELSE 'missing' END AS hs_r0m2w,
    CASE WHEN hs_r0m3p = 1 THEN CASE WHEN hs_r0m3c IS NULL THEN CAST(hs_r0m3v AS VARCHAR) ELSE CASE WHEN hs_r0m3c < 0 THEN '-' ELSE '' END || CAST(CAST(FLOOR(ABS(hs_r0m3c) / 100::DOUBLE) AS BIGINT) AS VARCHAR) || CASE WHEN hs_r0m3f = 0 THEN '' WHEN hs_r0m3f - FLOOR(hs_r0m3f / 10::DOUBLE) * 10::DOUBLE = 0 THEN '.' || CAST(CAST(hs_r0m3f / 10::DOUBLE AS BIGINT) AS VARCHAR) WHEN hs_r0m3f < 10 THEN '.0' || CAST(CAST(hs_r0m3f AS BIGINT) AS VARCHAR) ELSE '.' || CAST(CAST(hs_r0m3f AS BIGINT) AS VARCHAR) END END ELSE 'missing' END AS hs_r0m3w,
    CASE WHEN hs_r0m4p = 1 THEN CASE WHEN hs_r0m4c IS NULL THEN CAST(hs_r0m4v AS VARCHAR) ELSE CASE WHEN hs_r0m4c < 0 THEN '-' ELSE '' END || CAST(CAST(FLOOR(ABS(hs_r0m4c) / 100::DOUBLE) AS BIGINT) AS VARCHAR) || CASE WHEN hs_r0m4f = 0 THEN '' WHEN hs_r0m4f - FLOOR(hs_r0m4f / 10::DOUBLE) * 10::DOUBLE = 0 THEN '.' || CAST(CAST(hs_r0m4f / 10::DOUBLE AS BIGINT) AS VARCHAR) WHEN hs_r0m4f < 10 THEN '.0' || CAST(CAST(hs_r0m4f AS BIGINT) AS VARCHAR) ELSE '.' || CAST(CAST(hs_r0m4f AS BIGINT) AS VARCHAR) END END ELSE 'missing' END AS hs_r0m4w,
    CASE WHEN hs_r0m5p = 1 THEN CASE WHEN hs_r0m5t IS NOT NULL THEN '"' || hs_r0m5t || '"' ELSE 'missing' END ELSE 'missing' END AS hs_r0m5w,
    CASE WHEN hs_r0m6p = 1 THEN CASE WHEN hs_r0m6c IS NULL THEN CAST(hs_r0m6v AS VARCHAR) ELSE CASE WHEN hs_r0m6c < 0 THEN '-' ELSE '' END || CAST(CAST(FLOOR(ABS(hs_r0m6c) / 100::DOUBLE) AS BIGINT) AS VARCHAR) || CASE WHEN hs_r0m6f = 0 THEN '' WHEN hs_r0m6f - FLOOR(hs_r0m6f / 10::DOUBLE) * 10::DOUBLE = 0 THEN '.' || CAST(CAST(hs_r0m6f / 10::DOUBLE AS BIGINT) AS VARCHAR) WHEN hs_r0m6f < 10 THEN '.0' || CAST(CAST(hs_r0m6f AS BIGINT) AS VARCHAR) ELSE '.' || CAST(CAST(hs_r0m6f AS BIGINT) AS VARCHAR) END END ELSE 'missing' END AS hs_r0m6w
  FROM hs__6
),
hs__8 AS (
  SELECT *,
    CASE WHEN hs_r0p = 1 THEN hs_r0g0s END AS hs_r0raw,
    1::DOUBLE * hs_r0m0s AS hs_r0m0i,
    1::DOUBLE * hs_r0m1s AS hs_r0m1i,
    1::DOUBLE * hs_r0m2s AS hs_r0m2i,
    2::DOUBLE * hs_r0m3s AS hs_r0m3i,
    1::DOUBLE * hs_r0m4s AS hs_r0m4i,
    1::DOUBLE * hs_r0m5s AS hs_r0m5i,
    1.5::DOUBLE * hs_r0m6s AS hs_r0m6i,
    CASE WHEN hs_r0f1 THEN -10::DOUBLE END AS hs_r0floor,
    CASE WHEN hs_r0f2 THEN 5::DOUBLE END AS hs_r0cap
  FROM hs__7
),
hs__9 AS (
  SELECT *,
    CASE WHEN hs_r0f0 THEN hs_r0raw + -15::DOUBLE ELSE hs_r0raw END AS hs_r0a0,
    CASE WHEN hs_r0m1i < hs_r0m0i THEN 1 ELSE 0 END + CASE WHEN hs_r0m2i < hs_r0m0i THEN 1 ELSE 0 END + CASE WHEN hs_r0m3i < hs_r0m0i THEN 1 ELSE 0 END + CASE WHEN hs_r0m4i < hs_r0m0i THEN 1 ELSE 0 END + CASE WHEN hs_r0m5i < hs_r0m0i THEN 1 ELSE 0 END + CASE WHEN hs_r0m6i < hs_r0m0i THEN 1 ELSE 0 END AS hs_r0m0k,
    CASE WHEN hs_r0m0i <= hs_r0m1i THEN 1 ELSE 0 END + CASE WHEN hs_r0m2i < hs_r0m1i THEN 1 ELSE 0 END + CASE WHEN hs_r0m3i < hs_r0m1i THEN 1 ELSE 0 END + CASE WHEN hs_r0m4i < hs_r0m1i THEN 1 ELSE 0 END + CASE WHEN hs_r0m5i < hs_r0m1i THEN 1 ELSE 0 END + CASE WHEN hs_r0m6i < hs_r0m1i THEN 1 ELSE 0 END AS hs_r0m1k,
    CASE WHEN hs_r0m0i <= hs_r0m2i THEN 1 ELSE 0 END + CASE WHEN hs_r0m1i <= hs_r0m2i THEN 1 ELSE 0 END + CASE WHEN hs_r0m3i < hs_r0m2i THEN 1 ELSE 0 END + CASE WHEN hs_r0m4i < hs_r0m2i THEN 1 ELSE 0 END + CASE WHEN hs_r0m5i < hs_r0m2i THEN 1 ELSE 0 END + CASE WHEN hs_r0m6i < hs_r0m2i THEN 1 ELSE 0 END AS hs_r0m2k,
    CASE WHEN hs_r0m0i <= hs_r0m3i THEN 1 ELSE 0 END + CASE WHEN hs_r0m1i <= hs_r0m3i THEN 1 ELSE 0 END + CASE WHEN hs_r0m2i <= hs_r0m3i THEN 1 ELSE 0 END + CASE WHEN hs_r0m4i < hs_r0m3i THEN 1 ELSE 0 END + CASE WHEN hs_r0m5i < hs_r0m3i THEN 1 ELSE 0 END + CASE WHEN hs_r0m6i < hs_r0m3i THEN 1 ELSE 0 END AS hs_r0m3k,
    CASE WHEN hs_r0m0i <= hs_r0m4i THEN 1 ELSE 0 END + CASE WHEN hs_r0m1i <= hs_r0m4i THEN 1 ELSE 0 END + CASE WHEN hs_r0m2i <= hs_r0m4i THEN 1 ELSE 0 END + CASE WHEN hs_r0m3i <= hs_r0m4i THEN 1 ELSE 0 END + CASE WHEN hs_r0m5i < hs_r0m4i THEN 1 ELSE 0 END + CASE WHEN hs_r0m6i < hs_r0m4i THEN 1 ELSE 0 END AS hs_r0m4k,
    CASE WHEN hs_r0m0i <= hs_r0m5i THEN 1 ELSE 0 END + CASE WHEN hs_r0m1i <= hs_r0m5i THEN 1 ELSE 0 END + CASE WHEN hs_r0m2i <= hs_r0m5i THEN 1 ELSE 0 END + CASE WHEN hs_r0m3i <= hs_r0m5i THEN 1 ELSE 0 END + CASE WHEN hs_r0m4i <= hs_r0m5i THEN 1 ELSE 0 END + CASE WHEN hs_r0m6i < hs_r0m5i THEN 1 ELSE 0 END AS hs_r0m5k,
    CASE WHEN hs_r0m0i <= hs_r0m6i THEN 1 ELSE 0 END + CASE WHEN hs_r0m1i <= hs_r0m6i THEN 1 ELSE 0 END + CASE WHEN hs_r0m2i <= hs_r0m6i THEN 1 ELSE 0 END + CASE WHEN hs_r0m3i <= hs_r0m6i THEN 1 ELSE 0 END + CASE WHEN hs_r0m4i <= hs_r0m6i THEN 1 ELSE 0 END + CASE WHEN hs_r0m5i <= hs_r0m6i THEN 1 ELSE 0 END AS hs_r0m6k,
    CASE WHEN hs_r0m0i + 0.5::DOUBLE < 0 THEN 'Years as customer ' || hs_r0m0w || ' (−' || CAST(CAST(FLOOR(ABS(hs_r0m0i) + 0.5::DOUBLE) AS BIGINT) AS VARCHAR) || ')' END AS hs_r0m0d,
    CASE WHEN hs_r0m1i + 0.5::DOUBLE < 0 THEN 'CSAT ' || hs_r0m1w || ' (−' || CAST(CAST(FLOOR(ABS(hs_r0m1i) + 0.5::DOUBLE) AS BIGINT) AS VARCHAR) || ')' END AS hs_r0m1d,
    CASE WHEN hs_r0m2i + 0.5::DOUBLE < 0 THEN 'Exec sponsor ' || hs_r0m2w || ' (−' || CAST(CAST(FLOOR(ABS(hs_r0m2i) + 0.5::DOUBLE) AS BIGINT) AS VARCHAR) || ')' END AS hs_r0m2d,
    CASE WHEN hs_r0m3i + 0.5::DOUBLE < 0 THEN 'Exec sponsor ' || hs_r0m3w || ' (−' || CAST(CAST(FLOOR(ABS(hs_r0m3i) + 0.5::DOUBLE) AS BIGINT) AS VARCHAR) || ')' END AS hs_r0m3d,
    CASE WHEN hs_r0m4i + 0.5::DOUBLE < 0 THEN 'Last touchpoint ' || hs_r0m4w || ' (−' || CAST(CAST(FLOOR(ABS(hs_r0m4i) + 0.5::DOUBLE) AS BIGINT) AS VARCHAR) || ')' END AS hs_r0m4d,
    CASE WHEN hs_r0m5i + 0.5::DOUBLE < 0 THEN 'Onboarding progress ' || hs_r0m5w || ' (−' || CAST(CAST(FLOOR(ABS(hs_r0m5i) + 0.5::DOUBLE) AS BIGINT) AS VARCHAR) || ')' END AS hs_r0m5d,
    CASE WHEN hs_r0m6i + 0.5::DOUBLE < 0 THEN 'Unresolved tickets ' || hs_r0m6w || ' (−' || CAST(CAST(FLOOR(ABS(hs_r0m6i) + 0.5::DOUBLE) AS BIGINT) AS VARCHAR) || ')' END AS hs_r0m6d
  FROM hs__8
),
hs__10 AS (
  SELECT *,
    CASE WHEN hs_r0a0 < hs_r0floor THEN hs_r0floor ELSE hs_r0a0 END AS hs_r0sf
  FROM hs__9
),
hs__11 AS (
  SELECT *,
    CASE WHEN hs_r0sf > hs_r0cap THEN hs_r0cap ELSE hs_r0sf END AS hs_r0sc
  FROM hs__10
),
hs__12 AS (
  SELECT *,
    CASE WHEN hs_r0sc < 0 THEN 0::DOUBLE - FLOOR(ABS(hs_r0sc) * 10::DOUBLE + '1e-9'::DOUBLE + 0.5::DOUBLE) / 10::DOUBLE ELSE FLOOR(ABS(hs_r0sc) * 10::DOUBLE + '1e-9'::DOUBLE + 0.5::DOUBLE) / 10::DOUBLE END AS hs_r0s
  FROM hs__11
),
hs__13 AS (
  SELECT *,
    SUBSTR(COALESCE('; ' || CASE WHEN hs_r0s IS NULL THEN CASE WHEN hs_r0p = 1 THEN 'No data: every metric with a value weighs 0 (or is in a group that does), so none counts' ELSE 'No data: no metric has a value' END END, '') || COALESCE('; ' || CASE WHEN hs_r0s IS NOT NULL THEN CASE WHEN hs_r0m0k = 0 AND hs_r0m0d IS NOT NULL THEN hs_r0m0d WHEN hs_r0m1k = 0 AND hs_r0m1d IS NOT NULL THEN hs_r0m1d WHEN hs_r0m2k = 0 AND hs_r0m2d IS NOT NULL THEN hs_r0m2d WHEN hs_r0m3k = 0 AND hs_r0m3d IS NOT NULL THEN hs_r0m3d WHEN hs_r0m4k = 0 AND hs_r0m4d IS NOT NULL THEN hs_r0m4d WHEN hs_r0m5k = 0 AND hs_r0m5d IS NOT NULL THEN hs_r0m5d WHEN hs_r0m6k = 0 AND hs_r0m6d IS NOT NULL THEN hs_r0m6d END END, '') || COALESCE('; ' || CASE WHEN hs_r0s IS NOT NULL THEN CASE WHEN hs_r0m0k = 1 AND hs_r0m0d IS NOT NULL THEN hs_r0m0d WHEN hs_r0m1k = 1 AND hs_r0m1d IS NOT NULL THEN hs_r0m1d WHEN hs_r0m2k = 1 AND hs_r0m2d IS NOT NULL THEN hs_r0m2d WHEN hs_r0m3k = 1 AND hs_r0m3d IS NOT NULL THEN hs_r0m3d WHEN hs_r0m4k = 1 AND hs_r0m4d IS NOT NULL THEN hs_r0m4d WHEN hs_r0m5k = 1 AND hs_r0m5d IS NOT NULL THEN hs_r0m5d WHEN hs_r0m6k = 1 AND hs_r0m6d IS NOT NULL THEN hs_r0m6d END END, '') || COALESCE('; ' || CASE WHEN hs_r0s IS NOT NULL THEN CASE WHEN hs_r0m0k = 2 AND hs_r0m0d IS NOT NULL THEN hs_r0m0d WHEN hs_r0m1k = 2 AND hs_r0m1d IS NOT NULL THEN hs_r0m1d WHEN hs_r0m2k = 2 AND hs_r0m2d IS NOT NULL THEN hs_r0m2d WHEN hs_r0m3k = 2 AND hs_r0m3d IS NOT NULL THEN hs_r0m3d WHEN hs_r0m4k = 2 AND hs_r0m4d IS NOT NULL THEN hs_r0m4d WHEN hs_r0m5k = 2 AND hs_r0m5d IS NOT NULL THEN hs_r0m5d WHEN hs_r0m6k = 2 AND hs_r0m6d IS NOT NULL THEN hs_r0m6d END END, '') || COALESCE('; ' || CASE WHEN hs_r0f0 THEN 'flag: Layoffs (−15)' END, '') || COALESCE('; ' || CASE WHEN hs_r0f1 THEN 'flag: Risk tags (floor -10)' END, '') || COALESCE('; ' || CASE WHEN hs_r0f2 THEN 'flag: Logins 30d (cap 5)' END, '') || COALESCE('; ' || 'Years as customer: ' || hs_r0m0x, '') || COALESCE('; ' || 'Exec sponsor: ' || hs_r0m2x, '') || COALESCE('; ' || 'Exec sponsor: ' || hs_r0m3x, '') || COALESCE('; ' || 'Last touchpoint: ' || hs_r0m4x, '') || COALESCE('; ' || 'Unresolved tickets: ' || hs_r0m6x, ''), 3) AS hs_r0drivers,
    NULLIF(SUBSTR(COALESCE('; ' || CASE WHEN hs_r0f0 THEN 'Layoffs' END, '') || COALESCE('; ' || CASE WHEN hs_r0f1 THEN 'Risk tags' END, '') || COALESCE('; ' || CASE WHEN hs_r0f2 THEN 'Logins 30d' END, ''), 3), '') AS hs_r0flags
  FROM hs__12
)
SELECT * EXCLUDE (hs_c0, hs_c1, hs_c2, hs_c3, hs_c4, hs_c5, hs_c6, hs_c7, hs_c8, hs_m0, hs_n0, hs_b0, hs_r0m0v, hs_r0m0x, hs_r0m0p, hs_r0m0s, hs_r0m0c, hs_r0m0f, hs_r0m0w, hs_m1, hs_r0m1t, hs_r0m1p, hs_r0m1s, hs_r0m1w, hs_m2, hs_y2, hs_r0m2t, hs_r0m2x, hs_r0m2p, hs_r0m2s, hs_r0m2w, hs_r0m3v, hs_r0m3x, hs_r0m3p, hs_r0m3s, hs_r0m3c, hs_r0m3f, hs_r0m3w, hs_m3, hs_yr3, hs_mo3, hs_dd3, hs_day3, hs_r0m4v, hs_r0m4x, hs_r0m4p, hs_r0m4s, hs_r0m4c, hs_r0m4f, hs_r0m4w, hs_m4, hs_r0m5t, hs_r0m5p, hs_r0m5s, hs_r0m5w, hs_m5, hs_n5, hs_b5, hs_r0m6v, hs_r0m6x, hs_r0m6p, hs_r0m6s, hs_r0m6c, hs_r0m6f, hs_r0m6w, hs_r0f0, hs_r0f1, hs_n8, hs_r0f2, hs_r0g0s, hs_r0g0w, hs_r0g0p, hs_r0p, hs_r0cov, hs_r0raw, hs_r0m0i, hs_r0m1i, hs_r0m2i, hs_r0m3i, hs_r0m4i, hs_r0m5i, hs_r0m6i, hs_r0a0, hs_r0floor, hs_r0sf, hs_r0cap, hs_r0sc, hs_r0s, hs_r0m0k, hs_r0m1k, hs_r0m2k, hs_r0m3k, hs_r0m4k, hs_r0m5k, hs_r0m6k, hs_r0m0d, hs_r0m1d, hs_r0m2d, hs_r0m3d, hs_r0m4d, hs_r0m5d, hs_r0m6d, hs_r0drivers, hs_r0flags),
  hs_r0s AS health_score,
  CASE WHEN hs_r0s IS NULL THEN 'No data' WHEN hs_r0s >= 40::DOUBLE THEN 'Thriving' WHEN hs_r0s >= 0::DOUBLE THEN 'Stable' ELSE 'Critical' END AS health_band,
  CASE WHEN hs_r0s IS NULL THEN '#e8eaed' WHEN hs_r0s >= 40::DOUBLE THEN '#b7e1cd' WHEN hs_r0s >= 0::DOUBLE THEN '#fce8b2' ELSE '#f4c7c3' END AS health_color,
  CASE WHEN hs_r0cov > 1 THEN 1::DOUBLE ELSE hs_r0cov END AS health_coverage,
  hs_r0flags AS health_flags,
  hs_r0drivers AS health_drivers
FROM hs__13
