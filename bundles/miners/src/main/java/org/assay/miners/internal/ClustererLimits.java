package org.assay.miners.internal;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.assay.api.step.StepFailure;
import weka.clusterers.Clusterer;
import weka.clusterers.MakeDensityBasedClusterer;
import weka.clusterers.SingleClustererEnhancer;
import weka.core.Instance;
import weka.core.Instances;

/**
 * Checks a configured clusterer against the data it is about to get, before the build: a
 * number of clusters the rows cannot hold, and a clusterer too slow for this many rows. Weka
 * itself builds 2,992 one-row clusters for {@code -N 5000} on 2,992 rows without a word, and
 * starts a HierarchicalClusterer that will take minutes or hours.
 *
 * <p>The number of clusters is read through the clusterer's bean getters, as Weka's own
 * GUI does, so every clusterer with a {@code numClusters} property is covered (SimpleKMeans,
 * EM, FarthestFirst, HierarchicalClusterer, Canopy) and so is XMeans from its Weka package
 * ({@code minNumClusters}, {@code maxNumClusters}) when it is installed. A value of 0 or
 * less means "the clusterer chooses" (EM and Canopy default to -1) and is not checked.
 */
final class ClustererLimits {

    /** Rows above which a clusterer known to be quadratic or worse gets a warning. */
    static final int SLOW_ROWS = 2_000;

    /** A bean property that asks for a number of clusters, and the option that sets it. */
    private record Request(String getter, String option, String asked, boolean upperBound) {
    }

    private static final List<Request> REQUESTS = List.of(
            new Request("getNumClusters", "-N", "%d clusters", false),
            new Request("getMinNumClusters", "-L", "at least %d clusters", false),
            new Request("getMaxNumClusters", "-H", "up to %d clusters", true));

    /**
     * Clusterers whose time grows with the square of the rows or faster, by class name, with
     * the seconds they take for {@link #SLOW_ROWS} rows and the power of the rows their time
     * grows with. HierarchicalClusterer: measured 0.6 s, 3 s, 11 s and 44 s for 500 to 2,000
     * rows of six columns (Java 17), about the cube; 158 s were seen on 2,992 rows. DBSCAN
     * and OPTICS (Weka package optics_dbScan) compare every pair of rows without an index.
     */
    private static final Map<String, Slowness> SLOW = Map.of(
            "weka.clusterers.HierarchicalClusterer", new Slowness(44, 3, "compares every pair of rows"),
            "weka.clusterers.DBSCAN", new Slowness(0, 2, "compares every pair of rows"),
            "weka.clusterers.OPTICS", new Slowness(0, 2, "compares every pair of rows"));

    /** @param seconds at {@link #SLOW_ROWS} rows; 0 when not measured */
    private record Slowness(double seconds, int power, String why) {
    }

    private ClustererLimits() {
    }

    /** The clusterer doing the work inside wrappers (FilteredClusterer, MakeDensityBasedClusterer). */
    static Clusterer core(Clusterer clusterer) {
        Clusterer c = clusterer;
        for (int depth = 0; depth < 16; depth++) {
            if (c instanceof SingleClustererEnhancer wrapper) {
                c = wrapper.getClusterer();
            } else if (c instanceof MakeDensityBasedClusterer wrapper) {
                c = wrapper.getClusterer();
            } else {
                break;
            }
        }
        return c;
    }

