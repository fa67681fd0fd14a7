package org.assay.connectors.file.internal;

import org.assay.api.step.typed.DescribedValue;

/** How {@code rest-reader} finds the next page. */
enum RestPaging implements DescribedValue {
    NONE("one request"),
    LINK_HEADER("the URL in the response's Link header with rel=\"next\" (GitHub, many REST APIs)"),
    NEXT_FIELD("the URL in the field nextField of each page (e.g. \"/next\", \"/links/next\"); empty or missing ends"),
    PAGE_NUMBER("the same URL with pageParameter set to 1, 2, 3 ... until a page has no records"),
    OFFSET("the same URL with pageParameter set to 0, then to the number of records read so far, until a page has"
            + " no records"),
    CURSOR("the same URL with pageParameter set to the token in the field nextField of the last page; empty or"
            + " missing ends");

    private final String description;

    RestPaging(String description) {
        this.description = description;
    }

    @Override
    public String description() {
        return description;
    }
}
