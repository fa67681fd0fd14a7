package org.assay.miners.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/**
 * Not a test. Generates churn data shaped like IBM's public Telco customer churn file (same 21
 * columns, names and value spellings), deterministically, to measure weka-classify's defaults
 * the way a user meets real data: every column undeclared, so csv-reader reads the text
 * columns as string; customerID a unique text key ("7590-VHVEG"); SeniorCitizen 0/1;
 * TotalCharges " " for customers in their first month; Churn "Yes"/"No", about one in four.
 *
 * <p>Churn is planted on the drivers the real file is known for, not all linearly (so a
 * logistic regression is good, not the exact model): month-to-month contracts, fibre
 * internet, electronic checks, no tech support or online security, paperless billing and
 * seniors raise it; tenure lowers it on a log scale; fibre without tech support adds an
 * interaction; gender, phone lines and streaming are noise.
 */
final class TelcoChurnData {

    static final String HEADER = "customerID,gender,SeniorCitizen,Partner,Dependents,tenure,PhoneService,MultipleLines,"
            + "InternetService,OnlineSecurity,OnlineBackup,DeviceProtection,TechSupport,StreamingTV,StreamingMovies,"
            + "Contract,PaperlessBilling,PaymentMethod,MonthlyCharges,TotalCharges,Churn";
    private static final String[] CONTRACTS = {"Month-to-month", "One year", "Two year"};
    private static final String[] PAYMENTS = {"Electronic check", "Mailed check", "Bank transfer (automatic)",
        "Credit card (automatic)"};
    private static final String[] INTERNET = {"DSL", "Fiber optic", "No"};
    private static final char[] ID_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ".toCharArray();

    private TelcoChurnData() {
    }

    static void write(Path file, int n, long seed) throws IOException {
        Random random = new Random(seed);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(HEADER);
            w.write('\n');
            for (int i = 0; i < n; i++) {
                w.write(row(random));
                w.write('\n');
            }
        }
    }

    private static String row(Random r) {
        StringBuilder id = new StringBuilder().append(1000 + r.nextInt(9000)).append('-');
        for (int k = 0; k < 5; k++) {
            id.append(ID_CHARS[r.nextInt(ID_CHARS.length)]);
        }
        String gender = r.nextBoolean() ? "Female" : "Male";
        boolean senior = r.nextDouble() < 0.16;
        boolean partner = r.nextDouble() < 0.48;
        boolean dependents = r.nextDouble() < (partner ? 0.5 : 0.1);
        String contract = CONTRACTS[pick(r, 0.55, 0.21)];
        int tenure = switch (contract) {
            case "Month-to-month" -> (int) Math.min(72, Math.floor(-Math.log(1 - r.nextDouble()) * 16));
            case "One year" -> 1 + r.nextInt(72);
            default -> (int) Math.min(72, 12 + r.nextInt(61));
        };
        boolean phone = r.nextDouble() < 0.9;
        String lines = !phone ? "No phone service" : r.nextDouble() < 0.47 ? "Yes" : "No";
        String internet = INTERNET[pick(r, 0.34, 0.44)];
        boolean net = !"No".equals(internet);
        String security = service(r, net, 0.37);
        String backup = service(r, net, 0.44);
        String protection = service(r, net, 0.44);
        String support = service(r, net, 0.37);
        String tv = service(r, net, 0.5);
        String movies = service(r, net, 0.5);
        boolean paperless = r.nextDouble() < 0.59;
        String payment = PAYMENTS[pick(r, 0.34, 0.23, 0.22)];
        double monthly = 20 + (phone ? 5 : 0) + ("Yes".equals(lines) ? 5 : 0) + ("DSL".equals(internet) ? 25 : 0)
                + ("Fiber optic".equals(internet) ? 50 : 0) + ("Yes".equals(tv) ? 10 : 0)
                + ("Yes".equals(movies) ? 10 : 0) + ("Yes".equals(security) ? 5 : 0) + ("Yes".equals(backup) ? 5 : 0)
                + r.nextGaussian() * 3;
        monthly = Math.round(Math.max(18.25, monthly) * 20) / 20.0;
        String total = tenure == 0 ? " " : String.format(Locale.ROOT, "%.2f",
                monthly * tenure * (0.95 + r.nextDouble() * 0.1));
        double logit = -1.3
                + ("Month-to-month".equals(contract) ? 1.1 : "One year".equals(contract) ? -0.3 : -1.4)
                - 0.55 * Math.log1p(tenure) + ("Fiber optic".equals(internet) ? 0.9 : 0)
                + ("No".equals(internet) ? -0.7 : 0) + ("Electronic check".equals(payment) ? 0.45 : 0)
                + ("No".equals(support) ? 0.3 : 0) + ("No".equals(security) ? 0.35 : 0) + (paperless ? 0.35 : 0)
                + (senior ? 0.25 : 0) + (dependents ? -0.2 : 0)
                + ("Fiber optic".equals(internet) && "No".equals(support) ? 0.4 : 0)
                + (tenure <= 2 ? 0.6 : 0) + 0.006 * (monthly - 65);
        boolean churn = r.nextDouble() < 1 / (1 + Math.exp(-logit));
        return String.join(",", id, gender, senior ? "1" : "0", yes(partner), yes(dependents), Integer.toString(tenure),
                yes(phone), lines, internet, security, backup, protection, support, tv, movies, contract,
                yes(paperless), payment, String.format(Locale.ROOT, "%.2f", monthly), total, yes(churn));
    }

    private static String service(Random r, boolean net, double p) {
        return !net ? "No internet service" : r.nextDouble() < p ? "Yes" : "No";
    }

    private static String yes(boolean b) {
        return b ? "Yes" : "No";
    }

    /** Index 0 with probability p[0], 1 with p[1], ..., the last with the rest. */
    private static int pick(Random r, double... p) {
        double u = r.nextDouble();
        for (int i = 0; i < p.length; i++) {
            if (u < p[i]) {
                return i;
            }
            u -= p[i];
        }
        return p.length;
    }
}
