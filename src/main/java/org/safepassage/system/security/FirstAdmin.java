package org.safepassage.system.security;

import java.util.List;

import org.safepassage.system.SafePassageProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Creates the first admin on first start, from SAFEPASSAGE_ADMIN_EMAIL and
 * SAFEPASSAGE_ADMIN_PASSWORD. Without a password, a one-time password is generated and
 * printed once; it must be changed at first login.
 */
@Component
@Order(0)
class FirstAdmin implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

	static final String DEFAULT_EMAIL = "admin@safepassage.localhost";

	private final StaffAccounts accounts;

	private final SafePassageProperties properties;

	FirstAdmin(StaffAccounts accounts, SafePassageProperties properties) {
		this.accounts = accounts;
		this.properties = properties;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!accounts.isEmpty()) {
			return;
		}
		String email = StringUtils.hasText(properties.admin().email()) ? properties.admin().email() : DEFAULT_EMAIL;
		String password = properties.admin().password();
		boolean generated = !StringUtils.hasText(password);
		if (generated) {
			password = PasswordRules.oneTimePassword();
		}
		else if (password.length() < PasswordRules.MIN_LENGTH || password.length() > PasswordRules.MAX_LENGTH) {
			throw new IllegalStateException("SAFEPASSAGE_ADMIN_PASSWORD must have at least " + PasswordRules.MIN_LENGTH
					+ " and at most " + PasswordRules.MAX_LENGTH + " characters");
		}
		if (!accounts.create(email, "Administrator", password, List.of(Role.ADMIN), generated, null)) {
			return; // another instance created it first
		}
		if (generated) {
			log.warn("""

					============================================================
					 First admin created: {}
					 One-time password:   {}
					 Sign in at {} and choose a new password.
					 This password is shown only once.
					============================================================""", email, password,
					properties.link("/login"));
		}
		else {
			log.info("First admin created: {}", email);
		}
	}

}
