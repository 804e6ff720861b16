package org.mltrading.query.portfolio;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ojalgo.matrix.store.RawStore;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.convex.ConvexSolver;
import org.ojalgo.optimisation.Variable;

/**
 * Target weights (fractions of equity per instrument) from a covariance Σ and expected returns μ (same
 * units: the service passes annualised figures, which also keeps the solver's numbers near one). The
 * quadratic programmes are ojAlgo's (its convex solver), stated here as variables and linear constraints:
 * <ul>
 *   <li>MIN_VARIANCE: min wᵀΣw;</li>
 *   <li>MEAN_VARIANCE: min (λ/2) wᵀΣw − μᵀw, or min wᵀΣw subject to μᵀw ≥ target;</li>
 *   <li>MAX_SHARPE: the homogenised programme min yᵀΣy subject to (μ − r)ᵀy = 1 with every constraint
 *       scaled by κ ≥ 0, then w = y/κ (Cornuejols and Tütüncü, ch. 8: a ratio objective made convex);</li>
 *   <li>RISK_PARITY (long only, fully invested): equal risk contributions wᵢ(Σw)ᵢ/wᵀΣw = 1/n, from the
 *       strictly convex min ½yᵀΣy − Σ(1/n)ln yᵢ solved by cyclical coordinate descent (each step a closed-form
 *       root; Griveau-Billion, Richard and Roncalli, 2013), then scaled to the budget;</li>
 *   <li>EQUAL_WEIGHT: the budget split evenly (the baseline).</li>
 * </ul>
 * Constraints: long only or long-short, weight bounds per instrument, the net exposure Σw (the budget: 1
 * less a cash buffer), a gross exposure cap Σ|w| and a turnover cap Σ|w − w₀| against current weights w₀
 * (both linearised with non-negative split variables).
 */
public final class PortfolioOptimizer {

    /** The programme's constraints; null caps are absent, infinite bounds are none. */
    public record Constraints(boolean longOnly, double[] lower, double[] upper, double net, Double maxGross,
                              double[] current, Double maxTurnover) {

        public static Constraints fullyInvested(int n, boolean longOnly) {
            double[] lower = new double[n];
            double[] upper = new double[n];
            Arrays.fill(lower, longOnly ? 0 : Double.NEGATIVE_INFINITY);
            Arrays.fill(upper, Double.POSITIVE_INFINITY);
            return new Constraints(longOnly, lower, upper, 1, null, null, null);
        }
    }

    /** No portfolio satisfies the constraints (or the objective has no finite optimum under them). */
    public static final class Infeasible extends RuntimeException {
        Infeasible(String message) {
            super(message, null, false, false);
        }
    }

    private enum Programme { MIN_VARIANCE, RISK_AVERSION, TARGET_RETURN, MAX_SHARPE, MAX_RETURN }

    private final double[][] covariance;
    private final double[] expected;
    private final Constraints constraints;
    private final int n;

    /** @param expectedReturns null when the objective needs none (minimum variance, risk parity) */
    public PortfolioOptimizer(double[][] covariance, double[] expectedReturns, Constraints constraints) {
        this.covariance = covariance;
        this.expected = expectedReturns;
        this.constraints = constraints;
        this.n = covariance.length;
    }

    public double[] minimumVariance() {
        return solve(Programme.MIN_VARIANCE, 0);
    }

    public double[] meanVariance(double riskAversion) {
        return solve(Programme.RISK_AVERSION, riskAversion);
    }

    public double[] targetReturn(double target) {
        return solve(Programme.TARGET_RETURN, target);
    }

    public double[] maximumSharpe(double riskFreeRate) {
        boolean anyAbove = false;
        for (double mu : expected) {
            anyAbove |= mu > riskFreeRate;
        }
        if (!anyAbove && constraints.longOnly()) {
            throw new Infeasible("no instrument's expected return exceeds the risk-free rate: a long-only portfolio"
                    + " with a positive Sharpe ratio does not exist");
        }
        return solve(Programme.MAX_SHARPE, riskFreeRate);
    }

    /** The highest expected return the constraints allow, or the highest single one if they do not bound it. */
    public double maximumReturn() {
        try {
            return dot(expected, solve(Programme.MAX_RETURN, 0));
        } catch (Infeasible unbounded) {
            return Arrays.stream(expected).max().orElse(0) * Math.abs(constraints.net());
        }
    }

    /** Minimum-variance portfolios for {@code points} target returns from the minimum-variance one's to the highest. */
    public List<double[]> frontier(int points) {
        double[] minimum = minimumVariance();
        double low = dot(expected, minimum);
        double high = maximumReturn();
        List<double[]> frontier = new ArrayList<>();
        frontier.add(minimum);
        for (int k = 1; k < points; k++) {
            double target = low + (high - low) * k / (points - 1);
            try {
                frontier.add(targetReturn(target));
            } catch (Infeasible edge) {
                break; // the highest return is reached only to the solver's tolerance
            }
        }
        return frontier;
    }

