WITH hs_s0_1 AS (
  SELECT     TRIM(CAST(hs__t."Account" AS VARCHAR), CHR(9) || CHR(10) || CHR(11) || CHR(12) || CHR(13) || '                  　﻿') AS hs_c0,
    TRIM(CAST(hs__t."Amount" AS VARCHAR), CHR(9) || CHR(10) || CHR(11) || CHR(12) || CHR(13) || '                  　﻿') AS hs_c1,
    TRIM(CAST(hs__t."Status" AS VARCHAR), CHR(9) || CHR(10) || CHR(11) || CHR(12) || CHR(13) || '                  　﻿') AS hs_c2
  FROM RAW.PRODUCT.EVENTS AS hs__t
),
hs_s0_2 AS (
  SELECT *,
    (hs_c0 IS NULL OR LOWER(hs_c0) IN ('', 'n/a', 'na', '-', '—', '–') OR CASE WHEN SUBSTR(hs_c0, 1, 1) = '#' THEN REGEXP_LIKE(hs_c0, $$#[A-Za-z0-9/]+[!?]?$$) ELSE FALSE END) AS hs_m1,
    CASE WHEN REGEXP_LIKE(hs_c1, $$[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?0*[0-9]{1,2})?$$) AND LENGTH(hs_c1) <= 200 THEN TRY_CAST(hs_c1 AS DOUBLE)
    WHEN REGEXP_LIKE(hs_c1, $$[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?$$) THEN CASE WHEN REGEXP_LIKE(hs_c1, $$[+-]?0*[.]?0*([eE][+-]?[0-9]+)?|[^eE]*[eE]-[0-9]+$$) THEN 0::DOUBLE WHEN NOT REGEXP_LIKE(hs_c1, $$[^eE]*[eE][+]?0*([4-9][0-9]{2}|[1-9][0-9]{3,})$$) THEN 1e+300::DOUBLE END
    WHEN REGEXP_LIKE(hs_c1, $$[+-]?[(]?[\s   -     　﻿]*[$€£¥]?[\s   -     　﻿]*[+-]?([0-9]{1,3}(,[0-9]{3})+|[0-9]*)([.][0-9]+)?[\s   -     　﻿]*[)]?[\s   -     　﻿]*%?$$) AND REGEXP_LIKE(hs_c1, $$.*[0-9].*$$) AND NOT REGEXP_LIKE(hs_c1, $$.*[-+(].*[-+(].*$$)
      AND (POSITION('(', hs_c1) > 0) = (POSITION(')', hs_c1) > 0) THEN CASE WHEN (POSITION('-', hs_c1) > 0 OR POSITION('(', hs_c1) > 0) THEN -1 ELSE 1 END * CASE WHEN LENGTH(REGEXP_REPLACE(hs_c1, $$[^0-9.]$$, '')) > 300 THEN 1e+300::DOUBLE ELSE TRY_CAST('0' || REGEXP_REPLACE(hs_c1, $$[^0-9.]$$, '') AS DOUBLE) END / CASE WHEN POSITION('%', hs_c1) > 0 THEN 100::DOUBLE ELSE 1::DOUBLE END END AS hs_n3,
    (hs_c1 IS NULL OR LOWER(hs_c1) IN ('', 'n/a', 'na', '-', '—', '–') OR CASE WHEN SUBSTR(hs_c1, 1, 1) = '#' THEN REGEXP_LIKE(hs_c1, $$#[A-Za-z0-9/]+[!?]?$$) ELSE FALSE END) AS hs_m3,
    CASE LOWER(hs_c1) WHEN 'true' THEN 1 WHEN 'false' THEN 0 END AS hs_b3,
    (hs_c2 IS NULL OR LOWER(hs_c2) IN ('', 'n/a', 'na', '-', '—', '–') OR CASE WHEN SUBSTR(hs_c2, 1, 1) = '#' THEN REGEXP_LIKE(hs_c2, $$#[A-Za-z0-9/]+[!?]?$$) ELSE FALSE END) AS hs_m4
  FROM hs_s0_1
),
hs_s0_3 AS (
  SELECT *,
    CASE WHEN hs_m3 THEN NULL WHEN hs_n3 IS NOT NULL THEN CASE WHEN ABS(hs_n3) <= 1000000000000000::DOUBLE THEN hs_n3 END ELSE hs_b3 END AS hs_v3
  FROM hs_s0_2
),
hs_s0_4 AS (
  SELECT *,
    LOWER(hs_c0) AS hs_k,
    (COALESCE(LOWER(COALESCE(hs_c2, '')) = 'open', FALSE)) AS hs_w1
  FROM hs_s0_3
),
hs_s0 AS (
  SELECT hs_k,
    CAST(COUNT(*) AS DOUBLE) AS hs_a0,
    COALESCE(SUM(CASE WHEN hs_w1 THEN hs_v3 END), 0::DOUBLE) AS hs_a1,
    CAST(COUNT(DISTINCT CASE WHEN NOT hs_m4 THEN LOWER(hs_c2) END) AS DOUBLE) AS hs_a2
  FROM hs_s0_4
  WHERE NOT hs_m1
  GROUP BY hs_k
),
hs__1 AS (
  SELECT hs__t.*,
    TRIM(CAST(hs__t."Account" AS VARCHAR), CHR(9) || CHR(10) || CHR(11) || CHR(12) || CHR(13) || '                  　﻿') AS hs_c0,
    hs_s0.hs_a0 AS hs_s0a0,
    hs_s0.hs_a1 AS hs_s0a1,
    hs_s0.hs_a2 AS hs_s0a2
  FROM crm.accounts AS hs__t
  LEFT JOIN hs_s0 ON hs_s0.hs_k = LOWER(TRIM(CAST(hs__t."Account" AS VARCHAR), CHR(9) || CHR(10) || CHR(11) || CHR(12) || CHR(13) || '                  　﻿'))
),
hs__2 AS (
  SELECT *,
    (hs_c0 IS NULL OR LOWER(hs_c0) IN ('', 'n/a', 'na', '-', '—', '–') OR CASE WHEN SUBSTR(hs_c0, 1, 1) = '#' THEN REGEXP_LIKE(hs_c0, $$#[A-Za-z0-9/]+[!?]?$$) ELSE FALSE END) AS hs_m0
  FROM hs__1
),
hs__3 AS (
  SELECT *,
    CASE WHEN hs_m0 THEN NULL ELSE COALESCE(hs_s0a0, 0::DOUBLE) END AS hs_s0x0,
    CASE WHEN hs_m0 THEN NULL ELSE COALESCE(hs_s0a1, 0::DOUBLE) END AS hs_s0x1,
    CASE WHEN hs_m0 THEN NULL ELSE COALESCE(hs_s0a2, 0::DOUBLE) END AS hs_s0x2
  FROM hs__2
),
hs__4 AS (
  SELECT *,
    CASE WHEN (hs_s0x0 IS NULL) THEN NULL WHEN hs_s0x0 IS NOT NULL THEN CASE WHEN ABS(hs_s0x0) <= 1000000000000000::DOUBLE THEN hs_s0x0 END ELSE NULL END AS hs_r0m0v,
    CASE WHEN (hs_s0x0 IS NULL) THEN NULL WHEN hs_s0x0 IS NOT NULL THEN CASE WHEN ABS(hs_s0x0) > 1000000000000000::DOUBLE THEN '"' || CASE WHEN LENGTH(CAST(hs_s0x0 AS VARCHAR)) > 40 THEN SUBSTR(CAST(hs_s0x0 AS VARCHAR), 1, 39) || '…' ELSE CAST(hs_s0x0 AS VARCHAR) END || '"' || ' is too large to score' END WHEN NULL IS NULL THEN '"' || CASE WHEN LENGTH(CAST(hs_s0x0 AS VARCHAR)) > 40 THEN SUBSTR(CAST(hs_s0x0 AS VARCHAR), 1, 39) || '…' ELSE CAST(hs_s0x0 AS VARCHAR) END || '"' || '' || CASE WHEN (REGEXP_LIKE(CAST(hs_s0x0 AS VARCHAR), $$[+-]?[\s   -     　﻿]*[$€£¥]?[\s   -     　﻿]*[(+-][\s   -     　﻿]*[$€£¥]?[\s   -     　﻿]*[(+-]?[\s   -     　﻿]*[0-9.].*$$) AND REGEXP_LIKE(CAST(hs_s0x0 AS VARCHAR), $$.*[-+(].*[-+(].*$$)) THEN ' is not a number: a number carries at most one sign' ELSE ' is not a number' END END AS hs_r0m0x,
    CASE WHEN (hs_s0x1 IS NULL) THEN NULL WHEN hs_s0x1 IS NOT NULL THEN CASE WHEN ABS(hs_s0x1) <= 1000000000000000::DOUBLE THEN hs_s0x1 END ELSE NULL END AS hs_r0m1v,
    CASE WHEN (hs_s0x1 IS NULL) THEN NULL WHEN hs_s0x1 IS NOT NULL THEN CASE WHEN ABS(hs_s0x1) > 1000000000000000::DOUBLE THEN '"' || CASE WHEN LENGTH(CAST(hs_s0x1 AS VARCHAR)) > 40 THEN SUBSTR(CAST(hs_s0x1 AS VARCHAR), 1, 39) || '…' ELSE CAST(hs_s0x1 AS VARCHAR) END || '"' || ' is too large to score' END WHEN NULL IS NULL THEN '"' || CASE WHEN LENGTH(CAST(hs_s0x1 AS VARCHAR)) > 40 THEN SUBSTR(CAST(hs_s0x1 AS VARCHAR), 1, 39) || '…' ELSE CAST(hs_s0x1 AS VARCHAR) END || '"' || '' || CASE WHEN (REGEXP_LIKE(CAST(hs_s0x1 AS VARCHAR), $$[+-]?[\s   -     　﻿]*[$€£¥]?[\s   -     　﻿]*[(+-][\s   -     　﻿]*[$€£¥]?[\s   -     　﻿]*[(+-]?[\s   -     　﻿]*[0-9.].*$$) AND REGEXP_LIKE(CAST(hs_s0x1 AS VARCHAR), $$.*[-+(].*[-+(].*$$)) THEN ' is not a number: a number carries at most one sign' ELSE ' is not a number' END END AS hs_r0m1x,
    CASE WHEN (hs_s0x2 IS NULL) THEN NULL WHEN hs_s0x2 IS NOT NULL THEN CASE WHEN ABS(hs_s0x2) <= 1000000000000000::DOUBLE THEN hs_s0x2 END ELSE NULL END AS hs_r0m2v,
    CASE WHEN (hs_s0x2 IS NULL) THEN NULL WHEN hs_s0x2 IS NOT NULL THEN CASE WHEN ABS(hs_s0x2) > 1000000000000000::DOUBLE THEN '"' || CASE WHEN LENGTH(CAST(hs_s0x2 AS VARCHAR)) > 40 THEN SUBSTR(CAST(hs_s0x2 AS VARCHAR), 1, 39) || '…' ELSE CAST(hs_s0x2 AS VARCHAR) END || '"' || ' is too large to score' END WHEN NULL IS NULL THEN '"' || CASE WHEN LENGTH(CAST(hs_s0x2 AS VARCHAR)) > 40 THEN SUBSTR(CAST(hs_s0x2 AS VARCHAR), 1, 39) || '…' ELSE CAST(hs_s0x2 AS VARCHAR) END || '"' || '' || CASE WHEN (REGEXP_LIKE(CAST(hs_s0x2 AS VARCHAR), $$[+-]?[\s   -     　﻿]*[$€£¥]?[\s   -     　﻿]*[(+-][\s   -     　﻿]*[$€£¥]?[\s   -     　﻿]*[(+-]?[\s   -     　﻿]*[0-9.].*$$) AND REGEXP_LIKE(CAST(hs_s0x2 AS VARCHAR), $$.*[-+(].*[-+(].*$$)) THEN ' is not a number: a number carries at most one sign' ELSE ' is not a number' END END AS hs_r0m2x
  FROM hs__3
),
hs__5 AS (
  SELECT *,
    CASE WHEN hs_r0m0v IS NOT NULL THEN 1 ELSE 0 END AS hs_r0m0p,
    CASE WHEN hs_r0m0v IS NOT NULL THEN hs_r0m0v * 2::DOUBLE ELSE 0::DOUBLE END AS hs_r0m0s,
    CASE WHEN ABS(hs_r0m0v) <= 1000000000000000::DOUBLE THEN FLOOR(hs_r0m0v * 100::DOUBLE + 0.5::DOUBLE) END AS hs_r0m0c,
    CASE WHEN hs_r0m1v IS NOT NULL THEN 1 ELSE 0 END AS hs_r0m1p,
    CASE WHEN hs_r0m1v IS NOT NULL THEN CASE WHEN hs_r0m1v * 0.01::DOUBLE > 15::DOUBLE THEN 15::DOUBLE WHEN hs_r0m1v * 0.01::DOUBLE < -15::DOUBLE THEN -15::DOUBLE ELSE hs_r0m1v * 0.01::DOUBLE END ELSE 0::DOUBLE END AS hs_r0m1s,
    CASE WHEN ABS(hs_r0m1v) <= 1000000000000000::DOUBLE THEN FLOOR(hs_r0m1v * 100::DOUBLE + 0.5::DOUBLE) END AS hs_r0m1c,
    CASE WHEN hs_r0m2v IS NOT NULL THEN 1 ELSE 0 END AS hs_r0m2p,
    CASE WHEN hs_r0m2v IS NOT NULL THEN 0::DOUBLE + (hs_r0m2v - 2::DOUBLE) * 3::DOUBLE ELSE 0::DOUBLE END AS hs_r0m2s,
    CASE WHEN ABS(hs_r0m2v) <= 1000000000000000::DOUBLE THEN FLOOR(hs_r0m2v * 100::DOUBLE + 0.5::DOUBLE) END AS hs_r0m2c
  FROM hs__4
),
hs__6 AS (
  SELECT *,
    ABS(hs_r0m0c) - FLOOR(ABS(hs_r0m0c) / 100::DOUBLE) * 100::DOUBLE AS hs_r0m0f,
    ABS(hs_r0m1c) - FLOOR(ABS(hs_r0m1c) / 100::DOUBLE) * 100::DOUBLE AS hs_r0m1f,
    ABS(hs_r0m2c) - FLOOR(ABS(hs_r0m2c) / 100::DOUBLE) * 100::DOUBLE AS hs_r0m2f,
    COALESCE(1::DOUBLE * hs_r0m0s, 0::DOUBLE) + COALESCE(1::DOUBLE * hs_r0m1s, 0::DOUBLE) + COALESCE(1::DOUBLE * hs_r0m2s, 0::DOUBLE) AS hs_r0g0s,
    CASE WHEN hs_r0m0s IS NULL THEN 0::DOUBLE ELSE 1::DOUBLE END + CASE WHEN hs_r0m1s IS NULL THEN 0::DOUBLE ELSE 1::DOUBLE END + CASE WHEN hs_r0m2s IS NULL THEN 0::DOUBLE ELSE 1::DOUBLE END AS hs_r0g0w,
    CASE WHEN hs_r0m0p = 1 OR hs_r0m1p = 1 OR hs_r0m2p = 1 THEN 1 ELSE 0 END AS hs_r0g0p,
    CASE WHEN hs_r0m0p = 1 OR hs_r0m1p = 1 OR hs_r0m2p = 1 THEN 1 ELSE 0 END AS hs_r0p,
    CASE WHEN hs_r0m0p = 1 THEN '0.3333333333333333'::DOUBLE ELSE 0::DOUBLE END + CASE WHEN hs_r0m1p = 1 THEN '0.3333333333333333'::DOUBLE ELSE 0::DOUBLE END + CASE WHEN hs_r0m2p = 1 THEN '0.3333333333333333'::DOUBLE ELSE 0::DOUBLE END AS hs_r0cov
  FROM hs__5
),
hs__7 AS (
  SELECT *,
    CASE WHEN hs_r0m0p = 1 THEN CASE WHEN hs_r0m0c IS NULL THEN CAST(hs_r0m0v AS VARCHAR) ELSE CASE WHEN hs_r0m0c < 0 THEN '-' ELSE '' END || CAST(CAST(FLOOR(ABS(hs_r0m0c) / 100::DOUBLE) AS BIGINT) AS VARCHAR) || CASE WHEN hs_r0m0f = 0 THEN '' WHEN hs_r0m0f - FLOOR(hs_r0m0f / 10::DOUBLE) * 10::DOUBLE = 0 THEN '.' || CAST(CAST(hs_r0m0f / 10::DOUBLE AS BIGINT) AS VARCHAR) WHEN hs_r0m0f < 10 THEN '.0' || CAST(CAST(hs_r0m0f AS BIGINT) AS VARCHAR) ELSE '.' || CAST(CAST(hs_r0m0f AS BIGINT) AS VARCHAR) END END ELSE 'missing' END AS hs_r0m0w,
    CASE WHEN hs_r0m1p = 1 THEN CASE WHEN hs_r0m1c IS NULL THEN CAST(hs_r0m1v AS VARCHAR) ELSE CASE WHEN hs_r0m1c < 0 THEN '-' ELSE '' END || CAST(CAST(FLOOR(ABS(hs_r0m1c) / 100::DOUBLE) AS BIGINT) AS VARCHAR) || CASE WHEN hs_r0m1f = 0 THEN '' WHEN hs_r0m1f - FLOOR(hs_r0m1f / 10::DOUBLE) * 10::DOUBLE = 0 THEN '.' || CAST(CAST(hs_r0m1f / 10::DOUBLE AS BIGINT) AS VARCHAR) WHEN hs_r0m1f < 10 THEN '.0' || CAST(CAST(hs_r0m1f AS BIGINT) AS VARCHAR) ELSE '.' || CAST(CAST(hs_r0m1f AS BIGINT) AS VARCHAR) END END ELSE 'missing' END AS hs_r0m1w,
    CASE WHEN hs_r0m2p = 1 THEN CASE WHEN hs_r0m2c IS NULL THEN CAST(hs_r0m2v AS VARCHAR) ELSE CASE WHEN hs_r0m2c < 0 THEN '-' ELSE '' END || CAST(CAST(FLOOR(ABS(hs_r0m2c) / 100::DOUBLE) AS BIGINT) AS VARCHAR) || CASE WHEN hs_r0m2f = 0 THEN '' WHEN hs_r0m2f - FLOOR(hs_r0m2f / 10::DOUBLE) * 10::DOUBLE = 0 THEN '.' || CAST(CAST(hs_r0m2f / 10::DOUBLE AS BIGINT) AS VARCHAR) WHEN hs_r0m2f < 10 THEN '.0' || CAST(CAST(hs_r0m2f AS BIGINT) AS VARCHAR) ELSE '.' || CAST(CAST(hs_r0m2f AS BIGINT) AS VARCHAR) END END ELSE 'missing' END AS hs_r0m2w
  FROM hs__6
),
hs__8 AS (
  SELECT *,
    CASE WHEN hs_r0p = 1 THEN hs_r0g0s END AS hs_r0raw,
    1::DOUBLE * hs_r0m0s AS hs_r0m0i,
    1::DOUBLE * hs_r0m1s AS hs_r0m1i,
    1::DOUBLE * hs_r0m2s AS hs_r0m2i
  FROM hs__7
),
hs__9 AS (
  SELECT *,
    CASE WHEN hs_r0raw < 0 THEN 0::DOUBLE - FLOOR(ABS(hs_r0raw) * 10::DOUBLE + '1e-9'::DOUBLE + 0.5::DOUBLE) / 10::DOUBLE ELSE FLOOR(ABS(hs_r0raw) * 10::DOUBLE + '1e-9'::DOUBLE + 0.5::DOUBLE) / 10::DOUBLE END AS hs_r0s,
    CASE WHEN hs_r0m1i < hs_r0m0i THEN 1 ELSE 0 END + CASE WHEN hs_r0m2i < hs_r0m0i THEN 1 ELSE 0 END AS hs_r0m0k,
    CASE WHEN hs_r0m0i <= hs_r0m1i THEN 1 ELSE 0 END + CASE WHEN hs_r0m2i < hs_r0m1i THEN 1 ELSE 0 END AS hs_r0m1k,
    CASE WHEN hs_r0m0i <= hs_r0m2i THEN 1 ELSE 0 END + CASE WHEN hs_r0m1i <= hs_r0m2i THEN 1 ELSE 0 END AS hs_r0m2k,
    CASE WHEN hs_r0m0i + 0.5::DOUBLE < 0 THEN 'count of events ' || hs_r0m0w || ' (−' || CAST(CAST(FLOOR(ABS(hs_r0m0i) + 0.5::DOUBLE) AS BIGINT) AS VARCHAR) || ')' END AS hs_r0m0d,
    CASE WHEN hs_r0m1i + 0.5::DOUBLE < 0 THEN 'sum Amount in events, where Status is one of Open ' || hs_r0m1w || ' (−' || CAST(CAST(FLOOR(ABS(hs_r0m1i) + 0.5::DOUBLE) AS BIGINT) AS VARCHAR) || ')' END AS hs_r0m1d,
    CASE WHEN hs_r0m2i + 0.5::DOUBLE < 0 THEN 'distinct Status in events ' || hs_r0m2w || ' (−' || CAST(CAST(FLOOR(ABS(hs_r0m2i) + 0.5::DOUBLE) AS BIGINT) AS VARCHAR) || ')' END AS hs_r0m2d
  FROM hs__8
),
hs__10 AS (
  SELECT *,
    SUBSTR(COALESCE('; ' || CASE WHEN hs_r0s IS NULL THEN CASE WHEN hs_r0p = 1 THEN 'No data: every metric with a value weighs 0 (or is in a group that does), so none counts' ELSE 'No data: no metric has a value' END END, '') || COALESCE('; ' || CASE WHEN hs_r0s IS NOT NULL THEN CASE WHEN hs_r0m0k = 0 AND hs_r0m0d IS NOT NULL THEN hs_r0m0d WHEN hs_r0m1k = 0 AND hs_r0m1d IS NOT NULL THEN hs_r0m1d WHEN hs_r0m2k = 0 AND hs_r0m2d IS NOT NULL THEN hs_r0m2d END END, '') || COALESCE('; ' || CASE WHEN hs_r0s IS NOT NULL THEN CASE WHEN hs_r0m0k = 1 AND hs_r0m0d IS NOT NULL THEN hs_r0m0d WHEN hs_r0m1k = 1 AND hs_r0m1d IS NOT NULL THEN hs_r0m1d WHEN hs_r0m2k = 1 AND hs_r0m2d IS NOT NULL THEN hs_r0m2d END END, '') || COALESCE('; ' || CASE WHEN hs_r0s IS NOT NULL THEN CASE WHEN hs_r0m0k = 2 AND hs_r0m0d IS NOT NULL THEN hs_r0m0d WHEN hs_r0m1k = 2 AND hs_r0m1d IS NOT NULL THEN hs_r0m1d WHEN hs_r0m2k = 2 AND hs_r0m2d IS NOT NULL THEN hs_r0m2d END END, '') || COALESCE('; ' || 'count of events: ' || hs_r0m0x, '') || COALESCE('; ' || 'sum Amount in events, where Status is one of Open: ' || hs_r0m1x, '') || COALESCE('; ' || 'distinct Status in events: ' || hs_r0m2x, ''), 3) AS hs_r0drivers,
    NULLIF('', '') AS hs_r0flags
  FROM hs__9
)
SELECT * EXCLUDE (hs_c0, hs_s0a0, hs_m0, hs_s0x0, hs_s0a1, hs_s0x1, hs_s0a2, hs_s0x2, hs_r0m0v, hs_r0m0x, hs_r0m0p, hs_r0m0s, hs_r0m0c, hs_r0m0f, hs_r0m0w, hs_r0m1v, hs_r0m1x, hs_r0m1p, hs_r0m1s, hs_r0m1c, hs_r0m1f, hs_r0m1w, hs_r0m2v, hs_r0m2x, hs_r0m2p, hs_r0m2s, hs_r0m2c, hs_r0m2f, hs_r0m2w, hs_r0g0s, hs_r0g0w, hs_r0g0p, hs_r0p, hs_r0cov, hs_r0raw, hs_r0m0i, hs_r0m1i, hs_r0m2i, hs_r0s, hs_r0m0k, hs_r0m1k, hs_r0m2k, hs_r0m0d, hs_r0m1d, hs_r0m2d, hs_r0drivers, hs_r0flags),
  hs_r0s AS health_score,
  CASE WHEN hs_r0s IS NULL THEN 'No data' WHEN hs_r0s >= 20::DOUBLE THEN 'High' ELSE 'Low' END AS health_band,
  CASE WHEN hs_r0s IS NULL THEN '#e8eaed' WHEN hs_r0s >= 20::DOUBLE THEN '#b7e1cd' ELSE '#f4c7c3' END AS health_color,
  CASE WHEN hs_r0cov > 1 THEN 1::DOUBLE ELSE hs_r0cov END AS health_coverage,
  hs_r0flags AS health_flags,
  hs_r0drivers AS health_drivers
FROM hs__10
