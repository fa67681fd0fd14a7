package org.assay.privacy.internal.anon;

import java.util.List;

/**
 * Not a test. k-anonymize's lattice search on the census-like table ({@link CensusTable},
 * 45,222 rows, k = 5, distinct 2-diversity on the salary class, 5% suppression) for 1 to 8
 * quasi-identifiers: time, lattice size, nodes checked, and the search time as a multiple of
 * one grouping of the table at the bottom node (the cost of a single check, measured in the
 * same run: the baseline a greedy one-path answer would need a handful of).
 */
public final class KAnonymityBenchmark {

    private KAnonymityBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 45_222;
        List<String[]> data = CensusTable.rows(rows, 1994);
        System.out.printf("k-anonymize: census-like table, %,d rows, k 5, l 2 (salary), suppression limit 5%%%n", rows);
        System.out.printf("%3s %9s %8s %9s %10s %12s %8s %6s %6s %8s  %s%n", "QIs", "lattice", "checked", "anonymous",
                "search s", "x one check", "NCP", "k", "l", "suppr.", "levels");
        for (int q = 1; q <= CensusTable.QI.length; q++) {
            long t0 = System.nanoTime();
            QiTable table = encode(data, q);
            double encode = (System.nanoTime() - t0) / 1e9;
            long max = (long) Math.floor(0.05 * rows);
            NodeEvaluator one = new NodeEvaluator(table, 5, 2, max);
            one.evaluate(new int[q], false);
            long c0 = System.nanoTime();
            int reps = 5;
            for (int i = 0; i < reps; i++) {
                one.evaluate(new int[q], false);
            }
            double check = (System.nanoTime() - c0) / 1e9 / reps;
            long s0 = System.nanoTime();
            LatticeSearch.Result r = new LatticeSearch(table, 5, 2, max, () -> false).run();
            double search = (System.nanoTime() - s0) / 1e9;
            Evaluation b = r.best();
            System.out.printf("%3d %9d %8d %9d %10.2f %12.0f %8.4f %6d %6d %8d  %s  (encode %.2f s, %,d tuples)%n",
                    q, r.latticeSize(), r.checked(), r.anonymousNodes(), search, search / check, b.loss(),
                    b.achievedK(), b.achievedL(), b.suppressed(), java.util.Arrays.toString(b.levels()), encode,
                    table.tupleCount());
        }
    }

    private static QiTable encode(List<String[]> data, int q) throws Hierarchy.Uncovered {
        QiTable.Builder b = new QiTable.Builder(CensusTable.hierarchies(q));
        String[] values = new String[q];
        for (String[] row : data) {
            System.arraycopy(row, 0, values, 0, q);
            b.add(values, row[row.length - 1]);
        }
        return b.build();
    }
}
