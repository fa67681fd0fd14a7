package org.assay.privacy.internal.anon;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A census-like table shaped after the UCI Adult data set that k-anonymity papers use
 * (45,222 rows without missing values): age, sex, race, marital status, education, work
 * class, native country and occupation as quasi-identifiers, salary class as the sensitive
 * column, with ARX's usual hierarchy depths. Values follow skewed frequencies (most people
 * are white, from the United States, in private work) and a few dependencies (education
 * drives occupation and salary, age drives marital status), so classes are as uneven as in
 * the real table. Deterministic.
 */
final class CensusTable {

    static final String[] QI = {"age", "sex", "race", "marital", "education", "workclass", "country", "occupation"};

    /** Value to its levels, per categorical column (the hierarchy file's rows). */
    static final Map<String, Map<String, List<String>>> TREES = new HashMap<>();
    private static final Map<String, String[]> VALUES = new HashMap<>();
    private static final Map<String, double[]> WEIGHTS = new HashMap<>();

    static {
        tree("race", new String[][] {{"White"}, {"Black"}, {"Asian-Pac-Islander"}, {"Amer-Indian-Eskimo"},
            {"Other"}}, new double[] {0.86, 0.09, 0.03, 0.01, 0.01});
        tree("marital", new String[][] {{"Married-civ-spouse", "spouse present"}, {"Married-AF-spouse",
            "spouse present"}, {"Never-married", "spouse not present"}, {"Divorced", "spouse not present"},
            {"Separated", "spouse not present"}, {"Widowed", "spouse not present"}, {"Married-spouse-absent",
            "spouse not present"}}, new double[] {0.46, 0.01, 0.32, 0.14, 0.03, 0.03, 0.01});
        tree("education", new String[][] {{"Preschool", "Primary school", "Primary education"},
            {"1st-4th", "Primary school", "Primary education"}, {"5th-6th", "Primary school", "Primary education"},
            {"7th-8th", "Lower secondary", "Secondary education"}, {"9th", "Lower secondary", "Secondary education"},
            {"10th", "High school", "Secondary education"}, {"11th", "High school", "Secondary education"},
            {"12th", "High school", "Secondary education"}, {"HS-grad", "High school", "Secondary education"},
            {"Some-college", "Undergraduate", "Higher education"}, {"Assoc-acdm", "Undergraduate",
            "Higher education"}, {"Assoc-voc", "Undergraduate", "Higher education"}, {"Bachelors", "Undergraduate",
            "Higher education"}, {"Masters", "Graduate", "Higher education"}, {"Prof-school", "Graduate",
            "Higher education"}, {"Doctorate", "Graduate", "Higher education"}},
            new double[] {0.002, 0.005, 0.01, 0.02, 0.015, 0.03, 0.035, 0.013, 0.32, 0.22, 0.033, 0.043, 0.165,
                0.055, 0.017, 0.012});
        tree("workclass", new String[][] {{"Private", "Non-Government"}, {"Self-emp-not-inc", "Non-Government"},
            {"Self-emp-inc", "Non-Government"}, {"Federal-gov", "Government"}, {"Local-gov", "Government"},
            {"State-gov", "Government"}, {"Without-pay", "Unemployed"}}, new double[] {0.74, 0.08, 0.04, 0.03,
                0.07, 0.04, 0.001});
        String[] countries = {"United-States", "Mexico", "Philippines", "Germany", "Puerto-Rico", "Canada", "India",
            "El-Salvador", "Cuba", "England", "China", "Jamaica", "South", "Italy", "Dominican-Republic", "Japan",
            "Vietnam", "Guatemala", "Poland", "Columbia", "Haiti", "Iran", "Taiwan", "Portugal", "Nicaragua", "Peru",
            "Greece", "France", "Ecuador", "Ireland", "Hong", "Trinadad&Tobago", "Cambodia", "Thailand", "Laos",
            "Yugoslavia", "Outlying-US", "Hungary", "Honduras", "Scotland", "Holand-Netherlands"};
        String[] continents = {"North America", "North America", "Asia", "Europe", "North America",
            "North America", "Asia", "South America", "North America", "Europe", "Asia", "North America", "Asia",
            "Europe", "North America", "Asia", "Asia", "South America", "Europe", "South America", "North America",
            "Asia", "Asia", "Europe", "South America", "South America", "Europe", "Europe", "South America",
            "Europe", "Asia", "South America", "Asia", "Asia", "Asia", "Europe", "North America", "Europe",
            "South America", "Europe", "Europe"};
        String[][] c = new String[countries.length][];
        double[] w = new double[countries.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = new String[] {countries[i], continents[i]};
            w[i] = i == 0 ? 0.91 : 0.09 / (i * 1.2);
        }
        tree("country", c, w);
        tree("occupation", new String[][] {{"Tech-support", "Technical"}, {"Craft-repair", "Technical"},
            {"Machine-op-inspct", "Technical"}, {"Other-service", "Other"}, {"Sales", "Nontechnical"},
            {"Exec-managerial", "Nontechnical"}, {"Prof-specialty", "Technical"}, {"Handlers-cleaners",
            "Nontechnical"}, {"Adm-clerical", "Other"}, {"Farming-fishing", "Other"}, {"Transport-moving", "Other"},
            {"Priv-house-serv", "Other"}, {"Protective-serv", "Other"}, {"Armed-Forces", "Other"}},
            new double[] {0.03, 0.13, 0.065, 0.1, 0.12, 0.13, 0.13, 0.045, 0.12, 0.03, 0.05, 0.005, 0.02, 0.001});
    }

