package org.assay.api.data;

import java.util.Collection;
import java.util.Optional;

/**
 * The "did you mean" of every message about a name that does not exist (a column, a parameter,
 * a step type, a step id), so that the engine at deploy time and the steps at run time suggest
 * the same name for the same slip. Stateless; safe from any thread.
 */
public final class NearestName {

    private NearestName() {
    }

    /**
     * The known name closest to {@code given}, if it is close enough to be a slip: at most two
     * edits, or a third of the given name's length for long names. The first in iteration
     * order wins a tie.
     *
     * @param given the name as written; not null
     * @param known the names that exist; not null, may be empty
     */
    public static Optional<String> among(String given, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = distance(given, k);
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        return best != null && bestDistance <= Math.max(2, given.length() / 3) ? Optional.of(best) : Optional.empty();
    }

    /**
     * Edits (insertion, deletion, substitution, or a swap of neighbouring letters) that turn
     * {@code a} into {@code b}.
     */
    public static int distance(String a, String b) {
        int[] prevPrev = new int[b.length() + 1];
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    // A swapped pair of letters ("scr" for "src") is one slip, not two.
                    cur[j] = Math.min(cur[j], prevPrev[j - 2] + 1);
                }
            }
            int[] t = prevPrev;
            prevPrev = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
