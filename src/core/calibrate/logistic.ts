/**
 * L2-regularised logistic regression by Newton's method (IRLS), for a handful of features and up
 * to tens of thousands of rows. Deterministic: no random start, no stochastic steps.
 *
 * Features arrive as columns with NaN for a missing value. Each is standardised over the rows
 * being fitted (missing values take the column mean, i.e. 0 once standardised), so the penalty
 * treats every metric alike whatever its scale. The intercept is not penalised.
 */

export interface LogisticFit {
  intercept: number;
  /** Coefficients on the standardised features. */
  coef: Float64Array;
  /** Per feature: the mean and standard deviation used to standardise (sd 0: feature unused). */
  mean: Float64Array;
  sd: Float64Array;
  /** Coefficients on the features' own scale: coef / sd (0 for an unused feature). */
  rawCoef: Float64Array;
  iterations: number;
}

export interface LogisticOptions {
  /** L2 penalty on the standardised coefficients, on the summed log-likelihood; 1 by default. */
  lambda?: number;
  /** Rows to fit on (indexes into the columns); all rows by default. */
  rows?: ArrayLike<number>;
  maxIterations?: number;
  /** Where Newton's method starts (e.g. a fit on all rows, for the folds); the base rate by default. */
  start?: { intercept: number; coef: ArrayLike<number> };
}

/** log(1 + e^x) and 1 / (1 + e^-x) without overflow: exp only ever sees -|x| (or min(x, 0)). */
const softplus = (x: number) => Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
const sigmoid = (x: number) => Math.exp(Math.min(x, 0)) / (1 + Math.exp(-Math.abs(x)));

/** Fits P(y = 1) = σ(b₀ + Σ bⱼ zⱼ), z the standardised features. */
export function fitLogistic(
  columns: readonly Float64Array[],
  y: ArrayLike<boolean | number>,
  options: LogisticOptions = {},
): LogisticFit {
  const lambda = options.lambda ?? 1;
  const rows = options.rows ?? Array.from({ length: y.length }, (_, i) => i);
  const n = rows.length;
  const p = columns.length;

  // Standardise over the fitted rows; a missing value becomes 0 (the mean). Row-major, with a
  // leading 1 for the intercept: x[k * d + j].
  const d = p + 1;
  const x = new Float64Array(n * d);
  // Stryker disable next-line EqualityOperator: one more pass only writes past the end of a typed array, which is dropped
  for (let k = 0; k < n; k++) x[k * d] = 1;
  const mean = new Float64Array(p);
  const sd = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    const col = columns[j] as Float64Array;
    let sum = 0;
    let count = 0;
    for (let k = 0; k < n; k++) {
      const v = col[rows[k] as number] as number;
      if (!Number.isNaN(v)) {
        sum += v;
        count++;
      }
    }
    const m = count > 0 ? sum / count : 0;
    let ss = 0;
    for (let k = 0; k < n; k++) {
      const v = col[rows[k] as number] as number;
      if (!Number.isNaN(v)) ss += (v - m) * (v - m);
    }
    // The spread of the mean-filled column (over all fitted rows), which is what the model sees;
    // NaN for a single row, which leaves the feature unused like any other spread of 0.
    const s = Math.sqrt(ss / (n - 1));
    mean[j] = m;
    // Stryker disable next-line EqualityOperator: a spread of exactly 1e-12 is no real feature's
    sd[j] = s > 1e-12 ? s : 0;
    if (sd[j] === 0) continue;
    // Stryker disable next-line EqualityOperator: one more pass only writes past the end of a typed array, which is dropped
    for (let k = 0; k < n; k++) {
      const v = col[rows[k] as number] as number;
      x[k * d + j + 1] = Number.isNaN(v) ? 0 : (v - m) / s;
    }
  }
  const target = new Float64Array(n);
  let positives = 0;
  for (let k = 0; k < n; k++) {
    target[k] = Number(y[rows[k] as number]) ? 1 : 0;
    positives += target[k] as number;
  }

  // beta[0] is the intercept; started at the log-odds of the base rate, or where the caller says.
  const beta = new Float64Array(d);
  if (options.start && options.start.coef.length === p) {
    beta[0] = options.start.intercept;
    beta.set(options.start.coef, 1);
  } else {
    const rate = Math.min(1 - 1e-6, Math.max(1e-6, positives / Math.max(n, 1)));
    beta[0] = Math.log(rate / (1 - rate));
  }
  const eta = new Float64Array(n);
  /** The penalised negative log-likelihood at b; leaves b's linear predictor in `eta`. */
  const objective = (b: Float64Array) => {
    let loss = 0;
    for (let k = 0, at = 0; k < n; k++, at += d) {
      let e = 0;
      for (let j = 0; j < d; j++) e += (b[j] as number) * (x[at + j] as number);
      eta[k] = e;
      loss += softplus(e) - (target[k] as number) * e;
    }
    let penalty = 0;
    for (let j = 1; j < d; j++) penalty += (b[j] as number) ** 2;
    return loss + (lambda / 2) * penalty;
  };

  let current = objective(beta);
  const maxIterations = options.maxIterations ?? 50;
  let iterations = 0;
  const candidate = new Float64Array(d);
  const grad = new Float64Array(d);
  const hess = new Float64Array(d * d);
  for (; iterations < maxIterations; iterations++) {
    // Gradient and Hessian of the penalised negative log-likelihood (eta holds beta's predictor).
    grad.fill(0);
    hess.fill(0);
    for (let k = 0, at = 0; k < n; k++, at += d) {
      const mu = sigmoid(eta[k] as number);
      const r = mu - (target[k] as number);
      const w = Math.max(mu * (1 - mu), 1e-12);
      // Stryker disable next-line EqualityOperator: one more pass only writes past the end of a typed array, which is dropped
      for (let a = 0; a < d; a++) {
        const xa = x[at + a] as number;
        // Stryker disable next-line ConditionalExpression: skipping a 0 (a missing value) only saves time
        if (xa === 0) continue;
        grad[a] = (grad[a] as number) + r * xa;
        const wa = w * xa;
        const rowStart = a * d;
        // Stryker disable next-line EqualityOperator: one more pass writes below the diagonal (copied over next) or past the end
        for (let b = a; b < d; b++)
          hess[rowStart + b] = (hess[rowStart + b] as number) + wa * (x[at + b] as number);
      }
    }
    // Stryker disable next-line EqualityOperator: a <= d writes past the end; b <= a copies the diagonal onto itself
    for (let a = 0; a < d; a++) for (let b = 0; b < a; b++) hess[a * d + b] = hess[b * d + a] as number;
    // Stryker disable next-line EqualityOperator: one more pass only writes past the end of a typed array, which is dropped
    for (let j = 1; j < d; j++) {
      grad[j] = (grad[j] as number) + lambda * (beta[j] as number);
      hess[j * d + j] = (hess[j * d + j] as number) + lambda;
    }
    hess[0] = (hess[0] as number) + 1e-9;
    const step = solve(hess, grad, d);
    // Newton step, halved while it does not lower the objective (it nearly always does at once).
    let t = 1;
    let next = current;
    for (let halvings = 0; halvings < 30; halvings++, t /= 2) {
      // Stryker disable next-line EqualityOperator: one more pass only writes past the end of a typed array, which is dropped
      for (let j = 0; j < d; j++) candidate[j] = (beta[j] as number) - t * (step[j] as number);
      next = objective(candidate);
      // Stryker disable next-line EqualityOperator: a step that leaves the loss exactly equal is below the tolerance either way
      if (next <= current) break;
    }
    if (!(next <= current)) break; // no step lowers it: at the optimum to machine precision
    beta.set(candidate);
    let largest = 0;
    for (let j = 0; j < d; j++) largest = Math.max(largest, Math.abs(t * (step[j] as number)));
    current = next;
    // Stryker disable next-line EqualityOperator: a largest step of exactly 1e-7 is a tie of no consequence
    if (largest < 1e-7) {
      iterations++;
      break;
    }
  }

  const coef = beta.slice(1);
  const rawCoef = new Float64Array(p);
  // Stryker disable next-line EqualityOperator: one more pass only writes past the end of a typed array, which is dropped
  for (let j = 0; j < p; j++) rawCoef[j] = sd[j] === 0 ? 0 : (coef[j] as number) / (sd[j] as number);
  return { intercept: beta[0] as number, coef, mean, sd, rawCoef, iterations };
}

