WITH hs__1 AS (
  SELECT hs__t.*,
    TRIM(CAST(hs__t."Seat utilisation" AS VARCHAR), CHR(9) || CHR(10) || CHR(11) || CHR(12) || CHR(13) || '                  　﻿') AS hs_c0,
    TRIM(CAST(hs__t."Key features used" AS VARCHAR), CHR(9) || CHR(10) || CHR(11) || CHR(12) || CHR(13) || '                  　﻿') AS hs_c1,
    TRIM(CAST(hs__t."Last login" AS VARCHAR), CHR(9) || CHR(10) || CHR(11) || CHR(12) || CHR(13) || '                  　﻿') AS hs_c2,
    TRIM(CAST(hs__t."Days invoice overdue" AS VARCHAR), CHR(9) || CHR(10) || CHR(11) || CHR(12) || CHR(13) || '                  　﻿') AS hs_c3,
    TRIM(CAST(hs__t."Open P1 tickets" AS VARCHAR), CHR(9) || CHR(10) || CHR(11) || CHR(12) || CHR(13) || '                  　﻿') AS hs_c4,
    TRIM(CAST(hs__t."CSAT" AS VARCHAR), CHR(9) || CHR(10) || CHR(11) || CHR(12) || CHR(13) || '                  　﻿') AS hs_c5,
    TRIM(CAST(hs__t."Last touchpoint" AS VARCHAR), CHR(9) || CHR(10) || CHR(11) || CHR(12) || CHR(13) || '                  　﻿') AS hs_c6,
    TRIM(CAST(hs__t."Exec sponsor" AS VARCHAR), CHR(9) || CHR(10) || CHR(11) || CHR(12) || CHR(13) || '                  　﻿') AS hs_c7,
    TRIM(CAST(hs__t."Company news" AS VARCHAR), CHR(9) || CHR(10) || CHR(11) || CHR(12) || CHR(13) || '                  　﻿') AS hs_c8,
    TRIM(CAST(hs__t."Champion left" AS VARCHAR), CHR(9) || CHR(10) || CHR(11) || CHR(12) || CHR(13) || '                  　﻿') AS hs_c9,
    TRIM(CAST(hs__t."Risk tags" AS VARCHAR), CHR(9) || CHR(10) || CHR(11) || CHR(12) || CHR(13) || '                  　﻿') AS hs_c10,
    TRIM(CAST(hs__t."Case study" AS VARCHAR), CHR(9) || CHR(10) || CHR(11) || CHR(12) || CHR(13) || '                  　﻿') AS hs_c11
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
    CASE WHEN REGEXP_LIKE(hs_c1, $$[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?0*[0-9]{1,2})?$$) AND LENGTH(hs_c1) <= 200 THEN TRY_CAST(hs_c1 AS DOUBLE)
    WHEN REGEXP_LIKE(hs_c1, $$[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?$$) THEN CASE WHEN REGEXP_LIKE(hs_c1, $$[+-]?0*[.]?0*([eE][+-]?[0-9]+)?|[^eE]*[eE]-[0-9]+$$) THEN 0::DOUBLE WHEN NOT REGEXP_LIKE(hs_c1, $$[^eE]*[eE][+]?0*([4-9][0-9]{2}|[1-9][0-9]{3,})$$) THEN 1e+300::DOUBLE END
    WHEN REGEXP_LIKE(hs_c1, $$[+-]?[(]?[\s   -     　﻿]*[$€£¥]?[\s   -     　﻿]*[+-]?([0-9]{1,3}(,[0-9]{3})+|[0-9]*)([.][0-9]+)?[\s   -     　﻿]*[)]?[\s   -     　﻿]*%?$$) AND REGEXP_LIKE(hs_c1, $$.*[0-9].*$$) AND NOT REGEXP_LIKE(hs_c1, $$.*[-+(].*[-+(].*$$)
      AND (POSITION('(', hs_c1) > 0) = (POSITION(')', hs_c1) > 0) THEN CASE WHEN (POSITION('-', hs_c1) > 0 OR POSITION('(', hs_c1) > 0) THEN -1 ELSE 1 END * CASE WHEN LENGTH(REGEXP_REPLACE(hs_c1, $$[^0-9.]$$, '')) > 300 THEN 1e+300::DOUBLE ELSE TRY_CAST('0' || REGEXP_REPLACE(hs_c1, $$[^0-9.]$$, '') AS DOUBLE) END / CASE WHEN POSITION('%', hs_c1) > 0 THEN 100::DOUBLE ELSE 1::DOUBLE END END AS hs_n1,
    CASE LOWER(hs_c1) WHEN 'true' THEN 1 WHEN 'false' THEN 0 END AS hs_b1,
    (hs_c2 IS NULL OR LOWER(hs_c2) IN ('', 'n/a', 'na', '-', '—', '–') OR CASE WHEN SUBSTR(hs_c2, 1, 1) = '#' THEN REGEXP_LIKE(hs_c2, $$#[A-Za-z0-9/]+[!?]?$$) ELSE FALSE END) AS hs_m2,
    CASE WHEN REGEXP_LIKE(hs_c2, $$[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]+)?)?(Z|[+-][0-9]{2}:?[0-9]{2})?)?$$) THEN TRY_CAST(SUBSTR(hs_c2, 1, 4) AS INTEGER) END AS hs_yr2,
    CASE WHEN REGEXP_LIKE(hs_c2, $$[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]+)?)?(Z|[+-][0-9]{2}:?[0-9]{2})?)?$$) THEN TRY_CAST(SUBSTR(hs_c2, 6, 2) AS INTEGER) END AS hs_mo2,
    CASE WHEN REGEXP_LIKE(hs_c2, $$[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]+)?)?(Z|[+-][0-9]{2}:?[0-9]{2})?)?$$) THEN TRY_CAST(SUBSTR(hs_c2, 9, 2) AS INTEGER) END AS hs_dd2,
    (hs_c3 IS NULL OR LOWER(hs_c3) IN ('', 'n/a', 'na', '-', '—', '–') OR CASE WHEN SUBSTR(hs_c3, 1, 1) = '#' THEN REGEXP_LIKE(hs_c3, $$#[A-Za-z0-9/]+[!?]?$$) ELSE FALSE END) AS hs_m3,
    CASE WHEN REGEXP_LIKE(hs_c3, $$[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?0*[0-9]{1,2})?$$) AND LENGTH(hs_c3) <= 200 THEN TRY_CAST(hs_c3 AS DOUBLE)
    WHEN REGEXP_LIKE(hs_c3, $$[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?$$) THEN CASE WHEN REGEXP_LIKE(hs_c3, $$[+-]?0*[.]?0*([eE][+-]?[0-9]+)?|[^eE]*[eE]-[0-9]+$$) THEN 0::DOUBLE WHEN NOT REGEXP_LIKE(hs_c3, $$[^eE]*[eE][+]?0*([4-9][0-9]{2}|[1-9][0-9]{3,})$$) THEN 1e+300::DOUBLE END
    WHEN REGEXP_LIKE(hs_c3, $$[+-]?[(]?[\s   -     　﻿]*[$€£¥]?[\s   -     　﻿]*[+-]?([0-9]{1,3}(,[0-9]{3})+|[0-9]*)([.][0-9]+)?[\s   -     　﻿]*[)]?[\s   -     　﻿]*%?$$) AND REGEXP_LIKE(hs_c3, $$.*[0-9].*$$) AND NOT REGEXP_LIKE(hs_c3, $$.*[-+(].*[-+(].*$$)
      AND (POSITION('(', hs_c3) > 0) = (POSITION(')', hs_c3) > 0) THEN CASE WHEN (POSITION('-', hs_c3) > 0 OR POSITION('(', hs_c3) > 0) THEN -1 ELSE 1 END * CASE WHEN LENGTH(REGEXP_REPLACE(hs_c3, $$[^0-9.]$$, '')) > 300 THEN 1e+300::DOUBLE ELSE TRY_CAST('0' || REGEXP_REPLACE(hs_c3, $$[^0-9.]$$, '') AS DOUBLE) END / CASE WHEN POSITION('%', hs_c3) > 0 THEN 100::DOUBLE ELSE 1::DOUBLE END END AS hs_n3,
    CASE LOWER(hs_c3) WHEN 'true' THEN 1 WHEN 'false' THEN 0 END AS hs_b3,
    (hs_c4 IS NULL OR LOWER(hs_c4) IN ('', 'n/a', 'na', '-', '—', '–') OR CASE WHEN SUBSTR(hs_c4, 1, 1) = '#' THEN REGEXP_LIKE(hs_c4, $$#[A-Za-z0-9/]+[!?]?$$) ELSE FALSE END) AS hs_m4,
    CASE WHEN REGEXP_LIKE(hs_c4, $$[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?0*[0-9]{1,2})?$$) AND LENGTH(hs_c4) <= 200 THEN TRY_CAST(hs_c4 AS DOUBLE)
    WHEN REGEXP_LIKE(hs_c4, $$[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?$$) THEN CASE WHEN REGEXP_LIKE(hs_c4, $$[+-]?0*[.]?0*([eE][+-]?[0-9]+)?|[^eE]*[eE]-[0-9]+$$) THEN 0::DOUBLE WHEN NOT REGEXP_LIKE(hs_c4, $$[^eE]*[eE][+]?0*([4-9][0-9]{2}|[1-9][0-9]{3,})$$) THEN 1e+300::DOUBLE END
    WHEN REGEXP_LIKE(hs_c4, $$[+-]?[(]?[\s   -     　﻿]*[$€£¥]?[\s   -     　﻿]*[+-]?([0-9]{1,3}(,[0-9]{3})+|[0-9]*)([.][0-9]+)?[\s   -     　﻿]*[)]?[\s   -     　﻿]*%?$$) AND REGEXP_LIKE(hs_c4, $$.*[0-9].*$$) AND NOT REGEXP_LIKE(hs_c4, $$.*[-+(].*[-+(].*$$)
      AND (POSITION('(', hs_c4) > 0) = (POSITION(')', hs_c4) > 0) THEN CASE WHEN (POSITION('-', hs_c4) > 0 OR POSITION('(', hs_c4) > 0) THEN -1 ELSE 1 END * CASE WHEN LENGTH(REGEXP_REPLACE(hs_c4, $$[^0-9.]$$, '')) > 300 THEN 1e+300::DOUBLE ELSE TRY_CAST('0' || REGEXP_REPLACE(hs_c4, $$[^0-9.]$$, '') AS DOUBLE) END / CASE WHEN POSITION('%', hs_c4) > 0 THEN 100::DOUBLE ELSE 1::DOUBLE END END AS hs_n4,
    CASE LOWER(hs_c4) WHEN 'true' THEN 1 WHEN 'false' THEN 0 END AS hs_b4,
    (hs_c5 IS NULL OR LOWER(hs_c5) IN ('', 'n/a', 'na', '-', '—', '–') OR CASE WHEN SUBSTR(hs_c5, 1, 1) = '#' THEN REGEXP_LIKE(hs_c5, $$#[A-Za-z0-9/]+[!?]?$$) ELSE FALSE END) AS hs_m5,
    CASE WHEN REGEXP_LIKE(hs_c5, $$[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?0*[0-9]{1,2})?$$) AND LENGTH(hs_c5) <= 200 THEN TRY_CAST(hs_c5 AS DOUBLE)
    WHEN REGEXP_LIKE(hs_c5, $$[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?$$) THEN CASE WHEN REGEXP_LIKE(hs_c5, $$[+-]?0*[.]?0*([eE][+-]?[0-9]+)?|[^eE]*[eE]-[0-9]+$$) THEN 0::DOUBLE WHEN NOT REGEXP_LIKE(hs_c5, $$[^eE]*[eE][+]?0*([4-9][0-9]{2}|[1-9][0-9]{3,})$$) THEN 1e+300::DOUBLE END
    WHEN REGEXP_LIKE(hs_c5, $$[+-]?[(]?[\s   -     　﻿]*[$€£¥]?[\s   -     　﻿]*[+-]?([0-9]{1,3}(,[0-9]{3})+|[0-9]*)([.][0-9]+)?[\s   -     　﻿]*[)]?[\s   -     　﻿]*%?$$) AND REGEXP_LIKE(hs_c5, $$.*[0-9].*$$) AND NOT REGEXP_LIKE(hs_c5, $$.*[-+(].*[-+(].*$$)
      AND (POSITION('(', hs_c5) > 0) = (POSITION(')', hs_c5) > 0) THEN CASE WHEN (POSITION('-', hs_c5) > 0 OR POSITION('(', hs_c5) > 0) THEN -1 ELSE 1 END * CASE WHEN LENGTH(REGEXP_REPLACE(hs_c5, $$[^0-9.]$$, '')) > 300 THEN 1e+300::DOUBLE ELSE TRY_CAST('0' || REGEXP_REPLACE(hs_c5, $$[^0-9.]$$, '') AS DOUBLE) END / CASE WHEN POSITION('%', hs_c5) > 0 THEN 100::DOUBLE ELSE 1::DOUBLE END END AS hs_n5,
    CASE LOWER(hs_c5) WHEN 'true' THEN 1 WHEN 'false' THEN 0 END AS hs_b5,
    (hs_c6 IS NULL OR LOWER(hs_c6) IN ('', 'n/a', 'na', '-', '—', '–') OR CASE WHEN SUBSTR(hs_c6, 1, 1) = '#' THEN REGEXP_LIKE(hs_c6, $$#[A-Za-z0-9/]+[!?]?$$) ELSE FALSE END) AS hs_m6,
    CASE WHEN REGEXP_LIKE(hs_c6, $$[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]+)?)?(Z|[+-][0-9]{2}:?[0-9]{2})?)?$$) THEN TRY_CAST(SUBSTR(hs_c6, 1, 4) AS INTEGER) END AS hs_yr6,
    CASE WHEN REGEXP_LIKE(hs_c6, $$[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]+)?)?(Z|[+-][0-9]{2}:?[0-9]{2})?)?$$) THEN TRY_CAST(SUBSTR(hs_c6, 6, 2) AS INTEGER) END AS hs_mo6,
    CASE WHEN REGEXP_LIKE(hs_c6, $$[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]+)?)?(Z|[+-][0-9]{2}:?[0-9]{2})?)?$$) THEN TRY_CAST(SUBSTR(hs_c6, 9, 2) AS INTEGER) END AS hs_dd6,
    (hs_c7 IS NULL OR LOWER(hs_c7) IN ('', 'n/a', 'na', '-', '—', '–') OR CASE WHEN SUBSTR(hs_c7, 1, 1) = '#' THEN REGEXP_LIKE(hs_c7, $$#[A-Za-z0-9/]+[!?]?$$) ELSE FALSE END) AS hs_m7,
    CASE WHEN LOWER(hs_c7) IN ('true', 'yes', 'y', '1') THEN 1 WHEN LOWER(hs_c7) IN ('false', 'no', 'n', '0') THEN 0 END AS hs_y7,
    (hs_c8 IS NULL OR LOWER(hs_c8) IN ('', 'n/a', 'na', '-', '—', '–') OR CASE WHEN SUBSTR(hs_c8, 1, 1) = '#' THEN REGEXP_LIKE(hs_c8, $$#[A-Za-z0-9/]+[!?]?$$) ELSE FALSE END) AS hs_m8,
    CASE WHEN LOWER(hs_c9) IN ('true', 'yes', 'y', '1') THEN 1 WHEN LOWER(hs_c9) IN ('false', 'no', 'n', '0') THEN 0 END AS hs_y9,
    CASE WHEN LOWER(hs_c11) IN ('true', 'yes', 'y', '1') THEN 1 WHEN LOWER(hs_c11) IN ('false', 'no', 'n', '0') THEN 0 END AS hs_y11,
    (hs_c9 IS NULL OR LOWER(hs_c9) IN ('', 'n/a', 'na', '-', '—', '–') OR CASE WHEN SUBSTR(hs_c9, 1, 1) = '#' THEN REGEXP_LIKE(hs_c9, $$#[A-Za-z0-9/]+[!?]?$$) ELSE FALSE END) AS hs_m9,
    (hs_c11 IS NULL OR LOWER(hs_c11) IN ('', 'n/a', 'na', '-', '—', '–') OR CASE WHEN SUBSTR(hs_c11, 1, 1) = '#' THEN REGEXP_LIKE(hs_c11, $$#[A-Za-z0-9/]+[!?]?$$) ELSE FALSE END) AS hs_m11
  FROM hs__1
),
hs__3 AS (
  SELECT *,
    CASE WHEN hs_mo2 BETWEEN 1 AND 12 AND hs_dd2 BETWEEN 1 AND CASE WHEN hs_mo2 = 2 THEN CASE WHEN (((hs_yr2) - FLOOR((hs_yr2) / 4::DOUBLE) * 4::DOUBLE) = 0 AND ((hs_yr2) - FLOOR((hs_yr2) / 100::DOUBLE) * 100::DOUBLE) <> 0 OR ((hs_yr2) - FLOOR((hs_yr2) / 400::DOUBLE) * 400::DOUBLE) = 0) THEN 29 ELSE 28 END WHEN hs_mo2 IN (4, 6, 9, 11) THEN 30 ELSE 31 END
    THEN FLOOR(((hs_yr2 - CASE WHEN hs_mo2 <= 2 THEN 1 ELSE 0 END)) / 400::DOUBLE) * 146097::DOUBLE + ((hs_yr2 - CASE WHEN hs_mo2 <= 2 THEN 1 ELSE 0 END) - FLOOR(((hs_yr2 - CASE WHEN hs_mo2 <= 2 THEN 1 ELSE 0 END)) / 400::DOUBLE) * 400::DOUBLE) * 365 + FLOOR((((hs_yr2 - CASE WHEN hs_mo2 <= 2 THEN 1 ELSE 0 END) - FLOOR(((hs_yr2 - CASE WHEN hs_mo2 <= 2 THEN 1 ELSE 0 END)) / 400::DOUBLE) * 400::DOUBLE)) / 4::DOUBLE) - FLOOR((((hs_yr2 - CASE WHEN hs_mo2 <= 2 THEN 1 ELSE 0 END) - FLOOR(((hs_yr2 - CASE WHEN hs_mo2 <= 2 THEN 1 ELSE 0 END)) / 400::DOUBLE) * 400::DOUBLE)) / 100::DOUBLE) + FLOOR((153::DOUBLE * (hs_mo2 + CASE WHEN hs_mo2 > 2 THEN -3 ELSE 9 END) + 2) / 5::DOUBLE) + hs_dd2 - 1 - 719468 END AS hs_day2,
    CASE WHEN hs_mo6 BETWEEN 1 AND 12 AND hs_dd6 BETWEEN 1 AND CASE WHEN hs_mo6 = 2 THEN CASE WHEN (((hs_yr6) - FLOOR((hs_yr6) / 4::DOUBLE) * 4::DOUBLE) = 0 AND ((hs_yr6) - FLOOR((hs_yr6) / 100::DOUBLE) * 100::DOUBLE) <> 0 OR ((hs_yr6) - FLOOR((hs_yr6) / 400::DOUBLE) * 400::DOUBLE) = 0) THEN 29 ELSE 28 END WHEN hs_mo6 IN (4, 6, 9, 11) THEN 30 ELSE 31 END
    THEN FLOOR(((hs_yr6 - CASE WHEN hs_mo6 <= 2 THEN 1 ELSE 0 END)) / 400::DOUBLE) * 146097::DOUBLE + ((hs_yr6 - CASE WHEN hs_mo6 <= 2 THEN 1 ELSE 0 END) - FLOOR(((hs_yr6 - CASE WHEN hs_mo6 <= 2 THEN 1 ELSE 0 END)) / 400::DOUBLE) * 400::DOUBLE) * 365 + FLOOR((((hs_yr6 - CASE WHEN hs_mo6 <= 2 THEN 1 ELSE 0 END) - FLOOR(((hs_yr6 - CASE WHEN hs_mo6 <= 2 THEN 1 ELSE 0 END)) / 400::DOUBLE) * 400::DOUBLE)) / 4::DOUBLE) - FLOOR((((hs_yr6 - CASE WHEN hs_mo6 <= 2 THEN 1 ELSE 0 END) - FLOOR(((hs_yr6 - CASE WHEN hs_mo6 <= 2 THEN 1 ELSE 0 END)) / 400::DOUBLE) * 400::DOUBLE)) / 100::DOUBLE) + FLOOR((153::DOUBLE * (hs_mo6 + CASE WHEN hs_mo6 > 2 THEN -3 ELSE 9 END) + 2) / 5::DOUBLE) + hs_dd6 - 1 - 719468 END AS hs_day6
  FROM hs__2
),
hs__4 AS (
  SELECT *,
    CASE WHEN hs_m0 THEN NULL WHEN hs_n0 IS NOT NULL THEN CASE WHEN ABS(hs_n0) <= 1000000000000000::DOUBLE THEN hs_n0 END ELSE hs_b0 END AS hs_r0m0v,
    CASE WHEN hs_m0 THEN NULL WHEN hs_n0 IS NOT NULL THEN CASE WHEN ABS(hs_n0) > 1000000000000000::DOUBLE THEN '"' || CASE WHEN LENGTH(hs_c0) > 40 THEN SUBSTR(hs_c0, 1, 39) || '…' ELSE hs_c0 END || '"' || ' is too large to score' END WHEN hs_b0 IS NULL THEN '"' || CASE WHEN LENGTH(hs_c0) > 40 THEN SUBSTR(hs_c0, 1, 39) || '…' ELSE hs_c0 END || '"' || '' || CASE WHEN (REGEXP_LIKE(hs_c0, $$[+-]?[\s   -     　﻿]*[$€£¥]?[\s   -     　﻿]*[(+-][\s   -     　﻿]*[$€£¥]?[\s   -     　﻿]*[(+-]?[\s   -     　﻿]*[0-9.].*$$) AND REGEXP_LIKE(hs_c0, $$.*[-+(].*[-+(].*$$)) THEN ' is not a number: a number carries at most one sign' ELSE ' is not a number' END END AS hs_r0m0x,
    CASE WHEN hs_m1 THEN NULL WHEN hs_n1 IS NOT NULL THEN CASE WHEN ABS(hs_n1) <= 1000000000000000::DOUBLE THEN hs_n1 END ELSE hs_b1 END AS hs_r0m1v,
    CASE WHEN hs_m1 THEN NULL WHEN hs_n1 IS NOT NULL THEN CASE WHEN ABS(hs_n1) > 1000000000000000::DOUBLE THEN '"' || CASE WHEN LENGTH(hs_c1) > 40 THEN SUBSTR(hs_c1, 1, 39) || '…' ELSE hs_c1 END || '"' || ' is too large to score' END WHEN hs_b1 IS NULL THEN '"' || CASE WHEN LENGTH(hs_c1) > 40 THEN SUBSTR(hs_c1, 1, 39) || '…' ELSE hs_c1 END || '"' || '' || CASE WHEN (REGEXP_LIKE(hs_c1, $$[+-]?[\s   -     　﻿]*[$€£¥]?[\s   -     　﻿]*[(+-][\s   -     　﻿]*[$€£¥]?[\s   -     　﻿]*[(+-]?[\s   -     　﻿]*[0-9.].*$$) AND REGEXP_LIKE(hs_c1, $$.*[-+(].*[-+(].*$$)) THEN ' is not a number: a number carries at most one sign' ELSE ' is not a number' END END AS hs_r0m1x,
    CASE WHEN NOT hs_m2 THEN CASE WHEN 20783::DOUBLE - hs_day2 < 0 THEN 0::DOUBLE ELSE 20783::DOUBLE - hs_day2 END END AS hs_r0m2v,
    CASE WHEN NOT hs_m2 AND hs_day2 IS NULL THEN '"' || CASE WHEN LENGTH(hs_c2) > 40 THEN SUBSTR(hs_c2, 1, 39) || '…' ELSE hs_c2 END || '"' || ' is not a date (use YYYY-MM-DD)' END AS hs_r0m2x,
    CASE WHEN hs_m3 THEN NULL WHEN hs_n3 IS NOT NULL THEN CASE WHEN ABS(hs_n3) <= 1000000000000000::DOUBLE THEN hs_n3 END ELSE hs_b3 END AS hs_r0m3v,
    CASE WHEN hs_m3 THEN NULL WHEN hs_n3 IS NOT NULL THEN CASE WHEN ABS(hs_n3) > 1000000000000000::DOUBLE THEN '"' || CASE WHEN LENGTH(hs_c3) > 40 THEN SUBSTR(hs_c3, 1, 39) || '…' ELSE hs_c3 END || '"' || ' is too large to score' END WHEN hs_b3 IS NULL THEN '"' || CASE WHEN LENGTH(hs_c3) > 40 THEN SUBSTR(hs_c3, 1, 39) || '…' ELSE hs_c3 END || '"' || '' || CASE WHEN (REGEXP_LIKE(hs_c3, $$[+-]?[\s   -     　﻿]*[$€£¥]?[\s   -     　﻿]*[(+-][\s   -     　﻿]*[$€£¥]?[\s   -     　﻿]*[(+-]?[\s   -     　﻿]*[0-9.].*$$) AND REGEXP_LIKE(hs_c3, $$.*[-+(].*[-+(].*$$)) THEN ' is not a number: a number carries at most one sign' ELSE ' is not a number' END END AS hs_r0m3x,
    CASE WHEN hs_m4 THEN NULL WHEN hs_n4 IS NOT NULL THEN CASE WHEN ABS(hs_n4) <= 1000000000000000::DOUBLE THEN hs_n4 END ELSE hs_b4 END AS hs_r0m4v,
    CASE WHEN hs_m4 THEN NULL WHEN hs_n4 IS NOT NULL THEN CASE WHEN ABS(hs_n4) > 1000000000000000::DOUBLE THEN '"' || CASE WHEN LENGTH(hs_c4) > 40 THEN SUBSTR(hs_c4, 1, 39) || '…' ELSE hs_c4 END || '"' || ' is too large to score' END WHEN hs_b4 IS NULL THEN '"' || CASE WHEN LENGTH(hs_c4) > 40 THEN SUBSTR(hs_c4, 1, 39) || '…' ELSE hs_c4 END || '"' || '' || CASE WHEN (REGEXP_LIKE(hs_c4, $$[+-]?[\s   -     　﻿]*[$€£¥]?[\s   -     　﻿]*[(+-][\s   -     　﻿]*[$€£¥]?[\s   -     　﻿]*[(+-]?[\s   -     　﻿]*[0-9.].*$$) AND REGEXP_LIKE(hs_c4, $$.*[-+(].*[-+(].*$$)) THEN ' is not a number: a number carries at most one sign' ELSE ' is not a number' END END AS hs_r0m4x,
    CASE WHEN hs_m5 THEN NULL WHEN hs_n5 IS NOT NULL THEN CASE WHEN ABS(hs_n5) <= 1000000000000000::DOUBLE THEN hs_n5 END ELSE hs_b5 END AS hs_r0m5v,
    CASE WHEN hs_m5 THEN NULL WHEN hs_n5 IS NOT NULL THEN CASE WHEN ABS(hs_n5) > 1000000000000000::DOUBLE THEN '"' || CASE WHEN LENGTH(hs_c5) > 40 THEN SUBSTR(hs_c5, 1, 39) || '…' ELSE hs_c5 END || '"' || ' is too large to score' END WHEN hs_b5 IS NULL THEN '"' || CASE WHEN LENGTH(hs_c5) > 40 THEN SUBSTR(hs_c5, 1, 39) || '…' ELSE hs_c5 END || '"' || '' || CASE WHEN (REGEXP_LIKE(hs_c5, $$[+-]?[\s   -     　﻿]*[$€£¥]?[\s   -     　﻿]*[(+-][\s   -     　﻿]*[$€£¥]?[\s   -     　﻿]*[(+-]?[\s   -     　﻿]*[0-9.].*$$) AND REGEXP_LIKE(hs_c5, $$.*[-+(].*[-+(].*$$)) THEN ' is not a number: a number carries at most one sign' ELSE ' is not a number' END END AS hs_r0m5x,
    CASE WHEN NOT hs_m6 THEN CASE WHEN 20783::DOUBLE - hs_day6 < 0 THEN 0::DOUBLE ELSE 20783::DOUBLE - hs_day6 END END AS hs_r0m6v,
    CASE WHEN NOT hs_m6 AND hs_day6 IS NULL THEN '"' || CASE WHEN LENGTH(hs_c6) > 40 THEN SUBSTR(hs_c6, 1, 39) || '…' ELSE hs_c6 END || '"' || ' is not a date (use YYYY-MM-DD)' END AS hs_r0m6x,
    CASE WHEN NOT hs_m7 THEN CASE hs_y7 WHEN 1 THEN 'true' WHEN 0 THEN 'false' END END AS hs_r0m7t,
    CASE WHEN NOT hs_m7 AND hs_y7 IS NULL THEN '"' || CASE WHEN LENGTH(hs_c7) > 40 THEN SUBSTR(hs_c7, 1, 39) || '…' ELSE hs_c7 END || '"' || ' is not yes or no (TRUE/FALSE, yes/no, y/n or 1/0)' END AS hs_r0m7x,
    CASE WHEN NOT hs_m8 THEN hs_c8 END AS hs_r0m8t,
    COALESCE(hs_y9 = 1, FALSE) AS hs_r0f0,
    COALESCE(POSITION('acquired', LOWER(COALESCE(hs_c10, ''))) > 0, FALSE) AS hs_r0f1,
    COALESCE(POSITION('budget cut', LOWER(COALESCE(hs_c10, ''))) > 0, FALSE) AS hs_r0f2,
    COALESCE(hs_n3 IS NOT NULL AND hs_n3 >= 60::DOUBLE, FALSE) AS hs_r0f3,
    COALESCE(hs_y11 = 1, FALSE) AS hs_r0f4,
    COALESCE(POSITION('reference', LOWER(COALESCE(hs_c10, ''))) > 0, FALSE) AS hs_r0f5,
    CASE WHEN NOT hs_m9 AND hs_y9 IS NULL THEN '"' || CASE WHEN LENGTH(hs_c9) > 40 THEN SUBSTR(hs_c9, 1, 39) || '…' ELSE hs_c9 END || '"' || ' is not yes or no (TRUE/FALSE, yes/no, y/n or 1/0)' END AS hs_r0f0x,
    CASE WHEN NOT hs_m11 AND hs_y11 IS NULL THEN '"' || CASE WHEN LENGTH(hs_c11) > 40 THEN SUBSTR(hs_c11, 1, 39) || '…' ELSE hs_c11 END || '"' || ' is not yes or no (TRUE/FALSE, yes/no, y/n or 1/0)' END AS hs_r0f4x
  FROM hs__3
),
hs__5 AS (
  SELECT *,
    CASE WHEN hs_r0m0v IS NOT NULL THEN 1 ELSE 0 END AS hs_r0m0p,
    CASE WHEN hs_r0m0v IS NOT NULL THEN CASE WHEN CASE WHEN (hs_r0m0v - 0.1::DOUBLE) / '0.7000000000000001'::DOUBLE > 1::DOUBLE THEN 1::DOUBLE WHEN (hs_r0m0v - 0.1::DOUBLE) / '0.7000000000000001'::DOUBLE < 0::DOUBLE THEN 0::DOUBLE ELSE (hs_r0m0v - 0.1::DOUBLE) / '0.7000000000000001'::DOUBLE END * 100::DOUBLE > 100::DOUBLE THEN 100::DOUBLE WHEN CASE WHEN (hs_r0m0v - 0.1::DOUBLE) / '0.7000000000000001'::DOUBLE > 1::DOUBLE THEN 1::DOUBLE WHEN (hs_r0m0v - 0.1::DOUBLE) / '0.7000000000000001'::DOUBLE < 0::DOUBLE THEN 0::DOUBLE ELSE (hs_r0m0v - 0.1::DOUBLE) / '0.7000000000000001'::DOUBLE END * 100::DOUBLE < 0::DOUBLE THEN 0::DOUBLE ELSE CASE WHEN (hs_r0m0v - 0.1::DOUBLE) / '0.7000000000000001'::DOUBLE > 1::DOUBLE THEN 1::DOUBLE WHEN (hs_r0m0v - 0.1::DOUBLE) / '0.7000000000000001'::DOUBLE < 0::DOUBLE THEN 0::DOUBLE ELSE (hs_r0m0v - 0.1::DOUBLE) / '0.7000000000000001'::DOUBLE END * 100::DOUBLE END ELSE NULL END AS hs_r0m0s,
    CASE WHEN ABS(hs_r0m0v) <= 1000000000000000::DOUBLE THEN FLOOR(hs_r0m0v * 100::DOUBLE + 0.5::DOUBLE) END AS hs_r0m0c,
    CASE WHEN hs_r0m1v IS NOT NULL THEN 1 ELSE 0 END AS hs_r0m1p,
    CASE WHEN hs_r0m1v IS NOT NULL THEN CASE WHEN CASE WHEN (hs_r0m1v - 0::DOUBLE) / 8::DOUBLE > 1::DOUBLE THEN 1::DOUBLE WHEN (hs_r0m1v - 0::DOUBLE) / 8::DOUBLE < 0::DOUBLE THEN 0::DOUBLE ELSE (hs_r0m1v - 0::DOUBLE) / 8::DOUBLE END * 100::DOUBLE > 100::DOUBLE THEN 100::DOUBLE WHEN CASE WHEN (hs_r0m1v - 0::DOUBLE) / 8::DOUBLE > 1::DOUBLE THEN 1::DOUBLE WHEN (hs_r0m1v - 0::DOUBLE) / 8::DOUBLE < 0::DOUBLE THEN 0::DOUBLE ELSE (hs_r0m1v - 0::DOUBLE) / 8::DOUBLE END * 100::DOUBLE < 0::DOUBLE THEN 0::DOUBLE ELSE CASE WHEN (hs_r0m1v - 0::DOUBLE) / 8::DOUBLE > 1::DOUBLE THEN 1::DOUBLE WHEN (hs_r0m1v - 0::DOUBLE) / 8::DOUBLE < 0::DOUBLE THEN 0::DOUBLE ELSE (hs_r0m1v - 0::DOUBLE) / 8::DOUBLE END * 100::DOUBLE END ELSE NULL END AS hs_r0m1s,
    CASE WHEN ABS(hs_r0m1v) <= 1000000000000000::DOUBLE THEN FLOOR(hs_r0m1v * 100::DOUBLE + 0.5::DOUBLE) END AS hs_r0m1c,
    CASE WHEN hs_r0m2v IS NOT NULL THEN 1 ELSE 0 END AS hs_r0m2p,
    CASE WHEN hs_r0m2v IS NOT NULL THEN CASE WHEN CASE WHEN hs_r0m2v <= 7::DOUBLE THEN 100::DOUBLE WHEN hs_r0m2v <= 14::DOUBLE THEN 70::DOUBLE WHEN hs_r0m2v <= 30::DOUBLE THEN 30::DOUBLE ELSE 0::DOUBLE END > 100::DOUBLE THEN 100::DOUBLE WHEN CASE WHEN hs_r0m2v <= 7::DOUBLE THEN 100::DOUBLE WHEN hs_r0m2v <= 14::DOUBLE THEN 70::DOUBLE WHEN hs_r0m2v <= 30::DOUBLE THEN 30::DOUBLE ELSE 0::DOUBLE END < 0::DOUBLE THEN 0::DOUBLE ELSE CASE WHEN hs_r0m2v <= 7::DOUBLE THEN 100::DOUBLE WHEN hs_r0m2v <= 14::DOUBLE THEN 70::DOUBLE WHEN hs_r0m2v <= 30::DOUBLE THEN 30::DOUBLE ELSE 0::DOUBLE END END ELSE NULL END AS hs_r0m2s,
    CASE WHEN ABS(hs_r0m2v) <= 1000000000000000::DOUBLE THEN FLOOR(hs_r0m2v * 100::DOUBLE + 0.5::DOUBLE) END AS hs_r0m2c,
    CASE WHEN hs_r0m3v IS NOT NULL THEN 1 ELSE 0 END AS hs_r0m3p,
    CASE WHEN hs_r0m3v IS NOT NULL THEN CASE WHEN CASE WHEN hs_r0m3v <= 0::DOUBLE THEN 100::DOUBLE WHEN hs_r0m3v <= 15::DOUBLE THEN 70::DOUBLE WHEN hs_r0m3v <= 30::DOUBLE THEN 40::DOUBLE ELSE 0::DOUBLE END > 100::DOUBLE THEN 100::DOUBLE WHEN CASE WHEN hs_r0m3v <= 0::DOUBLE THEN 100::DOUBLE WHEN hs_r0m3v <= 15::DOUBLE THEN 70::DOUBLE WHEN hs_r0m3v <= 30::DOUBLE THEN 40::DOUBLE ELSE 0::DOUBLE END < 0::DOUBLE THEN 0::DOUBLE ELSE CASE WHEN hs_r0m3v <= 0::DOUBLE THEN 100::DOUBLE WHEN hs_r0m3v <= 15::DOUBLE THEN 70::DOUBLE WHEN hs_r0m3v <= 30::DOUBLE THEN 40::DOUBLE ELSE 0::DOUBLE END END ELSE NULL END AS hs_r0m3s,
    CASE WHEN ABS(hs_r0m3v) <= 1000000000000000::DOUBLE THEN FLOOR(hs_r0m3v * 100::DOUBLE + 0.5::DOUBLE) END AS hs_r0m3c,
    CASE WHEN hs_r0m4v IS NOT NULL THEN 1 ELSE 0 END AS hs_r0m4p,
    CASE WHEN hs_r0m4v IS NOT NULL THEN CASE WHEN CASE WHEN hs_r0m4v <= 0::DOUBLE THEN 100::DOUBLE WHEN hs_r0m4v <= 2::DOUBLE THEN 50::DOUBLE ELSE 0::DOUBLE END > 100::DOUBLE THEN 100::DOUBLE WHEN CASE WHEN hs_r0m4v <= 0::DOUBLE THEN 100::DOUBLE WHEN hs_r0m4v <= 2::DOUBLE THEN 50::DOUBLE ELSE 0::DOUBLE END < 0::DOUBLE THEN 0::DOUBLE ELSE CASE WHEN hs_r0m4v <= 0::DOUBLE THEN 100::DOUBLE WHEN hs_r0m4v <= 2::DOUBLE THEN 50::DOUBLE ELSE 0::DOUBLE END END ELSE NULL END AS hs_r0m4s,
    CASE WHEN ABS(hs_r0m4v) <= 1000000000000000::DOUBLE THEN FLOOR(hs_r0m4v * 100::DOUBLE + 0.5::DOUBLE) END AS hs_r0m4c,
    CASE WHEN hs_r0m5v IS NOT NULL THEN 1 ELSE 0 END AS hs_r0m5p,
    CASE WHEN hs_r0m5v IS NOT NULL THEN CASE WHEN CASE WHEN (hs_r0m5v - 1::DOUBLE) / 4::DOUBLE > 1::DOUBLE THEN 1::DOUBLE WHEN (hs_r0m5v - 1::DOUBLE) / 4::DOUBLE < 0::DOUBLE THEN 0::DOUBLE ELSE (hs_r0m5v - 1::DOUBLE) / 4::DOUBLE END * 100::DOUBLE > 100::DOUBLE THEN 100::DOUBLE WHEN CASE WHEN (hs_r0m5v - 1::DOUBLE) / 4::DOUBLE > 1::DOUBLE THEN 1::DOUBLE WHEN (hs_r0m5v - 1::DOUBLE) / 4::DOUBLE < 0::DOUBLE THEN 0::DOUBLE ELSE (hs_r0m5v - 1::DOUBLE) / 4::DOUBLE END * 100::DOUBLE < 0::DOUBLE THEN 0::DOUBLE ELSE CASE WHEN (hs_r0m5v - 1::DOUBLE) / 4::DOUBLE > 1::DOUBLE THEN 1::DOUBLE WHEN (hs_r0m5v - 1::DOUBLE) / 4::DOUBLE < 0::DOUBLE THEN 0::DOUBLE ELSE (hs_r0m5v - 1::DOUBLE) / 4::DOUBLE END * 100::DOUBLE END ELSE NULL END AS hs_r0m5s,
    CASE WHEN ABS(hs_r0m5v) <= 1000000000000000::DOUBLE THEN FLOOR(hs_r0m5v * 100::DOUBLE + 0.5::DOUBLE) END AS hs_r0m5c,
    CASE WHEN hs_r0m6v IS NOT NULL THEN 1 ELSE 0 END AS hs_r0m6p,
    CASE WHEN hs_r0m6v IS NOT NULL THEN CASE WHEN CASE WHEN (hs_r0m6v - 90::DOUBLE) / -76::DOUBLE > 1::DOUBLE THEN 1::DOUBLE WHEN (hs_r0m6v - 90::DOUBLE) / -76::DOUBLE < 0::DOUBLE THEN 0::DOUBLE ELSE (hs_r0m6v - 90::DOUBLE) / -76::DOUBLE END * 100::DOUBLE > 100::DOUBLE THEN 100::DOUBLE WHEN CASE WHEN (hs_r0m6v - 90::DOUBLE) / -76::DOUBLE > 1::DOUBLE THEN 1::DOUBLE WHEN (hs_r0m6v - 90::DOUBLE) / -76::DOUBLE < 0::DOUBLE THEN 0::DOUBLE ELSE (hs_r0m6v - 90::DOUBLE) / -76::DOUBLE END * 100::DOUBLE < 0::DOUBLE THEN 0::DOUBLE ELSE CASE WHEN (hs_r0m6v - 90::DOUBLE) / -76::DOUBLE > 1::DOUBLE THEN 1::DOUBLE WHEN (hs_r0m6v - 90::DOUBLE) / -76::DOUBLE < 0::DOUBLE THEN 0::DOUBLE ELSE (hs_r0m6v - 90::DOUBLE) / -76::DOUBLE END * 100::DOUBLE END ELSE NULL END AS hs_r0m6s,
    CASE WHEN ABS(hs_r0m6v) <= 1000000000000000::DOUBLE THEN FLOOR(hs_r0m6v * 100::DOUBLE + 0.5::DOUBLE) END AS hs_r0m6c,
    CASE WHEN hs_r0m7t IS NOT NULL THEN 1 ELSE 0 END AS hs_r0m7p,
    CASE WHEN hs_r0m7t IS NOT NULL THEN CASE WHEN CASE WHEN LOWER(hs_r0m7t) = 'true' THEN 100::DOUBLE WHEN LOWER(hs_r0m7t) = 'false' THEN 30::DOUBLE ELSE 0::DOUBLE END > 100::DOUBLE THEN 100::DOUBLE WHEN CASE WHEN LOWER(hs_r0m7t) = 'true' THEN 100::DOUBLE WHEN LOWER(hs_r0m7t) = 'false' THEN 30::DOUBLE ELSE 0::DOUBLE END < 0::DOUBLE THEN 0::DOUBLE ELSE CASE WHEN LOWER(hs_r0m7t) = 'true' THEN 100::DOUBLE WHEN LOWER(hs_r0m7t) = 'false' THEN 30::DOUBLE ELSE 0::DOUBLE END END ELSE NULL END AS hs_r0m7s,
    CASE WHEN hs_r0m8t IS NOT NULL THEN 1 ELSE 0 END AS hs_r0m8p,
    CASE WHEN hs_r0m8t IS NOT NULL THEN CASE WHEN CASE WHEN LOWER(hs_r0m8t) = 'funding round' THEN 100::DOUBLE WHEN LOWER(hs_r0m8t) = 'hiring' THEN 90::DOUBLE WHEN LOWER(hs_r0m8t) = 'expansion' THEN 90::DOUBLE WHEN LOWER(hs_r0m8t) = 'new ceo' THEN 40::DOUBLE WHEN LOWER(hs_r0m8t) = 'layoffs' THEN 20::DOUBLE ELSE 50::DOUBLE END > 100::DOUBLE THEN 100::DOUBLE WHEN CASE WHEN LOWER(hs_r0m8t) = 'funding round' THEN 100::DOUBLE WHEN LOWER(hs_r0m8t) = 'hiring' THEN 90::DOUBLE WHEN LOWER(hs_r0m8t) = 'expansion' THEN 90::DOUBLE WHEN LOWER(hs_r0m8t) = 'new ceo' THEN 40::DOUBLE WHEN LOWER(hs_r0m8t) = 'layoffs' THEN 20::DOUBLE ELSE 50::DOUBLE END < 0::DOUBLE THEN 0::DOUBLE ELSE CASE WHEN LOWER(hs_r0m8t) = 'funding round' THEN 100::DOUBLE WHEN LOWER(hs_r0m8t) = 'hiring' THEN 90::DOUBLE WHEN LOWER(hs_r0m8t) = 'expansion' THEN 90::DOUBLE WHEN LOWER(hs_r0m8t) = 'new ceo' THEN 40::DOUBLE WHEN LOWER(hs_r0m8t) = 'layoffs' THEN 20::DOUBLE ELSE 50::DOUBLE END END ELSE 50::DOUBLE END AS hs_r0m8s
  FROM hs__4
),
hs__6 AS (
  SELECT *,
    ABS(hs_r0m0c) - FLOOR(ABS(hs_r0m0c) / 100::DOUBLE) * 100::DOUBLE AS hs_r0m0f,
    ABS(hs_r0m1c) - FLOOR(ABS(hs_r0m1c) / 100::DOUBLE) * 100::DOUBLE AS hs_r0m1f,
    ABS(hs_r0m2c) - FLOOR(ABS(hs_r0m2c) / 100::DOUBLE) * 100::DOUBLE AS hs_r0m2f,
    ABS(hs_r0m3c) - FLOOR(ABS(hs_r0m3c) / 100::DOUBLE) * 100::DOUBLE AS hs_r0m3f,
    ABS(hs_r0m4c) - FLOOR(ABS(hs_r0m4c) / 100::DOUBLE) * 100::DOUBLE AS hs_r0m4f,
    ABS(hs_r0m5c) - FLOOR(ABS(hs_r0m5c) / 100::DOUBLE) * 100::DOUBLE AS hs_r0m5f,
    ABS(hs_r0m6c) - FLOOR(ABS(hs_r0m6c) / 100::DOUBLE) * 100::DOUBLE AS hs_r0m6f,
    COALESCE(2::DOUBLE * hs_r0m0s, 0::DOUBLE) + COALESCE(2::DOUBLE * hs_r0m1s, 0::DOUBLE) + COALESCE(1::DOUBLE * hs_r0m2s, 0::DOUBLE) AS hs_r0g0s,
    CASE WHEN hs_r0m0s IS NULL THEN 0::DOUBLE ELSE 2::DOUBLE END + CASE WHEN hs_r0m1s IS NULL THEN 0::DOUBLE ELSE 2::DOUBLE END + CASE WHEN hs_r0m2s IS NULL THEN 0::DOUBLE ELSE 1::DOUBLE END AS hs_r0g0w,
    CASE WHEN hs_r0m0p = 1 OR hs_r0m1p = 1 OR hs_r0m2p = 1 THEN 1 ELSE 0 END AS hs_r0g0p,
    COALESCE(1::DOUBLE * hs_r0m3s, 0::DOUBLE) AS hs_r0g1s,
    CASE WHEN hs_r0m3s IS NULL THEN 0::DOUBLE ELSE 1::DOUBLE END AS hs_r0g1w,
    CASE WHEN hs_r0m3p = 1 THEN 1 ELSE 0 END AS hs_r0g1p,
    COALESCE(1::DOUBLE * hs_r0m4s, 0::DOUBLE) + COALESCE(1::DOUBLE * hs_r0m5s, 0::DOUBLE) AS hs_r0g2s,
    CASE WHEN hs_r0m4s IS NULL THEN 0::DOUBLE ELSE 1::DOUBLE END + CASE WHEN hs_r0m5s IS NULL THEN 0::DOUBLE ELSE 1::DOUBLE END AS hs_r0g2w,
    CASE WHEN hs_r0m4p = 1 OR hs_r0m5p = 1 THEN 1 ELSE 0 END AS hs_r0g2p,
    COALESCE(1::DOUBLE * hs_r0m6s, 0::DOUBLE) + COALESCE(1::DOUBLE * hs_r0m7s, 0::DOUBLE) AS hs_r0g3s,
    CASE WHEN hs_r0m6s IS NULL THEN 0::DOUBLE ELSE 1::DOUBLE END + CASE WHEN hs_r0m7s IS NULL THEN 0::DOUBLE ELSE 1::DOUBLE END AS hs_r0g3w,
    CASE WHEN hs_r0m6p = 1 OR hs_r0m7p = 1 THEN 1 ELSE 0 END AS hs_r0g3p,
    COALESCE(1::DOUBLE * hs_r0m8s, 0::DOUBLE) AS hs_r0g4s,
    CASE WHEN hs_r0m8s IS NULL THEN 0::DOUBLE ELSE 1::DOUBLE END AS hs_r0g4w,
    CASE WHEN hs_r0m8p = 1 THEN 1 ELSE 0 END AS hs_r0g4p,
    CASE WHEN hs_r0m0p = 1 OR hs_r0m1p = 1 OR hs_r0m2p = 1 OR hs_r0m3p = 1 OR hs_r0m4p = 1 OR hs_r0m5p = 1 OR hs_r0m6p = 1 OR hs_r0m7p = 1 OR hs_r0m8p = 1 THEN 1 ELSE 0 END AS hs_r0p,
    CASE WHEN hs_r0m0p = 1 THEN '0.13999999999999999'::DOUBLE ELSE 0::DOUBLE END + CASE WHEN hs_r0m1p = 1 THEN '0.13999999999999999'::DOUBLE ELSE 0::DOUBLE END + CASE WHEN hs_r0m2p = 1 THEN '0.06999999999999999'::DOUBLE ELSE 0::DOUBLE END + CASE WHEN hs_r0m3p = 1 THEN 0.2::DOUBLE ELSE 0::DOUBLE END + CASE WHEN hs_r0m4p = 1 THEN 0.075::DOUBLE ELSE 0::DOUBLE END + CASE WHEN hs_r0m5p = 1 THEN 0.075::DOUBLE ELSE 0::DOUBLE END + CASE WHEN hs_r0m6p = 1 THEN 0.1::DOUBLE ELSE 0::DOUBLE END + CASE WHEN hs_r0m7p = 1 THEN 0.1::DOUBLE ELSE 0::DOUBLE END + CASE WHEN hs_r0m8p = 1 THEN 0.1::DOUBLE ELSE 0::DOUBLE END AS hs_r0cov
  FROM hs__5
),
hs__7 AS (
  SELECT *,
    CASE WHEN hs_r0m0p = 1 THEN CASE WHEN hs_r0m0c IS NULL THEN CAST(hs_r0m0v AS VARCHAR) ELSE CASE WHEN hs_r0m0c < 0 THEN '-' ELSE '' END || CAST(CAST(FLOOR(ABS(hs_r0m0c) / 100::DOUBLE) AS BIGINT) AS VARCHAR) || CASE WHEN hs_r0m0f = 0 THEN '' WHEN hs_r0m0f - FLOOR(hs_r0m0f / 10::DOUBLE) * 10::DOUBLE = 0 THEN '.' || CAST(CAST(hs_r0m0f / 10::DOUBLE AS BIGINT) AS VARCHAR) WHEN hs_r0m0f < 10 THEN '.0' || CAST(CAST(hs_r0m0f AS BIGINT) AS VARCHAR) ELSE '.' || CAST(CAST(hs_r0m0f AS BIGINT) AS VARCHAR) END END ELSE 'missing' END AS hs_r0m0w,
    CASE WHEN hs_r0m1p = 1 THEN CASE WHEN hs_r0m1c IS NULL THEN CAST(hs_r0m1v AS VARCHAR) ELSE CASE WHEN hs_r0m1c < 0 THEN '-' ELSE '' END || CAST(CAST(FLOOR(ABS(hs_r0m1c) / 100::DOUBLE) AS BIGINT) AS VARCHAR) || CASE WHEN hs_r0m1f = 0 THEN '' WHEN hs_r0m1f - FLOOR(hs_r0m1f / 10::DOUBLE) * 10::DOUBLE = 0 THEN '.' || CAST(CAST(hs_r0m1f / 10::DOUBLE AS BIGINT) AS VARCHAR) WHEN hs_r0m1f < 10 THEN '.0' || CAST(CAST(hs_r0m1f AS BIGINT) AS VARCHAR) ELSE '.' || CAST(CAST(hs_r0m1f AS BIGINT) AS VARCHAR) END END ELSE 'missing' END AS hs_r0m1w,
    CASE WHEN hs_r0m2p = 1 THEN CASE WHEN hs_r0m2c IS NULL THEN CAST(hs_r0m2v AS VARCHAR) ELSE CASE WHEN hs_r0m2c < 0 THEN '-' ELSE '' END || CAST(CAST(FLOOR(ABS(hs_r0m2c) / 100::DOUBLE) AS BIGINT) AS VARCHAR) || CASE WHEN hs_r0m2f = 0 THEN '' WHEN hs_r0m2f - FLOOR(hs_r0m2f / 10::DOUBLE) * 10::DOUBLE = 0 THEN '.' || CAST(CAST(hs_r0m2f / 10::DOUBLE AS BIGINT) AS VARCHAR) WHEN hs_r0m2f < 10 THEN '.0' || CAST(CAST(hs_r0m2f AS BIGINT) AS VARCHAR) ELSE '.' || CAST(CAST(hs_r0m2f AS BIGINT) AS VARCHAR) END END ELSE 'missing' END AS hs_r0m2w,
    CASE WHEN hs_r0m3p = 1 THEN CASE WHEN hs_r0m3c IS NULL THEN CAST(hs_r0m3v AS VARCHAR) ELSE CASE WHEN hs_r0m3c < 0 THEN '-' ELSE '' END || CAST(CAST(FLOOR(ABS(hs_r0m3c) / 100::DOUBLE) AS BIGINT) AS VARCHAR) || CASE WHEN hs_r0m3f = 0 THEN '' WHEN hs_r0m3f - FLOOR(hs_r0m3f / 10::DOUBLE) * 10::DOUBLE = 0 THEN '.' || CAST(CAST(hs_r0m3f / 10::DOUBLE AS BIGINT) AS VARCHAR) WHEN hs_r0m3f < 10 THEN '.0' || CAST(CAST(hs_r0m3f AS BIGINT) AS VARCHAR) ELSE '.' || CAST(CAST(hs_r0m3f AS BIGINT) AS VARCHAR) END END ELSE 'missing' END AS hs_r0m3w,
    CASE WHEN hs_r0m4p = 1 THEN CASE WHEN hs_r0m4c IS NULL THEN CAST(hs_r0m4v AS VARCHAR) ELSE CASE WHEN hs_r0m4c < 0 THEN '-' ELSE '' END || CAST(CAST(FLOOR(ABS(hs_r0m4c) / 100::DOUBLE) AS BIGINT) AS VARCHAR) || CASE WHEN hs_r0m4f = 0 THEN '' WHEN hs_r0m4f - FLOOR(hs_r0m4f / 10::DOUBLE) * 10::DOUBLE = 0 THEN '.' || CAST(CAST(hs_r0m4f / 10::DOUBLE AS BIGINT) AS VARCHAR) WHEN hs_r0m4f < 10 THEN '.0' || CAST(CAST(hs_r0m4f AS BIGINT) AS VARCHAR) ELSE '.' || CAST(CAST(hs_r0m4f AS BIGINT) AS VARCHAR) END END ELSE 'missing' END AS hs_r0m4w,
    CASE WHEN hs_r0m5p = 1 THEN CASE WHEN hs_r0m5c IS NULL THEN CAST(hs_r0m5v AS VARCHAR) ELSE CASE WHEN hs_r0m5c < 0 THEN '-' ELSE '' END || CAST(CAST(FLOOR(ABS(hs_r0m5c) / 100::DOUBLE) AS BIGINT) AS VARCHAR) || CASE WHEN hs_r0m5f = 0 THEN '' WHEN hs_r0m5f - FLOOR(hs_r0m5f / 10::DOUBLE) * 10::DOUBLE = 0 THEN '.' || CAST(CAST(hs_r0m5f / 10::DOUBLE AS BIGINT) AS VARCHAR) WHEN hs_r0m5f < 10 THEN '.0' || CAST(CAST(hs_r0m5f AS BIGINT) AS VARCHAR) ELSE '.' || CAST(CAST(hs_r0m5f AS BIGINT) AS VARCHAR) END END ELSE 'missing' END AS hs_r0m5w,
    CASE WHEN hs_r0m6p = 1 THEN CASE WHEN hs_r0m6c IS NULL THEN CAST(hs_r0m6v AS VARCHAR) ELSE CASE WHEN hs_r0m6c < 0 THEN '-' ELSE '' END || CAST(CAST(FLOOR(ABS(hs_r0m6c) / 100::DOUBLE) AS BIGINT) AS VARCHAR) || CASE WHEN hs_r0m6f = 0 THEN '' WHEN hs_r0m6f - FLOOR(hs_r0m6f / 10::DOUBLE) * 10::DOUBLE = 0 THEN '.' || CAST(CAST(hs_r0m6f / 10::DOUBLE AS BIGINT) AS VARCHAR) WHEN hs_r0m6f < 10 THEN '.0' || CAST(CAST(hs_r0m6f AS BIGINT) AS VARCHAR) ELSE '.' || CAST(CAST(hs_r0m6f AS BIGINT) AS VARCHAR) END END ELSE 'missing' END AS hs_r0m6w,
    CASE WHEN hs_r0m7p = 1 THEN CASE WHEN hs_r0m7t IS NOT NULL THEN '"' || hs_r0m7t || '"' ELSE 'missing' END ELSE 'missing' END AS hs_r0m7w,
    CASE WHEN hs_r0m8p = 1 THEN CASE WHEN hs_r0m8t IS NOT NULL THEN '"' || hs_r0m8t || '"' ELSE 'missing' END ELSE 'missing' END AS hs_r0m8w,
    CASE WHEN (hs_r0g0p = 1 AND hs_r0g0w > 0) THEN 35::DOUBLE * hs_r0g0s / hs_r0g0w ELSE 0::DOUBLE END + CASE WHEN (hs_r0g1p = 1 AND hs_r0g1w > 0) THEN 20::DOUBLE * hs_r0g1s / hs_r0g1w ELSE 0::DOUBLE END + CASE WHEN (hs_r0g2p = 1 AND hs_r0g2w > 0) THEN 15::DOUBLE * hs_r0g2s / hs_r0g2w ELSE 0::DOUBLE END + CASE WHEN (hs_r0g3p = 1 AND hs_r0g3w > 0) THEN 20::DOUBLE * hs_r0g3s / hs_r0g3w ELSE 0::DOUBLE END + CASE WHEN (hs_r0g4p = 1 AND hs_r0g4w > 0) THEN 10::DOUBLE * hs_r0g4s / hs_r0g4w ELSE 0::DOUBLE END AS hs_r0tot,
    CASE WHEN (hs_r0g0p = 1 AND hs_r0g0w > 0) THEN 35::DOUBLE ELSE 0::DOUBLE END + CASE WHEN (hs_r0g1p = 1 AND hs_r0g1w > 0) THEN 20::DOUBLE ELSE 0::DOUBLE END + CASE WHEN (hs_r0g2p = 1 AND hs_r0g2w > 0) THEN 15::DOUBLE ELSE 0::DOUBLE END + CASE WHEN (hs_r0g3p = 1 AND hs_r0g3w > 0) THEN 20::DOUBLE ELSE 0::DOUBLE END + CASE WHEN (hs_r0g4p = 1 AND hs_r0g4w > 0) THEN 10::DOUBLE ELSE 0::DOUBLE END AS hs_r0wt
  FROM hs__6
),
hs__8 AS (
  SELECT *,
    CASE WHEN hs_r0p = 1 AND hs_r0wt > 0 THEN hs_r0tot / hs_r0wt END AS hs_r0raw,
    CASE WHEN (hs_r0g0p = 1 AND hs_r0g0w > 0) AND hs_r0m0s IS NOT NULL THEN -(35::DOUBLE / hs_r0wt * (2::DOUBLE / hs_r0g0w)) * (100::DOUBLE - hs_r0m0s) END AS hs_r0m0i,
    CASE WHEN (hs_r0g0p = 1 AND hs_r0g0w > 0) AND hs_r0m1s IS NOT NULL THEN -(35::DOUBLE / hs_r0wt * (2::DOUBLE / hs_r0g0w)) * (100::DOUBLE - hs_r0m1s) END AS hs_r0m1i,
    CASE WHEN (hs_r0g0p = 1 AND hs_r0g0w > 0) AND hs_r0m2s IS NOT NULL THEN -(35::DOUBLE / hs_r0wt * (1::DOUBLE / hs_r0g0w)) * (100::DOUBLE - hs_r0m2s) END AS hs_r0m2i,
    CASE WHEN (hs_r0g1p = 1 AND hs_r0g1w > 0) AND hs_r0m3s IS NOT NULL THEN -(20::DOUBLE / hs_r0wt * (1::DOUBLE / hs_r0g1w)) * (100::DOUBLE - hs_r0m3s) END AS hs_r0m3i,
    CASE WHEN (hs_r0g2p = 1 AND hs_r0g2w > 0) AND hs_r0m4s IS NOT NULL THEN -(15::DOUBLE / hs_r0wt * (1::DOUBLE / hs_r0g2w)) * (100::DOUBLE - hs_r0m4s) END AS hs_r0m4i,
    CASE WHEN (hs_r0g2p = 1 AND hs_r0g2w > 0) AND hs_r0m5s IS NOT NULL THEN -(15::DOUBLE / hs_r0wt * (1::DOUBLE / hs_r0g2w)) * (100::DOUBLE - hs_r0m5s) END AS hs_r0m5i,
    CASE WHEN (hs_r0g3p = 1 AND hs_r0g3w > 0) AND hs_r0m6s IS NOT NULL THEN -(20::DOUBLE / hs_r0wt * (1::DOUBLE / hs_r0g3w)) * (100::DOUBLE - hs_r0m6s) END AS hs_r0m6i,
    CASE WHEN (hs_r0g3p = 1 AND hs_r0g3w > 0) AND hs_r0m7s IS NOT NULL THEN -(20::DOUBLE / hs_r0wt * (1::DOUBLE / hs_r0g3w)) * (100::DOUBLE - hs_r0m7s) END AS hs_r0m7i,
    CASE WHEN (hs_r0g4p = 1 AND hs_r0g4w > 0) AND hs_r0m8s IS NOT NULL THEN -(10::DOUBLE / hs_r0wt * (1::DOUBLE / hs_r0g4w)) * (100::DOUBLE - hs_r0m8s) END AS hs_r0m8i,
    CASE WHEN hs_r0f0 THEN 39::DOUBLE WHEN hs_r0f1 THEN 39::DOUBLE WHEN hs_r0f3 THEN 39::DOUBLE WHEN hs_r0f2 THEN 59::DOUBLE END AS hs_r0cap
  FROM hs__7
),
hs__9 AS (
  SELECT *,
    CASE WHEN hs_r0f4 THEN CASE WHEN hs_r0raw + 10::DOUBLE < 0::DOUBLE THEN 0::DOUBLE WHEN hs_r0raw + 10::DOUBLE > 100::DOUBLE THEN 100::DOUBLE ELSE hs_r0raw + 10::DOUBLE END ELSE hs_r0raw END AS hs_r0a4,
    CASE WHEN hs_r0m1i < hs_r0m0i THEN 1 ELSE 0 END + CASE WHEN hs_r0m2i < hs_r0m0i THEN 1 ELSE 0 END + CASE WHEN hs_r0m3i < hs_r0m0i THEN 1 ELSE 0 END + CASE WHEN hs_r0m4i < hs_r0m0i THEN 1 ELSE 0 END + CASE WHEN hs_r0m5i < hs_r0m0i THEN 1 ELSE 0 END + CASE WHEN hs_r0m6i < hs_r0m0i THEN 1 ELSE 0 END + CASE WHEN hs_r0m7i < hs_r0m0i THEN 1 ELSE 0 END + CASE WHEN hs_r0m8i < hs_r0m0i THEN 1 ELSE 0 END AS hs_r0m0k,
    CASE WHEN hs_r0m0i <= hs_r0m1i THEN 1 ELSE 0 END + CASE WHEN hs_r0m2i < hs_r0m1i THEN 1 ELSE 0 END + CASE WHEN hs_r0m3i < hs_r0m1i THEN 1 ELSE 0 END + CASE WHEN hs_r0m4i < hs_r0m1i THEN 1 ELSE 0 END + CASE WHEN hs_r0m5i < hs_r0m1i THEN 1 ELSE 0 END + CASE WHEN hs_r0m6i < hs_r0m1i THEN 1 ELSE 0 END + CASE WHEN hs_r0m7i < hs_r0m1i THEN 1 ELSE 0 END + CASE WHEN hs_r0m8i < hs_r0m1i THEN 1 ELSE 0 END AS hs_r0m1k,
    CASE WHEN hs_r0m0i <= hs_r0m2i THEN 1 ELSE 0 END + CASE WHEN hs_r0m1i <= hs_r0m2i THEN 1 ELSE 0 END + CASE WHEN hs_r0m3i < hs_r0m2i THEN 1 ELSE 0 END + CASE WHEN hs_r0m4i < hs_r0m2i THEN 1 ELSE 0 END + CASE WHEN hs_r0m5i < hs_r0m2i THEN 1 ELSE 0 END + CASE WHEN hs_r0m6i < hs_r0m2i THEN 1 ELSE 0 END + CASE WHEN hs_r0m7i < hs_r0m2i THEN 1 ELSE 0 END + CASE WHEN hs_r0m8i < hs_r0m2i THEN 1 ELSE 0 END AS hs_r0m2k,
    CASE WHEN hs_r0m0i <= hs_r0m3i THEN 1 ELSE 0 END + CASE WHEN hs_r0m1i <= hs_r0m3i THEN 1 ELSE 0 END + CASE WHEN hs_r0m2i <= hs_r0m3i THEN 1 ELSE 0 END + CASE WHEN hs_r0m4i < hs_r0m3i THEN 1 ELSE 0 END + CASE WHEN hs_r0m5i < hs_r0m3i THEN 1 ELSE 0 END + CASE WHEN hs_r0m6i < hs_r0m3i THEN 1 ELSE 0 END + CASE WHEN hs_r0m7i < hs_r0m3i THEN 1 ELSE 0 END + CASE WHEN hs_r0m8i < hs_r0m3i THEN 1 ELSE 0 END AS hs_r0m3k,
    CASE WHEN hs_r0m0i <= hs_r0m4i THEN 1 ELSE 0 END + CASE WHEN hs_r0m1i <= hs_r0m4i THEN 1 ELSE 0 END + CASE WHEN hs_r0m2i <= hs_r0m4i THEN 1 ELSE 0 END + CASE WHEN hs_r0m3i <= hs_r0m4i THEN 1 ELSE 0 END + CASE WHEN hs_r0m5i < hs_r0m4i THEN 1 ELSE 0 END + CASE WHEN hs_r0m6i < hs_r0m4i THEN 1 ELSE 0 END + CASE WHEN hs_r0m7i < hs_r0m4i THEN 1 ELSE 0 END + CASE WHEN hs_r0m8i < hs_r0m4i THEN 1 ELSE 0 END AS hs_r0m4k,
    CASE WHEN hs_r0m0i <= hs_r0m5i THEN 1 ELSE 0 END + CASE WHEN hs_r0m1i <= hs_r0m5i THEN 1 ELSE 0 END + CASE WHEN hs_r0m2i <= hs_r0m5i THEN 1 ELSE 0 END + CASE WHEN hs_r0m3i <= hs_r0m5i THEN 1 ELSE 0 END + CASE WHEN hs_r0m4i <= hs_r0m5i THEN 1 ELSE 0 END + CASE WHEN hs_r0m6i < hs_r0m5i THEN 1 ELSE 0 END + CASE WHEN hs_r0m7i < hs_r0m5i THEN 1 ELSE 0 END + CASE WHEN hs_r0m8i < hs_r0m5i THEN 1 ELSE 0 END AS hs_r0m5k,
    CASE WHEN hs_r0m0i <= hs_r0m6i THEN 1 ELSE 0 END + CASE WHEN hs_r0m1i <= hs_r0m6i THEN 1 ELSE 0 END + CASE WHEN hs_r0m2i <= hs_r0m6i THEN 1 ELSE 0 END + CASE WHEN hs_r0m3i <= hs_r0m6i THEN 1 ELSE 0 END + CASE WHEN hs_r0m4i <= hs_r0m6i THEN 1 ELSE 0 END + CASE WHEN hs_r0m5i <= hs_r0m6i THEN 1 ELSE 0 END + CASE WHEN hs_r0m7i < hs_r0m6i THEN 1 ELSE 0 END + CASE WHEN hs_r0m8i < hs_r0m6i THEN 1 ELSE 0 END AS hs_r0m6k,
    CASE WHEN hs_r0m0i <= hs_r0m7i THEN 1 ELSE 0 END + CASE WHEN hs_r0m1i <= hs_r0m7i THEN 1 ELSE 0 END + CASE WHEN hs_r0m2i <= hs_r0m7i THEN 1 ELSE 0 END + CASE WHEN hs_r0m3i <= hs_r0m7i THEN 1 ELSE 0 END + CASE WHEN hs_r0m4i <= hs_r0m7i THEN 1 ELSE 0 END + CASE WHEN hs_r0m5i <= hs_r0m7i THEN 1 ELSE 0 END + CASE WHEN hs_r0m6i <= hs_r0m7i THEN 1 ELSE 0 END + CASE WHEN hs_r0m8i < hs_r0m7i THEN 1 ELSE 0 END AS hs_r0m7k,
    CASE WHEN hs_r0m0i <= hs_r0m8i THEN 1 ELSE 0 END + CASE WHEN hs_r0m1i <= hs_r0m8i THEN 1 ELSE 0 END + CASE WHEN hs_r0m2i <= hs_r0m8i THEN 1 ELSE 0 END + CASE WHEN hs_r0m3i <= hs_r0m8i THEN 1 ELSE 0 END + CASE WHEN hs_r0m4i <= hs_r0m8i THEN 1 ELSE 0 END + CASE WHEN hs_r0m5i <= hs_r0m8i THEN 1 ELSE 0 END + CASE WHEN hs_r0m6i <= hs_r0m8i THEN 1 ELSE 0 END + CASE WHEN hs_r0m7i <= hs_r0m8i THEN 1 ELSE 0 END AS hs_r0m8k,
    CASE WHEN hs_r0m0i + 0.5::DOUBLE < 0 THEN 'Seat utilisation ' || hs_r0m0w || ' (−' || CAST(CAST(FLOOR(ABS(hs_r0m0i) + 0.5::DOUBLE) AS BIGINT) AS VARCHAR) || ')' END AS hs_r0m0d,
    CASE WHEN hs_r0m1i + 0.5::DOUBLE < 0 THEN 'Key features used ' || hs_r0m1w || ' (−' || CAST(CAST(FLOOR(ABS(hs_r0m1i) + 0.5::DOUBLE) AS BIGINT) AS VARCHAR) || ')' END AS hs_r0m1d,
    CASE WHEN hs_r0m2i + 0.5::DOUBLE < 0 THEN 'Days since last login ' || hs_r0m2w || ' (−' || CAST(CAST(FLOOR(ABS(hs_r0m2i) + 0.5::DOUBLE) AS BIGINT) AS VARCHAR) || ')' END AS hs_r0m2d,
    CASE WHEN hs_r0m3i + 0.5::DOUBLE < 0 THEN 'Days invoice overdue ' || hs_r0m3w || ' (−' || CAST(CAST(FLOOR(ABS(hs_r0m3i) + 0.5::DOUBLE) AS BIGINT) AS VARCHAR) || ')' END AS hs_r0m3d,
    CASE WHEN hs_r0m4i + 0.5::DOUBLE < 0 THEN 'Open P1 tickets ' || hs_r0m4w || ' (−' || CAST(CAST(FLOOR(ABS(hs_r0m4i) + 0.5::DOUBLE) AS BIGINT) AS VARCHAR) || ')' END AS hs_r0m4d,
    CASE WHEN hs_r0m5i + 0.5::DOUBLE < 0 THEN 'CSAT ' || hs_r0m5w || ' (−' || CAST(CAST(FLOOR(ABS(hs_r0m5i) + 0.5::DOUBLE) AS BIGINT) AS VARCHAR) || ')' END AS hs_r0m5d,
    CASE WHEN hs_r0m6i + 0.5::DOUBLE < 0 THEN 'Days since last touchpoint ' || hs_r0m6w || ' (−' || CAST(CAST(FLOOR(ABS(hs_r0m6i) + 0.5::DOUBLE) AS BIGINT) AS VARCHAR) || ')' END AS hs_r0m6d,
    CASE WHEN hs_r0m7i + 0.5::DOUBLE < 0 THEN 'Exec sponsor ' || hs_r0m7w || ' (−' || CAST(CAST(FLOOR(ABS(hs_r0m7i) + 0.5::DOUBLE) AS BIGINT) AS VARCHAR) || ')' END AS hs_r0m7d,
    CASE WHEN hs_r0m8i + 0.5::DOUBLE < 0 THEN 'Company news ' || hs_r0m8w || ' (−' || CAST(CAST(FLOOR(ABS(hs_r0m8i) + 0.5::DOUBLE) AS BIGINT) AS VARCHAR) || ')' END AS hs_r0m8d
  FROM hs__8
),
hs__10 AS (
  SELECT *,
    CASE WHEN hs_r0f5 THEN CASE WHEN hs_r0a4 + 5::DOUBLE < 0::DOUBLE THEN 0::DOUBLE WHEN hs_r0a4 + 5::DOUBLE > 100::DOUBLE THEN 100::DOUBLE ELSE hs_r0a4 + 5::DOUBLE END ELSE hs_r0a4 END AS hs_r0a5
  FROM hs__9
),
hs__11 AS (
  SELECT *,
    CASE WHEN hs_r0a5 > hs_r0cap THEN hs_r0cap ELSE hs_r0a5 END AS hs_r0sc
  FROM hs__10
),
hs__12 AS (
  SELECT *,
    CASE WHEN hs_r0sc < 0::DOUBLE THEN 0::DOUBLE WHEN hs_r0sc > 100::DOUBLE THEN 100::DOUBLE ELSE hs_r0sc END AS hs_r0s01
  FROM hs__11
),
hs__13 AS (
  SELECT *,
    CASE WHEN hs_r0s01 < 0 THEN 0::DOUBLE - FLOOR(ABS(hs_r0s01) * 10::DOUBLE + '1e-9'::DOUBLE + 0.5::DOUBLE) / 10::DOUBLE ELSE FLOOR(ABS(hs_r0s01) * 10::DOUBLE + '1e-9'::DOUBLE + 0.5::DOUBLE) / 10::DOUBLE END AS hs_r0s
  FROM hs__12
),
hs__14 AS (
  SELECT *,
    SUBSTR(COALESCE('; ' || CASE WHEN hs_r0s IS NULL THEN CASE WHEN hs_r0p = 1 THEN 'No data: every metric with a value weighs 0 (or is in a group that does), so none counts' ELSE 'No data: no metric has a value' END END, '') || COALESCE('; ' || CASE WHEN hs_r0s IS NOT NULL THEN CASE WHEN hs_r0m0k = 0 AND hs_r0m0d IS NOT NULL THEN hs_r0m0d WHEN hs_r0m1k = 0 AND hs_r0m1d IS NOT NULL THEN hs_r0m1d WHEN hs_r0m2k = 0 AND hs_r0m2d IS NOT NULL THEN hs_r0m2d WHEN hs_r0m3k = 0 AND hs_r0m3d IS NOT NULL THEN hs_r0m3d WHEN hs_r0m4k = 0 AND hs_r0m4d IS NOT NULL THEN hs_r0m4d WHEN hs_r0m5k = 0 AND hs_r0m5d IS NOT NULL THEN hs_r0m5d WHEN hs_r0m6k = 0 AND hs_r0m6d IS NOT NULL THEN hs_r0m6d WHEN hs_r0m7k = 0 AND hs_r0m7d IS NOT NULL THEN hs_r0m7d WHEN hs_r0m8k = 0 AND hs_r0m8d IS NOT NULL THEN hs_r0m8d END END, '') || COALESCE('; ' || CASE WHEN hs_r0s IS NOT NULL THEN CASE WHEN hs_r0m0k = 1 AND hs_r0m0d IS NOT NULL THEN hs_r0m0d WHEN hs_r0m1k = 1 AND hs_r0m1d IS NOT NULL THEN hs_r0m1d WHEN hs_r0m2k = 1 AND hs_r0m2d IS NOT NULL THEN hs_r0m2d WHEN hs_r0m3k = 1 AND hs_r0m3d IS NOT NULL THEN hs_r0m3d WHEN hs_r0m4k = 1 AND hs_r0m4d IS NOT NULL THEN hs_r0m4d WHEN hs_r0m5k = 1 AND hs_r0m5d IS NOT NULL THEN hs_r0m5d WHEN hs_r0m6k = 1 AND hs_r0m6d IS NOT NULL THEN hs_r0m6d WHEN hs_r0m7k = 1 AND hs_r0m7d IS NOT NULL THEN hs_r0m7d WHEN hs_r0m8k = 1 AND hs_r0m8d IS NOT NULL THEN hs_r0m8d END END, '') || COALESCE('; ' || CASE WHEN hs_r0s IS NOT NULL THEN CASE WHEN hs_r0m0k = 2 AND hs_r0m0d IS NOT NULL THEN hs_r0m0d WHEN hs_r0m1k = 2 AND hs_r0m1d IS NOT NULL THEN hs_r0m1d WHEN hs_r0m2k = 2 AND hs_r0m2d IS NOT NULL THEN hs_r0m2d WHEN hs_r0m3k = 2 AND hs_r0m3d IS NOT NULL THEN hs_r0m3d WHEN hs_r0m4k = 2 AND hs_r0m4d IS NOT NULL THEN hs_r0m4d WHEN hs_r0m5k = 2 AND hs_r0m5d IS NOT NULL THEN hs_r0m5d WHEN hs_r0m6k = 2 AND hs_r0m6d IS NOT NULL THEN hs_r0m6d WHEN hs_r0m7k = 2 AND hs_r0m7d IS NOT NULL THEN hs_r0m7d WHEN hs_r0m8k = 2 AND hs_r0m8d IS NOT NULL THEN hs_r0m8d END END, '') || COALESCE('; ' || CASE WHEN hs_r0f0 THEN 'flag: Champion left (cap 39)' END, '') || COALESCE('; ' || CASE WHEN hs_r0f1 THEN 'flag: Acquired (cap 39)' END, '') || COALESCE('; ' || CASE WHEN hs_r0f2 THEN 'flag: Budget cut (cap 59)' END, '') || COALESCE('; ' || CASE WHEN hs_r0f3 THEN 'flag: Invoice 60+ days overdue (cap 39)' END, '') || COALESCE('; ' || CASE WHEN hs_r0f4 THEN 'flag: Case study (+10)' END, '') || COALESCE('; ' || CASE WHEN hs_r0f5 THEN 'flag: Reference customer (+5)' END, '') || COALESCE('; ' || 'Seat utilisation: ' || hs_r0m0x, '') || COALESCE('; ' || 'Key features used: ' || hs_r0m1x, '') || COALESCE('; ' || 'Last login: ' || hs_r0m2x, '') || COALESCE('; ' || 'Days invoice overdue: ' || hs_r0m3x, '') || COALESCE('; ' || 'Open P1 tickets: ' || hs_r0m4x, '') || COALESCE('; ' || 'CSAT: ' || hs_r0m5x, '') || COALESCE('; ' || 'Last touchpoint: ' || hs_r0m6x, '') || COALESCE('; ' || 'Exec sponsor: ' || hs_r0m7x, '') || COALESCE('; ' || 'Champion left: ' || hs_r0f0x, '') || COALESCE('; ' || 'Case study: ' || hs_r0f4x, ''), 3) AS hs_r0drivers,
    NULLIF(SUBSTR(COALESCE('; ' || CASE WHEN hs_r0f0 THEN 'Champion left' END, '') || COALESCE('; ' || CASE WHEN hs_r0f1 THEN 'Acquired' END, '') || COALESCE('; ' || CASE WHEN hs_r0f2 THEN 'Budget cut' END, '') || COALESCE('; ' || CASE WHEN hs_r0f3 THEN 'Invoice 60+ days overdue' END, '') || COALESCE('; ' || CASE WHEN hs_r0f4 THEN 'Case study' END, '') || COALESCE('; ' || CASE WHEN hs_r0f5 THEN 'Reference customer' END, ''), 3), '') AS hs_r0flags
  FROM hs__13
)
SELECT * EXCLUDE (hs_c0, hs_c1, hs_c2, hs_c3, hs_c4, hs_c5, hs_c6, hs_c7, hs_c8, hs_c9, hs_c10, hs_c11, hs_m0, hs_n0, hs_b0, hs_r0m0v, hs_r0m0x, hs_r0m0p, hs_r0m0s, hs_r0m0c, hs_r0m0f, hs_r0m0w, hs_m1, hs_n1, hs_b1, hs_r0m1v, hs_r0m1x, hs_r0m1p, hs_r0m1s, hs_r0m1c, hs_r0m1f, hs_r0m1w, hs_m2, hs_yr2, hs_mo2, hs_dd2, hs_day2, hs_r0m2v, hs_r0m2x, hs_r0m2p, hs_r0m2s, hs_r0m2c, hs_r0m2f, hs_r0m2w, hs_m3, hs_n3, hs_b3, hs_r0m3v, hs_r0m3x, hs_r0m3p, hs_r0m3s, hs_r0m3c, hs_r0m3f, hs_r0m3w, hs_m4, hs_n4, hs_b4, hs_r0m4v, hs_r0m4x, hs_r0m4p, hs_r0m4s, hs_r0m4c, hs_r0m4f, hs_r0m4w, hs_m5, hs_n5, hs_b5, hs_r0m5v, hs_r0m5x, hs_r0m5p, hs_r0m5s, hs_r0m5c, hs_r0m5f, hs_r0m5w, hs_m6, hs_yr6, hs_mo6, hs_dd6, hs_day6, hs_r0m6v, hs_r0m6x, hs_r0m6p, hs_r0m6s, hs_r0m6c, hs_r0m6f, hs_r0m6w, hs_m7, hs_y7, hs_r0m7t, hs_r0m7x, hs_r0m7p, hs_r0m7s, hs_r0m7w, hs_m8, hs_r0m8t, hs_r0m8p, hs_r0m8s, hs_r0m8w, hs_y9, hs_r0f0, hs_r0f1, hs_r0f2, hs_r0f3, hs_y11, hs_r0f4, hs_r0f5, hs_m9, hs_r0f0x, hs_m11, hs_r0f4x, hs_r0g0s, hs_r0g0w, hs_r0g0p, hs_r0g1s, hs_r0g1w, hs_r0g1p, hs_r0g2s, hs_r0g2w, hs_r0g2p, hs_r0g3s, hs_r0g3w, hs_r0g3p, hs_r0g4s, hs_r0g4w, hs_r0g4p, hs_r0p, hs_r0cov, hs_r0tot, hs_r0wt, hs_r0raw, hs_r0m0i, hs_r0m1i, hs_r0m2i, hs_r0m3i, hs_r0m4i, hs_r0m5i, hs_r0m6i, hs_r0m7i, hs_r0m8i, hs_r0a4, hs_r0a5, hs_r0cap, hs_r0sc, hs_r0s01, hs_r0s, hs_r0m0k, hs_r0m1k, hs_r0m2k, hs_r0m3k, hs_r0m4k, hs_r0m5k, hs_r0m6k, hs_r0m7k, hs_r0m8k, hs_r0m0d, hs_r0m1d, hs_r0m2d, hs_r0m3d, hs_r0m4d, hs_r0m5d, hs_r0m6d, hs_r0m7d, hs_r0m8d, hs_r0drivers, hs_r0flags),
  hs_r0s AS health_score,
  CASE WHEN hs_r0s IS NULL THEN 'No data' WHEN hs_r0s >= 70::DOUBLE THEN 'Green' WHEN hs_r0s >= 45::DOUBLE THEN 'Yellow' ELSE 'Red' END AS health_band,
  CASE WHEN hs_r0s IS NULL THEN '#e8eaed' WHEN hs_r0s >= 70::DOUBLE THEN '#b7e1cd' WHEN hs_r0s >= 45::DOUBLE THEN '#fce8b2' ELSE '#f4c7c3' END AS health_color,
  CASE WHEN hs_r0cov > 1 THEN 1::DOUBLE ELSE hs_r0cov END AS health_coverage,
  hs_r0flags AS health_flags,
  hs_r0drivers AS health_drivers
FROM hs__14
