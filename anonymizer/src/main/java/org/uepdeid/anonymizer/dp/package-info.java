/**
 * Differential privacy for the statistics products: exact noise, its accounting, partition selection and the budget
 * over a window. Plain Java, no framework: the aggregate job calls it, and verify and the report read its figures.
 *
 * <h2>The model</h2>
 * <ul>
 *   <li><b>Unit.</b> The device over {@code period_days}: two datasets are neighbours when they differ by all of one
 *       device's data (add/remove), and the guarantee bounds what any window of {@code period_days} consecutive days
 *       of releases, all products and replacements together, reveals about one device.</li>
 *   <li><b>Bounds and sensitivity</b> ({@link org.uepdeid.anonymizer.dp.Sensitivity}). Each product caps the cells one
 *       device feeds per day at L0 = {@code max_cells_per_device} and what it adds to one cell at L∞ (1 for the
 *       {@code devices} count, the per-cell cap for a sum). A measure's L1 sensitivity is then Δ₁ = L0·L∞ and its L2
 *       sensitivity Δ₂ = √L0·L∞, kept as the integer Δ₂² = L0·L∞².</li>
 *   <li><b>Mechanisms</b> ({@link org.uepdeid.anonymizer.dp.Mechanism}). The discrete Gaussian, σ² rational, ρ-zCDP
 *       with ρ = Δ₂²/(2σ²), the default; the discrete Laplace (two-sided geometric), scale t rational, pure ε-DP with
 *       ε = Δ₁/t. Both are sampled exactly — Canonne, Kamath and Steinke (2020), "The Discrete Gaussian for
 *       Differential Privacy", NeurIPS, arXiv:2004.00010, Algorithms 1–3 — with integer arithmetic on uniform integers
 *       drawn from a fresh {@code new SecureRandom()} by rejection: no floating point touches the noise (Mironov 2012,
 *       "On significance of the least significant bits for differential privacy", CCS). There is no way to seed a
 *       sampler from data, dates or config.</li>
 *   <li><b>Calibration.</b> Given a share (ρ or ε) and the sensitivity, σ² = Δ₂²/(2ρ) or t = Δ₁/ε, rounded up to six
 *       significant digits: the noise is never smaller than paid for, and what it really spends
 *       ({@link org.uepdeid.anonymizer.dp.NoiseDistribution#loss}) is at most the share.</li>
 *   <li><b>Composition.</b> Within a release and over a window, ρ's of zCDP charges add up and ε's of pure charges
 *       add up (Bun and Steinke 2016, "Concentrated Differential Privacy: Simplifications, Extensions, and Lower
 *       Bounds", TCC). A window's total ρ is converted to (ε, δ) once, by the tight conversion of CKS 2020,
 *       Corollary 13 ({@link org.uepdeid.anonymizer.dp.ZcdpConversion}), which is never worse than
 *       ε = ρ + 2√(ρ ln(1/δ)); pure ε's add to that ε.</li>
 *   <li><b>Which cells appear.</b> Closed domains publish every cell. Open domains use
 *       {@link org.uepdeid.anonymizer.dp.PartitionSelection}: a cell appears only if its noisy device count reaches
 *       τ, the smallest integer with P(Z ≥ τ − 1) ≤ δ_sel/L0 by the noise's exact tail, so the cells that exist because
 *       of one device appear, together, with probability at most δ_sel (Korolova et al. 2009; Desfontaines et al.
 *       2022). δ_sel adds to the window's δ.</li>
 *   <li><b>δ.</b> One rule ({@code DeltaSplit}): where zCDP is in play, half the budget's δ converts ρ and half is for
 *       partition selection; under pure accounting selection has it all.</li>
 *   <li><b>Budget</b> ({@link org.uepdeid.anonymizer.dp.PrivacyBudget},
 *       {@link org.uepdeid.anonymizer.dp.BudgetLedger}). Every release, first or replacement, charges the day whose
 *       data it holds, one {@link org.uepdeid.anonymizer.dp.BudgetCharge} per product. A release fits when every
 *       window of {@code period_days} days that holds its day stays within {@code budget}; if not, the decision says
 *       what is left and from which day a release of that size fits again. A release's share is
 *       {@code per_release}, or the budget spread evenly over the window's days (in ρ under zCDP), split over the
 *       products by {@code weights} (absent ones count 1) and, inside a product, evenly over its measures unless
 *       the caller weighs them ({@link org.uepdeid.anonymizer.dp.ShareWeights}). Shares round down and spending
 *       rounds up, exactly, so the parts never exceed the whole.</li>
 *   <li><b>Post-processing and error.</b> A published value is the exact integer plus one draw, negatives clamped to
 *       zero (free: post-processing). Each distribution gives its exact variance (discrete Laplace
 *       2e^(−1/t)/(1−e^(−1/t))²; discrete Gaussian a summed series, below σ²), tail bounds and the 95 % interval of a
 *       published value ({@link org.uepdeid.anonymizer.dp.ConfidenceInterval}). Clamping cuts the residuals of cells
 *       near zero, so a check of the noise's spread should use cells well above the half-width;
 *       {@link org.uepdeid.anonymizer.dp.ResidualSpread} is that check, with the noise's own kurtosis and chance
 *       of drawing 0, so that it holds at every scale.</li>
 * </ul>
 *
 * <p>Floating point is used only for accounting and error figures, each rounded in the safe direction; the noise
 * itself is exact.
 */
package org.uepdeid.anonymizer.dp;
