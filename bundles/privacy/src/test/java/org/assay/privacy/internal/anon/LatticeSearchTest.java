package org.assay.privacy.internal.anon;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.assay.api.data.Field;
import org.assay.api.data.FieldType;
import org.junit.jupiter.api.Test;

class LatticeSearchTest {

    /**
     * The Patients table of LeFevre, DeWitt and Ramakrishnan, "Incognito: efficient full-domain
     * k-anonymity" (SIGMOD 2005), Figure 1: birthdate, sex, zipcode and disease.
     */
    private static final String[][] PATIENTS = {
        {"1976-01-21", "Male", "53715", "Flu"},
        {"1986-04-13", "Female", "53715", "Hepatitis"},
        {"1976-02-28", "Male", "53703", "Brochitis"},
        {"1976-01-21", "Male", "53703", "Broken Arm"},
        {"1986-04-13", "Female", "53706", "Sprained Ankle"},
        {"1976-02-28", "Female", "53706", "Hang Nail"},
    };

    /** Their hierarchies: B0 date, B1 year, B2 *; S0 sex, S1 *; Z0 zip, Z1 5371*, Z2 537*, Z3 *. */
    private static List<Hierarchy> patientHierarchies() {
        return List.of(
                Hierarchy.of(HierarchySpec.parse("date:year"), Field.of("birth", FieldType.DATE), Map.of()),
                Hierarchy.of(HierarchySpec.parse("suppress"), Field.of("sex", FieldType.STRING), Map.of()),
                Hierarchy.of(HierarchySpec.parse("prefix:4,3"), Field.of("zip", FieldType.STRING), Map.of()));
    }

    private static QiTable table(String[][] rows, List<Hierarchy> hierarchies, int sensitive) throws Exception {
        QiTable.Builder b = new QiTable.Builder(hierarchies);
        for (String[] row : rows) {
            String[] qi = new String[hierarchies.size()];
            System.arraycopy(row, 0, qi, 0, qi.length);
            b.add(qi, sensitive < 0 ? null : row[sensitive]);
        }
        return b.build();
    }

    @Test
    void incognitoPatientsHaveTheThreeMinimalTwoAnonymousGeneralisationsThePaperFinds() throws Exception {
        QiTable t = table(PATIENTS, patientHierarchies(), -1);
        LatticeSearch search = new LatticeSearch(t, 2, 1, 0, () -> false);
        LatticeSearch.Result r = search.run();
        // Brute force over all 3 x 2 x 4 nodes: which are 2-anonymous without suppression.
        NodeEvaluator ev = new NodeEvaluator(t, 2, 1, 0);
        Set<String> minimal = new TreeSet<>();
        for (int i = 0; i < search.latticeSize(); i++) {
            int[] lv = search.levels(i);
            if (!ev.evaluate(lv, false).anonymous()) {
                continue;
            }
            boolean isMinimal = true;
            for (int c = 0; c < lv.length; c++) {
                if (lv[c] > 0) {
                    int[] below = lv.clone();
                    below[c]--;
                    isMinimal &= !ev.evaluate(below, false).anonymous();
                }
            }
            if (isMinimal) {
                minimal.add("B" + lv[0] + "S" + lv[1] + "Z" + lv[2]);
            }
        }
        assertEquals(Set.of("B0S1Z2", "B2S0Z2", "B2S1Z0"), minimal, "Incognito's 2-minimal generalisations");
        // All three lose 2/3 (NCP); the tie goes to the lowest, then first node: <B0, S1, Z2>.
        assertArrayEquals(new int[] {0, 1, 2}, r.best().levels());
        assertEquals(2.0 / 3, r.best().loss(), 1e-12);
        assertEquals(2, r.best().achievedK());
        assertEquals(0, r.best().suppressed());
        assertEquals(3, r.best().classes());
        assertEquals(12, r.best().discernibility(), 1e-9, "three classes of two: 3 x 2^2");
        assertTrue(r.checked() < search.latticeSize(), "tagging spared some checks: " + r.checked());
    }

    @Test
    void suppressingOneOutlierBeatsEveryMinimalNodeAndTheSearchFindsIt() throws Exception {
        QiTable t = table(PATIENTS, patientHierarchies(), -1);
        LatticeSearch.Result r = new LatticeSearch(t, 2, 1, 1, () -> false).run();
        Evaluation brute = bruteForce(t, 2, 1, 1);
        assertEquals(brute.loss(), r.best().loss(), 1e-12);
        assertTrue(r.best().loss() < 2.0 / 3, "one suppressed row is cheaper than the best node without: "
                + r.best().loss());
        assertEquals(1, r.best().suppressed());
    }

