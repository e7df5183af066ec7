package org.telehealth.recording.benchmark;

import java.util.List;

/**
 * A straight line through (x, y) points by least squares: CPU against the number of visits, whose
 * slope is what one more visit costs, with what the process spends anyway (timers, JIT, GC of its
 * own) left in the intercept. A step's CPU divided by its visits mixes the two, most at small steps.
 *
 * @param intercept y at x = 0
 * @param slope y per unit of x
 */
record LinearFit(double intercept, double slope) {

    /** The line through {@code points}, {x, y} each; at least two distinct x. */
    static LinearFit of(List<double[]> points) {
        int n = points.size();
        double meanX = points.stream().mapToDouble(p -> p[0]).average().orElse(Double.NaN);
        double meanY = points.stream().mapToDouble(p -> p[1]).average().orElse(Double.NaN);
        double sxx = 0;
        double sxy = 0;
        for (double[] p : points) {
            sxx += (p[0] - meanX) * (p[0] - meanX);
            sxy += (p[0] - meanX) * (p[1] - meanY);
        }
        if (n < 2 || sxx == 0) {
            throw new IllegalArgumentException("a line needs points at two different x at least");
        }
        double slope = sxy / sxx;
        return new LinearFit(meanY - slope * meanX, slope);
    }
}
