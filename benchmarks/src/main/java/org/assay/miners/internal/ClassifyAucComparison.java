package org.assay.miners.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assay.connectors.file.internal.CsvReaderStepType;
import org.assay.connectors.file.internal.CsvWriterStepType;
import org.assay.engine.ArtifactInfo;
import org.assay.engine.RunInfo;
import org.assay.engine.RunStatus;
import org.assay.engine.StandaloneEngine;

/**
 * Not a test. The issue-11 acceptance comparison: weka-classify's cross-validated AUC against
 * scikit-learn's logistic regression on the same CSV, on two data sets:
 *
 * <ul>
 * <li>{@code sample}: the churn sample's workflows/data/churn.csv, columns declared as the
 *     sample workflow declares them;
 * <li>{@code telco}: {@link TelcoChurnData}, 7,043 generated rows shaped like IBM's public Telco
 *     churn file, nothing declared (text columns are strings, TotalCharges has blanks, the key is
 *     text), the target named and nothing else: what a user does with a real file.
 * </ul>
 *
 * For each, runs {@code csv-reader -> weka-classify -> csv-writer(predictions)} through the
 * engine with weka-classify's defaults and with each algorithm of {@code --algorithms}, then
 * {@code sklearn_auc.py}, which scores sklearn's and every Assay out-of-fold probability file
 * with the same roc_auc_score. Arguments: {@code --cases sample,telco}, {@code --algorithms
 * default,weka.classifiers.functions.Logistic,weka.classifiers.trees.J48}, {@code --data F}
 * (the sample file), {@code --dir D}, {@code --python P}, {@code --script S}.
 */
public final class ClassifyAucComparison {

    private ClassifyAucComparison() {
    }

    /** One data set: its file, the csv-reader's declarations, the target and the columns sklearn drops. */
    private record Case(String name, Path data, String columns, String target, String positive, String drop) {
    }

    public static void main(String[] args) throws Exception {
        org.assay.benchmarks.WekaProperties.set();
        Map<String, String> opts = new HashMap<>(Map.of("data", "../workflows/data/churn.csv", "dir", "target/bench",
                "python", "python3", "script", "sklearn_auc.py", "cases", "sample,telco",
                "algorithms", "default,weka.classifiers.functions.Logistic,weka.classifiers.trees.J48"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        Path dir = Path.of(opts.get("dir")).toAbsolutePath();
        Files.createDirectories(dir);
        System.setProperty("WEKA_HOME", dir.resolve("wekafiles").toString());
        List<Case> cases = new ArrayList<>();
        for (String name : opts.get("cases").split(",")) {
            if (name.equals("sample")) {
                Path data = dir.resolve("auc-churn.csv");
                Files.copy(Path.of(opts.get("data")), data, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                cases.add(new Case(name, data, """
                        {"customer_id": "integer,id", "email": "string,pii", "contract": "categorical",
                         "payment_method": "categorical", "region": "categorical", "churned": "categorical,target"}""",
                        "churned", "yes", "customer_id,email"));
            } else if (name.equals("telco")) {
                Path data = dir.resolve("auc-telco.csv");
                TelcoChurnData.write(data, 7_043, 20_261_202L);
                cases.add(new Case(name, data, "{}", "Churn", "Yes", "customerID"));
            } else {
                throw new IllegalArgumentException("unknown case " + name + "; use sample or telco");
            }
        }
        for (Case c : cases) {
            for (String algorithm : opts.get("algorithms").split(",")) {
                String label = algorithm.substring(algorithm.lastIndexOf('.') + 1);
                Path p = predictions(dir, c, algorithm, "auc-" + c.name() + "-" + label + ".csv");
                Process python = new ProcessBuilder(opts.get("python"), opts.get("script"), "--data",
                        c.data().toString(), "--target", c.target(), "--positive", c.positive(), "--drop", c.drop(),
                        "--assay-predictions", p.toString()).inheritIO().start();
                System.out.print(c.name() + " " + label + ": ");
                System.out.flush();
                if (python.waitFor() != 0) {
                    throw new IllegalStateException("sklearn_auc.py failed");
                }
            }
        }
    }

    /** The out-of-fold predictions of one algorithm ("default": none named), 10-fold CV, seed 1, as a CSV in dir. */
    private static Path predictions(Path dir, Case c, String algorithm, String name) throws Exception {
        Path engineData = dir.resolve("auc-engine");
        try (StandaloneEngine engine = new StandaloneEngine(dir, engineData, 1)) {
            engine.register(new CsvReaderStepType()).register(new CsvWriterStepType())
                    .register(new WekaClassifyStepType(new FileModelStore(engineData.resolve("models"))));
            String chosen = algorithm.equals("default") ? "" : "\"algorithm\": \"" + algorithm + "\", ";
            engine.workflows().deploy("""
                    {"format": 1, "id": "auc", "name": "AUC comparison", "description": "Out-of-fold predictions.",
                     "steps": [
                       {"id": "rows", "type": "csv-reader", "params": {"path": "%s", "columns": %s}},
                       {"id": "train", "type": "weka-classify", "inputs": {"in": "rows"},
                        "params": {%s"target": "%s"}},
                       {"id": "out", "type": "csv-writer", "inputs": {"in": "train.predictions"},
                        "params": {"path": "%s"}}
                     ]}
                    """.formatted(c.data().getFileName(), c.columns(), chosen, c.target(), name), "benchmark");
            RunInfo run = engine.runs().await(engine.runs().start("auc").runId(), Duration.ofMinutes(30));
            if (run.status() != RunStatus.SUCCEEDED) {
                throw new IllegalStateException("engine run " + run.status() + ": " + run.error());
            }
            Path written = run.steps().stream().filter(s -> s.stepId().equals("out")).findFirst().orElseThrow()
                    .artifacts().stream().map(ArtifactInfo::path).filter(p -> p.toString().endsWith(".csv"))
                    .findFirst().map(p -> p.isAbsolute() ? p : run.folder().resolve(p)).orElseThrow();
            Path target = dir.resolve(name);
            Files.copy(written, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return target;
        }
    }
}
