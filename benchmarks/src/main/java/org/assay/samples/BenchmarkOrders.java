package org.assay.samples;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Orders for any number of {@link CustomerDataGenerator} customers, for benchmarks: the
 * sample's generator and seed at another size. It lives in the generator's package (on the
 * benchmark's plain class path, not in OSGi) because the generator sizes only the shipped
 * sample publicly.
 */
public final class BenchmarkOrders {

    private BenchmarkOrders() {
    }

    /** Writes the orders of customers 100001 to 100000 + {@code customers} to {@code target}. */
    public static void write(Path target, int customers) throws IOException {
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(target, StandardCharsets.UTF_8), 1 << 16)) {
            new OrderDataGenerator(OrderDataGenerator.SEED).write(w, customers);
        }
    }
}
