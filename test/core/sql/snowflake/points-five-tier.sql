WITH hs__1 AS (
  SELECT hs__t.*,
    TRIM(CAST(hs__t."Years as customer" AS VARCHAR), CHR(9) || CHR(10) || CHR(11) || CHR(12) || CHR(13) || '                  　﻿') AS hs_c0,
    TRIM(CAST(hs__t."CSAT" AS VARCHAR), CHR(9) || CHR(10) || CHR(11) || CHR(12) || CHR(13) || '                  　﻿') AS hs_c1,
    TRIM(CAST(hs__t."Resolved tickets" AS VARCHAR), CHR(9) || CHR(10) || CHR(11) || CHR(12) || CHR(13) || '                  　﻿') AS hs_c2,
    TRIM(CAST(hs__t."Unresolved tickets" AS VARCHAR), CHR(9) || CHR(10) || CHR(11) || CHR(12) || CHR(13) || '                  　﻿') AS hs_c3,
    TRIM(CAST(hs__t."Positive reviews" AS VARCHAR), CHR(9) || CHR(10) || CHR(11) || CHR(12) || CHR(13) || '                  　﻿') AS hs_c4
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
    CASE WHEN REGEXP_LIKE(hs_c2, $$[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?0*[0-9]{1,2})?$$) AND LENGTH(hs_c2) <= 200 THEN TRY_CAST(hs_c2 AS DOUBLE)
    WHEN REGEXP_LIKE(hs_c2, $$[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?$$) THEN CASE WHEN REGEXP_LIKE(hs_c2, $$[+-]?0*[.]?0*([eE][+-]?[0-9]+)?|[^eE]*[eE]-[0-9]+$$) THEN 0::DOUBLE WHEN NOT REGEXP_LIKE(hs_c2, $$[^eE]*[eE][+]?0*([4-9][0-9]{2}|[1-9][0-9]{3,})$$) THEN 1e+300::DOUBLE END
    WHEN REGEXP_LIKE(hs_c2, $$[+-]?[(]?[\s   -     　﻿]*[$€£¥]?[\s   -     　﻿]*[+-]?([0-9]{1,3}(,[0-9]{3})+|[0-9]*)([.][0-9]+)?[\s   -     　﻿]*[)]?[\s   -     　﻿]*%?$$) AND REGEXP_LIKE(hs_c2, $$.*[0-9].*$$) AND NOT REGEXP_LIKE(hs_c2, $$.*[-+(].*[-+(].*$$)
      AND (POSITION('(', hs_c2) > 0) = (POSITION(')', hs_c2) > 0) THEN CASE WHEN (POSITION('-', hs_c2) > 0 OR POSITION('(', hs_c2) > 0) THEN -1 ELSE 1 END * CASE WHEN LENGTH(REGEXP_REPLACE(hs_c2, $$[^0-9.]$$, '')) > 300 THEN 1e+300::DOUBLE ELSE TRY_CAST('0' || REGEXP_REPLACE(hs_c2, $$[^0-9.]$$, '') AS DOUBLE) END / CASE WHEN POSITION('%', hs_c2) > 0 THEN 100::DOUBLE ELSE 1::DOUBLE END END AS hs_n2,
    CASE LOWER(hs_c2) WHEN 'true' THEN 1 WHEN 'false' THEN 0 END AS hs_b2,
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
    CASE LOWER(hs_c4) WHEN 'true' THEN 1 WHEN 'false' THEN 0 END AS hs_b4
  FROM hs__1
),
hs__3 AS (
  SELECT *,
    CASE WHEN hs_m0 THEN NULL WHEN hs_n0 IS NOT NULL THEN CASE WHEN ABS(hs_n0) <= 1000000000000000::DOUBLE THEN hs_n0 END ELSE hs_b0 END AS hs_r0m0v,
    CASE WHEN hs_m0 THEN NULL WHEN hs_n0 IS NOT NULL THEN CASE WHEN ABS(hs_n0) > 1000000000000000::DOUBLE THEN '"' || CASE WHEN LENGTH(hs_c0) > 40 THEN SUBSTR(hs_c0, 1, 39) || '…' ELSE hs_c0 END || '"' || ' is too large to score' END WHEN hs_b0 IS NULL THEN '"' || CASE WHEN LENGTH(hs_c0) > 40 THEN SUBSTR(hs_c0, 1, 39) || '…' ELSE hs_c0 END || '"' || '' || CASE WHEN (REGEXP_LIKE(hs_c0, $$[+-]?[\s   -     　﻿]*[$€£¥]?[\s   -     　﻿]*[(+-][\s   -     　﻿]*[$€£¥]?[\s   -     　﻿]*[(+-]?[\s   -     　﻿]*[0-9.].*$$) AND REGEXP_LIKE(hs_c0, $$.*[-+(].*[-+(].*$$)) THEN ' is not a number: a number carries at most one sign' ELSE ' is not a number' END END AS hs_r0m0x,
    CASE WHEN hs_m1 THEN NULL WHEN hs_n1 IS NOT NULL THEN CASE WHEN ABS(hs_n1) <= 1000000000000000::DOUBLE THEN hs_n1 END ELSE hs_b1 END AS hs_r0m1v,
    CASE WHEN hs_m1 THEN NULL WHEN hs_n1 IS NOT NULL THEN CASE WHEN ABS(hs_n1) > 1000000000000000::DOUBLE THEN '"' || CASE WHEN LENGTH(hs_c1) > 40 THEN SUBSTR(hs_c1, 1, 39) || '…' ELSE hs_c1 END || '"' || ' is too large to score' END WHEN hs_b1 IS NULL THEN '"' || CASE WHEN LENGTH(hs_c1) > 40 THEN SUBSTR(hs_c1, 1, 39) || '…' ELSE hs_c1 END || '"' || '' || CASE WHEN (REGEXP_LIKE(hs_c1, $$[+-]?[\s   -     　﻿]*[$€£¥]?[\s   -     　﻿]*[(+-][\s   -     　﻿]*[$€£¥]?[\s   -     　﻿]*[(+-]?[\s   -     　﻿]*[0-9.].*$$) AND REGEXP_LIKE(hs_c1, $$.*[-+(].*[-+(].*$$)) THEN ' is not a number: a number carries at most one sign' ELSE ' is not a number' END END AS hs_r0m1x,
    CASE WHEN hs_m2 THEN NULL WHEN hs_n2 IS NOT NULL THEN CASE WHEN ABS(hs_n2) <= 1000000000000000::DOUBLE THEN hs_n2 END ELSE hs_b2 END AS hs_r0m2v,
    CASE WHEN hs_m2 THEN NULL WHEN hs_n2 IS NOT NULL THEN CASE WHEN ABS(hs_n2) > 1000000000000000::DOUBLE THEN '"' || CASE WHEN LENGTH(hs_c2) > 40 THEN SUBSTR(hs_c2, 1, 39) || '…' ELSE hs_c2 END || '"' || ' is too large to score' END WHEN hs_b2 IS NULL THEN '"' || CASE WHEN LENGTH(hs_c2) > 40 THEN SUBSTR(hs_c2, 1, 39) || '…' ELSE hs_c2 END || '"' || '' || CASE WHEN (REGEXP_LIKE(hs_c2, $$[+-]?[\s   -     　﻿]*[$€£¥]?[\s   -     　﻿]*[(+-][\s   -     　﻿]*[$€£¥]?[\s   -     　﻿]*[(+-]?[\s   -     　﻿]*[0-9.].*$$) AND REGEXP_LIKE(hs_c2, $$.*[-+(].*[-+(].*$$)) THEN ' is not a number: a number carries at most one sign' ELSE ' is not a number' END END AS hs_r0m2x,
    CASE WHEN hs_m3 THEN NULL WHEN hs_n3 IS NOT NULL THEN CASE WHEN ABS(hs_n3) <= 1000000000000000::DOUBLE THEN hs_n3 END ELSE hs_b3 END AS hs_r0m3v,
    CASE WHEN hs_m3 THEN NULL WHEN hs_n3 IS NOT NULL THEN CASE WHEN ABS(hs_n3) > 1000000000000000::DOUBLE THEN '"' || CASE WHEN LENGTH(hs_c3) > 40 THEN SUBSTR(hs_c3, 1, 39) || '…' ELSE hs_c3 END || '"' || ' is too large to score' END WHEN hs_b3 IS NULL THEN '"' || CASE WHEN LENGTH(hs_c3) > 40 THEN SUBSTR(hs_c3, 1, 39) || '…' ELSE hs_c3 END || '"' || '' || CASE WHEN (REGEXP_LIKE(hs_c3, $$[+-]?[\s   -     　﻿]*[$€£¥]?[\s   -     　﻿]*[(+-][\s   -     　﻿]*[$€£¥]?[\s   -     　﻿]*[(+-]?[\s   -     　﻿]*[0-9.].*$$) AND REGEXP_LIKE(hs_c3, $$.*[-+(].*[-+(].*$$)) THEN ' is not a number: a number carries at most one sign' ELSE ' is not a number' END END AS hs_r0m3x,
    CASE WHEN hs_m4 THEN NULL WHEN hs_n4 IS NOT NULL THEN CASE WHEN ABS(hs_n4) <= 1000000000000000::DOUBLE THEN hs_n4 END ELSE hs_b4 END AS hs_r0m4v,
    CASE WHEN hs_m4 THEN NULL WHEN hs_n4 IS NOT NULL THEN CASE WHEN ABS(hs_n4) > 1000000000000000::DOUBLE THEN '"' || CASE WHEN LENGTH(hs_c4) > 40 THEN SUBSTR(hs_c4, 1, 39) || '…' ELSE hs_c4 END || '"' || ' is too large to score' END WHEN hs_b4 IS NULL THEN '"' || CASE WHEN LENGTH(hs_c4) > 40 THEN SUBSTR(hs_c4, 1, 39) || '…' ELSE hs_c4 END || '"' || '' || CASE WHEN (REGEXP_LIKE(hs_c4, $$[+-]?[\s   -     　﻿]*[$€£¥]?[\s   -     　﻿]*[(+-][\s   -     　﻿]*[$€£¥]?[\s   -     　﻿]*[(+-]?[\s   -     　﻿]*[0-9.].*$$) AND REGEXP_LIKE(hs_c4, $$.*[-+(].*[-+(].*$$)) THEN ' is not a number: a number carries at most one sign' ELSE ' is not a number' END END AS hs_r0m4x
  FROM hs__2
),
hs__4 AS (
  SELECT *,
    CASE WHEN hs_r0m0v IS NOT NULL THEN 1 ELSE 0 END AS hs_r0m0p,
    CASE WHEN hs_r0m0v IS NOT NULL THEN hs_r0m0v * 10::DOUBLE ELSE 0::DOUBLE END AS hs_r0m0s,
    CASE WHEN ABS(hs_r0m0v) <= 1000000000000000::DOUBLE THEN FLOOR(hs_r0m0v * 100::DOUBLE + 0.5::DOUBLE) END AS hs_r0m0c,
    CASE WHEN hs_r0m1v IS NOT NULL THEN 1 ELSE 0 END AS hs_r0m1p,
    CASE WHEN hs_r0m1v IS NOT NULL THEN 0::DOUBLE + (hs_r0m1v - 3::DOUBLE) * 5::DOUBLE ELSE 0::DOUBLE END AS hs_r0m1s,
    CASE WHEN ABS(hs_r0m1v) <= 1000000000000000::DOUBLE THEN FLOOR(hs_r0m1v * 100::DOUBLE + 0.5::DOUBLE) END AS hs_r0m1c,
    CASE WHEN hs_r0m2v IS NOT NULL THEN 1 ELSE 0 END AS hs_r0m2p,
    CASE WHEN hs_r0m2v IS NOT NULL THEN CASE WHEN hs_r0m2v * 5::DOUBLE > 30::DOUBLE THEN 30::DOUBLE WHEN hs_r0m2v * 5::DOUBLE < -30::DOUBLE THEN -30::DOUBLE ELSE hs_r0m2v * 5::DOUBLE END ELSE 0::DOUBLE END AS hs_r0m2s,
    CASE WHEN ABS(hs_r0m2v) <= 1000000000000000::DOUBLE THEN FLOOR(hs_r0m2v * 100::DOUBLE + 0.5::DOUBLE) END AS hs_r0m2c,
    CASE WHEN hs_r0m3v IS NOT NULL THEN 1 ELSE 0 END AS hs_r0m3p,
    CASE WHEN hs_r0m3v IS NOT NULL THEN CASE WHEN hs_r0m3v * -5::DOUBLE > 30::DOUBLE THEN 30::DOUBLE WHEN hs_r0m3v * -5::DOUBLE < -30::DOUBLE THEN -30::DOUBLE ELSE hs_r0m3v * -5::DOUBLE END ELSE 0::DOUBLE END AS hs_r0m3s,
    CASE WHEN ABS(hs_r0m3v) <= 1000000000000000::DOUBLE THEN FLOOR(hs_r0m3v * 100::DOUBLE + 0.5::DOUBLE) END AS hs_r0m3c,
    CASE WHEN hs_r0m4v IS NOT NULL THEN 1 ELSE 0 END AS hs_r0m4p,
    CASE WHEN hs_r0m4v IS NOT NULL THEN hs_r0m4v * 10::DOUBLE ELSE 0::DOUBLE END AS hs_r0m4s,
    CASE WHEN ABS(hs_r0m4v) <= 1000000000000000::DOUBLE THEN FLOOR(hs_r0m4v * 100::DOUBLE + 0.5::DOUBLE) END AS hs_r0m4c
  FROM hs__3
),
hs__5 AS (
  SELECT *,
    ABS(hs_r0m0c) - FLOOR(ABS(hs_r0m0c) / 100::DOUBLE) * 100::DOUBLE AS hs_r0m0f,
    ABS(hs_r0m1c) - FLOOR(ABS(hs_r0m1c) / 100::DOUBLE) * 100::DOUBLE AS hs_r0m1f,
    ABS(hs_r0m2c) - FLOOR(ABS(hs_r0m2c) / 100::DOUBLE) * 100::DOUBLE AS hs_r0m2f,
    ABS(hs_r0m3c) - FLOOR(ABS(hs_r0m3c) / 100::DOUBLE) * 100::DOUBLE AS hs_r0m3f,
    ABS(hs_r0m4c) - FLOOR(ABS(hs_r0m4c) / 100::DOUBLE) * 100::DOUBLE AS hs_r0m4f,
    COALESCE(1::DOUBLE * hs_r0m0s, 0::DOUBLE) + COALESCE(1::DOUBLE * hs_r0m1s, 0::DOUBLE) + COALESCE(1::DOUBLE * hs_r0m2s, 0::DOUBLE) + COALESCE(1::DOUBLE * hs_r0m3s, 0::DOUBLE) + COALESCE(1::DOUBLE * hs_r0m4s, 0::DOUBLE) AS hs_r0g0s,
    CASE WHEN hs_r0m0s IS NULL THEN 0::DOUBLE ELSE 1::DOUBLE END + CASE WHEN hs_r0m1s IS NULL THEN 0::DOUBLE ELSE 1::DOUBLE END + CASE WHEN hs_r0m2s IS NULL THEN 0::DOUBLE ELSE 1::DOUBLE END + CASE WHEN hs_r0m3s IS NULL THEN 0::DOUBLE ELSE 1::DOUBLE END + CASE WHEN hs_r0m4s IS NULL THEN 0::DOUBLE ELSE 1::DOUBLE END AS hs_r0g0w,
    CASE WHEN hs_r0m0p = 1 OR hs_r0m1p = 1 OR hs_r0m2p = 1 OR hs_r0m3p = 1 OR hs_r0m4p = 1 THEN 1 ELSE 0 END AS hs_r0g0p,
    CASE WHEN hs_r0m0p = 1 OR hs_r0m1p = 1 OR hs_r0m2p = 1 OR hs_r0m3p = 1 OR hs_r0m4p = 1 THEN 1 ELSE 0 END AS hs_r0p,
    CASE WHEN hs_r0m0p = 1 THEN 0.2::DOUBLE ELSE 0::DOUBLE END + CASE WHEN hs_r0m1p = 1 THEN 0.2::DOUBLE ELSE 0::DOUBLE END + CASE WHEN hs_r0m2p = 1 THEN 0.2::DOUBLE ELSE 0::DOUBLE END + CASE WHEN hs_r0m3p = 1 THEN 0.2::DOUBLE ELSE 0::DOUBLE END + CASE WHEN hs_r0m4p = 1 THEN 0.2::DOUBLE ELSE 0::DOUBLE END AS hs_r0cov
  FROM hs__4
),
hs__6 AS (
  SELECT *,
    CASE WHEN hs_r0m0p = 1 THEN CASE WHEN hs_r0m0c IS NULL THEN CAST(hs_r0m0v AS VARCHAR) ELSE CASE WHEN hs_r0m0c < 0 THEN '-' ELSE '' END || CAST(CAST(FLOOR(ABS(hs_r0m0c) / 100::DOUBLE) AS BIGINT) AS VARCHAR) || CASE WHEN hs_r0m0f = 0 THEN '' WHEN hs_r0m0f - FLOOR(hs_r0m0f / 10::DOUBLE) * 10::DOUBLE = 0 THEN '.' || CAST(CAST(hs_r0m0f / 10::DOUBLE AS BIGINT) AS VARCHAR) WHEN hs_r0m0f < 10 THEN '.0' || CAST(CAST(hs_r0m0f AS BIGINT) AS VARCHAR) ELSE '.' || CAST(CAST(hs_r0m0f AS BIGINT) AS VARCHAR) END END ELSE 'missing' END AS hs_r0m0w,
    CASE WHEN hs_r0m1p = 1 THEN CASE WHEN hs_r0m1c IS NULL THEN CAST(hs_r0m1v AS VARCHAR) ELSE CASE WHEN hs_r0m1c < 0 THEN '-' ELSE '' END || CAST(CAST(FLOOR(ABS(hs_r0m1c) / 100::DOUBLE) AS BIGINT) AS VARCHAR) || CASE WHEN hs_r0m1f = 0 THEN '' WHEN hs_r0m1f - FLOOR(hs_r0m1f / 10::DOUBLE) * 10::DOUBLE = 0 THEN '.' || CAST(CAST(hs_r0m1f / 10::DOUBLE AS BIGINT) AS VARCHAR) WHEN hs_r0m1f < 10 THEN '.0' || CAST(CAST(hs_r0m1f AS BIGINT) AS VARCHAR) ELSE '.' || CAST(CAST(hs_r0m1f AS BIGINT) AS VARCHAR) END END ELSE 'missing' END AS hs_r0m1w,
    CASE WHEN hs_r0m2p = 1 THEN CASE WHEN hs_r0m2c IS NULL THEN CAST(hs_r0m2v AS VARCHAR) ELSE CASE WHEN hs_r0m2c < 0 THEN '-' ELSE '' END || CAST(CAST(FLOOR(ABS(hs_r0m2c) / 100::DOUBLE) AS BIGINT) AS VARCHAR) || CASE WHEN hs_r0m2f = 0 THEN '' WHEN hs_r0m2f - FLOOR(hs_r0m2f / 10::DOUBLE) * 10::DOUBLE = 0 THEN '.' || CAST(CAST(hs_r0m2f / 10::DOUBLE AS BIGINT) AS VARCHAR) WHEN hs_r0m2f < 10 THEN '.0' || CAST(CAST(hs_r0m2f AS BIGINT) AS VARCHAR) ELSE '.' || CAST(CAST(hs_r0m2f AS BIGINT) AS VARCHAR) END END ELSE 'missing' END AS hs_r0m2w,
    CASE WHEN hs_r0m3p = 1 THEN CASE WHEN hs_r0m3c IS NULL THEN CAST(hs_r0m3v AS VARCHAR) ELSE CASE WHEN hs_r0m3c < 0 THEN '-' ELSE '' END || CAST(CAST(FLOOR(ABS(hs_r0m3c) / 100::DOUBLE) AS BIGINT) AS VARCHAR) || CASE WHEN hs_r0m3f = 0 THEN '' WHEN hs_r0m3f - FLOOR(hs_r0m3f / 10::DOUBLE) * 10::DOUBLE = 0 THEN '.' || CAST(CAST(hs_r0m3f / 10::DOUBLE AS BIGINT) AS VARCHAR) WHEN hs_r0m3f < 10 THEN '.0' || CAST(CAST(hs_r0m3f AS BIGINT) AS VARCHAR) ELSE '.' || CAST(CAST(hs_r0m3f AS BIGINT) AS VARCHAR) END END ELSE 'missing' END AS hs_r0m3w,
    CASE WHEN hs_r0m4p = 1 THEN CASE WHEN hs_r0m4c IS NULL THEN CAST(hs_r0m4v AS VARCHAR) ELSE CASE WHEN hs_r0m4c < 0 THEN '-' ELSE '' END || CAST(CAST(FLOOR(ABS(hs_r0m4c) / 100::DOUBLE) AS BIGINT) AS VARCHAR) || CASE WHEN hs_r0m4f = 0 THEN '' WHEN hs_r0m4f - FLOOR(hs_r0m4f / 10::DOUBLE) * 10::DOUBLE = 0 THEN '.' || CAST(CAST(hs_r0m4f / 10::DOUBLE AS BIGINT) AS VARCHAR) WHEN hs_r0m4f < 10 THEN '.0' || CAST(CAST(hs_r0m4f AS BIGINT) AS VARCHAR) ELSE '.' || CAST(CAST(hs_r0m4f AS BIGINT) AS VARCHAR) END END ELSE 'missing' END AS hs_r0m4w
  FROM hs__5
),
hs__7 AS (
  SELECT *,
    CASE WHEN hs_r0p = 1 THEN hs_r0g0s END AS hs_r0raw,
    1::DOUBLE * hs_r0m0s AS hs_r0m0i,
    1::DOUBLE * hs_r0m1s AS hs_r0m1i,
    1::DOUBLE * hs_r0m2s AS hs_r0m2i,
    1::DOUBLE * hs_r0m3s AS hs_r0m3i,
    1::DOUBLE * hs_r0m4s AS hs_r0m4i
  FROM hs__6
),
hs__8 AS (
  SELECT *,
    CASE WHEN hs_r0raw < 0 THEN 0::DOUBLE - FLOOR(ABS(hs_r0raw) * 10::DOUBLE + '1e-9'::DOUBLE + 0.5::DOUBLE) / 10::DOUBLE ELSE FLOOR(ABS(hs_r0raw) * 10::DOUBLE + '1e-9'::DOUBLE + 0.5::DOUBLE) / 10::DOUBLE END AS hs_r0s,
    CASE WHEN hs_r0m1i < hs_r0m0i THEN 1 ELSE 0 END + CASE WHEN hs_r0m2i < hs_r0m0i THEN 1 ELSE 0 END + CASE WHEN hs_r0m3i < hs_r0m0i THEN 1 ELSE 0 END + CASE WHEN hs_r0m4i < hs_r0m0i THEN 1 ELSE 0 END AS hs_r0m0k,
    CASE WHEN hs_r0m0i <= hs_r0m1i THEN 1 ELSE 0 END + CASE WHEN hs_r0m2i < hs_r0m1i THEN 1 ELSE 0 END + CASE WHEN hs_r0m3i < hs_r0m1i THEN 1 ELSE 0 END + CASE WHEN hs_r0m4i < hs_r0m1i THEN 1 ELSE 0 END AS hs_r0m1k,
    CASE WHEN hs_r0m0i <= hs_r0m2i THEN 1 ELSE 0 END + CASE WHEN hs_r0m1i <= hs_r0m2i THEN 1 ELSE 0 END + CASE WHEN hs_r0m3i < hs_r0m2i THEN 1 ELSE 0 END + CASE WHEN hs_r0m4i < hs_r0m2i THEN 1 ELSE 0 END AS hs_r0m2k,
    CASE WHEN hs_r0m0i <= hs_r0m3i THEN 1 ELSE 0 END + CASE WHEN hs_r0m1i <= hs_r0m3i THEN 1 ELSE 0 END + CASE WHEN hs_r0m2i <= hs_r0m3i THEN 1 ELSE 0 END + CASE WHEN hs_r0m4i < hs_r0m3i THEN 1 ELSE 0 END AS hs_r0m3k,
    CASE WHEN hs_r0m0i <= hs_r0m4i THEN 1 ELSE 0 END + CASE WHEN hs_r0m1i <= hs_r0m4i THEN 1 ELSE 0 END + CASE WHEN hs_r0m2i <= hs_r0m4i THEN 1 ELSE 0 END + CASE WHEN hs_r0m3i <= hs_r0m4i THEN 1 ELSE 0 END AS hs_r0m4k,
    CASE WHEN hs_r0m0i + 0.5::DOUBLE < 0 THEN 'Years as a customer ' || hs_r0m0w || ' (−' || CAST(CAST(FLOOR(ABS(hs_r0m0i) + 0.5::DOUBLE) AS BIGINT) AS VARCHAR) || ')' END AS hs_r0m0d,
    CASE WHEN hs_r0m1i + 0.5::DOUBLE < 0 THEN 'CSAT (1-5) ' || hs_r0m1w || ' (−' || CAST(CAST(FLOOR(ABS(hs_r0m1i) + 0.5::DOUBLE) AS BIGINT) AS VARCHAR) || ')' END AS hs_r0m1d,
    CASE WHEN hs_r0m2i + 0.5::DOUBLE < 0 THEN 'Resolved tickets ' || hs_r0m2w || ' (−' || CAST(CAST(FLOOR(ABS(hs_r0m2i) + 0.5::DOUBLE) AS BIGINT) AS VARCHAR) || ')' END AS hs_r0m2d,
    CASE WHEN hs_r0m3i + 0.5::DOUBLE < 0 THEN 'Unresolved tickets ' || hs_r0m3w || ' (−' || CAST(CAST(FLOOR(ABS(hs_r0m3i) + 0.5::DOUBLE) AS BIGINT) AS VARCHAR) || ')' END AS hs_r0m3d,
    CASE WHEN hs_r0m4i + 0.5::DOUBLE < 0 THEN 'Positive reviews ' || hs_r0m4w || ' (−' || CAST(CAST(FLOOR(ABS(hs_r0m4i) + 0.5::DOUBLE) AS BIGINT) AS VARCHAR) || ')' END AS hs_r0m4d
  FROM hs__7
),
hs__9 AS (
  SELECT *,
    SUBSTR(COALESCE('; ' || CASE WHEN hs_r0s IS NULL THEN CASE WHEN hs_r0p = 1 THEN 'No data: every metric with a value weighs 0 (or is in a group that does), so none counts' ELSE 'No data: no metric has a value' END END, '') || COALESCE('; ' || CASE WHEN hs_r0s IS NOT NULL THEN CASE WHEN hs_r0m0k = 0 AND hs_r0m0d IS NOT NULL THEN hs_r0m0d WHEN hs_r0m1k = 0 AND hs_r0m1d IS NOT NULL THEN hs_r0m1d WHEN hs_r0m2k = 0 AND hs_r0m2d IS NOT NULL THEN hs_r0m2d WHEN hs_r0m3k = 0 AND hs_r0m3d IS NOT NULL THEN hs_r0m3d WHEN hs_r0m4k = 0 AND hs_r0m4d IS NOT NULL THEN hs_r0m4d END END, '') || COALESCE('; ' || CASE WHEN hs_r0s IS NOT NULL THEN CASE WHEN hs_r0m0k = 1 AND hs_r0m0d IS NOT NULL THEN hs_r0m0d WHEN hs_r0m1k = 1 AND hs_r0m1d IS NOT NULL THEN hs_r0m1d WHEN hs_r0m2k = 1 AND hs_r0m2d IS NOT NULL THEN hs_r0m2d WHEN hs_r0m3k = 1 AND hs_r0m3d IS NOT NULL THEN hs_r0m3d WHEN hs_r0m4k = 1 AND hs_r0m4d IS NOT NULL THEN hs_r0m4d END END, '') || COALESCE('; ' || CASE WHEN hs_r0s IS NOT NULL THEN CASE WHEN hs_r0m0k = 2 AND hs_r0m0d IS NOT NULL THEN hs_r0m0d WHEN hs_r0m1k = 2 AND hs_r0m1d IS NOT NULL THEN hs_r0m1d WHEN hs_r0m2k = 2 AND hs_r0m2d IS NOT NULL THEN hs_r0m2d WHEN hs_r0m3k = 2 AND hs_r0m3d IS NOT NULL THEN hs_r0m3d WHEN hs_r0m4k = 2 AND hs_r0m4d IS NOT NULL THEN hs_r0m4d END END, '') || COALESCE('; ' || 'Years as customer: ' || hs_r0m0x, '') || COALESCE('; ' || 'CSAT: ' || hs_r0m1x, '') || COALESCE('; ' || 'Resolved tickets: ' || hs_r0m2x, '') || COALESCE('; ' || 'Unresolved tickets: ' || hs_r0m3x, '') || COALESCE('; ' || 'Positive reviews: ' || hs_r0m4x, ''), 3) AS hs_r0drivers,
    NULLIF('', '') AS hs_r0flags
  FROM hs__8
)
SELECT * EXCLUDE (hs_c0, hs_c1, hs_c2, hs_c3, hs_c4, hs_m0, hs_n0, hs_b0, hs_r0m0v, hs_r0m0x, hs_r0m0p, hs_r0m0s, hs_r0m0c, hs_r0m0f, hs_r0m0w, hs_m1, hs_n1, hs_b1, hs_r0m1v, hs_r0m1x, hs_r0m1p, hs_r0m1s, hs_r0m1c, hs_r0m1f, hs_r0m1w, hs_m2, hs_n2, hs_b2, hs_r0m2v, hs_r0m2x, hs_r0m2p, hs_r0m2s, hs_r0m2c, hs_r0m2f, hs_r0m2w, hs_m3, hs_n3, hs_b3, hs_r0m3v, hs_r0m3x, hs_r0m3p, hs_r0m3s, hs_r0m3c, hs_r0m3f, hs_r0m3w, hs_m4, hs_n4, hs_b4, hs_r0m4v, hs_r0m4x, hs_r0m4p, hs_r0m4s, hs_r0m4c, hs_r0m4f, hs_r0m4w, hs_r0g0s, hs_r0g0w, hs_r0g0p, hs_r0p, hs_r0cov, hs_r0raw, hs_r0m0i, hs_r0m1i, hs_r0m2i, hs_r0m3i, hs_r0m4i, hs_r0s, hs_r0m0k, hs_r0m1k, hs_r0m2k, hs_r0m3k, hs_r0m4k, hs_r0m0d, hs_r0m1d, hs_r0m2d, hs_r0m3d, hs_r0m4d, hs_r0drivers, hs_r0flags),
  hs_r0s AS health_score,
  CASE WHEN hs_r0s IS NULL THEN 'No data' WHEN hs_r0s >= 76::DOUBLE THEN 'Superstar' WHEN hs_r0s >= 51::DOUBLE THEN 'Thriving' WHEN hs_r0s >= 26::DOUBLE THEN 'Stable' WHEN hs_r0s >= 0::DOUBLE THEN 'Struggling' ELSE 'Critical' END AS health_band,
  CASE WHEN hs_r0s IS NULL THEN '#e8eaed' WHEN hs_r0s >= 76::DOUBLE THEN '#b7e1cd' WHEN hs_r0s >= 51::DOUBLE THEN '#d9ead3' WHEN hs_r0s >= 26::DOUBLE THEN '#fce8b2' WHEN hs_r0s >= 0::DOUBLE THEN '#f4c7c3' ELSE '#e6b8af' END AS health_color,
  CASE WHEN hs_r0cov > 1 THEN 1::DOUBLE ELSE hs_r0cov END AS health_coverage,
  hs_r0flags AS health_flags,
  hs_r0drivers AS health_drivers
FROM hs__9