/** Solves A x = b (A row-major d × d) by Gaussian elimination with partial pivoting. */
function solve(matrix: Float64Array, rhs: Float64Array, d: number): Float64Array {
  const a = Array.from({ length: d }, (_, r) => Array.from(matrix.subarray(r * d, r * d + d)));
  const b = Array.from(rhs);
  const at = (r: number) => a[r] as number[];
  for (let col = 0; col < d; col++) {
    let pivot = col;
    // Stryker disable next-line ConditionalExpression: the Hessian is positive definite (bar an unused feature's zero row), so no pivoting gives the same step to rounding
    for (let r = col + 1; r < d; r++)
      if (Math.abs(at(r)[col] as number) > Math.abs(at(pivot)[col] as number)) pivot = r;
    const top = at(pivot);
    a[pivot] = at(col);
    a[col] = top;
    const t = b[pivot] as number;
    b[pivot] = b[col] as number;
    b[col] = t;
    const diag = top[col] as number;
    // Stryker disable next-line EqualityOperator: a pivot of exactly 1e-300 is 0 in all but name
    if (Math.abs(diag) < 1e-300) continue;
    for (let r = col + 1; r < d; r++) {
      const row = at(r);
      const f = (row[col] as number) / diag;
      // Stryker disable next-line EqualityOperator: c <= d writes a NaN past the row's end, which nothing reads
      for (let c = col; c < d; c++) row[c] = (row[c] as number) - f * (top[c] as number);
      b[r] = (b[r] as number) - f * (b[col] as number);
    }
  }
  const x = new Float64Array(d);
  for (let r = d - 1; r >= 0; r--) {
    const row = at(r);
    let s = b[r] as number;
    for (let c = r + 1; c < d; c++) s -= (row[c] as number) * (x[c] as number);
    const diag = row[r] as number;
    // Stryker disable next-line EqualityOperator: a pivot of exactly 1e-300 is 0 in all but name
    x[r] = Math.abs(diag) < 1e-300 ? 0 : s / diag;
  }
  return x;
}
