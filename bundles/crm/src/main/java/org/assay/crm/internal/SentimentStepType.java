package org.assay.crm.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assay.api.data.Schema;
import org.assay.api.step.ParameterProblem;
import org.assay.api.step.PortSpec;
import org.assay.api.step.Step;
import org.assay.api.step.StepCategory;
import org.assay.api.step.StepDescriptor;
import org.assay.api.step.StepType;
import org.assay.api.step.typed.AssayStepType;
import org.assay.api.step.typed.TypedStepType;
import org.osgi.service.component.annotations.Component;

/** The {@code sentiment} step type: lexicon-based sentiment and key phrases of English and Chinese text. */
@Component(service = StepType.class)
@AssayStepType("sentiment")
public final class SentimentStepType extends TypedStepType<SentimentParameters> {

    public SentimentStepType() {
        super(SentimentParameters.class);
    }

    @Override
    protected void describe(StepDescriptor.Builder b) {
        b.category(StepCategory.MINER).title("Sentiment of feedback text")
                .description("Lexicon-based (no training): scores each text from -1 to 1 in the manner of VADER,"
                        + " for English and Chinese (Chinese segmented by longest match against the lexicon)."
                        + " Negators flip the next sentiment word within 3 tokens of its clause (not good, 不满意,"
                        + " 没有问题), boosters strengthen or damp it (very, 非常, slightly, 有点), after a contrast"
                        + " (but, 但是) the rest counts 1.5 times and what came before half; capitals, '!', emoticons"
                        + " and emoji count. Adds sentiment_score, sentiment_label (negative, neutral, positive by"
                        + " neutralBand) and key_phrases (the phrases that drove the score, strongest first). The"
                        + " lexicon is Assay's own (about 500 entries, feedback vocabulary); extend it with the"
                        + " lexicon parameter. Empty texts get nulls. One streaming pass.")
                .tags("sentiment", "text", "feedback", "nlp", "chinese", "crm", "key phrases")
                .input(PortSpec.streamed(PortSpec.IN, "Rows with a text column"))
                .output(PortSpec.OUT, "The rows with sentiment_score, sentiment_label and key_phrases");
    }

    @Override
    protected Step newStep(SentimentParameters p) {
        return new SentimentStep(p);
    }

    @Override
    protected List<ParameterProblem> check(SentimentParameters p, Map<String, Schema> inputs) {
        return new ArrayList<>();
    }

    @Override
    protected Optional<Map<String, Schema>> outputSchemas(SentimentParameters p, Map<String, Schema> inputs) {
        Schema in = inputs.get(PortSpec.IN);
        if (in == null || !in.contains(p.textColumn())) {
            return Optional.empty();
        }
        return Optional.of(Map.of(PortSpec.OUT, SentimentStep.output(in, p.textColumn())));
    }
}
