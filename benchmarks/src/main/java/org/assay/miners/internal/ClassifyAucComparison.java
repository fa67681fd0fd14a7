package org.assay.miners.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 * scikit-learn's logistic regression on the same CSV. Runs {@code csv-reader -> weka-classify
 * -> csv-writer(predictions)} through the engine, once with the churn sample's settings
 * (Logistic) and once with weka-classify's defaults (J48), then {@code sklearn_auc.py}, which
 * scores sklearn's and both Assay out-of-fold probability files with the same roc_auc_score.
 * The columns are declared as the churn sample declares them (text columns categorical: weka-classify
 * never learns from string columns). Arguments: {@code --data F} (default the sample's
 * workflows/data/churn.csv), {@code --dir D},
 * {@code --python P}, {@code --script S}.
 */
public final class ClassifyAucComparison {

    private ClassifyAucComparison() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("com.github.fommil.netlib.BLAS", "com.github.fommil.netlib.F2jBLAS");
        System.setProperty("com.github.fommil.netlib.LAPACK", "com.github.fommil.netlib.F2jLAPACK");
        System.setProperty("com.github.fommil.netlib.ARPACK", "com.github.fommil.netlib.F2jARPACK");
        System.setProperty("weka.packageManager.offline", "true");
        System.setProperty("weka.packageManager.loadPackages", "false");
        System.setProperty("weka.core.loadPackages", "false");
        System.setProperty("weka.test.maventest", "true");
        System.setProperty("java.awt.headless", "true");
        Map<String, String> opts = new HashMap<>(Map.of("data", "../workflows/data/churn.csv", "dir", "target/bench",
                "python", "python3", "script", "sklearn_auc.py"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        Path dir = Path.of(opts.get("dir")).toAbsolutePath();
        Files.createDirectories(dir);
        System.setProperty("WEKA_HOME", dir.resolve("wekafiles").toString());
        Path data = dir.resolve("auc-churn.csv");
        Files.copy(Path.of(opts.get("data")), data, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path logistic = predictions(dir, "weka.classifiers.functions.Logistic", "auc-logistic.csv");
        Path j48 = predictions(dir, "weka.classifiers.trees.J48", "auc-j48.csv");
        for (Path p : List.of(logistic, j48)) {
            Process python = new ProcessBuilder(opts.get("python"), opts.get("script"), "--data", data.toString(),
                    "--target", "churned", "--positive", "yes", "--drop", "customer_id,email",
                    "--assay-predictions", p.toString()).inheritIO().start();
            System.out.print(p.getFileName() + ": ");
            System.out.flush();
            if (python.waitFor() != 0) {
                throw new IllegalStateException("sklearn_auc.py failed");
            }
        }
    }

    /** The out-of-fold predictions of one algorithm (10-fold CV, seed 1), as a CSV in dir. */
    private static Path predictions(Path dir, String algorithm, String name) throws Exception {
        Path engineData = dir.resolve("auc-engine");
        try (StandaloneEngine engine = new StandaloneEngine(dir, engineData, 1)) {
            engine.register(new CsvReaderStepType()).register(new CsvWriterStepType())
                    .register(new WekaClassifyStepType(new FileModelStore(engineData.resolve("models"))));
            engine.workflows().deploy("""
                    {"format": 1, "id": "auc", "name": "AUC comparison", "description": "Out-of-fold predictions.",
                     "steps": [
                       {"id": "rows", "type": "csv-reader", "params": {"path": "auc-churn.csv",
                         "columns": {"customer_id": "integer,id", "email": "string,pii", "contract": "categorical",
                           "payment_method": "categorical", "region": "categorical", "churned": "categorical,target"}}},
                       {"id": "train", "type": "weka-classify", "inputs": {"in": "rows"},
                        "params": {"algorithm": "%s", "positiveClass": "yes"}},
                       {"id": "out", "type": "csv-writer", "inputs": {"in": "train.predictions"},
                        "params": {"path": "%s"}}
                     ]}
                    """.formatted(algorithm, name), "benchmark");
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
