package org.safepassage.system.security;

import org.springframework.security.crypto.keygen.KeyGenerators;

final class PasswordRules {

	static final int MIN_LENGTH = 12;

	/**
	 * Long enough for any passphrase in any script; the hash (PBKDF2) has no length
	 * limit, this one keeps a request from making it hash megabytes.
	 */
	static final int MAX_LENGTH = 128;

	private PasswordRules() {
	}

	/**
	 * 16 hexadecimal digits from a secure random source, to be changed at first sign-in.
	 */
	static String oneTimePassword() {
		return KeyGenerators.string().generateKey() + KeyGenerators.string().generateKey();
	}

}
