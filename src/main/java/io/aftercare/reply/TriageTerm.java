package io.aftercare.reply;

import java.util.Arrays;
import java.util.List;

/**
 * One term of triage's vocabulary: whole words in a row, each of which may end in {@code *} to stand for any word
 * it starts ({@code "bleed*"} matches bleeds and bleeding; {@code "pus"} matches pus, not push). {@code "?"} stands for
 * a question mark anywhere in the reply.
 */
record TriageTerm(List<Word> words, boolean questionMark) {

    record Word(String text, boolean stem) {
        boolean matches(String word) {
            if (stem ? word.startsWith(text) : word.equals(text)) {
                return true;
            }
            // A letter drawn out for emphasis ("bleeeding", "hoooot"): both are then read with each run of a letter
            // once. Only then, so that "child" does not read as "chill*".
            if (!ReplyWords.drawnOut(word)) {
                return false;
            }
            String squeezedWord = ReplyWords.squeezed(word);
            String squeezedText = ReplyWords.squeezed(text);
            return stem ? squeezedWord.startsWith(squeezedText) : squeezedWord.equals(squeezedText);
        }
    }

    static final TriageTerm QUESTION_MARK = new TriageTerm(List.of(), true);

    /** Reads a term as written in the vocabulary or by a clinic; a term with no letter or digit matches nothing. */
    static TriageTerm of(String written) {
        if (written.strip().equals("?")) {
            return QUESTION_MARK;
        }
        // Stars survive the reading as a word of their own character, so that "bleed*" keeps its stem mark.
        String plain =
                ReplyWords.plain(written).replaceAll("[^\\p{L}\\p{N}*]+", " ").strip();
        List<Word> words = Arrays.stream(plain.split(" "))
                .map(word -> new Word(word.replace("*", ""), word.endsWith("*")))
                .filter(word -> !word.text().isEmpty())
                .toList();
        return new TriageTerm(words, false);
    }

    /** Whether the words of a reply hold this term anywhere. */
    boolean foundIn(List<String> replyWords) {
        for (int start = 0; start + words.size() <= replyWords.size(); start++) {
            if (!words.isEmpty() && startsAt(replyWords, start)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the words of a sentence begin with this term. */
    boolean opens(List<String> sentenceWords) {
        return !words.isEmpty() && words.size() <= sentenceWords.size() && startsAt(sentenceWords, 0);
    }

    private boolean startsAt(List<String> replyWords, int start) {
        for (int i = 0; i < words.size(); i++) {
            if (!words.get(i).matches(replyWords.get(start + i))) {
                return false;
            }
        }
        return true;
    }
}
