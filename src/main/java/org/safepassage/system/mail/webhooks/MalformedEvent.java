package org.safepassage.system.mail.webhooks;

/** A notification that is not what its provider sends; the message says what is wrong. */
class MalformedEvent extends Exception {

	MalformedEvent(String message) {
		super(message);
	}

}
