package org.safepassage.system.security;

final class PasswordRules {

	static final int MIN_LENGTH = 12;

	static final int MAX_LENGTH = 200;

	private PasswordRules() {
	}

}
