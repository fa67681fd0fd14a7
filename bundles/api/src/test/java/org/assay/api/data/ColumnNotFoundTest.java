package org.assay.api.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ColumnNotFoundTest {

    private final Schema schema = Schema.of(Field.of("id", FieldType.INTEGER), Field.of("age", FieldType.INTEGER),
            Field.of("city", FieldType.CATEGORICAL));

    @Test
    void aNearMissIsSuggestedBeforeTheColumns() {
        assertEquals("no column 'agee' in the input; did you mean 'age'? Its columns are [id, age, city]",
                ColumnNotFound.message("agee", schema, "the input"));
    }

    @Test
    void withoutANearMissOnlyTheColumnsAreListed() {
        assertEquals("no column 'revenue'; its columns are [id, age, city]",
                ColumnNotFound.message("revenue", schema, null));
        assertEquals("no column 'x' in the input; it has no columns", ColumnNotFound.message("x", Schema.of(), "the input"));
    }

    @Test
    void schemaRequireSaysItTheSameWay() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> schema.require("ctiy"));
        assertEquals("no column 'ctiy'; did you mean 'city'? Its columns are [id, age, city]", e.getMessage());
    }

    @Test
    void nearestNameCountsASwapAsOneSlip() {
        assertEquals(1, NearestName.distance("scr", "src"));
        assertEquals(Optional.of("src"), NearestName.among("scr", List.of("sink", "src")));
        assertEquals(Optional.empty(), NearestName.among("revenue", List.of("id", "age")));
    }
}