    /**
     * Refuses as many clusters as rows or more; warns when there are more clusters than
     * different points, or an upper bound above the rows.
     *
     * @param columns the column names, for the messages
     * @return warnings for the summary and the log; empty when all is well
     * @throws StepFailure naming {@code options} and the option to change
     */
    static List<String> checkClusters(Clusterer clusterer, Instances data, List<String> columns) throws StepFailure {
        Clusterer c = core(clusterer);
        String name = c.getClass().getSimpleName();
        int rows = data.numInstances();
        List<String> warnings = new ArrayList<>();
        for (Request request : REQUESTS) {
            int k = property(c, request.getter());
            if (k <= 0) {
                continue;
            }
            String asked = "asked " + name + " for " + String.format(Locale.ROOT, request.asked(), k);
            if (k >= rows) {
                String text = "options: " + asked + " (" + request.option() + " " + k + ") but the input has "
                        + rows + " rows" + (k == rows ? ", one cluster per row" : "") + "; choose "
                        + request.option() + " below " + rows + " (segmentations usually have 3 to 10 clusters).";
                if (!request.upperBound()) {
                    throw new StepFailure(text);
                }
                warnings.add(text);
                continue;
            }
            if (request.upperBound()) {
                continue;
            }
            int distinct = distinctRows(data, k + 1);
            if (k > distinct) {
                warnings.add("options: " + asked + " (" + request.option() + " " + k + ") but the rows have only "
                        + distinct + " different combinations of values in " + columns + ", so at most "
                        + distinct + " clusters can differ; choose " + request.option() + " " + distinct
                        + " or fewer, or cluster on more columns.");
            }
        }
        return warnings;
    }

    /**
     * A warning when the clusterer is known to be slow for this many rows, with an estimate
     * and what to do; null otherwise.
     */
    static String slowness(Clusterer clusterer, int rows, int threshold) {
        Clusterer c = core(clusterer);
        Slowness s = SLOW.get(c.getClass().getName());
        if (s == null || rows <= threshold) {
            return null;
        }
        String name = c.getClass().getSimpleName();
        long pairs = (long) rows * (rows - 1) / 2;
        String estimate = s.seconds() > 0
                ? " and its time grows with the " + (s.power() == 3 ? "cube" : "square") + " of the rows: " + rows
                        + " rows take roughly " + duration(s.seconds() * Math.pow((double) rows / SLOW_ROWS, s.power()))
                        + " (about " + duration(s.seconds()) + " for " + SLOW_ROWS + " rows on a typical machine)"
                : " and its time grows with the square of the rows";
        return name + " on " + rows + " rows is slow: it " + s.why() + String.format(Locale.ROOT, " (%,d pairs)", pairs)
                + estimate
                + ". Cluster a sample of the rows, or use weka.clusterers.SimpleKMeans, whose time grows only"
                + " with the rows.";
    }

    private static String duration(double seconds) {
        if (seconds < 90) {
            return Math.max(1, Math.round(seconds)) + " s";
        }
        // Rounded up: an estimate that errs, errs on the side of waiting less than feared.
        if (seconds < 90 * 60) {
            return (long) Math.ceil(seconds / 60) + " min";
        }
        return (long) Math.ceil(seconds / 3600) + " h";
    }

    /** The bean property's int value, or 0 when the clusterer has no such property. */
    private static int property(Clusterer c, String getter) {
        try {
            Method m = c.getClass().getMethod(getter);
            if (m.getReturnType() != int.class) {
                return 0;
            }
            return (Integer) m.invoke(c);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return 0;
        }
    }

    /** Different rows, counting up to {@code limit} only: no more work than the check needs. */
    private static int distinctRows(Instances data, int limit) {
        Set<RowKey> seen = new HashSet<>();
        for (int r = 0; r < data.numInstances() && seen.size() < limit; r++) {
            seen.add(new RowKey(data.instance(r)));
        }
        return seen.size();
    }

    /** An instance's values as a set key, without copying them; missing equals missing. */
    private static final class RowKey {
        private final Instance row;
        private final int hash;

        RowKey(Instance row) {
            this.row = row;
            int h = 1;
            for (int j = 0; j < row.numAttributes(); j++) {
                h = 31 * h + Double.hashCode(row.value(j));
            }
            this.hash = h;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof RowKey other) || other.hash != hash) {
                return false;
            }
            for (int j = 0; j < row.numAttributes(); j++) {
                if (Double.compare(row.value(j), other.row.value(j)) != 0) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
