package org.assay.privacy.internal.anon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The k-anonymity benchmark's table and search on 2,000 rows: runs, nothing timed. */
class KAnonymityBenchmarkSmokeTest {

    @Test
    void censusTableCoversEveryValueAndTheSearchRuns() throws Exception {
        List<String[]> rows = CensusTable.rows(2_000, 1994);
        QiTable.Builder b = new QiTable.Builder(CensusTable.hierarchies(CensusTable.QI.length));
        for (String[] row : rows) {
            b.add(java.util.Arrays.copyOf(row, CensusTable.QI.length), row[row.length - 1]);
        }
        QiTable table = b.build();
        assertEquals(2_000, table.rows);
        LatticeSearch.Result r = new LatticeSearch(table, 5, 2, 100, () -> false).run();
        assertTrue(r.best().achievedK() >= 5 && r.best().suppressed() <= 100);
        assertEquals(6480, r.latticeSize());
        KAnonymityBenchmark.main(new String[] {"500"});
    }
}
