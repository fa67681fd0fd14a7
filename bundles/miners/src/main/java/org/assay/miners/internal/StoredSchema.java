package org.assay.miners.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.assay.api.data.Field;
import org.assay.api.data.FieldTag;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.model.ModelStore;

/**
 * The training schema a stored version records ({@code schema.<i> = name:type[:cat1|cat2]},
 * written by {@link ChampionChallenger}), read back so a stored model is checked against new
 * data exactly as one on a model port.
 */
final class StoredSchema {

    private StoredSchema() {
    }

    static Schema of(ModelStore.Version v) {
        List<Field> fields = new ArrayList<>();
        String target = v.metadata().get("target");
        for (int i = 0; v.metadata().containsKey("schema." + i); i++) {
            String[] parts = v.metadata().get("schema." + i).split(":", 3);
            Field f = Field.of(parts[0], FieldType.parse(parts[1]));
            if (parts.length == 3 && !parts[2].isEmpty()) {
                f = f.withCategories(Arrays.asList(parts[2].split("\\|", -1)));
            }
            if (parts[0].equals(target)) {
                f = f.withTags(FieldTag.TARGET);
            }
            fields.add(f);
        }
        return Schema.of(fields);
    }
}
