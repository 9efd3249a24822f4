package io.aftercare.reply;

/** What triage made of a reply; it flags, it never diagnoses. */
public enum ReplyCategory {
    /** Words that may be a sign needing a professional look (bleeding, pus, fever...); answered at once. */
    URGENT,
    /** Asks something. */
    QUESTION,
    /** Anything else. */
    OTHER,
    /** STOP, START or HELP (and their synonyms): handled as today, kept for the record. */
    KEYWORD
}
