package org.assay.miners.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import org.assay.api.step.StepFailure;
import weka.classifiers.Classifier;
import weka.core.Instances;

/**
 * Reads and writes a classifier with its training header: Java serialisation of the
 * classifier followed by the header ({@code Instances} without rows), the layout of Weka's
 * {@code SerializationHelper.writeAll}, so a model file opens in the Weka Explorer.
 *
 * <p>Reading a serialised object graph runs code of every class in it, so a model file is
 * read through an {@link ObjectInputFilter} that admits only Weka's classes, the JDK's
 * collections, boxes and maths, and the matrix library Weka embeds ({@link #FILTER}); a
 * crafted file naming any other class (the {@code javax.management}, {@code sun.*} or
 * commons-collections gadgets) is refused before any code of that class runs. Depth, references and
 * array sizes are bounded as well. Classes resolve against the Weka bundle's class loader,
 * which sees every Weka class (this bundle does not import them all).
 */
final class WekaModelCodec {

    /** Format id of the content on a model port and in the store. */
    static final String FORMAT = "weka.classifiers.Classifier";

    static final ObjectInputFilter FILTER = ObjectInputFilter.Config.createFilter(
            "maxdepth=200;maxrefs=5000000;maxarray=100000000;"
            + "weka.**;no.uib.cipr.matrix.**;java.lang.*;java.util.*;java.util.concurrent.*;"
            + "java.util.concurrent.atomic.*;java.math.*;java.text.*;!*");

    private WekaModelCodec() {
    }

    /** A model read back: the classifier and the header it was trained with. */
    record Decoded(Classifier classifier, Instances header) {
    }

    static byte[] encode(Classifier classifier, Instances data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(classifier);
            out.writeObject(new Instances(data, 0));
        }
        return bytes.toByteArray();
    }

    /**
     * @param where what the stream is, for the message ("the model on input 'model'")
     * @throws StepFailure when the content is not a Weka classifier and header, or names a
     *                     class the filter refuses
     */
    static Decoded decode(InputStream in, String where) throws StepFailure {
        try (ObjectInputStream objects = new WekaObjectInputStream(in)) {
            objects.setObjectInputFilter(FILTER);
            Object classifier = objects.readObject();
            Object header = objects.readObject();
            if (!(classifier instanceof Classifier c) || !(header instanceof Instances h)) {
                throw new StepFailure(where + " is not a Weka classifier with its training header (format " + FORMAT
                        + "); train it with weka-classify.");
            }
            return new Decoded(c, h);
        } catch (InvalidClassException e) {
            throw new StepFailure(where + " was refused: it names a class a model may not contain (" + e.getMessage()
                    + "). Only models written by weka-classify or Weka itself are read; if this file came from"
                    + " elsewhere, do not use it.", e);
        } catch (IOException | ClassNotFoundException e) {
            throw new StepFailure(where + " cannot be read as a Weka model (" + ClustererSetup.message(e)
                    + "); it may be damaged or from another Weka version. Retrain it with weka-classify.", e);
        }
    }

    /** Resolves classes through Weka's class loader, after the filter has passed them. */
    private static final class WekaObjectInputStream extends ObjectInputStream {
        WekaObjectInputStream(InputStream in) throws IOException {
            super(in);
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            try {
                return Class.forName(desc.getName(), false, Instances.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                return super.resolveClass(desc);
            }
        }
    }
}
