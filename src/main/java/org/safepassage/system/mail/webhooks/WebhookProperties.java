package org.safepassage.system.mail.webhooks;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Bounce and complaint notifications that mail providers post to
 * {@code /webhooks/mail/{provider}} ({@code ses} for Amazon SES through SNS,
 * {@code postmark}). Each request carries the secret as the password of HTTP Basic
 * authentication (any user name), which every one of these providers can put in the
 * webhook's address: {@code https://hooks:SECRET@example.org/webhooks/mail/postmark}.
 *
 * @param secret the shared secret (16 characters or more); unset: the webhooks answer 404
 * @param maxBodySize the largest notification read; SNS sends at most 256 KB
 */
@ConfigurationProperties("safepassage.mail.webhooks")
record WebhookProperties(String secret, @DefaultValue("256KB") DataSize maxBodySize) {

	WebhookProperties {
		if (secret != null && !secret.isBlank() && secret.length() < 16) {
			throw new IllegalArgumentException("safepassage.mail.webhooks.secret must have 16 characters or more");
		}
	}

	boolean enabled() {
		return secret != null && !secret.isBlank();
	}

}
