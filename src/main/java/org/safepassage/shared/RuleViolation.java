package org.safepassage.shared;

/**
 * A request that is well-formed but not allowed right now (closing a draft, signing a
 * closed petition). Carries a message key so the person is told why in their language.
 */
public class RuleViolation extends RuntimeException {

	private final String messageKey;

	public RuleViolation(String messageKey, String detail) {
		super(detail);
		this.messageKey = messageKey;
	}

	/**
	 * Guards a state transition: throws unless {@code allowed}, naming the rule by its
	 * message key.
	 */
	public static void require(boolean allowed, String messageKey) {
		if (!allowed) {
			throw new RuleViolation(messageKey, "Not allowed: " + messageKey);
		}
	}

	public String messageKey() {
		return messageKey;
	}

}
