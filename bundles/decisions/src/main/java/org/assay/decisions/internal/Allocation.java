package org.assay.decisions.internal;

import java.util.Arrays;

/**
 * Chooses actions (customer, offer) to maximise expected net value under a budget, per-offer
 * caps, per-channel capacities and at most k actions per customer.
 *
 * <p>The bound: Lagrangian relaxation of the budget, caps and capacities. For multipliers
 * (lambda, mu, nu) >= 0 the problem falls apart per customer (take the k best positive reduced
 * values), and its value plus the multipliers times the limits is an upper bound on the optimum.
 * Because the per-customer problem is integral (a top-k choice), the best such bound equals the
 * LP relaxation's (Geoffrion 1974), which is the bound reported. Multipliers are found by
 * subgradient steps with the Polyak step length.
 *
 * <p>The plan: greedy over candidates in the order of their reduced value at the best multipliers,
 * and also by plain value and by value per unit of cost, accepting each that still fits; the best
 * of the three is returned. Gap = (bound - plan) / bound.
 */
final class Allocation {

    /** The candidates, as parallel arrays. */
    record Problem(int[] customer, int[] offer, int[] channel, double[] value, double[] cost, int customers,
            double budget, double[] offerCap, double[] channelCap, int perCustomer) {

        int size() {
            return value.length;
        }

        Problem withBudget(double b) {
            return new Problem(customer, offer, channel, value, cost, customers, b, offerCap, channelCap,
                    perCustomer);
        }
    }

    /** The chosen candidates (indexes), their value and cost, and the bound. */
    record Plan(int[] chosen, double value, double cost, double bound, String method) {

        double gap() {
            return bound <= 0 ? 0 : Math.max(0, (bound - value) / bound);
        }
    }

    private static final int ITERATIONS = 300;

    private Allocation() {
    }

    static Plan solve(Problem p) {
        int offers = p.offerCap().length;
        int channels = p.channelCap().length;
        double[] mu = new double[offers];
        double[] nu = new double[channels];
        double lambda = 0;
        // With every multiplier 0 the reduced value is the value: this is the plain greedy by value.
        Plan best = greedy(p, p.value(), "value");
        double bound = Double.POSITIVE_INFINITY;
        double[] bestMu = mu.clone();
        double[] bestNu = nu.clone();
        double bestLambda = 0;
        double theta = 1;
        int stale = 0;
        boolean[] take = new boolean[p.size()];
        for (int it = 0; it < ITERATIONS; it++) {
            double[] r = reduced(p, lambda, mu, nu);
            double l = relaxed(p, r, take);
            l += finite(p.budget()) ? lambda * p.budget() : 0;
            for (int o = 0; o < offers; o++) {
                l += finite(p.offerCap()[o]) ? mu[o] * p.offerCap()[o] : 0;
            }
            for (int c = 0; c < channels; c++) {
                l += finite(p.channelCap()[c]) ? nu[c] * p.channelCap()[c] : 0;
            }
            if (l < bound - 1e-9) {
                bound = l;
                bestLambda = lambda;
                bestMu = mu.clone();
                bestNu = nu.clone();
                stale = 0;
            } else if (++stale >= 20) {
                theta /= 2;
                stale = 0;
            }
            // Subgradient: limit minus use, for each relaxed constraint.
            double gB = 0;
            double[] gO = new double[offers];
            double[] gC = new double[channels];
            double used = 0;
            for (int i = 0; i < p.size(); i++) {
                if (take[i]) {
                    used += p.cost()[i];
                    gO[p.offer()[i]]++;
                    gC[p.channel()[i]]++;
                }
            }
            double norm = 0;
            if (finite(p.budget())) {
                gB = p.budget() - used;
                norm += gB * gB;
            }
            for (int o = 0; o < offers; o++) {
                gO[o] = finite(p.offerCap()[o]) ? p.offerCap()[o] - gO[o] : 0;
                norm += gO[o] * gO[o];
            }
            for (int c = 0; c < channels; c++) {
                gC[c] = finite(p.channelCap()[c]) ? p.channelCap()[c] - gC[c] : 0;
                norm += gC[c] * gC[c];
            }
            if (norm == 0 || bound - best.value() <= 1e-9 * Math.max(1, Math.abs(bound)) || theta < 1e-6) {
                break;
            }
            double step = theta * Math.max(l - best.value(), 1e-9 * Math.max(1, l)) / norm;
            lambda = Math.max(0, lambda - step * gB);
            for (int o = 0; o < offers; o++) {
                mu[o] = Math.max(0, mu[o] - step * gO[o]);
            }
            for (int c = 0; c < channels; c++) {
                nu[c] = Math.max(0, nu[c] - step * gC[c]);
            }
            if (it % 25 == 24) {
                Plan candidate = greedy(p, r, "reduced value");
                if (candidate.value() > best.value()) {
                    best = candidate;
                }
            }
        }
        Plan atBest = greedy(p, reduced(p, bestLambda, bestMu, bestNu), "reduced value");
        if (atBest.value() > best.value()) {
            best = atBest;
        }
        double[] density = new double[p.size()];
        for (int i = 0; i < p.size(); i++) {
            density[i] = p.value()[i] / Math.max(p.cost()[i], 1e-9);
        }
        Plan byDensity = greedy(p, density, "value per cost");
        if (byDensity.value() > best.value()) {
            best = byDensity;
        }
        return new Plan(best.chosen(), best.value(), best.cost(), Math.max(bound, best.value()), best.method());
    }

