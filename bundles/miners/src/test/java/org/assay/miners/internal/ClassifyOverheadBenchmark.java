package org.assay.miners.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.assay.api.data.BatchBuilder;
import java.util.Random;
import org.assay.testkit.StepTestRunner;
import weka.classifiers.AbstractClassifier;
import weka.classifiers.Classifier;
import weka.classifiers.Evaluation;
import weka.core.Instances;

/**
 * weka-classify against the raw Weka API doing the same work (10-fold CV with Evaluation, then
 * the final model on all rows) on the same rows, in the same JVM, alternating, median of 5.
 * Not a test: run its main with the test class path. Prints step/raw ratios.
 */
public final class ClassifyOverheadBenchmark {

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        List<Object[]> data = ChurnData.rows(rows, 42);
        Path dir = Files.createTempDirectory("classify-bench");
        String[][] algorithms = {{"weka.classifiers.trees.J48", ""},
            {"weka.classifiers.trees.RandomForest", "-I 50 -S 1"}, {"weka.classifiers.functions.Logistic", ""}};
        for (String[] a : algorithms) {
            if (args.length > 1 && !a[0].endsWith(args[1])) {
                continue;
            }
            // The raw side gets the instances the step would build, so both do the same learning.
            Instances instances = instancesOf(data);
            long[] step = new long[5];
            long[] raw = new long[5];
            for (int rep = -1; rep < 5; rep++) {
                long t0 = System.nanoTime();
                StepTestRunner r = new StepTestRunner(new WekaClassifyStepType(new FileModelStore(dir.resolve("m"))),
                        dir.resolve("s" + rep)).input("in", ChurnData.SCHEMA, data, 4096)
                        .param("algorithm", a[0]);
                if (!a[1].isEmpty()) {
                    r.param("options", a[1]);
                }
                r.run();
                long t1 = System.nanoTime();
                Classifier template = ClassifierSetup.create(a[0], a[1]);
                Evaluation eval = new Evaluation(instances);
                eval.crossValidateModel(template, instances, 10, new Random(1));
                AbstractClassifier.makeCopy(template).buildClassifier(instances);
                long t2 = System.nanoTime();
                if (rep >= 0) {
                    step[rep] = t1 - t0;
                    raw[rep] = t2 - t1;
                }
            }
            Arrays.sort(step);
            Arrays.sort(raw);
            System.out.printf(Locale.ROOT, "%s %s on %d rows: step %.2f s, raw Weka %.2f s, ratio %.3f%n", a[0], a[1],
                    rows, step[2] / 1e9, raw[2] / 1e9, (double) step[2] / raw[2]);
        }
    }

    /** The instances the step builds from these rows (same converter, same column choice). */
    private static Instances instancesOf(List<Object[]> data) throws Exception {
        List<ClusterColumn> columns = PredictorColumns.choose(ChurnData.SCHEMA, Optional.empty(), List.of())
                .converted();
        InstancesConverter c = new InstancesConverter(columns);
        BatchBuilder b = new BatchBuilder(ChurnData.SCHEMA, data.size());
        for (Object[] row : data) {
            for (int j = 0; j < row.length; j++) {
                b.set(j, row[j]);
            }
            b.endRow();
        }
        c.add(b.build());
        Instances instances = c.toInstances("bench", columns);
        instances.setClassIndex(instances.numAttributes() - 1);
        return instances;
    }
}
