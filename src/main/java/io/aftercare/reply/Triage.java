package io.aftercare.reply;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Sorts a reply into {@link ReplyCategory#URGENT}, {@link ReplyCategory#QUESTION} or {@link ReplyCategory#OTHER}
 * by its words. It errs on the side of urgent: any urgent term anywhere makes the reply urgent, whatever surrounds it
 * ("no bleeding, just itchy" is urgent), since a missed sign costs more than a needless look. It never diagnoses.
 *
 * @param urgent terms that make a reply urgent, in every language of the vocabulary
 * @param questions terms that make a reply a question where a sentence opens with them; {@code "?"} anywhere
 */
public record Triage(List<TriageTerm> urgent, List<TriageTerm> questions) {

    public Triage {
        urgent = List.copyOf(urgent);
        questions = List.copyOf(questions);
    }

    /** @param clinicTerms the clinic's own urgent terms, read as the vocabulary's are */
    public ReplyCategory categorise(String reply, Collection<String> clinicTerms) {
        if (reply == null || reply.isBlank()) {
            return ReplyCategory.OTHER;
        }
        List<String> words = ReplyWords.words(reply);
        List<TriageTerm> terms = new ArrayList<>(urgent);
        clinicTerms.stream().map(TriageTerm::of).forEach(terms::add);
        List<String> spelledOut = ReplyWords.spelledOut(words);
        boolean urgentTerm = terms.stream()
                .anyMatch(term ->
                        term.foundIn(words) || spelledOut.stream().anyMatch(word -> term.foundIn(List.of(word))));
        if (urgentTerm) {
            return ReplyCategory.URGENT;
        }
        return isQuestion(reply) ? ReplyCategory.QUESTION : ReplyCategory.OTHER;
    }

    private boolean isQuestion(String reply) {
        boolean questionMark = reply.contains("?") || reply.contains("¿") || reply.contains("？");
        if (questionMark && questions.contains(TriageTerm.QUESTION_MARK)) {
            return true;
        }
        List<List<String>> sentences = ReplyWords.sentences(reply);
        return questions.stream().anyMatch(term -> sentences.stream().anyMatch(term::opens));
    }

    /** Why a clinic's term cannot be one: it must hold a letter or digit and put {@code *} only at a word's end. */
    static Optional<String> problemWith(String term) {
        if (term.strip().equals("?") || TriageTerm.of(term).words().isEmpty()) {
            return Optional.of("must hold a letter or a digit");
        }
        if (term.matches(".*\\*[^\\s*].*") || term.strip().startsWith("*")) {
            return Optional.of("may end a word with * but hold no * elsewhere");
        }
        return Optional.empty();
    }
}
