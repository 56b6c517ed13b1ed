package org.safepassage.system.sealing;

/**
 * The key-encryption key is missing, unreadable or not the one the database was sealed
 * with. Thrown while the application starts, so it stops with this message instead of
 * running without access to protected data, or showing garbage.
 */
public class SealingKeyRefused extends IllegalStateException {

	SealingKeyRefused(String message) {
		super(message);
	}

	SealingKeyRefused(String message, Throwable cause) {
		super(message, cause);
	}

}