    private static void tree(String column, String[][] rows, double[] weights) {
        Map<String, List<String>> t = new HashMap<>();
        String[] values = new String[rows.length];
        for (int i = 0; i < rows.length; i++) {
            values[i] = rows[i][0];
            List<String> levels = new ArrayList<>(List.of(rows[i]).subList(1, rows[i].length));
            levels.add(Hierarchy.TOP);
            t.put(rows[i][0], levels);
        }
        TREES.put(column, t);
        VALUES.put(column, values);
        WEIGHTS.put(column, weights);
    }

    private CensusTable() {
    }

    /** The hierarchy of each quasi-identifier: age in 5, 10, 20-year bands, sex suppressed, trees. */
    static List<Hierarchy> hierarchies(int q) {
        List<Hierarchy> out = new ArrayList<>();
        for (int c = 0; c < q; c++) {
            String name = QI[c];
            out.add(switch (name) {
                case "age" -> Hierarchy.of(HierarchySpec.parse("interval:5,10,20"), org.assay.api.data.Field.of(name,
                        org.assay.api.data.FieldType.INTEGER), Map.of());
                case "sex" -> Hierarchy.of(HierarchySpec.parse("suppress"), org.assay.api.data.Field.of(name,
                        org.assay.api.data.FieldType.STRING), Map.of());
                default -> Hierarchy.of(HierarchySpec.parse("tree"), org.assay.api.data.Field.of(name,
                        org.assay.api.data.FieldType.STRING), TREES.get(name));
            });
        }
        return out;
    }

    /** {@code rows} rows of the eight quasi-identifiers and the salary class (last). */
    static List<String[]> rows(int rows, long seed) {
        Random r = new Random(seed);
        List<String[]> out = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            int age = Math.max(17, Math.min(90, (int) Math.round(38 + r.nextGaussian() * 13.5)));
            String marital = age < 25 && r.nextDouble() < 0.75 ? "Never-married" : pick(r, "marital");
            String education = pick(r, "education");
            boolean higher = TREES.get("education").get(education).get(1).equals("Higher education");
            String occupation = higher && r.nextDouble() < 0.5 ? (r.nextBoolean() ? "Prof-specialty"
                    : "Exec-managerial") : pick(r, "occupation");
            double rich = 0.08 + (higher ? 0.25 : 0) + (marital.startsWith("Married-civ") ? 0.15 : 0)
                    + (age > 35 && age < 60 ? 0.07 : 0);
            out.add(new String[] {Integer.toString(age), r.nextDouble() < 0.67 ? "Male" : "Female", pick(r, "race"),
                marital, education, pick(r, "workclass"), pick(r, "country"), occupation,
                r.nextDouble() < rich ? ">50K" : "<=50K"});
        }
        return out;
    }

    private static String pick(Random r, String column) {
        double[] w = WEIGHTS.get(column);
        double total = 0;
        for (double x : w) {
            total += x;
        }
        double u = r.nextDouble() * total;
        for (int i = 0; i < w.length; i++) {
            u -= w[i];
            if (u < 0) {
                return VALUES.get(column)[i];
            }
        }
        return VALUES.get(column)[w.length - 1];
    }
}
