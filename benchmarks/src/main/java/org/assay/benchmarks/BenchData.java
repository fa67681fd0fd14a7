package org.assay.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.assay.samples.BenchmarkOrders;
import org.assay.samples.CustomerDataGenerator;

/**
 * The generated input files, made once and reused (the generators are deterministic). Each
 * is written aside and moved into place, so an interrupted generation never leaves a short
 * file behind.
 */
final class BenchData {

    private BenchData() {
    }

    /** {@code customers-1m.csv} (or {@code customers-N.csv}): N customers, no malformed lines. */
    static Path customers(Path dir, int rows) throws IOException {
        Path file = dir.resolve("customers-" + size(rows) + ".csv");
        if (!Files.exists(file)) {
            Path partial = partial(dir, file);
            CustomerDataGenerator.main(new String[] {partial.toString(), Integer.toString(rows)});
            move(partial, file);
        }
        return file;
    }

    /** The orders of the customers in {@link #customers(Path, int)}, about 3.9 per customer. */
    static Path orders(Path dir, int customers) throws IOException {
        Path file = dir.resolve("orders-" + size(customers) + ".csv");
        if (!Files.exists(file)) {
            Path partial = partial(dir, file);
            System.out.printf("Generating orders for %,d customers ...%n", customers);
            BenchmarkOrders.write(partial, customers);
            move(partial, file);
        }
        return file;
    }

    private static String size(int rows) {
        return rows % 1_000_000 == 0 ? rows / 1_000_000 + "m" : Integer.toString(rows);
    }

    private static Path partial(Path dir, Path file) throws IOException {
        Files.createDirectories(dir);
        return dir.resolve(file.getFileName() + ".part");
    }

    private static void move(Path partial, Path file) throws IOException {
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
