package org.safepassage.system.security;

import java.time.Instant;
import java.util.Optional;

import org.safepassage.system.audit.AuditLog;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks a staff password only when {@link SignInThrottle} allows an attempt now, counts
 * the outcome, and records it in the audit log. A refusal while a wait runs costs no hash
 * and is not recorded (a flood of them would only fill the log); the failure that starts
 * a wait is.
 */
class ThrottledSignIn implements AuthenticationProvider {

	private final AuthenticationProvider passwords;

	private final SignInThrottle throttle;

	private final StaffAccounts accounts;

	private final AuditLog audit;

	ThrottledSignIn(AuthenticationProvider passwords, SignInThrottle throttle, StaffAccounts accounts, AuditLog audit) {
		this.passwords = passwords;
		this.throttle = throttle;
		this.accounts = accounts;
		this.audit = audit;
	}

	@Override
	public Authentication authenticate(Authentication attempt) {
		String name = attempt.getName();
		String address = (attempt.getDetails() instanceof WebAuthenticationDetails details) ? details.getRemoteAddress()
				: null;
		if (this.throttle.lockedUntil(name, address).isPresent()) {
			throw new SignInThrottledException();
		}
		Authentication result;
		try {
			result = this.passwords.authenticate(attempt);
		}
		catch (AuthenticationException failure) {
			Optional<Instant> lockedUntil = this.throttle.failed(name, address);
			// The name is recorded only when it is an account's: people type passwords
			// into the email field.
			String actor = this.accounts.find(name).map(StaffAccount::email).orElse(null);
			this.audit.record(actor, "sign-in.failed", null, failure.getClass().getSimpleName(), address);
			lockedUntil.ifPresent(until -> this.audit.record(actor, "sign-in.locked", null, "until " + until, address));
			throw failure;
		}
		this.throttle.succeeded(name, address);
		this.audit.record(result.getName(), "sign-in", null, "ok", address);
		return result;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
