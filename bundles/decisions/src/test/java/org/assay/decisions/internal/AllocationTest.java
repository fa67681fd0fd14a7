package org.assay.decisions.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AllocationTest {

    @Test
    void theBoundIsNeverBelowTheOptimumAndThePlanIsFeasibleAndClose() {
        Random random = new Random(5);
        double lost = 0;
        double total = 0;
        int exact = 0;
        for (int t = 0; t < 200; t++) {
            Allocation.Problem p = random(random);
            double optimum = bruteForce(p);
            Allocation.Plan plan = Allocation.solve(p);
            assertTrue(feasible(p, plan.chosen()), "instance " + t);
            assertTrue(plan.value() <= optimum + 1e-9, "no plan beats the optimum: " + t);
            assertTrue(plan.bound() >= optimum - 1e-6, "bound " + plan.bound() + " below optimum " + optimum);
            lost += optimum - plan.value();
            total += optimum;
            exact += Math.abs(optimum - plan.value()) < 1e-9 ? 1 : 0;
        }
        assertTrue(lost / total < 0.03, "greedy plans lose " + lost / total + " of the optimum");
        assertTrue(exact > 120, "optimal in " + exact + " of 200");
    }

    @Test
    void withoutLimitsButPerCustomerThePlanIsTheOptimumAndTheGapZero() {
        Allocation.Problem p = new Allocation.Problem(new int[] {0, 0, 1, 1}, new int[] {0, 1, 0, 1},
                new int[] {0, 0, 0, 0}, new double[] {3, 5, 2, -1}, new double[] {1, 1, 1, 1}, 2,
                Double.POSITIVE_INFINITY, new double[] {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY},
                new double[] {Double.POSITIVE_INFINITY}, 1);
        Allocation.Plan plan = Allocation.solve(p);
        assertEquals(7, plan.value(), 1e-12);
        assertEquals(0, plan.gap(), 1e-12);
        int[] chosen = plan.chosen().clone();
        Arrays.sort(chosen);
        assertEquals("[1, 2]", Arrays.toString(chosen));
    }

    private static Allocation.Problem random(Random r) {
        int customers = 2 + r.nextInt(4);
        int offers = 2 + r.nextInt(3);
        int n = Math.min(4 + r.nextInt(9), customers * offers);
        int[] customer = new int[n];
        int[] offer = new int[n];
        int[] channel = new int[n];
        double[] value = new double[n];
        double[] cost = new double[n];
        int[] offerChannel = new int[offers];
        double[] offerCost = new double[offers];
        for (int o = 0; o < offers; o++) {
            offerChannel[o] = r.nextInt(2);
            offerCost[o] = 1 + r.nextInt(5);
        }
        java.util.Set<Integer> pairs = new java.util.HashSet<>();
        for (int i = 0; i < n; i++) {
            do {
                customer[i] = r.nextInt(customers);
                offer[i] = r.nextInt(offers);
            } while (!pairs.add(customer[i] * 10 + offer[i]));
            channel[i] = offerChannel[offer[i]];
            cost[i] = offerCost[offer[i]];
            value[i] = r.nextDouble() * 10 - 1;
        }
        double[] caps = new double[offers];
        for (int o = 0; o < offers; o++) {
            caps[o] = r.nextBoolean() ? Double.POSITIVE_INFINITY : 1 + r.nextInt(3);
        }
        double[] capacity = {r.nextBoolean() ? Double.POSITIVE_INFINITY : 1 + r.nextInt(3), Double.POSITIVE_INFINITY};
        double budget = r.nextBoolean() ? Double.POSITIVE_INFINITY : 3 + r.nextInt(10);
        return new Allocation.Problem(customer, offer, channel, value, cost, customers, budget, caps, capacity,
                1 + r.nextInt(2));
    }

    private static double bruteForce(Allocation.Problem p) {
        double best = 0;
        int n = p.size();
        for (int mask = 0; mask < 1 << n; mask++) {
            int[] chosen = new int[Integer.bitCount(mask)];
            int k = 0;
            double v = 0;
            for (int i = 0; i < n; i++) {
                if ((mask >> i & 1) == 1) {
                    chosen[k++] = i;
                    v += p.value()[i];
                }
            }
            if (v > best && feasible(p, chosen)) {
                best = v;
            }
        }
        return best;
    }

    static boolean feasible(Allocation.Problem p, int[] chosen) {
        double cost = 0;
        int[] perCustomer = new int[p.customers()];
        int[] perOffer = new int[p.offerCap().length];
        int[] perChannel = new int[p.channelCap().length];
        java.util.Set<String> pairs = new java.util.HashSet<>();
        for (int i : chosen) {
            cost += p.cost()[i];
            perCustomer[p.customer()[i]]++;
            perOffer[p.offer()[i]]++;
            perChannel[p.channel()[i]]++;
            if (!pairs.add(p.customer()[i] + "/" + p.offer()[i])) {
                return false;
            }
        }
        if (cost > p.budget() + 1e-9) {
            return false;
        }
        for (int c : perCustomer) {
            if (c > p.perCustomer()) {
                return false;
            }
        }
        for (int o = 0; o < perOffer.length; o++) {
            if (perOffer[o] > p.offerCap()[o]) {
                return false;
            }
        }
        for (int c = 0; c < perChannel.length; c++) {
            if (perChannel[c] > p.channelCap()[c]) {
                return false;
            }
        }
        return true;
    }
}
