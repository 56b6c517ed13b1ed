package org.safepassage.system.mail;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param perDay confirmation-type mails one mailbox may get a day from all public forms
 * together
 * @param cleanupInterval how often the counts of days before yesterday are deleted
 */
@ConfigurationProperties("safepassage.mail.mailbox-cap")
record MailboxCapProperties(@DefaultValue("3") int perDay, @DefaultValue("1h") Duration cleanupInterval) {
}
