package org.safepassage.system.security;

import org.springframework.security.core.AuthenticationException;

/** A sign-in refused unchecked because too many failed before it. */
class SignInThrottledException extends AuthenticationException {

	SignInThrottledException() {
		super("Too many failed sign-ins; wait before trying again");
	}

}
