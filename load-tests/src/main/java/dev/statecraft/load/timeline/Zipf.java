package dev.statecraft.load.timeline;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Picks from a list ranked by popularity with probability proportional to 1 / rank^s, the shape of how often
 * countries, people and publishers occur in real news: a few very often, a long tail rarely.
 */
final class Zipf<T> {
    private final List<T> values;
    private final double[] cumulative;

    Zipf(List<T> values, double exponent) {
        this.values = List.copyOf(values);
        this.cumulative = new double[values.size()];
        double sum = 0;
        for (int i = 0; i < values.size(); i++) {
            sum += 1.0 / Math.pow(i + 1, exponent);
            cumulative[i] = sum;
        }
        for (int i = 0; i < cumulative.length; i++) {
            cumulative[i] /= sum;
        }
    }

    T next(SplittableRandom random) {
        double u = random.nextDouble();
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] < u) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return values.get(lo);
    }

    List<T> values() {
        return values;
    }
}