    @Test
    void distinctLDiversityHoldsInEveryKeptClass() throws Exception {
        String[][] rows = {
            {"30", "F", "flu"}, {"31", "F", "flu"}, {"33", "F", "cold"},
            {"36", "M", "flu"}, {"37", "M", "flu"}, {"38", "M", "flu"},
        };
        List<Hierarchy> h = List.of(
                Hierarchy.of(HierarchySpec.parse("interval:5,10"), Field.of("age", FieldType.INTEGER), Map.of()),
                Hierarchy.of(HierarchySpec.parse("suppress"), Field.of("sex", FieldType.STRING), Map.of()));
        QiTable t = table(rows, h, 2);
        LatticeSearch.Result k3 = new LatticeSearch(t, 3, 1, 0, () -> false).run();
        assertArrayEquals(new int[] {1, 0}, k3.best().levels(), "30-34 F and 35-39 M are 3-anonymous");
        assertEquals(1, k3.best().achievedL(), "but the men all have flu");
        LatticeSearch.Result l2 = new LatticeSearch(t, 3, 2, 0, () -> false).run();
        assertEquals(2, l2.best().achievedL());
        assertEquals(6, l2.best().achievedK(), "only one class of all six has two diseases");
        assertNull(new LatticeSearch(t, 3, 3, 0, () -> false).run().best(), "three diseases exist nowhere");
    }

    @Test
    void sameOptimumAsBruteForceOnRandomTables() throws Exception {
        Random random = new Random(7);
        for (int trial = 0; trial < 40; trial++) {
            int n = 20 + random.nextInt(200);
            int q = 2 + random.nextInt(3);
            int k = 2 + random.nextInt(4);
            int l = random.nextInt(3) == 0 ? 2 : 1;
            double limit = random.nextInt(3) * 0.05;
            List<Hierarchy> h = new ArrayList<>();
            for (int c = 0; c < q; c++) {
                h.add(switch (c % 3) {
                    case 0 -> Hierarchy.of(HierarchySpec.parse("interval:2,4,8"), Field.of("a" + c, FieldType.INTEGER),
                            Map.of());
                    case 1 -> Hierarchy.of(HierarchySpec.parse("prefix:2,1"), Field.of("z" + c, FieldType.STRING),
                            Map.of());
                    default -> Hierarchy.of(HierarchySpec.parse("suppress"), Field.of("s" + c, FieldType.STRING),
                            Map.of());
                });
            }
            String[][] rows = new String[n][q + 1];
            for (String[] row : rows) {
                for (int c = 0; c < q; c++) {
                    row[c] = switch (c % 3) {
                        case 0 -> Integer.toString(20 + (int) Math.abs(random.nextGaussian() * 12));
                        case 1 -> Integer.toString(100 + random.nextInt(60));
                        default -> random.nextBoolean() ? "x" : "y";
                    };
                }
                row[q] = "d" + random.nextInt(4);
            }
            QiTable t = table(rows, h, q);
            long max = (long) Math.floor(limit * n);
            LatticeSearch.Result r = new LatticeSearch(t, k, l, max, () -> false).run();
            Evaluation brute = bruteForce(t, k, l, max);
            String what = "trial " + trial + ": n " + n + " q " + q + " k " + k + " l " + l + " limit " + limit;
            if (brute == null) {
                assertNull(r.best(), what);
                continue;
            }
            assertNotNull(r.best(), what);
            assertEquals(brute.loss(), r.best().loss(), 1e-12, what);
            assertTrue(r.best().anonymous(), what);
            assertTrue(r.best().suppressed() <= max, what);
            assertTrue(r.best().achievedK() >= k && r.best().achievedL() >= l, what);
        }
    }

    @Test
    void wideCodesThatOverflowALongStillGroupExactly() throws Exception {
        // 10 columns of ~90 distinct values: 90^10 does not fit a long, so keys are built column by column.
        Random random = new Random(3);
        int q = 10;
        List<Hierarchy> h = new ArrayList<>();
        for (int c = 0; c < q; c++) {
            h.add(Hierarchy.of(HierarchySpec.parse("interval:100"), Field.of("v" + c, FieldType.INTEGER), Map.of()));
        }
        String[][] rows = new String[300][q];
        for (int i = 0; i < rows.length; i++) {
            for (int c = 0; c < q; c++) {
                rows[i][c] = Integer.toString(i % 150 == 0 ? 5 : random.nextInt(90));
            }
        }
        QiTable t = table(rows, h, -1);
        Evaluation bottom = new NodeEvaluator(t, 2, 1, 300).evaluate(new int[q], false);
        assertEquals(1, bottom.classes(), "rows 0 and 150 are the same; every other row is unique");
        assertEquals(298, bottom.suppressed());
        assertEquals(2, bottom.achievedK());
        assertFalse(new NodeEvaluator(t, 2, 1, 0).evaluate(new int[q], false).anonymous());
    }

    /** The optimum over the full lattice, with the search's tie rule (lower node, then first). */
    static Evaluation bruteForce(QiTable t, int k, int l, long max) {
        LatticeSearch lattice = new LatticeSearch(t, k, l, max, () -> false);
        NodeEvaluator ev = new NodeEvaluator(t, k, l, max);
        Evaluation best = null;
        for (int i = 0; i < lattice.latticeSize(); i++) {
            Evaluation e = ev.evaluate(lattice.levels(i), false);
            if (e.anonymous() && (best == null || e.loss() < best.loss() - 1e-12)) {
                best = e;
            }
        }
        return best;
    }
}
