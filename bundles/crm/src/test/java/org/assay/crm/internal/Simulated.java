package org.assay.crm.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Customers drawn from a known BG/NBD model (and Gamma-Gamma spends), for recovery tests. */
final class Simulated {

    /** One customer: purchase times from the first (0), and the spend of each. */
    record Customer(double[] times, double[] spends, double observed) { }

    private Simulated() {
    }

    static List<Customer> draw(BgNbd m, GammaGamma spend, int customers, double minT, double maxT, long seed) {
        Random rnd = new Random(seed);
        List<Customer> out = new ArrayList<>();
        for (int c = 0; c < customers; c++) {
            double lambda = gamma(m.r(), rnd) / m.alpha();
            double x1 = gamma(m.a(), rnd);
            double p = x1 / (x1 + gamma(m.b(), rnd));
            double nu = spend == null ? 0 : gamma(spend.q(), rnd) / spend.gamma();
            double t = minT + (maxT - minT) * rnd.nextDouble();
            List<Double> times = new ArrayList<>(List.of(0.0));
            double now = 0;
            while (true) {
                now += -Math.log(1 - rnd.nextDouble()) / lambda;
                if (now > t) {
                    break;
                }
                times.add(now);
                if (rnd.nextDouble() < p) {
                    break;
                }
            }
            double[] ts = times.stream().mapToDouble(Double::doubleValue).toArray();
            double[] ss = new double[ts.length];
            for (int i = 0; i < ss.length; i++) {
                ss[i] = spend == null ? 1 : gamma(spend.p(), rnd) / nu;
            }
            out.add(new Customer(ts, ss, t));
        }
        return out;
    }

    /** Gamma(shape, 1) by Marsaglia and Tsang, boosted for shape < 1. */
    static double gamma(double shape, Random rnd) {
        if (shape < 1) {
            return gamma(shape + 1, rnd) * Math.pow(rnd.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double z = rnd.nextGaussian();
            double v = 1 + c * z;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = rnd.nextDouble();
            if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }
}