    /** Equal risk contributions; long only, fully invested in {@code net}, no other constraint. */
    public static double[] riskParity(double[][] covariance, double net) {
        int n = covariance.length;
        double budget = 1.0 / n;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            if (!(covariance[i][i] > 0)) {
                throw new IllegalArgumentException("instrument " + i + " has no variance");
            }
            y[i] = 1 / Math.sqrt(covariance[i][i]);
        }
        for (int sweep = 0; sweep < 100_000; sweep++) {
            for (int i = 0; i < n; i++) {
                double others = 0;
                for (int j = 0; j < n; j++) {
                    if (j != i) {
                        others += covariance[i][j] * y[j];
                    }
                }
                double s = covariance[i][i];
                y[i] = (-others + Math.sqrt(others * others + 4 * s * budget)) / (2 * s);
            }
            double worst = 0;
            double[] sy = multiply(covariance, y);
            for (int i = 0; i < n; i++) {
                worst = Math.max(worst, Math.abs(y[i] * sy[i] - budget));
            }
            if (worst < 1e-13) {
                break;
            }
        }
        double sum = Arrays.stream(y).sum();
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = net * y[i] / sum;
        }
        return w;
    }

    public static double[] equalWeight(int n, double net) {
        double[] w = new double[n];
        Arrays.fill(w, net / n);
        return w;
    }

    /** wᵀΣw. */
    public static double variance(double[] w, double[][] covariance) {
        return dot(w, multiply(covariance, w));
    }

    /** Each instrument's share of the portfolio variance, wᵢ(Σw)ᵢ/wᵀΣw (they sum to 1). */
    public static double[] riskContributions(double[] w, double[][] covariance) {
        double[] sw = multiply(covariance, w);
        double total = dot(w, sw);
        double[] contributions = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            contributions[i] = total == 0 ? 0 : w[i] * sw[i] / total;
        }
        return contributions;
    }

    public static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    static double[] multiply(double[][] matrix, double[] v) {
        double[] out = new double[matrix.length];
        for (int i = 0; i < matrix.length; i++) {
            out[i] = dot(matrix[i], v);
        }
        return out;
    }

    private double[] solve(Programme programme, double parameter) {
        // variables: w (n), κ, then per instrument a long and a short part (gross cap) and a trade (turnover)
        boolean homogeneous = programme == Programme.MAX_SHARPE;
        boolean gross = constraints.maxGross() != null && !constraints.longOnly();
        boolean turnover = constraints.maxTurnover() != null;
        // κ is a variable only in the homogenised programme; elsewhere it is 1 and folds into the bounds
        int kappa = homogeneous ? n : Rows.FIXED;
        int longPart = homogeneous ? n + 1 : n;
        int shortPart = longPart + (gross ? n : 0);
        int trade = shortPart + (gross ? n : 0);
        int size = trade + (turnover ? n : 0);
        Rows equalities = new Rows(size);
        Rows inequalities = new Rows(size); // each row: a·x ≤ b
        if (homogeneous) {
            inequalities.add(0).set(kappa, -1);                              // κ ≥ 0
        }
        for (int i = 0; i < n; i++) {
            double lower = constraints.lower()[i];
            double upper = constraints.upper()[i];
            if (constraints.longOnly() && !(lower > 0)) {
                inequalities.add(0).set(i, -1);                              // w ≥ 0
            } else if (Double.isFinite(lower)) {
                inequalities.add(0).set(i, -1).set(kappa, lower);            // w ≥ lower·κ
            }
            if (Double.isFinite(upper)) {
                inequalities.add(0).set(i, 1).set(kappa, -upper);            // w ≤ upper·κ
            }
        }
        double[] budget = equalities.add(0).set(kappa, -constraints.net()).row();
        for (int i = 0; i < n; i++) {
            budget[i] = 1;                                                   // Σw = net·κ
        }
        if (gross) {
            double[] cap = inequalities.add(0).set(kappa, -constraints.maxGross()).row();
            for (int i = 0; i < n; i++) {
                equalities.add(0).set(i, 1).set(longPart + i, -1).set(shortPart + i, 1); // w = long − short
                inequalities.add(0).set(longPart + i, -1);
                inequalities.add(0).set(shortPart + i, -1);
                cap[longPart + i] = 1;
                cap[shortPart + i] = 1;                                      // Σ(long + short) ≤ gross·κ
            }
        }
        if (turnover) {
            double[] cap = inequalities.add(0).set(kappa, -constraints.maxTurnover()).row();
            for (int i = 0; i < n; i++) {
                double current = constraints.current()[i];
                inequalities.add(0).set(i, 1).set(trade + i, -1).set(kappa, -current);  // w − w₀κ ≤ t
                inequalities.add(0).set(i, -1).set(trade + i, -1).set(kappa, current);  // w₀κ − w ≤ t
                cap[trade + i] = 1;                                          // Σt ≤ turnover·κ
            }
        }
        // ojAlgo's convex form: min ½xᵀQx − cᵀx
        double[][] q = new double[size][size];
        double[] c = new double[size];
        double quadratic = programme == Programme.RISK_AVERSION ? parameter : programme == Programme.MAX_RETURN ? 0 : 2;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                q[i][j] = quadratic * covariance[i][j];
            }
        }
        switch (programme) {
            case RISK_AVERSION, MAX_RETURN -> System.arraycopy(expected, 0, c, 0, n);
            case TARGET_RETURN -> {
                double[] row = inequalities.add(-parameter).row();           // μᵀw ≥ target
                for (int i = 0; i < n; i++) {
                    row[i] = -expected[i];
                }
            }
            case MAX_SHARPE -> {
                double[] row = equalities.add(1).row();                      // (μ − r)ᵀy = 1
                for (int i = 0; i < n; i++) {
                    row[i] = expected[i] - parameter;
                }
            }
            case MIN_VARIANCE -> {
            }
        }
        Optimisation.Result result;
        if (programme == Programme.MAX_RETURN) {
            result = linear(equalities, inequalities, c);
        } else {
            // a tiny ridge on the auxiliary variables keeps Q positive definite on them (their values are
            // pinned by the constraints; the ridge is far below any tolerance that matters here)
            for (int k = n; k < size; k++) {
                q[k][k] = 1e-12;
            }
            ConvexSolver.Builder builder = ConvexSolver.newBuilder().objective(RawStore.wrap(q), RawStore.wrap(new double[][] {c}).transpose());
            equalities.addTo(builder, true);
            inequalities.addTo(builder, false);
            // a covariance is dense: ojAlgo's dense path is twice as fast as its sparse default here
            Optimisation.Options options = new Optimisation.Options();
            options.sparse = Boolean.FALSE;
            result = builder.build(options).solve();
        }
        if (!result.getState().isOptimal()) {
            throw new Infeasible(switch (programme) {
                case TARGET_RETURN -> "no portfolio within the constraints reaches the target return";
                case MAX_SHARPE -> "no portfolio within the constraints has a positive expected excess return";
                case MAX_RETURN -> "the constraints do not bound the expected return";
                default -> "no portfolio satisfies the constraints";
            } + " (solver: " + result.getState() + ")");
        }
        double scale = homogeneous ? result.doubleValue(kappa) : 1;
        if (!(scale > 0)) {
            throw new Infeasible("no portfolio within the constraints has a positive expected excess return");
        }
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
            weights[i] = result.doubleValue(i) / scale;
        }
        return weights;
    }

    /** The linear programme max cᵀx through ojAlgo's modelling layer (free variables, the same rows). */
    private static Optimisation.Result linear(Rows equalities, Rows inequalities, double[] c) {
        ExpressionsBasedModel model = new ExpressionsBasedModel();
        Variable[] x = new Variable[c.length];
        for (int k = 0; k < c.length; k++) {
            x[k] = model.addVariable("x" + k).weight(c[k]);
        }
        equalities.addTo(model, x, true);
        inequalities.addTo(model, x, false);
        return model.maximise();
    }

    /** Dense constraint rows a·x (= or ≤) b over every variable of the programme. */
    private static final class Rows {
        /** The index of κ where it is fixed at 1: its coefficient moves to the bound. */
        static final int FIXED = -1;
        private final int size;
        private final List<double[]> rows = new ArrayList<>();
        private final List<Double> bounds = new ArrayList<>();
        private double[] row;

        Rows(int size) {
            this.size = size;
        }

        Rows add(double bound) {
            row = new double[size];
            rows.add(row);
            bounds.add(bound);
            return this;
        }

        Rows set(int index, double value) {
            if (index == FIXED) {
                bounds.set(bounds.size() - 1, bounds.get(bounds.size() - 1) - value);
            } else {
                row[index] = value;
            }
            return this;
        }

        double[] row() {
            return row;
        }

        void addTo(ExpressionsBasedModel model, Variable[] x, boolean equality) {
            for (int k = 0; k < rows.size(); k++) {
                Expression expression = model.addExpression((equality ? "equality" : "inequality") + k);
                if (equality) {
                    expression.level(bounds.get(k));
                } else {
                    expression.upper(bounds.get(k));
                }
                double[] coefficients = rows.get(k);
                for (int i = 0; i < coefficients.length; i++) {
                    if (coefficients[i] != 0) {
                        expression.set(x[i], coefficients[i]);
                    }
                }
            }
        }

        void addTo(ConvexSolver.Builder builder, boolean equality) {
            for (int k = 0; k < rows.size(); k++) {
                if (equality) {
                    builder.equality(bounds.get(k), rows.get(k));
                } else {
                    builder.inequality(bounds.get(k), rows.get(k));
                }
            }
        }
    }
}
