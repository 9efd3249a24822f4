package io.aftercare.session;

/**
 * The answer to a session post.
 *
 * @param created false when the same session had been posted before and this post changed nothing
 */
public record PostedSession(SessionView session, boolean created) {}
