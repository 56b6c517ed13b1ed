package org.safepassage.system.mail.webhooks;

import org.safepassage.system.mail.Suppressions;

/** One address a provider reports as bounced for good or complained about. */
record Finding(String address, Suppressions.Reason reason, String detail) {
}
