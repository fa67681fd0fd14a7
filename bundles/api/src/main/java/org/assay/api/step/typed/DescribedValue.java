package org.assay.api.step.typed;

/**
 * An enum whose constants document themselves: the allowed values of an enum parameter and
 * what each does come from one list (NiFi's DescribedValue). Constants are written in JSON in
 * lower case with {@code -} for {@code _} ({@code MOST_FREQUENT} is {@code most-frequent}).
 */
public interface DescribedValue {

    /** What choosing this value does, one short sentence. */
    String description();
}
