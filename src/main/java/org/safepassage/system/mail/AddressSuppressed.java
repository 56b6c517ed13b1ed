package org.safepassage.system.mail;

/**
 * An address joined the suppression list: modules that keep their own state about the
 * address (an alert subscriber, a letter writer) may record it; the mail path already
 * refuses to send to it.
 */
public record AddressSuppressed(String address, Suppressions.Reason reason) {
}
