package dev.statecraft.parser.eval;

/** True/false positives and false negatives of one field, summed over fixtures (micro-average). */
final class FieldScore {
    private int truePositives;
    private int falsePositives;
    private int falseNegatives;

    private boolean counted;

    void add(int tp, int fp, int fn) {
        counted = true;
        truePositives += tp;
        falsePositives += fp;
        falseNegatives += fn;
    }

    /** Whether any labelled text had this field. */
    boolean counted() {
        return counted;
    }

    int truePositives() {
        return truePositives;
    }

    double precision() {
        int predicted = truePositives + falsePositives;
        return predicted == 0 ? 1.0 : (double) truePositives / predicted;
    }

    double recall() {
        int expected = truePositives + falseNegatives;
        return expected == 0 ? 1.0 : (double) truePositives / expected;
    }

    double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    String row(String field) {
        return String.format("%-16s %6.3f %6.3f %6.3f   tp=%d fp=%d fn=%d", field, precision(), recall(), f1(),
                truePositives, falsePositives, falseNegatives);
    }
}
