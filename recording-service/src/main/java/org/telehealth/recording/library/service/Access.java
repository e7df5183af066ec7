package org.telehealth.recording.library.service;

import org.telehealth.recording.problem.ProblemException;

/**
 * The result of an audited access: what the caller may have, or why not. Returned (not thrown) from
 * the transaction that wrote the audit row, so that a refusal's row is committed too; the REST layer
 * throws the refusal afterwards.
 */
public record Access<T>(T value, ProblemException refusal) {

    static <T> Access<T> granted(T value) {
        return new Access<>(value, null);
    }

    static <T> Access<T> refused(ProblemException refusal) {
        return new Access<>(null, refusal);
    }

    public T orElseThrow() {
        if (refusal != null) {
            throw refusal;
        }
        return value;
    }
}
