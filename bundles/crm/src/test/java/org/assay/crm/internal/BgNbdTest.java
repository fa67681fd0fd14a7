package org.assay.crm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BgNbdTest {

    /** The published CDNOW estimates (Fader, Hardie and Lee 2005), in weeks. */
    static final BgNbd CDNOW = new BgNbd(0.243, 4.414, 0.793, 2.426);

    static double[][] summary(List<Simulated.Customer> cs) {
        int n = cs.size();
        double[][] s = new double[3][n];
        for (int i = 0; i < n; i++) {
            Simulated.Customer c = cs.get(i);
            s[0][i] = c.times().length - 1;
            s[1][i] = c.times()[c.times().length - 1];
            s[2][i] = c.observed();
        }
        return s;
    }

    @Test
    void recoversTheCdnowParametersFromSimulatedCustomers() {
        // 20000 customers observed 27 to 39 weeks, like the CDNOW calibration cohort (2357 of them)
        double[][] s = summary(Simulated.draw(CDNOW, null, 20_000, 27, 39, 7));
        BgNbd.Fit fit = BgNbd.fit(s[0], s[1], s[2], 33, () -> false);
        BgNbd m = fit.model();
        assertEquals(CDNOW.r(), m.r(), 0.15 * CDNOW.r(), m.toString());
        assertEquals(CDNOW.alpha(), m.alpha(), 0.15 * CDNOW.alpha(), m.toString());
        assertEquals(CDNOW.a(), m.a(), 0.25 * CDNOW.a(), m.toString());
        assertEquals(CDNOW.b(), m.b(), 0.25 * CDNOW.b(), m.toString());
        assertTrue(fit.logLikelihood() >= CDNOW.logLikelihood(s[0], s[1], s[2]) - 1e-6,
                "the maximum is at least the truth's likelihood");
    }

    @Test
    void knownValuesOfTheFormulas() {
        // x = 0: the likelihood is B(a,b)/B(a,b) alpha^r / (alpha+T)^r
        assertEquals(CDNOW.r() * Math.log(CDNOW.alpha() / (CDNOW.alpha() + 10)), CDNOW.logLikelihood(0, 0, 10),
                1e-12);
        assertEquals(1.0, CDNOW.pAlive(0, 0, 30), 0);
        // alive probability falls as the last purchase gets older
        assertTrue(CDNOW.pAlive(2, 30, 39) > CDNOW.pAlive(2, 5, 39));
        // expected purchases in [0, h] for a new customer (x = tx = T = 0) is E[X(h)] from equation 9
        double h = 52;
        double a = CDNOW.a();
        double b = CDNOW.b();
        double r = CDNOW.r();
        double alpha = CDNOW.alpha();
        double e9 = (a + b - 1) / (a - 1) * (1 - Math.pow(alpha / (alpha + h), r)
                * Special.hyp2f1(r, b, a + b - 1, h / (alpha + h)));
        assertEquals(e9, CDNOW.expected(0, 0, 0, h), 1e-12);
        assertEquals(Math.log(24), Special.lnGamma(5), 1e-12);
        assertEquals(Math.log(Math.sqrt(Math.PI)), Special.lnGamma(0.5), 1e-12);
        // 2F1(1, 1; 2; z) = -ln(1 - z) / z
        assertEquals(-Math.log(0.5) / 0.5, Special.hyp2f1(1, 1, 2, 0.5), 1e-12);
    }

    @Test
    void gammaGammaRecoversItsParameters() {
        GammaGamma truth = new GammaGamma(6.25, 3.74, 15.44);
        List<Simulated.Customer> cs = Simulated.draw(new BgNbd(2, 10, 0.5, 5), truth, 20_000, 50, 80, 3);
        double[] x = cs.stream().filter(c -> c.times().length > 1).mapToDouble(c -> c.times().length - 1).toArray();
        double[] m = cs.stream().filter(c -> c.times().length > 1).mapToDouble(c -> {
            double s = 0;
            for (int i = 1; i < c.spends().length; i++) {
                s += c.spends()[i];
            }
            return s / (c.spends().length - 1);
        }).toArray();
        GammaGamma g = GammaGamma.fit(x, m).model();
        assertEquals(truth.mean(), g.mean(), 0.05 * truth.mean(), g.toString());
        assertEquals(truth.p(), g.p(), 0.15 * truth.p(), g.toString());
        assertEquals(truth.q(), g.q(), 0.2 * truth.q(), g.toString());
    }
}
