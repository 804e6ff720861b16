package org.mltrading.query.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.junit.jupiter.api.Test;

class CovariancesTest {

    /** Six returns of three instruments; the answer was computed separately (NumPy, the paper's formulas). */
    private static final double[][] RETURNS = {
            {0.01, 0.02, -0.01}, {0.00, -0.01, 0.02}, {-0.02, 0.01, 0.00},
            {0.03, 0.00, 0.01}, {0.01, 0.02, -0.02}, {-0.01, -0.02, 0.01}};

    @Test
    void ledoitWolfMatchesAnIndependentComputation() {
        Covariances.Estimate estimate = Covariances.ledoitWolf(RETURNS);
        assertThat(estimate.shrinkage()).isCloseTo(0.5744822979291916, within(1e-12));
        double[][] expected = {
                {2.3481036146366806e-04, 2.3639872337267138e-05, -9.4559489349068557e-06},
                {2.3639872337267138e-05, 2.2062643806130779e-04, -7.3283604245528121e-05},
                {-9.4559489349068557e-06, -7.3283604245528121e-05, 2.0289653380835742e-04}};
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertThat(estimate.covariance()[i][j]).isCloseTo(expected[i][j], within(1e-15));
            }
        }
    }

    @Test
    void shrinkageMakesAFewReturnsOfManyInstrumentsPositiveDefinite() {
        Random random = new Random(3);
        double[][] returns = new double[10][30]; // fewer periods than instruments: the sample covariance is singular
        for (double[] row : returns) {
            for (int j = 0; j < row.length; j++) {
                row[j] = 0.01 * random.nextGaussian();
            }
        }
        double smallestSample = min(new EigenDecomposition(new Array2DRowRealMatrix(Covariances.sample(returns).covariance())).getRealEigenvalues());
        assertThat(smallestSample).isLessThan(1e-12);
        Covariances.Estimate shrunk = Covariances.ledoitWolf(returns);
        assertThat(shrunk.shrinkage()).isBetween(0.0, 1.0);
        double smallest = min(new EigenDecomposition(new Array2DRowRealMatrix(shrunk.covariance())).getRealEigenvalues());
        assertThat(smallest).isGreaterThan(1e-7);
    }

    @Test
    void manyReturnsNeedLittleShrinkage() {
        Random random = new Random(5);
        double[][] returns = new double[5_000][4];
        for (double[] row : returns) {
            double market = random.nextGaussian();
            for (int j = 0; j < 4; j++) {
                row[j] = 0.01 * (market * (j + 1) + random.nextGaussian());
            }
        }
        assertThat(Covariances.ledoitWolf(returns).shrinkage()).isLessThan(0.02);
    }

    private static double min(double[] values) {
        double min = Double.POSITIVE_INFINITY;
        for (double value : values) {
            min = Math.min(min, value);
        }
        return min;
    }
}
