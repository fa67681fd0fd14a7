package org.assay.transforms.internal.table;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ExactSumTest {

    private static ExactSum of(double... values) {
        ExactSum s = new ExactSum();
        for (double v : values) {
            s.add(v);
        }
        return s;
    }

    private static ExactSum copy(ExactSum s) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        s.write(new DataOutputStream(bytes));
        ExactSum back = new ExactSum();
        back.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        return back;
    }

    @Test
    void amountsWithCentsSumToTheirDecimalTotal() {
        assertEquals(35.480000000000004, 12.34 + 23.14, "the binary noise this class exists to avoid");
        assertEquals(35.48, of(12.34, 23.14).value());
        assertEquals(0.3, of(0.1, 0.2).value());
        assertEquals(0.15, of(0.1, 0.2).mean(2));
        assertEquals(0.0, of(0.1, -0.1).value());
        assertEquals(-7.25, of(-10, 2.75).value());
    }

    @Test
    void aMillionCentAmountsAreExact() {
        Random random = new Random(7);
        ExactSum s = new ExactSum();
        BigDecimal expected = BigDecimal.ZERO;
        for (int i = 0; i < 1_000_000; i++) {
            long cents = random.nextInt(100_000) - 20_000;
            s.add(cents / 100.0);
            expected = expected.add(BigDecimal.valueOf(cents, 2));
        }
        assertEquals(expected.doubleValue(), s.value());
    }

    @Test
    void valuesPastTheFastPathStayExact() {
        // More than nine decimals, huge values and a long overflow all move the sum to BigDecimal.
        assertEquals(new BigDecimal("0.30000000000000004").add(new BigDecimal("0.1")).doubleValue(),
                of(0.1 + 0.2, 0.1).value());
        assertEquals(2e300, of(1e300, 1e300).value());
        assertEquals(1.8e16 + 0.5, of(9e15, 9e15, 0.5).value());
        double big = 9.2e12;
        assertEquals(BigDecimal.valueOf(big).multiply(BigDecimal.valueOf(2000)).add(new BigDecimal("0.001"))
                .doubleValue(), sumOf(big, 2000, 0.001));
    }

    private static double sumOf(double v, int times, double extra) {
        ExactSum s = new ExactSum();
        for (int i = 0; i < times; i++) {
            s.add(v);
        }
        s.add(extra);
        return s.value();
    }

    @Test
    void nanAndInfinityWin() {
        assertEquals(Double.NaN, of(1.5, Double.NaN).value());
        assertEquals(Double.POSITIVE_INFINITY, of(1.5, Double.POSITIVE_INFINITY).value());
        assertEquals(Double.NaN, of(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY).value());
    }

    @Test
    void mergedAndSpilledStatesGiveTheSameSum() throws IOException {
        ExactSum a = of(12.34, 0.001);
        ExactSum b = copy(of(23.14, 1e-12, 5));
        a.merge(b);
        assertEquals(new BigDecimal("40.481000000001").doubleValue(), a.value());
        ExactSum c = copy(a);
        c.merge(copy(of(1e300)));
        assertEquals(1e300, c.value());
        assertEquals(a.value(), copy(a).value());
    }
}
