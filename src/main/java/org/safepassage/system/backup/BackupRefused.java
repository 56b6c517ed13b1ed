package org.safepassage.system.backup;

/**
 * A backup or restore that cannot go ahead, with a message that tells the operator what
 * to do; the command prints it instead of a stack trace.
 */
class BackupRefused extends RuntimeException {

	BackupRefused(String message) {
		super(message);
	}

	BackupRefused(String message, Throwable cause) {
		super(message, cause);
	}

}
