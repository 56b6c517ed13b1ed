package org.safepassage.shared;

/**
 * Thrown when a request names something that does not exist, or that its reader may not
 * see.
 */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String message) {
		super(message);
	}

}
