package io.aftercare.reminder;

/**
 * What erasing a client's texts changed.
 *
 * @param texts texts whose body and error text were erased; each keeps its status and times
 * @param cancelled of those, texts that had not gone out and were cancelled
 */
public record ErasedTexts(int texts, int cancelled) {}
