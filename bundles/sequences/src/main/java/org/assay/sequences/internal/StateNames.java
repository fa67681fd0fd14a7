package org.assay.sequences.internal;

import java.util.ArrayList;
import java.util.List;

/** Default names for engagement states, most active first. */
final class StateNames {

    private StateNames() {
    }

    static List<String> defaults(int states) {
        return switch (states) {
            case 1 -> List.of("steady");
            case 2 -> List.of("active", "dormant");
            case 3 -> List.of("active", "cooling", "dormant");
            case 4 -> List.of("very active", "active", "cooling", "dormant");
            case 5 -> List.of("very active", "active", "steady", "cooling", "dormant");
            default -> {
                List<String> names = new ArrayList<>();
                for (int i = 1; i <= states; i++) {
                    names.add(i == 1 ? "most active" : i == states ? "dormant" : "level " + i);
                }
                yield names;
            }
        };
    }
}
