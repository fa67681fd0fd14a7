package org.assay.miners.internal;

import java.util.concurrent.atomic.AtomicBoolean;
import weka.clusterers.SimpleKMeans;

/**
 * A working clusterer outside {@code weka.clusterers}, standing in for any class a workflow
 * could name: its static initialiser records that it ran, so a test can prove that naming it
 * runs none of its code.
 */
public class ForeignClusterer extends SimpleKMeans {

    private static final long serialVersionUID = 1L;

    /** Lives in its own class: reading a field of ForeignClusterer would initialise it. */
    static final class Witness {
        static final AtomicBoolean INITIALISED = new AtomicBoolean();

        private Witness() {
        }
    }

    static {
        Witness.INITIALISED.set(true);
    }
}
