package org.assay.baskets.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * An association rule {@code antecedent => consequent} with the counts every measure is
 * computed from, over {@code baskets} baskets. Measures follow Weka's DefaultAssociationRule.
 *
 * @param antecedent      items of the left-hand side, in name order
 * @param consequent      items of the right-hand side, in name order
 * @param antecedentCount baskets holding every antecedent item
 * @param consequentCount baskets holding every consequent item
 * @param count           baskets holding both
 * @param baskets         all baskets
 */
record Rule(List<String> antecedent, List<String> consequent, int antecedentCount, int consequentCount, int count,
        int baskets) {

    /** How the items of a side are joined in the rules dataset; {@link #split} undoes it. */
    static final String SEPARATOR = " & ";
    /** Format of the rules model: {@link #write} of each rule. */
    static final String MODEL_FORMAT = "assay.association-rules.v1";

    double support() {
        return (double) count / baskets;
    }

    double confidence() {
        return (double) count / antecedentCount;
    }

    double lift() {
        return confidence() / ((double) consequentCount / baskets);
    }

    double leverage() {
        return support() - ((double) antecedentCount / baskets) * ((double) consequentCount / baskets);
    }

    /** Infinite when the rule never fails (confidence 1). */
    double conviction() {
        double failures = antecedentCount - count;
        return failures == 0 ? Double.POSITIVE_INFINITY
                : (double) antecedentCount * (baskets - consequentCount) / ((double) baskets * failures);
    }

    double measure(RuleMeasure m) {
        return switch (m) {
            case SUPPORT -> support();
            case CONFIDENCE -> confidence();
            case LIFT -> lift();
            case LEVERAGE -> leverage();
            case CONVICTION -> conviction();
        };
    }

    int length() {
        return antecedent.size() + consequent.size();
    }

    String antecedentText() {
        return String.join(SEPARATOR, antecedent);
    }

    String consequentText() {
        return String.join(SEPARATOR, consequent);
    }

    /** Highest {@code by} first; ties by support, then confidence, then the rule's text, so the order is stable. */
    static Comparator<Rule> order(RuleMeasure by) {
        Comparator<Rule> c = Comparator.comparingDouble((Rule r) -> r.measure(by)).reversed();
        return c.thenComparing(Comparator.comparingDouble(Rule::support).reversed())
                .thenComparing(Comparator.comparingDouble(Rule::confidence).reversed())
                .thenComparing(Rule::antecedentText).thenComparing(Rule::consequentText);
    }

    static List<String> split(String side) {
        List<String> items = new ArrayList<>();
        for (String s : side.split(java.util.regex.Pattern.quote(SEPARATOR), -1)) {
            if (!s.isBlank()) {
                items.add(s.strip());
            }
        }
        return items;
    }

    static void writeAll(List<Rule> rules, OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        data.writeInt(rules.size());
        for (Rule r : rules) {
            writeItems(data, r.antecedent);
            writeItems(data, r.consequent);
            data.writeInt(r.antecedentCount);
            data.writeInt(r.consequentCount);
            data.writeInt(r.count);
            data.writeInt(r.baskets);
        }
        data.flush();
    }

    static List<Rule> readAll(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        int n = data.readInt();
        List<Rule> rules = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            List<String> a = readItems(data);
            List<String> c = readItems(data);
            rules.add(new Rule(a, c, data.readInt(), data.readInt(), data.readInt(), data.readInt()));
        }
        return rules;
    }

    private static void writeItems(DataOutputStream data, List<String> items) throws IOException {
        data.writeInt(items.size());
        for (String s : items) {
            data.writeUTF(s);
        }
    }

    private static List<String> readItems(DataInputStream data) throws IOException {
        int n = data.readInt();
        List<String> items = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            items.add(data.readUTF());
        }
        return List.copyOf(items);
    }
}
