package org.assay.api.step.typed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.assay.api.data.Batch;
import org.assay.api.data.BatchBuilder;
import org.assay.api.data.DataStream;
import org.assay.api.data.Field;
import org.assay.api.data.FieldTag;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.step.StepFailure;
import org.junit.jupiter.api.Test;

/** The shared pii policy of sinks; csv-writer and jdbc-writer test it through their steps too. */
class PiiPolicyTest {

    private static final Schema SCHEMA = Schema.of(Field.of("id", FieldType.INTEGER).withTags(FieldTag.ID),
            Field.of("born", FieldType.DATE).withTags(FieldTag.PII), Field.of("city", FieldType.CATEGORICAL));

    /** Two rows, the second with a null birth date; yields its one batch once. */
    private static DataStream input(Schema schema) {
        BatchBuilder b = new BatchBuilder(schema);
        b.set(0, 1L).set(1, LocalDate.of(1980, 2, 3)).set(2, "Gent").endRow();
        b.set(0, 2L).set(1, null).set(2, "Lyon").endRow();
        Batch batch = b.build();
        return new DataStream() {
            private boolean done;

            @Override
            public Schema schema() {
                return schema;
            }

            @Override
            public Batch next() {
                Batch r = done ? null : batch;
                done = true;
                return r;
            }

            @Override
            public void close() {
            }
        };
    }

    @Test
    void refuseNamesTheColumnsAndTheStep() {
        StepFailure e = assertThrows(StepFailure.class, () -> PiiPolicy.REFUSE.apply(input(SCHEMA), "some-writer"));
        assertEquals("the input has pii columns [born] and some-writer writes personal data only when told: set "
                + "\"pii\": \"drop\" to leave them out, \"mask\" to write *** instead, or \"write\" to write them as "
                + "they are (or clear them with a privacy step first)", e.getMessage());
    }

    @Test
    void writeAndInputsWithoutPiiPassThrough() throws StepFailure {
        DataStream in = input(SCHEMA);
        assertSame(in, PiiPolicy.WRITE.apply(in, "w"));
        DataStream plain = input(Schema.of(Field.of("id", FieldType.INTEGER), Field.of("born", FieldType.DATE),
                Field.of("city", FieldType.CATEGORICAL)));
        assertSame(plain, PiiPolicy.REFUSE.apply(plain, "w"));
    }

    @Test
    void dropLeavesThePiiColumnsOut() throws StepFailure, IOException {
        DataStream out = PiiPolicy.DROP.apply(input(SCHEMA), "w");
        assertEquals(List.of("id", "city"), out.schema().names());
        Batch b = out.next();
        assertEquals("Lyon", b.column(1).getString(1));
        assertNull(out.next());
    }

    @Test
    void maskTurnsPiiColumnsIntoTextAndKeepsNulls() throws StepFailure, IOException {
        DataStream out = PiiPolicy.MASK.apply(input(SCHEMA), "w");
        Field born = out.schema().field("born");
        assertEquals(FieldType.STRING, born.type());
        assertEquals(true, born.has(FieldTag.PII), "still tagged: a later sink must decide again");
        Batch b = out.next();
        assertEquals("***", b.column(1).getString(0));
        assertEquals(true, b.column(1).isNull(1));
        assertEquals(1L, b.column(0).getLong(0));
    }
}
