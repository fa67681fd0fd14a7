package org.assay.miners.internal;

import org.assay.api.data.Field;
import org.assay.api.data.FieldType;
import weka.core.Attribute;
import weka.core.Instances;
import weka.filters.Filter;
import weka.filters.unsupervised.attribute.NumericToNominal;

/**
 * The default algorithm's reading of an integer target that holds only 0 and 1 (bank churn's
 * {@code Exited}, a {@code churned} flag): a classification with classes "0" and "1", not a
 * regression, since that is what such a column means and a regression's figures (RMSE) say
 * nothing about who churns. Only for {@code "algorithm": "auto"}: a named algorithm keeps the
 * column's type, so a regression on 0/1 stays possible.
 */
final class ZeroOneTarget {

    private ZeroOneTarget() {
    }

    /** Whether the integer target of {@code data} (class set) has values and all are 0 or 1. */
    static boolean holds(Instances data, ClusterColumn target) {
        if (target.nominal() || target.field().type() != FieldType.INTEGER) {
            return false;
        }
        int c = data.classIndex();
        boolean any = false;
        for (int i = 0; i < data.numInstances(); i++) {
            double v = data.instance(i).value(c);
            if (Double.isNaN(v)) {
                continue;
            }
            if (v != 0 && v != 1) {
                return false;
            }
            any = true;
        }
        return any;
    }

    /** The data with the class attribute nominal, values in numeric order ("0", "1"). */
    static Instances nominal(Instances data) throws Exception {
        NumericToNominal filter = new NumericToNominal();
        filter.setAttributeIndices(Integer.toString(data.classIndex() + 1));
        filter.setInputFormat(data);
        Instances converted = Filter.useFilter(data, filter);
        converted.setClassIndex(data.classIndex());
        return converted;
    }

    /** The target column as the model knows it: categorical, with the class attribute's values. */
    static ClusterColumn column(ClusterColumn target, Attribute cls) {
        Field f = target.field();
        return new ClusterColumn(new Field(f.name(), FieldType.CATEGORICAL, f.nullable(), f.tags(),
                TrainingData.values(cls)), target.position(), true);
    }
}
