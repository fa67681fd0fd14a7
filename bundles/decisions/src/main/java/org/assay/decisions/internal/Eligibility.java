package org.assay.decisions.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.step.StepContext;
import org.assay.api.step.StepFailure;
import org.assay.transforms.internal.expr.Expression;
import org.assay.transforms.internal.expr.ExpressionCompiler;
import org.assay.transforms.internal.expr.ExpressionException;
import org.assay.transforms.internal.expr.RowContext;

/**
 * An offer's eligibility rule: an expression over the candidates' columns, e.g.
 * {@code plan != 'basic' && tenure_months >= 6}, in the sandboxed expression language of
 * {@code derive} and {@code filter} (JEXL with an allow-list of constructs and a deny-all
 * permission set: no method calls, property access, {@code new}, loops, assignments or class
 * names). Compiled once per offer; thread-safe. A null or false result means not eligible.
 */
final class Eligibility {

    private final String offer;
    private final Expression expression;

    private Eligibility(String offer, Expression expression) {
        this.offer = offer;
        this.expression = expression;
    }

    /**
     * Compiles an offer's rule and checks it against the candidates' columns when they are known.
     *
     * @param candidates the candidates' schema, or null when not known yet (deploy without a schema)
     * @throws IllegalArgumentException with a message naming the offer, what is wrong and where
     */
    static Eligibility compile(String offer, String source, Schema candidates) {
        Expression e;
        try {
            e = ExpressionCompiler.compile(source);
        } catch (ExpressionException x) {
            throw new IllegalArgumentException(problem(offer, source, x.getMessage()));
        }
        if (candidates != null) {
            Optional<String> unknown = e.unknownColumn(candidates);
            if (unknown.isPresent()) {
                throw new IllegalArgumentException(problem(offer, source, "no candidate column '" + unknown.get()
                        + "' (the candidates have " + candidates.names() + ")"));
            }
            Optional<FieldType> type;
            try {
                type = e.checkTypes(candidates);
            } catch (ExpressionException x) {
                throw new IllegalArgumentException(problem(offer, source, x.getMessage()));
            }
            if (type.isPresent() && type.get() != FieldType.BOOLEAN) {
                throw new IllegalArgumentException(problem(offer, source, "it gives " + type.get().name()
                        .toLowerCase(java.util.Locale.ROOT) + ", not true or false; write a condition such as"
                        + " tenure_months >= 6"));
            }
        }
        return new Eligibility(offer, e);
    }

    private static String problem(String offer, String source, String what) {
        return "the eligibility of offer '" + offer + "' (" + source + "): " + what;
    }

    /**
     * Whether the candidate the context points at may get the offer.
     *
     * @throws Expression.EvaluationFailure when the row cannot be evaluated (a wrong value type)
     */
    boolean test(RowContext row) {
        return Boolean.TRUE.equals(expression.evaluate(row));
    }

    /** Each offer's eligibility rules (the parameter's and the offers' column), compiled for the candidates. */
    static List<List<Eligibility>> forOffers(StepContext ctx, Map<String, String> byOffer, Catalogue catalogue,
            Schema candidates)
            throws StepFailure {
        List<List<Eligibility>> rules = new ArrayList<>();
        for (int o = 0; o < catalogue.offers.size(); o++) {
            rules.add(new ArrayList<>());
        }
        try {
            for (Map.Entry<String, String> e : byOffer.entrySet()) {
                Integer o = catalogue.byName.get(e.getKey());
                if (o == null) {
                    ctx.log().warn("next-best-action: eligibility names offer '{}', which the offers input does not"
                            + " list", e.getKey());
                } else {
                    rules.get(o).add(Eligibility.compile(e.getKey(), e.getValue(), candidates));
                }
            }
            for (int o = 0; o < catalogue.offers.size(); o++) {
                Catalogue.Offer offer = catalogue.offers.get(o);
                if (offer.eligibility() != null) {
                    rules.get(o).add(Eligibility.compile(offer.name(), offer.eligibility(), candidates));
                }
            }
        } catch (IllegalArgumentException e) {
            throw new StepFailure("next-best-action: " + e.getMessage() + ". Fix the rule in the offers' eligibility"
                    + " column or the eligibility parameter.");
        }
        return rules;
    }

    String offer() {
        return offer;
    }

    String source() {
        return expression.source();
    }
}