    private static boolean finite(double v) {
        return v < Double.POSITIVE_INFINITY;
    }

    private static double[] reduced(Problem p, double lambda, double[] mu, double[] nu) {
        double[] r = new double[p.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = p.value()[i] - lambda * p.cost()[i] - mu[p.offer()[i]] - nu[p.channel()[i]];
        }
        return r;
    }

    /** The relaxed problem: per customer the k best positive reduced values; marks them in take. */
    private static double relaxed(Problem p, double[] r, boolean[] take) {
        Arrays.fill(take, false);
        int[] order = byCustomerThenDescending(p, r);
        double sum = 0;
        int taken = 0;
        int current = -1;
        for (int i : order) {
            if (p.customer()[i] != current) {
                current = p.customer()[i];
                taken = 0;
            }
            if (taken < p.perCustomer() && r[i] > 0) {
                take[i] = true;
                sum += r[i];
                taken++;
            }
        }
        return sum;
    }

    private static int[] byCustomerThenDescending(Problem p, double[] r) {
        Integer[] boxed = new Integer[p.size()];
        for (int i = 0; i < boxed.length; i++) {
            boxed[i] = i;
        }
        Arrays.sort(boxed, (a, b) -> p.customer()[a] != p.customer()[b] ? Integer.compare(p.customer()[a],
                p.customer()[b]) : Double.compare(r[b], r[a]));
        return Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
    }

    /** Accepts candidates with positive value in descending {@code key} order while they fit. */
    static Plan greedy(Problem p, double[] key, String method) {
        Integer[] boxed = new Integer[p.size()];
        for (int i = 0; i < boxed.length; i++) {
            boxed[i] = i;
        }
        Arrays.sort(boxed, (a, b) -> {
            int c = Double.compare(key[b], key[a]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        double[] offerLeft = p.offerCap().clone();
        double[] channelLeft = p.channelCap().clone();
        int[] perCustomer = new int[p.customers()];
        double budgetLeft = p.budget();
        double value = 0;
        double cost = 0;
        int[] chosen = new int[p.size()];
        int n = 0;
        for (int i : boxed) {
            if (p.value()[i] <= 0 || perCustomer[p.customer()[i]] >= p.perCustomer() || offerLeft[p.offer()[i]] < 1
                    || channelLeft[p.channel()[i]] < 1 || p.cost()[i] > budgetLeft + 1e-9) {
                continue;
            }
            chosen[n++] = i;
            perCustomer[p.customer()[i]]++;
            offerLeft[p.offer()[i]]--;
            channelLeft[p.channel()[i]]--;
            budgetLeft -= p.cost()[i];
            value += p.value()[i];
            cost += p.cost()[i];
        }
        return new Plan(Arrays.copyOf(chosen, n), value, cost, Double.NaN, method);
    }
}
