package org.assay.api.audit;

/**
 * The result of {@link AuditLog#verify()}.
 *
 * @param intact  whether every line chains to the one before and the last one to the head
 * @param entries lines read
 * @param badLine the first line (from 1) that does not fit, or 0 when intact
 * @param problem what is wrong there, for people; empty when intact
 * @param head    the SHA-256 of the last line: note it elsewhere to detect a later truncation
 */
public record AuditVerification(boolean intact, long entries, long badLine, String problem, String head) {
}
